"""Questions about risk: every customer's facts for the scan (grouped, set-based), signals, watch list, inbox.

The scan reads each fact for all the customers of a company in one grouped statement (never one query
per customer): the ledger's ``behaviour`` statements for what is owed and how it was paid, and
grouped reads of credit (limits, grades, statements, special approvals), collections (broken
promises, disputes) and insights (pay-date predictions).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, F, Max, QuerySet, Sum, Window
from django.db.models.functions import RowNumber

from ardesk.collections.models import Dispute, PromiseStatus, PromiseToPay
from ardesk.companies.models import Company
from ardesk.companies.selectors import company_ids_for
from ardesk.core.errors import NotFound
from ardesk.credit import domain as credit_domain
from ardesk.credit.models import (
    CreditAccount,
    CreditRequest,
    CreditScore,
    FinancialStatement,
    OpenOrder,
    OrderStatus,
    RequestKind,
    RequestStatus,
    Scorecard,
)
from ardesk.customers.models import Customer
from ardesk.insights import selectors as insights
from ardesk.ledger import behaviour
from ardesk.provisioning.models import ProvisionRun, RunLine, RunStatus
from ardesk.risk import domain
from ardesk.risk.defaults import DEFAULT_CONFIG
from ardesk.risk.models import Alert, RiskConfig, RiskScan, RiskSignal, SignalStatus, WatchEntry, WatchStatus


def config_of(company: Company) -> RiskConfig | None:
    """The company's risk configuration in force: its latest version (None: the shipped defaults apply)."""
    return RiskConfig.objects.filter(company=company).order_by("-version").first()


def config_values(company: Company) -> dict:
    row = config_of(company)
    return row.config if row is not None else DEFAULT_CONFIG


def grade_order() -> list[str]:
    """The grades of the active scorecard, best first (empty without one)."""
    config = Scorecard.objects.filter(is_active=True).order_by("code", "-version").values_list("config", flat=True)
    first = config.first() or {}
    return [g["grade"] for g in first.get("grades", [])]


def _counts(queryset: QuerySet) -> dict[int, int]:
    return dict(queryset.values("customer_id").annotate(n=Count("id")).values_list("customer_id", "n"))


def _grade_changes(company: Company, as_of: dt.date, days: int, grades: list[str]) -> dict[int, tuple[str, str, int]]:
    """Per customer scored within ``days`` before the date: (grade before, grade now, notches fallen)."""
    recent = CreditScore.objects.filter(
        customer__company=company, scored_on__gt=as_of - dt.timedelta(days=days), scored_on__lte=as_of
    ).values("customer_id")
    ranked = (
        CreditScore.objects.filter(customer_id__in=recent, scored_on__lte=as_of)
        .annotate(
            rn=Window(RowNumber(), partition_by=[F("customer_id")], order_by=[F("scored_on").desc(), F("id").desc()])
        )
        .filter(rn__lte=2)
        .values_list("customer_id", "rn", "grade")
    )
    pairs: dict[int, dict[int, str]] = {}
    for customer_id, rn, grade in ranked:
        pairs.setdefault(customer_id, {})[rn] = grade
    config = {"grades": [{"grade": g} for g in grades]}
    found = {}
    for customer_id, by_rank in pairs.items():
        if 2 not in by_rank:
            continue
        now, before = by_rank[1], by_rank[2]
        notches = credit_domain.grade_rank(config, now) - credit_domain.grade_rank(config, before)
        found[customer_id] = (before, now, max(notches, 0))
    return found


def _zones(company: Company, models: list[str]) -> dict[int, dict]:
    """Per customer with statements: the latest statement's period end and Altman zone, and the zone before."""
    ranked = (
        FinancialStatement.objects.filter(customer__company=company)
        .annotate(
            rn=Window(RowNumber(), partition_by=[F("customer_id")], order_by=[F("period_end").desc(), F("id").desc()])
        )
        .filter(rn__lte=2)
        .values_list("customer_id", "rn", "period_end", "lines", "months")
    )
    chosen = [m for m in credit_domain.Z_MODELS if m.key in models] or list(credit_domain.Z_MODELS[1:2])
    found: dict[int, dict] = {}
    for customer_id, rn, period_end, lines, months in ranked:
        # Altman's terms are ratios of lines in one currency: whole minor units give the same score.
        values = {code: Decimal(minor) for code, minor in lines.items() if minor is not None}
        entry = found.setdefault(customer_id, {"zone_now": "", "zone_before": "", "model": "", "value": ""})
        for model in chosen:
            z = credit_domain.z_score(model, values, months)
            if z.value is None:
                continue
            if rn == 1:
                entry.update(zone_now=z.zone, model=str(model.label), value=str(z.value), period_end=period_end)
            else:
                entry["zone_before"] = z.zone
            break
        if rn == 1:
            entry.setdefault("period_end", period_end)
    return found


