"""The roles' cash application permissions."""

from django.db import migrations

from ardesk.accounts.roles import BANKING_ROLE_PERMISSIONS, sync_role_permissions


def create(apps, schema_editor):
    sync_role_permissions(apps, BANKING_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("banking", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
