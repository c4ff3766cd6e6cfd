"""Customer relations writes: interactions, complaints and their escalation, surveys and answers, revisits."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ardesk.accounts.selectors import user_language
from ardesk.audit.services import record, snapshot
from ardesk.collections.models import Dispute
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.jobs import enqueue
from ardesk.core.money import to_minor
from ardesk.core.signed_links import LinkRefused, link_token, link_value
from ardesk.core.templatetags.people import person
from ardesk.credit.models import CreditRequest, RequestKind, RequestStatus
from ardesk.customers.models import Contact, Customer
from ardesk.ledger.models import DueLine
from ardesk.provisioning.models import WriteOff, WriteOffStatus
from ardesk.relations import domain
from ardesk.relations.errors import LinkAlreadyUsed, LinkNotValid
from ardesk.relations.models import (
    Channel,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintStatus,
    EscalationMail,
    Interaction,
    InteractionAttachment,
    Purpose,
    RelationProfile,
    Revisit,
    RevisitReason,
    RevisitStatus,
    Severity,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyTemplate,
)

SURVEY_SALT = "ardesk.relations.survey"
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# A write-off from this amount (functional currency) plans a revisit; a finance manager's setting.
LARGE_WRITE_OFF = "100000.00"


def owner_of(customer: Customer):
    """Who owns the customer relationship: the relation profile's owner, else the collector."""
    profile = RelationProfile.objects.filter(customer=customer).select_related("owner").first()
    if profile is not None and profile.owner_id:
        return profile.owner
    return customer.collector


# --- interactions -----------------------------------------------------------------------------


@transaction.atomic
def interaction_log(
    *,
    by,
    customer: Customer,
    channel: str,
    purpose: str = Purpose.RELATIONSHIP,
    occurred_on: dt.date | None = None,
    contact: Contact | None = None,
    outcome: str = "",
    note: str = "",
    next_action: str = "",
    next_action_on: dt.date | None = None,
    uploads=(),
    complaint: Complaint | None = None,
    revisit: Revisit | None = None,
) -> Interaction:
    """Log a call, e-mail, visit, meeting or letter; a revisit it answers is done with it."""
    ensure_permission(by, "relations.add_interaction")
    ensure_company_access(by, customer.company_id)
    errors: dict[str, list[str]] = {}
    if channel not in Channel.values:
        errors["channel"] = [_("Choose a channel.")]
    if purpose not in Purpose.values:
        errors["purpose"] = [_("Choose a purpose.")]
    if contact is not None and contact.customer_id != customer.pk:
        errors["contact"] = [_("This person is not a contact of the customer.")]
    if next_action_on is not None and not next_action.strip():
        errors["next_action"] = [_("Say what the next action is.")]
    for upload in uploads:
        if upload.size > MAX_ATTACHMENT_BYTES:
            errors.setdefault("attachments", []).append(_("%(name)s is larger than 10 MB.") % {"name": upload.name})
    if complaint is not None and complaint.customer_id != customer.pk:
        errors["complaint"] = [_("This complaint is another customer's.")]
    if revisit is not None and (revisit.customer_id != customer.pk or revisit.status != RevisitStatus.PLANNED):
        errors["revisit"] = [_("This revisit is not planned for the customer.")]
    if errors:
        raise InvalidInput(errors)
    on = occurred_on or clock.today()
    interaction = Interaction.objects.create(
        company_id=customer.company_id,
        customer=customer,
        contact=contact,
        channel=channel,
        purpose=purpose,
        occurred_on=on,
        outcome=outcome.strip(),
        note=note.strip(),
        next_action=next_action.strip(),
        next_action_on=next_action_on,
        complaint=complaint,
        logged_by=by,
    )
    InteractionAttachment.objects.bulk_create(
        [
            InteractionAttachment(
                interaction=interaction,
                file=upload,
                original_name=upload.name[:255],
                content_type=(getattr(upload, "content_type", "") or "application/octet-stream")[:100],
                size=upload.size,
                uploaded_by=by,
            )
            for upload in uploads
        ]
    )
    if revisit is not None:
        Revisit.objects.filter(pk=revisit.pk).update(status=RevisitStatus.DONE, done_on=on, interaction=interaction)
    record(action="relations.interaction_log", actor=by, target=interaction, after=snapshot(interaction))
    return interaction


# --- complaints -------------------------------------------------------------------------------


