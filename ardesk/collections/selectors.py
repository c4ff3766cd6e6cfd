"""Questions collections asks: the run preview, the worklist, a customer's timeline, open disputes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.collections import domain, engine, policy_criteria, ranking
from ardesk.collections.models import (
    CollectionProfile,
    ContactLog,
    Dispute,
    DisputeStatus,
    DunningLevel,
    DunningPolicy,
    DunningRun,
    LegalCase,
    Notice,
    NoticeStatus,
    PromiseStatus,
    PromiseToPay,
    RunStatus,
)
from ardesk.companies.selectors import company_ids_for
from ardesk.core.errors import NotFound
from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor
from ardesk.customers.models import Customer
from ardesk.ledger import open_items
from ardesk.ledger.models import DueLine

PREVIEW_LIST = 200


def customer_for(user, customer_id: int) -> Customer:
    """A customer of a company granted to the user, else not found."""
    customer = Customer.objects.filter(pk=customer_id, company_id__in=company_ids_for(user)).first()
    if customer is None:
        raise NotFound(f"Customer {customer_id}")
    return customer


def policies_for_company(company_id: int) -> QuerySet[DunningPolicy]:
    """The policies that can apply to a company's customers: its own and the shared ones."""
    return DunningPolicy.objects.filter(Q(company__isnull=True) | Q(company_id=company_id))


def policies_visible(user) -> QuerySet[DunningPolicy]:
    """The policies a user may see: the shared ones and those of the companies granted to them."""
    return DunningPolicy.objects.filter(Q(company__isnull=True) | Q(company_id__in=company_ids_for(user)))


def effective_policy(customer: Customer) -> DunningPolicy | None:
    """The customer's policy: its own, else a criterion's (its segment's), else its grade's, else the default.

    Never another company's policy.
    """
    policies = policies_for_company(customer.company_id).filter(is_active=True)
    profile = CollectionProfile.objects.filter(customer=customer).first()
    if profile and profile.policy_id:
        own = policies.filter(pk=profile.policy_id).first()
        if own:
            return own
    chosen = policy_criteria.policy_id_for(customer.pk)
    if chosen:
        policy = policies.filter(pk=chosen).first()
        if policy:
            return policy
    grade = getattr(getattr(customer, "credit", None), "grade", "")
    if grade:
        policy = policies.filter(grades__grade=grade).first()
        if policy:
            return policy
    return policies.filter(is_default=True).first()


def amount_text(value: Decimal) -> str:
    """A level's amount or rate as text: two decimals, more only when it has them (100.00, 0.125)."""
    cents = value.quantize(Decimal("0.01"))
    return str(cents) if cents == value else f"{value.normalize():f}"


def policies_json(user=None) -> dict:
    """Every policy (the user may see) with its levels and grades, in the form ``policy import`` reads."""
    policies = []
    found = DunningPolicy.objects if user is None else policies_visible(user)
    for policy in found.select_related("company").prefetch_related("levels", "grades").order_by("code"):
        policies.append(
            {
                "code": policy.code,
                "name": policy.name,
                "name_zh": policy.name_zh,
                "company": policy.company.code if policy.company else "",
                "is_default": policy.is_default,
                "min_days_between": policy.min_days_between,
                "interest_basis": policy.interest_basis,
                "grades": [g.grade for g in policy.grades.all()],
                "levels": [
                    {
                        "name": level.name,
                        "name_zh": level.name_zh,
                        "days": level.days,
                        "channel": level.channel,
                        "min_amount": amount_text(level.min_amount),
                        "fee": amount_text(level.fee),
                        "interest_rate": amount_text(level.interest_rate),
                        "subject_en": level.subject_en,
                        "body_en": level.body_en,
                        "subject_zh": level.subject_zh,
                        "body_zh": level.body_zh,
                    }
                    for level in policy.levels.all()
                ],
            }
        )
    return {"policies": policies}


@dataclass
class PreviewNotice:
    customer_id: int
    customer_code: str
    customer_name: str
    level: DunningLevel
    items: int
    total: int


@dataclass
class PreviewLevel:
    level: DunningLevel
    notices: int = 0
    items: int = 0
    total: int = 0


@dataclass
class Preview:
    run_on: dt.date
    notices: int
    items: int
    total: int
    currency: str
    levels: list[PreviewLevel] = field(default_factory=list)
    first: list[PreviewNotice] = field(default_factory=list)


