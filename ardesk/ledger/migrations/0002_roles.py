"""Give the roles their receivables-ledger permissions."""

from django.db import migrations

from ardesk.accounts.roles import LEDGER_ROLE_PERMISSIONS, sync_role_permissions


def grant(apps, schema_editor):
    sync_role_permissions(apps, LEDGER_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
