"""Risk writes: configuration versions, the daily scan, the watch list, alerts and their e-mails."""

from __future__ import annotations

import copy
import datetime as dt
import json
import time
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ardesk.accounts.roles import FINANCE_MANAGER
from ardesk.audit.services import record
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.bulk import insert_rows
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.customers.models import Customer
from ardesk.risk import domain, lists, selectors
from ardesk.risk.defaults import DEFAULT_CONFIG
from ardesk.risk.models import (
    ActionKind,
    Alert,
    AlertEmail,
    DigestKind,
    RiskConfig,
    RiskScan,
    RiskSignal,
    SignalStatus,
    WatchAction,
    WatchEntry,
    WatchSource,
    WatchStatus,
)

BATCH = 2000


# --- configuration ---------------------------------------------------------------------------


def config_ensure(company: Company) -> RiskConfig:
    """The company's configuration in force, saving the shipped defaults as version 1 the first time."""
    row = selectors.config_of(company)
    if row is None:
        row, _created = RiskConfig.objects.get_or_create(
            company=company, version=1, defaults={"config": copy.deepcopy(DEFAULT_CONFIG)}
        )
    return row


@transaction.atomic
def config_save(*, by, company: Company, config: dict, note: str = "") -> RiskConfig:
    """Save a configuration as the company's next version, after checking it; the change is audited."""
    ensure_permission(by, "risk.add_riskconfig")
    ensure_company_access(by, company.pk)
    problems = domain.validate_config(config)
    if problems:
        raise InvalidInput({"config": problems})
    current = config_ensure(company)
    row = RiskConfig.objects.create(
        company=company, version=current.version + 1, config=config, note=note, created_by=by
    )
    record(
        action="risk.config_save",
        actor=by,
        target=row,
        company_id=company.pk,
        after={"version": row.version, "note": note},
    )
    return row


def config_export(row: RiskConfig) -> dict:
    return {"company": row.company.code, "version": row.version, "note": row.note, "config": row.config}


def config_import(*, by, company: Company, data: dict) -> RiskConfig:
    """Import an exported configuration as the company's next version (the file's version is not kept)."""
    if not isinstance(data, dict) or "config" not in data:
        raise InvalidInput({"config": [_("This field is required.")]})
    return config_save(by=by, company=company, config=data["config"], note=str(data.get("note") or "")[:300])


# --- the scan --------------------------------------------------------------------------------


def _owner_id(customer: dict, rule: list[str]) -> int | None:
    for role in rule:
        owner = customer.get(f"{role}_id")
        if owner:
            return owner
    return None


def _managers(company: Company) -> list[int]:
    users = get_user_model().objects.filter(
        is_active=True, groups__name=FINANCE_MANAGER, company_grants__company=company
    )
    return list(users.values_list("pk", flat=True).distinct())


def _change(kind: str, on: dt.date, severity: str = "", figures: dict | None = None) -> dict:
    return {"on": on.isoformat(), "kind": kind, "severity": severity, "figures": figures or {}}


def risk_scan(*, company: Company, as_of: dt.date, by=None) -> RiskScan:
    """Scan every customer of the company on the date: signals, the watch list by rule, alerts to the owners.

    Safe to run again: a signal found again only moves its last-seen date; a signal no longer found
    is cleared; only a new or worse signal (and a customer put on the watch list) is told to the
    owner, in the owner's unread alert about that customer if there is one.
    """
    if by is not None:
        ensure_permission(by, "risk.add_riskscan")
        ensure_company_access(by, company.pk)
    started = time.monotonic()
    config_row = config_ensure(company)
    config = config_row.config
    facts = selectors.customer_facts(company=company, as_of=as_of, config=config)
    found = {}
    for customer_id, customer_facts in facts.items():
        signals = domain.signals_for(customer_facts, config, as_of)
        if signals:
            found[customer_id] = signals
    exposures = {customer_id: f.open - f.unapplied for customer_id, f in facts.items()}
    portfolio = selectors.portfolio_figures(company=company, exposures=exposures, config=config)
    with transaction.atomic():
        scan = _apply(company=company, as_of=as_of, config=config, found=found)
        scan.config, scan.portfolio = config_row, portfolio
        scan.seconds = Decimal(time.monotonic() - started).quantize(Decimal("0.01"))
        scan.save()
        record(
            action="risk.scan",
            actor=by,
            target=scan,
            company_id=company.pk,
            after={
                "as_of": as_of.isoformat(),
                "signals": scan.signals,
                "new_signals": scan.new_signals,
                "watch_added": scan.watch_added,
            },
        )
        transaction.on_commit(lambda: alerts_email_immediate(company=company))
    return scan


