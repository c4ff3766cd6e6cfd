"""The invoice's medium (electronic or paper), empty when not known.

Added by one ALTER TABLE on both engines. Django's own AddField would rebuild the documents table on
SQLite (a NOT NULL column with a default), and a rebuilt table loses its triggers: the daily
totals' (ledger.daily_totals) would be gone.
"""

from django.db import migrations, models


def add_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE ledger_document ADD COLUMN medium varchar(10) DEFAULT '' NOT NULL")


def drop_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE ledger_document DROP COLUMN medium")


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0022_refunds"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_column, drop_column)],
            state_operations=[
                migrations.AddField(
                    model_name="document",
                    name="medium",
                    field=models.CharField(
                        blank=True,
                        choices=[("electronic", "Electronic invoice"), ("paper", "Paper invoice")],
                        db_default="",
                        default="",
                        max_length=10,
                        verbose_name="invoice medium",
                    ),
                ),
            ],
        ),
    ]
