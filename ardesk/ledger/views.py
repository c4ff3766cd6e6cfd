"""Ledger screens: the customer's ledger panel, documents, allocation, imports, terms and rates."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core import clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.jobs import get_progress
from ardesk.core.money import from_minor, grouped
from ardesk.core.web import add_errors, is_htmx, page_of, requires
from ardesk.customers import selectors as customer_selectors
from ardesk.ledger import selectors, services
from ardesk.ledger.api import visible_document
from ardesk.ledger.forms import (
    AllocationForm,
    CustomerPickForm,
    DocumentFilterForm,
    DocumentForm,
    ImportForm,
    RateForm,
    RefundForm,
    ReverseForm,
    TermForm,
)
from ardesk.ledger.imports.formats import KIND_LABELS, KINDS, labelled_problems
from ardesk.ledger.models import Allocation, Document, DueLine, ExchangeRate, ImportJob, PaymentTerm


@requires("ledger.view_document")
def customer_panel(request, pk: int):
    """The ledger part of the customer's page: balances, open items, credits, documents, allocations."""
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    today = clock.today()
    lines = list(
        selectors.open_lines(as_of=today, customer_ids=[customer.pk])
        .select_related("document")
        .order_by("due_on", "id")
    )
    open_items = [
        {"line": line, "open": from_minor(line.open_amount, line.currency), "days": (today - line.due_on).days}
        for line in lines
    ]
    credits = [
        {"document": c, "unapplied": from_minor(c.unapplied, c.currency)}
        for c in selectors.open_credits(as_of=today, customer_ids=[customer.pk])
    ]
    documents = Document.objects.filter(customer=customer).select_related("reversal_of")[:20]
    allocations = Allocation.objects.filter(customer=customer).select_related("source", "line__document")[:20]
    overdue = sum((item["open"] for item in open_items if item["days"] > 0), start=0)
    return render(
        request,
        "ledger/partials/customer_panel.html",
        {
            "customer": customer,
            "balances": selectors.customer_balances(customer_id=customer.pk, as_of=today),
            "open_items": open_items,
            "credits": credits,
            "documents": documents,
            "allocations": allocations,
            "overdue_count": sum(1 for item in open_items if item["days"] > 0),
            "overdue": overdue,
            "today": today,
            "statement_url": reverse("statements:statement", args=[customer.pk]),
            "payment_term": getattr(getattr(customer, "terms", None), "payment_term", None),
            "terms": PaymentTerm.objects.filter(is_active=True),
        },
    )


@require_POST
@requires("ledger.change_paymentterm")
def customer_terms(request, pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    code = request.POST.get("payment_term", "")
    term = PaymentTerm.objects.filter(code=code, is_active=True).first() if code else None
    if code and term is None:
        messages.error(request, _("Unknown payment term %(code)s.") % {"code": code})
    else:
        services.customer_terms_set(by=request.user, customer=customer, payment_term=term)
        messages.success(request, _("The default payment term was saved."))
    return redirect(f"{reverse('customers:detail', args=[pk])}#ledger")


@requires("ledger.view_document")
def document_list(request):
    form = DocumentFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    company_ids = (
        [filters["company"]]
        if filters.get("company") in company_ids_for(request.user)
        else company_ids_for(request.user)
    )
    documents = selectors.documents_for(company_ids=company_ids, filters=filters)
    export = request.GET.get("export")
    if export == "csv":
        return _export_csv(documents)
    if export == "xlsx":
        return _export_xlsx(documents)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ledger/document_list.html",
        {
            "form": form,
            "page": page_of(request, documents, settings.ARDESK_LIST_PAGE_SIZE),
            "query": query.urlencode(),
        },
    )


EXPORT_HEADERS = [
    "company",
    "customer",
    "customer_name",
    "type",
    "number",
    "external_ref",
    "date",
    "due_date",
    "currency",
    "amount",
    "rate",
    "functional_amount",
    "reference",
    "reversal_of",
]


def _export_rows(documents):
    for d in documents.select_related("reversal_of").iterator(chunk_size=2000):
        yield [
            d.company.code,
            d.customer.code,
            d.customer.name,
            d.doc_type,
            d.number,
            d.external_ref,
            d.issue_on,
            d.due_on,
            d.currency,
            from_minor(d.amount, d.currency),
            d.rate,
            from_minor(d.functional_amount, d.company.functional_currency),
            d.reference,
            d.reversal_of.number if d.reversal_of_id else "",
        ]


def _export_csv(documents):
    return exports.csv_download([EXPORT_HEADERS, *_export_rows(documents)], "documents")


