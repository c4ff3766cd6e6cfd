"""The aging reads the open lines, open credits and later allocations from covering indexes.

On PostgreSQL the (settled_on) due-line index and the (allocated_on) allocation index now carry
every column the aging reads, so an aging of 1,000,000 due lines reads those indexes alone; they
replace the plain indexes on the same columns, so an import maintains as many indexes as before.
Allocations whose two functional amounts differ (items booked at different rates) get a small
partial index for the reconciliation's exchange differences.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0011_bad_debt_types"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="dueline", name="ledger_line_settled"),
        migrations.AddIndex(
            model_name="dueline",
            index=models.Index(
                fields=["settled_on"],
                include=(
                    "id",
                    "issue_on",
                    "due_on",
                    "company",
                    "customer",
                    "currency",
                    "open_now",
                    "open_functional_now",
                ),
                name="ledger_line_open",
            ),
        ),
        migrations.RemoveIndex(model_name="document", name="ledger_credit_settled"),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("amount__lt", 0)),
                fields=["settled_on", "issue_on"],
                name="ledger_credit_open",
            ),
        ),
        migrations.RemoveIndex(model_name="allocation", name="ledger_allocation_date"),
        migrations.AddIndex(
            model_name="allocation",
            index=models.Index(
                fields=["allocated_on"],
                include=("line", "source", "amount", "functional_amount", "source_functional_amount"),
                name="ledger_allocation_after",
            ),
        ),
        migrations.AddIndex(
            model_name="allocation",
            index=models.Index(
                condition=models.Q(("functional_amount", models.F("source_functional_amount")), _negated=True),
                fields=["allocated_on"],
                name="ledger_allocation_fx",
            ),
        ),
    ]
