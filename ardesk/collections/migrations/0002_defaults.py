"""The shipped dunning policy and the roles' collections permissions."""

from django.db import migrations

from ardesk.accounts.roles import COLLECTIONS_ROLE_PERMISSIONS, sync_role_permissions
from ardesk.collections.defaults import dunning_policy_ensure


def create(apps, schema_editor):
    dunning_policy_ensure(apps)
    sync_role_permissions(apps, COLLECTIONS_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("collections", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
