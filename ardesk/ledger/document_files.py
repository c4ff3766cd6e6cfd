"""A document's copy as PDF (单据副本): what the receivables ledger holds of one invoice, credit note or receipt.

The copy names the company, the customer, the document's dates and terms, its instalments with
what is still open, and what was applied to it (or what it was applied to). It is laid out with the
statement's PDF helpers (built-in CJK font, page numbers) and is no tax invoice (发票): the copy
says so.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import partial

from django.db.models import Max, Sum
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from ardesk.core import exports
from ardesk.core.money import from_minor
from ardesk.ledger.models import Allocation, Document, DueLine
from ardesk.ledger.statement_files import (
    PAGE_MARGIN,
    NumberedCanvas,
    number_column_width,
    pdf_bank,
    pdf_emphasis,
    pdf_paragraph,
    pdf_styles,
    pdf_table,
)
from ardesk.ledger.statements import format_amount


def document_file_name(document: Document) -> str:
    """invoice-INV-2024-001.pdf: safe on every file system."""
    number = re.sub(r"[^\w.-]+", "_", document.number).strip("._") or str(document.pk)
    return f"{document.doc_type.replace('_', '-')}-{number}.pdf"


def document_pdf(document: Document, language: str, *, as_of: dt.date) -> bytes:
    """The document's copy as an A4 PDF in a language ("zh-hans" or "en"), its open amounts as of a day."""
    exports.register_cjk_font()
    buffer = io.BytesIO()
    with translation.override(language):
        title = f"{document.get_doc_type_display()} {document.number}"
        pdf = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=PAGE_MARGIN,
            rightMargin=PAGE_MARGIN,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=title,
            author=document.company.name,
            subject=_("Copy of a document"),
            creator="ARdesk",
            invariant=True,
        )
        story = _story(document, pdf.width, as_of)
        running_head = f"{document.company.name} · {document.customer.code} {document.customer.name} · {title}"
        pdf.build(
            story,
            canvasmaker=partial(NumberedCanvas, page_label=_("Page %(page)d of %(pages)d"), running_head=running_head),
        )
    return buffer.getvalue()


def _facts(document: Document) -> list[tuple[str, str]]:
    customer = document.customer
    facts = [(_("Customer"), f"{customer.code} {customer.name}")]
    if customer.address:
        facts.append((_("Address"), customer.address))
    facts += [(_("Number"), document.number), (_("Date"), f"{document.issue_on:%Y-%m-%d}")]
    if document.due_on:
        facts.append((_("Due date"), f"{document.due_on:%Y-%m-%d}"))
    if document.payment_term_id:
        facts.append((_("Payment term"), document.payment_term.description))
    facts.append((_("Currency"), document.currency))
    if document.order_ref:
        facts.append((_("Sales order"), document.order_ref))
    if document.reference:
        facts.append((_("Paid invoice"), document.reference))
    if document.reversal_of_id:
        facts.append((_("Reverses"), document.reversal_of.number))
    if document.description:
        facts.append((_("Description"), document.description))
    return facts