@transaction.atomic
def complaint_open(
    *,
    by,
    customer: Customer,
    category: str,
    severity: str,
    subject: str,
    description: str = "",
    contact: Contact | None = None,
    owner=None,
    opened_on: dt.date | None = None,
    dispute_ids=(),
    line_ids=(),
) -> Complaint:
    """Log a complaint; its deadline follows from the severity, its owner is the relationship owner by default."""
    ensure_permission(by, "relations.add_complaint")
    ensure_company_access(by, customer.company_id)
    errors: dict[str, list[str]] = {}
    if category not in ComplaintCategory.values:
        errors["category"] = [_("Choose a category.")]
    if severity not in Severity.values:
        errors["severity"] = [_("Choose a severity.")]
    if not subject.strip():
        errors["subject"] = [_("Say what the complaint is about.")]
    if contact is not None and contact.customer_id != customer.pk:
        errors["contact"] = [_("This person is not a contact of the customer.")]
    disputes = list(Dispute.objects.filter(pk__in=list(dispute_ids), customer=customer))
    if len(disputes) != len(set(dispute_ids)):
        errors["disputes"] = [_("Link only disputes of this customer.")]
    lines = list(DueLine.objects.filter(pk__in=list(line_ids), customer=customer))
    if len(lines) != len(set(line_ids)):
        errors["lines"] = [_("Link only items of this customer.")]
    if errors:
        raise InvalidInput(errors)
    on = opened_on or clock.today()
    complaint = Complaint.objects.create(
        company_id=customer.company_id,
        customer=customer,
        contact=contact,
        category=category,
        severity=severity,
        subject=subject.strip(),
        description=description.strip(),
        owner=owner or owner_of(customer) or by,
        opened_on=on,
        due_on=domain.complaint_deadline(opened_on=on, severity=severity),
        created_by=by,
    )
    complaint.disputes.set(disputes)
    complaint.lines.set(lines)
    ComplaintEvent.objects.create(
        complaint=complaint, status=ComplaintStatus.OPEN, on=on, by=by, note=complaint.subject
    )
    record(action="relations.complaint_open", actor=by, target=complaint, after=snapshot(complaint))
    return complaint


@transaction.atomic
def complaint_move(
    *, by, complaint: Complaint, status: str, note: str = "", resolution: str = "", on: dt.date | None = None
) -> Complaint:
    """Move a complaint to its next status; resolving it needs the resolution and plans a revisit."""
    ensure_permission(by, "relations.change_complaint")
    ensure_company_access(by, complaint.company_id)
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    on = on or clock.today()
    if not domain.may_move(complaint.status, status):
        raise InvalidInput(
            {
                "status": [
                    _("Complaint %(id)s is %(status)s: it cannot move to %(to)s.")
                    % {
                        "id": complaint.pk,
                        "status": complaint.get_status_display(),
                        "to": ComplaintStatus(status).label if status in ComplaintStatus.values else status,
                    }
                ]
            }
        )
    if status == ComplaintStatus.RESOLVED and not (resolution.strip() or complaint.resolution):
        raise InvalidInput({"resolution": [_("Describe how the complaint was resolved.")]})
    before = snapshot(complaint, ["status", "resolution", "resolved_on"])
    complaint.status = status
    if status == ComplaintStatus.RESOLVED:
        complaint.resolution = resolution.strip() or complaint.resolution
        complaint.resolved_on = on
        complaint.resolution_days = max((on - complaint.opened_on).days, 0)
        _revisit_plan_for(
            customer=complaint.customer,
            reason=RevisitReason.COMPLAINT,
            source=f"complaint:{complaint.pk}",
            due_on=on + dt.timedelta(days=domain.REVISIT_AFTER_DAYS["complaint"]),
            owner=complaint.owner,
            note=complaint.subject[:300],
        )
    elif status == ComplaintStatus.IN_PROGRESS and complaint.resolved_on:
        complaint.resolved_on = None  # reopened: the resolution time counts again from the start
        complaint.resolution_days = None
    complaint.save()
    ComplaintEvent.objects.create(complaint=complaint, status=status, note=note.strip(), on=on, by=by)
    record(
        action="relations.complaint_move",
        actor=by,
        target=complaint,
        before=before,
        after=snapshot(complaint, ["status", "resolution", "resolved_on"]),
    )
    return complaint