def _export_xlsx(documents):
    data = exports.data_xlsx(EXPORT_HEADERS, _export_rows(documents), sheet_title="documents")
    return exports.download(data, "xlsx", "documents")


@requires("ledger.add_document")
def document_create(request, pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    initial = {"issue_on": clock.today(), "currency": customer.currency, "doc_type": request.GET.get("type", "invoice")}
    form = DocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        auto = data.pop("auto_allocate")
        try:
            document = services.document_post(
                by=request.user, company=customer.company, customer=customer, auto_allocate=auto, **data
            )
        except InvalidInput as exc:
            add_errors(form, exc)
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("%(document)s was posted.") % {"document": document})
            return redirect("ledger:document", pk=document.pk)
    return render(request, "ledger/document_form.html", {"form": form, "customer": customer})


PICK_LIMIT = 20


@requires("ledger.add_document")
def document_new(request):
    """A new document from the ledger menu: find the customer, then post on that customer's document form."""
    form = CustomerPickForm(request.GET or None)
    customers, more = None, False
    if form.is_valid() and form.cleaned_data["q"]:
        # Only the customers of the user's companies: the customer list's own search and access rule.
        found = customer_selectors.customer_list(
            user=request.user, filters=customer_selectors.CustomerFilters(q=form.cleaned_data["q"])
        )
        customers = list(found[: PICK_LIMIT + 1])
        customers, more = customers[:PICK_LIMIT], len(customers) > PICK_LIMIT
    return render(
        request,
        "ledger/document_new.html",
        {"form": form, "customers": customers, "more": more, "limit": PICK_LIMIT},
    )


@requires("ledger.view_document")
def document_detail(request, pk: int):
    document = visible_document(request.user, pk)
    today = clock.today()
    allocations = (
        Allocation.objects.filter(Q(source=document) | Q(line__document=document))
        .select_related("source", "line__document")
        .annotate(is_reversed=Exists(Allocation.objects.filter(reverses=OuterRef("pk"))))
        .order_by("allocated_on", "id")
    )
    lines = []
    for line in document.lines.all():
        open_line = selectors.open_lines(as_of=today, customer_ids=[document.customer_id]).filter(pk=line.pk).first()
        lines.append({"line": line, "open": from_minor(open_line.open_amount if open_line else 0, line.currency)})
    allocation_form = None
    unapplied = None
    if document.amount < 0 and document.reversal_of_id is None:
        credit = selectors.open_credits(as_of=today, customer_ids=[document.customer_id]).filter(pk=document.pk).first()
        unapplied = from_minor(credit.unapplied, document.currency) if credit else 0
        choices = [
            (
                line.pk,
                f"{line.document.number} #{line.seq} · {line.due_on} · "
                f"{grouped(from_minor(line.open_amount, line.currency), line.currency)} {line.currency}",
            )
            for line in selectors.open_lines(as_of=today, customer_ids=[document.customer_id])
            .filter(currency=document.currency)
            .select_related("document")
            .order_by("due_on", "id")
        ]
        allocation_form = AllocationForm(initial={"on": today, "amount": unapplied})
        allocation_form.fields["line"].choices = choices
    return render(
        request,
        "ledger/document_detail.html",
        {
            "document": document,
            "lines": lines,
            "allocations": allocations,
            "allocation_form": allocation_form,
            "unapplied": unapplied,
            "reverse_form": ReverseForm(initial={"on": today}),
            "refund_form": RefundForm(initial={"on": today, "amount": unapplied}) if unapplied else None,
            "is_reversed": Document.objects.filter(reversal_of=document).first(),
            "amount": from_minor(document.amount, document.currency),
            "functional": from_minor(document.functional_amount, document.company.functional_currency),
        },
    )


@require_POST
@requires("ledger.add_allocation")
def allocate(request, pk: int):
    document = visible_document(request.user, pk)
    form = AllocationForm(request.POST)
    line_id = request.POST.get("line", "")
    form.fields["line"].choices = [(int(line_id), "")] if line_id.isdigit() and int(line_id) <= 2**63 - 1 else []
    if form.is_valid():
        line = get_object_or_404(DueLine, pk=form.cleaned_data["line"], company_id=document.company_id)
        try:
            services.allocation_create(
                by=request.user,
                source=document,
                line=line,
                amount=form.cleaned_data["amount"],
                on=form.cleaned_data["on"],
            )
            messages.success(request, _("The allocation was recorded."))
        except ApplicationError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Choose an invoice, an amount and a date."))
    return redirect("ledger:document", pk=pk)


@require_POST
@requires("ledger.add_allocation")
def allocate_auto(request, pk: int):
    document = visible_document(request.user, pk)
    try:
        made = services.allocation_auto(by=request.user, source=document, on=clock.today())
        messages.success(request, _("%(count)d allocations were made.") % {"count": len(made)})
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("ledger:document", pk=pk)


