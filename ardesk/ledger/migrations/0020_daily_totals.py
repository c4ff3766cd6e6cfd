"""The daily totals move from the reports app into the ledger, with their triggers.

The tables are renamed (reports_ledgerday, reports_exchangeday to ledger_ledgerday,
ledger_exchangeday) rather than copied; the reports' triggers that fed them are removed and the
ledger's (``ledger.daily_totals``) installed, which also rebuilds the totals from the ledger.
reports/0006 then forgets the models.
"""

import django.db.models.deletion
from django.db import migrations, models

import ardesk.core.money
from ardesk.ledger import daily_totals
from ardesk.reports.migrations import _ledger_days_0003 as reports_triggers

_RENAMES = (
    ("reports_ledgerday", "ledger_ledgerday"),
    ("reports_exchangeday", "ledger_exchangeday"),
)
_INDEXES = (("reports_ledger_day", "ledger_day"), ("reports_exchange_day", "ledger_exchange_day"))


def move(apps, schema_editor):
    reports_triggers.triggers_remove(schema_editor)
    for old, new in _RENAMES:
        schema_editor.execute(f"ALTER TABLE {old} RENAME TO {new}")
    for old, new in _INDEXES:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER INDEX {old} RENAME TO {new}")
        else:
            # SQLite cannot rename an index: made again under the new name.
            table = "ledger_ledgerday" if new == "ledger_day" else "ledger_exchangeday"
            schema_editor.execute(f"DROP INDEX {old}")
            schema_editor.execute(f"CREATE INDEX {new} ON {table} (company_id, day)")
    daily_totals.triggers_install(schema_editor)


def move_back(apps, schema_editor):
    daily_totals.triggers_remove(schema_editor)
    for old, new in _INDEXES:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER INDEX {new} RENAME TO {old}")
        else:
            table = "ledger_ledgerday" if new == "ledger_day" else "ledger_exchangeday"
            schema_editor.execute(f"DROP INDEX {new}")
            schema_editor.execute(f"CREATE INDEX {old} ON {table} (company_id, day)")
    for old, new in _RENAMES:
        schema_editor.execute(f"ALTER TABLE {new} RENAME TO {old}")
    reports_triggers.triggers_install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0001_initial"),
        ("ledger", "0019_reopened_items"),
        ("reports", "0005_allocation_triggers_again"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(move, move_back)],
            state_operations=[
                migrations.CreateModel(
                    name="ExchangeDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("day", models.DateField(verbose_name="date")),
                        ("realised", ardesk.core.money.MinorUnitsField(verbose_name="realised exchange differences")),
                        (
                            "company",
                            models.ForeignKey(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="companies.company",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "exchange differences of a day",
                        "verbose_name_plural": "exchange differences by day",
                        "indexes": [models.Index(fields=["company", "day"], name="ledger_exchange_day")],
                    },
                ),
                migrations.CreateModel(
                    name="LedgerDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("currency", models.CharField(max_length=3, verbose_name="currency")),
                        ("day", models.DateField(verbose_name="date")),
                        ("balance", ardesk.core.money.MinorUnitsField(verbose_name="amount")),
                        ("balance_functional", ardesk.core.money.MinorUnitsField(verbose_name="functional amount")),
                        (
                            "sales_functional",
                            ardesk.core.money.MinorUnitsField(verbose_name="credit sales (functional)"),
                        ),
                        (
                            "company",
                            models.ForeignKey(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="companies.company",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ledger day",
                        "verbose_name_plural": "ledger days",
                        "indexes": [models.Index(fields=["company", "day"], name="ledger_day")],
                    },
                ),
            ],
        )
    ]