def customer_facts(*, company: Company, as_of: dt.date, config: dict) -> dict[int, domain.CustomerFacts]:
    """Every active customer's facts on the date, by customer id: a dozen grouped reads for the whole company."""
    rules = config["signals"]
    currency = company.functional_currency
    customers = Customer.objects.filter(company=company).exclude(status="closed")
    trend = rules.get("days_late_trend", {})
    lateness = behaviour.payment_lateness(
        company_id=company.pk,
        as_of=as_of,
        recent=int(trend.get("last_payments", 5)),
        since=as_of - dt.timedelta(days=int(trend.get("history_days", 730))),
    )
    position = behaviour.open_position(
        company_id=company.pk,
        as_of=as_of,
        due_within_days=int(rules.get("large_item_due", {}).get("within_days", 7)),
    )
    accounts = dict(
        CreditAccount.objects.filter(company=company).values_list("customer_id", "limit").filter(limit__gt=0)
    )
    orders = dict(
        OpenOrder.objects.filter(company=company, status=OrderStatus.RELEASED)
        .values("customer_id")
        .annotate(total=Sum("amount"))
        .values_list("customer_id", "total")
    )

    def since(kind: str, default: int) -> dt.date:
        return as_of - dt.timedelta(days=int(rules.get(kind, {}).get("days", default)))

    broken = _counts(
        PromiseToPay.objects.filter(
            company=company,
            status=PromiseStatus.BROKEN,
            checked_on__gt=since("broken_promises", 90),
            checked_on__lte=as_of,
        )
    )
    disputes = _counts(
        Dispute.objects.filter(company=company, opened_on__gt=since("new_disputes", 30), opened_on__lte=as_of)
    )
    special = _counts(
        CreditRequest.objects.filter(
            company=company,
            kind=RequestKind.SPECIAL,
            status=RequestStatus.USED,
            used_by_order__checked_at__date__gt=since("special_approvals", 90),
            used_by_order__checked_at__date__lte=as_of,
        )
    )
    grades = _grade_changes(company, as_of, int(rules.get("grade_drop", {}).get("days", 90)), grade_order())
    zones = _zones(company, list(rules.get("distress_zone", {}).get("models", [])))
    slip_rule = rules.get("predicted_slip")
    slips = (
        insights.predicted_slip(company_id=company.pk, as_of=as_of, days=int(slip_rule.get("days", 30)))
        if slip_rule and slip_rule.get("enabled", True) is not False
        else {}
    )
    found = {}
    for customer_id in customers.values_list("pk", flat=True).iterator(chunk_size=5000):
        open_ = position.get(customer_id)
        grade = grades.get(customer_id)
        zone = zones.get(customer_id)
        slip = slips.get(customer_id)
        facts = domain.CustomerFacts(
            customer_id=customer_id,
            currency=currency,
            limit=accounts.get(customer_id),
            open=open_["open"] if open_ else 0,
            overdue=open_["overdue"] if open_ else 0,
            unapplied=open_["unapplied"] if open_ else 0,
            oldest_overdue_on=open_["oldest_overdue_on"] if open_ else None,
            largest_due_soon=open_["largest_due_soon"] if open_ else 0,
            released_orders=orders.get(customer_id, 0),
            lateness=lateness.get(customer_id),
            broken_promises=broken.get(customer_id, 0),
            new_disputes=disputes.get(customer_id, 0),
            special_approvals=special.get(customer_id, 0),
            grade_before=grade[0] if grade else "",
            grade_now=grade[1] if grade else "",
            grade_notches=grade[2] if grade else 0,
            zone_now=zone["zone_now"] if zone else "",
            zone_before=zone["zone_before"] if zone else "",
            z_model=zone["model"] if zone else "",
            z_value=zone["value"] if zone else "",
            statement_period_end=zone.get("period_end") if zone else None,
            predicted_open=slip[0] if slip else 0,
            predicted_late=slip[1] if slip else 0,
        )
        found[customer_id] = facts
    return found


