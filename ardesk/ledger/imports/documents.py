"""Importing documents, one per row: what invoices, receipts and credit notes share, and invoices.

Idempotent by number or external reference: a document already in the ledger with the same
content is unchanged; with other content it is a conflict, reported and never overwritten.
Rows are written with the database's bulk path by a ``Writer`` (core.bulk): on PostgreSQL the
database writes one chunk while the next is read and checked, and the rows are already in COPY's
text format (imports.copy), so the writer thread only sends them. Ids come from the table's sequence
before the rows are written, so due lines and allocations point at their document without
reading it back. Receipts and credit notes, which also allocate, are in credits.py.

Most rows are plain (ISO dates, amounts like ``1200.50``, known codes): they are read by a fast
path that accepts only what the full checks would accept unchanged, and give the same values.
Any other row goes through the full checks, which read every form the formats allow and report
every problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.core.bulk import Writer, insert_rows, reserve_ids
from ardesk.core.money import currency_decimals, from_minor, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger import domain, periods, selectors
from ardesk.ledger.errors import MissingExchangeRate
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.base import Importer, plain_minor
from ardesk.ledger.imports.copy import copy_line, copy_lines
from ardesk.ledger.imports.keys import FileKeys
from ardesk.ledger.imports.reader import cell_text
from ardesk.ledger.models import Document, DocumentStatus, DueLine, PaymentTerm

POSTED = DocumentStatus.POSTED.value
ONE = Decimal(1)  # the rate of the functional currency (selectors.exchange_rate)
# A foreign-currency amount this far below the ledger's largest amount, converted, is sure to fit;
# a larger one takes the full checks, which convert it and compare (domain.functional_problem).
FAR_BELOW_MAX = domain.MAX_MINOR // 2
# Text the fast path takes as it is: no formula lead (domain.is_formula), no NUL (domain.text_problem).
not_plain = re.compile(r"^[=+\-@]|\x00").search

# The id first (the writer's), then each document's own columns, then those every document of an
# import shares (``DocumentImporter.shared``), which on PostgreSQL are formatted for COPY once.
DOCUMENT_FIELDS = (
    "id",
    "customer_id",
    "number",
    "external_ref",
    "issue_on",
    "due_on",
    "currency",
    "amount",
    "rate",
    "functional_amount",
    "cost",
    "order_ref",
    "medium",
    "reference",
    "payment_term_id",
    "discount_until",
    "discount_amount",
    "unapplied_now",
    "unapplied_functional_now",
    "settled_on",
    "company_id",
    "doc_type",
    "description",
    "status",
    "import_batch_id",
    "posted_at",
    "posted_by_id",
    "created_at",
)
LINE_FIELDS = (
    "document_id",
    "customer_id",
    "company_id",
    "seq",
    "issue_on",
    "due_on",
    "currency",
    "amount",
    "functional_amount",
    "open_now",
    "open_functional_now",
)


class DocumentImporter(Importer):
    doc_type = ""
    date_column = "date"
    sign = 1

    def start(self) -> None:
        self.customers = dict(Customer.objects.filter(company=self.company).values_list("code", "pk"))
        self.terms = {t.code: t for t in PaymentTerm.objects.prefetch_related("instalments")}
        self.rules = {code: selectors.term_of(term) for code, term in self.terms.items()}
        self.rates: dict[tuple[str, dt.date], Decimal] = {}
        # Numbers and references of the file so far, on disk past a bounded cache (imports.keys); the
        # lines of the chunk being read that repeat one of them, or an earlier one of the chunk.
        self.keys = FileKeys()
        self.repeated_numbers: set[int] = set()
        self.repeated_refs: set[int] = set()
        self.now = timezone.now()
        self.functional_currency = self.company.functional_currency
        self.user_id = self.user.pk if self.user else None
        # Cells seen before, read once: plain ISO dates and currency codes.
        self.dates: dict[str, dt.date] = {}
        self.currencies: dict[str, tuple[str, int]] = {}
        # A first import into an empty ledger needs no look-ups: duplicates within the file are caught by `keys`.
        self.ledger_has_documents = Document.objects.filter(company=self.company, doc_type=self.doc_type).exists()
        self.copy = connection.vendor == "postgresql"
        self.writer = Writer()
        self.closed = periods.closed_periods(self.company.pk)

    def prepared(self, values: tuple, shared: tuple | str = ()) -> tuple | str:
        """A row to write: on PostgreSQL already in COPY's format (see imports.copy), else as it is.

        ``shared`` are the last columns, the same in every row, as ``shared_columns`` made them.
        """
        if not self.copy:
            return values + shared
        return f"{copy_line(values)}\t{shared}" if shared else copy_line(values)

    def shared_columns(self, values: tuple) -> tuple | str:
        """Columns every row of a kind shares, formatted once: for the ``shared`` of ``prepared``."""
        return copy_line(values) if self.copy else values

    @cached_property
    def shared(self) -> tuple | str:
        """The last of DOCUMENT_FIELDS, the same for every document of the import."""
        return self.shared_columns(
            (self.company.pk, self.doc_type, "", POSTED, self.batch.pk, self.now, self.user_id, self.now)
        )

    def finish(self) -> None:
        self.writer.wait()

    def close(self) -> None:
        if hasattr(self, "writer"):
            self.writer.close()
        if hasattr(self, "keys"):
            self.keys.close()

    def find_repeats(self, rows: list[tuple[int, list]]) -> None:
        """Note the rows of a chunk whose number or external reference an earlier row of the file gave.

        The keys are read as both the fast path and the full checks read them (``cell_text``).
        """
        self.repeated_numbers = self.keys.repeated("numbers", self.key_cells(rows, "number"))
        self.repeated_refs = self.keys.repeated("refs", self.key_cells(rows, "external_ref"))

    def key_cells(self, rows: list[tuple[int, list]], name: str) -> list[tuple[int, str]]:
        """(line, text) of a column of the chunk's rows; none when the file has no such column."""
        at = self.positions.get(name)
        if at is None:
            return []
        return [(line, cell_text(cells[at]) if at < len(cells) else "") for line, cells in rows]

    def rate(self, line: int, currency: str, on: dt.date) -> Decimal | None:
        key = (currency, on)
        if key not in self.rates:
            self.writer.wait()  # the connection is the writer's while it works
            try:
                self.rates[key] = selectors.exchange_rate(
                    currency=currency, quote_currency=self.functional_currency, on=on
                )
            except MissingExchangeRate as exc:
                self.report.add(line, "currency", exc.message)
                return None
        return self.rates[key]

    # The fast path: plain cells only; None sends the row to the full checks.

    def plain_date(self, cell) -> dt.date | None:
        if type(cell) is not str:
            return None
        date = self.dates.get(cell)
        if date is None:
            text = cell.strip()
            if len(text) != 10 or text[4] != "-" or text[7] != "-" or len(self.dates) > 100_000:
                return None
            try:
                date = dt.date.fromisoformat(text)
            except ValueError:
                return None
            if not domain.FIRST_YEAR <= date.year <= domain.LAST_YEAR:
                return None
            self.dates[cell] = date
        return date

    def plain_currency(self, cell) -> tuple[str, int] | None:
        if type(cell) is not str:
            return None
        found = self.currencies.get(cell)
        if found is None and len(self.currencies) < 1000:
            try:
                code = formats.parse_currency(cell)
            except ValueError:
                return None
            found = self.currencies[cell] = (code, currency_decimals(code))
        return found

    def plain_row(self, line: int, cells: list) -> dict | None:
        """A row whose common cells are all plain and valid, as the full checks would read it; else None."""
        p = self.positions
        number, code, on, currency, amount = (
            cells[p["number"]],
            cells[p["customer"]],
            cells[p[self.date_column]],
            cells[p["currency"]],
            cells[p["amount"]],
        )
        if type(number) is not str or type(code) is not str or type(amount) is not str:
            return None
        number, code = number.strip(), code.strip()
        if not number or len(number) > 40 or line in self.repeated_numbers or len(code) > 32 or not_plain(number):
            return None
        customer_id = self.customers.get(code)
        issue_on = self.plain_date(on)
        found = self.plain_currency(currency)
        if customer_id is None or issue_on is None or found is None:
            return None
        currency, places = found
        minor = plain_minor(amount.strip(), places)
        if minor is None:
            return None
        external_ref = ""
        if "external_ref" in p:
            external_ref = cells[p["external_ref"]]
            if type(external_ref) is not str:
                return None
            external_ref = external_ref.strip()
            if len(external_ref) > 64 or line in self.repeated_refs or not_plain(external_ref):
                return None
        rate = ONE if currency == self.functional_currency else self.rates.get((currency, issue_on))
        if rate is None or (rate is not ONE and minor * rate > FAR_BELOW_MAX):
            return None
        return {
            "line": line,
            "number": number,
            "customer_id": customer_id,
            "issue_on": issue_on,
            "currency": currency,
            "amount": None,  # a Decimal only when needed (see decimal_amount)
            "text": amount,
            "minor": minor * self.sign,
            "external_ref": external_ref,
            "rate": rate,
        }

    @staticmethod
    def decimal_amount(row: dict) -> Decimal:
        """The row's positive amount as formats.parse_amount reads it."""
        if row["amount"] is None:
            row["amount"] = Decimal(row["text"].strip())
        return row["amount"]

    def draft_fields(self, line: int, values: dict) -> dict:
        """The fields of the kind's draft beyond those every document has, read from the row's cells."""
        return {}

    def read_row(self, line: int, values: dict) -> dict | None:
        """The full checks of a row: its cells read, then the ledger's rules of a document (the
        posting service's, domain.document_problems), every problem reported under its column."""
        before = self.report.problem_count
        code = self.text(line, values, "customer", max_length=32)
        issue_on = self.parsed(line, values, self.date_column, formats.parse_date)
        currency = self.parsed(line, values, "currency", formats.parse_currency)
        amount = self.amount_cell(line, values, "amount")
        draft = domain.DocumentDraft(
            doc_type=self.doc_type,
            number=cell_text(values.get("number", "")),
            issue_on=issue_on,
            currency=currency,
            amount=amount,
            external_ref=cell_text(values.get("external_ref", "")),
            **self.draft_fields(line, values),
        )
        problems = domain.document_problems(draft)
        self.problems(line, problems, {"issue_on": self.date_column, "due_on": "due_date", "reference": "invoice"})
        number, external_ref = draft.number, draft.external_ref
        if code is not None and code not in self.customers:
            self.report.add(
                line,
                "customer",
                _("No customer with code %(code)s in %(company)s.") % {"code": code, "company": self.company.code},
            )
        if line in self.repeated_numbers:
            self.report.add(line, "number", _("Number %(number)s appears twice in the file.") % {"number": number})
        if line in self.repeated_refs:
            self.report.add(
                line,
                "external_ref",
                _("External reference %(ref)s appears twice in the file.") % {"ref": external_ref},
            )
        if self.report.problem_count > before or None in (code, issue_on, currency, amount):
            return None
        rate = self.rate(line, currency, issue_on)
        if rate is None:
            return None
        functional = domain.functional_amount(amount, rate, self.functional_currency)
        problem = domain.functional_problem(functional, self.functional_currency)
        if problem is not None:
            self.report.add(line, "amount", problem.message)
            return None
        return {
            "line": line,
            "number": number,
            "customer_id": self.customers[code],
            "issue_on": issue_on,
            "currency": currency,
            "amount": amount,
            "minor": to_minor(amount, currency) * self.sign,
            "external_ref": external_ref,
            "rate": rate,
            "draft": draft,
        }

    def amount_cell(self, line: int, values: dict, name: str, *, required: bool = True) -> Decimal | None:
        """An amount cell as the ledger reads amounts (domain.read_amount); its value is checked with the document."""
        raw = values.get(name, "")
        if not required and (raw is None or (isinstance(raw, str) and not raw.strip())):
            return None
        amount, problems = domain.read_amount(raw, name)
        self.problems(line, problems, {})
        return amount

    def outside_closed_periods(self, rows: list[dict]) -> list[dict]:
        """The new rows not dated in a closed month; each of the others is reported on its date."""
        if not self.closed:
            return rows
        kept = []
        for row in rows:
            month = periods.month_of(row["issue_on"])
            if month in self.closed:
                self.report.add(row["line"], self.date_column, periods.closed_message(month))
            else:
                kept.append(row)
        return kept

    def classify(self, rows: list[dict]) -> list[dict]:
        """Drop rows already in the ledger (unchanged), report conflicts; return the new ones."""
        if not rows or not self.ledger_has_documents:
            return rows
        self.writer.wait()
        fields = (
            "company_id",
            "doc_type",
            "number",
            "external_ref",
            "customer_id",
            "issue_on",
            "currency",
            "amount",
            "due_on",
        )
        documents = Document.objects.filter(company=self.company, doc_type=self.doc_type)
        found = list(documents.filter(number__in=[r["number"] for r in rows]).values(*fields))
        refs = [r["external_ref"] for r in rows if r["external_ref"]]
        if refs:
            found += list(documents.filter(external_ref__in=refs).values(*fields))
        if not found:
            return rows
        index: dict[str, dict] = {}
        for doc in found:
            index[f"n:{doc['number']}"] = doc
            if doc["external_ref"]:
                index[f"r:{doc['external_ref']}"] = doc
        new = []
        for row in rows:
            doc = index.get(f"n:{row['number']}")
            if doc is None and row["external_ref"]:
                doc = index.get(f"r:{row['external_ref']}")
            if doc is None:
                new.append(row)
                continue
            expected = {
                "customer_id": row["customer_id"],
                "issue_on": row["issue_on"],
                "currency": row["currency"],
                "amount": row["minor"],
            }
            if "due_on" in row:
                expected["due_on"] = row["due_on"]
            differences = [name for name, value in expected.items() if doc[name] != value]
            if differences:
                self.report.add(
                    row["line"],
                    differences[0],
                    _(
                        "Conflict: %(number)s is already posted with other values (%(fields)s); a posted document is "
                        "never overwritten: reverse it in ARdesk first if the ERP changed it."
                    )
                    % {"number": doc["number"], "fields": ", ".join(differences)},
                )
            else:
                self.report.unchanged += 1
        return new

    def functional(self, row: dict) -> int:
        """The signed amount in the functional currency, in minor units, rounded once."""
        if row["currency"] == self.functional_currency:
            # rate 1 and the same minor unit: the conversion rounds nothing
            functional = row["minor"]
        else:
            functional = to_minor(
                domain.functional_amount(self.decimal_amount(row) * self.sign, row["rate"], self.functional_currency),
                self.functional_currency,
            )
        row["functional"] = functional
        return functional

    def document_row(self, row: dict, unapplied: int, unapplied_functional: int, settled_on: dt.date | None) -> tuple:
        """The document's own columns (DOCUMENT_FIELDS without the id and the shared ones) and its open state."""
        functional = row["functional"]
        discount = row.get("discount")
        term = row.get("term")
        cost = row.get("cost")
        return (
            row["customer_id"],
            row["number"],
            row["external_ref"],
            row["issue_on"],
            row.get("due_on"),
            row["currency"],
            row["minor"],
            row["rate"],
            functional,
            cost,
            row.get("order_ref", ""),
            row.get("medium", ""),
            row.get("invoice", ""),
            term.pk if term else None,
            discount[0] if discount else None,
            to_minor(discount[1], row["currency"]) if discount else None,
            unapplied,
            unapplied_functional,
            settled_on,
        )


