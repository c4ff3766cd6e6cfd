"""Importing receipts and credit notes: one credit document per row, allocated to the invoice it names.

A row naming an invoice pays that invoice's open due lines, earliest instalment first, at the
row's date; what it does not use stays on the customer as an unapplied credit. Rows are read,
checked and written as documents.py describes for all documents. A chunk's invoices are looked
up beside the reading thread, queued before the chunk read just before it is planned and written:
so the database looks up and writes while Python reads and plans the next chunk. On PostgreSQL an
import that is its own transaction looks up on a second connection (core.bulk.Reader), so the
database reads on one core while it writes on the other; otherwise the writer looks up, after the
chunks already submitted. The open state that chunks not yet written when the look-up ran give
their lines is kept in memory (``CreditImporter.open_lines``). On PostgreSQL the chunks written keep
their lines' open state in a temporary table until the whole file is read, then every line is
updated at once (``_STAGE_CREATE``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from functools import cached_property

from django.db import connection
from django.utils.translation import gettext as _

from ardesk.core.bulk import Reader, plain_array, text_array
from ardesk.ledger import selectors
from ardesk.ledger.imports.base import LineUse, converted
from ardesk.ledger.imports.documents import DocumentImporter, insert_prepared, not_plain, write_documents
from ardesk.ledger.imports.reader import cell_text
from ardesk.ledger.models import Allocation

# What receipts and credit notes write: the source document's id first, filled in by the writer,
# then each allocation's own columns, then those all share (formatted once, as for documents).
SOURCE_ALLOCATION_FIELDS = (
    "source_id",
    "customer_id",
    "line_id",
    "allocated_on",
    "amount",
    "functional_amount",
    "source_functional_amount",
    "currency",
    "line_issue_on",
    "line_due_on",
    "source_issue_on",
    "company_id",
    "method",
    "created_by_id",
    "created_at",
)

# The open state of due lines after a chunk's allocations (see ledger.open_state, whose
# ``lines_refresh`` this equals for lines that were open and not reversed): the open amounts
# are today's less what the chunk took, computed while planning; a line paid in full is settled
# on the day of its last allocation.
_LINES_AFTER_ALLOCATIONS_PG = """
UPDATE ledger_dueline AS l
SET open_now = u.open_now, open_functional_now = u.open_functional_now,
    settled_on = CASE WHEN u.open_now = 0
                 THEN (SELECT MAX(a.allocated_on) FROM ledger_allocation a WHERE a.line_id = l.id) END
FROM (SELECT UNNEST(%s::bigint[]) AS id, UNNEST(%s::bigint[]) AS open_now,
             UNNEST(%s::bigint[]) AS open_functional_now) AS u
WHERE l.id = u.id
"""
_LINES_AFTER_ALLOCATIONS = """
UPDATE ledger_dueline
SET open_now = %s, open_functional_now = %s,
    settled_on = CASE WHEN %s = 0
                 THEN (SELECT MAX(a.allocated_on) FROM ledger_allocation a WHERE a.line_id = ledger_dueline.id) END
WHERE id = %s
"""

# On PostgreSQL the lines are not updated chunk by chunk: receipts come in payment-date order, so
# a chunk's invoices are spread over the whole ledger, and updating their lines where they lie, a
# few thousand rows at random, cost more of the database's time than anything else in the import
# (each row a page read and dirtied, a new row version, an entry in each of the table's four
# indexes: the columns updated are in the aging's covering index, so the update is never HOT).
# Each chunk's open states go to a table of the import's own (temporary: not written to the WAL,
# dropped at the end of the transaction, so a failed import leaves nothing), one row a line; once
# the file is read, one statement updates every line in the table's order, each page once.
# ``paid_on`` is the day of the import's last allocation to the line: the line's own last
# allocation is that one or a later one written before the import. ``open_before`` is the open
# amount the import read when it first took from the line: a line whose open amount is no longer
# that at the end was allocated by someone else meanwhile, and the import stops (``LinesChanged``).
_STAGE_CREATE = """
CREATE TEMPORARY TABLE import_open_lines (
    line_id bigint PRIMARY KEY, open_now bigint NOT NULL, open_functional_now bigint NOT NULL, paid_on date NOT NULL,
    open_before bigint NOT NULL
) ON COMMIT DROP
"""
_STAGE_LINES = """
INSERT INTO import_open_lines AS s (line_id, open_now, open_functional_now, paid_on, open_before)
SELECT * FROM UNNEST(%s::bigint[], %s::bigint[], %s::bigint[], %s::date[], %s::bigint[])
ON CONFLICT (line_id) DO UPDATE
SET open_now = EXCLUDED.open_now, open_functional_now = EXCLUDED.open_functional_now,
    paid_on = GREATEST(s.paid_on, EXCLUDED.paid_on)
