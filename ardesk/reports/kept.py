"""The kept aging: a day's aging rows per customer and company, stored so that day's report reads them.

As of today, 1,000,000 invoices leave about 237,000 open items of 78,000 customers; summing them
into buckets, joining the customers' names and sorting by code is most of the report's time. A job
(``refresh``, scheduled hourly) stores each default bucket set's rows as of today, in the report's
order, with the positions they include: the highest document, allocation and ``KeptChange`` ids.
A report as of that day then reads the stored rows of every customer with nothing since, and
recomputes from the open items only the customers with a document or an allocation past the
positions (theirs or on one of their items) or whose code or name changed. Posted documents, due
lines and allocations are never changed or deleted (a reversal is a new row), so a customer with
nothing new has exactly the open items its row was made from.

Positions are ids, so no writer may still be adding rows below them when they are read: on
PostgreSQL the refresh holds the documents, allocations and changes in SHARE mode for its few
seconds (writers wait; when a long import holds them the refresh gives up and the next one tries
again); on SQLite one writer at a time takes ids above every committed row.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Min

from ardesk.companies.models import Company
from ardesk.customers.models import Customer
from ardesk.ledger import open_items
from ardesk.ledger.models import Allocation, Document
from ardesk.reports import aging_sql, domain
from ardesk.reports.models import KEPT_BUCKETS, BucketSet, KeptAging, KeptChange

logger = logging.getLogger(__name__)

# Above this many customers changed since the refresh, recomputing them costs about as much as the
# whole report; the report then reads the open items.
TOUCHED_LIMIT = 2000
# How long the refresh waits for writers to finish before trying again at its next run.
LOCK_TIMEOUT = "5s"

# The customers with a document, an allocation, or an allocation to one of their items past the
# positions (the ledger's statement), or whose code or name changed (NULL: a company's code changed).
# Identifiers are fixed; values are placeholders.
_TOUCHED_SQL = f"""{open_items.CUSTOMERS_POSTED_SINCE}
UNION SELECT customer_id FROM reports_keptchange WHERE id > %s
LIMIT %s
"""  # noqa: S608 (fixed text)
_KEYS = ("customer_id", "company_id")
_NAMES_JOIN = (
    f" JOIN {Customer._meta.db_table} c ON c.id = s.customer_id"
    f" LEFT JOIN {Company._meta.db_table} co ON co.id = s.company_id"
)


def limits_key(bucket_set: BucketSet) -> str:
    """The bucket set's basis, unit and upper limits: kept sums are of these buckets only."""
    uppers = ",".join("" if b.upper is None else str(b.upper) for b in bucket_set.buckets.all())
    return f"{bucket_set.basis}|{bucket_set.unit}|{uppers}"


def _usable(bucket_set: BucketSet, as_of: dt.date) -> tuple[KeptAging, list[int]] | None:
    """The set's kept aging of ``as_of`` and the customers changed since, when it can serve a report."""
    found = KeptAging.objects.filter(bucket_set=bucket_set, as_of=as_of).first()
    if found is None or found.limits != limits_key(bucket_set):
        return None
    touched = touched_customers(found)
    return None if touched is None else (found, touched)


def touched_customers(found: KeptAging) -> list[int] | None:
    """The customers changed since the aging was kept; None when a company's code changed or when
    more than TOUCHED_LIMIT did."""
    with connection.cursor() as cursor:
        cursor.execute(
            _TOUCHED_SQL,
            [
                found.documents_upto,
                found.allocations_upto,
                found.allocations_upto,
                found.changes_upto,
                TOUCHED_LIMIT + 1,
            ],
        )
        customers = [row[0] for row in cursor.fetchall()]
    if len(customers) > TOUCHED_LIMIT or None in customers:
        return None
    return customers


def _kept_part(found: KeptAging, columns: str, company_ids: list[int], touched: list[int]) -> tuple[str, list]:
    sql = (
        f"SELECT {columns} FROM reports_keptagingrow k WHERE k.kept_id = %s AND k.company_id IN ({_marks(company_ids)})"  # noqa: S608 (fixed text)
    )
    params: list = [found.pk, *company_ids]
    if touched:
        sql += f" AND k.customer_id NOT IN ({_marks(touched)})"
        params += touched
    return sql, params


def _fresh_part(as_of, bucket_set, bucket_limits, company_ids, touched) -> tuple[str, list]:
    return aging_sql.grouped_sums(
        as_of=as_of,
        bucket_set=bucket_set,
        bucket_limits=bucket_limits,
        keys=_KEYS,
        company_ids=company_ids,
        functional=True,
        customer_ids=touched,
    )


