"""Running an import: check every row first, then write everything in one transaction, or nothing.

Two passes over the file: the first finds every problem (line, field, reason) without writing;
only a clean file gets the second pass, which writes in batches inside one transaction. Rows are
streamed in chunks, so memory stays flat however long the file is. A document that is already in
the ledger with the same content is counted as unchanged (re-importing a file writes nothing); one
whose content differs is a conflict, reported, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.core.errors import ApplicationError
from ardesk.core.money import from_minor, to_minor
from ardesk.customers import domain as customer_rules
from ardesk.customers.models import Customer, CustomerStatusChange
from ardesk.ledger import domain, selectors
from ardesk.ledger.errors import MissingExchangeRate
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.reader import FileProblem, Table, cell_text, open_table
from ardesk.ledger.models import (
    Allocation,
    CustomerTerms,
    Document,
    DocumentStatus,
    DueLine,
    ImportBatch,
    PaymentTerm,
)

CHUNK = 2000
MAX_LISTED_PROBLEMS = 1000
User = get_user_model()


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return _("Line %(line)d, %(field)s: %(reason)s") % {
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    kind: str
    file_name: str
    rows: int = 0
    created: int = 0
    unchanged: int = 0
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    dry_run: bool = False
    written: bool = False
    batch_id: int | None = None
    encoding: str = ""

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add(self, line: int, field_name: str, reason: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(Problem(line, field_name, str(reason)))

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "file": self.file_name,
            "rows": self.rows,
            "created": self.created,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "dry_run": self.dry_run,
            "written": self.written,
            "problem_count": self.problem_count,
            "batch_id": self.batch_id,
            "problems": [{"line": p.line, "field": p.field, "reason": p.reason} for p in self.problems],
        }


Progress = Callable[[int], None]


def _chunks(table: Table, positions: dict[str, int]) -> Iterator[list[tuple[int, dict]]]:
    chunk: list[tuple[int, dict]] = []
    for line, cells in table.rows:
        values = {name: (cells[index] if index < len(cells) else "") for name, index in positions.items()}
        chunk.append((line, values))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Importer:
    """One kind of import. Subclasses check a chunk (adding problems) and write it."""

    kind = ""

    def __init__(self, *, company: Company, user, report: ImportReport):
        self.company = company
        self.user = user
        self.report = report
        self.writing = False
        self.batch: ImportBatch | None = None

    def start(self) -> None:
        """Load what every chunk needs (small lookups), reset the state of a pass."""

    def chunk(self, rows: list[tuple[int, dict]]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Work that needs the whole file (e.g. parents named further down)."""

    # cell helpers: each returns None and records a problem when the cell is bad
    def text(self, line: int, values: dict, name: str, *, required: bool = True, max_length: int = 64) -> str | None:
        value = cell_text(values.get(name, ""))
        if not value:
            if required:
                self.report.add(line, name, _("This field is required."))
                return None
            return ""
        if len(value) > max_length:
            self.report.add(line, name, _("At most %(count)d characters.") % {"count": max_length})
            return None
        return value

    def parsed(self, line: int, values: dict, name: str, parser, *args, required: bool = True):
        raw = values.get(name, "")
        if cell_text(raw) == "":
            if required:
                self.report.add(line, name, _("This field is required."))
            return None
        try:
            return parser(raw, *args)
        except ValueError as exc:
            self.report.add(line, name, str(exc))
            return None