"""
_STAGED_STATES = (
    "SELECT line_id, open_now, open_functional_now FROM import_open_lines WHERE line_id = ANY(%s::bigint[])"
)
_LINES_FROM_STAGED = """
UPDATE ledger_dueline AS l
SET open_now = s.open_now, open_functional_now = s.open_functional_now,
    settled_on = CASE WHEN s.open_now = 0 THEN GREATEST(s.paid_on, (
        SELECT MAX(a.allocated_on) FROM ledger_allocation a WHERE a.line_id = l.id AND a.allocated_on > s.paid_on
    )) END
FROM import_open_lines AS s
WHERE l.id = s.line_id AND l.open_now = s.open_before
"""


class LinesChanged(Exception):
    """Someone allocated to a line the import allocates to while it ran: the import is rolled back."""


def lines_after_allocations(cursor, changes: list[tuple[int, int, int, dt.date | None]]) -> None:
    """Write the open state of due lines (id, open amount, open functional amount, last allocated on)
    after new allocations."""
    if not changes:
        return
    if connection.vendor == "postgresql":
        ids, amounts, functionals, _on = (list(column) for column in zip(*changes, strict=True))
        cursor.execute(_LINES_AFTER_ALLOCATIONS_PG, [ids, amounts, functionals])
    else:
        cursor.executemany(_LINES_AFTER_ALLOCATIONS, [(a, f, a, pk) for pk, a, f, _on in changes])


def staged_columns(changes: list[tuple[int, int, int, dt.date, int]]) -> list[str]:
    """The open states of due lines (id, open amount, open functional amount, paid on, open amount before
    the import) as ``stage_lines`` takes them: one array literal a column, made by the reading thread
    (see core.bulk.plain_array)."""
    return [plain_array(column) for column in zip(*changes, strict=True)] if changes else []


def stage_lines(cursor, columns: list[str]) -> None:
    """Keep the open states ``staged_columns`` gave in the import's staged lines, which ``lines_from_staged`` writes."""
    if columns:
        cursor.execute(_STAGE_LINES, columns)


def lines_from_staged(cursor) -> None:
    """Update every due line whose open state the import staged, in one statement; drop the staged lines.

    Raises ``LinesChanged`` when a line's open amount is no longer what the import read: the update
    leaves such a line out, and waits for a writer still holding one (who commits, or not, first).
    """
    # The planner knows nothing of a temporary table until it is analysed: a million staged
    # lines are best joined whole, a few looked up one by one.
    cursor.execute("ANALYZE import_open_lines")
    cursor.execute("SELECT count(*) FROM import_open_lines")
    (staged,) = cursor.fetchone()
    cursor.execute(_LINES_FROM_STAGED)
    if cursor.rowcount != staged:
        raise LinesChanged
    cursor.execute("DROP TABLE import_open_lines")


