"""Customer relations endpoints: timeline, interactions, complaints and their report, surveys, revisits, profiles."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from ardesk.companies.access import ensure_permission, granted_company
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.schemas import BodyId, Day, Id, Strict
from ardesk.relations import selectors, services
from ardesk.relations.models import Complaint, Interaction, Revisit, SurveyTemplate

router = Router(tags=["relations"])


def _entry(e: selectors.Entry) -> dict:
    return {"on": e.on, "kind": e.kind, "title": e.title, "detail": e.detail, "by": e.by}


class TimelineQuery(Schema):
    kind: list[str] = Field([], description="Kinds to show (all by default): " + ", ".join(selectors.TIMELINE_KINDS))
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=100000)


@router.get("/customers/{customer_id}/timeline", response=dict, summary="The customer's timeline, newest first")
def timeline(request, customer_id: Id, query: Query[TimelineQuery]):
    ensure_permission(request.user, "relations.view_interaction")
    customer = selectors.customer_for(request.user, customer_id)
    unknown = [k for k in query.kind if k not in selectors.TIMELINE_KINDS]
    if unknown:
        raise InvalidInput({"kind": [_("Unknown kind %(kind)s.") % {"kind": unknown[0]}]})
    page = selectors.timeline(customer, kinds=query.kind or None, limit=query.limit, offset=query.offset)
    return {"entries": [_entry(e) for e in page.entries], "has_more": page.has_more}


class InteractionIn(Strict):
    channel: str
    purpose: str = "relationship"
    occurred_on: Day | None = None
    contact_id: Id | None = None
    outcome: str = Field("", max_length=300)
    note: str = Field("", max_length=10000)
    next_action: str = Field("", max_length=200)
    next_action_on: Day | None = None
    complaint_id: Id | None = None
    revisit_id: Id | None = None


def _interaction_out(i: Interaction) -> dict:
    return {
        "id": i.pk,
        "customer": i.customer.code,
        "channel": i.channel,
        "purpose": i.purpose,
        "occurred_on": i.occurred_on,
        "contact": i.contact.name if i.contact else None,
        "outcome": i.outcome,
        "note": i.note,
        "next_action": i.next_action,
        "next_action_on": i.next_action_on,
    }


@router.post("/customers/{customer_id}/interactions", response={201: dict}, summary="Log an interaction")
def interaction_create(request, customer_id: Id, payload: InteractionIn):
    customer = selectors.customer_for(request.user, customer_id)
    contact = customer.contacts.filter(pk=payload.contact_id).first() if payload.contact_id else None
    if payload.contact_id and contact is None:
        raise InvalidInput({"contact_id": [_("This person is not a contact of the customer.")]})
    complaint = customer.complaints.filter(pk=payload.complaint_id).first() if payload.complaint_id else None
    revisit = customer.revisits.filter(pk=payload.revisit_id).first() if payload.revisit_id else None
    interaction = services.interaction_log(
        by=request.user,
        customer=customer,
        channel=payload.channel,
        purpose=payload.purpose,
        occurred_on=payload.occurred_on,
        contact=contact,
        outcome=payload.outcome,
        note=payload.note,
        next_action=payload.next_action,
        next_action_on=payload.next_action_on,
        complaint=complaint,
        revisit=revisit,
    )
    return Status(201, _interaction_out(interaction))


@router.get("/customers/{customer_id}/interactions", response=list[dict], summary="The interactions logged here")
def interactions(request, customer_id: Id):
    ensure_permission(request.user, "relations.view_interaction")
    customer = selectors.customer_for(request.user, customer_id)
    rows = Interaction.objects.filter(customer=customer).select_related("customer", "contact")[:500]
    return [_interaction_out(i) for i in rows]


# --- complaints -------------------------------------------------------------------------------


def _complaint_out(c: Complaint) -> dict:
    return {
        "id": c.pk,
        "customer": c.customer.code,
        "category": c.category,
        "severity": c.severity,
        "subject": c.subject,
        "status": c.status,
        "owner": c.owner.get_username() if c.owner else None,
        "opened_on": c.opened_on,
        "due_on": c.due_on,
        "escalated_on": c.escalated_on,
        "resolved_on": c.resolved_on,
        "resolution": c.resolution,
        "confirmed_on": c.confirmed_on,
    }


class ComplaintsQuery(Schema):
    status: str = Field("open", description="open (every unresolved one), a status, or empty for all")
    mine: bool = False


@router.get("/complaints", response=list[dict], summary="Complaints, earliest deadline first")
def complaints(request, query: Query[ComplaintsQuery]):
    listed = selectors.complaints_for(
        request.user, status=query.status, owner_id=request.user.pk if query.mine else None
    )
    return [_complaint_out(c) for c in listed[:1000]]


class ComplaintIn(Strict):
    category: str
    severity: str
    subject: str = Field(..., max_length=200)
    description: str = Field("", max_length=10000)
    contact_id: Id | None = None
    owner: str | None = Field(None, description="User name; the relationship owner by default")
    opened_on: Day | None = None
    disputes: list[BodyId] = []
    lines: list[BodyId] = []


@router.post("/customers/{customer_id}/complaints", response={201: dict}, summary="Log a complaint")
def complaint_create(request, customer_id: Id, payload: ComplaintIn):
    customer = selectors.customer_for(request.user, customer_id)
    contact = customer.contacts.filter(pk=payload.contact_id).first() if payload.contact_id else None
    owner = None
    if payload.owner:
        owner = get_user_model().objects.filter(username=payload.owner, is_active=True).first()
        if owner is None:
            raise InvalidInput({"owner": [_("No active user %(name)s.") % {"name": payload.owner}]})
    complaint = services.complaint_open(
        by=request.user,
        customer=customer,
        category=payload.category,
        severity=payload.severity,
        subject=payload.subject,
        description=payload.description,
        contact=contact,
        owner=owner,
        opened_on=payload.opened_on,
        dispute_ids=payload.disputes,
        line_ids=payload.lines,
    )
    return Status(201, _complaint_out(complaint))


@router.get("/complaints/report", response=dict, summary="Open complaints by age, category and owner; resolution times")
def complaint_report(request, as_of: Day | None = None, resolved_from: Day | None = None):
    report = selectors.complaint_report(request.user, as_of=as_of or clock.today(), date_from=resolved_from)
    return selectors.complaint_report_json(report)


@router.get("/complaints/{complaint_id}", response=dict, summary="One complaint")
def complaint(request, complaint_id: Id):
    return _complaint_out(selectors.complaint_for(request.user, complaint_id))


class ComplaintMoveIn(Strict):
    status: str
    note: str = Field("", max_length=1000)
    resolution: str = Field("", max_length=10000)


@router.post("/complaints/{complaint_id}/status", response=dict, summary="Move a complaint to its next status")
def complaint_move(request, complaint_id: Id, payload: ComplaintMoveIn):
    found = selectors.complaint_for(request.user, complaint_id)
    moved = services.complaint_move(
        by=request.user, complaint=found, status=payload.status, note=payload.note, resolution=payload.resolution
    )
    return _complaint_out(moved)


class ConfirmIn(Strict):
    note: str = Field("", max_length=300)


@router.post("/complaints/{complaint_id}/confirm", response=dict, summary="The customer confirms the resolution")
def complaint_confirm(request, complaint_id: Id, payload: ConfirmIn):
    found = selectors.complaint_for(request.user, complaint_id)
    return _complaint_out(services.complaint_confirm(by=request.user, complaint=found, note=payload.note))


# --- surveys ----------------------------------------------------------------------------------


class SurveySendIn(Strict):
    template: str = Field(..., description="Survey template code")
    company: str = Field(..., description="Company code")
    contacts: list[BodyId] = Field(..., min_length=1, max_length=10000)


@router.post("/surveys", response={201: dict}, summary="Send a survey to chosen contacts (personal links by e-mail)")
def survey_send(request, payload: SurveySendIn):
    company = granted_company(request.user, payload.company)
    template = SurveyTemplate.objects.filter(code=payload.template).first()
    if template is None:
        raise InvalidInput({"template": [_("No survey template %(code)s.") % {"code": payload.template}]})
    survey = services.survey_send(
        by=request.user, template=template, company_id=company.pk, contact_ids=payload.contacts
    )
    return Status(201, {"id": survey.pk, "invitations": survey.invitations.count(), "expires_on": survey.expires_on})


class ResultsQuery(Schema):
    date_from: Day | None = None
    date_to: Day | None = None
    survey: Id | None = None


@router.get(
    "/surveys/results", response=dict, summary="Response rate, CSAT and NPS: overall, by survey, segment, month"
)
def survey_results(request, query: Query[ResultsQuery]):
    results = selectors.survey_results(
        request.user, date_from=query.date_from, date_to=query.date_to, survey_id=query.survey
    )
    return selectors.survey_results_json(results)


# --- revisits ---------------------------------------------------------------------------------


def _revisit_out(r: Revisit) -> dict:
    return {
        "id": r.pk,
        "customer": r.customer.code,
        "reason": r.reason,
        "channel": r.channel,
        "due_on": r.due_on,
        "owner": r.owner.get_username() if r.owner else None,
        "status": r.status,
        "note": r.note,
    }


@router.get("/revisits", response=list[dict], summary="Planned revisits, earliest first (mine, or overdue only)")
def revisits(request, mine: bool = False, overdue: bool = False):
    listed = (
        selectors.revisits_overdue(request.user, as_of=clock.today(), mine=mine)
        if overdue
        else selectors.revisits_planned(request.user, mine=mine)
    )
    return [_revisit_out(r) for r in listed[:1000]]


class RevisitIn(Strict):
    due_on: Day
    channel: str = "visit"
    note: str = Field("", max_length=300)


@router.post("/customers/{customer_id}/revisits", response={201: dict}, summary="Plan a revisit by hand")
def revisit_create(request, customer_id: Id, payload: RevisitIn):
    customer = selectors.customer_for(request.user, customer_id)
    revisit = services.revisit_plan(
        by=request.user, customer=customer, due_on=payload.due_on, channel=payload.channel, note=payload.note
    )
    return Status(201, _revisit_out(revisit))


def _profile_out(customer, profile) -> dict:
    return {
        "customer": customer.code,
        "is_key_account": bool(profile and profile.is_key_account),
        "owner": profile.owner.get_username() if profile and profile.owner else None,
        "collector": customer.collector.get_username() if customer.collector else None,
    }


@router.get(
    "/customers/{customer_id}/profile", response=dict, summary="The relation profile: key account, relationship owner"
)
def profile(request, customer_id: Id):
    ensure_permission(request.user, "relations.view_relationprofile")
    customer = selectors.customer_for(request.user, customer_id)
    return _profile_out(customer, selectors.relation_profile_of(customer))


class ProfileIn(Strict):
    is_key_account: bool
    owner: str | None = Field(None, description="User name granted the company; the collector owns it when empty")


@router.put(
    "/customers/{customer_id}/profile", response=dict, summary="Mark or unmark a key account and name its owner"
)
def profile_set(request, customer_id: Id, payload: ProfileIn):
    customer = selectors.customer_for(request.user, customer_id)
    owner = None
    if payload.owner:
        owner = get_user_model().objects.filter(username=payload.owner, is_active=True).first()
        if owner is None:
            raise InvalidInput({"owner": [_("No active user %(name)s.") % {"name": payload.owner}]})
    profile = services.relation_profile_set(
        by=request.user, customer=customer, is_key_account=payload.is_key_account, owner=owner
    )
    return _profile_out(customer, profile)
