"""The portal's writes: links issued and revoked, every use logged, and what the customer does through a link.

What the customer does lands where the same act done by phone lands: a promise through collections'
``promise_create``, a dispute through ``dispute_open``/``dispute_attach``, a complaint through
relations' ``complaint_open``. Those services take a ``by`` user; for the portal it is the portal
account (see design.md, "Who acted"), and the contact's name and address go into the audit event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ardesk.audit.services import record, record_many
from ardesk.collections import services as collections
from ardesk.collections.models import Dispute, PromiseToPay
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import CompanyGrant
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.money import from_minor, to_minor
from ardesk.core.rate_limit import allow
from ardesk.core.signed_links import LinkRefused, link_token, link_value
from ardesk.customers.models import Contact
from ardesk.portal import domain, selectors
from ardesk.portal.errors import PortalLinkNotValid
from ardesk.portal.models import (
    BalanceConfirmation,
    ConfirmationDifference,
    ConfirmationStatus,
    PortalAccess,
    PortalAction,
    PortalCode,
    PortalLink,
    StatementRecipient,
)
from ardesk.relations import services as relations
from ardesk.relations.models import Channel, Complaint, Purpose, RevisitReason, Severity, SurveyAnswer, SurveyInvitation

LINK_SALT = "ardesk.portal.link"
# The account's name shows where a user's name shows (a promise's "taken by", an interaction's
# "logged by"): the customer portal, in the product's first language.
PORTAL_USERNAME = "客户门户"
# What the portal account may do: exactly the customer's own acts, nothing else.
PORTAL_PERMISSIONS = (
    ("collections", "add_promisetopay"),
    ("collections", "add_dispute"),
    ("collections", "change_dispute"),
    ("relations", "add_complaint"),
    ("relations", "add_interaction"),
)


# --- the portal account -----------------------------------------------------------------------


def portal_account(company_id: int):
    """The account the customer's acts are done under, allowed only those acts, on this company.

    It cannot sign in (no usable password) and has no role; it is created when first needed and
    granted each company a link is issued for.
    """
    user_model = get_user_model()
    account, created = user_model.objects.get_or_create(username=PORTAL_USERNAME, defaults={"is_active": True})
    if created:
        account.set_unusable_password()
        account.save(update_fields=["password"])
        for app_label, codename in PORTAL_PERMISSIONS:
            account.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    CompanyGrant.objects.get_or_create(user=account, company_id=company_id)
    return user_model.objects.get(pk=account.pk)  # fresh: no permission cache from before the grants


# --- links ------------------------------------------------------------------------------------


def link_url(link: PortalLink) -> str:
    """The contact's personal address of the portal, signed, naming the link and its nonce."""
    token = link_token({"l": link.pk, "n": link.nonce}, salt=LINK_SALT)
    return settings.ARDESK_PUBLIC_URL + reverse("portal:home", args=[token])


@transaction.atomic
def link_issue(
    *, by, contact: Contact, days: int = domain.DEFAULT_LINK_DAYS, requires_code: bool = False
) -> PortalLink:
    """Issue a contact a personal link to its customer's portal, valid for ``days`` days.

    ``requires_code``: before acting, the visitor enters a one-time code sent to the contact's e-mail.
    """
    ensure_permission(by, "portal.add_portallink")
    ensure_company_access(by, contact.customer.company_id)
    if domain.link_days_problem(days):
        raise InvalidInput({"days": [_("A link is valid for 1 to %(max)d days.") % {"max": domain.MAX_LINK_DAYS}]})
    if requires_code and not contact.email:
        raise InvalidInput({"requires_code": [_("The contact has no e-mail address to send a code to.")]})
    return link_create(contact=contact, days=days, by=by, requires_code=requires_code)


def link_create(*, contact: Contact, days: int, by=None, requires_code: bool = False) -> PortalLink:
    """Make and audit a contact's link, for a caller that has checked who asks (a statement run, a dunning e-mail)."""
    portal_account(contact.customer.company_id)
    link = _new_link(contact, days=days, by=by, requires_code=requires_code)
    link.save(force_insert=True)
    record(action="portal.link_issue", actor=by, target=link, after=_issued(link))
    return link


@transaction.atomic
def links_create(*, contacts: Sequence[Contact], days: int) -> list[PortalLink]:
    """Make and audit a link for each contact at once (a batch of dunning e-mails), like ``link_create``.

    The portal account and its grants are settled once per company, the links inserted in one
    statement and their audit events appended in one, chained as one by one (``audit.record_many``).
    """
    links = PortalLink.objects.bulk_create([_new_link(contact, days=days) for contact in contacts])
    by_company: dict[int, list[PortalLink]] = {}
    for link in links:
        by_company.setdefault(link.company_id, []).append(link)
    for company_id, issued in by_company.items():
        portal_account(company_id)
        events = [{"target": link, "after": _issued(link)} for link in issued]
        record_many(action="portal.link_issue", actor=None, company_id=company_id, events=events)
    return links