@require_POST
@requires("ledger.add_allocation")
def allocation_reverse(request, pk: int):
    allocation = get_object_or_404(Allocation, pk=pk, company_id__in=company_ids_for(request.user))
    try:
        services.allocation_reverse(by=request.user, allocation=allocation, on=clock.today())
        messages.success(request, _("The allocation was reversed."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(request.POST.get("next") or "ledger:documents")


@require_POST
@requires("ledger.refund_credit")
def credit_refund(request, pk: int):
    """Pay back all or part of what is unallocated on a receipt or credit note."""
    document = visible_document(request.user, pk)
    form = RefundForm(request.POST)
    if form.is_valid():
        try:
            refund = services.credit_refund(by=request.user, credit=document, **form.cleaned_data)
            messages.success(request, _("%(refund)s was recorded.") % {"refund": refund})
        except ApplicationError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Give the amount to refund and the date it was paid."))
    return redirect("ledger:document", pk=pk)


@require_POST
@requires("ledger.add_document")
def document_reverse(request, pk: int):
    document = visible_document(request.user, pk)
    form = ReverseForm(request.POST)
    if form.is_valid():
        try:
            reversal = services.document_reverse(by=request.user, document=document, **form.cleaned_data)
            messages.success(request, _("%(document)s was reversed.") % {"document": document})
            return redirect("ledger:document", pk=reversal.pk)
        except ApplicationError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Give the reversal date and a reason."))
    return redirect("ledger:document", pk=pk)


@requires("ledger.add_importbatch")
def import_upload(request):
    """Upload a file; it is checked in the background and nothing is written until confirmed."""
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        company = companies_for(request.user).get(pk=form.cleaned_data["company"])
        job = services.import_job_start(
            by=request.user, company=company, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
        )
        return redirect("ledger:import_job", pk=job.pk)
    jobs = ImportJob.objects.filter(company_id__in=company_ids_for(request.user)).select_related("company")[:10]
    return render(
        request,
        "ledger/import_upload.html",
        {"form": form, "kinds": [(KIND_LABELS[kind], columns) for kind, columns in KINDS.items()], "jobs": jobs},
    )


@requires("ledger.add_importbatch")
def import_job(request, pk: int):
    """The state of an import: progress while it runs, then the problems or the confirm button, then the result."""
    job = get_object_or_404(ImportJob, pk=pk, company_id__in=company_ids_for(request.user))
    context = {
        "job": job,
        "report": job.report,
        "problems": labelled_problems((job.report or {}).get("problems", [])),
        "progress": get_progress("import", job.pk),
    }
    if is_htmx(request):
        return render(request, "ledger/partials/import_job.html", context)
    return render(request, "ledger/import_job.html", context)


@require_POST
@requires("ledger.add_importbatch")
def import_confirm(request, pk: int):
    job = get_object_or_404(ImportJob, pk=pk, company_id__in=company_ids_for(request.user))
    try:
        services.import_job_confirm(by=request.user, job=job)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("ledger:import_job", pk=job.pk)


@requires("ledger.view_paymentterm")
def terms(request):
    form = TermForm(request.POST or None)
    if request.method == "POST" and request.user.has_perm("ledger.add_paymentterm") and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            data["instalments"] = [
                {"percent": part.split(":")[0].strip(), "days": part.split(":")[1].strip()}
                for part in data["instalments"].split(",")
                if part.strip()
            ]
            services.payment_term_create(by=request.user, **data)
        except (IndexError, ValueError):
            form.add_error("instalments", _("Write instalments as percent:days pairs, e.g. 30:30, 70:60."))
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The payment term was created."))
            return redirect("ledger:terms")
    return render(
        request,
        "ledger/terms.html",
        {
            "terms": PaymentTerm.objects.prefetch_related("instalments"),
            "form": form,
            "can_add": request.user.has_perm("ledger.add_paymentterm"),
        },
    )


@requires("ledger.view_exchangerate")
def rates(request):
    form = RateForm(request.POST or None, initial={"rate_on": clock.today()})
    if request.method == "POST" and request.user.has_perm("ledger.add_exchangerate") and form.is_valid():
        try:
            services.exchange_rate_set(by=request.user, **form.cleaned_data)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The rate was saved."))
            return redirect("ledger:rates")
    return render(
        request,
        "ledger/rates.html",
        {
            "page": page_of(request, ExchangeRate.objects.all(), 50),
            "form": form,
            "can_add": request.user.has_perm("ledger.add_exchangerate"),
        },
    )