def customer_rows(
    *, as_of: dt.date, bucket_set: BucketSet, bucket_limits: list[dt.date], company_ids: list[int]
) -> tuple[str, list] | None:
    """A statement of the aging's rows by customer in the functional currency (id, code, name, company
    code, ``b0``…, ``u``, in the report's order) from the kept aging, or None when there is none
    usable for that day."""
    usable = _usable(bucket_set, as_of)
    if usable is None:
        return None
    found, touched = usable
    amounts = [*(f"b{n}" for n in range(len(bucket_limits) + 1)), "u"]
    kept_sql, params = _kept_part(
        found,
        "k.customer_id, k.code, k.name, k.company_code, " + ", ".join(f"k.{a}" for a in amounts),
        company_ids,
        touched,
    )
    if not touched:
        return kept_sql + " ORDER BY k.seq", params
    fresh, fresh_params = _fresh_part(as_of, bucket_set, bucket_limits, company_ids, touched)
    order = aging_sql.code_point_order()
    sql = (
        f"SELECT * FROM ({kept_sql} UNION ALL SELECT {aging_sql.row_columns('customer')}, "  # noqa: S608 (fixed text)
        f"{', '.join(f's.{a}' for a in amounts)} FROM ({fresh}) s{_NAMES_JOIN}) x"
        f" ORDER BY x.code{order}, x.company_code{order}"
    )
    return sql, [*params, *fresh_params]


def sums(
    *, as_of: dt.date, bucket_set: BucketSet, bucket_limits: list[dt.date], company_ids: list[int]
) -> tuple[str, list] | None:
    """A statement of the functional sums per customer and company as of ``as_of`` (columns as
    ``aging_sql.grouped_sums`` with keys customer_id, company_id) from the kept aging, or None when
    there is none usable for that day."""
    usable = _usable(bucket_set, as_of)
    if usable is None:
        return None
    found, touched = usable
    columns = ", ".join(["k.customer_id", "k.company_id", *(f"k.b{n}" for n in range(len(bucket_limits) + 1)), "k.u"])
    sql, params = _kept_part(found, columns, company_ids, touched)
    if touched:
        fresh, fresh_params = _fresh_part(as_of, bucket_set, bucket_limits, company_ids, touched)
        sql += f" UNION ALL SELECT * FROM ({fresh}) f"  # noqa: S608 (fixed text)
        params += fresh_params
    return sql, params


def _marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def _writers_held() -> bool:
    """On PostgreSQL, hold the documents, allocations and changes against writers for this transaction."""
    if connection.vendor != "postgresql":
        return True
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_TIMEOUT])
            tables = ", ".join([*open_items.POSTED_TABLES, KeptChange._meta.db_table])
            cursor.execute(f"LOCK TABLE {tables} IN SHARE MODE")
    except DatabaseError:
        logger.info("Kept aging not refreshed: the ledger is being written.")
        return False
    return True


def refresh(*, bucket_set: BucketSet, as_of: dt.date) -> int | None:
    """Store the set's aging rows per customer and company as of a day; the rows stored, or None when
    it cannot be kept (more than KEPT_BUCKETS buckets, or writers held the ledger too long)."""
    rules = [domain.BucketRule(b.key, b.label, b.upper) for b in bucket_set.buckets.all()]
    if len(rules) > KEPT_BUCKETS:
        return None
    with transaction.atomic(), open_items.report_session():
        if not _writers_held():
            return None
        positions = {
            "documents_upto": Document.objects.aggregate(top=Max("id"))["top"] or 0,
            "allocations_upto": Allocation.objects.aggregate(top=Max("id"))["top"] or 0,
            "changes_upto": KeptChange.objects.aggregate(top=Max("id"))["top"] or 0,
        }
        found, _created = KeptAging.objects.update_or_create(
            bucket_set=bucket_set, defaults={"as_of": as_of, "limits": limits_key(bucket_set), **positions}
        )
        found.rows.all().delete()
        # Changes that every kept aging already includes are of no further use.
        oldest = KeptAging.objects.aggregate(oldest=Min("changes_upto"))["oldest"]
        KeptChange.objects.filter(id__lte=oldest).delete()
        company_ids = list(Company.objects.values_list("id", flat=True))
        if not company_ids:
            return 0
        select, params = aging_sql.grouped_sums(
            as_of=as_of,
            bucket_set=bucket_set,
            bucket_limits=domain.limits(rules, as_of, bucket_set.unit),
            keys=_KEYS,
            company_ids=company_ids,
            functional=True,
        )
        amounts = ", ".join([*(f"b{n}" for n in range(len(rules))), "u"])
        order = aging_sql.code_point_order()
        in_order = f"COALESCE(c.code, ''){order}, COALESCE(co.code, ''){order}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO reports_keptagingrow (kept_id, customer_id, code, name, company_code, seq, company_id,"  # noqa: S608 (fixed text)
                f" {amounts}) SELECT %s, {aging_sql.row_columns('customer')},"
                f" ROW_NUMBER() OVER (ORDER BY {in_order}), s.company_id,"
                f" {', '.join(f's.{a}' for a in amounts.split(', '))} FROM ({select}) s{_NAMES_JOIN}"
                # Stored in the report's order too, so reading them by seq is reading the table in order.
                f" ORDER BY {in_order}",
                [found.pk, *params],
            )
            return cursor.rowcount


