"""Customer relations reads: the customer timeline, the complaint report, survey results, revisits due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Avg, Case, CharField, Count, F, Max, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from ardesk.collections.models import ContactLog, Dispute, Notice, PromiseToPay
from ardesk.companies.access import ensure_permission
from ardesk.companies.selectors import company_ids_for
from ardesk.core.errors import NotFound
from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor, grouped
from ardesk.credit.models import CreditRequest, CreditReview, RequestStatus, ReviewStatus
from ardesk.customers.models import Customer, CustomerStatusChange, Industry, Region
from ardesk.relations import domain
from ardesk.relations.models import (
    Complaint,
    ComplaintCategory,
    Interaction,
    Purpose,
    RelationProfile,
    Revisit,
    RevisitStatus,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
)

# The kinds of the timeline, in the order of the filter.
TIMELINE_KINDS = {
    "call": gettext_lazy("Calls"),
    "email": gettext_lazy("E-mails"),
    "visit": gettext_lazy("Visits"),
    "meeting": gettext_lazy("Meetings"),
    "letter": gettext_lazy("Letters"),
    "message": gettext_lazy("Instant messages"),
    "notice": gettext_lazy("Dunning notices"),
    "promise": gettext_lazy("Promises to pay"),
    "dispute": gettext_lazy("Disputes"),
    "complaint": gettext_lazy("Complaints"),
    "survey": gettext_lazy("Survey answers"),
    "statement_sent": gettext_lazy("Statements sent"),
    "statement_confirmed": gettext_lazy("Statements confirmed"),
    "credit": gettext_lazy("Credit decisions"),
    "status": gettext_lazy("Status changes"),
}
CHANNEL_KINDS = ("call", "email", "visit", "meeting", "letter", "message")
STATEMENT_KINDS = {"statement_sent": Purpose.STATEMENT_SENT, "statement_confirmed": Purpose.STATEMENT_CONFIRMED}


def customer_for(user, customer_id: int) -> Customer:
    """A customer of a company granted to the user, else not found."""
    customer = (
        Customer.objects.select_related("company", "collector")
        .filter(pk=customer_id, company_id__in=company_ids_for(user))
        .first()
    )
    if customer is None:
        raise NotFound(_("Customer %(id)s does not exist or is not visible to you.") % {"id": customer_id})
    return customer


# --- the timeline -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of the timeline, whichever context keeps the record."""

    on: dt.date
    kind: str
    title: str
    detail: str = ""
    by: str = ""
    url: str = ""
    attachments: tuple = field(default=())

    @property
    def kind_label(self) -> str:
        return str(TIMELINE_KINDS[self.kind])