@transaction.atomic
def complaint_confirm(*, by, complaint: Complaint, note: str = "", on: dt.date | None = None) -> Complaint:
    """Record the customer's confirmation that the resolution is accepted, and close the complaint."""
    ensure_permission(by, "relations.change_complaint")
    ensure_company_access(by, complaint.company_id)
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.status != ComplaintStatus.RESOLVED:
        raise InvalidInput({"status": [_("Only a resolved complaint can be confirmed by the customer.")]})
    on = on or clock.today()
    complaint.confirmed_on = on
    complaint.confirmation_note = note.strip()[:300]
    complaint.status = ComplaintStatus.CLOSED
    complaint.save(update_fields=["confirmed_on", "confirmation_note", "status"])
    ComplaintEvent.objects.create(
        complaint=complaint,
        status=ComplaintStatus.CLOSED,
        note=note.strip() or _("Confirmed by the customer."),
        on=on,
        by=by,
    )
    record(action="relations.complaint_confirm", actor=by, target=complaint, after={"confirmed_on": str(on)})
    return complaint


def _escalation_manager(company_id: int):
    """The first active finance manager granted the company: escalated complaints go to them."""
    users = get_user_model().objects.filter(
        Q(groups__permissions__codename="escalate_complaint") | Q(user_permissions__codename="escalate_complaint"),
        is_active=True,
        company_grants__company_id=company_id,
    )
    return users.order_by("pk").first()


def _escalation_mails(complaints: list[Complaint]) -> list[EscalationMail]:
    """One e-mail per escalated complaint to its finance manager, and one to its owner if someone else."""
    people = get_user_model().objects.in_bulk(
        {c.escalated_to_id for c in complaints if c.escalated_to_id} | {c.owner_id for c in complaints if c.owner_id}
    )
    languages: dict[int, str] = {}
    mails = []
    for complaint in complaints:
        for user_id in dict.fromkeys([complaint.escalated_to_id, complaint.owner_id]):
            user = people.get(user_id)
            if user is None or not user.email:
                continue
            if user.pk not in languages:
                languages[user.pk] = user_language(user) or settings.LANGUAGE_CODE
            mails.append(
                EscalationMail(complaint=complaint, recipient=user, email=user.email, language=languages[user.pk])
            )
    return mails


@transaction.atomic
def complaints_escalate(*, as_of: dt.date, notify: bool = True) -> int:
    """Escalate every unresolved complaint past its deadline, once: to a finance manager, noted on the complaint.

    The manager and the complaint's owner are e-mailed once the escalation is committed; a refused
    e-mail is kept on its row and sent again by the daily job, and never undoes the escalation.
    ``notify=False`` (the demo's history, escalated in the past) writes no e-mail.
    """
    late = list(
        Complaint.objects.select_for_update()
        .filter(status__in=domain.OPEN_STATUSES, due_on__lt=as_of, escalated_on__isnull=True)
        .order_by("pk")
    )
    managers: dict[int, object] = {}
    for complaint in late:
        if complaint.company_id not in managers:
            managers[complaint.company_id] = _escalation_manager(complaint.company_id)
        complaint.escalated_on = as_of
        complaint.escalated_to = managers[complaint.company_id]
    Complaint.objects.bulk_update(late, ["escalated_on", "escalated_to"], batch_size=1000)
    ComplaintEvent.objects.bulk_create(
        [
            ComplaintEvent(
                complaint=c,
                is_escalation=True,
                on=as_of,
                note=_("Deadline %(due)s passed: escalated.") % {"due": c.due_on.isoformat()},
            )
            for c in late
        ],
        batch_size=1000,
    )
    mails = EscalationMail.objects.bulk_create(_escalation_mails(late) if notify else [], batch_size=1000)
    for complaint in late:
        record(
            action="relations.complaint_escalate",
            actor_name="system",
            target=complaint,
            after={"escalated_on": str(as_of), "escalated_to": complaint.escalated_to_id},
        )
    if mails:
        from ardesk.relations import tasks

        enqueue(tasks.deliver_escalation_mails, [m.pk for m in mails])
    return len(late)


