"""Importing customers: created, unchanged, or updated (audited) by code within the company.

A new customer is written with its first status (active) and its ``customer.create`` event; a
changed one with its ``customer.update`` event (name and credit code before and after). The rows go
to the database in bulk by a ``Writer`` (core.bulk): COPY on PostgreSQL, in a thread of its own while
the next chunk is read, with ids from the table's sequence and the events chained by an audit
``BulkTrail``; the reading thread prepares each chunk's rows and events, the writer only sends them.
Parents and payment terms, which may name customers further down the file, are set at the end.
"""

from __future__ import annotations

import operator

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import BulkTrail
from ardesk.core.bulk import Writer, copy_text, insert_rows, reserve_ids
from ardesk.customers import domain as customer_rules
from ardesk.customers.models import Customer, CustomerStatus, CustomerStatusChange
from ardesk.ledger.domain import FORMULA_LEADS
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.base import Importer
from ardesk.ledger.imports.copy import copy_line
from ardesk.ledger.imports.reader import cell_text
from ardesk.ledger.models import CustomerTerms, PaymentTerm

User = get_user_model()

# A new customer's columns: its id, what the row gives, then what every imported customer shares.
CUSTOMER_FIELDS = ("id", "code", "name", "uscc", "currency", "collector_id", "search_text")
SHARED_FIELDS = (
    "company_id",
    "status",
    "registered_capital_currency",
    "business_scope",
    "legal_representative",
    "industry",
    "region",
    "address",
    "bank_name",
    "bank_account",
    "bank_account_index",
    "notes",
    "created_at",
    "updated_at",
)
# A row's cells as the checks read them.
ROW_FIELDS = ("code", "name", "uscc", "currency", "payment_terms", "parent_code", "collector")
STATUS_FIELDS = ("customer_id", "from_status", "to_status", "reason", "changed_by_id", "changed_at")
CUSTOMER_TYPE = "customers.customer"
# Customer ids reserved ahead at most (see CustomerImporter.new_ids).
IDS_AHEAD = 16_000

# A large import into a small customer table (a company moving in) does not maintain the table's
# search indexes row by row: on PostgreSQL, once ``INDEXES_LATER_FROM`` new customers are written
# into a table that held fewer than ``INDEXES_LATER_BELOW`` at the start, the non-unique secondary
# indexes (the trigram search index above all: about 60 µs a name inserted, against a few µs a name
# built whole) are dropped in the import's transaction and built again, whole, at its end. Unique
# indexes stay: they guard the codes and credit codes while the rows go in. DDL is transactional, so
# an import that fails leaves the indexes as they were. The drop holds the table's exclusive lock until
# the import commits (the customer list waits for it): it is tried with a short lock timeout and,
# when others are reading the table, skipped (the indexes are then kept up row by row).
INDEXES_LATER_BELOW = 20_000
INDEXES_LATER_FROM = 5_000
_LOCK_TIMEOUT = "2s"
_SECONDARY_INDEXES = """
SELECT c.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = %s::regclass AND NOT i.indisunique AND NOT i.indisprimary AND i.indisvalid
ORDER BY c.relname
"""