def run_preview(*, company, run_on: dt.date, listed: int = PREVIEW_LIST) -> Preview:
    """What a run would send on a date: notices per level, and the largest notices by name."""
    rows = engine.preview_rows(company_id=company.pk, run_on=run_on)
    levels = DunningLevel.objects.in_bulk({row[1] for row in rows})
    by_level: dict[int, PreviewLevel] = {}
    for _customer, level_id, _seq, _channel, items, total in rows:
        entry = by_level.setdefault(level_id, PreviewLevel(level=levels[level_id]))
        entry.notices += 1
        entry.items += items
        entry.total += total
    largest = sorted(rows, key=lambda row: (-row[5], row[0], row[2]))[:listed]
    customers = Customer.objects.in_bulk({row[0] for row in largest})
    return Preview(
        run_on=run_on,
        notices=len(rows),
        items=sum(row[4] for row in rows),
        total=sum(row[5] for row in rows),
        currency=company.functional_currency,
        levels=sorted(by_level.values(), key=lambda e: (e.level.policy_id, e.level.seq)),
        first=[
            PreviewNotice(
                customer_id=row[0],
                customer_code=customers[row[0]].code,
                customer_name=customers[row[0]].name,
                level=levels[row[1]],
                items=row[4],
                total=row[5],
            )
            for row in largest
        ],
    )


def unfinished_runs(*, run_id: int | None = None, company=None, run_on: dt.date | None = None) -> QuerySet[DunningRun]:
    """Runs whose delivery did not finish: still delivering (or its process died) or failed, oldest first."""
    runs = DunningRun.objects.filter(status__in=(RunStatus.DELIVERING, RunStatus.FAILED)).select_related("company")
    if run_id is not None:
        runs = runs.filter(pk=run_id)
    if company is not None:
        runs = runs.filter(company=company)
    if run_on is not None:
        runs = runs.filter(run_on=run_on)
    return runs.order_by("run_on", "pk")


def delivery_is_alive(run: DunningRun) -> bool:
    """Whether a run is being delivered now: still delivering, and heard from (or started) within the silence limit."""
    from ardesk.collections.services.runs import DELIVERY_SILENT

    if run.status != RunStatus.DELIVERING:
        return False
    silent_since = timezone.now() - DELIVERY_SILENT
    return (run.delivery_seen_at or run.created_at) >= silent_since


def notices_for(user) -> QuerySet[Notice]:
    return Notice.objects.filter(company_id__in=company_ids_for(user)).select_related("customer", "level", "debit_note")


# --- the worklist -----------------------------------------------------------------------------


def _at_risk_sql(as_of: dt.date) -> tuple[str, list]:
    """SUM of the rows' open amounts weighted by age (domain.RISK_WEIGHTS), in percent units; params."""
    whens, params = [], []
    lower = 0
    for upper, percent in domain.RISK_WEIGHTS:
        condition = "r.aged_on < %s"
        params.append(as_of - dt.timedelta(days=lower))
        if upper is not None:
            condition += " AND r.aged_on >= %s"
            params.append(as_of - dt.timedelta(days=upper))
        whens.append(f"WHEN {condition} THEN r.amount * {int(percent)}")
        lower = upper or 0
    return f"SUM(CASE {' '.join(whens)} ELSE 0 END)", params