class CustomerImporter(Importer):
    kind = "customers"

    def start(self) -> None:
        self.existing = {
            code: (pk, name, uscc)
            for pk, code, name, uscc in Customer.objects.filter(company=self.company).values_list(
                "pk", "code", "name", "uscc"
            )
        }
        self.usccs = {uscc: code for code, (_pk, _n, uscc) in self.existing.items() if uscc}
        self.terms = dict(PaymentTerm.objects.values_list("code", "pk"))
        self.collectors = dict(User.objects.filter(is_active=True).values_list("username", "pk"))
        self.seen: set[str] = set()
        self.parents: list[tuple[int, str, str]] = []

    def chunk(self, rows):
        to_create, to_update, terms = [], [], []
        for line, values in rows:
            problems_before = self.report.problem_count
            code = self.text(line, values, "code", max_length=32)
            name = self.text(line, values, "name", max_length=200)
            uscc = customer_rules.normalize_uscc(cell_text(values.get("uscc", "")))
            currency = self.parsed(line, values, "currency", formats.parse_currency, required=False) or "CNY"
            term = cell_text(values.get("payment_terms", ""))
            collector = cell_text(values.get("collector", ""))
            parent = cell_text(values.get("parent_code", ""))
            if code is not None:
                problem = customer_rules.customer_code_problem(code)
                if problem:
                    self.report.add(line, "code", problem)
                elif code in self.seen:
                    self.report.add(
                        line, "code", _("Customer code %(code)s appears twice in the file.") % {"code": code}
                    )
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
            if self.report.problem_count > problems_before or code is None or name is None:
                continue
            if parent:
                self.parents.append((line, code, parent))
            known = self.existing.get(code)
            fields = {
                "name": name,
                "uscc": uscc,
                "currency": currency,
                "collector_id": self.collectors.get(collector) if collector else None,
                "search_text": customer_rules.search_key(code, name, uscc),
            }
            if known is None:
                self.report.created += 1
                to_create.append(Customer(company=self.company, code=code, **fields))
            elif (known[1], known[2]) == (name, uscc):
                self.report.unchanged += 1
            else:
                self.report.updated += 1
                to_update.append((known[0], fields))
            if term:
                terms.append((code, self.terms[term]))
        if not self.writing:
            for customer in to_create:
                self.existing[customer.code] = (0, customer.name, customer.uscc)
            return
        created = Customer.objects.bulk_create(to_create, batch_size=1000)
        ids = dict(
            Customer.objects.filter(company=self.company, code__in=[c.code for c in created]).values_list("code", "pk")
        )
        CustomerStatusChange.objects.bulk_create(
            CustomerStatusChange(customer_id=ids[c.code], to_status="active", changed_by=self.user) for c in created
        )
        for customer in created:
            self.existing[customer.code] = (ids[customer.code], customer.name, customer.uscc)
        for pk, fields in to_update:
            before = Customer.objects.filter(pk=pk).values("name", "uscc").get()
            Customer.objects.filter(pk=pk).update(**fields)
            record(
                action="customer.update",
                actor=self.user,
                object_type="customers.customer",
                object_id=str(pk),
                object_repr=fields["name"],
                company_id=self.company.pk,
                before=before,
                after={"name": fields["name"], "uscc": fields["uscc"], "import_batch": self.batch.pk},
            )
        for code, term_id in terms:
            CustomerTerms.objects.update_or_create(
                customer_id=self.existing[code][0], defaults={"payment_term_id": term_id}
            )

    def finish(self) -> None:
        for line, code, parent in self.parents:
            if parent not in self.existing:
                self.report.add(line, "parent_code", _("No customer with code %(code)s.") % {"code": parent})
            elif parent == code:
                self.report.add(line, "parent_code", _("A customer cannot be its own parent."))
            elif self.writing:
                Customer.objects.filter(pk=self.existing[code][0]).update(parent_id=self.existing[parent][0])


