"""Collections screens: the worklist, a customer's collections page, runs with preview, notices, policies, disputes."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.collections import selectors, services
from ardesk.collections.forms import (
    ContactLogForm,
    DisputeForm,
    LegalForm,
    LevelForm,
    PolicyImportForm,
    ReasonForm,
    ResolveForm,
    RunForm,
    WorklistForm,
)
from ardesk.collections.models import (
    CollectionProfile,
    DisputeStatus,
    DunningRun,
    LegalCase,
    LegalCaseStatus,
    Notice,
    NoticeCharges,
    PromiseStatus,
)
from ardesk.collections.services.disputes import RESOLUTION_PERMISSIONS
from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core import clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.web import add_errors, is_htmx, page_of, requires


@requires("collections.view_worklist")
def worklist(request):
    form = WorklistForm(request.GET or None, initial={"as_of": clock.today()})
    as_of = (form.cleaned_data.get("as_of") if form.is_valid() else None) or clock.today()
    # A user with no customers assigned (a manager, the auditor) sees everyone's by default.
    has_own = selectors.has_assigned_customers(user=request.user)
    mine = has_own and request.GET.get("all") != "1"
    if (file_format := request.GET.get("export")) in exports.LIST_FORMATS:
        rows = selectors.worklist_customers(user=request.user, as_of=as_of, mine=mine, limit=None)
        table = selectors.worklist_table(rows, as_of=as_of, mine=mine)
        return exports.table_download(table, file_format, f"worklist-{as_of:%Y%m%d}")
    return render(
        request,
        "collections/worklist.html",
        {
            "as_of": as_of,
            "form": form,
            "mine": mine,
            "has_own": has_own,
            "rows": selectors.worklist_customers(user=request.user, as_of=as_of, mine=mine),
            "due": selectors.due_today(user=request.user, as_of=as_of, mine=mine),
        },
    )


def _customer_context(request, customer, contact_form=None, dispute_form=None) -> dict:
    lines = list(selectors.open_lines_of(customer))
    for line in lines:
        line.days_overdue = (clock.today() - line.due_on).days
    return {
        "customer": customer,
        "today": clock.today(),
        "profile": CollectionProfile.objects.filter(customer=customer).first(),
        "policy": selectors.effective_policy(customer),
        "lines": lines,
        "timeline": selectors.timeline(customer),
        "contact_form": contact_form or ContactLogForm(customer=customer, initial={"next_action_on": None}),
        "dispute_form": dispute_form or DisputeForm(lines=lines),
        "reason_form": ReasonForm(),
        "legal_form": LegalForm(),
        "legal_cases": LegalCase.objects.filter(customer=customer, status=LegalCaseStatus.OPEN),
        "overdue": selectors.overdue_total(customer, clock.today()),
    }


@requires("collections.view_notice")
def customer(request, customer_id: int):
    customer = selectors.customer_for(request.user, customer_id)
    return render(request, "collections/customer.html", _customer_context(request, customer))


@requires("collections.view_notice")
def customer_timeline(request, customer_id: int):
    """The timeline alone (an htmx fragment, also shown on the customer's page)."""
    customer = selectors.customer_for(request.user, customer_id)
    return render(
        request,
        "collections/partials/customer_panel.html",
        {"customer": customer, "timeline": selectors.timeline(customer)},
    )


@requires("collections.add_contactlog")
@require_POST
def contact_log(request, customer_id: int):
    """Log a call, e-mail, visit or letter (with a promise if one was given): an htmx form answering with itself."""
    customer = selectors.customer_for(request.user, customer_id)
    form = ContactLogForm(request.POST, customer=customer)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_log(
                by=request.user,
                customer=customer,
                channel=data["channel"],
                outcome=data["outcome"],
                note=data["note"],
                next_action_on=data["next_action_on"],
                contact=customer.contacts.filter(pk=data["contact"]).first() if data["contact"] else None,
                promise_amount=data["promise_amount"],
                promise_on=data["promise_on"],
                line_ids=request.POST.getlist("lines") or None,
            )
            saved = True
        except InvalidInput as exc:
            add_errors(form, exc)
    if not is_htmx(request):
        if saved:
            messages.success(request, _("Logged."))
            return redirect("collections:customer", customer.pk)
        return render(request, "collections/customer.html", _customer_context(request, customer, contact_form=form))
    context = {
        "customer": customer,
        "contact_form": ContactLogForm(customer=customer) if saved else form,
        "saved": saved,
        "timeline": selectors.timeline(customer),
    }
    return render(request, "collections/partials/contact_form.html", context)


@requires("collections.add_dispute")
@require_POST
def dispute_create(request, customer_id: int):
    customer = selectors.customer_for(request.user, customer_id)
    form = DisputeForm(request.POST, lines=list(selectors.open_lines_of(customer)))
    if form.is_valid():
        data = form.cleaned_data
        try:
            dispute = services.dispute_open(
                by=request.user,
                customer=customer,
                reason=data["reason"],
                amount=data["amount"],
                line_ids=[int(pk) for pk in data["lines"]],
                description=data["description"],
            )
            messages.success(request, _("Dispute opened: dunning of its items stops."))
            return redirect("collections:dispute", dispute.pk)
        except InvalidInput as exc:
            add_errors(form, exc)
    return render(request, "collections/customer.html", _customer_context(request, customer, dispute_form=form))


@requires("collections.hold_customer")
@require_POST
def escalate(request, customer_id: int, action: str):
    """Credit hold, release, dunning block or unblock, hand-over to legal: each audited."""
    customer = selectors.customer_for(request.user, customer_id)
    reason = request.POST.get("reason", "")
    try:
        if action == "hold":
            services.customer_hold(by=request.user, customer=customer, reason=reason)
            messages.success(request, _("The customer is on credit hold."))
        elif action == "release":
            services.customer_release(by=request.user, customer=customer, reason=reason)
            messages.success(request, _("The credit hold is lifted."))
        elif action == "block":
            services.customer_dunning_block(by=request.user, customer=customer, blocked=True, reason=reason)
            messages.success(request, _("Dunning is blocked for this customer."))
        elif action == "unblock":
            services.customer_dunning_block(by=request.user, customer=customer, blocked=False)
            messages.success(request, _("Dunning resumes for this customer."))
        elif action == "legal":
            services.legal_case_open(
                by=request.user,
                customer=customer,
                reference=request.POST.get("reference", ""),
                lawyer=request.POST.get("lawyer", ""),
                notes=request.POST.get("notes", ""),
            )
            messages.success(request, _("Handed to legal: ordinary dunning stops."))
        elif action == "legal-close":
            case = get_object_or_404(LegalCase, pk=request.POST.get("case"), customer=customer)
            services.legal_case_close(by=request.user, case=case, notes=request.POST.get("notes", ""))
            messages.success(request, _("The legal case is closed."))
        else:
            return HttpResponse(status=404)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("collections:customer", customer.pk)


# --- runs -------------------------------------------------------------------------------------


@requires("collections.view_dunningrun")
def runs(request):
    form = RunForm(request.GET or None, user=request.user, initial={"run_on": clock.today()})
    preview = None
    company = None
    if request.GET and request.user.has_perm("collections.add_dunningrun") and form.is_valid():
        company = companies_for(request.user).get(code=form.cleaned_data["company"])
        preview = selectors.run_preview(company=company, run_on=form.cleaned_data["run_on"])
    recent = DunningRun.objects.filter(company_id__in=company_ids_for(request.user)).select_related("company")
    return render(
        request,
        "collections/runs.html",
        {"form": form, "preview": preview, "company": company, "page": page_of(request, recent, 30)},
    )


@requires("collections.add_dunningrun")
@require_POST
def run_confirm(request):
    form = RunForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose a company and a date."))
        return redirect("collections:runs")
    company = companies_for(request.user).get(code=form.cleaned_data["company"])
    run = services.dunning_run(by=request.user, company=company, run_on=form.cleaned_data["run_on"])
    return redirect("collections:run", run.pk)


@requires("collections.view_dunningrun")
def run_detail(request, pk: int):
    run = get_object_or_404(
        DunningRun.objects.select_related("company"), pk=pk, company_id__in=company_ids_for(request.user)
    )
    context = {"run": run, "done": run.delivered}  # moved by the delivery's processes with each group of notices
    if is_htmx(request):
        return render(request, "collections/partials/run_progress.html", context)
    notices = Notice.objects.filter(run=run).select_related("customer", "level").order_by("-total_functional", "id")
    if request.GET.get("status"):
        notices = notices.filter(status=request.GET["status"])
    context["page"] = page_of(request, notices, 50)
    context["waived"] = Notice.objects.filter(run=run, charges=NoticeCharges.WAIVED).count()
    return render(request, "collections/run.html", context)


@requires("collections.view_notice")
def notice_detail(request, pk: int):
    notice = get_object_or_404(selectors.notices_for(request.user).select_related("company"), pk=pk)
    return render(
        request,
        "collections/notice.html",
        {"notice": notice, "items": notice.items.select_related("line__document").order_by("due_on")},
    )


@requires("collections.charge_notice")
@require_POST
def notice_charge(request, pk: int):
    """Charge the notice's fee and interest by a debit note (they are waived until a manager does)."""
    notice = get_object_or_404(selectors.notices_for(request.user), pk=pk)
    try:
        notice = services.notice_charge(by=request.user, notice=notice)
        messages.success(request, _("Debit note %(number)s posted.") % {"number": notice.debit_note.number})
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("collections:notice", notice.pk)


@requires("collections.charge_notice")
@require_POST
def run_charge(request, pk: int):
    """Charge the fee and interest of every notice of the run that still has them waived."""
    run = get_object_or_404(DunningRun, pk=pk, company_id__in=company_ids_for(request.user))
    try:
        charged = services.run_charge(by=request.user, run=run)
        messages.success(request, _("%(count)d debit notes posted.") % {"count": len(charged)})
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("collections:run", run.pk)


@requires("collections.view_notice")
def notice_pdf(request, pk: int):
    notice = get_object_or_404(selectors.notices_for(request.user), pk=pk)
    if not notice.pdf:
        return HttpResponse(status=404)
    return FileResponse(notice.pdf.open("rb"), content_type="application/pdf", filename=f"notice-{notice.pk}.pdf")


@requires("collections.change_notice")
@require_POST
def notice_retry(request, pk: int):
    notice = get_object_or_404(selectors.notices_for(request.user), pk=pk)
    try:
        notice = services.notice_retry(by=request.user, notice=notice)
        messages.success(request, notice.get_status_display())
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("collections:notice", notice.pk)


@requires("collections.add_contactlog")
@require_POST
def notice_call_done(request, pk: int):
    notice = get_object_or_404(selectors.notices_for(request.user), pk=pk)
    services.notice_call_done(by=request.user, notice=notice)
    return redirect(request.POST.get("next") or reverse("collections:worklist"))


# --- policies ---------------------------------------------------------------------------------


@requires("collections.view_dunningpolicy")
def policies(request):
    form = PolicyImportForm()
    if request.method == "POST":
        if not request.user.has_perm("collections.change_dunningpolicy"):
            return HttpResponse(status=403)
        form = PolicyImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                data = json.loads(form.cleaned_data["file"].read().decode("utf-8"))
                imported = services.policies_import(by=request.user, data=data)
                messages.success(request, _("Imported %(count)d policies.") % {"count": len(imported)})
                return redirect("collections:policies")
            except (ValueError, UnicodeDecodeError) as exc:
                form.add_error("file", _("This is not a JSON file: %(error)s") % {"error": exc})
            except InvalidInput as exc:
                for problems in exc.errors.values():
                    for problem in problems:
                        form.add_error("file", problem)
    if request.GET.get("export") == "json":
        response = HttpResponse(
            json.dumps(selectors.policies_json(request.user), ensure_ascii=False, indent=2),
            content_type="application/json",
        )
        response["Content-Disposition"] = 'attachment; filename="dunning-policies.json"'
        return response
    return render(
        request,
        "collections/policies.html",
        {
            "policies": selectors.policies_visible(request.user)
            .select_related("company")
            .prefetch_related("levels", "grades"),
            "form": form,
        },
    )


@requires("collections.change_dunningpolicy")
def policy_level(request, code: str, seq: int):
    policy = get_object_or_404(selectors.policies_visible(request.user), code=code)
    level = get_object_or_404(policy.levels, seq=seq)
    fields = list(LevelForm.base_fields)
    initial = {name: getattr(level, name) for name in fields}
    form = LevelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_level_update(by=request.user, policy=policy, seq=seq, values=form.cleaned_data)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Level %(seq)s of %(code)s saved.") % {"seq": seq, "code": code})
            return redirect(reverse("collections:policies") + f"#policy-{code}")
    return render(request, "collections/policy_level.html", {"policy": policy, "level": level, "form": form})


# --- promises to pay -------------------------------------------------------------------------


@requires("collections.view_promisetopay")
def promises(request):
    """Promises to pay, open, kept or broken: what customers said they would pay, and whether they did."""
    status = request.GET.get("status", PromiseStatus.OPEN)
    if status not in PromiseStatus.values:
        status = ""
    return render(
        request,
        "collections/promises.html",
        {
            "page": page_of(request, selectors.promises_for(request.user, status=status or None), 50),
            "status": status,
            "statuses": [(s.value, s.label) for s in (PromiseStatus.OPEN, PromiseStatus.KEPT, PromiseStatus.BROKEN)],
            "query": f"status={status}",
        },
    )


# --- disputes ---------------------------------------------------------------------------------


@requires("collections.view_dispute")
def disputes(request):
    status = request.GET.get("status", DisputeStatus.OPEN)
    today = clock.today()
    file_format = request.GET.get("format")
    if file_format in exports.LIST_FORMATS:
        table = selectors.dispute_aging_table(request.user, as_of=today)
        return exports.table_download(table, file_format, f"open-disputes-{today:%Y%m%d}")
    listed = selectors.disputes_for(request.user, status=status or None)
    return render(
        request,
        "collections/disputes.html",
        {
            "page": page_of(request, listed, 50),
            "status": status,
            "statuses": DisputeStatus.choices,
            "aging": selectors.dispute_aging(request.user, as_of=today),
            "today": today,
        },
    )


def _resolved(request, dispute, form) -> bool:
    """Resolve the dispute as the form says; False with the service's field errors on the form."""
    try:
        services.dispute_resolve(
            by=request.user,
            dispute=dispute,
            outcome=form.cleaned_data["outcome"],
            note=form.cleaned_data["note"],
            on=form.cleaned_data["on"],
        )
    except InvalidInput as exc:
        add_errors(form, exc)
        return False
    return True


@requires("collections.view_dispute")
def dispute_detail(request, pk: int):
    dispute = get_object_or_404(selectors.disputes_for(request.user, status=None).select_related("credit_note"), pk=pk)
    outcomes = {outcome for outcome, perm in RESOLUTION_PERMISSIONS.items() if request.user.has_perm(perm)}
    form = ResolveForm(initial={"on": clock.today()}, outcomes=outcomes)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "note":
                services.dispute_note_add(by=request.user, dispute=dispute, text=request.POST.get("text", ""))
            elif action == "attach" and request.FILES.get("file"):
                services.dispute_attach(by=request.user, dispute=dispute, upload=request.FILES["file"])
            elif action == "resolve":
                form = ResolveForm(request.POST, outcomes=outcomes)
                if form.is_valid() and _resolved(request, dispute, form):
                    messages.success(request, _("The dispute is closed."))
            if not (form.is_bound and form.errors):  # else the page shows the form's errors by its fields
                return redirect("collections:dispute", dispute.pk)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return redirect("collections:dispute", dispute.pk)
    return render(
        request,
        "collections/dispute.html",
        {
            "dispute": dispute,
            "form": form,
            "may_resolve": bool(outcomes),
            "items": dispute.items.select_related("line__document"),
            "age": (clock.today() - dispute.opened_on).days,
        },
    )


@requires("collections.view_dispute")
def dispute_attachment(request, pk: int, attachment_id: int):
    dispute = get_object_or_404(selectors.disputes_for(request.user, status=None), pk=pk)
    attachment = get_object_or_404(dispute.attachments, pk=attachment_id)
    return FileResponse(
        attachment.file.open("rb"), content_type=attachment.content_type, filename=attachment.original_name
    )