# --- screens ---------------------------------------------------------------------------------


def visible_signals(*, user, company_id: int | None = None) -> QuerySet[RiskSignal]:
    companies = company_ids_for(user)
    signals = RiskSignal.objects.filter(company_id__in=companies, status=SignalStatus.ACTIVE)
    if company_id:
        signals = signals.filter(company_id=company_id)
    return signals.select_related("customer", "company")


def signal_history(customer: Customer) -> QuerySet[RiskSignal]:
    return RiskSignal.objects.filter(customer=customer).order_by("-first_seen_on", "-id")


def watch_list(*, user, status: str = WatchStatus.OPEN, company_id: int | None = None) -> QuerySet[WatchEntry]:
    entries = WatchEntry.objects.filter(company_id__in=company_ids_for(user))
    if status:
        entries = entries.filter(status=status)
    if company_id:
        entries = entries.filter(company_id=company_id)
    return entries.select_related("customer", "company", "owner", "opened_by", "closed_by")


def watch_entry_for(*, user, pk: int) -> WatchEntry:
    entry = watch_list(user=user, status="").filter(pk=pk).first()
    if entry is None:
        from django.utils.translation import gettext as _

        raise NotFound(_("Watch-list entry %(id)s does not exist or is not visible to you.") % {"id": pk})
    return entry


def open_watch_entry(customer: Customer) -> WatchEntry | None:
    return WatchEntry.objects.filter(customer=customer, status=WatchStatus.OPEN).select_related("owner").first()


def watch_history(customer: Customer) -> QuerySet[WatchEntry]:
    return WatchEntry.objects.filter(customer=customer).select_related("owner", "closed_by").order_by("-opened_on")


def inbox(user) -> QuerySet[Alert]:
    return Alert.objects.filter(user=user).select_related("customer", "company")


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Alert.objects.filter(user=user, read_at__isnull=True).count()


def latest_closed_on(company: Company) -> dict[int, dt.date]:
    """Per customer that left the watch list, the day of the last decision to take it off."""
    return dict(
        WatchEntry.objects.filter(company=company, status=WatchStatus.CLOSED)
        .values("customer_id")
        .annotate(last=Max("closed_on"))
        .values_list("customer_id", "last")
    )


def signal_counts(*, user) -> dict[str, int]:
    """Active signals by severity over the user's companies."""
    rows = (
        RiskSignal.objects.filter(company_id__in=company_ids_for(user), status=SignalStatus.ACTIVE)
        .values("severity")
        .annotate(n=Count("id"))
    )
    return {row["severity"]: row["n"] for row in rows} | {"": 0}


# --- the portfolio ---------------------------------------------------------------------------


def _provision_by_customer(company: Company) -> tuple[dict[int, int], str]:
    """The allowance required per customer in the company's latest provision run (approved first), and its date."""
    runs = ProvisionRun.objects.filter(company=company).exclude(status=RunStatus.SUPERSEDED)
    run = (
        runs.filter(status=RunStatus.APPROVED).order_by("-as_of", "-id").first()
        or runs.order_by("-as_of", "-id").first()
    )
    if run is None:
        return {}, ""
    required = dict(
        RunLine.objects.filter(run=run)
        .values("customer_id")
        .annotate(total=Sum("required"))
        .values_list("customer_id", "total")
    )
    return required, run.as_of.isoformat()


def _ranked(totals: dict, count: dict, limit: int | None = None) -> list[list]:
    rows = sorted(([key, total, count.get(key, 0)] for key, total in totals.items()), key=lambda r: (-r[1], str(r[0])))
    return rows[:limit] if limit else rows


