"""The KPI report as JSON (CLI and API), a terminal table, CSV, Excel and PDF: one layout for all.

JSON numbers are strings ("45.2") and a KPI that is not available is null; amounts are strings
in the report currency. Excel keeps numbers as numbers; CSV is UTF-8 with a byte-order mark so
Chinese Excel reads it; the PDF sets Chinese in ReportLab's built-in CJK font STSong-Light.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from ardesk.core import calendar
from ardesk.core.money import from_minor
from ardesk.reports import kpis
from ardesk.reports.kpi_selectors import KpiMonth, KpiReport, KpiRow

AMOUNTS = ("beginning_ar", "ending_ar", "current_ar", "overdue_ar", "credit_sales")
CJK_FONT = "STSong-Light"  # ReportLab's built-in Simplified Chinese font (Adobe-GB1)
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _figures(found: kpis.Kpis) -> dict[str, str | None]:
    return {name: _text(getattr(found, name)) for name in kpis.KPI_NAMES}


def _amounts(inputs: kpis.KpiInputs, currency: str) -> dict[str, str]:
    return {name: str(from_minor(getattr(inputs, name), currency)) for name in AMOUNTS}


def month_json(month: KpiMonth, currency: str) -> dict:
    return {
        "month": f"{month.month:%Y-%m}",
        "from": month.inputs.date_from.isoformat(),
        "to": month.inputs.date_to.isoformat(),
        **_figures(month.kpis),
        **_amounts(month.inputs, currency),
    }


def row_json(row: KpiRow, currency: str) -> dict:
    return {
        "key": row.key,
        "name": row.name,
        "company": row.company,
        **_figures(row.kpis),
        **_amounts(row.inputs, currency),
        "trend": [month_json(m, currency) for m in row.trend],
    }


def report_json(report: KpiReport) -> dict:
    """The report as the CLI and the API give it (documented in docs/reports.md, "KPIs")."""
    totals = row_json(report.totals, report.currency)
    del totals["key"], totals["name"], totals["company"]
    return {
        "from": report.date_from.isoformat(),
        "to": report.date_to.isoformat(),
        "by": report.by,
        "currency": report.currency,
        "companies": report.company_codes,
        "rows": [row_json(r, report.currency) for r in report.rows],
        "totals": totals,
    }


# --- Tables -----------------------------------------------------------------------------------


def kpi_headers() -> list[str]:
    return [
        _("DSO (days)"),
        _("Countback DSO (days)"),
        _("Best possible DSO (days)"),
        _("Average days delinquent"),
        _("CEI (%)"),
        _("Overdue ratio (%)"),
    ]


def amount_headers(currency: str) -> list[str]:
    return [
        _("Beginning receivables (%(currency)s)") % {"currency": currency},
        _("Ending receivables (%(currency)s)") % {"currency": currency},
        _("Current receivables (%(currency)s)") % {"currency": currency},
        _("Overdue receivables (%(currency)s)") % {"currency": currency},
        _("Credit sales (%(currency)s)") % {"currency": currency},
    ]


def _values(found: kpis.Kpis, inputs: kpis.KpiInputs, currency: str) -> list:
    return [getattr(found, n) for n in kpis.KPI_NAMES] + [from_minor(getattr(inputs, n), currency) for n in AMOUNTS]


def title(report: KpiReport) -> str:
    return _("Collection KPIs %(start)s – %(end)s") % {
        "start": report.date_from.isoformat(),
        "end": report.date_to.isoformat(),
    }


def subtitle(report: KpiReport) -> str:
    companies = ", ".join(report.company_codes) or "—"
    return _("Companies: %(companies)s · currency %(currency)s · KPIs not available are shown as —") % {
        "companies": companies,
        "currency": report.currency,
    }


def summary_table(report: KpiReport) -> tuple[list[str], list[list]]:
    """Headers and rows (with a totals row) of the period's KPIs."""
    headers = [_("Key"), _("Name"), _("Company"), *kpi_headers(), *amount_headers(report.currency)]
    rows = [[r.key, r.name, r.company, *_values(r.kpis, r.inputs, report.currency)] for r in report.rows]
    rows.append([_("Total"), "", "", *_values(report.totals.kpis, report.totals.inputs, report.currency)])
    return headers, rows


def trend_table(report: KpiReport) -> tuple[list[str], list[list]]:
    """Headers and rows of each row's monthly trend, the totals' trend last."""
    headers = [_("Key"), _("Name"), _("Month"), *kpi_headers(), *amount_headers(report.currency)]
    rows = []
    for row, key in [*((r, r.key) for r in report.rows), (report.totals, _("Total"))]:
        for month in row.trend:
            rows.append(
                [key, row.name if row is not report.totals else "", f"{month.month:%Y-%m}"]
                + _values(month.kpis, month.inputs, report.currency)
            )
    return headers, rows