class DocumentImporter(Importer):
    """Invoices, receipts and credit notes: one document per row, idempotent by number or external reference."""

    doc_type = ""
    date_column = "date"

    def start(self) -> None:
        self.customers = {
            code: pk for code, pk in Customer.objects.filter(company=self.company).values_list("code", "pk")
        }
        self.terms = {t.code: t for t in PaymentTerm.objects.prefetch_related("instalments")}
        self.rates: dict[tuple[str, dt.date], Decimal] = {}
        self.seen: set[str] = set()
        self.seen_refs: set[str] = set()

    def rate(self, line: int, currency: str, on: dt.date) -> Decimal | None:
        key = (currency, on)
        if key not in self.rates:
            try:
                self.rates[key] = selectors.exchange_rate(
                    currency=currency, quote_currency=self.company.functional_currency, on=on
                )
            except MissingExchangeRate as exc:
                self.report.add(line, "currency", exc.message)
                return None
        return self.rates[key]

    def read_row(self, line: int, values: dict) -> dict | None:
        before = self.report.problem_count
        number = self.text(line, values, "number", max_length=40)
        code = self.text(line, values, "customer", max_length=32)
        issue_on = self.parsed(line, values, self.date_column, formats.parse_date)
        currency = self.parsed(line, values, "currency", formats.parse_currency)
        amount = self.parsed(line, values, "amount", formats.parse_amount, currency) if currency else None
        external_ref = self.text(line, values, "external_ref", required=False) or ""
        if code is not None and code not in self.customers:
            self.report.add(
                line,
                "customer",
                _("No customer with code %(code)s in %(company)s.") % {"code": code, "company": self.company.code},
            )
        if number is not None:
            if number in self.seen:
                self.report.add(line, "number", _("Number %(number)s appears twice in the file.") % {"number": number})
            self.seen.add(number)
        if external_ref:
            if external_ref in self.seen_refs:
                self.report.add(
                    line,
                    "external_ref",
                    _("External reference %(ref)s appears twice in the file.") % {"ref": external_ref},
                )
            self.seen_refs.add(external_ref)
        if self.report.problem_count > before or None in (number, code, issue_on, currency, amount):
            return None
        rate = self.rate(line, currency, issue_on)
        if rate is None:
            return None
        return {
            "line": line,
            "number": number,
            "customer_id": self.customers[code],
            "issue_on": issue_on,
            "currency": currency,
            "amount": amount,
            "external_ref": external_ref,
            "rate": rate,
        }

    def existing(self, rows: list[dict]) -> dict[str, dict]:
        """Documents already in the ledger for these rows, by number and by external reference."""
        numbers = [r["number"] for r in rows]
        refs = [r["external_ref"] for r in rows if r["external_ref"]]
        found = (
            Document.objects.filter(company=self.company, doc_type=self.doc_type)
            .filter(Q(number__in=numbers) | Q(external_ref__in=refs))
            .values("number", "external_ref", "customer_id", "issue_on", "currency", "amount", "due_on")
        )
        index: dict[str, dict] = {}
        for doc in found:
            index[f"n:{doc['number']}"] = doc
            if doc["external_ref"]:
                index[f"r:{doc['external_ref']}"] = doc
        return index

    def same(self, row: dict, doc: dict) -> list[str]:
        """The fields in which an existing document differs from the row."""
        expected = {
            "customer_id": row["customer_id"],
            "issue_on": row["issue_on"],
            "currency": row["currency"],
            "amount": self.sign * to_minor(row["amount"], row["currency"]),
        }
        if "due_on" in row:
            expected["due_on"] = row["due_on"]
        return [name for name, value in expected.items() if doc[name] != value]

    sign = 1

    def document(self, row: dict) -> Document:
        signed = row["amount"] * self.sign
        return Document(
            company=self.company,
            customer_id=row["customer_id"],
            doc_type=self.doc_type,
            number=row["number"],
            external_ref=row["external_ref"],
            issue_on=row["issue_on"],
            due_on=row.get("due_on"),
            currency=row["currency"],
            amount=to_minor(signed, row["currency"]),
            rate=row["rate"],
            functional_amount=to_minor(
                domain.functional_amount(signed, row["rate"], self.company.functional_currency),
                self.company.functional_currency,
            ),
            cost=to_minor(row["cost"], row["currency"]) if row.get("cost") is not None else None,
            order_ref=row.get("order_ref", ""),
            reference=row.get("invoice", ""),
            payment_term=row.get("term"),
            status=DocumentStatus.POSTED,
            posted_at=timezone.now(),
            posted_by=self.user,
            import_batch=self.batch,
        )

    def classify(self, rows: list[dict]) -> list[dict]:
        """Drop rows already in the ledger (unchanged), report conflicts; return the new ones."""
        index = self.existing(rows)
        new = []
        for row in rows:
            doc = index.get(f"n:{row['number']}") or (
                index.get(f"r:{row['external_ref']}") if row["external_ref"] else None
            )
            if doc is None:
                new.append(row)
                continue
            differences = self.same(row, doc)
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