def _new_link(contact: Contact, *, days: int, by=None, requires_code: bool = False) -> PortalLink:
    customer = contact.customer
    return PortalLink(
        company_id=customer.company_id,
        customer=customer,
        contact=contact,
        contact_name=contact.name,
        language=contact.preferred_language,
        nonce=secrets.token_hex(16),
        expires_on=clock.today() + dt.timedelta(days=days),
        requires_code=requires_code,
        created_by=by,
    )


def _issued(link: PortalLink) -> dict:
    """What a link's audit event keeps of it."""
    return {"contact_name": link.contact_name, "expires_on": link.expires_on, "requires_code": link.requires_code}


@transaction.atomic
def link_revoke(*, by, link: PortalLink, reason: str = "") -> PortalLink:
    """Revoke a link: from now on it shows nothing."""
    ensure_permission(by, "portal.change_portallink")
    ensure_company_access(by, link.company_id)
    if link.revoked_at is None:
        PortalLink.objects.filter(pk=link.pk).update(
            revoked_at=timezone.now(), revoked_by=by, revoked_reason=reason.strip()[:200]
        )
        record(action="portal.link_revoke", actor=by, target=link, after={"revoked_reason": reason.strip()[:200]})
    link.refresh_from_db()
    return link


def links_revoke_for_contact(contact: Contact) -> int:
    """Revoke every link of a contact being removed (the removal's own audit event names who removed it)."""
    count = PortalLink.objects.filter(contact=contact, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason="contact_removed"
    )
    if count:
        record(
            action="portal.link_revoke",
            target=contact.customer,
            object_repr=f"{contact.customer} / {contact.name}",
            after={"revoked_reason": "contact_removed", "links": count},
        )
    return count


def dunning_link_lines(recipients: Sequence[tuple[Contact, str]]) -> list[list[str]]:
    """Each dunning e-mail's lines for its contact: a fresh personal link to the portal, in the notice's language.

    ``recipients`` are a batch's (contact, language) pairs; the links are written together (``links_create``).
    """
    lines = []
    for link, (_contact, language) in zip(
        links_create(contacts=[contact for contact, _language in recipients], days=domain.DUNNING_LINK_DAYS),
        recipients,
        strict=True,
    ):
        with translation.override(language):
            intro = _(
                "Your open items, your statement, a promise to pay or a dispute: on your personal page "
                "(valid until %(date)s):"
            ) % {"date": f"{link.expires_on:%Y-%m-%d}"}
        lines.append([intro, link_url(link)])
    return lines


def link_for_token(token: str) -> PortalLink:
    """The link a token names, or PortalLinkNotValid for an altered, guessed, expired or revoked one."""
    try:
        value = link_value(token, salt=LINK_SALT, max_age=dt.timedelta(days=domain.MAX_LINK_DAYS + 1))
    except LinkRefused as exc:
        raise PortalLinkNotValid(exc.reason) from exc
    link_id, nonce = value.get("l"), value.get("n")
    if not isinstance(link_id, int) or not isinstance(nonce, str):
        raise PortalLinkNotValid("bad")
    link = PortalLink.objects.select_related("customer", "company", "contact").filter(pk=link_id, nonce=nonce).first()
    if link is None:
        raise PortalLinkNotValid("bad")
    problem = domain.link_problem(
        expires_on=link.expires_on,
        is_revoked=link.revoked_at is not None,
        has_contact=link.contact_id is not None,
        today=clock.today(),
    )
    if problem:
        raise PortalLinkNotValid(problem)
    return link


def access_log(*, link: PortalLink, ip: str, action: str, detail: str = "") -> PortalAccess:
    """Keep one use of a link: when, from where, what was seen or done.

    The first view of a link sent with a statement marks that statement opened.
    """
    if action == PortalAction.VIEW:
        StatementRecipient.objects.filter(link=link, opened_at__isnull=True).update(opened_at=timezone.now())
    return PortalAccess.objects.create(link=link, ip=ip[:64], action=action, detail=detail[:300])


# --- one-time codes ---------------------------------------------------------------------------


def _digest(link: PortalLink, code: str) -> str:
    # Keyed by the installation's secret and the link's nonce: the table alone does not give the codes away.
    key = f"{settings.SECRET_KEY}:{link.nonce}".encode()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()


