"""Exports, written once: CSV, Excel (numbers stay numbers), PDF with the Chinese font, terminal tables.

Every report, list, statement and letter writes its files through this module, so the rules hold
everywhere:

- CSV is UTF-8 with a byte-order mark (Chinese Excel then reads it as UTF-8); amounts are written
  without separators.
- Excel cells keep their type: amounts are numbers with the currency's decimals, dates are dates.
- Text is never a formula. A customer named ``=HYPERLINK(...)`` must not become a live formula in
  the finance team's spreadsheet (OWASP "CSV injection"): text that starts with ``= + - @``, a tab
  or a carriage return is written with a leading single quote in CSV, and as a string cell in Excel.
  Numbers are not text: a negative amount stays a number.
- PDFs set Latin text in Helvetica and Chinese in ReportLab's built-in CJK font, STSong-Light.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from django.http import HttpResponse, StreamingHttpResponse

from ardesk.core.money import currency_decimals

if TYPE_CHECKING:
    from openpyxl import Workbook

CJK_FONT = "STSong-Light"  # ReportLab's built-in Simplified Chinese font (Adobe-GB1)
LATIN_FONT = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
# The table colours, as ReportLab colours (``exports.GRID``, ``exports.SHADE``). openpyxl and ReportLab
# take a large part of a second to import, so they are imported where a workbook or a PDF is made:
# a command that prints JSON or text never loads them.
COLOURS = {"GRID": "#c8d0da", "SHADE": "#eef2f6"}


def __getattr__(name: str):
    if name in COLOURS:
        from reportlab.lib import colors

        return colors.HexColor(COLOURS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": (XLSX_TYPE, "xlsx"),
    "pdf": ("application/pdf", "pdf"),
}
LIST_FORMATS = ("csv", "xlsx")
# A spreadsheet treats a cell starting with one of these as a formula (OWASP's CSV-injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


@dataclass
class ReportTable:
    """What every export draws: a title, lines under it, a header row, body rows and a totals row."""

    title: str
    subtitle: list[str]
    headers: list[str]
    rows: list[list]
    totals: list | None = None
    currency: str = "CNY"
    footer: list[str] | None = None


# --- cells ------------------------------------------------------------------------------------


def is_formula_like(value: object) -> bool:
    """True for text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: object) -> str:
    """A value as a CSV field: text that looks like a formula gets a leading single quote."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if is_formula_like(value) else value
    return str(value)


def display_text(value: object) -> str:
    """A value as people read it: amounts with thousands separators, nothing for None."""
    if isinstance(value, Decimal):
        return f"{value:,}"
    return "" if value is None else str(value)


def amount_format(currency: str) -> str:
    """Excel's number format for a currency: '#,##0.00' for CNY, '#,##0' for JPY."""
    decimals = currency_decimals(currency)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def xlsx_row(sheet, values: Sequence, formats: dict[int, str] | None = None, font=None, fill=None) -> None:
    """Append a row to a sheet; text stays text, ``formats`` maps 1-based columns to number formats.

    openpyxl stores a str starting with "=" as a formula; forcing the cell's type to 's' keeps it a
    plain string (the cell shows the text, nothing is evaluated).
    """
    sheet.append(list(values))
    for cell, value in zip(sheet[sheet.max_row], values, strict=False):
        if isinstance(value, str) and cell.data_type != "s":
            cell.data_type = "s"
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if formats and cell.column in formats:
            cell.number_format = formats[cell.column]
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            cell.number_format = "yyyy-mm-dd"


def xlsx_stream_row(sheet, values: Sequence, formats: dict[int, str] | None = None) -> None:
    """Append a row to a write-only sheet (large lists), with the same rules as ``xlsx_row``."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for column, value in enumerate(values, start=1):
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
        if formats and column in formats:
            cell.number_format = formats[column]
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            cell.number_format = "yyyy-mm-dd"
        cells.append(cell)
    sheet.append(cells)


def workbook_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- CSV --------------------------------------------------------------------------------------


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Sequence]) -> Iterator[str]:
    """CSV lines, the first with the byte-order mark: for streaming large lists."""
    writer = csv.writer(_Echo())
    for n, row in enumerate(rows):
        line = writer.writerow([csv_text(v) for v in row])
        yield BOM + line if n == 0 else line


def csv_bytes(rows: Iterable[Sequence]) -> bytes:
    return "".join(csv_lines(rows)).encode("utf-8")


def to_csv(table: ReportTable) -> bytes:
    """The header and the rows (and totals): a file to compute with, so no title lines."""
    return csv_bytes([table.headers, *table.rows, *([table.totals] if table.totals else [])])


# --- Excel ------------------------------------------------------------------------------------


def to_xlsx(table: ReportTable) -> bytes:
    """Title, subtitle lines, header, rows and totals on one sheet; amounts in the currency's format."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "".join(c for c in table.title if c not in "[]:*?/\\")[:31] or "Sheet"
    xlsx_row(sheet, [table.title], font=Font(bold=True, size=13))
    for line in table.subtitle:
        xlsx_row(sheet, [line])
    sheet.append([])
    xlsx_row(sheet, table.headers, font=Font(bold=True))
    money = amount_format(table.currency)
    for row in [*table.rows, *([table.totals] if table.totals else [])]:
        formats = {n: money for n, v in enumerate(row, start=1) if isinstance(v, Decimal)}
        xlsx_row(sheet, row, formats)
    if table.totals:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for line in table.footer or []:
        xlsx_row(sheet, [line])
    for n, width in enumerate(_character_widths(table), start=1):
        sheet.column_dimensions[get_column_letter(n)].width = min(max(width + 2, 10), 60)
    return workbook_bytes(book)