class InvoiceImporter(DocumentImporter):
    kind = "invoices"
    doc_type = "invoice"
    date_column = "issue_date"

    def chunk(self, rows):
        ready = []
        for line, values in rows:
            row = self.read_row(line, values)
            due_on = self.parsed(line, values, "due_date", formats.parse_date)
            cost = (
                self.parsed(line, values, "cost", formats.parse_amount, row["currency"], required=False)
                if row
                else None
            )
            term_code = cell_text(values.get("payment_terms", ""))
            order_ref = self.text(line, values, "order_ref", required=False) or ""
            if term_code and term_code not in self.terms:
                self.report.add(line, "payment_terms", _("Unknown payment term %(code)s.") % {"code": term_code})
                continue
            if row is None or due_on is None:
                continue
            if due_on < row["issue_on"]:
                self.report.add(line, "due_date", _("The due date is before the invoice date."))
                continue
            ready.append(
                {**row, "due_on": due_on, "cost": cost, "order_ref": order_ref, "term": self.terms.get(term_code)}
            )
        new = self.classify(ready)
        self.report.created += len(new)
        if not self.writing or not new:
            return
        documents = Document.objects.bulk_create([self.document(r) for r in new], batch_size=1000)
        lines = []
        for row, document in zip(new, documents, strict=True):
            term = selectors.term_of(row["term"]) if row["term"] is not None else None
            parts = domain.schedule(
                row["amount"],
                row["currency"],
                row["issue_on"],
                term,
                None if term and term.kind == "instalments" else row["due_on"],
            )
            functional = domain.functional_amount(row["amount"], row["rate"], self.company.functional_currency)
            shares = (
                domain.split(
                    functional, [p.amount / row["amount"] * 100 for p in parts], self.company.functional_currency
                )
                if len(parts) > 1
                else [functional]
            )
            for seq, (part, share) in enumerate(zip(parts, shares, strict=True), start=1):
                lines.append(
                    DueLine(
                        document_id=document.pk,
                        customer_id=row["customer_id"],
                        company=self.company,
                        seq=seq,
                        issue_on=row["issue_on"],
                        due_on=part.due_on,
                        currency=row["currency"],
                        amount=to_minor(part.amount, row["currency"]),
                        functional_amount=to_minor(share, self.company.functional_currency),
                    )
                )
        DueLine.objects.bulk_create(lines, batch_size=2000)


class CreditImporter(DocumentImporter):
    """Receipts and credit notes; a row naming an invoice is allocated to it at the row's date."""

    sign = -1

    def start(self) -> None:
        super().start()
        self.used = LineUse(self.company.functional_currency)

    def chunk(self, rows):
        ready = []
        for line, values in rows:
            row = self.read_row(line, values)
            invoice = self.text(line, values, "invoice", required=False, max_length=40) or ""
            if row is not None:
                ready.append({**row, "invoice": invoice})
        new = self.classify(ready)
        plans = self.plan_allocations(new)
        self.report.created += len(new)
        if not self.writing or not new:
            return
        documents = Document.objects.bulk_create([self.document(r) for r in new], batch_size=1000)
        allocations = []
        functional_currency = self.company.functional_currency
        for row, document in zip(new, documents, strict=True):
            for line_id, share, functional in plans.get(row["line"], []):
                allocations.append(
                    Allocation(
                        company=self.company,
                        customer_id=row["customer_id"],
                        source=document,
                        line_id=line_id,
                        allocated_on=row["issue_on"],
                        amount=share,
                        functional_amount=functional,
                        source_functional_amount=converted(share, row["currency"], row["rate"], functional_currency),
                        method="import",
                        created_by=self.user,
                    )
                )
        Allocation.objects.bulk_create(allocations, batch_size=2000)
        self.used.clear()

    def plan_allocations(self, rows: list[dict]) -> dict[int, list[tuple]]:
        """Which due lines each row's invoice reference pays, oldest instalment first, as far as open."""
        numbers = {r["invoice"] for r in rows if r["invoice"]}
        if not numbers:
            return {}
        lines = (
            selectors.open_lines(as_of=dt.date.max, company_ids=[self.company.pk])
            .filter(document__doc_type="invoice", document__number__in=numbers)
            .values(
                "pk",
                "document__number",
                "document__rate",
                "customer_id",
                "currency",
                "issue_on",
                "functional_amount",
                "open_amount",
                "allocated_functional",
                "due_on",
            )
            .order_by("due_on", "pk")
        )
        by_invoice: dict[str, list[dict]] = {}
        for line in lines:
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
            remaining = to_minor(row["amount"], row["currency"])
            for line in candidates:
                share = min(self.used.available(line), remaining)
                if share <= 0:
                    continue
                plans.setdefault(row["line"], []).append((line["pk"], share, self.used.take(line, share)))
                remaining -= share
        return plans


class LineUse:
    """What a run has taken from open lines and credits but not yet written, so rows never overdraw."""

    def __init__(self, functional_currency: str):
        self.functional_currency = functional_currency
        self.amount: dict[int, int] = {}
        self.functional: dict[int, int] = {}

    def available(self, line: dict) -> int:
        return line["open_amount"] - self.amount.get(line["pk"], 0)

    def take(self, line: dict, share: int) -> int:
        """Take part of a line; return its functional amount (the part closing the line takes the rest)."""
        pk = line["pk"]
        if share == self.available(line):
            functional = line["functional_amount"] - line["allocated_functional"] - self.functional.get(pk, 0)
        else:
            functional = converted(share, line["currency"], line["document__rate"], self.functional_currency)
        self.amount[pk] = self.amount.get(pk, 0) + share
        self.functional[pk] = self.functional.get(pk, 0) + functional
        return functional

    def clear(self) -> None:
        self.amount.clear()
        self.functional.clear()


