from django.db import migrations

from ardesk.accounts.roles import PORTAL_ROLE_PERMISSIONS, sync_role_permissions


def forwards(apps, schema_editor):
    sync_role_permissions(apps, PORTAL_ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
