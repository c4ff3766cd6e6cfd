"""On SQLite, ledger/0018 rebuilt the allocations table (how SQLite makes a column required), and the
daily totals' triggers on it went with the old table: they are created again and the totals rebuilt.
PostgreSQL altered the table in place and kept them."""

from django.db import migrations

from ardesk.reports.migrations._ledger_days_0003 import triggers_install, triggers_remove


def reinstall(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        triggers_remove(schema_editor)
        triggers_install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_kept_aging"),
        ("ledger", "0018_allocation_facts"),
    ]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
