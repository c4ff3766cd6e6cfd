"""Customer screens: list, review list, 360° page, create and edit, contacts, attachments."""

from __future__ import annotations

from dataclasses import asdict

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.web import add_errors, is_htmx, page_of, requires
from ardesk.customers import list_figures, selectors, services
from ardesk.customers.forms import AttachmentForm, ContactForm, CustomerFilterForm, CustomerForm, StatusForm
from ardesk.customers.models import Contact, Customer, CustomerAttachment
from ardesk.customers.panels import panels_for


@requires("customers.view_customer")
def customer_list(request):
    form = CustomerFilterForm(request.GET or None, user=request.user)
    filters = selectors.CustomerFilters()
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        filters = selectors.CustomerFilters(**data)
    page = page_of(request, selectors.customer_list(user=request.user, filters=filters), settings.ARDESK_LIST_PAGE_SIZE)
    ids = [customer.pk for customer in page]
    # The page's figures come in a few grouped queries, whatever the page size (no query per row),
    # from the contexts that own them (the ledger's balance and overdue, credit's limit and grade).
    extra = list_figures.figures_for(ids)
    figures, credit = extra.get("ledger", {}), extra.get("credit", {})
    none = {"balance": 0, "overdue": 0}
    rows = [(customer, figures.get(customer.pk, none), credit.get(customer.pk, {})) for customer in page]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "sort": filters.sort,
        "query": query.urlencode(),
        "filters": asdict(filters),
        "sortable": ["code", "name", "status", "next_review_on"],
    }
    template = "customers/partials/customer_table.html" if is_htmx(request) else "customers/customer_list.html"
    return render(request, template, context)


@requires("customers.view_customer")
def review_due(request):
    today = clock.today()
    within = request.GET.get("within", "30")
    within = min(int(within), 3660) if within.isdigit() else 30  # at most ten years ahead
    customers = selectors.customers_due_for_review(user=request.user, as_of=today, within_days=within)
    return render(
        request,
        "customers/review_due.html",
        {
            "page": page_of(request, customers, settings.ARDESK_LIST_PAGE_SIZE),
            "today": today,
            "within": within,
            "review_query": f"within={within}",
        },
    )