def code_send(*, link: PortalLink, ip: str = "") -> PortalCode:
    """E-mail the link's contact a fresh one-time code (valid ten minutes), at most five an hour per link."""
    email = link.contact.email if link.contact else ""
    if not email:
        raise InvalidInput({"code": [_("There is no e-mail address to send a code to.")]})
    if not allow("portal-code", str(link.pk), limit=domain.CODES_PER_HOUR, window_seconds=3600):
        raise InvalidInput({"code": [_("Too many codes were asked for; please try again in an hour.")]})
    code = f"{secrets.randbelow(10**domain.CODE_DIGITS):0{domain.CODE_DIGITS}d}"
    sent = PortalCode.objects.create(
        link=link,
        digest=_digest(link, code),
        expires_at=timezone.now() + dt.timedelta(minutes=domain.CODE_MINUTES),
    )
    with translation.override(link.language):
        subject = _("Your code for %(company)s") % {"company": link.company.name}
        body = _("Your one-time code is %(code)s. It is valid for %(minutes)d minutes; do not share it.") % {
            "code": code,
            "minutes": domain.CODE_MINUTES,
        }
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email]).send()
    access_log(link=link, ip=ip, action=PortalAction.CODE_SENT, detail=email)
    return sent


def code_check(*, link: PortalLink, code: str, ip: str = "") -> None:
    """Accept the latest code sent for the link, once, or refuse it (InvalidInput) saying why in words."""
    latest = PortalCode.objects.filter(link=link).order_by("-created_at", "-id").first()
    if latest is None:
        raise InvalidInput({"code": [_("Ask for a code first.")]})
    # The try is counted in one UPDATE before the comparison, so parallel guesses each use up a try.
    PortalCode.objects.filter(pk=latest.pk).update(attempts=F("attempts") + 1)
    latest.refresh_from_db()
    problem = domain.code_problem(
        is_used=latest.used_at is not None,
        is_expired=latest.expires_at <= timezone.now(),
        attempts=latest.attempts,
        matches=hmac.compare_digest(latest.digest, _digest(link, code.strip())),
    )
    if problem == "wrong":
        raise InvalidInput({"code": [_("This code is not right.")]})
    if problem:
        raise InvalidInput({"code": [_("This code can no longer be used: ask for a new one.")]})
    PortalCode.objects.filter(pk=latest.pk).update(used_at=timezone.now())
    access_log(link=link, ip=ip, action=PortalAction.CODE_ENTERED)


def _audit(link: PortalLink, *, actor, action: str, target, ip: str, after: dict) -> None:
    record(action=action, actor=actor, target=target, ip=ip, after={"contact_name": link.contact_name, **after})


# --- what the customer does -------------------------------------------------------------------


@transaction.atomic
def balance_answer(
    *,
    link: PortalLink,
    currency: str,
    agrees: bool,
    differences: dict[int, Decimal] | None = None,
    note: str = "",
    ip: str = "",
) -> BalanceConfirmation:
    """Keep the customer's answer on today's balance in a currency: it agrees (对账确认) or not (差异回函).

    A disagreement names the items it disagrees on and the amount the customer has for each.
    """
    today = clock.today()
    balances = selectors.balances(link.customer, as_of=today)
    if currency not in balances:
        raise InvalidInput({"currency": [_("There is no balance in %(currency)s.") % {"currency": currency}]})
    open_amounts = {
        line.pk: line.open_amount
        for line in selectors.open_items(link.customer, as_of=today)
        if line.currency == currency
    }
    their = {}
    if not agrees:
        their = {int(k): to_minor(Decimal(v), currency) for k, v in (differences or {}).items()}
        problem = domain.differences_problem(their, open_amounts)
        if problem == "none":
            raise InvalidInput({"differences": [_("Name the items you disagree on and your amount for each.")]})
        if problem == "unknown":
            raise InvalidInput({"differences": [_("Choose items of this statement.")]})
        if problem == "negative":
            raise InvalidInput({"differences": [_("An amount cannot be negative.")]})
        if problem == "same":
            raise InvalidInput({"differences": [_("Your amounts are the same as ours: confirm the balance instead.")]})
    status = ConfirmationStatus.CONFIRMED if agrees else ConfirmationStatus.DISAGREED
    confirmation = BalanceConfirmation.objects.create(
        company_id=link.company_id,
        customer=link.customer,
        link=link,
        contact_name=link.contact_name,
        status=status,
        as_of=today,
        currency=currency,
        balance=balances[currency],
        note=note.strip()[:4000],
        answered_at=timezone.now(),
    )
    ConfirmationDifference.objects.bulk_create(
        ConfirmationDifference(
            confirmation=confirmation, line_id=line_id, our_amount=open_amounts[line_id], their_amount=amount
        )
        for line_id, amount in their.items()
    )
    # The statements sent with this link are answered; a disagreement gets the owner a task at once.
    StatementRecipient.objects.filter(link=link, answer__isnull=True).update(answer=confirmation)
    if not agrees:
        with translation.override(settings.LANGUAGE_CODE):
            relations.revisits_plan_by_rule_for(
                customers=[link.customer],
                reason=RevisitReason.STATEMENT_DIFF,
                source=f"confirmation:{confirmation.pk}",
                due_on=today + dt.timedelta(days=domain.DISAGREEMENT_TASK_DAYS),
                note=_("%(contact)s disagrees with the balance of %(amount)s %(currency)s.")
                % {
                    "contact": link.contact_name,
                    "amount": f"{from_minor(confirmation.balance, currency):,}",
                    "currency": currency,
                },
            )
    actor = portal_account(link.company_id)
    # The timeline entry is the staff's record: in the installation's language, not the contact's.
    with translation.override(settings.LANGUAGE_CODE):
        relations.interaction_log(
            by=actor,
            customer=link.customer,
            channel=Channel.MESSAGE,
            purpose=Purpose.STATEMENT_CONFIRMED,
            contact=link.contact,
            outcome=str(ConfirmationStatus(status).label),
            note=note.strip()[:1000],
        )
    _audit(
        link,
        actor=actor,
        action="portal.balance_answer",
        target=confirmation,
        ip=ip,
        after={"status": status, "balance": confirmation.balance, "currency": currency, "items": sorted(their)},
    )
    access_log(link=link, ip=ip, action="balance_answer", detail=f"{status} {currency}")
    return confirmation