def _day(value) -> dt.date | None:
    """A date read from raw SQL: SQLite gives the text, PostgreSQL the date."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _ranked_with_predictions(rows: list[dict], as_of: dt.date) -> list[dict]:
    """The worklist's rows re-ranked where a higher context predicts lateness (see ranking.py).

    A customer with a prediction is ranked by the amount at risk at its items' predicted days late
    (weighted as RISK_WEIGHTS weights days overdue); the others by overdue amounts weighted by age.
    """
    predicted = ranking.predicted_risk([r["customer_id"] for r in rows], as_of)
    if not predicted:
        return rows
    for row in rows:
        figures = predicted.get(row["customer_id"])
        if figures is not None:
            row["at_risk"] = figures["at_risk"] * 100  # the SQL's unit: minor units × percent
            row["days_late"] = figures["days_late"]
    rows.sort(key=lambda r: (-r["at_risk"], -r["overdue"], r["customer_id"]))
    return rows


@dataclass
class WorklistRow:
    customer: Customer
    overdue: int
    at_risk: int
    oldest_due: dt.date | None
    next_action_on: dt.date | None = None
    in_legal: bool = False
    predicted_days_late: int | None = None


def has_assigned_customers(*, user) -> bool:
    """Whether the user is the collector of any customer."""
    return Customer.objects.filter(collector=user).exists()


def worklist_customers(*, user, as_of: dt.date, mine: bool = True, limit: int | None = 100) -> list[WorklistRow]:
    """The collector's customers with items overdue on a date, ranked by amount at risk (overdue weighted by age).

    The amounts are those open on the date (the ledger's open-items statement): a past date shows what
    was owed then, counting the payments and credits allocated since as still owed.
    """
    rows_sql, params = open_items.open_amount_rows(
        as_of=as_of, basis="due", keys=("customer_id",), company_ids=company_ids_for(user), functional=True
    )
    at_risk, risk_params = _at_risk_sql(as_of)
    mine_sql, mine_params = "", []
    if mine:
        mine_sql = f" JOIN {Customer._meta.db_table} c ON c.id = r.customer_id AND c.collector_id = %s"
        mine_params = [user.pk]
    # None: every customer (the export); a ranking provider (insights) re-ranks the whole list first.
    sql_limit = None if ranking.has_providers() else limit
    limit_sql = "" if sql_limit is None else f" LIMIT {int(sql_limit)}"
    # Fixed text: the ledger's fragments, this module's constants; every value is a placeholder.
    sql = f"""
        SELECT r.customer_id, SUM(r.amount) AS overdue, {at_risk} AS at_risk,
               MIN(CASE WHEN r.amount > 0 THEN r.aged_on END) AS oldest
        FROM ({rows_sql}) r{mine_sql}
        WHERE r.aged_on < %s
        GROUP BY r.customer_id
        HAVING SUM(r.amount) > 0
        ORDER BY at_risk DESC, overdue DESC, r.customer_id{limit_sql}
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*risk_params, *params, *mine_params, as_of])
        rows = [
            {"customer_id": c, "overdue": int(o), "at_risk": int(r), "oldest": _day(d)}
            for c, o, r, d in cursor.fetchall()
        ]
    rows = _ranked_with_predictions(rows, as_of)[:limit]
    customers = Customer.objects.select_related("company").in_bulk([r["customer_id"] for r in rows])
    profiles = CollectionProfile.objects.in_bulk([r["customer_id"] for r in rows])
    next_actions = dict(
        ContactLog.objects.filter(customer_id__in=customers, next_action_on__isnull=False)
        .order_by("customer_id", "logged_at")
        .values_list("customer_id", "next_action_on")
    )
    result = []
    for r in rows:
        profile = profiles.get(r["customer_id"])
        result.append(
            WorklistRow(
                customer=customers[r["customer_id"]],
                overdue=r["overdue"],
                at_risk=r["at_risk"] // 100,
                oldest_due=r["oldest"],
                next_action_on=next_actions.get(r["customer_id"]),
                in_legal=bool(profile and profile.in_legal),
                predicted_days_late=r.get("days_late"),
            )
        )
    return result


@dataclass
class DueToday:
    calls: list = field(default_factory=list)
    follow_ups: list = field(default_factory=list)
    promises_due: list = field(default_factory=list)
    broken_promises: list = field(default_factory=list)
    disputes: list = field(default_factory=list)