class LineMarks:
    """The due lines an import has changed so far, one bit a line id: a million lines take 125 kB.

    A look-up reads the states the import staged only for its lines marked here, most often none: a
    file in payment-date order pays most invoices once. Ids beyond ``LIMIT`` (none in a real ledger)
    count as marked, so the bits never take more than 128 MB.
    """

    LIMIT = 1 << 30

    def __init__(self):
        self.bits = bytearray()

    def mark(self, pks: list[int]) -> None:
        bits = self.bits
        kept = [pk for pk in pks if pk < self.LIMIT]
        top = max(kept, default=0)
        if top >> 3 >= len(bits):
            bits.extend(bytes((top >> 3) - len(bits) + 1 + (len(bits) >> 2)))
        for pk in kept:
            bits[pk >> 3] |= 1 << (pk & 7)

    def marked(self, pk: int) -> bool:
        """Whether the line may have been changed; read by the look-up's thread while the reading thread marks."""
        if pk >= self.LIMIT:
            return True
        bits = self.bits
        return pk >> 3 < len(bits) and bool(bits[pk >> 3] & (1 << (pk & 7)))


class Lookup:
    """A chunk's look-up of its invoices' open lines, done beside the reading thread (see CreditImporter.look_up)."""

    def __init__(self, submitted: int):
        self.done = threading.Event()
        self.error: BaseException | None = None
        # Chunks submitted before it: their lines' states are in what it reads.
        self.submitted = submitted
        self.rows: list[tuple] = []  # PostgreSQL: as the writer fetched them (selectors.open_line_rows)
        self.lines: list[dict] = []  # SQLite: the lines themselves
        self.staged: dict[int, tuple[int, int]] = {}

    def fail(self, error: BaseException) -> None:
        """End the look-up with an error, which the reading thread raises (``open_lines``)."""
        self.error = error
        self.done.set()


