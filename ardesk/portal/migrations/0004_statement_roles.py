from django.db import migrations

from ardesk.accounts.roles import STATEMENT_RUN_ROLE_PERMISSIONS, sync_role_permissions


def forwards(apps, schema_editor):
    sync_role_permissions(apps, STATEMENT_RUN_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_statement_runs_and_codes"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
