"""A report table as CSV, Excel (numbers stay numbers) or PDF (ReportLab, with its built-in Chinese font)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ardesk.core.money import currency_decimals

CJK_FONT = "STSong-Light"  # ReportLab's built-in Simplified Chinese font (Adobe-GB1)
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "pdf": ("application/pdf", "pdf"),
}


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


def render(table: ReportTable, file_format: str) -> bytes:
    return {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}[file_format](table)


def _text(value) -> str:
    if isinstance(value, Decimal):
        return f"{value:,}"
    return "" if value is None else str(value)


def to_csv(table: ReportTable) -> bytes:
    """UTF-8 with a byte-order mark, so Chinese Excel opens it correctly; amounts without separators."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    for row in [*table.rows, *([table.totals] if table.totals else [])]:
        writer.writerow(["" if v is None else str(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: ReportTable) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = table.title[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    for line in table.subtitle:
        sheet.append([line])
    sheet.append([])
    sheet.append(table.headers)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    decimals = currency_decimals(table.currency)
    amount_format = "#,##0" + ("." + "0" * decimals if decimals else "")
    for row in [*table.rows, *([table.totals] if table.totals else [])]:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Decimal):
                cell.number_format = amount_format
    if table.totals:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for line in table.footer or []:
        sheet.append([line])
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 16
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_pdf(table: ReportTable) -> bytes:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    body = ParagraphStyle("body", fontName=CJK_FONT, fontSize=7.5, leading=9)
    number = ParagraphStyle("number", parent=body, alignment=2)
    title = ParagraphStyle("title", fontName=CJK_FONT, fontSize=13, leading=16)
    out = io.BytesIO()
    page = landscape(A4)
    document = SimpleDocTemplate(
        out, pagesize=page, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm
    )

    def cells(row: list) -> list:
        return [Paragraph(escape(_text(v)), number if isinstance(v, Decimal) else body) for v in row]

    data = [cells(table.headers)] + [cells(r) for r in table.rows] + ([cells(table.totals)] if table.totals else [])
    grid = Table(data, repeatRows=1, colWidths=[(page[0] - 24 * mm) / len(table.headers)] * len(table.headers))
    style = [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8d0da")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if table.totals:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef2f6")))
    grid.setStyle(TableStyle(style))
    story = [Paragraph(escape(table.title), title)]
    story += [Paragraph(escape(line), body) for line in table.subtitle]
    story += [Spacer(1, 4 * mm), grid]
    story += [Paragraph(escape(line), body) for line in table.footer or []]
    document.build(story)
    return out.getvalue()
