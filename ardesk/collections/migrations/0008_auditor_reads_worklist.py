"""The internal auditor reads the collections worklist (read only, as for every collections screen)."""

from django.db import migrations

from ardesk.accounts.roles import COLLECTIONS_ROLE_PERMISSIONS, INTERNAL_AUDITOR, sync_role_permissions


def grant(apps, schema_editor):
    sync_role_permissions(apps, {INTERNAL_AUDITOR: COLLECTIONS_ROLE_PERMISSIONS[INTERNAL_AUDITOR]})


class Migration(migrations.Migration):
    dependencies = [("collections", "0007_notice_sending")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