def converted(minor: int, currency: str, rate: Decimal, functional_currency: str) -> int:
    """Minor units of a document currency converted at a rate to minor units of the functional currency."""
    return to_minor(
        domain.functional_amount(from_minor(minor, currency), rate, functional_currency), functional_currency
    )


class ReceiptImporter(CreditImporter):
    kind = "receipts"
    doc_type = "receipt"


class CreditNoteImporter(CreditImporter):
    kind = "credit-notes"
    doc_type = "credit_note"


class AllocationImporter(Importer):
    kind = "allocations"

    def start(self) -> None:
        self.used = LineUse(self.company.functional_currency)
        self.consumed_sources: dict[int, int] = {}

    def chunk(self, rows):
        parsed = []
        for line, values in rows:
            before = self.report.problem_count
            receipt = self.text(line, values, "receipt", max_length=40)
            invoice = self.text(line, values, "invoice", max_length=40)
            on = self.parsed(line, values, "date", formats.parse_date)
            raw_amount = values.get("amount", "")
            if self.report.problem_count == before and None not in (receipt, invoice, on):
                parsed.append((line, receipt, invoice, on, raw_amount))
        sources = {
            d["number"]: d
            for d in Document.objects.filter(
                company=self.company, amount__lt=0, reversal_of__isnull=True, number__in={p[1] for p in parsed}
            ).values("pk", "number", "customer_id", "currency", "issue_on", "amount", "rate")
        }
        source_used = dict(
            Allocation.objects.filter(source_id__in=[s["pk"] for s in sources.values()])
            .values("source_id")
            .annotate(total=Sum("amount"))
            .values_list("source_id", "total")
        )
        lines: dict[str, list[dict]] = {}
        for line in (
            selectors.open_lines(as_of=dt.date.max, company_ids=[self.company.pk])
            .filter(document__doc_type__in=["invoice", "debit_note"], document__number__in={p[2] for p in parsed})
            .values(
                "pk",
                "document__number",
                "document__rate",
                "customer_id",
                "currency",
                "issue_on",
                "functional_amount",
                "open_amount",
                "allocated_functional",
            )
            .order_by("due_on", "pk")
        ):
            lines.setdefault(line["document__number"], []).append(line)
        # The same allocation imported before (possibly spread over instalments) counts as unchanged.
        existing = {
            (source_number, invoice_number, total, on)
            for source_number, invoice_number, on, total in Allocation.objects.filter(
                company=self.company,
                source__number__in={p[1] for p in parsed},
                line__document__number__in={p[2] for p in parsed},
            )
            .values("source__number", "line__document__number", "allocated_on")
            .annotate(total=Sum("amount"))
            .values_list("source__number", "line__document__number", "allocated_on", "total")
        }
        to_create = []
        for line_no, receipt, invoice, on, raw_amount in parsed:
            source = sources.get(receipt)
            if source is None:
                self.report.add(line_no, "receipt", _("No receipt or credit note %(number)s.") % {"number": receipt})
                continue
            try:
                amount = formats.parse_amount(raw_amount, source["currency"])
            except ValueError as exc:
                self.report.add(line_no, "amount", str(exc))
                continue
            minor = to_minor(amount, source["currency"])
            if (receipt, invoice, minor, on) in existing:
                self.report.unchanged += 1
                continue
            candidates = lines.get(invoice)
            if not candidates:
                self.report.add(line_no, "invoice", _("No open invoice %(number)s.") % {"number": invoice})
                continue
            if candidates[0]["customer_id"] != source["customer_id"] or candidates[0]["currency"] != source["currency"]:
                self.report.add(
                    line_no,
                    "invoice",
                    _("Invoice %(number)s belongs to another customer or currency.") % {"number": invoice},
                )
                continue
            if on < source["issue_on"] or on < candidates[0]["issue_on"]:
                self.report.add(line_no, "date", _("An allocation cannot be dated before the receipt or the invoice."))
                continue
            unapplied = (
                -source["amount"] - source_used.get(source["pk"], 0) - self.consumed_sources.get(source["pk"], 0)
            )
            open_total = sum(self.used.available(c) for c in candidates)
            if minor > unapplied or minor > open_total:
                self.report.add(
                    line_no,
                    "amount",
                    _("%(amount)s is more than is open on %(invoice)s or unallocated on %(receipt)s.")
                    % {"amount": amount, "invoice": invoice, "receipt": receipt},
                )
                continue
            self.consumed_sources[source["pk"]] = self.consumed_sources.get(source["pk"], 0) + minor
            remaining = minor
            for candidate in candidates:
                share = min(self.used.available(candidate), remaining)
                if share <= 0:
                    continue
                to_create.append((source, candidate, share, on, self.used.take(candidate, share)))
                remaining -= share
            self.report.created += 1
        if not self.writing:
            return
        functional_currency = self.company.functional_currency
        Allocation.objects.bulk_create(
            [
                Allocation(
                    company=self.company,
                    customer_id=source["customer_id"],
                    source_id=source["pk"],
                    line_id=candidate["pk"],
                    allocated_on=on,
                    amount=share,
                    method="import",
                    created_by=self.user,
                    functional_amount=functional,
                    source_functional_amount=converted(share, source["currency"], source["rate"], functional_currency),
                )
                for source, candidate, share, on, functional in to_create
            ],
            batch_size=2000,
        )
        self.used.clear()
        self.consumed_sources.clear()


