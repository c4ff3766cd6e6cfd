"""The ledger's daily totals (``LedgerDay``, ``ExchangeDay``): database triggers keep them, SQL reads them.

They describe the ledger, so they and their triggers live in the ledger app, with the tables the
triggers watch: a ledger migration that rebuilds ``ledger_document`` or ``ledger_allocation`` on
SQLite (which drops a table's triggers with it) must install them again, and the integrity check
``ledger.daily_totals`` names any that are missing.

The aging's reconciliation line needs the ledger balance on a date and the exchange differences
realised by then, and the DSO trend each month's balance and credit sales. Summed from the
documents and allocations these read every row ever posted (two million at a million invoices);
summed from the daily totals they read one row per company, currency and day.

Triggers, not service code, keep the totals, so that no way of writing the ledger can miss them:
services, the bulk import (COPY on PostgreSQL), a data migration. On PostgreSQL an insert statement
of documents adds its rows grouped per day (one statement trigger with a transition table, so a
chunk of 2,000 imported documents costs one grouped insert); an allocation fires its trigger only
when it realises an exchange difference (a row trigger with a condition, so the many allocations
between amounts at the same rate cost nothing). On SQLite a row trigger adds each row. Posted
documents and allocations are never changed or deleted by the product, but the update and delete
triggers keep the totals exact if anything ever does. The triggers only append rows, never update
one: postings never wait for each other on a day's row, and an import that adds to the same days
chunk after chunk does not pile up row versions in its transaction. A scheduled job
(``totals_compact``) merges each day's rows; readers always sum.
"""

from __future__ import annotations

from django.db import connection, transaction

SALES_TYPES_SQL = "('invoice', 'debit_note', 'credit_note')"


def _day_values(row: str, sign: str) -> str:
    return (
        f"{row}.company_id, {row}.currency, {row}.issue_on, {sign}{row}.amount, {sign}{row}.functional_amount,"
        f" CASE WHEN {row}.doc_type IN {SALES_TYPES_SQL} THEN {sign}{row}.functional_amount ELSE 0 END"
    )


_DAY_COLUMNS = "company_id, currency, day, balance, balance_functional, sales_functional"
_DOCUMENT_WATCHED = ["status", "amount", "functional_amount", "issue_on", "company_id", "currency", "doc_type"]
_ALLOCATION_WATCHED = ["company_id", "allocated_on", "functional_amount", "source_functional_amount"]


def _changed(columns: list[str]) -> str:
    """The PostgreSQL row trigger's condition: one of ``columns`` has a new value."""
    return " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)


# Every name in these statements is a constant of this module; no value is interpolated.
POSTGRESQL_INSTALL = f"""
CREATE OR REPLACE FUNCTION ledger_documents_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_ledgerday ({_DAY_COLUMNS})
    SELECT company_id, currency, issue_on, SUM(amount), SUM(functional_amount),
           SUM(CASE WHEN doc_type IN {SALES_TYPES_SQL} THEN functional_amount ELSE 0 END)
    FROM ledger_added WHERE status = 'posted'
    GROUP BY company_id, currency, issue_on;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ledger_document_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'posted' THEN
        INSERT INTO ledger_ledgerday ({_DAY_COLUMNS}) VALUES ({_day_values("OLD", "-")});
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status = 'posted' THEN
        INSERT INTO ledger_ledgerday ({_DAY_COLUMNS}) VALUES ({_day_values("NEW", "")});
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ledger_allocation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.functional_amount <> OLD.source_functional_amount THEN
            INSERT INTO ledger_exchangeday (company_id, day, realised)
            VALUES (OLD.company_id, OLD.allocated_on, OLD.source_functional_amount - OLD.functional_amount);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.functional_amount <> NEW.source_functional_amount THEN
            INSERT INTO ledger_exchangeday (company_id, day, realised)
            VALUES (NEW.company_id, NEW.allocated_on, NEW.functional_amount - NEW.source_functional_amount);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ledger_documents_added AFTER INSERT ON ledger_document
    REFERENCING NEW TABLE AS ledger_added FOR EACH STATEMENT EXECUTE FUNCTION ledger_documents_added();
CREATE TRIGGER ledger_document_changed AFTER UPDATE OF {", ".join(_DOCUMENT_WATCHED)} ON ledger_document
    FOR EACH ROW WHEN ({_changed(_DOCUMENT_WATCHED)}) EXECUTE FUNCTION ledger_document_changed();
CREATE TRIGGER ledger_document_removed AFTER DELETE ON ledger_document
    FOR EACH ROW EXECUTE FUNCTION ledger_document_changed();
CREATE TRIGGER ledger_allocations_added AFTER INSERT ON ledger_allocation
    FOR EACH ROW WHEN (NEW.functional_amount <> NEW.source_functional_amount)
    EXECUTE FUNCTION ledger_allocation_changed();
CREATE TRIGGER ledger_allocation_changed AFTER UPDATE OF {", ".join(_ALLOCATION_WATCHED)} ON ledger_allocation
    FOR EACH ROW WHEN ({_changed(_ALLOCATION_WATCHED)}) EXECUTE FUNCTION ledger_allocation_changed();
CREATE TRIGGER ledger_allocation_removed AFTER DELETE ON ledger_allocation
    FOR EACH ROW EXECUTE FUNCTION ledger_allocation_changed();
"""  # noqa: S608

