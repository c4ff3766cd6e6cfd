"""Statements of account as files: PDF (ReportLab, built-in CJK font), Excel, and in bulk for a company.

The data comes from ``ledger.statements``; this module only lays it out and writes it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from django.db.models import Q, Sum
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ardesk.companies.models import Company
from ardesk.core import exports
from ardesk.customers.models import Customer
from ardesk.ledger import selectors
from ardesk.ledger.models import Allocation, Document
from ardesk.ledger.statements import (
    Section,
    Statement,
    format_amount,
    statement,
)

# --- PDF --------------------------------------------------------------------------------------

PAGE_MARGIN = 15 * mm
GREY = colors.HexColor("#555555")
RED = colors.HexColor("#b42318")


def _draw(canvas_, x: float, y: float, text: str, size: float, right: bool = False) -> None:
    """Draw a line of mixed Latin and Chinese text on the canvas, from x or ending at x."""
    runs = [(run, exports.LATIN_FONT if latin else exports.CJK_FONT) for run, latin in exports.runs(text)]
    if right:
        x -= sum(pdfmetrics.stringWidth(run, font, size) for run, font in runs)
    for run, font in runs:
        canvas_.setFont(font, size)
        canvas_.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)


def statement_pdf(statement: Statement, language: str) -> bytes:
    """The statement as an A4 PDF in a language ("zh-hans" or "en"), page-numbered."""
    exports.register_cjk_font()
    buffer = io.BytesIO()
    with translation.override(language):
        period = f"{statement.date_from:%Y-%m-%d} – {statement.date_to:%Y-%m-%d}"
        running_head = f"{statement.company.name} · {statement.customer.code} {statement.customer.name} · {period}"
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=PAGE_MARGIN,
            rightMargin=PAGE_MARGIN,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=f"{_('Statement of account')} {statement.customer.code} {period}",
            author=statement.company.name,
            subject=_("Statement of account"),
            creator="ARdesk",
            invariant=True,
        )
        story = _pdf_story(statement, document.width)
        page_label = _("Page %(page)d of %(pages)d")
        document.build(story, canvasmaker=partial(NumberedCanvas, page_label=page_label, running_head=running_head))
    return buffer.getvalue()


def pdf_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=exports.LATIN_FONT, fontSize=8, leading=10, wordWrap="CJK")
    return {
        "base": base,
        "bold": ParagraphStyle("bold", parent=base, fontName=exports.LATIN_BOLD),
        "muted": ParagraphStyle("muted", parent=base, textColor=GREY),
        "head": ParagraphStyle("head", parent=base, fontName=exports.LATIN_BOLD),
        "head-num": ParagraphStyle("head-num", parent=base, fontName=exports.LATIN_BOLD, alignment=TA_RIGHT),
        "company": ParagraphStyle("company", parent=base, fontName=exports.LATIN_BOLD, fontSize=14, leading=18),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "title": ParagraphStyle(
            "title", parent=base, fontName=exports.LATIN_BOLD, fontSize=18, leading=24, spaceBefore=4, spaceAfter=6
        ),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=exports.LATIN_BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4
        ),
    }


def pdf_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(exports.markup(str(text)), style)


def pdf_table(rows: list[list], widths: list[float], numeric_from: int, extra: Sequence[tuple] = ()) -> Table:
    """A data table: shaded header repeated on every page, hairlines, amounts right-aligned."""
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), exports.LATIN_FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), exports.SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, exports.GRID),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, exports.GRID),
                ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                *extra,
            ]
        )
    )
    return table


def number_column_width(numbers: list[str], least: float) -> float:
    """A document-number column as wide as its longest number (up to 50 mm), so numbers stay on one line."""
    longest = max((exports.text_width(str(n), 8) for n in numbers), default=0) + 14  # the cell padding
    return min(max(least, longest), 50 * mm)


def pdf_emphasis(row: int) -> list[tuple]:
    return [("FONTNAME", (0, row), (-1, row), exports.LATIN_BOLD), ("BACKGROUND", (0, row), (-1, row), exports.SHADE)]


def _pdf_story(statement: Statement, width: float) -> list:
    styles = pdf_styles()
    company, customer = statement.company, statement.customer
    story: list = [pdf_paragraph(company.name, styles["company"])]
    if company.address:
        story.append(pdf_paragraph(company.address, styles["small"]))
    story.append(pdf_paragraph(_("Statement of account"), styles["title"]))
    facts = [(_("Customer"), f"{customer.code} {customer.name}")]
    if customer.address:
        facts.append((_("Address"), customer.address))
    facts.append((_("Period"), f"{statement.date_from:%Y-%m-%d} – {statement.date_to:%Y-%m-%d}"))
    header = Table(
        [[pdf_paragraph(label, styles["muted"]), pdf_paragraph(value, styles["base"])] for label, value in facts],
        colWidths=[28 * mm, width - 28 * mm],
        hAlign="LEFT",
    )
    header.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(header)
    if statement.is_empty:
        story += [Spacer(1, 6 * mm), pdf_paragraph(_("No balance and no movements in this period."), styles["base"])]
    for section in statement.sections:
        story += _pdf_section(statement, section, width, styles)
    story += pdf_bank(company, width, styles)
    story += [Spacer(1, 5 * mm), KeepTogether(_pdf_confirmation(statement, width, styles))]
    return story


def _pdf_section(statement: Statement, section: Section, width: float, styles) -> list:
    fmt = partial(format_amount, currency=section.currency)
    heads = [_("Date"), _("Type"), _("Number"), _("Description")]
    heads += [pgettext("ledger side", "Debit"), pgettext("ledger side", "Credit"), _("Balance")]
    rows: list[list] = [[pdf_paragraph(h, styles["head-num" if n >= 4 else "head"]) for n, h in enumerate(heads)]]
    # Opening, total and closing labels span the empty columns so they stay on one line.
    rows.append(
        [f"{statement.date_from:%Y-%m-%d}", pdf_paragraph(_("Opening balance"), styles["bold"]), "", "", "", ""]
    )
    rows[-1].append(fmt(section.opening))
    extra: list[tuple] = [("SPAN", (1, 1), (5, 1)), *pdf_emphasis(1)]
    for m in section.movements:
        row = len(rows)
        if m.is_allocation:
            # An allocation moves nothing: its text takes the amount columns, in grey.
            rows.append(
                [
                    f"{m.on:%Y-%m-%d}",
                    pdf_paragraph(m.type_label, styles["muted"]),
                    pdf_paragraph(m.number, styles["muted"]),
                ]
            )
            rows[-1] += [pdf_paragraph(m.memo, styles["muted"]), "", "", ""]
            extra += [("SPAN", (3, row), (6, row)), ("TEXTCOLOR", (0, row), (-1, row), GREY)]
        else:
            rows.append(
                [
                    f"{m.on:%Y-%m-%d}",
                    pdf_paragraph(m.type_label, styles["base"]),
                    pdf_paragraph(m.number, styles["base"]),
                ]
            )
            rows[-1] += [
                pdf_paragraph(m.memo, styles["base"]),
                fmt(m.debit) if m.debit else "",
                fmt(m.credit) if m.credit else "",
            ]
            rows[-1].append(fmt(m.balance))
    row = len(rows)
    rows.append(
        ["", pdf_paragraph(_("Total"), styles["bold"]), "", "", fmt(section.total_debit), fmt(section.total_credit), ""]
    )
    rows.append([f"{statement.date_to:%Y-%m-%d}", pdf_paragraph(_("Closing balance"), styles["bold"]), "", "", "", ""])
    rows[-1].append(fmt(section.closing))
    extra += [
        ("SPAN", (1, row), (3, row)),
        *pdf_emphasis(row),
        ("SPAN", (1, row + 1), (5, row + 1)),
        *pdf_emphasis(row + 1),
    ]
    amount_width = 25 * mm
    number_width = number_column_width([m.number for m in section.movements], 25 * mm)
    widths = [19 * mm, 20 * mm, number_width, width - 39 * mm - number_width - 3 * amount_width]
    widths += [amount_width] * 3
    story = [
        pdf_paragraph(f"{_('Currency')}: {section.currency}", styles["heading"]),
        pdf_table(rows, widths, numeric_from=4, extra=extra),
    ]

    heads = [_("Type"), _("Number"), _("Date"), _("Due date"), _("Days overdue"), _("Open amount")]
    rows = [[pdf_paragraph(h, styles["head-num" if n >= 4 else "head"]) for n, h in enumerate(heads)]]
    extra = []
    for item in section.open_items:
        rows.append(
            [
                pdf_paragraph(item.type_label, styles["base"]),
                pdf_paragraph(item.label, styles["base"]),
                f"{item.issue_on:%Y-%m-%d}",
            ]
        )
        rows[-1] += [
            f"{item.due_on:%Y-%m-%d}" if item.due_on else "",
            str(item.days_past_due) if item.is_overdue else "",
        ]
        rows[-1].append(fmt(item.open_amount))
        if item.is_overdue:
            extra.append(("TEXTCOLOR", (4, len(rows) - 1), (4, len(rows) - 1), RED))
    if not section.open_items:
        rows.append([pdf_paragraph(_("No open items."), styles["base"]), "", "", "", "", ""])
        extra.append(("SPAN", (0, 1), (4, 1)))
    rows.append([pdf_paragraph(_("Total"), styles["bold"]), "", "", "", "", fmt(section.open_total)])
    extra += pdf_emphasis(len(rows) - 1)
    number_width = number_column_width([item.label for item in section.open_items], 30 * mm)
    widths = [22 * mm, number_width, 22 * mm, 22 * mm, width - 96 * mm - number_width, 30 * mm]
    as_of = _("Open items as of %(date)s") % {"date": f"{statement.date_to:%Y-%m-%d}"}
    story += [pdf_paragraph(as_of, styles["heading"]), pdf_table(rows, widths, numeric_from=4, extra=extra)]

    bands = section.aging
    rows = [[pdf_paragraph(band.label, styles["head-num"]) for band in bands], [fmt(band.amount) for band in bands]]
    story += [Spacer(1, 3 * mm), KeepTogether(pdf_table(rows, [width / len(bands)] * len(bands), numeric_from=0))]
    return story


def pdf_bank(company: Company, width: float, styles) -> list:
    """Where to pay: the company's bank, account name and number (company master data)."""
    lines = company.bank_lines()
    if not lines:
        return []
    rows = [[pdf_paragraph(label, styles["muted"]), pdf_paragraph(value, styles["base"])] for label, value in lines]
    table = Table(rows, colWidths=[28 * mm, width - 28 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [pdf_paragraph(_("Please pay to"), styles["heading"]), table]


def _pdf_confirmation(statement: Statement, width: float, styles) -> list:
    """The balance confirmation slip (对账确认回执) the customer signs, seals and returns.

    It names the balance of each currency as of the statement date, offers "agrees" and "does not
    agree, the differences are", and leaves room for the signature and the company seal.
    """
    company, customer = statement.company, statement.customer
    as_of = f"{statement.date_to:%Y-%m-%d}"
    balances = (
        "; ".join(f"{format_amount(s.closing, s.currency)} {s.currency}" for s in statement.sections)
        or f"{format_amount(0, company.functional_currency)} {company.functional_currency}"
    )
    box = "\u25a1"  # □, an empty box to tick
    cut = Table([[""]], colWidths=[width], hAlign="LEFT")
    cut.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.5, GREY, None, (3, 3))]))  # cut along the line
    flowables: list = [
        cut,
        pdf_paragraph(_("Balance confirmation (please return)"), styles["heading"]),
        pdf_paragraph(_("To: %(company)s") % {"company": company.name}, styles["base"]),
        pdf_paragraph(
            _("We, %(customer)s (%(code)s), confirm that the balance we owe you as of %(date)s is %(balance)s.")
            % {"customer": customer.name, "code": customer.code, "date": as_of, "balance": balances},
            styles["base"],
        ),
        Spacer(1, 2 * mm),
        pdf_paragraph(f"{box} " + _("The balance above agrees with our records."), styles["base"]),
        pdf_paragraph(
            f"{box} " + _("The balance above does not agree with our records; the differences are:"), styles["base"]
        ),
    ]
    lines = Table([[""]] * 2, colWidths=[width], rowHeights=[6 * mm] * 2, hAlign="LEFT")
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, GREY)]))
    half = (width - 6 * mm) / 2
    signature = Table(
        [
            [
                pdf_paragraph(_("Company seal"), styles["muted"]),
                "",
                pdf_paragraph(_("Authorised signature"), styles["muted"]),
            ],
            ["", "", ""],
            ["", "", pdf_paragraph(_("Date"), styles["muted"])],
        ],
        colWidths=[half, 6 * mm, half],
        rowHeights=[None, 16 * mm, None],
        hAlign="LEFT",
    )
    signature.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, 2), 0.6, GREY),
                ("BOX", (2, 0), (2, 2), 0.6, GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [*flowables, lines, Spacer(1, 3 * mm), signature]


class NumberedCanvas(canvas.Canvas):
    """Draws "page n of N" on every page once the total is known, and a running head from page 2."""

    def __init__(self, *args, page_label: str, running_head: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._running_head = running_head
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize
        self.setFillColor(GREY)
        label = self._page_label % {"page": self._pageNumber, "pages": total}
        _draw(self, width - PAGE_MARGIN, 10 * mm, label, 7.5, right=True)
        if self._pageNumber > 1:
            _draw(self, PAGE_MARGIN, height - 11 * mm, self._running_head, 7.5)


# --- XLSX -------------------------------------------------------------------------------------


DATE_FORMAT = "yyyy-mm-dd"
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="EEF2F6")
MUTED = Font(italic=True, color="555555")
COLUMN_WIDTHS = (14, 16, 20, 48, 16, 16, 16)


def statement_xlsx(statement: Statement, language: str) -> bytes:
    """The statement as an Excel workbook: one sheet per currency, real numbers and dates."""
    book = Workbook()
    book.remove(book.active)
    with translation.override(language):
        if statement.is_empty:
            sheet = book.create_sheet(title=_("Statement of account")[:31])
            _xlsx_header(sheet, statement)
            sheet.append([])
            exports.xlsx_row(sheet, [_("No balance and no movements in this period.")])
        for section in statement.sections:
            sheet = book.create_sheet(title=section.currency)
            _xlsx_header(sheet, statement)
            exports.xlsx_row(sheet, [_("Currency"), section.currency])
            sheet.append([])
            _xlsx_section(sheet, statement, section, exports.amount_format(section.currency))
    for sheet in book.worksheets:
        for column, width in enumerate(COLUMN_WIDTHS, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.sheet_view.showGridLines = False
    return exports.workbook_bytes(book)


def _xlsx_header(sheet, statement: Statement) -> None:
    exports.xlsx_row(sheet, [statement.company.name], font=Font(bold=True, size=14))
    exports.xlsx_row(sheet, [_("Statement of account")], font=Font(bold=True, size=12))
    exports.xlsx_row(sheet, [_("Customer"), statement.customer.code, statement.customer.name])
    exports.xlsx_row(sheet, [_("Period"), statement.date_from, statement.date_to], {2: DATE_FORMAT, 3: DATE_FORMAT})


def _xlsx_section(sheet, statement: Statement, section: Section, amount: str) -> None:
    head = [
        _("Date"),
        _("Type"),
        _("Number"),
        _("Description"),
        pgettext("ledger side", "Debit"),
        pgettext("ledger side", "Credit"),
        _("Balance"),
    ]
    exports.xlsx_row(sheet, head, font=BOLD, fill=FILL)
    exports.xlsx_row(
        sheet,
        [statement.date_from, _("Opening balance"), None, None, None, None, section.opening],
        {1: DATE_FORMAT, 7: amount},
        font=BOLD,
    )
    for m in section.movements:
        if m.is_allocation:
            exports.xlsx_row(sheet, [m.on, m.type_label, m.number, m.memo], {1: DATE_FORMAT}, font=MUTED)
        else:
            exports.xlsx_row(
                sheet,
                [m.on, m.type_label, m.number, m.memo, m.debit or None, m.credit or None, m.balance],
                {1: DATE_FORMAT, 5: amount, 6: amount, 7: amount},
            )
    exports.xlsx_row(
        sheet,
        [None, _("Total"), None, None, section.total_debit, section.total_credit, None],
        {5: amount, 6: amount},
        font=BOLD,
    )
    exports.xlsx_row(
        sheet,
        [statement.date_to, _("Closing balance"), None, None, None, None, section.closing],
        {1: DATE_FORMAT, 7: amount},
        font=BOLD,
    )
    sheet.append([])
    exports.xlsx_row(sheet, [_("Open items as of %(date)s") % {"date": f"{statement.date_to:%Y-%m-%d}"}], font=BOLD)
    head = [_("Type"), _("Number"), _("Date"), _("Due date"), _("Days overdue"), _("Open amount")]
    exports.xlsx_row(sheet, head, font=BOLD, fill=FILL)
    for item in section.open_items:
        exports.xlsx_row(
            sheet,
            [item.type_label, item.label, item.issue_on, item.due_on, item.days_past_due, item.open_amount],
            {3: DATE_FORMAT, 4: DATE_FORMAT, 6: amount},
        )
    exports.xlsx_row(sheet, [_("Total"), None, None, None, None, section.open_total], {6: amount}, font=BOLD)
    sheet.append([])
    for band in section.aging:
        exports.xlsx_row(sheet, [band.label, None, None, None, None, band.amount], {6: amount})


# --- in bulk ----------------------------------------------------------------------------------

RENDERERS: dict[str, Callable[[Statement, str], bytes]] = {"pdf": statement_pdf, "xlsx": statement_xlsx}


def customers_for_statements(*, company: Company, date_from: dt.date, date_to: dt.date):
    """The company's customers with a balance at the end of the period or a movement in it, by code."""
    documents = selectors.posted(Document.objects.filter(company=company))
    moved = documents.filter(issue_on__range=(date_from, date_to)).values("customer_id")
    allocated = Allocation.objects.filter(company=company, allocated_on__range=(date_from, date_to)).values(
        "customer_id"
    )
    owing = (
        documents.filter(issue_on__lte=date_to)
        .values("customer_id", "currency")
        .annotate(balance=Sum("amount"))
        .exclude(balance=0)
        .values("customer_id")
    )
    return (
        Customer.objects.filter(company=company)
        .filter(Q(pk__in=moved) | Q(pk__in=allocated) | Q(pk__in=owing))
        .select_related("company")
        .order_by("code", "id")
    )


def file_name(customer: Customer, date_from: dt.date, date_to: dt.date, extension: str) -> str:
    """statement-C1043-20240201-20240229.pdf: safe on every file system."""
    code = re.sub(r"[^\w.-]+", "_", customer.code).strip("._") or str(customer.pk)
    return f"statement-{code}-{date_from:%Y%m%d}-{date_to:%Y%m%d}.{extension}"


def statements_bulk(
    *,
    company: Company,
    date_from: dt.date,
    date_to: dt.date,
    out_dir: Path | str,
    language: str,
    progress: Callable[[int, int], None] | None = None,
    file_format: str = "pdf",
) -> list[Path]:
    """Write one statement file per customer with a balance or a movement in the period; return the paths.

    ``progress(done, total)`` is called after each customer (and once with 0 before the first).
    """
    render = RENDERERS[file_format]
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    customers = list(customers_for_statements(company=company, date_from=date_from, date_to=date_to))
    total = len(customers)
    if progress:
        progress(0, total)
    paths = []
    for done, customer in enumerate(customers, start=1):
        data = render(statement(customer=customer, date_from=date_from, date_to=date_to), language)
        path = folder / file_name(customer, date_from, date_to, file_format)
        path.write_bytes(data)
        paths.append(path)
        if progress:
            progress(done, total)
    return paths
