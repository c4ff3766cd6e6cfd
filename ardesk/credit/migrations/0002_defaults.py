"""The demo scorecard, the default approval level and the roles' credit permissions."""

from django.db import migrations

from ardesk.accounts.roles import CREDIT_ROLE_PERMISSIONS, sync_role_permissions
from ardesk.credit.defaults import credit_defaults_ensure


def create(apps, schema_editor):
    sync_role_permissions(apps, CREDIT_ROLE_PERMISSIONS)
    credit_defaults_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