def _user(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _amount(minor: int, currency: str) -> str:
    return f"{grouped(from_minor(minor, currency), currency)} {currency}"


def _keys(queryset: QuerySet, *, on, kind, source: str) -> QuerySet:
    """A source's rows as (on, kind, source, id): one branch of the timeline's UNION ALL."""
    return (
        queryset.order_by()
        .annotate(t_on=on, t_kind=kind, t_source=Value(source, output_field=CharField()))
        .values_list("t_on", "t_kind", "t_source", "pk")
    )


def _text(value: str):
    return Value(value, output_field=CharField())


def _interaction_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    channels = [k for k in CHANNEL_KINDS if k in wanted]
    purposes = [p for k, p in STATEMENT_KINDS.items() if k in wanted]
    condition = Q(channel__in=channels) & ~Q(purpose__in=list(STATEMENT_KINDS.values())) | Q(purpose__in=purposes)
    kind = Case(
        *[When(purpose=p, then=_text(k)) for k, p in STATEMENT_KINDS.items()],
        default=F("channel"),
        output_field=CharField(),
    )
    return _keys(Interaction.objects.filter(condition, customer=customer), on=F("occurred_on"), kind=kind, source="i")


def _interaction_entries(ids: list[int]) -> dict[int, Entry]:
    rows = Interaction.objects.filter(pk__in=ids).select_related("contact", "logged_by").prefetch_related("attachments")
    out = {}
    for i in rows:
        kind = next((k for k, p in STATEMENT_KINDS.items() if p == i.purpose), i.channel)
        next_step = (
            (_("Next: %(action)s %(date)s") % {"action": i.next_action, "date": i.next_action_on or ""}).strip()
            if i.next_action
            else ""
        )
        out[i.pk] = Entry(
            on=i.occurred_on,
            kind=kind,
            title=f"{i.get_channel_display()} · {i.get_purpose_display()}",
            detail=_joined(i.contact.name if i.contact else "", i.outcome, i.note, next_step),
            by=_user(i.logged_by),
            attachments=tuple(
                (a.original_name, reverse("relations:attachment", args=[a.pk])) for a in i.attachments.all()
            ),
        )
    return out


def _contact_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    channels = [k for k in ("call", "email", "visit", "letter") if k in wanted]
    rows = ContactLog.objects.filter(customer=customer, channel__in=channels)
    return _keys(rows, on=F("logged_on"), kind=F("channel"), source="c")


def _contact_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for log in ContactLog.objects.filter(pk__in=ids).select_related("contact", "logged_by"):
        out[log.pk] = Entry(
            on=log.logged_on,
            kind=log.channel,
            title=f"{log.get_channel_display()} · {_('Collection')} · {log.get_outcome_display()}",
            detail=_joined(log.contact.name if log.contact else "", log.note),
            by=_user(log.logged_by),
        )
    return out


def _notice_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    return _keys(Notice.objects.filter(customer=customer), on=F("notice_on"), kind=_text("notice"), source="n")


def _notice_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for notice in Notice.objects.filter(pk__in=ids).select_related("level"):
        out[notice.pk] = Entry(
            on=notice.notice_on,
            kind="notice",
            title=f"{notice.level.display_name} · {notice.get_channel_display()}",
            detail=f"{_amount(notice.total_functional, notice.currency)} · {notice.get_status_display()}",
            url=reverse("collections:notice", args=[notice.pk]),
        )
    return out


def _promise_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    return _keys(PromiseToPay.objects.filter(customer=customer), on=F("made_on"), kind=_text("promise"), source="p")


def _promise_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for p in PromiseToPay.objects.filter(pk__in=ids).select_related("created_by"):
        out[p.pk] = Entry(
            on=p.made_on,
            kind="promise",
            title=_("Promise to pay %(amount)s by %(date)s")
            % {"amount": _amount(p.amount, p.currency), "date": p.promised_on.isoformat()},
            detail=_joined(p.get_status_display(), p.note),
            by=_user(p.created_by),
        )
    return out


def _dispute_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    return _keys(Dispute.objects.filter(customer=customer), on=F("opened_on"), kind=_text("dispute"), source="d")


def _dispute_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for d in Dispute.objects.filter(pk__in=ids).select_related("owner"):
        out[d.pk] = Entry(
            on=d.opened_on,
            kind="dispute",
            title=f"{_('Dispute')} · {d.get_reason_display()} · {_amount(d.amount, d.currency)}",
            detail=_joined(d.get_status_display(), d.description),
            by=_user(d.owner),
            url=reverse("collections:dispute", args=[d.pk]),
        )
    return out


def _complaint_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    rows = Complaint.objects.filter(customer=customer)
    return _keys(rows, on=F("opened_on"), kind=_text("complaint"), source="k")


def _complaint_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for c in Complaint.objects.filter(pk__in=ids).select_related("owner"):
        out[c.pk] = Entry(
            on=c.opened_on,
            kind="complaint",
            title=f"{_('Complaint')} · {c.get_category_display()} · {c.subject}",
            detail=f"{c.get_severity_display()} · {c.get_status_display()}",
            by=_user(c.owner),
            url=reverse("relations:complaint", args=[c.pk]),
        )
    return out


def _answer_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    rows = SurveyAnswer.objects.filter(customer=customer)
    return _keys(rows, on=F("answered_on"), kind=_text("survey"), source="s")


def _answer_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    rows = SurveyAnswer.objects.filter(pk__in=ids).select_related("invitation__contact", "survey__template")
    for a in rows:
        scores = _joined(
            f"CSAT {a.csat}" if a.csat is not None else "",
            f"NPS {a.nps}" if a.nps is not None else "",
        )
        contact = a.invitation.contact.name if a.invitation.contact else a.invitation.email
        out[a.pk] = Entry(
            on=a.answered_on,
            kind="survey",
            title=f"{a.survey.template.display_name} · {scores}",
            detail=_joined(contact, a.comment),
        )
    return out


def _request_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    rows = CreditRequest.objects.filter(customer=customer, decided_at__isnull=False).exclude(
        status=RequestStatus.PENDING
    )
    return _keys(rows, on=TruncDate("decided_at"), kind=_text("credit"), source="r")


def _request_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for r in CreditRequest.objects.filter(pk__in=ids).select_related("decided_by"):
        amount = f" · {_amount(r.amount, r.currency)}" if r.amount is not None else ""
        out[r.pk] = Entry(
            on=timezone.localtime(r.decided_at).date(),
            kind="credit",
            title=f"{r.get_kind_display()}{amount} · {r.get_status_display()}",
            detail=r.decision_note,
            by=_user(r.decided_by),
        )
    return out


def _review_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    rows = CreditReview.objects.filter(customer=customer, status=ReviewStatus.DONE, completed_at__isnull=False)
    return _keys(rows, on=TruncDate("completed_at"), kind=_text("credit"), source="v")


def _review_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for review in CreditReview.objects.filter(pk__in=ids).select_related("completed_by"):
        out[review.pk] = Entry(
            on=timezone.localtime(review.completed_at).date(),
            kind="credit",
            title=f"{_('Credit review')} · {review.get_decision_display() or review.get_reason_display()}",
            detail=review.note,
            by=_user(review.completed_by),
        )
    return out


def _status_keys(customer: Customer, wanted: set[str]) -> QuerySet:
    rows = CustomerStatusChange.objects.filter(customer=customer)
    return _keys(rows, on=TruncDate("changed_at"), kind=_text("status"), source="t")


def _status_entries(ids: list[int]) -> dict[int, Entry]:
    out = {}
    for change in CustomerStatusChange.objects.filter(pk__in=ids).select_related("changed_by"):
        out[change.pk] = Entry(
            on=timezone.localtime(change.changed_at).date(),
            kind="status",
            title=_("Status: %(from)s → %(to)s")
            % {"from": change.get_from_status_display() or "—", "to": change.get_to_status_display()},
            detail=change.reason,
            by=_user(change.changed_by),
        )
    return out


@dataclass(frozen=True)
class Source:
    gives: frozenset[str]
    keys: Callable[[Customer, set[str]], QuerySet]
    entries: Callable[[list[int]], dict[int, Entry]]


# Every record the timeline shows, by the context that keeps it; the one-letter name tags its rows.
SOURCES = {
    "i": Source(frozenset({*CHANNEL_KINDS, *STATEMENT_KINDS}), _interaction_keys, _interaction_entries),
    "c": Source(frozenset({"call", "email", "visit", "letter"}), _contact_keys, _contact_entries),
    "n": Source(frozenset({"notice"}), _notice_keys, _notice_entries),
    "p": Source(frozenset({"promise"}), _promise_keys, _promise_entries),
    "d": Source(frozenset({"dispute"}), _dispute_keys, _dispute_entries),
    "k": Source(frozenset({"complaint"}), _complaint_keys, _complaint_entries),
    "s": Source(frozenset({"survey"}), _answer_keys, _answer_entries),
    "r": Source(frozenset({"credit"}), _request_keys, _request_entries),
    "v": Source(frozenset({"credit"}), _review_keys, _review_entries),
    "t": Source(frozenset({"status"}), _status_keys, _status_entries),
}


@dataclass
class TimelinePage:
    entries: list[Entry]
    has_more: bool
    kinds: list[str]


def timeline(
    customer: Customer, *, kinds: Iterable[str] | None = None, limit: int = 50, offset: int = 0
) -> TimelinePage:
    """Every interaction with the customer, newest first, read where each context keeps it (nothing copied).

    One UNION ALL query orders the keys (date, kind, source, id) of every wanted record and cuts the
    page in the database; then each source present on the page loads its records by id, in one
    query. A page costs the same whatever the length of the history.
    """
    wanted = {k for k in (kinds or TIMELINE_KINDS) if k in TIMELINE_KINDS} or set(TIMELINE_KINDS)
    branches = [s.keys(customer, wanted) for s in SOURCES.values() if s.gives & wanted]
    union = branches[0].union(*branches[1:], all=True).order_by("-t_on", "-pk")
    keys = list(union[offset : offset + limit + 1])
    by_source: dict[str, list[int]] = {}
    for _on, _kind, source, pk in keys[:limit]:
        by_source.setdefault(source, []).append(pk)
    loaded = {source: SOURCES[source].entries(ids) for source, ids in by_source.items()}
    entries = [loaded[source][pk] for _on, _kind, source, pk in keys[:limit] if pk in loaded[source]]
    return TimelinePage(entries=entries, has_more=len(keys) > limit, kinds=sorted(wanted))


def timeline_table(customer: Customer, *, kinds: Iterable[str] | None = None, limit: int = 5000) -> ReportTable:
    """The timeline as a table to print or hand out at a meeting."""
    page = timeline(customer, kinds=kinds, limit=limit)
    return ReportTable(
        title=_("Customer timeline"),
        subtitle=[f"{customer.code} {customer.name}", ", ".join(str(TIMELINE_KINDS[k]) for k in page.kinds)],
        headers=[_("Date"), _("Kind"), _("What"), _("Details"), pgettext("person", "By")],
        rows=[[e.on, e.kind_label, e.title, e.detail, e.by] for e in page.entries],
    )


# --- complaints -------------------------------------------------------------------------------


def complaints_for(user, *, status: str = "", owner_id: int | None = None, late_on: dt.date | None = None):
    ensure_permission(user, "relations.view_complaint")
    complaints = Complaint.objects.filter(company_id__in=company_ids_for(user)).select_related(
        "customer", "owner", "escalated_to"
    )
    if status == "open":
        complaints = complaints.filter(status__in=domain.OPEN_STATUSES)
    elif status:
        complaints = complaints.filter(status=status)
    if owner_id:
        complaints = complaints.filter(owner_id=owner_id)
    if late_on:
        complaints = complaints.filter(status__in=domain.OPEN_STATUSES, due_on__lt=late_on)
    return complaints.order_by("due_on", "id")


def complaint_for(user, pk: int) -> Complaint:
    ensure_permission(user, "relations.view_complaint")
    complaint = (
        Complaint.objects.select_related("customer", "owner", "contact", "escalated_to", "created_by")
        .filter(pk=pk, company_id__in=company_ids_for(user))
        .first()
    )
    if complaint is None:
        raise NotFound(_("Complaint %(id)s does not exist or is not visible to you.") % {"id": pk})
    return complaint


def _age_counts(as_of: dt.date) -> dict:
    """Conditional counts of open complaints by age band (days since opened), in one pass."""
    counts, lower = {}, None
    for upper, label in domain.AGE_BANDS:
        condition = Q()
        if upper is not None:
            condition &= Q(opened_on__gte=as_of - dt.timedelta(days=upper))
        if lower is not None:
            condition &= Q(opened_on__lt=as_of - dt.timedelta(days=lower))
        counts[f"band_{label}"] = Count("id", filter=condition)
        lower = upper
    counts["late"] = Count("id", filter=Q(due_on__lt=as_of))
    counts["escalated"] = Count("id", filter=Q(escalated_on__isnull=False))
    counts["total"] = Count("id")
    return counts


@dataclass
class ComplaintReport:
    as_of: dt.date
    date_from: dt.date
    by_category: list[dict]
    by_owner: list[dict]
    resolution: list[dict]
    resolution_total: dict
    bands: list[str]


def complaint_report(user, *, as_of: dt.date, date_from: dt.date | None = None) -> ComplaintReport:
    """Open complaints by age band per category and per owner; resolution times of those resolved since a date.

    Four grouped queries, whatever the number of complaints.
    """
    ensure_permission(user, "relations.view_complaint")
    date_from = date_from or as_of - dt.timedelta(days=365)
    companies = company_ids_for(user)
    open_ = Complaint.objects.filter(company_id__in=companies, status__in=domain.OPEN_STATUSES)
    counts = _age_counts(as_of)
    labels = dict(ComplaintCategory.choices)
    by_category = [
        {**row, "label": labels.get(row["category"], row["category"])}
        for row in open_.values("category").annotate(**counts).order_by("category")
    ]
    by_owner = list(
        open_.values("owner_id", "owner__username", "owner__first_name", "owner__last_name")
        .annotate(**counts)
        .order_by("-total", "owner__username")
    )
    for row in by_owner:
        full = f"{row['owner__last_name']}{row['owner__first_name']}".strip()
        row["label"] = full or row["owner__username"] or _("Nobody")
    resolved = Complaint.objects.filter(
        company_id__in=companies, resolved_on__gte=date_from, resolved_on__lte=as_of, resolution_days__isnull=False
    )
    stats = {
        "count": Count("id"),
        "average": Avg("resolution_days"),
        "longest": Max("resolution_days"),
        "on_time": Count("id", filter=Q(resolved_on__lte=F("due_on"))),
    }
    resolution = [
        {**row, "label": labels.get(row["category"], row["category"])}
        for row in resolved.values("category").annotate(**stats).order_by("category")
    ]
    return ComplaintReport(
        as_of=as_of,
        date_from=date_from,
        by_category=by_category,
        by_owner=by_owner,
        resolution=resolution,
        resolution_total=resolved.aggregate(**stats),
        bands=[label for _upper, label in domain.AGE_BANDS],
    )


def complaint_report_json(report: ComplaintReport) -> dict:
    def open_row(row: dict) -> dict:
        return {
            "bands": {b: row[f"band_{b}"] for b in report.bands},
            "late": row["late"],
            "escalated": row["escalated"],
            "total": row["total"],
        }

    def average(value) -> float | None:
        return round(float(value), 1) if value is not None else None

    return {
        "as_of": report.as_of,
        "resolved_from": report.date_from,
        "open_by_category": {r["category"]: open_row(r) for r in report.by_category},
        "open_by_owner": {(r["owner__username"] or ""): open_row(r) for r in report.by_owner},
        "resolution": {
            r["category"]: {
                "count": r["count"],
                "average_days": average(r["average"]),
                "longest_days": r["longest"],
                "on_time": r["on_time"],
            }
            for r in report.resolution
        },
        "resolution_total": {
            "count": report.resolution_total["count"],
            "average_days": average(report.resolution_total["average"]),
            "longest_days": report.resolution_total["longest"],
            "on_time": report.resolution_total["on_time"],
        },
    }


def complaint_report_table(report: ComplaintReport) -> ReportTable:
    rows = []
    for row in report.by_category:
        rows.append(
            [_("Category"), str(row["label"])] + [row[f"band_{b}"] for b in report.bands] + [row["late"], row["total"]]
        )
    for row in report.by_owner:
        rows.append([_("Owner"), row["label"]] + [row[f"band_{b}"] for b in report.bands] + [row["late"], row["total"]])
    return ReportTable(
        title=_("Open complaints by age"),
        subtitle=[_("As of %(date)s") % {"date": report.as_of.isoformat()}],
        headers=[_("By"), _("Name")]
        + [_("%(band)s days") % {"band": b} for b in report.bands]
        + [_("Late"), _("Total")],
        rows=rows,
    )


# --- surveys ----------------------------------------------------------------------------------

NPS_COUNTS = {
    "nps_answers": Count("id", filter=Q(nps__isnull=False)),
    "promoters": Count("id", filter=Q(nps__gte=9)),
    "passives": Count("id", filter=Q(nps__gte=7, nps__lte=8)),
    "detractors": Count("id", filter=Q(nps__lte=6)),
    "csat_answers": Count("id", filter=Q(csat__isnull=False)),
    "satisfied": Count("id", filter=Q(csat__gte=4)),
    "csat_total": Sum("csat"),
}


@dataclass(frozen=True)
class Scores:
    label: str
    nps: domain.Nps
    csat: domain.Csat
    sent: int | None = None
    answered: int | None = None

    @property
    def response_rate(self):
        return domain.response_rate(sent=self.sent, answered=self.answered) if self.sent is not None else None


def _scores(label: str, row: dict, sent: int | None = None, answered: int | None = None) -> Scores:
    return Scores(
        label=label,
        nps=domain.Nps(row["nps_answers"], row["promoters"], row["passives"], row["detractors"]),
        csat=domain.Csat(row["csat_answers"], row["satisfied"], row["csat_total"] or 0),
        sent=sent,
        answered=answered,
    )


@dataclass
class SurveyResults:
    overall: Scores
    surveys: list[tuple[Survey, Scores]]
    by_industry: list[Scores]
    by_region: list[Scores]
    by_month: list[Scores]


def survey_results(user, *, date_from: dt.date | None = None, date_to: dt.date | None = None, survey_id=None):
    """Response rate, CSAT and NPS overall, per survey, by segment (industry, region) and by month: grouped queries."""
    ensure_permission(user, "relations.view_survey")
    companies = company_ids_for(user)
    answers = SurveyAnswer.objects.filter(company_id__in=companies)
    invitations = SurveyInvitation.objects.filter(company_id__in=companies, sent_at__isnull=False)
    surveys = Survey.objects.filter(company_id__in=companies).select_related("template")
    if date_from:
        answers = answers.filter(survey__sent_on__gte=date_from)
        invitations = invitations.filter(survey__sent_on__gte=date_from)
        surveys = surveys.filter(sent_on__gte=date_from)
    if date_to:
        answers = answers.filter(survey__sent_on__lte=date_to)
        invitations = invitations.filter(survey__sent_on__lte=date_to)
        surveys = surveys.filter(sent_on__lte=date_to)
    if survey_id:
        answers, invitations = answers.filter(survey_id=survey_id), invitations.filter(survey_id=survey_id)
        surveys = surveys.filter(pk=survey_id)
    sent = invitations.aggregate(sent=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False)))
    per_survey_sent = {
        row["survey_id"]: row
        for row in invitations.values("survey_id").annotate(
            sent=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False))
        )
    }
    per_survey = {row["survey_id"]: row for row in answers.values("survey_id").annotate(**NPS_COUNTS)}
    empty = {k: 0 for k in NPS_COUNTS}
    industries, regions = dict(Industry.choices), dict(Region.choices)
    return SurveyResults(
        overall=_scores(_("All answers"), answers.aggregate(**NPS_COUNTS), sent["sent"], sent["answered"]),
        surveys=[
            (
                s,
                _scores(
                    str(s),
                    per_survey.get(s.pk, empty),
                    per_survey_sent.get(s.pk, {}).get("sent", 0),
                    per_survey_sent.get(s.pk, {}).get("answered", 0),
                ),
            )
            for s in surveys.order_by("-sent_on", "-id")[:100]
        ],
        by_industry=[
            _scores(str(industries.get(r["customer__industry"], _("Not set"))), r)
            for r in answers.values("customer__industry").annotate(**NPS_COUNTS).order_by("customer__industry")
        ],
        by_region=[
            _scores(str(regions.get(r["customer__region"], _("Not set"))), r)
            for r in answers.values("customer__region").annotate(**NPS_COUNTS).order_by("customer__region")
        ],
        by_month=[
            _scores(r["month"].strftime("%Y-%m"), r)
            for r in answers.annotate(month=TruncMonth("answered_on"))
            .values("month")
            .annotate(**NPS_COUNTS)
            .order_by("month")
        ],
    )