def insert_prepared(cursor, model, fields: tuple[str, ...], keyed: Iterable[tuple[int, tuple | str]]) -> None:
    """Insert rows given as (first column, the others as ``DocumentImporter.prepared`` made them)."""
    if connection.vendor == "postgresql":
        copy_lines(cursor, model, fields, (f"{key}\t{row}\n" for key, row in keyed))
    else:
        insert_rows(model, fields, ((key, *row) for key, row in keyed), cursor=cursor)


def write_documents(cursor, documents: list) -> list[int]:
    """Insert documents (DOCUMENT_FIELDS without the id, prepared) and return their new ids, in order."""
    ids = reserve_ids(Document, len(documents), cursor=cursor)
    insert_prepared(cursor, Document, DOCUMENT_FIELDS, zip(ids, documents, strict=True))
    return ids


class InvoiceImporter(DocumentImporter):
    kind = "invoices"
    doc_type = "invoice"
    date_column = "issue_date"

    def plain_invoice(self, line: int, cells: list) -> dict | None:
        p = self.positions
        if len(cells) < self.width:
            return None
        row = self.plain_row(line, cells)
        if row is None:
            return None
        due_on = self.plain_date(cells[p["due_date"]])
        if due_on is None or due_on < row["issue_on"]:
            return None
        cost = order_ref = term_code = medium = ""
        if "cost" in p:
            cost = cells[p["cost"]]
        if "order_ref" in p:
            order_ref = cells[p["order_ref"]]
        if "payment_terms" in p:
            term_code = cells[p["payment_terms"]]
        if "medium" in p:
            medium = cells[p["medium"]]
        if type(cost) is not str or type(order_ref) is not str or type(term_code) is not str or type(medium) is not str:
            return None
        cost, order_ref, term_code, medium = cost.strip(), order_ref.strip(), term_code.strip(), medium.strip()
        if medium:
            medium = formats.MEDIUM_WORDS.get(medium.lower())
            if medium is None:
                return None
        if cost:
            cost = plain_minor(cost, currency_decimals(row["currency"]))
            if cost is None:
                return None
        if len(order_ref) > 64 or not_plain(order_ref) or (term_code and term_code not in self.terms):
            return None
        row["due_on"] = due_on
        row["cost"] = cost if cost != "" else None
        row["order_ref"] = order_ref
        row["medium"] = medium
        self.set_term(row, term_code)
        return row

    def set_term(self, row: dict, term_code: str) -> None:
        rule = self.rules.get(term_code)
        row["term"] = self.terms.get(term_code)
        row["rule"] = rule
        row["discount"] = (
            domain.early_payment_discount(self.decimal_amount(row), row["currency"], row["issue_on"], rule)
            if rule is not None
            else None
        )

    def draft_fields(self, line: int, values: dict) -> dict:
        return {
            "due_on": self.parsed(line, values, "due_date", formats.parse_date),
            "cost": self.amount_cell(line, values, "cost", required=False),
            "order_ref": cell_text(values.get("order_ref", "")),
            "medium": self.parsed(line, values, "medium", formats.parse_medium, required=False) or "",
        }

    def checked_invoice(self, line: int, values: dict) -> dict | None:
        """The full checks of one row: every problem reported."""
        row = self.read_row(line, values)
        term_code = cell_text(values.get("payment_terms", ""))
        if term_code and term_code not in self.terms:
            self.report.add(line, "payment_terms", _("Unknown payment term %(code)s.") % {"code": term_code})
            return None
        if row is None or row["draft"].due_on is None:
            return None
        draft = row["draft"]
        row["due_on"] = draft.due_on
        row["cost"] = to_minor(draft.cost, row["currency"]) if draft.cost is not None else None
        row["order_ref"] = draft.order_ref
        row["medium"] = draft.medium
        self.set_term(row, term_code)
        return row

    def start(self) -> None:
        super().start()
        self.width = max(self.positions.values()) + 1

    def chunk_cells(self, rows):
        self.find_repeats(rows)
        ready = []
        for line, cells in rows:
            row = self.plain_invoice(line, cells)
            if row is None:
                row = self.checked_invoice(line, self.values(cells))
                if row is None:
                    continue
            ready.append(row)
        new = self.outside_closed_periods(self.classify(ready))
        self.report.created += len(new)
        if not self.may_write or not new:
            return
        documents = []
        lines = []
        for index, row in enumerate(new):
            self.functional(row)
            # a debit has nothing to allocate and counts as settled on its own date (ledger.open_state)
            documents.append(self.prepared(self.document_row(row, 0, 0, row["issue_on"]), self.shared))
            lines.extend((index, self.prepared(line)) for line in self.lines(row))

        def write(cursor):
            ids = write_documents(cursor, documents)
            insert_prepared(cursor, DueLine, LINE_FIELDS, ((ids[index], line) for index, line in lines))

        self.writer.submit(write)

    def lines(self, row: dict):
        """The due lines' columns (LINE_FIELDS without the document id)."""
        rule = row["rule"]
        instalments = rule is not None and rule.kind == "instalments"
        if not instalments:  # one line: the whole invoice, due on the file's due date
            yield (
                row["customer_id"],
                self.company.pk,
                1,
                row["issue_on"],
                row["due_on"],
                row["currency"],
                row["minor"],
                row["functional"],
                row["minor"],
                row["functional"],
            )
            return
        amount = self.decimal_amount(row)
        parts = domain.schedule(amount, row["currency"], row["issue_on"], rule, None)
        functional_currency = self.functional_currency
        functional = from_minor(row["functional"], functional_currency)
        shares = (
            domain.split(functional, [p.amount / amount * 100 for p in parts], functional_currency)
            if len(parts) > 1
            else [functional]
        )
        for seq, (part, share) in enumerate(zip(parts, shares, strict=True), start=1):
            yield (
                row["customer_id"],
                self.company.pk,
                seq,
                row["issue_on"],
                part.due_on,
                row["currency"],
                to_minor(part.amount, row["currency"]),
                to_minor(share, functional_currency),
                to_minor(part.amount, row["currency"]),
                to_minor(share, functional_currency),
            )
