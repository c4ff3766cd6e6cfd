"""The (company, issue_on) document index also carries the status and the functional amount.

The ledger balance as of a date (the aging's reconciliation) then sums the index alone instead of
reading every document row: 0.43 s to 0.14 s for 2,000,000 documents on PostgreSQL. It replaces the
index it extends, so an import maintains as many indexes as before.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0009_allocation_date_index"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="document", name="ledger_docu_company_480a30_idx"),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                fields=["company", "issue_on", "status", "functional_amount"], name="ledger_document_balance"
            ),
        ),
    ]