def escalation_mail_deliver(*, mail: EscalationMail) -> bool:
    """E-mail one escalation in its recipient's language; a refusal is kept on the row, the escalation stays."""
    complaint = mail.complaint
    customer = complaint.customer
    with translation.override(mail.language):
        subject = _("Complaint escalated: %(customer)s, %(subject)s") % {
            "customer": customer.name,
            "subject": complaint.subject,
        }
        recipient = person(mail.recipient) if mail.recipient else mail.email
        body = "\n".join(
            [
                _("Dear %(name)s,") % {"name": recipient},
                "",
                _("This complaint passed its deadline without being resolved and was escalated on %(date)s.")
                % {"date": complaint.escalated_on.isoformat() if complaint.escalated_on else "—"},
                "",
                _("Customer: %(code)s %(name)s") % {"code": customer.code, "name": customer.name},
                _("Complaint: #%(id)s %(subject)s") % {"id": complaint.pk, "subject": complaint.subject},
                _("Severity: %(severity)s") % {"severity": complaint.get_severity_display()},
                _("Deadline: %(date)s") % {"date": complaint.due_on.isoformat()},
                _("Owner: %(owner)s") % {"owner": person(complaint.owner)},
                "",
                settings.ARDESK_PUBLIC_URL + reverse("relations:complaint", args=[complaint.pk]),
            ]
        )
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [mail.email]).send()
    except OSError as exc:  # the mail server's refusal or absence (smtplib's errors are OSErrors)
        EscalationMail.objects.filter(pk=mail.pk).update(send_error=f"{type(exc).__name__}: {exc}"[:1000])
        return False
    EscalationMail.objects.filter(pk=mail.pk).update(sent_at=timezone.now(), send_error="")
    return True


# --- surveys ----------------------------------------------------------------------------------


# What a finance manager words in both languages; the introductions may stay empty.
SURVEY_TEMPLATE_WORDING = (
    "name",
    "name_zh",
    "intro_en",
    "intro_zh",
    "csat_en",
    "csat_zh",
    "nps_en",
    "nps_zh",
    "comment_en",
    "comment_zh",
)
SURVEY_TEMPLATE_FIELDS = (*SURVEY_TEMPLATE_WORDING, "valid_days", "remind_after_days", "is_active")


def _survey_template_values(values: dict) -> dict:
    """The template's wording and periods checked: every question in both languages, a reminder before expiry."""
    unknown = set(values) - set(SURVEY_TEMPLATE_FIELDS)
    if unknown:
        raise TypeError(f"Not a survey template field: {', '.join(sorted(unknown))}")
    cleaned = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    errors: dict[str, list[str]] = {}
    for name in SURVEY_TEMPLATE_WORDING:
        if not name.startswith("intro") and name in cleaned and not cleaned[name]:
            errors[name] = [_("Word this in both languages.")]
    valid_days = cleaned.get("valid_days")
    remind_after = cleaned.get("remind_after_days")
    if valid_days is not None and not 1 <= valid_days <= 365:
        errors["valid_days"] = [_("A link is valid for 1 to 365 days.")]
    elif valid_days is not None and remind_after is not None and not 1 <= remind_after < valid_days:
        errors["remind_after_days"] = [_("The reminder goes out after at least one day and before the link expires.")]
    if errors:
        raise InvalidInput(errors)
    return cleaned


@transaction.atomic
def survey_template_create(*, by, code: str, **values) -> SurveyTemplate:
    """Add a survey template: a CSAT, an NPS and a free-text question, worded in Chinese and English."""
    ensure_permission(by, "relations.add_surveytemplate")
    code = code.strip()
    cleaned = _survey_template_values(dict.fromkeys(SURVEY_TEMPLATE_WORDING, "") | values)
    if not code:
        raise InvalidInput({"code": [_("Give the template a code.")]})
    if SurveyTemplate.objects.filter(code=code).exists():
        raise InvalidInput({"code": [_("The code %(code)s is already used.") % {"code": code}]})
    template = SurveyTemplate.objects.create(code=code, **cleaned)
    record(action="relations.survey_template_create", actor=by, target=template, after=snapshot(template))
    return template


