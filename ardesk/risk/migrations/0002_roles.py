"""The roles' risk management permissions."""

from django.db import migrations

from ardesk.accounts.roles import RISK_ROLE_PERMISSIONS, sync_role_permissions


def create(apps, schema_editor):
    sync_role_permissions(apps, RISK_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("risk", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
