"""The daily totals' triggers as reports/0003 installed them (and reports/0005 again on SQLite), on
tables reports_ledgerday and reports_exchangeday: frozen here so those migrations and ledger/0020,
which removes them, keep doing what they did. The living version is ``ardesk.ledger.daily_totals``."""

from __future__ import annotations

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
CREATE OR REPLACE FUNCTION reports_documents_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reports_ledgerday ({_DAY_COLUMNS})
    SELECT company_id, currency, issue_on, SUM(amount), SUM(functional_amount),
           SUM(CASE WHEN doc_type IN {SALES_TYPES_SQL} THEN functional_amount ELSE 0 END)
    FROM reports_added WHERE status = 'posted'
    GROUP BY company_id, currency, issue_on;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION reports_document_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'posted' THEN
        INSERT INTO reports_ledgerday ({_DAY_COLUMNS}) VALUES ({_day_values("OLD", "-")});
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status = 'posted' THEN
        INSERT INTO reports_ledgerday ({_DAY_COLUMNS}) VALUES ({_day_values("NEW", "")});
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION reports_allocation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.functional_amount <> OLD.source_functional_amount THEN
            INSERT INTO reports_exchangeday (company_id, day, realised)
            VALUES (OLD.company_id, OLD.allocated_on, OLD.source_functional_amount - OLD.functional_amount);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.functional_amount <> NEW.source_functional_amount THEN
            INSERT INTO reports_exchangeday (company_id, day, realised)
            VALUES (NEW.company_id, NEW.allocated_on, NEW.functional_amount - NEW.source_functional_amount);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reports_documents_added AFTER INSERT ON ledger_document
    REFERENCING NEW TABLE AS reports_added FOR EACH STATEMENT EXECUTE FUNCTION reports_documents_added();
CREATE TRIGGER reports_document_changed AFTER UPDATE OF {", ".join(_DOCUMENT_WATCHED)} ON ledger_document
    FOR EACH ROW WHEN ({_changed(_DOCUMENT_WATCHED)}) EXECUTE FUNCTION reports_document_changed();
CREATE TRIGGER reports_document_removed AFTER DELETE ON ledger_document
    FOR EACH ROW EXECUTE FUNCTION reports_document_changed();
CREATE TRIGGER reports_allocations_added AFTER INSERT ON ledger_allocation
    FOR EACH ROW WHEN (NEW.functional_amount <> NEW.source_functional_amount)
    EXECUTE FUNCTION reports_allocation_changed();
CREATE TRIGGER reports_allocation_changed AFTER UPDATE OF {", ".join(_ALLOCATION_WATCHED)} ON ledger_allocation
    FOR EACH ROW WHEN ({_changed(_ALLOCATION_WATCHED)}) EXECUTE FUNCTION reports_allocation_changed();
CREATE TRIGGER reports_allocation_removed AFTER DELETE ON ledger_allocation
    FOR EACH ROW EXECUTE FUNCTION reports_allocation_changed();