def scores_json(s: Scores) -> dict:
    def number(value):
        return str(value) if value is not None else None

    out = {
        "label": s.label,
        "nps": number(s.nps.score),
        "promoters": s.nps.promoters,
        "passives": s.nps.passives,
        "detractors": s.nps.detractors,
        "nps_answers": s.nps.answers,
        "csat": number(s.csat.score),
        "csat_average": number(s.csat.average),
        "csat_answers": s.csat.answers,
    }
    if s.sent is not None:
        out.update(sent=s.sent, answered=s.answered, response_rate=number(s.response_rate))
    return out


def survey_results_json(results: SurveyResults) -> dict:
    return {
        "overall": scores_json(results.overall),
        "surveys": [
            {"id": s.pk, "template": s.template.code, "sent_on": s.sent_on, **scores_json(sc)}
            for s, sc in results.surveys
        ],
        "by_industry": [scores_json(s) for s in results.by_industry],
        "by_region": [scores_json(s) for s in results.by_region],
        "by_month": [scores_json(s) for s in results.by_month],
    }


# --- revisits ---------------------------------------------------------------------------------


def revisits_for(user, *, mine: bool = False) -> QuerySet[Revisit]:
    ensure_permission(user, "relations.view_revisit")
    revisits = Revisit.objects.filter(company_id__in=company_ids_for(user)).select_related("customer", "owner")
    if mine:
        revisits = revisits.filter(owner=user)
    return revisits