POSTGRESQL_REMOVE = """
DROP TRIGGER IF EXISTS ledger_documents_added ON ledger_document;
DROP TRIGGER IF EXISTS ledger_document_changed ON ledger_document;
DROP TRIGGER IF EXISTS ledger_document_removed ON ledger_document;
DROP TRIGGER IF EXISTS ledger_allocations_added ON ledger_allocation;
DROP TRIGGER IF EXISTS ledger_allocation_changed ON ledger_allocation;
DROP TRIGGER IF EXISTS ledger_allocation_removed ON ledger_allocation;
DROP FUNCTION IF EXISTS ledger_documents_added();
DROP FUNCTION IF EXISTS ledger_document_changed();
DROP FUNCTION IF EXISTS ledger_allocation_changed();
"""


def _sqlite_day(row: str, sign: str, when: str) -> str:
    return f"INSERT INTO ledger_ledgerday ({_DAY_COLUMNS}) SELECT {_day_values(row, sign)} WHERE {when};"


def _sqlite_exchange(row: str, sign: str) -> str:
    return (
        f"INSERT INTO ledger_exchangeday (company_id, day, realised)"
        f" SELECT {row}.company_id, {row}.allocated_on,"
        f" {sign}({row}.functional_amount - {row}.source_functional_amount)"
        f" WHERE {row}.functional_amount <> {row}.source_functional_amount;"
    )


_OLD_POSTED = "OLD.status = 'posted'"
_NEW_POSTED = "NEW.status = 'posted'"
_DOCUMENT_COLUMNS = ", ".join(_DOCUMENT_WATCHED)
_ALLOCATION_COLUMNS = ", ".join(_ALLOCATION_WATCHED)

# Every trigger of the daily totals, by name: ``triggers_missing`` (the integrity check) looks for each.
TRIGGERS = (
    "ledger_documents_added",
    "ledger_document_changed",
    "ledger_document_removed",
    "ledger_allocations_added",
    "ledger_allocation_changed",
    "ledger_allocation_removed",
)

# One statement per item: Django's SQLite backend runs one statement at a time.
SQLITE_INSTALL = [
    f"CREATE TRIGGER ledger_documents_added AFTER INSERT ON ledger_document WHEN {_NEW_POSTED}"
    f" BEGIN {_sqlite_day('NEW', '', _NEW_POSTED)} END",
    f"CREATE TRIGGER ledger_document_changed AFTER UPDATE OF {_DOCUMENT_COLUMNS} ON ledger_document"
    f" BEGIN {_sqlite_day('OLD', '-', _OLD_POSTED)} {_sqlite_day('NEW', '', _NEW_POSTED)} END",
    "CREATE TRIGGER ledger_document_removed AFTER DELETE ON ledger_document"
    f" BEGIN {_sqlite_day('OLD', '-', _OLD_POSTED)} END",
    "CREATE TRIGGER ledger_allocations_added AFTER INSERT ON ledger_allocation"
    " WHEN NEW.functional_amount <> NEW.source_functional_amount"
    f" BEGIN {_sqlite_exchange('NEW', '')} END",
    f"CREATE TRIGGER ledger_allocation_changed AFTER UPDATE OF {_ALLOCATION_COLUMNS} ON ledger_allocation"
    f" BEGIN {_sqlite_exchange('OLD', '-')} {_sqlite_exchange('NEW', '')} END",
    "CREATE TRIGGER ledger_allocation_removed AFTER DELETE ON ledger_allocation"
    f" BEGIN {_sqlite_exchange('OLD', '-')} END",
]
SQLITE_REMOVE = [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS]

