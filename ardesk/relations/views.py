"""Customer relations screens: timeline and logging, complaints, surveys and their public answer page, revisits."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.companies.models import Company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import clock, exports
from ardesk.core.errors import InvalidInput
from ardesk.core.rate_limit import allow, client_address
from ardesk.core.web import add_errors, page_of, requires
from ardesk.customers.models import Contact
from ardesk.relations import domain, selectors, services
from ardesk.relations.errors import LinkAlreadyUsed, LinkNotValid
from ardesk.relations.forms import (
    ComplaintForm,
    ComplaintMoveForm,
    ConfirmForm,
    InteractionForm,
    KeyAccountFilterForm,
    RelationProfileForm,
    RevisitForm,
    SurveyAnswerForm,
    SurveyPeriodForm,
    SurveySendForm,
    SurveyTemplateForm,
)
from ardesk.relations.models import ComplaintStatus, InteractionAttachment, Revisit, RevisitStatus, SurveyTemplate

PAGE = 50
EXPORTS = ("xlsx", "pdf")


# --- timeline ---------------------------------------------------------------------------------


def _kinds(request) -> list[str]:
    return [k for k in request.GET.getlist("kind") if k in selectors.TIMELINE_KINDS]


@requires("relations.view_interaction")
def customer_panel(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    return render(
        request,
        "relations/partials/customer_panel.html",
        {
            "customer": customer,
            "timeline": selectors.timeline(customer, limit=8),
            "open_complaints": selectors.open_complaint_count(customer),
            "profile": selectors.relation_profile_of(customer),
            "revisits": Revisit.objects.filter(customer=customer, status=RevisitStatus.PLANNED).order_by("due_on")[:5],
        },
    )


@requires("relations.view_interaction")
def timeline(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    kinds = _kinds(request)
    file_format = request.GET.get("format")
    if file_format in EXPORTS:
        table = selectors.timeline_table(customer, kinds=kinds or None)
        return exports.table_download(table, file_format, f"timeline-{customer.code}-{clock.today():%Y%m%d}")
    page_number = request.GET.get("page", "1")
    page_number = min(int(page_number), 1000) if page_number.isdigit() and int(page_number) > 0 else 1
    page = selectors.timeline(customer, kinds=kinds or None, limit=PAGE, offset=(page_number - 1) * PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "relations/timeline.html",
        {
            "customer": customer,
            "page": page,
            "page_number": page_number,
            "kinds": [(k, label, k in kinds) for k, label in selectors.TIMELINE_KINDS.items()],
            "query": query.urlencode(),
        },
    )


@requires("relations.add_interaction")
def log_interaction(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    revisit = None
    if request.GET.get("revisit", "").isdigit():
        revisit = Revisit.objects.filter(
            pk=int(request.GET["revisit"]), customer=customer, status=RevisitStatus.PLANNED
        ).first()
    complaint = None
    if request.GET.get("complaint", "").isdigit():
        complaint = customer.complaints.filter(pk=int(request.GET["complaint"])).first()
    initial = {"occurred_on": clock.today()}
    if revisit is not None:
        initial.update(channel=revisit.channel, purpose="revisit")
    if complaint is not None:
        initial.update(purpose="complaint")
    form = InteractionForm(request.POST or None, request.FILES or None, customer=customer, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        uploads = data.pop("attachments")
        try:
            services.interaction_log(
                by=request.user, customer=customer, uploads=uploads, revisit=revisit, complaint=complaint, **data
            )
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The interaction was logged."))
            return redirect("relations:timeline", pk=customer.pk)
    return render(
        request,
        "relations/log.html",
        {"customer": customer, "form": form, "revisit": revisit, "complaint": complaint},
    )


@requires("relations.view_interaction")
def attachment(request, pk: int):
    found = get_object_or_404(
        InteractionAttachment.objects.select_related("interaction"),
        pk=pk,
        interaction__company_id__in=company_ids_for(request.user),
    )
    response = FileResponse(found.file.open("rb"), content_type=found.content_type, as_attachment=True)
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(found.original_name)}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# --- complaints -------------------------------------------------------------------------------


@requires("relations.view_complaint")
def complaints(request):
    status = request.GET.get("status", "open")
    mine = request.GET.get("mine") == "1"
    late = request.GET.get("late") == "1"
    today = clock.today()
    listed = selectors.complaints_for(
        request.user,
        status=status if status in {"open", *ComplaintStatus.values} else "",
        owner_id=request.user.pk if mine else None,
        late_on=today if late else None,
    )
    return render(
        request,
        "relations/complaints.html",
        {
            "page": page_of(request, listed, PAGE),
            "status": status,
            "statuses": [("open", _("All unresolved")), *ComplaintStatus.choices, ("", _("All"))],
            "mine": mine,
            "late": late,
            "today": today,
        },
    )


@requires("relations.add_complaint")
def complaint_new(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    form = ComplaintForm(request.POST or None, customer=customer)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        disputes, lines = data.pop("disputes"), data.pop("lines")
        try:
            complaint = services.complaint_open(
                by=request.user,
                customer=customer,
                dispute_ids=[d.pk for d in disputes],
                line_ids=[line.pk for line in lines],
                **data,
            )
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The complaint was logged."))
            return redirect("relations:complaint", pk=complaint.pk)
    return render(
        request,
        "relations/complaint_form.html",
        {"customer": customer, "form": form, "sla": domain.SLA_DAYS},
    )


@requires("relations.view_complaint")
def complaint_detail(request, pk: int):
    complaint = selectors.complaint_for(request.user, pk)
    move_form = ComplaintMoveForm(prefix="move")
    move_form.fields["status"].choices = [
        (s, label) for s, label in ComplaintStatus.choices if domain.may_move(complaint.status, s)
    ]
    confirm_form = ConfirmForm(prefix="confirm")
    if request.method == "POST":
        if not request.user.has_perm("relations.change_complaint"):
            raise PermissionDenied
        try:
            if "confirm" in request.POST:
                confirm_form = ConfirmForm(request.POST, prefix="confirm")
                if confirm_form.is_valid():
                    services.complaint_confirm(by=request.user, complaint=complaint, **confirm_form.cleaned_data)
                    messages.success(request, _("The customer's confirmation was recorded; the complaint is closed."))
                    return redirect("relations:complaint", pk=pk)
            else:
                posted = ComplaintMoveForm(request.POST, prefix="move")
                posted.fields["status"].choices = move_form.fields["status"].choices
                move_form = posted
                if move_form.is_valid():
                    services.complaint_move(by=request.user, complaint=complaint, **move_form.cleaned_data)
                    messages.success(request, _("The complaint was updated."))
                    return redirect("relations:complaint", pk=pk)
        except InvalidInput as exc:
            add_errors(move_form, exc)
    return render(
        request,
        "relations/complaint.html",
        {
            "complaint": complaint,
            "events": complaint.events.select_related("by"),
            "disputes": complaint.disputes.all(),
            "lines": complaint.lines.select_related("document"),
            "interactions": complaint.interactions.select_related("logged_by")[:50],
            "move_form": move_form,
            "confirm_form": confirm_form,
            "can_move": bool(move_form.fields["status"].choices),
            "is_late": domain.is_late(status=complaint.status, due_on=complaint.due_on, as_of=clock.today()),
        },
    )


def _day(value: str | None, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else default
    except ValueError:
        return default


@requires("relations.view_complaint")
def complaint_report(request):
    today = clock.today()
    as_of = _day(request.GET.get("as_of"), today)
    report = selectors.complaint_report(
        request.user, as_of=as_of, date_from=_day(request.GET.get("from"), as_of - dt.timedelta(days=365))
    )
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx", "pdf"):
        return exports.table_download(
            selectors.complaint_report_table(report), file_format, f"complaints-{as_of:%Y%m%d}"
        )
    return render(request, "relations/complaint_report.html", {"report": report})


# --- surveys ----------------------------------------------------------------------------------


@requires("relations.view_survey")
def surveys(request):
    form = SurveyPeriodForm(request.GET or None)
    period = form.cleaned_data if form.is_valid() else {}
    results = selectors.survey_results(request.user, date_from=period.get("from"), date_to=period.get("to"))
    return render(request, "relations/surveys.html", {"results": results, "form": form})


@requires("relations.send_survey")
def survey_send(request):
    companies = Company.objects.filter(pk__in=company_ids_for(request.user)).order_by("code")
    form = SurveySendForm(request.POST or None, companies=companies)
    if request.method == "POST" and form.is_valid():
        company_id = int(form.cleaned_data["company"])
        codes = form.cleaned_data["customers"]
        contacts = Contact.objects.filter(customer__company_id=company_id, customer__code__in=codes).exclude(email="")
        found = set(contacts.values_list("customer__code", flat=True))
        missing = [c for c in codes if c not in found]
        if missing:
            form.add_error(
                "customers", _("No contact with an e-mail address for %(codes)s.") % {"codes": ", ".join(missing)}
            )
        else:
            try:
                survey = services.survey_send(
                    by=request.user,
                    template=form.cleaned_data["template"],
                    company_id=company_id,
                    contact_ids=list(contacts.values_list("pk", flat=True)),
                )
            except InvalidInput as exc:
                add_errors(form, exc)
            else:
                messages.success(
                    request, _("The survey was sent to %(count)d contacts.") % {"count": survey.invitations.count()}
                )
                return redirect("relations:surveys")
    return render(request, "relations/survey_send.html", {"form": form})


@requires("relations.view_surveytemplate")
def survey_templates(request):
    templates = SurveyTemplate.objects.annotate(surveys_sent=Count("surveys")).order_by("-is_active", "code")
    return render(request, "relations/survey_templates.html", {"templates": templates})


@requires("relations.add_surveytemplate")
def survey_template_new(request):
    form = SurveyTemplateForm(request.POST or None, with_code=True)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.survey_template_create(by=request.user, **form.cleaned_data)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The survey template %(code)s was added.") % {"code": template.code})
            return redirect("relations:survey_templates")
    return render(request, "relations/survey_template_form.html", {"form": form, "template": None})


@requires("relations.change_surveytemplate")
def survey_template_edit(request, pk: int):
    template = get_object_or_404(SurveyTemplate, pk=pk)
    initial = {name: getattr(template, name) for name in services.SURVEY_TEMPLATE_FIELDS}
    form = SurveyTemplateForm(request.POST or None, with_code=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_template_change(by=request.user, template=template, **form.cleaned_data)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The survey template %(code)s was changed.") % {"code": template.code})
            return redirect("relations:survey_templates")
    return render(request, "relations/survey_template_form.html", {"form": form, "template": template})


def survey_answer(request, token: str):
    """The public answer page: no sign-in, a signed single-use link, rate-limited per address."""
    if not allow("survey", client_address(request), limit=30, window_seconds=60):
        return render(request, "relations/public_message.html", {"state": "busy"}, status=429)
    try:
        invitation = services.invitation_for_token(token)
    except LinkNotValid:
        return render(request, "relations/public_message.html", {"state": "invalid"}, status=404)
    template = invitation.survey.template
    language = invitation.language
    if invitation.answered_at is not None:
        return render(request, "relations/public_message.html", {"state": "used", "language": language}, status=410)
    form = SurveyAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.survey_answer(
                token=token,
                csat=data["csat"],
                nps=data["nps"],
                comment=data["comment"],
            )
        except LinkAlreadyUsed:
            return render(request, "relations/public_message.html", {"state": "used", "language": language}, status=410)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            return render(request, "relations/public_message.html", {"state": "thanks", "language": language})
    return render(
        request,
        "relations/survey_answer.html",
        {
            "form": form,
            "language": language,
            "intro": template.text("intro", language),
            "questions": {f: template.text(f, language) for f in ("csat", "nps", "comment")},
            "customer": invitation.customer,
            "csat_choices": range(1, 6),
            "nps_choices": range(11),
        },
    )


# --- revisits ---------------------------------------------------------------------------------


@requires("relations.view_revisit")
def revisits(request):
    today = clock.today()
    mine = request.GET.get("all") != "1"
    planned = selectors.revisits_planned(request.user, mine=mine)
    if request.GET.get("format") in ("csv", "xlsx", "pdf"):
        table = selectors.revisits_overdue_table(request.user, as_of=today)
        return exports.table_download(table, request.GET["format"], f"overdue-revisits-{today:%Y%m%d}")
    return render(
        request,
        "relations/revisits.html",
        {
            "page": page_of(request, planned, PAGE),
            "overdue": selectors.revisits_overdue(request.user, as_of=today).count(),
            "mine": mine,
            "today": today,
        },
    )


@requires("relations.view_revisit")
def revisit_calendar(request):
    today = clock.today()
    month = _day((request.GET.get("month") or "") + "-01" if request.GET.get("month") else None, today)
    mine = request.GET.get("all") != "1"
    first = month.replace(day=1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "relations/revisit_calendar.html",
        {
            "weeks": selectors.revisit_calendar(request.user, month=first, mine=mine),
            "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
            "month": first,
            "previous": previous.strftime("%Y-%m"),
            "following": following.strftime("%Y-%m"),
            "mine": mine,
            "today": today,
        },
    )


@requires("relations.add_revisit")
def revisit_new(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    form = RevisitForm(
        request.POST or None, customer=customer, initial={"due_on": clock.today() + dt.timedelta(days=7)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.revisit_plan(by=request.user, customer=customer, **form.cleaned_data)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The revisit was planned."))
            return redirect(reverse("relations:revisits") + "?all=1")
    return render(request, "relations/revisit_form.html", {"customer": customer, "form": form})


@require_POST
@requires("relations.change_revisit")
def revisit_cancel(request, pk: int):
    revisit = get_object_or_404(selectors.revisits_for(request.user), pk=pk, status=RevisitStatus.PLANNED)
    services.revisit_cancel(by=request.user, revisit=revisit)
    messages.success(request, _("The revisit was cancelled."))
    return redirect("relations:revisits")


# --- key accounts -----------------------------------------------------------------------------


@requires("relations.view_relationprofile")
def key_accounts(request):
    companies = Company.objects.filter(pk__in=company_ids_for(request.user)).order_by("code")
    owners = (
        get_user_model()
        .objects.filter(is_active=True, company_grants__company_id__in=[c.pk for c in companies])
        .distinct()
        .order_by("username")
    )
    form = KeyAccountFilterForm(request.GET or None, companies=companies, owners=owners)
    filters = form.cleaned_data if form.is_valid() else {}
    customers = selectors.key_accounts(
        request.user,
        company_id=filters.get("company"),
        text=(filters.get("text") or "").strip(),
        key={"yes": True, "no": False}.get(filters.get("key") or ""),
        owner_id=filters.get("owner"),
    )
    page = page_of(request, customers, PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "relations/key_accounts.html",
        {
            "form": form,
            "page": page,
            # A customer without a relation profile is no key account and is owned by its collector.
            "rows": [(c, getattr(c, "relation_profile", None)) for c in page],
            "query": query.urlencode(),
            "here": request.get_full_path(),
        },
    )


def _back_to(request, default: str) -> str:
    """Where a form returns: the page it was opened from when that is one of ours, else the default."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@requires("relations.change_relationprofile")
def relation_profile_edit(request, pk: int):
    customer = selectors.customer_for(request.user, pk)
    profile = selectors.relation_profile_of(customer)
    initial = {"is_key_account": bool(profile and profile.is_key_account), "owner": profile.owner if profile else None}
    form = RelationProfileForm(request.POST or None, customer=customer, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.relation_profile_set(by=request.user, customer=customer, **form.cleaned_data)
        if form.cleaned_data["is_key_account"]:
            messages.success(request, _("%(customer)s is a key account.") % {"customer": customer.name})
        else:
            messages.success(request, _("%(customer)s is not a key account.") % {"customer": customer.name})
        return redirect(_back_to(request, reverse("relations:key_accounts")))
    return render(
        request,
        "relations/relation_profile_form.html",
        {"customer": customer, "form": form, "next": _back_to(request, "")},
    )