@transaction.atomic
def survey_template_change(*, by, template: SurveyTemplate, **values) -> SurveyTemplate:
    """Change a survey template's wording, periods or whether it can be sent; surveys sent keep their answers."""
    ensure_permission(by, "relations.change_surveytemplate")
    template = SurveyTemplate.objects.select_for_update().get(pk=template.pk)
    merged = {name: getattr(template, name) for name in SURVEY_TEMPLATE_FIELDS} | values
    cleaned = _survey_template_values(merged)
    before = snapshot(template, SURVEY_TEMPLATE_FIELDS)
    for name, value in cleaned.items():
        setattr(template, name, value)
    template.save()
    after = snapshot(template, SURVEY_TEMPLATE_FIELDS)
    changed = [name for name in SURVEY_TEMPLATE_FIELDS if before[name] != after[name]]
    record(
        action="relations.survey_template_change",
        actor=by,
        target=template,
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    return template


def survey_link(invitation: SurveyInvitation) -> str:
    """The contact's personal link: signed for surveys, naming the invitation and its nonce."""
    token = link_token({"i": invitation.pk, "n": invitation.nonce}, salt=SURVEY_SALT)
    return settings.ARDESK_PUBLIC_URL + reverse("survey_answer", args=[token])


def invitation_for_token(token: str) -> SurveyInvitation:
    """The invitation a link names, or LinkNotValid for an altered, foreign or expired link."""
    try:
        value = link_value(token, salt=SURVEY_SALT, max_age=dt.timedelta(days=366))
    except LinkRefused as exc:
        raise LinkNotValid(exc.reason) from exc
    invitation = (
        SurveyInvitation.objects.select_related("survey__template", "customer", "contact")
        .filter(pk=value.get("i"), nonce=value.get("n"))
        .first()
    )
    if invitation is None:
        raise LinkNotValid("bad")
    if invitation.survey.expires_on < clock.today():
        raise LinkNotValid("expired")
    return invitation


@transaction.atomic
def survey_send(*, by, template: SurveyTemplate, company_id: int, contact_ids, on: dt.date | None = None) -> Survey:
    """Send a survey to chosen contacts (each with an e-mail address): one personal link each."""
    ensure_permission(by, "relations.send_survey")
    ensure_company_access(by, company_id)
    contacts = list(
        Contact.objects.filter(pk__in=list(contact_ids), customer__company_id=company_id).select_related("customer")
    )
    errors: dict[str, list[str]] = {}
    if not template.is_active:
        errors["template"] = [_("This survey template is not active.")]
    if not contacts or len(contacts) != len(set(contact_ids)):
        errors["contacts"] = [_("Choose contacts of this company's customers.")]
    without = [c.name for c in contacts if not c.email]
    if without:
        errors["contacts"] = [_("No e-mail address for %(names)s.") % {"names": ", ".join(without)}]
    if errors:
        raise InvalidInput(errors)
    on = on or clock.today()
    survey = Survey.objects.create(
        company_id=company_id,
        template=template,
        sent_on=on,
        expires_on=on + dt.timedelta(days=template.valid_days),
        sent_by=by,
    )
    SurveyInvitation.objects.bulk_create(
        [
            SurveyInvitation(
                survey=survey,
                company_id=company_id,
                customer=c.customer,
                contact=c,
                email=c.email,
                language=c.preferred_language or "zh-hans",
                nonce=secrets.token_hex(16),
            )
            for c in contacts
        ]
    )
    record(action="relations.survey_send", actor=by, target=survey, after={"contacts": len(contacts)})
    from ardesk.relations import tasks

    enqueue(tasks.deliver_survey, survey.pk)
    return survey


def invitation_deliver(*, invitation: SurveyInvitation, reminder: bool = False) -> bool:
    """E-mail one invitation (or its reminder) in the contact's language; a failure is kept on the invitation."""
    template = invitation.survey.template
    with translation.override(invitation.language):
        name = template.display_name
        subject = (_("Reminder: %(survey)s") if reminder else "%(survey)s") % {"survey": name}
        body = "\n\n".join(
            part
            for part in [
                _("Dear %(name)s,") % {"name": invitation.contact.name if invitation.contact else invitation.email},
                template.text("intro", invitation.language),
                _("Please answer a few short questions on this personal link (valid until %(date)s):")
                % {"date": invitation.survey.expires_on.isoformat()},
                survey_link(invitation),
                _("Thank you."),
            ]
            if part
        )
    now = timezone.now()
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email]).send()
    except OSError as exc:
        SurveyInvitation.objects.filter(pk=invitation.pk).update(send_error=str(exc)[:1000])
        return False
    field = "reminded_at" if reminder else "sent_at"
    SurveyInvitation.objects.filter(pk=invitation.pk).update(**{field: now, "send_error": ""})
    return True