def revisits_planned(user, *, mine: bool = False) -> QuerySet[Revisit]:
    """The planned revisits, the earliest due first: the owner's worklist."""
    return revisits_for(user, mine=mine).filter(status=RevisitStatus.PLANNED).order_by("due_on", "id")


def revisits_overdue(user, *, as_of: dt.date, mine: bool = False) -> QuerySet[Revisit]:
    return revisits_planned(user, mine=mine).filter(due_on__lt=as_of)


def revisit_calendar(user, *, month: dt.date, mine: bool = False) -> list[list[dict]]:
    """The weeks of a month (Monday first), each day with its revisits."""
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    by_day: dict[dt.date, list[Revisit]] = {}
    for revisit in (
        revisits_for(user, mine=mine).filter(due_on__gte=first, due_on__lt=following).order_by("due_on", "id")
    ):
        by_day.setdefault(revisit.due_on, []).append(revisit)
    start = first - dt.timedelta(days=first.weekday())
    weeks, day = [], start
    while day < following:
        weeks.append(
            [
                {"day": d, "in_month": d.month == first.month, "revisits": by_day.get(d, [])}
                for d in (day + dt.timedelta(days=i) for i in range(7))
            ]
        )
        day += dt.timedelta(days=7)
    return weeks


def revisits_overdue_table(user, *, as_of: dt.date) -> ReportTable:
    rows = [
        [r.customer.code, r.customer.name, r.get_reason_display(), r.due_on, (as_of - r.due_on).days, _user(r.owner)]
        for r in revisits_overdue(user, as_of=as_of)
    ]
    return ReportTable(
        title=_("Overdue revisits"),
        subtitle=[_("As of %(date)s") % {"date": as_of.isoformat()}],
        headers=[_("Customer code"), _("Customer"), _("Reason"), _("Due on"), _("Days overdue"), _("Owner")],
        rows=rows,
    )