IMPORTERS: dict[str, type[Importer]] = {
    "customers": CustomerImporter,
    "invoices": InvoiceImporter,
    "receipts": ReceiptImporter,
    "credit-notes": CreditNoteImporter,
    "allocations": AllocationImporter,
}


def _sha256(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    handle.seek(0)
    return digest.hexdigest()


def _pass(importer: Importer, handle: IO[bytes], file_name: str, progress: Progress | None) -> None:
    handle.seek(0)
    table = open_table(handle, file_name)
    positions, problems = formats.header_map(importer.kind, table.headers)
    if problems:
        for problem in problems:
            importer.report.add(1, "header", problem)
        return
    importer.report.encoding = table.encoding
    importer.report.rows = 0
    importer.start()
    for chunk in _chunks(table, positions):
        importer.chunk(chunk)
        importer.report.rows += len(chunk)
        if progress is not None:
            progress(importer.report.rows)
    importer.finish()


def run_import(
    *,
    kind: str,
    handle: IO[bytes],
    file_name: str,
    company: Company,
    user,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check a whole file and, if it is clean and not a dry run, write it in one transaction."""
    if kind not in IMPORTERS:
        raise ApplicationError(_("Unknown import kind %(kind)s.") % {"kind": kind}, field="kind")
    report = ImportReport(kind=kind, file_name=file_name, dry_run=dry_run)
    importer = IMPORTERS[kind](company=company, user=user, report=report)
    try:
        _pass(importer, handle, file_name, progress)
    except FileProblem as exc:
        report.add(0, "file", str(exc))
    if not report.ok or dry_run:
        return report
    counts = (report.created, report.unchanged, report.updated)
    report.created = report.unchanged = report.updated = 0
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            company=company,
            kind=kind,
            file_name=file_name[:255],
            sha256=_sha256(handle),
            created_by=user,
            status="done",
        )
        importer.batch = batch
        importer.writing = True
        _pass(importer, handle, file_name, progress)
        if not report.ok or (report.created, report.unchanged, report.updated) != counts:
            # The ledger changed between the check and the write (another import, an allocation): stop.
            transaction.set_rollback(True)
            report.add(
                0,
                "file",
                _("The ledger changed while the file was being checked; nothing was written, please import again."),
            )
            return report
        batch.rows, batch.created, batch.unchanged = report.rows, report.created, report.unchanged
        batch.save(update_fields=["rows", "created", "unchanged"])
        record(
            action="import.run",
            actor=user,
            object_type="ledger.importbatch",
            object_id=str(batch.pk),
            object_repr=f"{kind} {file_name}"[:255],
            company_id=company.pk,
            after={
                "kind": kind,
                "file": file_name,
                "sha256": batch.sha256,
                "rows": report.rows,
                "created": report.created,
                "unchanged": report.unchanged,
                "updated": report.updated,
            },
        )
    report.batch_id = batch.pk
    report.written = report.created > 0 or report.updated > 0
    return report
