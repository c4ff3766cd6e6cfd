from django.db import migrations

from ardesk.accounts.roles import RELATIONS_ROLE_PERMISSIONS, sync_role_permissions
from ardesk.relations.defaults import survey_template_ensure


def forwards(apps, schema_editor):
    sync_role_permissions(apps, RELATIONS_ROLE_PERMISSIONS)
    survey_template_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("relations", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
