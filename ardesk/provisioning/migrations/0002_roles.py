"""The roles' bad-debt permissions."""

from django.db import migrations

from ardesk.accounts.roles import PROVISIONING_ROLE_PERMISSIONS, sync_role_permissions


def create(apps, schema_editor):
    sync_role_permissions(apps, PROVISIONING_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("provisioning", "0001_initial"), ("accounts", "0002_roles"), ("reports", "0002_defaults")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