def survey_reminders(*, as_of: dt.date) -> int:
    """Remind once every contact who has not answered a survey still open, some days after it was sent."""
    invitations = SurveyInvitation.objects.filter(
        answered_at__isnull=True,
        reminded_at__isnull=True,
        sent_at__isnull=False,
        survey__expires_on__gte=as_of,
    ).select_related("survey__template", "contact")
    sent = 0
    for invitation in invitations.iterator(chunk_size=500):
        if (as_of - invitation.survey.sent_on).days >= invitation.survey.template.remind_after_days:
            sent += invitation_deliver(invitation=invitation, reminder=True)
    return sent


def survey_answer(*, token: str, csat: int | None, nps: int | None, comment: str = "") -> SurveyAnswer:
    """Keep a contact's answer given through its link, once; a detractor gets the owner a follow-up task."""
    return invitation_answer(invitation=invitation_for_token(token), csat=csat, nps=nps, comment=comment)


@transaction.atomic
def invitation_answer(
    *, invitation: SurveyInvitation, csat: int | None, nps: int | None, comment: str = ""
) -> SurveyAnswer:
    """Keep a contact's answer to its invitation, once (its survey link, or the customer portal, which found
    the invitation by its own link); a detractor gets the owner a follow-up task."""
    errors: dict[str, list[str]] = {}
    if csat is not None and not 1 <= csat <= 5:
        errors["csat"] = [_("Choose from 1 to 5.")]
    if nps is not None and not 0 <= nps <= 10:
        errors["nps"] = [_("Choose from 0 to 10.")]
    if csat is None and nps is None:
        errors["csat"] = [_("Please answer at least one question.")]
    if errors:
        raise InvalidInput(errors)
    now = timezone.now()
    # Single use: the one UPDATE that finds the invitation unanswered wins; a second use (or a
    # second tab racing the first) updates nothing and is refused.
    taken = SurveyInvitation.objects.filter(pk=invitation.pk, answered_at__isnull=True).update(answered_at=now)
    if not taken:
        raise LinkAlreadyUsed(f"Invitation {invitation.pk}")
    today = clock.today()
    answer = SurveyAnswer.objects.create(
        invitation=invitation,
        survey=invitation.survey,
        company_id=invitation.company_id,
        customer=invitation.customer,
        csat=csat,
        nps=nps,
        comment=comment.strip()[:4000],
        answered_on=today,
    )
    if (nps is not None and domain.nps_group(nps) == "detractor") or (csat is not None and csat <= 2):
        _revisit_plan_for(
            customer=invitation.customer,
            reason=RevisitReason.DETRACTOR,
            source=f"survey:{answer.pk}",
            due_on=today + dt.timedelta(days=domain.REVISIT_AFTER_DAYS["detractor"]),
            owner=owner_of(invitation.customer),
            note=comment.strip()[:300],
            channel=Channel.CALL,
        )
    record(
        action="relations.survey_answer",
        actor_name=invitation.email,
        target=answer,
        after={"csat": csat, "nps": nps},
    )
    return answer


# --- revisits ---------------------------------------------------------------------------------


def _revisit_plan_for(
    *,
    customer: Customer,
    reason: str,
    source: str,
    due_on: dt.date,
    owner,
    note: str = "",
    channel: str = Channel.VISIT,
) -> None:
    Revisit.objects.bulk_create(
        [
            Revisit(
                company_id=customer.company_id,
                customer=customer,
                reason=reason,
                source=source,
                due_on=due_on,
                owner=owner,
                note=note,
                channel=channel,
            )
        ],
        ignore_conflicts=True,  # planned once per source: a rule that runs again adds nothing
    )


