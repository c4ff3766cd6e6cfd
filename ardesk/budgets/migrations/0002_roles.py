"""The roles' budget and profitability permissions."""

from django.db import migrations

from ardesk.accounts.roles import BUDGETS_ROLE_PERMISSIONS, sync_role_permissions


def create(apps, schema_editor):
    sync_role_permissions(apps, BUDGETS_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("budgets", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