def _story(document: Document, width: float, as_of: dt.date) -> list:
    styles = pdf_styles()
    company, currency = document.company, document.currency
    fmt = partial(format_amount, currency=currency)
    story: list = [pdf_paragraph(company.name, styles["company"])]
    if company.address:
        story.append(pdf_paragraph(company.address, styles["small"]))
    story.append(pdf_paragraph(_("%(type)s (copy)") % {"type": document.get_doc_type_display()}, styles["title"]))
    story.append(
        pdf_paragraph(
            _("A copy of the document as kept in our receivables ledger; it is not a tax invoice."), styles["small"]
        )
    )
    story.append(Spacer(1, 3 * mm))
    header = Table(
        [
            [pdf_paragraph(label, styles["muted"]), pdf_paragraph(value, styles["base"])]
            for label, value in _facts(document)
        ],
        colWidths=[28 * mm, width - 28 * mm],
        hAlign="LEFT",
    )
    header.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(header)
    amount = from_minor(abs(document.amount), currency)
    if document.is_debit:
        story += _instalments(document, width, styles, fmt, as_of)
        story += _applied(
            _("Payments and credits applied"),
            Allocation.objects.filter(line__document=document).values("source__doc_type", "source__number"),
            ("source__doc_type", "source__number"),
            width,
            styles,
            currency,
        )
    else:
        story += _applied(
            _("Applied to"),
            Allocation.objects.filter(source=document).values("line__document__doc_type", "line__document__number"),
            ("line__document__doc_type", "line__document__number"),
            width,
            styles,
            currency,
        )
        rows = [
            [pdf_paragraph(_("Amount"), styles["bold"]), fmt(amount)],
            [
                pdf_paragraph(_("Not yet applied"), styles["base"]),
                fmt(from_minor(abs(document.unapplied_now), currency)),
            ],
        ]
        story += [Spacer(1, 3 * mm), pdf_table(rows, [width - 35 * mm, 35 * mm], numeric_from=1)]
        return story
    return story + pdf_bank(company, width, styles)


def _instalments(document: Document, width: float, styles, fmt, as_of: dt.date) -> list:
    """The amounts due, one row per instalment, with what is still open on the day."""
    lines = list(DueLine.objects.filter(document=document).order_by("seq"))
    heads = [_("Instalment"), _("Due date"), _("Amount"), _("Open amount")]
    rows: list[list] = [[pdf_paragraph(h, styles["head-num" if n >= 2 else "head"]) for n, h in enumerate(heads)]]
    for line in lines:
        rows.append(
            [
                str(line.seq),
                f"{line.due_on:%Y-%m-%d}",
                fmt(from_minor(line.amount, line.currency)),
                fmt(from_minor(line.open_now, line.currency)),
            ]
        )
    total = sum(line.amount for line in lines)
    still_open = sum(line.open_now for line in lines)
    rows.append(
        [
            pdf_paragraph(_("Total"), styles["bold"]),
            "",
            fmt(from_minor(total, document.currency)),
            fmt(from_minor(still_open, document.currency)),
        ]
    )
    heading = _("Amounts due (open as of %(date)s)") % {"date": f"{as_of:%Y-%m-%d}"}
    widths = [25 * mm, width - 95 * mm, 35 * mm, 35 * mm]
    return [
        pdf_paragraph(heading, styles["heading"]),
        pdf_table(rows, widths, numeric_from=2, extra=pdf_emphasis(len(rows) - 1)),
    ]


def _applied(heading: str, allocations, keys: tuple[str, str], width: float, styles, currency: str) -> list:
    """What was applied to a debit or what a credit paid, one row per other document (reversals netted)."""
    type_key, number_key = keys
    grouped = list(
        allocations.annotate(total=Sum("amount"), last=Max("allocated_on"))
        .exclude(total=0)
        .order_by("last", number_key)
    )
    if not grouped:
        return []
    labels = dict(Document._meta.get_field("doc_type").choices)
    heads = [_("Date"), _("Type"), _("Number"), _("Amount")]
    rows: list[list] = [[pdf_paragraph(h, styles["head-num" if n >= 3 else "head"]) for n, h in enumerate(heads)]]
    for row in grouped:
        rows.append(
            [
                f"{row['last']:%Y-%m-%d}",
                pdf_paragraph(str(labels.get(row[type_key], row[type_key])), styles["base"]),
                pdf_paragraph(row[number_key], styles["base"]),
                format_amount(from_minor(row["total"], currency), currency),
            ]
        )
    number_width = number_column_width([row[number_key] for row in grouped], 35 * mm)
    widths = [22 * mm, 30 * mm, number_width, width - 52 * mm - number_width]
    return [pdf_paragraph(heading, styles["heading"]), pdf_table(rows, widths, numeric_from=3)]
