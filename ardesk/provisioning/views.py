"""Bad-debt screens: month-end runs and their approval, policies, specific provisions, write-offs, reports."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core import calendar, clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.web import add_errors, page_of, requires
from ardesk.customers.models import Customer
from ardesk.ledger.models import Document
from ardesk.provisioning import forms, output, selectors, services
from ardesk.provisioning.access import VIEW_RUNS, exported_company, visible, visible_company
from ardesk.provisioning.models import (
    JournalEntry,
    ProvisionPolicy,
    ProvisionRun,
    RunStatus,
    SpecificProvision,
    WriteOff,
    WriteOffStatus,
)

VIEW_POLICY = "provisioning.view_provisionpolicy"
VIEW_WRITE_OFF = "provisioning.view_writeoff"
VIEW_JOURNAL = "provisioning.view_journalentry"


def _fail(request, form, exc: ApplicationError) -> None:
    if isinstance(exc, InvalidInput) and form is not None:
        add_errors(form, exc)
    else:
        messages.error(request, exc.message)


@requires(VIEW_RUNS)
def runs(request):
    form = None
    if request.user.has_perm(services.PREPARE_RUN):
        form = forms.RunForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            try:
                run = services.run_prepare(
                    by=request.user,
                    company=visible_company(request.user, form.cleaned_data["company"]),
                    as_of=services.period_end(form.cleaned_data["period"]),
                    provisional=form.cleaned_data["provisional"],
                )
            except ApplicationError as exc:
                _fail(request, form, exc)
            else:
                messages.success(
                    request, _("Run %(run)s prepared: review it and ask a manager to approve.") % {"run": run}
                )
                return redirect("provisioning:run", pk=run.pk)
    found = ProvisionRun.objects.filter(company_id__in=company_ids_for(request.user)).select_related(
        "company", "prepared_by", "approved_by"
    )
    opening = forms.OpeningForm(user=request.user) if request.user.has_perm(services.APPROVE_RUN) else None
    return render(
        request, "provisioning/runs.html", {"form": form, "opening": opening, "page": page_of(request, found, 50)}
    )


@require_POST
@requires(services.APPROVE_RUN)
def opening(request):
    form = forms.OpeningForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.allowance_opening_set(
                by=request.user,
                company=visible_company(request.user, form.cleaned_data["company"]),
                on=form.cleaned_data["on"],
                amount=form.cleaned_data["amount"],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Allowance brought forward."))
    else:
        messages.error(request, _("Give the company, the date and the amount."))
    return redirect("provisioning:runs")


@requires(VIEW_RUNS)
def run_detail(request, pk: int):
    run = visible(
        request.user,
        ProvisionRun.objects.select_related("company", "prepared_by", "approved_by"),
        pk,
        VIEW_RUNS,
        _("Run"),
    )
    export, table = request.GET.get("export"), request.GET.get("table", "buckets")
    if export in ("xlsx", "pdf", "csv"):
        report = output.run_customer_table(run) if table == "customers" else output.run_bucket_table(run)
        return exports.download(
            exports.render(report, export), export, f"provision-{run.company.code}-{run.as_of:%Y-%m}-{table}"
        )
    customers = page_of(request, output.customer_totals(run), settings.ARDESK_LIST_PAGE_SIZE)
    can_approve = (
        run.status == RunStatus.DRAFT
        and request.user.has_perm(services.APPROVE_RUN)
        and run.prepared_by_id != request.user.pk
    )
    return render(
        request,
        "provisioning/run.html",
        {
            "run": run,
            "buckets": run.buckets.all(),
            "specific": run.lines.filter(bucket__isnull=True).select_related("customer", "document"),
            "entry": [{**line, "label": output.role_label(line["role"])} for line in output.proposed_entry(run)],
            "page": customers,
            "can_approve": can_approve and not run.is_provisional,
            "is_stale": run.status == RunStatus.DRAFT and services.run_is_stale(run),
            "is_preparer": run.prepared_by_id == request.user.pk,
            "later": ProvisionRun.objects.filter(pk=run.superseded_by_id).first(),
        },
    )


@require_POST
@requires(services.APPROVE_RUN)
def run_approve(request, pk: int):
    run = visible(request.user, ProvisionRun.objects.all(), pk, VIEW_RUNS, _("Run"))
    try:
        services.run_approve(by=request.user, run=run)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Run approved and its journal entry booked."))
    return redirect("provisioning:run", pk=pk)


def _rates_text(policy: ProvisionPolicy) -> str:
    return "\n".join(f"{r.bucket_key} | {r.rate.normalize():f}" for r in policy.rates.all())


def _parse_rates(text: str) -> tuple[dict[str, str], list[str]]:
    rates, problems = {}, []
    for n, line in enumerate([line for line in (text or "").splitlines() if line.strip()], start=1):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 2 or not parts[0]:
            problems.append(_("Line %(n)s: write key | rate.") % {"n": n})
            continue
        rates[parts[0]] = parts[1]
    return rates, problems


@requires(VIEW_POLICY)
def policies(request):
    can_edit = request.user.has_perm(services.EDIT_POLICY)
    granted = list(companies_for(request.user))
    form = import_form = None
    if can_edit:
        initial = {}
        code, segment = request.GET.get("company"), request.GET.get("segment", "")
        if code:
            current = ProvisionPolicy.objects.filter(company__code=code, company__in=granted, segment=segment).first()
            if current is not None:
                initial = {
                    "company": code,
                    "segment": segment,
                    "method": current.method,
                    "bucket_set": current.bucket_set.code if current.bucket_set_id else None,
                    "rates": _rates_text(current),
                    "balance_rate": current.balance_rate,
                    "rate_source": current.rate_source,
                    "lookback_months": current.lookback_months,
                    "forward_factor": current.forward_factor,
                    "loss_account": current.loss_account,
                    "allowance_account": current.allowance_account,
                    "receivable_account": current.receivable_account,
                    "bank_account": current.bank_account,
                    "single_approval_limit": current.single_approval_limit / Decimal(100),
                }
        form = forms.PolicyForm(request.POST or None, user=request.user, initial=initial)
        import_form = forms.ImportForm(user=request.user)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            rates, problems = _parse_rates(data["rates"])
            for problem in problems:
                form.add_error("rates", problem)
            if not problems:
                try:
                    services.policy_save(
                        by=request.user,
                        company=visible_company(request.user, data["company"], VIEW_POLICY),
                        segment=data["segment"],
                        method=data["method"],
                        bucket_set=data["bucket_set"],
                        rates=rates,
                        balance_rate=data["balance_rate"] or 0,
                        rate_source=data["rate_source"],
                        lookback_months=data["lookback_months"],
                        forward_factor=data["forward_factor"],
                        accounts={k: data[k] for k in services.ACCOUNT_FIELDS},
                        single_approval_limit=data["single_approval_limit"],
                    )
                except ApplicationError as exc:
                    _fail(request, form, exc)
                else:
                    messages.success(request, _("Policy saved."))
                    return redirect("provisioning:policies")
    found = (
        ProvisionPolicy.objects.filter(company__in=granted)
        .select_related("company", "bucket_set")
        .prefetch_related("rates")
    )
    return render(
        request,
        "provisioning/policies.html",
        {
            "policies": found,
            "form": form,
            "import_form": import_form,
            "derive_form": forms.DeriveForm(initial={"as_of": clock.today()}),
            "companies": granted,
        },
    )


@requires(VIEW_POLICY)
def policy_export(request, code: str):
    company = exported_company(request.user, code, VIEW_POLICY)
    data = json.dumps(services.policies_export(company=company), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="provision-policy-{company.code}.json"'
    return response


@require_POST
@requires(services.EDIT_POLICY)
def policy_import(request):
    form = forms.ImportForm(request.POST, request.FILES, user=request.user)
    if form.is_valid():
        try:
            data = json.loads(form.cleaned_data["file"].read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            messages.error(request, _("The file is not JSON."))
            return redirect("provisioning:policies")
        try:
            saved = services.policies_import(
                by=request.user, company=visible_company(request.user, form.cleaned_data["company"]), data=data
            )
        except InvalidInput as exc:
            for field, problems in exc.errors.items():
                messages.error(request, f"{field}: {' '.join(problems)}")
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("%(n)s policies imported.") % {"n": len(saved)})
    else:
        messages.error(request, _("Choose the company and the file."))
    return redirect("provisioning:policies")


@require_POST
@requires(services.EDIT_POLICY)
def policy_derive(request, pk: int):
    policy = visible(request.user, ProvisionPolicy.objects.all(), pk, VIEW_POLICY, _("Policy"))
    form = forms.DeriveForm(request.POST)
    if form.is_valid():
        try:
            services.policy_derive(by=request.user, policy=policy, as_of=form.cleaned_data["as_of"])
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Loss rates derived from the company's history."))
            return redirect("provisioning:derivation", pk=pk)
    return redirect("provisioning:policies")


@requires(VIEW_POLICY)
def derivation(request, pk: int):
    policy = visible(request.user, ProvisionPolicy.objects.select_related("company"), pk, VIEW_POLICY, _("Policy"))
    export = request.GET.get("export")
    if policy.derivation and export in ("xlsx", "pdf"):
        return exports.download(exports.render(output.derivation_table(policy), export), export, f"loss-rates-{pk}")
    table = output.derivation_table(policy) if policy.derivation else None
    return render(request, "provisioning/derivation.html", {"policy": policy, "table": table})


@requires("provisioning.view_specificprovision")
def specific(request):
    form = None
    if request.user.has_perm(services.EDIT_SPECIFIC):
        form = forms.SpecificForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                company = visible_company(request.user, data["company"], "provisioning.view_specificprovision")
                customer = _customer(company, data["customer"])
                services.specific_provision_create(
                    by=request.user,
                    customer=customer,
                    document=_document(customer, data["document"]),
                    rate=data["rate"],
                    amount=data["amount"],
                    reason=data["reason"],
                )
            except ApplicationError as exc:
                _fail(request, form, exc)
            else:
                messages.success(request, _("Specific provision recorded."))
                return redirect("provisioning:specific")
    found = SpecificProvision.objects.filter(company_id__in=company_ids_for(request.user)).select_related(
        "company", "customer", "document"
    )
    return render(request, "provisioning/specific.html", {"form": form, "page": page_of(request, found, 50)})


@require_POST
@requires(services.EDIT_SPECIFIC)
def specific_end(request, pk: int):
    provision = visible(
        request.user,
        SpecificProvision.objects.all(),
        pk,
        "provisioning.view_specificprovision",
        _("Specific provision"),
    )
    services.specific_provision_end(by=request.user, provision=provision)
    messages.success(request, _("Specific provision ended."))
    return redirect("provisioning:specific")


def _customer(company, code: str) -> Customer:
    customer = Customer.objects.filter(company=company, code=code.strip()).select_related("company").first()
    if customer is None:
        raise InvalidInput(
            {"customer": [_("No customer %(code)s in %(company)s.") % {"code": code, "company": company.code}]}
        )
    return customer


def _document(customer: Customer, number: str) -> Document | None:
    if not (number or "").strip():
        return None
    document = Document.objects.filter(customer=customer, number=number.strip(), amount__gt=0).first()
    if document is None:
        raise InvalidInput(
            {
                "document": [
                    _("Customer %(code)s has no document %(number)s.") % {"code": customer.code, "number": number}
                ]
            }
        )
    return document


@requires(VIEW_WRITE_OFF)
def write_offs(request):
    form = None
    if request.user.has_perm(services.REQUEST_WRITE_OFF):
        form = forms.WriteOffForm(request.POST or None, user=request.user, initial={"on": clock.today()})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                company = visible_company(request.user, data["company"], VIEW_WRITE_OFF)
                customer = _customer(company, data["customer"])
                write_off = services.write_off_request(
                    by=request.user,
                    customer=customer,
                    document=_document(customer, data["document"]),
                    on=data["on"],
                    reason=data["reason"],
                )
            except ApplicationError as exc:
                _fail(request, form, exc)
            else:
                messages.success(request, _("Write-off %(n)s requested.") % {"n": write_off.number})
                return redirect("provisioning:write_off", pk=write_off.pk)
    found = WriteOff.objects.filter(company_id__in=company_ids_for(request.user)).select_related("company", "customer")
    return render(request, "provisioning/write_offs.html", {"form": form, "page": page_of(request, found, 50)})


@requires(VIEW_WRITE_OFF)
def write_off_detail(request, pk: int):
    write_off = visible(
        request.user,
        WriteOff.objects.select_related("company", "customer", "document", "requested_by"),
        pk,
        VIEW_WRITE_OFF,
        _("Write-off"),
    )
    recovery_form = None
    if write_off.status == WriteOffStatus.APPROVED and request.user.has_perm(services.RECORD_RECOVERY):
        recovery_form = forms.RecoveryForm(request.POST or None, initial={"on": clock.today()})
        if request.method == "POST" and recovery_form.is_valid():
            data = recovery_form.cleaned_data
            receipt = None
            if data["existing"]:
                receipt = Document.objects.filter(
                    customer_id=write_off.customer_id, doc_type="receipt", number=data["receipt_number"].strip()
                ).first()
            try:
                if data["existing"] and receipt is None:
                    raise InvalidInput(
                        {"receipt_number": [_("No receipt %(n)s of this customer.") % {"n": data["receipt_number"]}]}
                    )
                services.recovery_record(
                    by=request.user,
                    write_off=write_off,
                    on=data["on"],
                    amount=data["amount"],
                    receipt=receipt,
                    receipt_number="" if receipt else data["receipt_number"],
                )
            except ApplicationError as exc:
                _fail(request, recovery_form, exc)
            else:
                messages.success(request, _("Recovery recorded."))
                return redirect("provisioning:write_off", pk=pk)
    approvers = [a.approved_by_id for a in write_off.approvals.all()]
    can_approve = (
        write_off.status == WriteOffStatus.REQUESTED
        and request.user.has_perm(services.APPROVE_WRITE_OFF)
        and request.user.pk != write_off.requested_by_id
        and request.user.pk not in approvers
    )
    return render(
        request,
        "provisioning/write_off.html",
        {
            "write_off": write_off,
            "items": write_off.items.select_related("line__document"),
            "approvals": write_off.approvals.select_related("approved_by"),
            "recoveries": write_off.recoveries.select_related("reinstatement", "receipt"),
            "entries": JournalEntry.objects.filter(Q(write_off=write_off) | Q(recovery__write_off=write_off))
            .prefetch_related("lines")
            .order_by("on", "id"),
            "can_approve": can_approve,
            "recovery_form": recovery_form,
            "reject_form": forms.RejectForm() if can_approve else None,
        },
    )


@require_POST
@requires(services.APPROVE_WRITE_OFF)
def write_off_decide(request, pk: int, decision: str):
    if decision not in ("approve", "reject"):
        raise Http404
    write_off = visible(request.user, WriteOff.objects.all(), pk, VIEW_WRITE_OFF, _("Write-off"))
    try:
        if decision == "approve":
            services.write_off_approve(by=request.user, write_off=write_off)
            messages.success(request, _("Approval recorded."))
        else:
            services.write_off_reject(by=request.user, write_off=write_off, reason=request.POST.get("reason", ""))
            messages.success(request, _("Write-off rejected."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("provisioning:write_off", pk=pk)


@requires(VIEW_RUNS)
def roll_forward(request):
    form = forms.PeriodForm(request.GET or None, user=request.user, initial={"year": clock.today().year})
    rows, company = [], None
    if form.is_valid():
        company = visible_company(request.user, form.cleaned_data["company"])
        year = form.cleaned_data["year"]
        periods = calendar.month_periods(dt.date(year, 1, 1), dt.date(year, 12, 31))
        rows = output.roll_forward_rows(company.pk, periods)
        rows.append(
            (str(year), selectors.roll_forward(company_id=company.pk, date_from=periods[0][0], date_to=periods[-1][1]))
        )
        export = request.GET.get("export")
        if export in ("xlsx", "pdf", "csv"):
            return exports.download(
                exports.render(output.roll_forward_table(company, rows), export),
                export,
                f"allowance-roll-forward-{company.code}-{year}",
            )
    labels = output.roll_forward_labels()
    query = request.GET.copy()
    query.pop("export", None)
    return render(
        request,
        "provisioning/roll_forward.html",
        {
            "form": form,
            "company": company,
            "headers": [labels[k] for k in output.ROLL_FORWARD_KEYS],
            "rows": [(period, [figures[k] for k in output.ROLL_FORWARD_KEYS]) for period, figures in rows],
            "query": query.urlencode(),
        },
    )


@requires(VIEW_JOURNAL)
def journals(request):
    form = forms.JournalFilterForm(request.GET or None, user=request.user)
    company_ids = company_ids_for(request.user)
    date_from = date_to = None
    if form.is_valid():
        company_ids = [visible_company(request.user, form.cleaned_data["company"], VIEW_JOURNAL).pk]
        date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    entries = output.journal_entries(company_ids, date_from, date_to)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        table = output.journal_table(entries)
        data = exports.to_csv(table) if export == "csv" else output.journal_xlsx(table)
        return exports.download(data, export, f"bad-debt-journal-{clock.today().isoformat()}")
    query = request.GET.copy()
    query.pop("export", None)
    query.pop("page", None)
    return render(
        request,
        "provisioning/journals.html",
        {
            "form": form,
            "page": page_of(request, entries.order_by("-on", "-id"), 50),
            "query": query.urlencode(),
            "columns": [(name, output.JOURNAL_COLUMN_MEANINGS[name]) for name in output.JOURNAL_HEADERS],
        },
    )