def _apply(*, company: Company, as_of: dt.date, config: dict, found: dict[int, list[domain.Signal]]) -> RiskScan:
    currency = company.functional_currency
    # Plain rows, not model instances: a company can have 50,000 active signals.
    active = {
        (customer_id, kind): (pk, severity, measure, figures, first_seen_on)
        for pk, customer_id, kind, severity, measure, figures, first_seen_on in RiskSignal.objects.filter(
            company=company, status=SignalStatus.ACTIVE
        ).values_list("id", "customer_id", "kind", "severity", "measure", "figures", "first_seen_on")
    }
    create, update, supersede = [], [], []
    changes: dict[int, list[dict]] = defaultdict(list)
    newest_start: dict[int, dt.date] = {}
    for customer_id, signals in found.items():
        for signal in signals:
            old = active.pop((customer_id, signal.kind), None)
            figures = _plain(signal.figures)
            if old is not None and old[1] == signal.severity:
                first_seen_on = old[4]
                newest_start[customer_id] = max(newest_start.get(customer_id, first_seen_on), first_seen_on)
                if old[3] != figures or old[2] != signal.measure:
                    update.append((old[0], figures, signal.measure))
                continue
            if old is not None:
                supersede.append(old[0])
            create.append(
                (
                    company.pk,
                    customer_id,
                    signal.kind,
                    signal.severity,
                    signal.measure,
                    figures,
                    currency,
                    SignalStatus.ACTIVE.value,
                    as_of,
                    as_of,
                )
            )
            newest_start[customer_id] = as_of
            if old is None or domain.is_worse(signal.severity, old[1]):
                changes[customer_id].append(_change(signal.kind, as_of, signal.severity, figures))
    cleared = [row[0] for row in active.values()]
    _signals_close(supersede, SignalStatus.SUPERSEDED.value, as_of)
    _signals_close(cleared, SignalStatus.CLEARED.value, as_of)
    _signals_seen(company, update, as_of)
    insert_rows(RiskSignal, SIGNAL_COLUMNS, create)
    watch_added = _watch_by_rule(
        company=company, as_of=as_of, config=config, found=found, newest_start=newest_start, changes=changes
    )
    alerts = _alert_owners(company=company, as_of=as_of, config=config, changes=changes)
    return RiskScan(
        company=company,
        as_of=as_of,
        customers=len(found),
        signals=sum(len(s) for s in found.values()),
        new_signals=sum(1 for c in changes.values() for change in c if change["kind"] != "watch_list"),
        cleared=len(cleared),
        watch_added=watch_added,
        alerts=alerts,
    )


SIGNAL_COLUMNS = (
    "company_id",
    "customer_id",
    "kind",
    "severity",
    "measure",
    "figures",
    "currency",
    "status",
    "first_seen_on",
    "last_seen_on",
)


ALERT_COLUMNS = (
    "user_id",
    "company_id",
    "customer_id",
    "severity",
    "changes",
    "created_at",
    "updated_at",
    "email_pending",
)


def _signals_close(ids: list[int], status: str, as_of: dt.date) -> None:
    """Close the signals with these ids (superseded or cleared) on the date: one statement on PostgreSQL."""
    if not ids:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE risk_risksignal SET status = %s, cleared_on = %s WHERE id = ANY(%s)", [status, as_of, ids]
            )
        return
    for start in range(0, len(ids), BATCH):
        RiskSignal.objects.filter(pk__in=ids[start : start + BATCH]).update(status=status, cleared_on=as_of)


