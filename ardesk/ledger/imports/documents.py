"""Importing invoices, receipts and credit notes: one document per row.

Idempotent by number or external reference: a document already in the ledger with the same
content is unchanged; with other content it is a conflict, reported and never overwritten.
Rows are written with the database's bulk path (core.bulk), then read back for their ids.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.core.bulk import insert_rows, reserve_ids
from ardesk.core.money import from_minor, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger import domain, selectors
from ardesk.ledger.errors import MissingExchangeRate
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.base import Importer, LineUse, converted
from ardesk.ledger.imports.reader import cell_text
from ardesk.ledger.models import Allocation, Document, DocumentStatus, DueLine, PaymentTerm

DOCUMENT_FIELDS = (
    "id",
    "company_id",
    "customer_id",
    "doc_type",
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
    "reference",
    "payment_term_id",
    "discount_until",
    "discount_amount",
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
)
ALLOCATION_FIELDS = (
    "company_id",
    "customer_id",
    "source_id",
    "line_id",
    "allocated_on",
    "amount",
    "functional_amount",
    "source_functional_amount",
    "method",
    "created_by_id",
    "created_at",
)


class DocumentImporter(Importer):
    doc_type = ""
    date_column = "date"
    sign = 1

    def start(self) -> None:
        self.customers = dict(Customer.objects.filter(company=self.company).values_list("code", "pk"))
        self.terms = {t.code: t for t in PaymentTerm.objects.prefetch_related("instalments")}
        self.rates: dict[tuple[str, dt.date], Decimal] = {}
        self.seen: set[str] = set()
        self.seen_refs: set[str] = set()
        self.now = timezone.now()
        # A first import into an empty ledger needs no look-ups: duplicates within the file are caught by `seen`.
        self.ledger_has_documents = Document.objects.filter(company=self.company, doc_type=self.doc_type).exists()

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
            "minor": to_minor(amount, currency) * self.sign,
            "external_ref": external_ref,
            "rate": rate,
        }

    def classify(self, rows: list[dict]) -> list[dict]:
        """Drop rows already in the ledger (unchanged), report conflicts; return the new ones."""
        if not rows or not self.ledger_has_documents:
            return rows
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
        found = list(Document.objects.filter(number__in=[r["number"] for r in rows]).values(*fields))
        refs = [r["external_ref"] for r in rows if r["external_ref"]]
        if refs:
            found += list(
                Document.objects.filter(company=self.company, doc_type=self.doc_type, external_ref__in=refs).values(
                    *fields
                )
            )
        found = [d for d in found if d["company_id"] == self.company.pk and d["doc_type"] == self.doc_type]
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

    def document_row(self, row: dict, pk: int) -> tuple:
        functional = to_minor(
            domain.functional_amount(row["amount"] * self.sign, row["rate"], self.company.functional_currency),
            self.company.functional_currency,
        )
        row["functional"] = functional
        discount = row.get("discount")
        return (
            pk,
            self.company.pk,
            row["customer_id"],
            self.doc_type,
            row["number"],
            row["external_ref"],
            row["issue_on"],
            row.get("due_on"),
            row["currency"],
            row["minor"],
            row["rate"],
            functional,
            to_minor(row["cost"], row["currency"]) if row.get("cost") is not None else None,
            row.get("order_ref", ""),
            row.get("invoice", ""),
            row["term"].pk if row.get("term") else None,
            discount[0] if discount else None,
            to_minor(discount[1], row["currency"]) if discount else None,
            "",
            DocumentStatus.POSTED,
            self.batch.pk,
            self.now,
            self.user.pk if self.user else None,
            self.now,
        )

    def write_documents(self, rows: list[dict]) -> list[int]:
        """Insert the documents; return their ids in the order of the rows."""
        ids = reserve_ids(Document, len(rows))
        insert_rows(Document, DOCUMENT_FIELDS, (self.document_row(r, pk) for r, pk in zip(rows, ids, strict=True)))
        return ids


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
            term = self.terms.get(term_code)
            rule = selectors.term_of(term) if term is not None else None
            ready.append(
                {
                    **row,
                    "due_on": due_on,
                    "cost": cost,
                    "order_ref": order_ref,
                    "term": term,
                    "rule": rule,
                    "discount": domain.early_payment_discount(row["amount"], row["currency"], row["issue_on"], rule),
                }
            )
        new = self.classify(ready)
        self.report.created += len(new)
        if not self.may_write or not new:
            return
        ids = self.write_documents(new)
        insert_rows(
            DueLine, LINE_FIELDS, (line for row, pk in zip(new, ids, strict=True) for line in self.lines(row, pk))
        )

    def lines(self, row: dict, document_id: int):
        rule = row["rule"]
        instalments = rule is not None and rule.kind == "instalments"
        if not instalments:  # one line: the whole invoice, due on the file's due date
            yield (
                document_id,
                row["customer_id"],
                self.company.pk,
                1,
                row["issue_on"],
                row["due_on"],
                row["currency"],
                row["minor"],
                row["functional"],
            )
            return
        parts = domain.schedule(
            row["amount"], row["currency"], row["issue_on"], rule, None if instalments else row["due_on"]
        )
        functional_currency = self.company.functional_currency
        functional = from_minor(row["functional"], functional_currency)
        shares = (
            domain.split(functional, [p.amount / row["amount"] * 100 for p in parts], functional_currency)
            if len(parts) > 1
            else [functional]
        )
        for seq, (part, share) in enumerate(zip(parts, shares, strict=True), start=1):
            yield (
                document_id,
                row["customer_id"],
                self.company.pk,
                seq,
                row["issue_on"],
                part.due_on,
                row["currency"],
                to_minor(part.amount, row["currency"]),
                to_minor(share, functional_currency),
            )


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
        if not self.may_write or not new:
            return
        ids = dict(zip((row["line"] for row in new), self.write_documents(new), strict=True))
        functional_currency = self.company.functional_currency
        insert_rows(
            Allocation,
            ALLOCATION_FIELDS,
            (
                (
                    self.company.pk,
                    row["customer_id"],
                    ids[row["line"]],
                    line_id,
                    row["issue_on"],
                    share,
                    functional,
                    converted(share, row["currency"], row["rate"], functional_currency),
                    "import",
                    self.user.pk if self.user else None,
                    self.now,
                )
                for row in new
                for line_id, share, functional in plans.get(row["line"], [])
            ),
        )
        self.used.clear()

    def plan_allocations(self, rows: list[dict]) -> dict[int, list[tuple]]:
        """Which due lines each row's invoice pays, earliest instalment first, as far as they are open."""
        numbers = {r["invoice"] for r in rows if r["invoice"]}
        if not numbers:
            return {}
        by_invoice: dict[str, list[dict]] = {}
        for line in selectors.open_lines_of_documents(company_id=self.company.pk, numbers=numbers):
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
                plans.setdefault(row["line"], []).append((line["pk"], share, self.used.take(line, share)))
                remaining -= share
        return plans


class ReceiptImporter(CreditImporter):
    kind = "receipts"
    doc_type = "receipt"


class CreditNoteImporter(CreditImporter):
    kind = "credit-notes"
    doc_type = "credit_note"