def due_today(*, user, as_of: dt.date, mine: bool = True) -> DueToday:
    """What the collector has to do today: calls, follow-ups, promises falling due, broken promises, disputes."""
    companies = company_ids_for(user)
    customers = Customer.objects.filter(company_id__in=companies)
    if mine:
        customers = customers.filter(collector=user)
    ids = customers.values("pk")
    latest_log = {}
    for log in ContactLog.objects.filter(customer_id__in=ids, next_action_on__isnull=False).order_by("logged_at"):
        latest_log[log.customer_id] = log
    return DueToday(
        calls=list(
            Notice.objects.filter(customer_id__in=ids, status=NoticeStatus.TASK)
            .select_related("customer", "level")
            .order_by("notice_on")[:50]
        ),
        follow_ups=sorted(
            (log for log in latest_log.values() if log.next_action_on <= as_of), key=lambda log: log.next_action_on
        )[:50],
        promises_due=list(
            PromiseToPay.objects.filter(customer_id__in=ids, status=PromiseStatus.OPEN, promised_on__lte=as_of)
            .select_related("customer")
            .order_by("promised_on")[:50]
        ),
        broken_promises=list(
            PromiseToPay.objects.filter(
                customer_id__in=ids, status=PromiseStatus.BROKEN, checked_on__gte=as_of - dt.timedelta(days=30)
            )
            .select_related("customer")
            .order_by("-checked_on")[:50]
        ),
        disputes=[
            (dispute, (as_of - dispute.opened_on).days)
            for dispute in Dispute.objects.filter(customer_id__in=ids, status=DisputeStatus.OPEN)
            .select_related("customer", "owner")
            .order_by("opened_on")[:50]
        ],
    )


def open_lines_of(customer: Customer) -> QuerySet[DueLine]:
    """The customer's open items today, oldest due first."""
    return (
        DueLine.objects.filter(customer=customer, settled_on__isnull=True, open_now__gt=0)
        .select_related("document")
        .order_by("due_on", "id")
    )


def timeline(customer: Customer) -> list[dict]:
    """The customer's collections history, newest first: notices, contacts, promises, disputes, legal cases."""
    events: list[dict] = []
    for notice in Notice.objects.filter(customer=customer).select_related("level")[:200]:
        events.append({"on": notice.notice_on, "kind": "notice", "object": notice})
    for log in ContactLog.objects.filter(customer=customer).select_related("logged_by", "contact")[:200]:
        events.append({"on": log.logged_on, "kind": "contact", "object": log})
    for promise in PromiseToPay.objects.filter(customer=customer)[:200]:
        events.append({"on": promise.made_on, "kind": "promise", "object": promise})
    for dispute in Dispute.objects.filter(customer=customer).select_related("owner")[:200]:
        events.append({"on": dispute.opened_on, "kind": "dispute", "object": dispute})
    for case in LegalCase.objects.filter(customer=customer):
        events.append({"on": case.opened_on, "kind": "legal", "object": case})
    events.sort(key=lambda e: (e["on"], e["object"].pk), reverse=True)
    return events


def disputes_for(user, *, status: str | None = DisputeStatus.OPEN) -> QuerySet[Dispute]:
    disputes = Dispute.objects.filter(company_id__in=company_ids_for(user)).select_related("customer", "owner")
    if status:
        disputes = disputes.filter(status=status)
    return disputes.order_by("opened_on", "id")


DISPUTE_AGE_BANDS = ((30, "0-30"), (60, "31-60"), (90, "61-90"), (None, "90+"))


def age_band(days: int) -> str:
    return next(label for upper, label in DISPUTE_AGE_BANDS if upper is None or days <= upper)


def dispute_aging_table(user, *, as_of: dt.date) -> ReportTable:
    """The open disputes, oldest first, with their age and band: the disputes screen's export."""
    rows = []
    for dispute in disputes_for(user):
        age = (as_of - dispute.opened_on).days
        rows.append(
            [
                dispute.customer.code,
                dispute.customer.name,
                dispute.opened_on.isoformat(),
                age,
                age_band(age),
                dispute.get_reason_display(),
                dispute.currency,
                from_minor(dispute.amount, dispute.currency),
                dispute.owner.get_username() if dispute.owner else "",
            ]
        )
    return ReportTable(
        title=_("Open disputes by age"),
        subtitle=[_("As of %(date)s") % {"date": as_of.isoformat()}],
        headers=[
            _("Customer code"),
            _("Customer"),
            _("Opened on"),
            _("Days open"),
            _("Age band"),
            _("Reason"),
            _("Currency"),
            _("Amount"),
            _("Owner"),
        ],
        rows=rows,
    )


