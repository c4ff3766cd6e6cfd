"""The roles' month-end close permissions."""

from django.db import migrations

from ardesk.accounts.roles import CLOSING_ROLE_PERMISSIONS, sync_role_permissions


def create(apps, schema_editor):
    sync_role_permissions(apps, CLOSING_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("closing", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
