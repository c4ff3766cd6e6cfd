"""The portal: the customer's public pages behind a signed link, and the staff's links and confirmations."""

from __future__ import annotations

import datetime as dt
import time
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.companies.selectors import companies_for
from ardesk.core import clock, exports
from ardesk.core.errors import InvalidInput
from ardesk.core.jobs import get_progress
from ardesk.core.rate_limit import allow, client_address
from ardesk.core.web import add_errors, is_htmx, page_of, requires
from ardesk.ledger.document_files import document_file_name, document_pdf
from ardesk.ledger.statement_files import file_name, statement_pdf, statement_xlsx
from ardesk.ledger.statements import statement
from ardesk.portal import domain, selectors, services
from ardesk.portal.errors import PortalLinkNotValid
from ardesk.portal.forms import (
    AnswerForm,
    CodeForm,
    ComplaintForm,
    ConfirmationFilter,
    DisputeForm,
    LinkIssueForm,
    PromiseForm,
    StatementForm,
    StatementFrequencyForm,
    StatementRunForm,
    StatementScheduleForm,
)
from ardesk.portal.models import ConfirmationStatus, RecipientStatus, StatementFrequency, StatementRunStatus
from ardesk.relations.errors import LinkAlreadyUsed
from ardesk.relations.forms import SurveyAnswerForm

FILE_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# --- the customer's pages ---------------------------------------------------------------------


def public(view):
    """A public page behind a link: rate-limited per address, and nothing at all for a link that is not valid.

    Every refusal (altered, guessed, expired, revoked) gets the same neutral page and status, so a
    visitor learns nothing about which links exist. The page speaks the contact's language.
    """

    @wraps(view)
    def wrapped(request, token: str, *args, **kwargs):
        ip = client_address(request)
        if not allow("portal", ip, limit=domain.PAGE_LIMIT_PER_MINUTE, window_seconds=60):
            return render(request, "portal/public_message.html", {"state": "busy"}, status=429)
        try:
            link = services.link_for_token(token)
        except PortalLinkNotValid:
            return render(request, "portal/public_message.html", {"state": "invalid"}, status=404)
        # The contact's language today (it may have changed since the link was issued).
        link.language = link.contact.preferred_language
        with translation.override(link.language):
            if request.method == "POST" and not allow(
                "portal-answer", str(link.pk), limit=domain.ANSWER_LIMIT_PER_HOUR, window_seconds=3600
            ):
                return render(
                    request, "portal/public_message.html", {"state": "busy", "language": link.language}, status=429
                )
            return view(request, link, ip, token, *args, **kwargs)

    return wrapped


def _code_key(link) -> str:
    return f"portal-code-{link.pk}"


def needs_code(view):
    """An act behind a link that asks for a one-time code: first the code page, then the act.

    A code entered opens the link's acts for this browser session, for CODE_SESSION_MINUTES.
    """

    @wraps(view)
    def wrapped(request, link, ip, token, *args, **kwargs):
        entered = request.session.get(_code_key(link), 0)
        if link.requires_code and time.time() - entered > domain.CODE_SESSION_MINUTES * 60:
            return redirect(f"{reverse('portal:code', args=[token])}?{urlencode({'next': request.path})}")
        return view(request, link, ip, token, *args, **kwargs)

    return wrapped


def _context(link, token: str, **extra) -> dict:
    return {"link": link, "customer": link.customer, "company": link.company, "token": token, **extra}


@public
def home(request, link, ip, token):
    today = clock.today()
    services.access_log(link=link, ip=ip, action="view")
    first = today.replace(day=1)
    form = StatementForm(initial={"date_from": (first - dt.timedelta(days=1)).replace(day=1), "date_to": today})
    return render(
        request,
        "portal/home.html",
        _context(
            link,
            token,
            overview=selectors.overview(link, as_of=today, page=request.GET.get("page")),
            statement_form=form,
        ),
    )