class CustomerImporter(Importer):
    kind = "customers"

    def start(self) -> None:
        self.existing = {
            code: (pk, name, uscc)
            for pk, code, name, uscc in Customer.objects.filter(company=self.company).values_list(
                "pk", "code", "name", "uscc"
            )
        }
        # Ids by code; the writer adds the new customers' as it writes them (read after ``wait``).
        self.ids = {code: pk for code, (pk, _n, _u) in self.existing.items()}
        self.usccs = {uscc: code for code, (_pk, _n, uscc) in self.existing.items() if uscc}
        self.terms = dict(PaymentTerm.objects.values_list("code", "pk"))
        self.collectors = dict(User.objects.filter(is_active=True).values_list("username", "pk"))
        self.seen: set[str] = set()
        self.parents: list[tuple[int, str, str]] = []
        self.term_rows: list[tuple[str, int]] = []
        # Currency cells as read (parse_currency), by their text: a file names a few.
        self.currencies: dict[str, str] = {}
        if not self.writing:
            return
        self.copy = connection.vendor == "postgresql"
        now = timezone.now()
        self.now = now if self.copy else connection.ops.adapt_datetimefield_value(now)
        self.shared = self.prepared(
            (self.company.pk, CustomerStatus.ACTIVE.value, "CNY", "", "", "", "", "", "", "", "", "", now, now)
        )
        self.status = self.prepared(("", CustomerStatus.ACTIVE.value, "", self.user.pk if self.user else None, now))
        self.trail = BulkTrail(actor=self.user, company_id=self.company.pk)
        # The indexes built at the end (name, definition), once dropped; see INDEXES_LATER_BELOW.
        self.indexes_later: list[tuple[str, str]] = []
        self.written = 0
        self.free_ids: list[int] = []
        self.used_ids = 0
        self.may_defer_indexes = self.copy and Customer.objects.count() < INDEXES_LATER_BELOW
        self.writer = Writer()

    def prepared(self, values: tuple) -> tuple | str:
        """Columns to write after the id: on PostgreSQL already in COPY's text format, else as they are."""
        return copy_line(values) if self.copy else values

    def chunk_cells(self, rows: list[tuple[int, list]]) -> None:
        """Check (and write) a chunk, each row's cells taken by position in the order of ``ROW_FIELDS``
        (``Importer.values`` builds a dict of every column a row)."""
        positions = [self.positions.get(name) for name in ROW_FIELDS]
        every = None not in positions
        width = max(positions) + 1 if every else 0
        take = operator.itemgetter(*positions) if every else None

        def cells_of(cells: list) -> tuple:
            if every and len(cells) >= width:
                return take(cells)
            found = self.values(cells)
            return tuple(found.get(name, "") for name in ROW_FIELDS)

        self.chunk([(line, cells_of(cells)) for line, cells in rows])

    def check_row(self, line: int, cells: tuple) -> dict | None:
        """A row's values once checked (cells in the order of ``ROW_FIELDS``), or None after reporting its problems."""
        before = self.report.problem_count
        raw_code, raw_name, raw_uscc, raw_currency, raw_term, raw_parent, raw_collector = cells
        code = self.cell(line, "code", raw_code, 32)
        name = self.cell(line, "name", raw_name, 200)
        uscc = customer_rules.normalize_uscc(raw_uscc if type(raw_uscc) is str else cell_text(raw_uscc))
        currency = self.currencies.get(raw_currency) if type(raw_currency) is str else None
        if currency is None:
            values = {"currency": raw_currency}
            currency = self.parsed(line, values, "currency", formats.parse_currency, required=False) or "CNY"
            if type(raw_currency) is str and self.report.problem_count == before:
                self.currencies[raw_currency] = currency
        term = raw_term.strip() if type(raw_term) is str else cell_text(raw_term)
        collector = raw_collector.strip() if type(raw_collector) is str else cell_text(raw_collector)
        if code is not None:
            problem = customer_rules.customer_code_problem(code)
            if problem:
                self.report.add(line, "code", problem)
            elif code in self.seen:
                self.report.add(line, "code", _("Customer code %(code)s appears twice in the file.") % {"code": code})
            self.seen.add(code)
        if uscc:
            problem = customer_rules.uscc_problem(uscc)
            if problem:
                self.report.add(line, "uscc", problem)
            elif self.usccs.get(uscc, code) != code:
                self.report.add(
                    line,
                    "uscc",
                    _("This credit code is already registered for customer %(code)s.") % {"code": self.usccs[uscc]},
                )
            else:
                self.usccs[uscc] = code
        if term and term not in self.terms:
            self.report.add(line, "payment_terms", _("Unknown payment term %(code)s.") % {"code": term})
        if collector and collector not in self.collectors:
            self.report.add(line, "collector", _("Unknown user %(name)s.") % {"name": collector})
        if self.report.problem_count > before or code is None or name is None:
            return None
        parent = raw_parent.strip() if type(raw_parent) is str else cell_text(raw_parent)
        if parent:
            self.parents.append((line, code, parent))
        return {
            "code": code,
            "name": name,
            "uscc": uscc,
            "currency": currency,
            "term": term,
            "collector_id": self.collectors.get(collector) if collector else None,
        }

    def cell(self, line: int, name: str, raw, max_length: int) -> str | None:
        """A required text cell as ``Importer.text`` reads it; checked in full only when it may fail a check."""
        value = raw.strip() if type(raw) is str else cell_text(raw)
        if value and "\x00" not in value and len(value) <= max_length and not value.startswith(FORMULA_LEADS):
            return value
        return self.text(line, {name: value}, name, max_length=max_length)

    def chunk(self, rows):
        created, updated = [], []
        for line, values in rows:
            row = self.check_row(line, values)
            if row is None:
                continue
            code, name, uscc = row["code"], row["name"], row["uscc"]
            known = self.existing.get(code)
            if known is not None and (known[1], known[2]) == (name, uscc):
                self.report.unchanged += 1
            else:
                fields = (name, uscc, row["currency"], row["collector_id"], customer_rules.search_key(code, name, uscc))
                if known is None:
                    self.report.created += 1
                    created.append((code, *fields))
                else:
                    self.report.updated += 1
                    updated.append((known, fields))
                self.existing[code] = (known[0] if known else None, name, uscc)
            if row["term"]:
                self.term_rows.append((code, self.terms[row["term"]]))
        if self.may_write and (created or updated):
            self.written += len(created)
            if self.may_defer_indexes and self.written >= INDEXES_LATER_FROM:
                self.may_defer_indexes = False
                self.writer.submit(self.drop_secondary_indexes)
            self.writer.submit(self.prepare_write(created, updated))

    def drop_secondary_indexes(self, cursor) -> None:
        """Drop the customer table's non-unique secondary indexes until ``build_indexes`` (in the writer)."""
        cursor.execute(_SECONDARY_INDEXES, [Customer._meta.db_table])
        indexes = cursor.fetchall()
        quote = connection.ops.quote_name
        cursor.execute("SAVEPOINT import_indexes_later")
        cursor.execute("SELECT current_setting('lock_timeout'), set_config('lock_timeout', %s, true)", [_LOCK_TIMEOUT])
        (lock_timeout, _set) = cursor.fetchone()
        try:
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {quote(name)}")
        except connection.Database.errors.LockNotAvailable:
            # Others are reading the customers: keep the indexes, maintained row by row.
            cursor.execute("ROLLBACK TO SAVEPOINT import_indexes_later")
            indexes = []
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [lock_timeout])
        cursor.execute("RELEASE SAVEPOINT import_indexes_later")
        self.indexes_later = indexes

    def build_indexes(self) -> None:
        """Build again, whole, the indexes ``drop_secondary_indexes`` dropped."""
        if not self.indexes_later:
            return
        with connection.cursor() as cursor:
            # PostgreSQL builds no index on a table with foreign-key checks still pending: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for _name, definition in self.indexes_later:
                cursor.execute(definition)
        self.indexes_later = []

    def prepare_write(self, created: list[tuple], updated: list[tuple]):
        """The writer's job for a chunk's new customers (with their first status), changes and events.

        Everything but the sending is done here, in the reading thread: the ids, the rows in COPY's
        text format, the events chained and formatted. The writer thread then holds the interpreter
        only to hand the text to psycopg, and PostgreSQL writes this chunk while Python reads the
        next one (Python work in the writer kept the database waiting and took turns with the reader
        for the interpreter: the import's wall time was the sum of the two).
        """
        batch = self.batch.pk
        ids = self.new_ids(len(created))
        events = []
        for pk, (code, name, uscc, currency, collector_id, _key) in zip(ids, created, strict=True):
            after = {"code": code, "name": name, "uscc": uscc, "currency": currency}
            after.update(collector_id=collector_id, status=CustomerStatus.ACTIVE.value, import_batch=batch)
            events.append(("customer.create", CUSTOMER_TYPE, str(pk), f"{code} {name}", None, after))
        for (pk, name, uscc), fields in updated:
            before, after = {"name": name, "uscc": uscc}, {"name": fields[0], "uscc": fields[1], "import_batch": batch}
            events.append(("customer.update", CUSTOMER_TYPE, str(pk), fields[0], before, after))
        if self.trail.seq is None:
            self.writer.beside(self.hold_trail)
        chained = self.trail.chain(events)
        changes = [(*fields, self.now, known[0]) for known, fields in updated]
        self.ids.update(zip((row[0] for row in created), ids, strict=True))
        if self.copy:
            shared, status = self.shared, self.status
            customers = "".join([f"{pk}\t{copy_line(row)}\t{shared}\n" for pk, row in zip(ids, created, strict=True)])
            statuses = "".join([f"{pk}\t{status}\n" for pk in ids])

            def write(cursor) -> None:
                copy_text(cursor, Customer, CUSTOMER_FIELDS + SHARED_FIELDS, customers)
                copy_text(cursor, CustomerStatusChange, STATUS_FIELDS, statuses)
                if changes:
                    cursor.executemany(_update_sql(), changes)
                self.trail.write(cursor, chained)

            return write

        def write_rows(cursor) -> None:
            rows = ((pk, *row, *self.shared) for pk, row in zip(ids, created, strict=True))
            insert_rows(Customer, CUSTOMER_FIELDS + SHARED_FIELDS, rows, cursor=cursor)
            insert_rows(CustomerStatusChange, STATUS_FIELDS, ((pk, *self.status) for pk in ids), cursor=cursor)
            if changes:
                cursor.executemany(_update_sql(), changes)
            self.trail.write(cursor, chained)

        return write_rows

    def hold_trail(self) -> None:
        """Lock the audit chain's head for the import (see BulkTrail.hold)."""
        with connection.cursor() as cursor:
            self.trail.hold(cursor)

    def new_ids(self, count: int) -> list[int]:
        """Ids for this many new customers, from the table's sequence.

        On PostgreSQL they are reserved ahead, in blocks as large as what the import has used so far
        (at most ``IDS_AHEAD``): the reading thread takes them while the writer works, and has to wait
        for the writer's statement in progress only when a block runs out. Ids left over at the end
        are a gap in the sequence, as a rolled-back insert leaves. On SQLite they follow the highest
        id written, so they are reserved when needed (the writer has written the ones before).
        """
        if not self.copy:
            return reserve_ids(Customer, count)
        if len(self.free_ids) < count:
            block = max(count - len(self.free_ids), min(self.used_ids, IDS_AHEAD))
            self.free_ids.extend(self.writer.beside(lambda: reserve_ids(Customer, block)))
        ids, self.free_ids = self.free_ids[:count], self.free_ids[count:]
        self.used_ids += count
        return ids

    def finish(self) -> None:
        if self.writing:
            self.writer.wait()
        for line, code, parent in self.parents:
            if parent not in self.existing:
                self.report.add(line, "parent_code", _("No customer with code %(code)s.") % {"code": parent})
            elif parent == code:
                self.report.add(line, "parent_code", _("A customer cannot be its own parent."))
        if not self.may_write:
            return
        links = [(self.ids[code], self.ids[parent]) for _line, code, parent in self.parents]
        with connection.cursor() as cursor:
            _set_parents(cursor, links)
        CustomerTerms.objects.bulk_create(
            [CustomerTerms(customer_id=self.ids[code], payment_term_id=term) for code, term in self.term_rows],
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["customer"],
            update_fields=["payment_term"],
        )
        with connection.cursor() as cursor:
            self.trail.close(cursor)
        self.build_indexes()

    def close(self) -> None:
        if hasattr(self, "writer"):
            self.writer.close()


def _set_parents(cursor, links: list[tuple[int, int]]) -> None:
    """Set each (customer id, parent id)'s parent: one statement on PostgreSQL (the ORM's bulk_update
    built a CASE of a thousand branches per statement, about 200 µs of Python a parent)."""
    if not links:
        return
    quote = connection.ops.quote_name
    table, column = quote(Customer._meta.db_table), quote(Customer._meta.get_field("parent").column)
    if connection.vendor == "postgresql":
        ids, parents = zip(*links, strict=True)
        cursor.execute(
            f"UPDATE {table} SET {column} = link.parent"  # noqa: S608  (names from the model)
            f" FROM unnest(%s::bigint[], %s::bigint[]) AS link(id, parent) WHERE {table}.id = link.id",
            [list(ids), list(parents)],
        )
    else:
        cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE id = %s", [(p, pk) for pk, p in links])  # noqa: S608


def _update_sql() -> str:
    meta, quote = Customer._meta, connection.ops.quote_name
    columns = ("name", "uscc", "currency", "collector_id", "search_text", "updated_at")
    assignments = ", ".join(f"{quote(meta.get_field(name).column)} = %s" for name in columns)
    return f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE id = %s"  # noqa: S608  (names from the model)
