"""The KPI report as JSON (CLI and API), a terminal table, CSV, Excel and PDF: one layout for all.

JSON numbers are strings ("45.2") and a KPI that is not available is null; amounts are strings
in the report currency. Excel keeps numbers as numbers; CSV is UTF-8 with a byte-order mark so
Chinese Excel reads it; the PDF sets Chinese in ReportLab's built-in CJK font STSong-Light.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from ardesk.core import calendar, exports
from ardesk.core.money import from_minor
from ardesk.reports import kpis
from ardesk.reports.kpi_selectors import KpiMonth, KpiReport, KpiRow

AMOUNTS = ("beginning_ar", "ending_ar", "current_ar", "overdue_ar", "credit_sales")


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
        _("CEI, CRF form (%)"),
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


def to_text(report: KpiReport) -> str:
    """A plain-text table for the terminal; a KPI that is not available is shown as —."""
    headers, rows = summary_table(report)
    rows = [["—" if v is None else v for v in row] for row in rows]
    lines = [title(report), subtitle(report), "", *exports.text_table(headers, rows), ""]
    lines.extend(f"{name}: {formula}" for name, formula, _meaning in formula_lines())
    return "\n".join(lines) + "\n"


# --- Files ------------------------------------------------------------------------------------


def to_csv(report: KpiReport) -> bytes:
    """The period's KPIs, then the monthly trend, as UTF-8 CSV with a byte-order mark."""
    headers, rows = summary_table(report)
    trend_headers, trend_rows = trend_table(report)
    lines = [[title(report)], headers, *rows, [], [_("Monthly trend")], trend_headers, *trend_rows]
    return exports.csv_bytes(lines)


def to_xlsx(report: KpiReport) -> bytes:
    """Three sheets: the KPIs, the monthly trend, and the formulas; numbers stay numbers."""
    from openpyxl import Workbook  # imported here: JSON and text need neither openpyxl nor ReportLab
    from openpyxl.styles import Font

    book = Workbook()
    bold = Font(bold=True)
    kpi_columns = range(4, 4 + len(kpis.KPI_NAMES))
    formats = {c: "0.0" for c in kpi_columns}
    formats |= {c: "#,##0.00" for c in range(4 + len(kpis.KPI_NAMES), 4 + len(kpis.KPI_NAMES) + len(AMOUNTS))}
    for n, (name, (headers, rows)) in enumerate(
        [(_("KPIs"), summary_table(report)), (_("Monthly trend"), trend_table(report))]
    ):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = name[:31]
        exports.xlsx_row(sheet, [title(report)])
        exports.xlsx_row(sheet, [subtitle(report)])
        exports.xlsx_row(sheet, headers, font=bold)
        for row in rows:
            exports.xlsx_row(sheet, row, formats)
        for column in "ABC":
            sheet.column_dimensions[column].width = 18
    sheet = book.create_sheet(_("Formulas")[:31])
    exports.xlsx_row(sheet, [_("KPI"), _("Formula"), _("What it tells")])
    for line in formula_lines():
        exports.xlsx_row(sheet, list(line))
    return exports.workbook_bytes(book)


def to_pdf(report: KpiReport) -> bytes:
    """The KPIs, the totals' monthly trend and the formulas on landscape A4 pages."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    exports.register_cjk_font()
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=7, leading=9, wordWrap="CJK")
    head = ParagraphStyle("head", parent=base, fontName="Helvetica-Bold")
    heading = ParagraphStyle("heading", parent=base, fontName="Helvetica-Bold", fontSize=12, leading=16, spaceAfter=4)

    def cell(value) -> str:
        return "—" if value is None else exports.display_text(value)

    def grid(headers: list[str], rows: list[list]) -> Table:
        data = [[Paragraph(exports.markup(h), head) for h in headers]]
        data += [[Paragraph(exports.markup(cell(v)), base) for v in row] for row in rows]
        table = Table(data, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, exports.GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), exports.SHADE),
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
        Paragraph(exports.markup(title(report)), heading),
        Paragraph(exports.markup(subtitle(report)), base),
        Spacer(1, 4 * mm),
        grid(headers, rows),
        Spacer(1, 6 * mm),
        Paragraph(exports.markup(_("Monthly trend, all rows")), heading),
        grid(trend_headers[2:], totals_trend),
        Spacer(1, 6 * mm),
        Paragraph(exports.markup(_("How each KPI is computed")), heading),
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
