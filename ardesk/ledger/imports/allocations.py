"""Importing allocations: part of a receipt or credit note applied to an invoice on a date."""

from __future__ import annotations

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.core.bulk import insert_rows
from ardesk.core.money import to_minor
from ardesk.ledger import open_state, periods, selectors
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.base import Importer, LineUse, converted
from ardesk.ledger.models import Allocation, Document, DocumentType

# The columns each allocation row writes, in this order.
ALLOCATION_FIELDS = (
    "company_id",
    "customer_id",
    "source_id",
    "line_id",
    "allocated_on",
    "amount",
    "functional_amount",
    "source_functional_amount",
    "currency",
    "line_issue_on",
    "line_due_on",
    "source_issue_on",
    "method",
    "created_by_id",
    "created_at",
)


class AllocationImporter(Importer):
    kind = "allocations"

    def start(self) -> None:
        self.used = LineUse(self.company.functional_currency)
        self.used_sources: dict[int, int] = {}
        self.now = timezone.now()
        self.closed = periods.closed_periods(self.company.pk)

    def chunk(self, rows):
        parsed = []
        for line, values in rows:
            before = self.report.problem_count
            receipt = self.text(line, values, "receipt", max_length=40)
            invoice = self.text(line, values, "invoice", max_length=40)
            on = self.parsed(line, values, "date", formats.parse_date)
            if self.report.problem_count == before and None not in (receipt, invoice, on):
                parsed.append((line, receipt, invoice, on, values.get("amount", "")))
        receipts = {p[1] for p in parsed}
        invoices = {p[2] for p in parsed}
        sources: dict[str, dict] = {}
        source_ids: list[int] = []
        ambiguous: set[str] = set()
        # Every type named, so that the (company, type, number) index serves the look-up.
        for document in Document.objects.filter(
            company=self.company,
            doc_type__in=DocumentType.values,
            amount__lt=0,
            reversal_of__isnull=True,
            number__in=receipts,
        ).values("pk", "number", "doc_type", "customer_id", "currency", "issue_on", "amount", "rate"):
            if document["number"] in sources:
                ambiguous.add(document["number"])  # a receipt and a credit note may share a number
            sources[document["number"]] = document
            source_ids.append(document["pk"])
        source_used = dict(
            Allocation.objects.filter(source_id__in=[s["pk"] for s in sources.values()])
            .values("source_id")
            .annotate(total=Sum("amount"))
            .values_list("source_id", "total")
        )
        lines: dict[str, list[dict]] = {}
        for line in selectors.open_lines_of_documents(
            company_id=self.company.pk, numbers=invoices, doc_types=("invoice", "debit_note")
        ):
            lines.setdefault(line["document__number"], []).append(line)
        # The same allocation imported before (possibly spread over instalments) counts as unchanged.
        existing = {
            (source, invoice, total, on)
            for source, invoice, on, total in Allocation.objects.filter(
                source_id__in=source_ids,
                line__document__number__in=invoices,
            )
            .values("source__number", "line__document__number", "allocated_on")
            .annotate(total=Sum("amount"))
            .values_list("source__number", "line__document__number", "allocated_on", "total")
        }
        planned = []
        for line_no, receipt, invoice, on, raw_amount in parsed:
            source = sources.get(receipt)
            if receipt in ambiguous:
                self.report.add(
                    line_no,
                    "receipt",
                    _("Both a receipt and a credit note are numbered %(number)s: allocate this one in ARdesk.")
                    % {"number": receipt},
                )
                continue
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
            if periods.month_of(on) in self.closed:
                self.report.add(line_no, "date", periods.closed_message(periods.month_of(on)))
                continue
            unapplied = -source["amount"] - source_used.get(source["pk"], 0) - self.used_sources.get(source["pk"], 0)
            if minor > unapplied or minor > sum(self.used.available(c) for c in candidates):
                self.report.add(
                    line_no,
                    "amount",
                    _("%(amount)s is more than is open on %(invoice)s or unallocated on %(receipt)s.")
                    % {"amount": amount, "invoice": invoice, "receipt": receipt},
                )
                continue
            self.used_sources[source["pk"]] = self.used_sources.get(source["pk"], 0) + minor
            remaining = minor
            for candidate in candidates:
                share = min(self.used.available(candidate), remaining)
                if share > 0:
                    planned.append((source, candidate, share, on, self.used.take(candidate, share)))
                    remaining -= share
            self.report.created += 1
        if not self.may_write:
            return
        functional_currency = self.company.functional_currency
        insert_rows(
            Allocation,
            ALLOCATION_FIELDS,
            (
                (
                    self.company.pk,
                    source["customer_id"],
                    source["pk"],
                    candidate["pk"],
                    on,
                    share,
                    functional,
                    converted(share, source["currency"], source["rate"], functional_currency),
                    source["currency"],
                    candidate["issue_on"],
                    candidate["due_on"],
                    source["issue_on"],
                    "import",
                    self.user.pk if self.user else None,
                    self.now,
                )
                for source, candidate, share, on, functional in planned
            ),
        )
        open_state.allocations_refresh(
            line_ids={candidate["pk"] for _s, candidate, *_rest in planned},
            source_ids={source["pk"] for source, *_rest in planned},
        )
        self.used.clear()
        self.used_sources.clear()