def refresh_defaults(*, today: dt.date) -> int:
    """Keep today's aging of each default bucket set unless it is already of today with nothing
    changed since; the number of sets refreshed."""
    refreshed = 0
    for bucket_set in BucketSet.objects.filter(is_default=True).prefetch_related("buckets"):
        usable = _usable(bucket_set, today)
        if usable is not None and not usable[1]:
            continue
        if refresh(bucket_set=bucket_set, as_of=today) is not None:
            refreshed += 1
    if refreshed and connection.vendor == "postgresql":
        # The rows replaced are dead until a vacuum, and reports read the table whole: clean it and
        # gather the new rows' statistics now rather than at autovacuum's next pass (a vacuum cannot
        # run inside a transaction; then the statistics alone).
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE reports_keptagingrow"
                if connection.in_atomic_block
                else "VACUUM (ANALYZE) reports_keptagingrow"
            )
    return refreshed


def differences(found: KeptAging) -> list[tuple[int, int]]:
    """The (customer, company) pairs whose kept row differs from their open items on its date, among
    those a report would read (``ardesk integrity``); none when the kept aging serves no report."""
    bucket_set = found.bucket_set
    touched = touched_customers(found) if found.limits == limits_key(bucket_set) else None
    if touched is None:
        return []
    rules = [domain.BucketRule(b.key, b.label, b.upper) for b in bucket_set.buckets.all()]
    amounts = [*(f"b{n}" for n in range(len(rules))), "u"]
    select, params = aging_sql.grouped_sums(
        as_of=found.as_of,
        bucket_set=bucket_set,
        bucket_limits=domain.limits(rules, found.as_of, bucket_set.unit),
        keys=_KEYS,
        company_ids=list(Company.objects.values_list("id", flat=True)),
        functional=True,
    )
    with open_items.report_session(), connection.cursor() as cursor:
        cursor.execute(select, params)
        from_items = {(row[0], row[1]): row[2:] for row in cursor.fetchall()}
    stored = {
        (row[0], row[1]): row[2:]
        for row in found.rows.values_list("customer_id", "company_id", *amounts).iterator(chunk_size=10_000)
    }
    skipped = set(touched)
    return sorted(
        pair
        for pair in from_items.keys() | stored.keys()
        if pair[0] not in skipped and from_items.get(pair) != stored.get(pair)
    )


_POSTGRESQL_INSTALL = """
CREATE FUNCTION reports_kept_customer_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reports_keptchange (customer_id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER reports_kept_customer_change AFTER UPDATE OF code, name ON customers_customer
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION reports_kept_customer_change();
CREATE FUNCTION reports_kept_company_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reports_keptchange (customer_id) VALUES (NULL);
    RETURN NULL;
END $$;
CREATE TRIGGER reports_kept_company_change AFTER UPDATE OF code ON companies_company
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION reports_kept_company_change();
"""
_POSTGRESQL_REMOVE = """
DROP TRIGGER IF EXISTS reports_kept_customer_change ON customers_customer;
DROP FUNCTION IF EXISTS reports_kept_customer_change();
DROP TRIGGER IF EXISTS reports_kept_company_change ON companies_company;
DROP FUNCTION IF EXISTS reports_kept_company_change();
"""
_SQLITE_INSTALL = [
    """CREATE TRIGGER reports_kept_customer_change AFTER UPDATE OF code, name ON customers_customer
    FOR EACH ROW WHEN OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name
    BEGIN INSERT INTO reports_keptchange (customer_id) VALUES (NEW.id); END""",
    """CREATE TRIGGER reports_kept_company_change AFTER UPDATE OF code ON companies_company
    FOR EACH ROW WHEN OLD.code IS NOT NEW.code
    BEGIN INSERT INTO reports_keptchange (customer_id) VALUES (NULL); END""",
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS reports_kept_customer_change",
    "DROP TRIGGER IF EXISTS reports_kept_company_change",
]


def triggers_install(schema_editor) -> None:
    """The triggers that append a ``KeptChange`` for each code or name edited (migration reports/0004)."""
    statements = [_POSTGRESQL_INSTALL] if schema_editor.connection.vendor == "postgresql" else _SQLITE_INSTALL
    for sql in statements:
        schema_editor.execute(sql, params=None)


def triggers_remove(schema_editor) -> None:
    statements = [_POSTGRESQL_REMOVE] if schema_editor.connection.vendor == "postgresql" else _SQLITE_REMOVE
    for sql in statements:
        schema_editor.execute(sql, params=None)
