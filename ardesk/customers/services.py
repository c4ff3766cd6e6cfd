"""Changing customers, their contacts and attachments: validated, audited, all-or-nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from ardesk.audit.services import record, snapshot
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core.crypto import blind_index
from ardesk.core.errors import Conflict, InvalidInput
from ardesk.core.money import CurrencyError, currency_decimals, to_minor
from ardesk.customers import domain
from ardesk.customers.models import (
    Contact,
    Customer,
    CustomerAttachment,
    CustomerStatus,
    CustomerStatusChange,
)

User = get_user_model()

CUSTOMER_FIELDS = (
    "code",
    "name",
    "uscc",
    "registered_capital",
    "registered_capital_currency",
    "founded_on",
    "business_scope",
    "legal_representative",
    "industry",
    "region",
    "address",
    "parent",
    "collector",
    "analyst",
    "currency",
    "next_review_on",
    "bank_name",
    "bank_account",
    "notes",
)
CUSTOMER_SECRET_FIELDS = ("bank_account",)
CONTACT_FIELDS = (
    "name",
    "role",
    "title",
    "phone",
    "email",
    "preferred_language",
    "preferred_channel",
    "id_number",
    "bank_account",
    "is_primary",
    "notes",
)
CONTACT_SECRET_FIELDS = ("id_number", "bank_account")
AUDITED_CUSTOMER_FIELDS = tuple(
    {"parent": "parent_id", "collector": "collector_id", "analyst": "analyst_id"}.get(f, f) for f in CUSTOMER_FIELDS
) + ("company_id", "status")

# What an attachment may be: the first bytes decide, not the file name the browser sends.
ATTACHMENT_SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def _customer_snapshot(customer: Customer) -> dict:
    return snapshot(customer, AUDITED_CUSTOMER_FIELDS, secret=CUSTOMER_SECRET_FIELDS)


def _apply_customer_fields(customer: Customer, data: dict[str, Any], errors: dict[str, list[str]]) -> None:
    for field, value in data.items():
        if field not in CUSTOMER_FIELDS:
            errors.setdefault(field, []).append(_("This field is unknown."))
            continue
        if field == "registered_capital":
            continue
        if field in ("parent", "collector", "analyst"):
            setattr(customer, f"{field}_id", getattr(value, "pk", value))
            continue
        if isinstance(value, str):
            value = value.strip()
        setattr(customer, field, "" if value is None and field not in ("founded_on", "next_review_on") else value)
    if "uscc" in data:
        customer.uscc = domain.normalize_uscc(customer.uscc)
    for field in ("currency", "registered_capital_currency"):
        setattr(customer, field, (getattr(customer, field) or "CNY").upper())
        try:
            currency_decimals(getattr(customer, field))
        except CurrencyError:
            errors.setdefault(field, []).append(_("Use a three-letter ISO 4217 currency code such as CNY."))
    if "registered_capital" in data:
        amount = data["registered_capital"]
        if amount in (None, ""):
            customer.registered_capital = None
        else:
            try:
                amount = Decimal(str(amount))
                if amount < 0:
                    raise ValueError
                customer.registered_capital = to_minor(amount, customer.registered_capital_currency)
            except (ArithmeticError, ValueError, CurrencyError):
                errors.setdefault("registered_capital", []).append(
                    _("Enter a positive amount with at most %(places)d decimals.")
                    % {"places": _safe_decimals(customer.registered_capital_currency)}
                )


def _safe_decimals(currency: str) -> int:
    try:
        return currency_decimals(currency)
    except CurrencyError:
        return 2


def _validate_customer(customer: Customer, errors: dict[str, list[str]]) -> None:
    """Collect every problem with a customer's data, as a user would want them all at once."""
    problem = domain.customer_code_problem(customer.code)
    if problem:
        errors.setdefault("code", []).append(problem)
    elif Customer.objects.filter(company_id=customer.company_id, code=customer.code).exclude(pk=customer.pk).exists():
        existing = Customer.objects.filter(company_id=customer.company_id, code=customer.code).first()
        errors.setdefault("code", []).append(
            _("Customer code %(code)s is already used by %(existing)s.") % {"code": customer.code, "existing": existing}
        )
    if customer.uscc:
        problem = domain.uscc_problem(customer.uscc)
        if problem:
            errors.setdefault("uscc", []).append(problem)
        else:
            existing = (
                Customer.objects.filter(company_id=customer.company_id, uscc=customer.uscc)
                .exclude(pk=customer.pk)
                .first()
            )
            if existing is not None:
                errors.setdefault("uscc", []).append(
                    _("This credit code is already registered for customer %(existing)s.") % {"existing": existing}
                )
    if customer.parent_id:
        parent = Customer.objects.filter(pk=customer.parent_id).values("company_id").first()
        if parent is None or parent["company_id"] != customer.company_id:
            errors.setdefault("parent", []).append(_("The parent company must be a customer of the same company."))
        elif domain.would_create_cycle(customer.pk, _ancestor_ids(customer.parent_id)):
            errors.setdefault("parent", []).append(
                _("A customer cannot be its own parent or the parent of its parent.")
            )
    for field in ("collector", "analyst"):
        user_id = getattr(customer, f"{field}_id")
        if user_id and not User.objects.filter(pk=user_id, is_active=True).exists():
            errors.setdefault(field, []).append(_("Choose an active user."))
    try:
        customer.full_clean(
            exclude=["company", "parent", "collector", "analyst", "registered_capital"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)


def _ancestor_ids(customer_id: int) -> list[int]:
    chain, current = [], customer_id
    while current is not None and current not in chain and len(chain) < 50:
        chain.append(current)
        current = Customer.objects.filter(pk=current).values_list("parent_id", flat=True).first()
    return chain


def _save_customer(customer: Customer, errors: dict[str, list[str]]) -> None:
    if errors:
        raise InvalidInput(errors)
    customer.search_text = domain.search_key(customer.code, customer.name, customer.uscc)
    customer.bank_account_index = blind_index(customer.bank_account or "")
    try:
        with transaction.atomic():
            customer.save()
    except IntegrityError as exc:
        # Two users saving the same code at the same moment: the constraint decides, the message explains.
        raise InvalidInput(
            {"code": [_("This customer code or credit code was just registered by someone else.")]}
        ) from exc


@transaction.atomic
def customer_create(*, by, company: Company | int, **data: Any) -> Customer:
    """Register a customer for a company after validating every field."""
    company_id = getattr(company, "pk", company)
    ensure_permission(by, "customers.add_customer")
    ensure_company_access(by, company_id)
    customer = Customer(company_id=company_id)
    errors: dict[str, list[str]] = {}
    status = data.pop("status", None) or CustomerStatus.ACTIVE
    if status not in CustomerStatus.values:
        errors["status"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(CustomerStatus.values)}]
    customer.status = status
    _apply_customer_fields(customer, data, errors)
    _validate_customer(customer, errors)
    _save_customer(customer, errors)
    CustomerStatusChange.objects.create(customer=customer, from_status="", to_status=customer.status, changed_by=by)
    record(action="customer.create", actor=by, target=customer, after=_customer_snapshot(customer))
    return customer