def worklist_table(rows: list[WorklistRow], *, as_of: dt.date, mine: bool) -> ReportTable:
    """The worklist as the screen ranks it (amount at risk first), every customer with something overdue."""
    lines = []
    for row in rows:
        currency = row.customer.company.functional_currency
        lines.append(
            [
                row.customer.code,
                row.customer.name,
                row.customer.company.code,
                currency,
                from_minor(row.overdue, currency),
                from_minor(row.at_risk, currency),
                row.oldest_due,
                (as_of - row.oldest_due).days if row.oldest_due else None,
                row.next_action_on,
                _("yes") if row.in_legal else "",
            ]
        )
    scope = _("My customers") if mine else _("All customers")
    return ReportTable(
        title=_("Collection worklist"),
        subtitle=[_("As of %(date)s") % {"date": as_of.isoformat()}, scope],
        headers=[
            _("Customer code"),
            _("Customer"),
            _("Company"),
            _("Currency"),
            _("Overdue"),
            _("At risk"),
            _("Oldest due date"),
            _("Days overdue"),
            _("Next action"),
            _("In legal"),
        ],
        rows=lines,
    )


def dispute_aging(user, *, as_of: dt.date) -> list[dict]:
    """Open disputes by age band (days since opened): count and amount per currency."""
    bands: dict[tuple[str, str], dict] = {}
    for dispute in disputes_for(user):
        band = age_band((as_of - dispute.opened_on).days)
        entry = bands.setdefault(
            (band, dispute.currency), {"band": band, "currency": dispute.currency, "count": 0, "amount": 0}
        )
        entry["count"] += 1
        entry["amount"] += dispute.amount
    order = [label for _upper, label in DISPUTE_AGE_BANDS]
    return sorted(bands.values(), key=lambda e: (order.index(e["band"]), e["currency"]))


def overdue_total(customer: Customer, as_of: dt.date) -> int:
    return DueLine.objects.filter(
        customer=customer, settled_on__isnull=True, open_now__gt=0, due_on__lt=as_of
    ).aggregate(total=Coalesce(Sum("open_functional_now"), Value(0)))["total"]


def promise_and_dispute_counts(*, customer_ids, since: dt.date, until: dt.date) -> dict[int, dict[str, int]]:
    """Per customer, promises kept and broken (checked in the period) and disputes opened in it.

    For the payment behaviour of a credit score ("broken promises", "disputes").
    """
    counts: dict[int, dict[str, int]] = {
        pk: {"kept_promises": 0, "broken_promises": 0, "disputes": 0} for pk in customer_ids
    }
    promises = (
        PromiseToPay.objects.filter(
            customer_id__in=customer_ids,
            status__in=[PromiseStatus.KEPT, PromiseStatus.BROKEN],
            checked_on__gte=since,
            checked_on__lte=until,
        )
        .values("customer_id", "status")
        .annotate(n=Count("id"))
    )
    for row in promises:
        counts[row["customer_id"]][f"{row['status']}_promises"] = row["n"]
    disputes = (
        Dispute.objects.filter(customer_id__in=customer_ids, opened_on__gte=since, opened_on__lte=until)
        .values("customer_id")
        .annotate(n=Count("id"))
    )
    for row in disputes:
        counts[row["customer_id"]]["disputes"] = row["n"]
    return counts


def promises_for(user, *, status: str | None = None) -> QuerySet[PromiseToPay]:
    """Promises to pay of the user's companies, latest promised date first; ``status``: open, kept or broken."""
    promises = PromiseToPay.objects.filter(company_id__in=company_ids_for(user))
    if status:
        promises = promises.filter(status=status)
    return promises.select_related("customer", "created_by").order_by("-promised_on", "-id")


def _money(minor: int, currency: str) -> dict:
    return {"amount": str(from_minor(minor, currency)), "currency": currency}


def preview_data(preview: Preview) -> dict:
    """A run's preview as JSON (the API's and ``ardesk dunning run --dry-run --format json``)."""
    currency = preview.currency
    return {
        "run_on": preview.run_on,
        "notices": preview.notices,
        "items": preview.items,
        "total": _money(preview.total, currency),
        "levels": [
            {
                "policy": e.level.policy.code,
                "level": e.level.seq,
                "name": e.level.name,
                "channel": e.level.channel,
                "notices": e.notices,
                "items": e.items,
                "total": _money(e.total, currency),
            }
            for e in preview.levels
        ],
        "largest": [
            {
                "customer": n.customer_code,
                "name": n.customer_name,
                "level": n.level.seq,
                "channel": n.level.channel,
                "items": n.items,
                "total": _money(n.total, currency),
            }
            for n in preview.first
        ],
    }
