from django.db import migrations

from ardesk.accounts.roles import INSIGHTS_ROLE_PERMISSIONS, sync_role_permissions


def grant(apps, schema_editor):
    sync_role_permissions(apps, INSIGHTS_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("insights", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