@requires("customers.view_customer")
def customer_detail(request, pk: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    user = request.user
    contacts = (
        [
            {
                "contact": c,
                "id_number": selectors.shown_secret(user, c.id_number),
                "bank_account": selectors.shown_secret(user, c.bank_account),
            }
            for c in customer.contacts.all()
        ]
        if user.has_perm("customers.view_contact")
        else []
    )
    return render(
        request,
        "customers/customer_detail.html",
        {
            "customer": customer,
            "capital": selectors.registered_capital_amount(customer),
            "bank_account": selectors.shown_secret(user, customer.bank_account),
            "contacts": contacts,
            "attachments": customer.attachments.select_related("uploaded_by")
            if user.has_perm("customers.view_customerattachment")
            else [],
            "history": selectors.customer_history(customer=customer).select_related("actor")[:200],
            "status_changes": customer.status_changes.select_related("changed_by")[:20],
            "group_members": selectors.group_members(customer),
            "panels": panels_for(user, customer.pk),
            "status_form": StatusForm(initial={"status": customer.status}),
            "attachment_form": AttachmentForm(),
            "today": clock.today(),
        },
    )


def _customer_data(form: CustomerForm, company_id: int) -> dict:
    data = dict(form.cleaned_data)
    data.pop("company", None)
    parent_code = data.pop("parent_code", "").strip()
    data["parent"] = None
    if parent_code:
        parent = Customer.objects.filter(company_id=company_id, code=parent_code).values_list("pk", flat=True).first()
        if parent is None:
            raise InvalidInput(
                {"parent_code": [_("No customer with code %(code)s in this company.") % {"code": parent_code}]}
            )
        data["parent"] = parent
    return data


@requires("customers.add_customer")
def customer_create(request):
    form = CustomerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            company_id = form.cleaned_data["company"]
            customer = services.customer_create(by=request.user, company=company_id, **_customer_data(form, company_id))
        except InvalidInput as exc:
            add_errors(form, exc, {"parent": "parent_code"})
        else:
            messages.success(request, _("Customer %(customer)s was created.") % {"customer": customer})
            return redirect("customers:detail", pk=customer.pk)
    return render(request, "customers/customer_form.html", {"form": form, "creating": True})


@requires("customers.change_customer")
def customer_edit(request, pk: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    initial = {
        "company": customer.company_id,
        "code": customer.code,
        "name": customer.name,
        "uscc": customer.uscc,
        "legal_representative": customer.legal_representative,
        "registered_capital": selectors.registered_capital_amount(customer),
        "registered_capital_currency": customer.registered_capital_currency,
        "founded_on": customer.founded_on,
        "industry": customer.industry,
        "region": customer.region,
        "address": customer.address,
        "business_scope": customer.business_scope,
        "parent_code": customer.parent.code if customer.parent else "",
        "collector": customer.collector_id,
        "analyst": customer.analyst_id,
        "currency": customer.currency,
        "next_review_on": customer.next_review_on,
        "bank_name": customer.bank_name,
        "notes": customer.notes,
        "bank_account": customer.bank_account if request.user.has_perm("customers.view_sensitive") else "",
    }
    form = CustomerForm(request.POST or None, user=request.user, editing=True, initial=initial)
    can_see_secret = request.user.has_perm("customers.view_sensitive")
    if request.method == "POST" and form.is_valid():
        data = _customer_data_or_errors(form, customer.company_id)
        if data is not None:
            if not can_see_secret and not data.get("bank_account"):
                data.pop("bank_account", None)  # a masked field left empty keeps its stored value
            try:
                services.customer_update(by=request.user, customer=customer, **data)
            except InvalidInput as exc:
                add_errors(form, exc, {"parent": "parent_code"})
            else:
                messages.success(request, _("Customer %(customer)s was saved.") % {"customer": customer})
                return redirect("customers:detail", pk=customer.pk)
    return render(
        request,
        "customers/customer_form.html",
        {
            "form": form,
            "customer": customer,
            "creating": False,
            "masked_bank_account": None
            if can_see_secret
            else selectors.shown_secret(request.user, customer.bank_account),
        },
    )


def _customer_data_or_errors(form: CustomerForm, company_id: int) -> dict | None:
    try:
        return _customer_data(form, company_id)
    except InvalidInput as exc:
        add_errors(form, exc)
        return None


@require_POST
@requires("customers.change_customer")
def customer_status(request, pk: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.customer_status_change(by=request.user, customer=customer, **form.cleaned_data)
            messages.success(request, _("The status was changed."))
        except InvalidInput as exc:
            messages.error(request, exc.message.split(": ", 1)[-1])
    return redirect("customers:detail", pk=pk)


@requires("customers.add_contact")
def contact_create(request, pk: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    form = ContactForm(request.POST or None, initial={"preferred_language": "zh-hans"})
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_create(by=request.user, customer=customer, **form.cleaned_data)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The contact was added."))
            return redirect("customers:detail", pk=pk)
    return render(request, "customers/contact_form.html", {"form": form, "customer": customer})


@requires("customers.change_contact")
def contact_edit(request, pk: int, contact_id: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    contact = get_object_or_404(Contact, customer=customer, pk=contact_id)
    sensitive = request.user.has_perm("customers.view_sensitive")
    initial = {f: getattr(contact, f) for f in services.CONTACT_FIELDS}
    if not sensitive:
        initial.update(id_number="", bank_account="")
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not sensitive:
            for field in services.CONTACT_SECRET_FIELDS:
                if not data.get(field):
                    data.pop(field)  # left empty by a user who only sees it masked: keep the stored value
        try:
            services.contact_update(by=request.user, contact=contact, **data)
        except InvalidInput as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The contact was saved."))
            return redirect("customers:detail", pk=pk)
    return render(
        request,
        "customers/contact_form.html",
        {
            "form": form,
            "customer": customer,
            "contact": contact,
            "sensitive": sensitive,
            "masked": {
                f: selectors.shown_secret(request.user, getattr(contact, f)) for f in services.CONTACT_SECRET_FIELDS
            },
        },
    )


@require_POST
@requires("customers.delete_contact")
def contact_delete(request, pk: int, contact_id: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    contact = get_object_or_404(Contact, customer=customer, pk=contact_id)
    services.contact_delete(by=request.user, contact=contact)
    messages.success(request, _("The contact was removed."))
    return redirect("customers:detail", pk=pk)


@require_POST
@requires("customers.add_customerattachment")
def attachment_upload(request, pk: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                by=request.user, customer=customer, upload=form.cleaned_data["file"], kind=form.cleaned_data["kind"]
            )
            messages.success(request, _("The file was attached."))
        except InvalidInput as exc:
            messages.error(request, exc.message.split(": ", 1)[-1])
    else:
        messages.error(request, _("Choose a file to attach."))
    return redirect(f"{customer_url(pk)}#attachments")


def customer_url(pk: int) -> str:
    return reverse("customers:detail", args=[pk])


@requires("customers.view_customerattachment")
def attachment_download(request, pk: int, attachment_id: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    attachment = get_object_or_404(CustomerAttachment, customer=customer, pk=attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=request.GET.get("inline") != "1",
        filename=attachment.original_name,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@requires("customers.delete_customerattachment")
def attachment_delete(request, pk: int, attachment_id: int):
    customer = selectors.customer_detail(user=request.user, pk=pk)
    attachment = get_object_or_404(CustomerAttachment, customer=customer, pk=attachment_id)
    services.attachment_delete(by=request.user, attachment=attachment)
    messages.success(request, _("The attachment was removed."))
    return redirect(f"{customer_url(pk)}#attachments")
