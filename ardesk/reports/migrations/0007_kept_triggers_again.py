"""On SQLite, customers/0004 rebuilt the customers table (how SQLite adds the bank-account index
column), and the kept aging's triggers went with the old table: they are created again. PostgreSQL
altered the table in place and kept them."""

from django.db import migrations

from ardesk.reports.kept import triggers_install, triggers_remove


def reinstall(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        triggers_remove(schema_editor)
        triggers_install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0006_daily_totals_to_ledger"),
        ("customers", "0004_bank_account_index"),
        ("companies", "0002_company_bank_account"),
    ]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