def revisits_plan_by_rule_for(
    *, customers: list[Customer], reason: str, source: str, due_on: dt.date, note: str = "", channel: str = Channel.CALL
) -> None:
    """Plan one revisit per customer for a higher context's rule (a statement unanswered or disagreed).

    Each goes to the customer's relationship owner, else its collector, read for all the customers
    at once; a rule that runs again adds nothing (once per customer and source).
    """
    owners = dict(
        RelationProfile.objects.filter(customer__in=customers, owner__isnull=False).values_list(
            "customer_id", "owner_id"
        )
    )
    Revisit.objects.bulk_create(
        [
            Revisit(
                company_id=customer.company_id,
                customer=customer,
                reason=reason,
                source=source[:40],
                due_on=due_on,
                owner_id=owners.get(customer.pk, customer.collector_id),
                note=note[:300],
                channel=channel,
            )
            for customer in customers
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def revisit_plan(
    *, by, customer: Customer, due_on: dt.date, channel: str = Channel.VISIT, owner=None, note: str = ""
) -> Revisit:
    """Plan a revisit by hand."""
    ensure_permission(by, "relations.add_revisit")
    ensure_company_access(by, customer.company_id)
    if channel not in Channel.values:
        raise InvalidInput({"channel": [_("Choose a channel.")]})
    revisit = Revisit.objects.create(
        company_id=customer.company_id,
        customer=customer,
        reason=RevisitReason.MANUAL,
        due_on=due_on,
        channel=channel,
        owner=owner or owner_of(customer) or by,
        note=note.strip()[:300],
    )
    record(action="relations.revisit_plan", actor=by, target=revisit, after=snapshot(revisit))
    return revisit


@transaction.atomic
def revisit_cancel(*, by, revisit: Revisit) -> None:
    """Cancel a planned revisit (it stays on the list of cancelled ones)."""
    ensure_permission(by, "relations.change_revisit")
    ensure_company_access(by, revisit.company_id)
    Revisit.objects.filter(pk=revisit.pk, status=RevisitStatus.PLANNED).update(status=RevisitStatus.CANCELLED)
    record(action="relations.revisit_cancel", actor=by, target=revisit)


def revisits_plan_by_rule(*, as_of: dt.date) -> int:
    """Plan what the rules ask for: key accounts each quarter, large write-offs and limit changes (last 30 days)."""
    since = as_of - dt.timedelta(days=30)
    quarter = domain.quarter_key(as_of)
    due_in_quarter = max(domain.quarter_revisit_on(as_of), as_of)
    planned: list[Revisit] = []
    profiles = RelationProfile.objects.filter(is_key_account=True).select_related("customer", "owner")
    for p in profiles.iterator(chunk_size=1000):
        planned.append(
            Revisit(
                company_id=p.customer.company_id,
                customer=p.customer,
                reason=RevisitReason.KEY_ACCOUNT,
                source=f"key:{quarter}",
                due_on=due_in_quarter,
                owner=p.owner or p.customer.collector,
            )
        )
    threshold = to_minor(Decimal(LARGE_WRITE_OFF), "CNY")
    write_offs = WriteOff.objects.filter(
        status=WriteOffStatus.APPROVED, on__gte=since, on__lte=as_of, functional_amount__gte=threshold
    ).select_related("customer")
    for w in write_offs:
        planned.append(
            Revisit(
                company_id=w.company_id,
                customer=w.customer,
                reason=RevisitReason.WRITE_OFF,
                source=f"write_off:{w.pk}",
                due_on=w.on + dt.timedelta(days=domain.REVISIT_AFTER_DAYS["write_off"]),
                owner=w.customer.collector,
                note=w.number,
            )
        )
    limits = CreditRequest.objects.filter(
        kind=RequestKind.LIMIT,
        status__in=[RequestStatus.APPROVED, RequestStatus.USED],
        decided_at__date__gte=since,
    ).select_related("customer")
    for r in limits:
        planned.append(
            Revisit(
                company_id=r.company_id,
                customer=r.customer,
                reason=RevisitReason.LIMIT_CHANGE,
                source=f"limit:{r.pk}",
                due_on=r.decided_at.date() + dt.timedelta(days=domain.REVISIT_AFTER_DAYS["limit_change"]),
                owner=r.customer.collector,
            )
        )
    before = Revisit.objects.count()
    Revisit.objects.bulk_create(planned, ignore_conflicts=True, batch_size=1000)
    return Revisit.objects.count() - before


@transaction.atomic
def relation_profile_set(*, by, customer: Customer, is_key_account: bool, owner=None) -> RelationProfile:
    """Mark a customer a key account (or not) and name its relationship owner."""
    ensure_permission(by, "relations.change_relationprofile")
    ensure_company_access(by, customer.company_id)
    if owner is not None and not owner.company_grants.filter(company_id=customer.company_id).exists():
        raise InvalidInput(
            {"owner": [_("%(name)s is not granted this customer's company.") % {"name": owner.get_username()}]}
        )
    profile, _created = RelationProfile.objects.update_or_create(
        customer=customer, defaults={"is_key_account": is_key_account, "owner": owner}
    )
    record(action="relations.profile_set", actor=by, target=customer, after=snapshot(profile))
    return profile