def _signals_seen(company: Company, changed: list[tuple[int, dict, Decimal]], as_of: dt.date) -> None:
    """Move to the date the last-seen date of the signals found again, and store the figures that moved.

    Called once the signals not found again are closed and before the new ones are written, so the
    company's active signals are then exactly those found again. On PostgreSQL one UPDATE writes each
    of them once: the active rows, joined to the changed ones sent as arrays. Run row by row, 25,000
    signals' figures took 7 s (100,000 customers; the days past due of "payments slowing" change
    every day). This table is the risk context's own, so it writes it directly.
    """
    if connection.vendor == "postgresql":
        ids, figures, measures = zip(*changed, strict=True) if changed else ((), (), ())
        sql = (
            "UPDATE risk_risksignal s SET last_seen_on = %s, figures = COALESCE(v.figures::jsonb, s.figures),"
            " measure = COALESCE(v.measure, s.measure)"
            " FROM risk_risksignal a"
            " LEFT JOIN unnest(%s::bigint[], %s::text[], %s::numeric[]) AS v(id, figures, measure) ON v.id = a.id"
            " WHERE s.id = a.id AND a.company_id = %s AND a.status = %s"
        )
        params = [
            as_of,
            list(ids),
            [json.dumps(f) for f in figures],
            list(measures),
            company.pk,
            SignalStatus.ACTIVE.value,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
        return
    RiskSignal.objects.filter(company=company, status=SignalStatus.ACTIVE).update(last_seen_on=as_of)
    sql = "UPDATE risk_risksignal SET figures = %s, measure = %s WHERE id = %s"
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(json.dumps(figures), measure, pk) for pk, figures, measure in changed])


def _plain(figures: dict) -> dict:
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in figures.items()}


def _watch_by_rule(*, company, as_of, config, found, newest_start, changes) -> int:
    """Put on the watch list the customers whose signals meet the rule, unless already on it.

    A customer taken off by a decision is not put back for the signals that decision weighed: only a
    signal first seen after the decision brings it back.
    """
    rule = config.get("watch_list", {})
    on_list = set(
        WatchEntry.objects.filter(company=company, status=WatchStatus.OPEN).values_list("customer_id", flat=True)
    )
    closed = selectors.latest_closed_on(company)
    candidates = [
        customer_id
        for customer_id, signals in found.items()
        if customer_id not in on_list
        and domain.should_watch(signals, config)
        and (customer_id not in closed or newest_start.get(customer_id, as_of) > closed[customer_id])
    ]
    if not candidates:
        return 0
    people = {
        row["pk"]: row for row in Customer.objects.filter(pk__in=candidates).values("pk", "analyst_id", "collector_id")
    }
    owner_rule = list(rule.get("owner", domain.OWNER_ROLES))
    review_on = as_of + dt.timedelta(days=int(rule.get("review_days", 30)))
    entries = []
    for customer_id in candidates:
        signals = found[customer_id]
        rule_signals = [[s.kind, s.severity] for s in signals]
        points = str(domain.points(signals, config).normalize())
        entries.append(
            WatchEntry(
                company=company,
                customer_id=customer_id,
                source=WatchSource.RULE,
                rule_signals=rule_signals,
                rule_points=points,
                owner_id=_owner_id(people[customer_id], owner_rule),
                review_on=review_on,
                opened_on=as_of,
            )
        )
        change = _change("watch_list", as_of, domain.highest_severity(s.severity for s in signals))
        changes[customer_id].append({**change, "signals": rule_signals, "points": points})
    WatchEntry.objects.bulk_create(entries, batch_size=BATCH)
    return len(entries)


def _alert_owners(*, company, as_of, config, changes: dict[int, list[dict]]) -> int:
    """Tell each customer's owner what changed: the watch-list owner, else the analyst or collector by rule;
    the finance managers too when a change is high and the configuration says so."""
    if not changes:
        return 0
    owner_rule = list(config.get("watch_list", {}).get("owner", domain.OWNER_ROLES))
    watch_owners = dict(
        WatchEntry.objects.filter(company=company, status=WatchStatus.OPEN, customer_id__in=list(changes))
        .exclude(owner=None)
        .values_list("customer_id", "owner_id")
    )
    people = {
        row["pk"]: row
        for row in Customer.objects.filter(pk__in=list(changes)).values("pk", "analyst_id", "collector_id")
    }
    managers = _managers(company) if config.get("alerts", {}).get("high_to_managers") else []
    recipients: dict[tuple[int, int], list[dict]] = {}
    for customer_id, customer_changes in changes.items():
        users = {watch_owners.get(customer_id) or _owner_id(people[customer_id], owner_rule)}
        if any(c["severity"] == "high" for c in customer_changes):
            users.update(managers)
        for user_id in users - {None}:
            recipients[(user_id, customer_id)] = customer_changes
    unread = {
        (a.user_id, a.customer_id): a
        for a in Alert.objects.filter(
            read_at__isnull=True,
            customer_id__in=list(changes),
            user_id__in={user_id for user_id, _c in recipients},
        )
    }
    create, update = [], []
    now = clock.now()
    for (user_id, customer_id), customer_changes in recipients.items():
        severity = domain.highest_severity(c["severity"] for c in customer_changes)
        alert = unread.get((user_id, customer_id))
        if alert is None:
            create.append((user_id, company.pk, customer_id, severity, customer_changes, now, now, True))
            continue
        alert.changes = [*alert.changes, *customer_changes]
        alert.severity = domain.highest_severity([alert.severity, severity])
        alert.email_pending = True
        alert.updated_at = clock.now()
        update.append(alert)
    insert_rows(Alert, ALERT_COLUMNS, create)
    Alert.objects.bulk_update(update, ["changes", "severity", "email_pending", "updated_at"], batch_size=BATCH)
    return len(create) + len(update)


