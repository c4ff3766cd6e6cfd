"""Statement of account screens: the statement of a customer for a period, and its PDF and Excel files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core import calendar, clock
from ardesk.core.errors import InvalidInput
from ardesk.core.forms import DayField
from ardesk.core.jobs import get_progress
from ardesk.core.web import add_errors, is_htmx, requires
from ardesk.core.widgets import DateInput
from ardesk.customers import selectors as customer_selectors
from ardesk.customers.models import Customer
from ardesk.ledger import services, statement_files, statements
from ardesk.ledger.models import StatementRun

DATE = DateInput()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class StatementForm(forms.Form):
    date_from = DayField(label=gettext_lazy("From"), widget=DATE)
    date_to = DayField(label=gettext_lazy("To"), widget=DATE)
    language = forms.ChoiceField(label=gettext_lazy("Statement language"), choices=settings.LANGUAGES, required=False)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_from", _("The period starts after it ends."))
        return data


def _current_language() -> str:
    return translation.get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)


def _period(request) -> tuple[StatementForm, dt.date | None, dt.date | None, str]:
    """The period and language asked for; by default this month up to today, in the screen's language."""
    today = clock.today()
    defaults = {"date_from": calendar.month_start(today), "date_to": today, "language": _current_language()}
    if not any(name in request.GET for name in defaults):
        return StatementForm(initial=defaults), defaults["date_from"], defaults["date_to"], defaults["language"]
    form = StatementForm({**{k: str(v) for k, v in defaults.items()}, **request.GET.dict()})
    if not form.is_valid():
        return form, None, None, defaults["language"]
    data = form.cleaned_data
    return form, data["date_from"], data["date_to"], data["language"] or defaults["language"]


@dataclass(frozen=True)
class _Asked:
    customer: Customer
    form: StatementForm
    language: str
    statement: statements.Statement | None  # None when the form has errors


def _asked(request, pk: int) -> _Asked:
    """The customer (if the user may see it), the period form and, when the period is valid, the statement."""
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    form, date_from, date_to, language = _period(request)
    statement = None
    if date_from is not None and date_to is not None:
        statement = statements.statement(customer=customer, date_from=date_from, date_to=date_to)
    return _Asked(customer=customer, form=form, language=language, statement=statement)


def _form_errors(request, asked: _Asked) -> HttpResponse:
    return render(request, "ledger/statement.html", {"customer": asked.customer, "form": asked.form}, status=400)


@requires("ledger.view_document")
def statement_page(request, pk: int):
    asked = _asked(request, pk)
    if asked.statement is None:
        return _form_errors(request, asked)
    statement = asked.statement
    query = urlencode(
        {
            "date_from": statement.date_from.isoformat(),
            "date_to": statement.date_to.isoformat(),
            "language": asked.language,
        }
    )
    return render(
        request,
        "ledger/statement.html",
        {"customer": asked.customer, "form": asked.form, "statement": statement, "query": query},
    )


def _download(statement: statements.Statement, data: bytes, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    name = statement_files.file_name(statement.customer, statement.date_from, statement.date_to, extension)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response


@requires("ledger.view_document")
def statement_pdf(request, pk: int):
    asked = _asked(request, pk)
    if asked.statement is None:
        return _form_errors(request, asked)
    data = statement_files.statement_pdf(asked.statement, asked.language)
    return _download(asked.statement, data, "pdf", "application/pdf")


@requires("ledger.view_document")
def statement_xlsx(request, pk: int):
    asked = _asked(request, pk)
    if asked.statement is None:
        return _form_errors(request, asked)
    data = statement_files.statement_xlsx(asked.statement, asked.language)
    return _download(asked.statement, data, "xlsx", XLSX)


class StatementRunForm(StatementForm):
    company = forms.TypedChoiceField(label=gettext_lazy("Company"), coerce=int)
    file_format = forms.ChoiceField(label=gettext_lazy("Format"), choices=[("pdf", "PDF"), ("xlsx", "Excel")])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.pk, str(c)) for c in companies_for(user)]


@requires("ledger.view_document")
def statement_runs(request):
    """Statements for all customers of a company with a balance or movement: start a run, see recent runs."""
    today = clock.today()
    form = StatementRunForm(
        request.POST or None,
        user=request.user,
        initial={
            "date_from": calendar.month_start(today),
            "date_to": today,
            "language": _current_language(),
            "file_format": "pdf",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.statement_run_start(
                by=request.user,
                company=companies_for(request.user).get(pk=data["company"]),
                date_from=data["date_from"],
                date_to=data["date_to"],
                language=data["language"] or _current_language(),
                file_format=data["file_format"],
            )
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            return redirect("statements:run", pk=run.pk)
    runs = StatementRun.objects.filter(company_id__in=company_ids_for(request.user)).select_related("company")[:10]
    return render(request, "ledger/statement_runs.html", {"form": form, "runs": runs})


@requires("ledger.view_document")
def statement_run(request, pk: int):
    run = get_object_or_404(StatementRun, pk=pk, company_id__in=company_ids_for(request.user))
    context = {
        "run": run,
        "done": get_progress("statements", run.pk),
        "total": get_progress("statements-total", run.pk),
    }
    if is_htmx(request):
        return render(request, "ledger/partials/statement_run.html", context)
    return render(request, "ledger/statement_run.html", context)


@requires("ledger.view_document")
def statement_run_download(request, pk: int):
    run = get_object_or_404(StatementRun, pk=pk, company_id__in=company_ids_for(request.user), status="done")
    return FileResponse(
        run.archive.open("rb"),
        as_attachment=True,
        filename=run.archive.name.rsplit("/", 1)[-1],
        content_type="application/zip",
    )
