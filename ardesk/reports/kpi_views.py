"""The KPI page: period, company and grouping filters, the KPIs with their formulas, the trend, exports."""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ardesk.companies.selectors import companies_for
from ardesk.core import clock, exports
from ardesk.core.errors import InvalidInput
from ardesk.core.forms import DayField
from ardesk.core.web import add_errors, requires
from ardesk.core.widgets import DateInput
from ardesk.reports import kpi_output, kpi_selectors, kpis
from ardesk.reports.access import VIEW_REPORTS, report_company_ids

DATE = DateInput()
BY_CHOICES = [("company", _("Company")), ("customer", _("Customer")), ("collector", _("Collector"))]


class KpiForm(forms.Form):
    date_from = DayField(label=_("From"), required=False, widget=DATE)
    date_to = DayField(label=_("To"), required=False, widget=DATE)
    company = forms.ChoiceField(label=_("Company"), required=False)
    by = forms.ChoiceField(label=_("By"), choices=BY_CHOICES, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [("", _("All companies"))] + [(c.code, str(c)) for c in companies_for(user)]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The period ends before it starts."))
        return data


def _row_view(row: kpi_selectors.KpiRow | kpi_selectors.KpiMonth) -> dict:
    return {"kpis": [getattr(row.kpis, name) for name in kpis.KPI_NAMES], "inputs": row.inputs}


def _trend_chart(report: kpi_selectors.KpiReport) -> dict:
    """The totals' monthly trend for the chart: days on one axis, percentages on the other."""
    headers = dict(zip(kpis.KPI_NAMES, kpi_output.kpi_headers(), strict=True))

    def series(name: str, axis: int) -> dict:
        values = [getattr(m.kpis, name) for m in report.totals.trend]
        return {"name": headers[name], "axis": axis, "data": [None if v is None else str(v) for v in values]}

    return {
        "months": [f"{m.month:%Y-%m}" for m in report.totals.trend],
        "axes": [str(_("Days")), "%"],
        "series": [series(n, 0) for n in ("dso", "countback_dso", "add")]
        + [series(n, 1) for n in ("cei", "cei_crf", "overdue_ratio")],
    }


@requires(VIEW_REPORTS)
def kpi_report(request):
    """Collection KPIs for a period, each with its formula; ?export=xlsx|csv|pdf downloads them."""
    default_from, default_to = kpi_output.default_period(clock.today())
    # The period shown is the period reported: an unfiltered page fills the fields with the default.
    form = KpiForm(request.GET or None, user=request.user, initial={"date_from": default_from, "date_to": default_to})
    report = None
    if not request.GET or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        try:
            report = kpi_selectors.kpi_report(
                date_from=data.get("date_from") or default_from,
                date_to=data.get("date_to") or default_to,
                company_ids=report_company_ids(request.user, data.get("company") or ""),
                by=data.get("by") or "company",
            )
        except InvalidInput as exc:
            add_errors(form, exc)
            report = None
    export = request.GET.get("export")
    if report is not None and export in kpi_output.RENDERERS:
        response = HttpResponse(kpi_output.RENDERERS[export](report), content_type=exports.FORMATS[export][0])
        response["Content-Disposition"] = f'attachment; filename="{kpi_output.file_name(report, export)}"'
        return response
    query = request.GET.copy()
    query.pop("export", None)
    if report is not None and not request.GET:
        query.update({"date_from": report.date_from.isoformat(), "date_to": report.date_to.isoformat()})
    formulas = []
    if report is not None:
        figures = _row_view(report.totals)["kpis"]
        formulas = [{"formula": f, "value": value} for f, value in zip(kpis.FORMULAS, figures, strict=True)]
    return render(
        request,
        "reports/kpi.html",
        {
            "form": form,
            "report": report,
            "formulas": formulas,
            "rows": [{"row": r, **_row_view(r)} for r in report.rows] if report else [],
            "totals": _row_view(report.totals) if report else None,
            "trend": [{"month": m.month, **_row_view(m)} for m in report.totals.trend] if report else [],
            "trend_chart": _trend_chart(report) if report else None,
            "query": query.urlencode(),
        },
    )