def risk_scan_all(*, as_of: dt.date) -> int:
    """The daily scan of every active company not yet scanned for the date (the scheduled job)."""
    done = 0
    scanned = set(RiskScan.objects.filter(as_of=as_of).values_list("company_id", flat=True))
    for company in Company.objects.filter(is_active=True).exclude(pk__in=scanned):
        risk_scan(company=company, as_of=as_of)
        done += 1
    return done


# --- the watch list --------------------------------------------------------------------------


@transaction.atomic
def watch_add(*, by, customer: Customer, reason: str, owner=None, review_on: dt.date | None = None) -> WatchEntry:
    """Put a customer on the watch list by hand, with an owner, a reason and a review date."""
    ensure_permission(by, "risk.add_watchentry")
    ensure_company_access(by, customer.company_id)
    if not reason.strip():
        raise InvalidInput({"reason": [_("Say why the customer is watched.")]})
    if WatchEntry.objects.select_for_update().filter(customer=customer, status=WatchStatus.OPEN).exists():
        raise ApplicationError(_("Customer %(code)s is already on the watch list.") % {"code": customer.code})
    today = clock.today()
    entry = WatchEntry.objects.create(
        company_id=customer.company_id,
        customer=customer,
        source=WatchSource.HAND,
        reason=reason.strip()[:500],
        owner=owner or by,
        review_on=review_on or today + dt.timedelta(days=30),
        opened_on=today,
        opened_by=by,
    )
    record(
        action="risk.watch_add",
        actor=by,
        target=entry,
        company_id=customer.company_id,
        after={"reason": entry.reason, "owner": entry.owner_id, "review_on": entry.review_on.isoformat()},
    )
    return entry


@transaction.atomic
def watch_update(*, by, entry: WatchEntry, owner=None, review_on: dt.date | None = None) -> WatchEntry:
    """Change the owner or the review date of a customer on the watch list."""
    ensure_permission(by, "risk.change_watchentry")
    ensure_company_access(by, entry.company_id)
    entry = WatchEntry.objects.select_for_update().get(pk=entry.pk)
    before = {"owner": entry.owner_id, "review_on": entry.review_on.isoformat()}
    if owner is not None:
        entry.owner = owner
    if review_on is not None:
        entry.review_on = review_on
    entry.save(update_fields=["owner", "review_on"])
    record(
        action="risk.watch_update",
        actor=by,
        target=entry,
        company_id=entry.company_id,
        before=before,
        after={"owner": entry.owner_id, "review_on": entry.review_on.isoformat()},
    )
    return entry


@transaction.atomic
def watch_close(*, by, entry: WatchEntry, decision: str) -> WatchEntry:
    """Take a customer off the watch list by a recorded decision (who, when, why)."""
    ensure_permission(by, "risk.change_watchentry")
    ensure_company_access(by, entry.company_id)
    entry = WatchEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.status != WatchStatus.OPEN:
        raise ApplicationError(_("The customer has already left the watch list."))
    if not decision.strip():
        raise InvalidInput({"decision": [_("Record the decision that takes the customer off the watch list.")]})
    entry.status, entry.decision = WatchStatus.CLOSED, decision.strip()[:500]
    entry.closed_on, entry.closed_by = clock.today(), by
    entry.save(update_fields=["status", "decision", "closed_on", "closed_by"])
    record(
        action="risk.watch_close",
        actor=by,
        target=entry,
        company_id=entry.company_id,
        after={"decision": entry.decision},
    )
    return entry