def data_xlsx(
    headers: Sequence[str], rows: Iterable[Sequence], *, sheet_title: str, formats: dict[int, str] | None = None
) -> bytes:
    """One sheet whose first row is the header, as import tools expect; streams large lists.

    ``formats`` maps 1-based columns to number formats; other numbers show as Excel's General.
    """
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])
    xlsx_stream_row(sheet, headers)
    for row in rows:
        xlsx_stream_row(sheet, row, formats)
    return workbook_bytes(book)


# --- PDF --------------------------------------------------------------------------------------


def register_cjk_font() -> None:
    """Make the CJK font known to ReportLab once per process, its PDF objects written once per process too."""
    from reportlab.pdfbase import pdfmetrics

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_cjk_font_class()(CJK_FONT))


def _cjk_font_class():
    """ReportLab's CJK font whose font dictionary (its width table: over a hundred numbers, in nested arrays) is
    formatted once per process and reused by every PDF, instead of being built and formatted again in each.

    The bytes written are the same as ReportLab's own. A document with encryption (none of ours) formats
    them itself, as its strings would be encrypted.
    """
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.cidfonts import CIDFontInfo, UnicodeCIDFont, structToPDF

    class Formatted(pdfdoc.PDFObject):
        def __init__(self, data: bytes) -> None:
            self.data = data

        def format(self, document) -> bytes:
            return self.data

    formatted: dict[tuple[str, str, str], bytes] = {}

    class CachedCIDFont(UnicodeCIDFont):
        def addObjects(self, doc) -> None:  # noqa: N802 - ReportLab's name
            if type(doc.encrypt) is not pdfdoc.NoEncryption:
                return super().addObjects(doc)
            internal_name = "F" + repr(len(doc.fontMapping) + 1)
            key = (self.face.name, self.encodingName, internal_name)
            if key not in formatted:
                font = dict(CIDFontInfo[self.face.name], Name="/" + internal_name, Encoding="/" + self.encodingName)
                formatted[key] = pdfdoc.format(structToPDF(font), doc, toplevel=1)
            # A new object each document: ReportLab marks an object with the name it has in its document.
            doc.idToObject["BasicFonts"].dict[internal_name] = doc.Reference(Formatted(formatted[key]), internal_name)
            doc.fontMapping[self.name] = "/" + internal_name
            return None

    return CachedCIDFont


def is_latin(char: str) -> bool:
    # Helvetica has the Windows-1252 characters (Latin letters, digits, '–', '·', '€'); the rest
    # (Chinese, full-width punctuation, '→') is set in the CJK font, whose Latin letters look poor.
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


# The characters Helvetica sets (those of Windows-1252), as a pattern: the runs are cut in one pass.
_LATIN_CHARS = re.escape(bytes(range(256)).decode("cp1252", errors="ignore"))
_RUN = re.compile(f"([{_LATIN_CHARS}]+)|[^{_LATIN_CHARS}]+")


def runs(text: str) -> list[tuple[str, bool]]:
    """The text cut into runs of Latin and of CJK characters: [(run, is_latin), ...]."""
    return [(match.group(), match.group(1) is not None) for match in _RUN.finditer(text)]