def portfolio_figures(*, company: Company, exposures: dict[int, int], config: dict) -> dict:
    """Exposure by grade, industry, region, group and collector, concentration with its warnings, and the
    expected loss by grade where a provision run exists; plain JSON values kept on the scan.

    A customer's exposure is what it owes less its unapplied cash and credits (functional minor units);
    a group is the customer's parent company (or the customer itself); only positive exposures count
    towards concentration.
    """
    customers = Customer.objects.filter(company=company).values_list(
        "pk", "code", "name", "parent_id", "industry", "region", "collector_id"
    )
    grades = dict(CreditAccount.objects.filter(company=company).values_list("customer_id", "grade"))
    required, provision_on = _provision_by_customer(company)
    totals: dict[str, dict] = {k: {} for k in ("grade", "industry", "region", "group", "collector")}
    counts: dict[str, dict] = {k: {} for k in totals}
    by_customer: list[list] = []
    names: dict[int, tuple[str, str]] = {}
    loss: dict[str, list[int]] = {}
    for pk, code, name, parent_id, industry, region, collector_id in customers.iterator(chunk_size=5000):
        names[pk] = (code, name)
        exposure = exposures.get(pk, 0)
        if exposure <= 0:
            continue
        grade = grades.get(pk, "")
        keys = {
            "grade": grade,
            "industry": industry,
            "region": region,
            "group": parent_id or pk,
            "collector": collector_id or 0,
        }
        for dimension, key in keys.items():
            totals[dimension][key] = totals[dimension].get(key, 0) + exposure
            counts[dimension][key] = counts[dimension].get(key, 0) + 1
        by_customer.append([pk, exposure])
        if pk in required:
            entry = loss.setdefault(grade, [0, 0, 0])
            entry[0] += exposure
            entry[1] += int(required[pk])
            entry[2] += 1
    figures = {
        "customer": domain.concentration(e for _pk, e in by_customer),
        "group": domain.concentration(totals["group"].values()),
        "industry": domain.concentration(totals["industry"].values()),
    }
    warnings = domain.concentration_warnings(figures, config.get("concentration", {}))
    order = {g: n for n, g in enumerate(grade_order())}
    by_grade = sorted(_ranked(totals["grade"], counts["grade"]), key=lambda r: (r[0] == "", order.get(r[0], 99), r[0]))
    by_customer.sort(key=lambda r: (-r[1], r[0]))
    total = figures["customer"].total
    groups = _ranked(totals["group"], counts["group"], 20)
    return {
        "total": total,
        "customers": figures["customer"].count,
        "by": {
            "grade": by_grade,
            "industry": _ranked(totals["industry"], counts["industry"]),
            "region": _ranked(totals["region"], counts["region"]),
            "group": [[key, value, n, *names.get(key, ("", ""))] for key, value, n in groups],
            "collector": _ranked(totals["collector"], counts["collector"]),
        },
        "top_customers": [[pk, exposure, *names[pk]] for pk, exposure in by_customer[:20]],
        "concentration": {
            key: {
                "count": c.count,
                "top10_share": str(c.top10_share),
                "top20_share": str(c.top20_share),
                "hhi": str(c.hhi),
            }
            for key, c in figures.items()
        },
        "warnings": [{"key": w.key, "value": str(w.value), "limit": str(w.limit)} for w in warnings],
        "expected_loss": {
            "provision_on": provision_on,
            "by_grade": [
                [g, *v] for g, v in sorted(loss.items(), key=lambda kv: (kv[0] == "", order.get(kv[0], 99), kv[0]))
            ],
        },
    }


def latest_scan(company: Company) -> RiskScan | None:
    return RiskScan.objects.filter(company=company).order_by("-as_of", "-id").first()


def grades_on(*, company: Company, on: dt.date) -> dict[int, str]:
    """Each customer's grade on a date: the grade of its latest score on or before it (one grouped read)."""
    latest = (
        CreditScore.objects.filter(customer__company=company, scored_on__lte=on)
        .values("customer_id")
        .annotate(last=Max("id"))
        .values("last")
    )
    return dict(CreditScore.objects.filter(pk__in=latest).values_list("customer_id", "grade"))


def transition(*, company: Company, date_from: dt.date, date_to: dt.date) -> dict:
    """The grade transition matrix between two dates: customers by grade then (rows) and grade later (columns)."""
    before, after = grades_on(company=company, on=date_from), grades_on(company=company, on=date_to)
    grades = grade_order()
    known = set(grades)
    extra = sorted({g for g in (*before.values(), *after.values()) if g and g not in known})
    grades = [*grades, *extra]
    pairs = [(before.get(pk, ""), after.get(pk, "")) for pk in set(before) | set(after)]
    return {"grades": grades, "matrix": domain.transition_matrix(pairs, grades)}


def recent_scans(*, user, limit: int = 10) -> QuerySet[RiskScan]:
    return RiskScan.objects.filter(company_id__in=company_ids_for(user)).select_related("company")[:limit]


def config_versions(company: Company) -> QuerySet[RiskConfig]:
    return RiskConfig.objects.filter(company=company).select_related("created_by").order_by("-version")