def open_complaint_count(customer: Customer) -> int:
    return Complaint.objects.filter(customer=customer, status__in=domain.OPEN_STATUSES).count()


# --- key accounts -----------------------------------------------------------------------------


def key_accounts(
    user, *, company_id: int | None = None, text: str = "", key: bool | None = None, owner_id: int | None = None
) -> QuerySet[Customer]:
    """The company's customers with their relation profile (key account, relationship owner), by customer code.

    The owner filter follows the rule of ``owner_of``: the profile's owner, else the collector.
    """
    ensure_permission(user, "relations.view_relationprofile")
    customers = Customer.objects.filter(company_id__in=company_ids_for(user)).select_related(
        "company", "collector", "relation_profile__owner"
    )
    if company_id is not None:
        customers = customers.filter(company_id=company_id)
    if text:
        customers = customers.filter(Q(code__icontains=text) | Q(name__icontains=text))
    if key is True:
        customers = customers.filter(relation_profile__is_key_account=True)
    elif key is False:
        customers = customers.filter(Q(relation_profile__isnull=True) | Q(relation_profile__is_key_account=False))
    if owner_id is not None:
        customers = customers.filter(
            Q(relation_profile__owner_id=owner_id) | Q(relation_profile__owner__isnull=True, collector_id=owner_id)
        )
    return customers.order_by("company__code", "code")


def relation_profile_of(customer: Customer) -> RelationProfile | None:
    return RelationProfile.objects.filter(customer=customer).select_related("owner").first()