def formula_lines() -> list[tuple[str, str, str]]:
    return [(str(f.name), str(f.formula), str(f.meaning)) for f in kpis.FORMULAS]


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value:,}"
    return str(value)


def to_text(report: KpiReport) -> str:
    """A plain-text table for the terminal."""
    headers, rows = summary_table(report)
    cells = [headers, *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [title(report), subtitle(report), ""]
    for n, row in enumerate(cells):
        lines.append(
            "  ".join(v.rjust(widths[i]) if n and i >= 3 else v.ljust(widths[i]) for i, v in enumerate(row)).rstrip()
        )
    lines.append("")
    lines.extend(f"{name}: {formula}" for name, formula, _meaning in formula_lines())
    return "\n".join(lines) + "\n"


# --- Files ------------------------------------------------------------------------------------


def to_csv(report: KpiReport) -> bytes:
    """The period's KPIs, then the monthly trend, as UTF-8 CSV with a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out)
    headers, rows = summary_table(report)
    writer.writerow([title(report)])
    writer.writerow(headers)
    writer.writerows(["" if v is None else str(v) for v in row] for row in rows)
    writer.writerow([])
    headers, rows = trend_table(report)
    writer.writerow([_("Monthly trend")])
    writer.writerow(headers)
    writer.writerows(["" if v is None else str(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(report: KpiReport) -> bytes:
    """Three sheets: the KPIs, the monthly trend, and the formulas; numbers stay numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    bold = Font(bold=True)
    for n, (name, (headers, rows)) in enumerate(
        [(_("KPIs"), summary_table(report)), (_("Monthly trend"), trend_table(report))]
    ):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = name[:31]
        sheet.append([title(report)])
        sheet.append([subtitle(report)])
        sheet.append(headers)
        for cell in sheet[3]:
            cell.font = bold
        for row in rows:
            sheet.append(row)
            for column, cell in enumerate(sheet[sheet.max_row], start=1):
                if 4 <= column < 4 + len(kpis.KPI_NAMES):
                    cell.number_format = "0.0"
                elif column >= 4 + len(kpis.KPI_NAMES):
                    cell.number_format = "#,##0.00"
        for column in "ABC":
            sheet.column_dimensions[column].width = 18
    sheet = book.create_sheet(_("Formulas")[:31])
    sheet.append([_("KPI"), _("Formula"), _("What it tells")])
    for line in formula_lines():
        sheet.append(list(line))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _markup(text: str) -> str:
    """Paragraph markup with runs outside Windows-1252 (Chinese) set in the CJK font."""
    parts = []
    for char in str(text):
        try:
            char.encode("cp1252")
            latin = True
        except UnicodeEncodeError:
            latin = False
        parts.append(escape(char) if latin else f'<font name="{CJK_FONT}">{escape(char)}</font>')
    return "".join(parts).replace(f'</font><font name="{CJK_FONT}">', "")


def to_pdf(report: KpiReport) -> bytes:
    """The KPIs, the totals' monthly trend and the formulas on landscape A4 pages."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=7, leading=9, wordWrap="CJK")
    head = ParagraphStyle("head", parent=base, fontName="Helvetica-Bold")
    heading = ParagraphStyle("heading", parent=base, fontName="Helvetica-Bold", fontSize=12, leading=16, spaceAfter=4)

    def grid(headers: list[str], rows: list[list]) -> Table:
        data = [[Paragraph(_markup(h), head) for h in headers]]
        data += [[Paragraph(_markup(_cell(v)), base) for v in row] for row in rows]
        table = Table(data, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8d0da")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return table

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title(report),
        creator="ARdesk",
        invariant=True,
    )
    headers, rows = summary_table(report)
    trend_headers, _rows = trend_table(report)
    totals_trend = [[f"{m.month:%Y-%m}", *_values(m.kpis, m.inputs, report.currency)] for m in report.totals.trend]
    story = [
        Paragraph(_markup(title(report)), heading),
        Paragraph(_markup(subtitle(report)), base),
        Spacer(1, 4 * mm),
        grid(headers, rows),
        Spacer(1, 6 * mm),
        Paragraph(_markup(_("Monthly trend, all rows")), heading),
        grid(trend_headers[2:], totals_trend),
        Spacer(1, 6 * mm),
        Paragraph(_markup(_("How each KPI is computed")), heading),
        grid([_("KPI"), _("Formula"), _("What it tells")], [list(line) for line in formula_lines()]),
    ]
    document.build(story)
    return buffer.getvalue()


RENDERERS = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}


def file_name(report: KpiReport, file_format: str) -> str:
    return f"kpi-{report.date_from:%Y%m%d}-{report.date_to:%Y%m%d}.{file_format}"


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last three whole months and this month to date, when no period is asked for."""
    return calendar.add_months(calendar.month_start(today), -3), today