@transaction.atomic
def promise_make(
    *, link: PortalLink, amount: Decimal | str, promised_on: dt.date, line_ids, note: str = "", ip: str = ""
) -> PromiseToPay:
    """The customer promises to pay items by a date: a promise like one taken by phone (dunning pauses)."""
    if not line_ids:
        raise InvalidInput({"lines": [_("Choose the items you will pay.")]})
    actor = portal_account(link.company_id)
    promise = collections.promise_create(
        by=actor,
        customer=link.customer,
        amount=amount,
        promised_on=promised_on,
        line_ids=list(line_ids),
        note=f"{link.contact_name}: {note.strip()}".strip(": ")[:300],
    )
    _audit(link, actor=actor, action="portal.promise", target=promise, ip=ip, after={"promised_on": promised_on})
    access_log(link=link, ip=ip, action="promise", detail=f"{promise.pk}")
    return promise


@transaction.atomic
def dispute_raise(
    *,
    link: PortalLink,
    reason: str,
    amount: Decimal | str,
    line_ids,
    description: str,
    upload=None,
    ip: str = "",
) -> Dispute:
    """The customer disputes items, with a reason and a document: their dunning stops until it is resolved."""
    actor = portal_account(link.company_id)
    dispute = collections.dispute_open(
        by=actor,
        customer=link.customer,
        reason=reason,
        amount=amount,
        line_ids=list(line_ids),
        description=f"{link.contact_name}: {description.strip()}",
        owner=relations.owner_of(link.customer),
    )
    if upload is not None:
        collections.dispute_attach(by=actor, dispute=dispute, upload=upload)
    _audit(link, actor=actor, action="portal.dispute", target=dispute, ip=ip, after={"reason": reason})
    access_log(link=link, ip=ip, action="dispute", detail=f"{dispute.pk}")
    return dispute


@transaction.atomic
def complaint_raise(*, link: PortalLink, category: str, subject: str, description: str = "", ip: str = "") -> Complaint:
    """The customer raises a complaint: it goes to the relationship owner with its deadline."""
    actor = portal_account(link.company_id)
    complaint = relations.complaint_open(
        by=actor,
        customer=link.customer,
        category=category,
        severity=Severity.MEDIUM,
        subject=subject,
        description=description,
        contact=link.contact,
    )
    _audit(link, actor=actor, action="portal.complaint", target=complaint, ip=ip, after={"subject": subject[:100]})
    access_log(link=link, ip=ip, action="complaint", detail=f"{complaint.pk}")
    return complaint


@transaction.atomic
def survey_answer(
    *,
    link: PortalLink,
    invitation: SurveyInvitation,
    csat: int | None,
    nps: int | None,
    comment: str = "",
    ip: str = "",
) -> SurveyAnswer:
    """The contact answers a survey it was invited to (the invitation found through its link): the answer is
    the one its survey link takes, on the customer's timeline; a detractor gets the owner a follow-up task."""
    answer = relations.invitation_answer(invitation=invitation, csat=csat, nps=nps, comment=comment)
    actor = portal_account(link.company_id)
    _audit(link, actor=actor, action="portal.survey_answer", target=answer, ip=ip, after={"csat": csat, "nps": nps})
    access_log(link=link, ip=ip, action=PortalAction.SURVEY, detail=invitation.survey.template.display_name)
    return answer


def document_opened(*, link: PortalLink, document, ip: str = "") -> None:
    """Keep in the access log that the customer downloaded a document's PDF."""
    access_log(link=link, ip=ip, action=PortalAction.DOCUMENT, detail=document.number)