@transaction.atomic
def customer_update(*, by, customer: Customer, **changes: Any) -> Customer:
    """Change a customer's data; the audit trail keeps each changed field before and after."""
    ensure_permission(by, "customers.change_customer")
    customer = Customer.objects.select_for_update().get(pk=customer.pk)
    ensure_company_access(by, customer.company_id)
    before = _customer_snapshot(customer)
    errors: dict[str, list[str]] = {}
    if "status" in changes:
        errors["status"] = [_("Change the status with its own action, which asks for a reason.")]
    _apply_customer_fields(customer, changes, errors)
    _validate_customer(customer, errors)
    _save_customer(customer, errors)
    after = _customer_snapshot(customer)
    changed = {k for k in after if after[k] != before[k]}
    if changed:
        record(
            action="customer.update",
            actor=by,
            target=customer,
            before={k: before[k] for k in sorted(changed)},
            after={k: after[k] for k in sorted(changed)},
        )
    return customer


@transaction.atomic
def customer_status_change(
    *, by, customer: Customer, status: str, reason: str = "", check_access: bool = True
) -> Customer:
    """Put a customer on credit hold, block, close or reactivate it, with a reason kept as its own row.

    ``check_access=False`` is for a context that checked its own permission first (collections'
    credit hold, a dunning level that holds credit).
    """
    if check_access:
        ensure_permission(by, "customers.change_customer")
    customer = Customer.objects.select_for_update().get(pk=customer.pk)
    if check_access:
        ensure_company_access(by, customer.company_id)
    if status not in CustomerStatus.values:
        raise InvalidInput(
            {"status": [_("Choose one of: %(choices)s.") % {"choices": ", ".join(CustomerStatus.values)}]}
        )
    if status != CustomerStatus.ACTIVE and not reason.strip():
        raise InvalidInput({"reason": [_("Give a reason for this status.")]})
    if status == customer.status:
        return customer
    previous = customer.status
    customer.status = status
    customer.save(update_fields=["status", "updated_at"])
    CustomerStatusChange.objects.create(
        customer=customer, from_status=previous, to_status=status, reason=reason.strip(), changed_by=by
    )
    record(
        action="customer.status",
        actor=by,
        target=customer,
        before={"status": previous},
        after={"status": status, "reason": reason.strip()},
    )
    return customer