def markup(text: object) -> str:
    """Paragraph markup with each CJK run in the CJK font (escaped: names may contain '&' or '<')."""
    return "".join(
        escape(run, quote=False) if latin else f'<font name="{CJK_FONT}">{escape(run, quote=False)}</font>'
        for run, latin in runs(str(text))
    )


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The printed width of mixed Latin and Chinese text, in points."""
    from reportlab.pdfbase import pdfmetrics

    latin_font = LATIN_BOLD if bold else LATIN_FONT
    return sum(pdfmetrics.stringWidth(run, latin_font if latin else CJK_FONT, size) for run, latin in runs(text))


def column_widths(rows: Sequence[Sequence[str]], available: float, size: float, padding: float = 8) -> list[float]:
    """Column widths sized by content: each column gets its widest cell, the longest ones shrink to fit.

    Short columns (dates, amounts) keep their natural width; when the page is too narrow, the
    width is taken from the wide text columns (names), which then wrap, never squeezing numbers.
    """
    natural = [max(text_width(row[i], size) for row in rows) + padding for i in range(len(rows[0]))]
    if sum(natural) <= available:
        spare = (available - sum(natural)) / len(natural)
        return [w + spare for w in natural]
    widths = list(natural)
    while sum(widths) > available + 0.01:
        widest = max(widths)
        others = [w for w in widths if w < widest]
        second = max(others) if others else 0
        count = widths.count(widest)
        cut = min(widest - second, (sum(widths) - available) / count) if others else (sum(widths) - available) / count
        widths = [w - cut if w == widest else w for w in widths]
    return widths


def to_pdf(table: ReportTable) -> bytes:
    """The table on landscape A4 pages: columns sized by content, long names wrapped, header repeated."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    grid_colour, shade = __getattr__("GRID"), __getattr__("SHADE")

    register_cjk_font()
    size = 7.5
    body = ParagraphStyle("body", fontName=LATIN_FONT, fontSize=size, leading=9, wordWrap="CJK")
    number = ParagraphStyle("number", parent=body, alignment=2)
    head = ParagraphStyle("head", parent=body, fontName=LATIN_BOLD)
    head_number = ParagraphStyle("head-number", parent=head, alignment=2)
    title = ParagraphStyle("title", parent=body, fontName=LATIN_BOLD, fontSize=13, leading=16)
    out = io.BytesIO()
    page = landscape(A4)
    document = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=table.title,
        creator="ARdesk",
        invariant=True,
    )
    body_rows = [*table.rows, *([table.totals] if table.totals else [])]
    numeric = [any(isinstance(r[i], Decimal | int) for r in body_rows) for i in range(len(table.headers))]
    texts = [[display_text(v) for v in row] for row in [table.headers, *body_rows]]
    widths = column_widths(texts, document.width, size)

    def cells(row: list[str], header: bool) -> list:
        return [
            Paragraph(markup(v), (head_number if numeric[i] else head) if header else (number if numeric[i] else body))
            for i, v in enumerate(row)
        ]

    data = [cells(texts[0], True)] + [cells(r, False) for r in texts[1:]]
    grid = Table(data, repeatRows=1, colWidths=widths)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.25, grid_colour),
        ("BACKGROUND", (0, 0), (-1, 0), shade),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if table.totals:
        style.append(("BACKGROUND", (0, -1), (-1, -1), shade))
    grid.setStyle(TableStyle(style))
    story = [Paragraph(markup(table.title), title)]
    story += [Paragraph(markup(line), body) for line in table.subtitle]
    story += [Spacer(1, 4 * mm), grid]
    story += [Paragraph(markup(line), body) for line in table.footer or []]
    document.build(story)
    return out.getvalue()


def _character_widths(table: ReportTable) -> list[int]:
    rows = [table.headers, *table.rows, *([table.totals] if table.totals else [])]
    return [
        max(sum(1 if is_latin(c) else 2 for c in display_text(row[i])) for row in rows if i < len(row))
        for i in range(len(table.headers))
    ]


# --- terminal ---------------------------------------------------------------------------------


def text_table(headers: Sequence[str], rows: Iterable[Sequence], *, right_from: int = 3) -> list[str]:
    """Lines of a plain-text table: columns from ``right_from`` on right-aligned, amounts grouped.

    Widths count a Chinese character as two columns, as terminals print it.
    """
    cells = [[str(h) for h in headers], *[[display_text(v) for v in row] for row in rows]]

    def width(text: str) -> int:
        return sum(1 if c.isascii() or is_latin(c) else 2 for c in text)

    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        padded = []
        for i, value in enumerate(row):
            gap = " " * (widths[i] - width(value))
            padded.append(gap + value if n and i >= right_from else value + gap)
        lines.append("  ".join(padded).rstrip())
    return lines


def to_text(table: ReportTable) -> str:
    """The table for the terminal: title, subtitle, the columns, the footer."""
    rows = [*table.rows, *([table.totals] if table.totals else [])]
    return "\n".join([table.title, *table.subtitle, "", *text_table(table.headers, rows), "", *(table.footer or [])])


# --- files and downloads ----------------------------------------------------------------------

RENDERERS = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}


def render(table: ReportTable, file_format: str) -> bytes:
    return RENDERERS[file_format](table)


def download(data: bytes, file_format: str, name: str) -> HttpResponse:
    """An attachment response named ``name.<extension>``."""
    content_type, extension = FORMATS[file_format]
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def table_download(table: ReportTable, file_format: str, name: str) -> HttpResponse:
    return download(render(table, file_format), file_format, name)


def csv_download(rows: Iterable[Sequence], name: str) -> StreamingHttpResponse:
    """A CSV streamed row by row (lists of a million documents)."""
    response = StreamingHttpResponse(csv_lines(rows), content_type=FORMATS["csv"][0])
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