class CreditImporter(DocumentImporter):
    """Receipts and credit notes; a row naming an invoice is allocated to it at the row's date."""

    sign = -1

    def start(self) -> None:
        super().start()
        self.used = LineUse(self.functional_currency)
        self.width = max(self.positions.values()) + 1
        # The open state that chunks perhaps not written yet give their lines (line id: open amount,
        # open functional amount, the last chunk changing it), so a chunk's look-up need not wait.
        self.pending: dict[int, tuple[int, int, int]] = {}
        self.pending_chunks: deque[tuple[int, list[int]]] = deque()
        self.submitted = 0
        # The chunk read whose look-up is under way: it is planned and written once the next chunk is
        # read and its own look-up queued (see chunk_cells).
        self.ahead: tuple[list[dict], Lookup] | None = None
        # Written chunks' open states wait in the staged lines until the end (see _STAGE_CREATE); the
        # lines they changed are marked.
        self.staged = self.copy and self.writing
        self.marks = LineMarks()
        if self.staged:
            with connection.cursor() as cursor:
                cursor.execute(_STAGE_CREATE)
        # An import that is its own transaction looks its invoices up on a second connection: the
        # database reads on one core while it writes on the other (see look_up).
        self.reader = Reader() if self.copy and self.alone else None

    def finish(self) -> None:
        self.write_ahead()
        super().finish()
        if self.staged and self.may_write:
            with connection.cursor() as cursor:
                lines_from_staged(cursor)

    def close(self) -> None:
        if getattr(self, "reader", None) is not None:
            self.reader.close()  # first: its jobs may queue the writer's
        super().close()

    def plain_credit(self, line: int, cells: list) -> dict | None:
        if len(cells) < self.width:
            return None
        row = self.plain_row(line, cells)
        if row is None:
            return None
        invoice = cells[self.positions["invoice"]] if "invoice" in self.positions else ""
        if type(invoice) is not str:
            return None
        invoice = invoice.strip()
        if len(invoice) > 40 or not_plain(invoice):
            return None
        row["invoice"] = invoice
        return row

    def draft_fields(self, line: int, values: dict) -> dict:
        return {"reference": cell_text(values.get("invoice", ""))}

    def chunk_cells(self, rows):
        self.find_repeats(rows)
        ready = []
        for line, cells in rows:
            row = self.plain_credit(line, cells)
            if row is None:
                row = self.read_row(line, self.values(cells))
                if row is None:
                    continue
                row["invoice"] = row["draft"].reference
            ready.append(row)
        new = self.outside_closed_periods(self.classify(ready))
        # The chunk's invoices are looked up by the writer, after the chunks already queued and before
        # the one read last (the pipeline: the database looks up and writes while Python reads and plans),
        # then that chunk is planned and written, and this one waits for the next.
        lookup = self.look_up({r["invoice"] for r in new if r["invoice"]})
        self.write_ahead()
        self.ahead = (new, lookup)

    def write_ahead(self) -> None:
        """Plan and write the chunk read before (its look-up queued then), if any."""
        if self.ahead is None:
            return
        new, lookup = self.ahead
        self.ahead = None
        plans = self.plan_allocations(new, lookup)
        self.report.created += len(new)
        if not self.may_write or not new:
            return
        functional_currency = self.functional_currency
        shared = self.shared_allocation
        documents = []
        allocations = []
        paid_on: dict[int, dt.date] = {}
        for index, row in enumerate(new):
            functional = self.functional(row)
            unapplied, unapplied_functional = -row["minor"], -functional
            for line_id, share, line_functional, line_issue_on, line_due_on in plans.get(row["line"], ()):
                source_functional = (
                    share
                    if row["currency"] == functional_currency
                    else converted(share, row["currency"], row["rate"], functional_currency)
                )
                unapplied -= share
                unapplied_functional -= source_functional
                paid_on[line_id] = max(paid_on.get(line_id, row["issue_on"]), row["issue_on"])
                allocations.append(
                    (
                        index,
                        self.prepared(
                            (
                                row["customer_id"],
                                line_id,
                                row["issue_on"],
                                share,
                                line_functional,
                                source_functional,
                                row["currency"],
                                line_issue_on,
                                line_due_on,
                                row["issue_on"],
                            ),
                            shared,
                        ),
                    )
                )
            # The credit's open state (ledger.open_state.credits_refresh): all its allocations are this row's.
            settled_on = row["issue_on"] if unapplied == 0 else None
            documents.append(
                self.prepared(self.document_row(row, unapplied, unapplied_functional, settled_on), self.shared)
            )
        opened = self.used.open_after()
        changes = [(pk, amount, functional, paid_on[pk]) for pk, amount, functional, _before in opened]
        self.used.clear()
        self.submitted += 1
        for pk, amount, functional, _on in changes:
            self.pending[pk] = (amount, functional, self.submitted)
        changed = [change[0] for change in changes]
        self.pending_chunks.append((self.submitted, changed))
        if self.staged:
            self.marks.mark(changed)

        staged = (
            staged_columns([(*change, state[3]) for change, state in zip(changes, opened, strict=True)])
            if self.staged
            else None
        )

        def write(cursor):
            ids = write_documents(cursor, documents)
            keyed = ((ids[index], row) for index, row in allocations)
            insert_prepared(cursor, Allocation, SOURCE_ALLOCATION_FIELDS, keyed)
            if staged is None:
                lines_after_allocations(cursor, changes)
            else:
                stage_lines(cursor, staged)

        self.writer.submit(write)

    @cached_property
    def shared_allocation(self) -> tuple | str:
        """The last of SOURCE_ALLOCATION_FIELDS, the same for every allocation of the import."""
        return self.shared_columns((self.company.pk, "import", self.user_id, self.now))

    def look_up(self, numbers: set[str]) -> Lookup:
        """Queue the look-up of these invoices' open lines and of the states written chunks staged for them.

        On PostgreSQL the lines are read by the writer after the chunks already queued, or, by the
        import's ``reader`` on its own connection, as committed before the import: its writes are
        not there, but the lines' states it gave are the staged ones and those of chunks not yet
        written (``open_lines``). The staged states of the lines the import marked are read by the
        writer once the lines are known, so after every chunk submitted before the look-up.
        """
        lookup = Lookup(self.submitted)
        if not numbers:
            lookup.done.set()
            return lookup
        if connection.vendor != "postgresql":
            lookup.lines = selectors.open_lines_of_documents(company_id=self.company.pk, numbers=numbers)
            lookup.done.set()
            return lookup
        # The writer thread only runs the statements; the numbers are formatted and the rows turned
        # into lines here, in the reading thread (see selectors.open_line_rows).
        company_id, numbers = self.company.pk, text_array(sorted(numbers))

        def changed() -> list[int]:
            marked = self.marks.marked
            return [row[0] for row in lookup.rows if marked(row[0])] if self.staged else []

        def staged_states(cursor, pks: list[int]):
            if pks:
                cursor.execute(_STAGED_STATES, [plain_array(pks)])
                lookup.staged = {pk: (amount, functional) for pk, amount, functional in cursor.fetchall()}
            lookup.done.set()

        if self.reader is None:

            def job(cursor):
                lookup.rows = selectors.open_line_rows(cursor, company_id=company_id, numbers=numbers)
                staged_states(cursor, changed())

            self.writer.submit(job)
            return lookup

        def read(cursor):
            lookup.rows = selectors.open_line_rows(cursor, company_id=company_id, numbers=numbers)
            pks = changed()
            if pks:
                self.writer.submit_from(lambda cursor: staged_states(cursor, pks))
            else:
                lookup.done.set()

        self.reader.submit(read, failed=lookup.fail)
        return lookup

    def open_lines(self, lookup: Lookup) -> list[dict]:
        """The open lines a look-up found, as they are once every chunk submitted so far is written.

        The look-up read the lines as the chunks submitted before it left them (on PostgreSQL the
        states they staged, else the lines themselves); the chunks submitted after those take the open
        state they write (``pending``), and a line they pay in full is left out. A chunk the look-up saw
        is forgotten: any later look-up sees it too.
        """
        while not lookup.done.wait(0.05):
            if self.writer.error is not None:
                self.writer.wait()  # raises the writer's error
        if lookup.error is not None:
            raise lookup.error
        while self.pending_chunks and self.pending_chunks[0][0] <= lookup.submitted:
            seen, pks = self.pending_chunks.popleft()
            for pk in pks:
                if self.pending[pk][2] == seen:
                    del self.pending[pk]
        lines = lookup.lines or selectors.open_lines_from_rows(lookup.rows)
        staged = lookup.staged
        if not self.pending and not staged:
            return lines
        current = []
        for line in lines:
            state = self.pending.get(line["pk"]) or staged.get(line["pk"])
            if state is not None:
                amount, functional = state[0], state[1]
                if amount <= 0:
                    continue
                line["open_amount"] = amount
                line["allocated_functional"] = line["functional_amount"] - functional
            current.append(line)
        return current

    def plan_allocations(self, rows: list[dict], lookup: Lookup) -> dict[int, list[tuple]]:
        """Which due lines each row's invoice pays, earliest instalment first, as far as they are open."""
        if not any(r["invoice"] for r in rows):
            return {}
        by_invoice: dict[str, list[dict]] = {}
        for line in self.open_lines(lookup):
            by_invoice.setdefault(line["document__number"], []).append(line)
        plans: dict[int, list[tuple]] = {}
        for row in rows:
            if not row["invoice"]:
                continue
            candidates = by_invoice.get(row["invoice"])
            if not candidates:
                self.report.add(row["line"], "invoice", _("No open invoice %(number)s.") % {"number": row["invoice"]})
                continue
            if candidates[0]["customer_id"] != row["customer_id"] or candidates[0]["currency"] != row["currency"]:
                self.report.add(
                    row["line"],
                    "invoice",
                    _("Invoice %(number)s belongs to another customer or currency.") % {"number": row["invoice"]},
                )
                continue
            if row["issue_on"] < candidates[0]["issue_on"]:
                self.report.add(
                    row["line"],
                    "date",
                    _("The payment is dated before invoice %(number)s.") % {"number": row["invoice"]},
                )
                continue
            remaining = -row["minor"]
            for line in candidates:
                share = min(self.used.available(line), remaining)
                if share <= 0:
                    continue
                plans.setdefault(row["line"], []).append(
                    (line["pk"], share, self.used.take(line, share), line["issue_on"], line["due_on"])
                )
                remaining -= share
        return plans


class ReceiptImporter(CreditImporter):
    kind = "receipts"
    doc_type = "receipt"


class CreditNoteImporter(CreditImporter):
    kind = "credit-notes"
    doc_type = "credit_note"