@transaction.atomic
def customer_delete(*, by, customer: Customer) -> None:
    """Delete a customer entered by mistake; the audit trail keeps what it held."""
    ensure_permission(by, "customers.delete_customer")
    ensure_company_access(by, customer.company_id)
    if customer.subsidiaries.exists():
        raise InvalidInput({"customer": [_("This customer is the parent of other customers; reassign them first.")]})
    before = _customer_snapshot(customer)
    record(action="customer.delete", actor=by, target=customer, before=before)
    try:
        customer.delete()
    except ProtectedError as exc:
        # Posted documents are never deleted, so neither is their customer: it is closed instead.
        raise Conflict(
            _("Customer %(code)s has ledger documents or other records; close it instead of deleting it.")
            % {"code": customer.code}
        ) from exc


# Contacts are recorded in the audit trail under their customer, so the customer's history is complete.


def _contact_snapshot(contact: Contact) -> dict:
    return snapshot(contact, CONTACT_FIELDS, secret=CONTACT_SECRET_FIELDS)


def _save_contact(contact: Contact, data: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    for field, value in data.items():
        if field not in CONTACT_FIELDS:
            errors.setdefault(field, []).append(_("This field is unknown."))
            continue
        setattr(contact, field, value.strip() if isinstance(value, str) else ("" if value is None else value))
    if not (contact.phone or contact.email):
        errors.setdefault("phone", []).append(_("Give a phone number or an e-mail address."))
    try:
        contact.full_clean(exclude=["customer"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise InvalidInput(errors)
    contact.save()
    if contact.is_primary:
        Contact.objects.filter(customer_id=contact.customer_id).exclude(pk=contact.pk).update(is_primary=False)


@transaction.atomic
def contact_create(*, by, customer: Customer, **data: Any) -> Contact:
    ensure_permission(by, "customers.add_contact")
    ensure_company_access(by, customer.company_id)
    contact = Contact(customer=customer)
    _save_contact(contact, data)
    record(
        action="contact.create",
        actor=by,
        target=customer,
        object_repr=f"{customer} / {contact.name}",
        after={"contact_id": contact.pk, **_contact_snapshot(contact)},
    )
    return contact


@transaction.atomic
def contact_update(*, by, contact: Contact, **changes: Any) -> Contact:
    ensure_permission(by, "customers.change_contact")
    contact = Contact.objects.select_for_update().select_related("customer").get(pk=contact.pk)
    ensure_company_access(by, contact.customer.company_id)
    before = _contact_snapshot(contact)
    _save_contact(contact, changes)
    after = _contact_snapshot(contact)
    changed = sorted(k for k in after if after[k] != before[k])
    if changed:
        record(
            action="contact.update",
            actor=by,
            target=contact.customer,
            object_repr=f"{contact.customer} / {contact.name}",
            before={"contact_id": contact.pk, **{k: before[k] for k in changed}},
            after={"contact_id": contact.pk, **{k: after[k] for k in changed}},
        )
    return contact


@transaction.atomic
def contact_delete(*, by, contact: Contact) -> None:
    ensure_permission(by, "customers.delete_contact")
    ensure_company_access(by, contact.customer.company_id)
    record(
        action="contact.delete",
        actor=by,
        target=contact.customer,
        object_repr=f"{contact.customer} / {contact.name}",
        before={"contact_id": contact.pk, **_contact_snapshot(contact)},
    )
    contact.delete()


@dataclass(frozen=True)
class AttachmentCheck:
    content_type: str
    sha256: str


def check_attachment(upload: UploadedFile) -> AttachmentCheck:
    """Refuse files that are too large or not a PDF, PNG or JPEG (judged by their content)."""
    limit = settings.ARDESK_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise InvalidInput(
            {
                "file": [
                    _("%(name)s is %(size)s MB; the limit is %(limit)s MB.")
                    % {"name": upload.name, "size": round(upload.size / 1048576, 1), "limit": round(limit / 1048576, 1)}
                ]
            }
        )
    upload.seek(0)
    head = upload.read(16)
    content_type = next((kind for magic, kind in ATTACHMENT_SIGNATURES.items() if head.startswith(magic)), None)
    if content_type is None:
        raise InvalidInput({"file": [_("%(name)s is not a PDF, PNG or JPEG file.") % {"name": upload.name}]})
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return AttachmentCheck(content_type=content_type, sha256=digest.hexdigest())


@transaction.atomic
def attachment_add(*, by, customer: Customer, upload: UploadedFile, kind: str = "other") -> CustomerAttachment:
    ensure_permission(by, "customers.add_customerattachment")
    ensure_company_access(by, customer.company_id)
    checked = check_attachment(upload)
    attachment = CustomerAttachment(
        customer=customer,
        kind=kind,
        original_name=upload.name[:255],
        content_type=checked.content_type,
        size=upload.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )
    try:
        attachment.full_clean(exclude=["file", "customer", "uploaded_by"])
    except ValidationError as exc:
        raise InvalidInput(exc.message_dict) from exc
    attachment.file.save(upload.name, upload, save=False)
    # If the database write fails, the stored file must not stay behind as an orphan.
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    record(
        action="attachment.add",
        actor=by,
        target=customer,
        object_repr=f"{customer} / {attachment.original_name}",
        after={
            "attachment_id": attachment.pk,
            "name": attachment.original_name,
            "kind": kind,
            "size": attachment.size,
            "sha256": attachment.sha256,
        },
    )
    return attachment


@transaction.atomic
def attachment_delete(*, by, attachment: CustomerAttachment) -> None:
    ensure_permission(by, "customers.delete_customerattachment")
    customer = attachment.customer
    ensure_company_access(by, customer.company_id)
    record(
        action="attachment.delete",
        actor=by,
        target=customer,
        object_repr=f"{customer} / {attachment.original_name}",
        before={"attachment_id": attachment.pk, "name": attachment.original_name, "sha256": attachment.sha256},
    )
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))