REBUILD = [
    "DELETE FROM ledger_ledgerday",
    "DELETE FROM ledger_exchangeday",
    f"""INSERT INTO ledger_ledgerday ({_DAY_COLUMNS})
    SELECT company_id, currency, issue_on, SUM(amount), SUM(functional_amount),
           SUM(CASE WHEN doc_type IN {SALES_TYPES_SQL} THEN functional_amount ELSE 0 END)
    FROM ledger_document WHERE status = 'posted' GROUP BY company_id, currency, issue_on""",  # noqa: S608
    """INSERT INTO ledger_exchangeday (company_id, day, realised)
    SELECT company_id, allocated_on, SUM(functional_amount - source_functional_amount)
    FROM ledger_allocation WHERE functional_amount <> source_functional_amount
    GROUP BY company_id, allocated_on""",
]


def triggers_install(schema_editor) -> None:
    """Create the triggers and fill the totals from the ledger as it is (migration ledger/0020)."""
    statements = [POSTGRESQL_INSTALL] if schema_editor.connection.vendor == "postgresql" else SQLITE_INSTALL
    for sql in [*statements, *REBUILD]:
        schema_editor.execute(sql, params=None)


def triggers_missing() -> list[str]:
    """The daily totals' triggers that are not installed (a migration that rebuilt a table on SQLite
    drops its triggers with it)."""
    sql = (
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        if connection.vendor == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        installed = {row[0] for row in cursor.fetchall()}
    return [name for name in TRIGGERS if name not in installed]


def triggers_remove(schema_editor) -> None:
    statements = [POSTGRESQL_REMOVE] if schema_editor.connection.vendor == "postgresql" else SQLITE_REMOVE
    for sql in statements:
        schema_editor.execute(sql, params=None)


_COMPACT_POSTGRESQL = [
    f"""WITH moved AS (
        DELETE FROM ledger_ledgerday RETURNING company_id, currency, day, balance, balance_functional, sales_functional
    )
    INSERT INTO ledger_ledgerday ({_DAY_COLUMNS})
    SELECT company_id, currency, day, SUM(balance), SUM(balance_functional), SUM(sales_functional)
    FROM moved GROUP BY company_id, currency, day
    HAVING SUM(balance) <> 0 OR SUM(balance_functional) <> 0 OR SUM(sales_functional) <> 0""",  # noqa: S608
    """WITH moved AS (DELETE FROM ledger_exchangeday RETURNING company_id, day, realised)
    INSERT INTO ledger_exchangeday (company_id, day, realised)
    SELECT company_id, day, SUM(realised) FROM moved GROUP BY company_id, day HAVING SUM(realised) <> 0""",
]
_COMPACT_SQLITE = [
    f"""INSERT INTO ledger_ledgerday ({_DAY_COLUMNS})
    SELECT company_id, currency, day, SUM(balance), SUM(balance_functional), SUM(sales_functional)
    FROM ledger_ledgerday WHERE id <= %s GROUP BY company_id, currency, day
    HAVING SUM(balance) <> 0 OR SUM(balance_functional) <> 0 OR SUM(sales_functional) <> 0""",  # noqa: S608
    "DELETE FROM ledger_ledgerday WHERE id <= %s",
    """INSERT INTO ledger_exchangeday (company_id, day, realised)
    SELECT company_id, day, SUM(realised) FROM ledger_exchangeday WHERE id <= %s GROUP BY company_id, day
    HAVING SUM(realised) <> 0""",
    "DELETE FROM ledger_exchangeday WHERE id <= %s",
]


@transaction.atomic
def totals_compact() -> int:
    """Merge the rows the triggers appended into one per day (dropping days that sum to nothing).

    Readers sum, so the totals are the same before and after; fewer rows make them cheaper. On
    PostgreSQL each table is moved in one statement (one snapshot: a row committed meanwhile is
    either moved or left, never lost); on SQLite the transaction holds the only write lock.
    Returns the number of rows left.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in _COMPACT_POSTGRESQL:
                cursor.execute(sql)
        else:
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM ledger_ledgerday")
            last_day = cursor.fetchone()[0]
            cursor.execute("SELECT COALESCE(MAX(id), 0) FROM ledger_exchangeday")
            last_exchange = cursor.fetchone()[0]
            for sql, last in zip(_COMPACT_SQLITE, (last_day, last_day, last_exchange, last_exchange), strict=True):
                cursor.execute(sql, [last])
        cursor.execute("SELECT (SELECT COUNT(*) FROM ledger_ledgerday) + (SELECT COUNT(*) FROM ledger_exchangeday)")
        return cursor.fetchone()[0]


def merge_after_import(**_kwargs) -> None:
    """After an import, merge the rows its triggers appended at once rather than at the next hourly run.

    A million imported invoices append some 660,000 rows; until they are merged every reader sums
    them (the dashboard took 1.0 s instead of 0.2 s). Merging them takes a few seconds.
    """
    totals_compact()
