"""The shipped bucket sets (overdue days and 账龄) and the roles' report permissions."""

from django.db import migrations

from ardesk.accounts.roles import REPORTS_ROLE_PERMISSIONS, sync_role_permissions
from ardesk.reports.defaults import bucket_sets_ensure


def create(apps, schema_editor):
    bucket_sets_ensure(apps)
    sync_role_permissions(apps, REPORTS_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
