"""Allocations keep their line's dates, their credit's date and their currency (see Allocation.facts).

Added as empty columns, filled from the lines and credits, then required; the past-date aging's index
then carries them.
"""

from django.db import migrations, models

FACTS = [
    ("currency", models.CharField(max_length=3, verbose_name="currency")),
    ("line_issue_on", models.DateField(verbose_name="invoice date")),
    ("line_due_on", models.DateField(verbose_name="due date")),
    ("source_issue_on", models.DateField(verbose_name="date of the receipt or credit note")),
]

FILL = """
UPDATE ledger_allocation
SET currency = l.currency, line_issue_on = l.issue_on, line_due_on = l.due_on, source_issue_on = d.issue_on
FROM ledger_dueline l, ledger_document d
WHERE l.id = ledger_allocation.line_id AND d.id = ledger_allocation.source_id
"""


def _nullable(field: models.Field) -> models.Field:
    _name, _path, args, kwargs = field.deconstruct()
    return type(field)(*args, **{**kwargs, "null": True})


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0017_partial_reversal_keys"),
    ]

    operations = [
        *(migrations.AddField("allocation", name, _nullable(field)) for name, field in FACTS),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        *(migrations.AlterField("allocation", name, field) for name, field in FACTS),
        migrations.RemoveIndex(model_name="allocation", name="ledger_allocation_after"),
        migrations.AddIndex(
            model_name="allocation",
            index=models.Index(
                fields=["allocated_on"],
                include=(
                    "line",
                    "source",
                    "customer",
                    "company",
                    "currency",
                    "line_issue_on",
                    "line_due_on",
                    "source_issue_on",
                    "amount",
                    "functional_amount",
                    "source_functional_amount",
                ),
                name="ledger_allocation_after",
            ),
        ),
    ]