@transaction.atomic
def watch_action_add(*, by, entry: WatchEntry, kind: str, note: str = "", due_on: dt.date | None = None) -> WatchAction:
    """Decide an action for a watched customer: reduce the limit, require prepayment, put on hold, call."""
    ensure_permission(by, "risk.add_watchaction")
    ensure_company_access(by, entry.company_id)
    if kind not in ActionKind.values:
        raise InvalidInput({"kind": [_("Choose one of the actions offered.")]})
    if entry.status != WatchStatus.OPEN:
        raise ApplicationError(_("The customer has already left the watch list."))
    action = WatchAction.objects.create(entry=entry, kind=kind, note=note.strip()[:300], due_on=due_on, created_by=by)
    record(action="risk.watch_action", actor=by, target=action, company_id=entry.company_id, after={"kind": kind})
    return action


@transaction.atomic
def watch_action_done(*, by, action: WatchAction) -> WatchAction:
    ensure_permission(by, "risk.change_watchaction")
    ensure_company_access(by, action.entry.company_id)
    action = WatchAction.objects.select_for_update().get(pk=action.pk)
    if action.done_at is None:
        action.done_at, action.done_by = clock.now(), by
        action.save(update_fields=["done_at", "done_by"])
        record(
            action="risk.watch_action_done",
            actor=by,
            target=action,
            company_id=action.entry.company_id,
            after={"kind": action.kind},
        )
    return action


# --- alerts ----------------------------------------------------------------------------------


def alerts_read(*, user, ids=None) -> int:
    """Mark the user's alerts read (the listed ones, or all): later changes start a new alert."""
    alerts = Alert.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        alerts = alerts.filter(pk__in=list(ids))
    return alerts.update(read_at=clock.now())


def _language_of(user) -> str:
    preference = getattr(user, "preference", None)
    return getattr(preference, "language", None) or settings.LANGUAGE_CODE


def _send(user, alerts: list[Alert], kind: str) -> bool:
    """One e-mail to the user listing the alerts, in the user's language; False without an address."""
    if not user.email or not alerts:
        return False
    with translation.override(_language_of(user)):
        rows = lists.alert_rows(alerts)
        if kind == DigestKind.IMMEDIATE:
            subject = _("ARdesk: high-severity risk alert (%(count)s customers)") % {"count": len(alerts)}
        else:
            subject = _("ARdesk: risk alerts of the day (%(count)s customers)") % {"count": len(alerts)}
        body = render_to_string("risk/alert_email.txt", {"rows": rows, "user": user})
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
    return True


def _email(alerts_by_user: dict[int, list[Alert]], kind: str, today: dt.date) -> int:
    users = get_user_model().objects.select_related("preference").in_bulk(list(alerts_by_user))
    sent = 0
    for user_id, alerts in alerts_by_user.items():
        user = users[user_id]
        if _send(user, alerts, kind):
            Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(email_pending=False, emailed_at=clock.now())
            AlertEmail.objects.create(user=user, kind=kind, sent_on=today, alerts=len(alerts))
            sent += 1
    return sent


def alerts_email_immediate(*, company: Company | None = None) -> int:
    """E-mail at once the alerts waiting with a high severity: one e-mail per user."""
    pending = (
        Alert.objects.filter(email_pending=True, severity="high")
        .exclude(user__email="")
        .select_related("customer", "company")
    )
    if company is not None:
        pending = pending.filter(company=company)
    by_user: dict[int, list[Alert]] = defaultdict(list)
    for alert in pending:
        by_user[alert.user_id].append(alert)
    return _email(by_user, DigestKind.IMMEDIATE, clock.today())


def alerts_digest_send(*, today: dt.date) -> int:
    """The daily digest: each user with alerts waiting gets one e-mail a day listing them."""
    already = set(AlertEmail.objects.filter(kind=DigestKind.DAILY, sent_on=today).values_list("user_id", flat=True))
    by_user: dict[int, list[Alert]] = defaultdict(list)
    for alert in (
        Alert.objects.filter(email_pending=True).exclude(user_id__in=already).select_related("customer", "company")
    ):
        by_user[alert.user_id].append(alert)
    return _email(by_user, DigestKind.DAILY, today)