@public
def code(request, link, ip, token):
    home_path = reverse("portal:home", args=[token])
    next_path = request.POST.get("next") or request.GET.get("next") or home_path
    if not next_path.startswith(home_path):  # only a page of this link
        next_path = home_path
    form = CodeForm(request.POST if "code" in request.POST else None)
    if request.method == "POST" and "send" in request.POST:
        try:
            services.code_send(link=link, ip=ip)
        except InvalidInput as exc:
            messages.error(request, " ".join(m for ms in exc.errors.values() for m in ms))
        else:
            messages.success(request, _("A code was sent to your e-mail address."))
        return redirect(f"{reverse('portal:code', args=[token])}?{urlencode({'next': next_path})}")
    if form.is_bound and form.is_valid():
        try:
            services.code_check(link=link, code=form.cleaned_data["code"], ip=ip)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            request.session[_code_key(link)] = time.time()
            return redirect(next_path)
    email = domain.masked_email(link.contact.email)
    return render(request, "portal/code.html", _context(link, token, form=form, next=next_path, email=email))


@public
def statement_file(request, link, ip, token):
    form = StatementForm(request.GET)
    if not form.is_valid():
        return redirect("portal:home", token=token)
    data = form.cleaned_data
    try:
        read = statement(customer=link.customer, date_from=data["date_from"], date_to=data["date_to"])
    except InvalidInput:
        return redirect("portal:home", token=token)
    kind = data["format"]
    content = (statement_pdf if kind == "pdf" else statement_xlsx)(read, link.language)
    services.access_log(
        link=link, ip=ip, action="statement", detail=f"{data['date_from']:%Y-%m-%d} {data['date_to']:%Y-%m-%d} {kind}"
    )
    response = HttpResponse(content, content_type=FILE_TYPES[kind])
    name = file_name(link.customer, data["date_from"], data["date_to"], kind)
    response.headers["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response


@public
@needs_code
def answer(request, link, ip, token, currency: str):
    today = clock.today()
    balances = selectors.balances(link.customer, as_of=today)
    if currency not in balances:
        return redirect("portal:home", token=token)
    items = [line for line in selectors.open_items(link.customer, as_of=today) if line.currency == currency]
    form = AnswerForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.balance_answer(
                link=link,
                currency=currency,
                agrees=data["agrees"],
                differences=data["differences"],
                note=data["note"],
                ip=ip,
            )
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Thank you: your answer on the balance was recorded."))
            return redirect("portal:home", token=token)
    return render(
        request,
        "portal/answer.html",
        _context(link, token, form=form, items=items, currency=currency, balance=balances[currency], as_of=today),
    )


def _action(request, link, token, *, form_class, template: str, act, done: str):
    items = [line for line in selectors.open_items(link.customer, as_of=clock.today()) if line.open_amount > 0]
    kwargs = {"items": items} if form_class is not ComplaintForm else {}
    form = form_class(request.POST or None, request.FILES or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except InvalidInput as exc:
            add_errors(
                form, exc, aliases={"promise_on": "promised_on", "promise_amount": "amount", "file": "attachment"}
            )
        else:
            messages.success(request, done)
            return redirect("portal:home", token=token)
    return render(request, template, _context(link, token, form=form, items=items))


@public
@needs_code
def promise(request, link, ip, token):
    return _action(
        request,
        link,
        token,
        form_class=PromiseForm,
        template="portal/promise.html",
        act=lambda d: services.promise_make(
            link=link,
            amount=d["amount"],
            promised_on=d["promised_on"],
            line_ids=[int(i) for i in d["lines"]],
            note=d["note"],
            ip=ip,
        ),
        done=_("Thank you: your promise to pay was recorded."),
    )


@public
@needs_code
def dispute(request, link, ip, token):
    return _action(
        request,
        link,
        token,
        form_class=DisputeForm,
        template="portal/dispute.html",
        act=lambda d: services.dispute_raise(
            link=link,
            reason=d["reason"],
            amount=d["amount"],
            line_ids=[int(i) for i in d["lines"]],
            description=d["description"],
            upload=d["attachment"],
            ip=ip,
        ),
        done=_("Your dispute was recorded; we will come back to you."),
    )


@public
@needs_code
def complaint(request, link, ip, token):
    return _action(
        request,
        link,
        token,
        form_class=ComplaintForm,
        template="portal/complaint.html",
        act=lambda d: services.complaint_raise(link=link, ip=ip, **d),
        done=_("Your complaint was recorded; we will come back to you."),
    )


@public
def document_file(request, link, ip, token, document_id: int):
    """A document's copy as PDF, only of the link's customer and company: any other id shows the neutral page."""
    document = selectors.document_of(link, document_id)
    if document is None:
        return render(request, "portal/public_message.html", {"state": "invalid"}, status=404)
    content = document_pdf(document, link.language, as_of=clock.today())
    services.document_opened(link=link, document=document, ip=ip)
    response = HttpResponse(content, content_type=FILE_TYPES["pdf"])
    response.headers["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document_file_name(document)
    )
    return response


@public
@needs_code
def survey(request, link, ip, token, invitation_id: int):
    invitation = selectors.survey_of(link, invitation_id, as_of=clock.today())
    if invitation is None:
        messages.info(request, _("This survey was answered or is closed."))
        return redirect("portal:home", token=token)
    template = invitation.survey.template
    form = SurveyAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(link=link, invitation=invitation, ip=ip, **form.cleaned_data)
        except LinkAlreadyUsed:
            messages.info(request, _("This survey was answered or is closed."))
            return redirect("portal:home", token=token)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Thank you for your answer."))
            return redirect("portal:home", token=token)
    return render(
        request,
        "portal/survey.html",
        _context(
            link,
            token,
            form=form,
            invitation=invitation,
            name=template.display_name,
            intro=template.text("intro", link.language),
            questions={f: template.text(f, link.language) for f in ("csat", "nps", "comment")},
            csat_choices=range(1, 6),
            nps_choices=range(11),
        ),
    )


# --- for the staff ----------------------------------------------------------------------------


@requires("portal.view_portallink")
def customer_links(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    form = LinkIssueForm(request.POST or None, contacts=selectors.contacts_of(customer))
    if request.method == "POST":
        if not request.user.has_perm("portal.add_portallink"):
            raise PermissionDenied
        if form.is_valid():
            try:
                link = services.link_issue(by=request.user, **form.cleaned_data)
            except InvalidInput as exc:
                add_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("A link was issued to %(name)s: %(url)s")
                    % {"name": link.contact_name, "url": services.link_url(link)},
                )
                return redirect("portal:customer_links", pk=customer.pk)
    today = clock.today()
    frequency = selectors.statement_frequency(customer)
    links = [
        (
            link,
            services.link_url(link) if selectors.is_usable(link, today) else "",
        )
        for link in selectors.links_of(customer)
    ]
    return render(
        request,
        "portal/links.html",
        {
            "customer": customer,
            "form": form,
            "links": links,
            "accesses": selectors.accesses_of(customer),
            "frequency_form": StatementFrequencyForm(initial={"frequency": frequency}),
            "frequency_label": StatementFrequency(frequency).label,
        },
    )


@require_POST
@requires("portal.change_statementschedule")
def customer_statement_frequency(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    form = StatementFrequencyForm(request.POST)
    if form.is_valid():
        services.customer_statement_frequency_set(
            by=request.user, customer=customer, frequency=form.cleaned_data["frequency"]
        )
        messages.success(request, _("How often %(customer)s gets its statement was saved.") % {"customer": customer})
    else:
        messages.error(request, _("Choose how often the statements are sent."))
    return redirect("portal:customer_links", pk=customer.pk)


@require_POST
@requires("portal.change_portallink")
def link_revoke(request, pk: int):
    link = selectors.link_for(request.user, pk)
    services.link_revoke(by=request.user, link=link, reason=request.POST.get("reason", ""))
    messages.success(request, _("The link was revoked."))
    return redirect("portal:customer_links", pk=link.customer_id)


@requires("portal.view_balanceconfirmation")
def confirmations(request):
    today = clock.today()
    form = ConfirmationFilter(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    date_from = data.get("date_from") or today.replace(month=1, day=1)
    date_to = data.get("date_to") or today
    listed = selectors.confirmations_for(
        request.user, date_from=date_from, date_to=date_to, status=data.get("status", "")
    )
    if request.GET.get("format") in ("xlsx", "pdf", "csv"):
        table = selectors.confirmations_table(listed, date_from=date_from, date_to=date_to)
        return exports.table_download(table, request.GET["format"], f"balance-confirmations-{date_to:%Y%m%d}")
    return render(
        request,
        "portal/confirmations.html",
        {"form": form, "page": page_of(request, listed, 100), "date_from": date_from, "date_to": date_to},
    )


# --- statement runs ---------------------------------------------------------------------------


@requires("portal.view_statementrun")
def statement_runs(request):
    companies = list(companies_for(request.user))
    today = clock.today()
    date_from, date_to = domain.previous_month(today)
    form = StatementRunForm(
        request.POST or None, companies=companies, initial={"date_from": date_from, "date_to": date_to}
    )
    if request.method == "POST":
        if not request.user.has_perm("portal.add_statementrun"):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            company = next(c for c in companies if c.code == data.pop("company"))
            try:
                run = services.statement_run_create(by=request.user, company=company, **data)
            except InvalidInput as exc:
                add_errors(form, exc)
            else:
                return redirect("portal:statement_run", pk=run.pk)
    schedules = {s.company_id: s for s in selectors.statement_schedules_for(request.user)}
    return render(
        request,
        "portal/statement_runs.html",
        {
            "form": form,
            "page": page_of(request, selectors.statement_runs_for(request.user), 30),
            "schedules": [(c, schedules.get(c.pk)) for c in companies],
            "schedule_form": StatementScheduleForm(companies=companies),
        },
    )


@require_POST
@requires("portal.change_statementschedule")
def statement_schedule(request):
    companies = list(companies_for(request.user))
    form = StatementScheduleForm(request.POST, companies=companies)
    if form.is_valid():
        data = form.cleaned_data
        company = next(c for c in companies if c.code == data.pop("company"))
        try:
            services.statement_schedule_set(by=request.user, company=company, **data)
        except InvalidInput as exc:
            messages.error(request, " ".join(m for ms in exc.errors.values() for m in ms))
        else:
            messages.success(request, _("The monthly statement run of %(company)s was saved.") % {"company": company})
    else:
        messages.error(request, _("Check the schedule: a day from 1 to 28, and the days to remind and to follow up."))
    return redirect("portal:statement_runs")


@requires("portal.view_statementrun")
def statement_run(request, pk: int):
    run = selectors.statement_run_for(request.user, pk)
    context = {
        "run": run,
        "done": get_progress("statements", run.pk) if run.is_running else run.sent + run.failed,
        "summary": selectors.statement_run_summary(run),
    }
    if is_htmx(request):
        return render(request, "portal/partials/statement_run_progress.html", context)
    state = request.GET.get("state", "")
    context["state"] = state
    context["state_choices"] = [
        (RecipientStatus.SENT.value, RecipientStatus.SENT.label),
        (RecipientStatus.FAILED.value, RecipientStatus.FAILED.label),
        ("opened", _("Opened")),
        (ConfirmationStatus.CONFIRMED.value, ConfirmationStatus.CONFIRMED.label),
        (ConfirmationStatus.DISAGREED.value, ConfirmationStatus.DISAGREED.label),
        ("unanswered", _("No answer yet")),
        ("reminded", _("Reminded")),
        ("task", _("Task for the owner")),
    ]
    context["page"] = page_of(request, selectors.statement_recipients(run, status=state), 50)
    return render(request, "portal/statement_run.html", context)


@require_POST
@requires("portal.send_statementrun")
def statement_run_send(request, pk: int):
    run = selectors.statement_run_for(request.user, pk)
    try:
        if run.status == StatementRunStatus.DRAFT:
            services.statement_run_send(by=request.user, run=run)
        else:
            services.statement_run_retry(by=request.user, run=run)
    except InvalidInput as exc:
        messages.error(request, " ".join(m for ms in exc.errors.values() for m in ms))
    return redirect("portal:statement_run", pk=run.pk)
