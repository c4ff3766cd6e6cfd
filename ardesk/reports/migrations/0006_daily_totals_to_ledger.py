"""The daily totals now belong to the ledger (ledger/0020 renamed their tables and moved their
triggers): the reports app forgets its models, leaving the tables alone."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_allocation_triggers_again"),
        ("ledger", "0020_daily_totals"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ExchangeDay"), migrations.DeleteModel(name="LedgerDay")],
            database_operations=[],
        )
    ]