"""  # noqa: S608

POSTGRESQL_REMOVE = """
DROP TRIGGER IF EXISTS reports_documents_added ON ledger_document;
DROP TRIGGER IF EXISTS reports_document_changed ON ledger_document;
DROP TRIGGER IF EXISTS reports_document_removed ON ledger_document;
DROP TRIGGER IF EXISTS reports_allocations_added ON ledger_allocation;
DROP TRIGGER IF EXISTS reports_allocation_changed ON ledger_allocation;
DROP TRIGGER IF EXISTS reports_allocation_removed ON ledger_allocation;
DROP FUNCTION IF EXISTS reports_documents_added();
DROP FUNCTION IF EXISTS reports_document_changed();
DROP FUNCTION IF EXISTS reports_allocation_changed();
"""


def _sqlite_day(row: str, sign: str, when: str) -> str:
    return f"INSERT INTO reports_ledgerday ({_DAY_COLUMNS}) SELECT {_day_values(row, sign)} WHERE {when};"


def _sqlite_exchange(row: str, sign: str) -> str:
    return (
        f"INSERT INTO reports_exchangeday (company_id, day, realised)"
        f" SELECT {row}.company_id, {row}.allocated_on,"
        f" {sign}({row}.functional_amount - {row}.source_functional_amount)"
        f" WHERE {row}.functional_amount <> {row}.source_functional_amount;"
    )


_OLD_POSTED = "OLD.status = 'posted'"
_NEW_POSTED = "NEW.status = 'posted'"
_DOCUMENT_COLUMNS = ", ".join(_DOCUMENT_WATCHED)
_ALLOCATION_COLUMNS = ", ".join(_ALLOCATION_WATCHED)

# One statement per item: Django's SQLite backend runs one statement at a time.
SQLITE_INSTALL = [
    f"CREATE TRIGGER reports_documents_added AFTER INSERT ON ledger_document WHEN {_NEW_POSTED}"
    f" BEGIN {_sqlite_day('NEW', '', _NEW_POSTED)} END",
    f"CREATE TRIGGER reports_document_changed AFTER UPDATE OF {_DOCUMENT_COLUMNS} ON ledger_document"
    f" BEGIN {_sqlite_day('OLD', '-', _OLD_POSTED)} {_sqlite_day('NEW', '', _NEW_POSTED)} END",
    "CREATE TRIGGER reports_document_removed AFTER DELETE ON ledger_document"
    f" BEGIN {_sqlite_day('OLD', '-', _OLD_POSTED)} END",
    "CREATE TRIGGER reports_allocations_added AFTER INSERT ON ledger_allocation"
    " WHEN NEW.functional_amount <> NEW.source_functional_amount"
    f" BEGIN {_sqlite_exchange('NEW', '')} END",
    f"CREATE TRIGGER reports_allocation_changed AFTER UPDATE OF {_ALLOCATION_COLUMNS} ON ledger_allocation"
    f" BEGIN {_sqlite_exchange('OLD', '-')} {_sqlite_exchange('NEW', '')} END",
    "CREATE TRIGGER reports_allocation_removed AFTER DELETE ON ledger_allocation"
    f" BEGIN {_sqlite_exchange('OLD', '-')} END",
]
SQLITE_REMOVE = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "reports_documents_added",
        "reports_document_changed",
        "reports_document_removed",
        "reports_allocations_added",
        "reports_allocation_changed",
        "reports_allocation_removed",
    )
]

REBUILD = [
    "DELETE FROM reports_ledgerday",
    "DELETE FROM reports_exchangeday",
    f"""INSERT INTO reports_ledgerday ({_DAY_COLUMNS})
    SELECT company_id, currency, issue_on, SUM(amount), SUM(functional_amount),
           SUM(CASE WHEN doc_type IN {SALES_TYPES_SQL} THEN functional_amount ELSE 0 END)
    FROM ledger_document WHERE status = 'posted' GROUP BY company_id, currency, issue_on""",  # noqa: S608
    """INSERT INTO reports_exchangeday (company_id, day, realised)
    SELECT company_id, allocated_on, SUM(functional_amount - source_functional_amount)
    FROM ledger_allocation WHERE functional_amount <> source_functional_amount
    GROUP BY company_id, allocated_on""",
]


def triggers_install(schema_editor) -> None:
    """Create the triggers and fill the totals from the ledger as it is (migration reports/0003)."""
    statements = [POSTGRESQL_INSTALL] if schema_editor.connection.vendor == "postgresql" else SQLITE_INSTALL
    for sql in [*statements, *REBUILD]:
        schema_editor.execute(sql, params=None)


def triggers_remove(schema_editor) -> None:
    statements = [POSTGRESQL_REMOVE] if schema_editor.connection.vendor == "postgresql" else SQLITE_REMOVE
    for sql in statements:
        schema_editor.execute(sql, params=None)


