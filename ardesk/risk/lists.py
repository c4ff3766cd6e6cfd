"""What the risk screens show and export: signal rows with their evidence, the watch list, the portfolio tables.

Every table a screen shows is also a ``ReportTable`` for ``core.exports`` (CSV, Excel): amounts in
the company's functional currency as numbers, shares in percent, labels rather than stored codes.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor
from ardesk.customers.models import Industry, Region
from ardesk.risk import domain

DIMENSIONS = ("grade", "industry", "region", "group", "collector")


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def signal_rows(signals) -> list[dict]:
    """Each signal with its label, severity label and evidence sentence in the active language."""
    return [
        {
            "signal": s,
            "label": domain.SIGNAL_LABELS.get(s.kind, s.kind),
            "severity": domain.SEVERITY_LABELS.get(s.severity, s.severity),
            "evidence": domain.evidence(s.kind, s.figures, s.currency),
        }
        for s in signals
    ]


def signals_table(signals) -> ReportTable:
    rows = [
        [
            r["signal"].company.code,
            r["signal"].customer.code,
            r["signal"].customer.name,
            str(r["label"]),
            str(r["severity"]),
            r["evidence"],
            r["signal"].first_seen_on,
            r["signal"].last_seen_on,
        ]
        for r in signal_rows(signals)
    ]
    headers = [
        _("Company"),
        _("Code"),
        _("Name"),
        _("Signal"),
        _("Severity"),
        pgettext("risk signal", "Evidence"),
        _("First seen"),
        _("Last seen"),
    ]
    return ReportTable(title=_("Risk signals"), subtitle=[], headers=headers, rows=rows)


def watch_table(entries) -> ReportTable:
    rows = [
        [
            e.company.code,
            e.customer.code,
            e.customer.name,
            e.get_source_display(),
            watch_reason(e),
            _person(e.owner),
            e.opened_on,
            e.review_on,
            e.get_status_display(),
            e.closed_on,
            e.decision,
        ]
        for e in entries
    ]
    headers = [
        _("Company"),
        _("Code"),
        _("Name"),
        _("Added"),
        _("Reason"),
        _("Owner"),
        _("Added on"),
        _("Review date"),
        _("Status"),
        _("Left on"),
        _("Decision"),
    ]
    return ReportTable(title=_("Watch list"), subtitle=[], headers=headers, rows=rows)


def watch_reason(entry) -> str:
    """Why the customer is watched: the reason given by hand, or the signals and points of the rule."""
    if entry.reason:
        return entry.reason
    signals = ", ".join(
        f"{domain.SIGNAL_LABELS.get(kind, kind)} ({domain.SEVERITY_LABELS.get(severity, severity)})"
        for kind, severity in entry.rule_signals
    )
    return _("Signals: %(signals)s; %(points)s points.") % {"signals": signals, "points": entry.rule_points}


def _label(dimension: str, key, people: dict) -> str:
    if dimension == "grade":
        return key or _("Not graded")
    if dimension == "industry":
        return str(Industry(key).label) if key in Industry.values else _("No industry")
    if dimension == "region":
        return str(Region(key).label) if key in Region.values else _("No region")
    if dimension == "collector":
        return _person(people.get(key)) or _("No collector")
    return str(key)


def _share(part: int, total: int) -> Decimal:
    if not total:
        return Decimal(0)
    return (Decimal(part) * 100 / total).quantize(Decimal("0.01"))


def portfolio_view(scan, *, company) -> dict | None:
    """The latest scan's portfolio figures, ready to show: amounts in the functional currency, labels, shares."""
    if scan is None or not scan.portfolio:
        return None
    stored, currency = scan.portfolio, company.functional_currency
    total = stored["total"]
    people = get_user_model().objects.in_bulk([k for k, *_r in stored["by"]["collector"] if k])
    by = {}
    for dimension in DIMENSIONS:
        rows = []
        for key, exposure, count, *names in stored["by"][dimension]:
            label = f"{names[0]} {names[1]}" if dimension == "group" and names else _label(dimension, key, people)
            rows.append(
                {
                    "key": key,
                    "label": label,
                    "exposure": from_minor(exposure, currency),
                    "customers": count,
                    "share": _share(exposure, total),
                }
            )
        by[dimension] = rows
    warnings = []
    for w in stored["warnings"]:
        by_what = (
            "industry" if w["key"] == "hhi_industry_max" else "group" if w["key"] == "hhi_group_max" else "customer"
        )
        warnings.append({**w, "label": CONCENTRATION_LABELS[w["key"]], "by": by_what})
    return {
        "as_of": scan.as_of,
        "currency": currency,
        "total": from_minor(total, currency),
        "customers": stored["customers"],
        "by": by,
        "top_customers": [
            {"pk": pk, "code": code, "name": name, "exposure": from_minor(e, currency), "share": _share(e, total)}
            for pk, e, code, name in stored["top_customers"]
        ],
        "concentration": stored["concentration"],
        "warnings": warnings,
        "expected_loss": [
            {
                "grade": grade or _("Not graded"),
                "exposure": from_minor(exposure, currency),
                "expected_loss": from_minor(required, currency),
                "rate": _share(required, exposure),
                "customers": count,
            }
            for grade, exposure, required, count in stored["expected_loss"]["by_grade"]
        ],
        "provision_on": stored["expected_loss"]["provision_on"],
    }


CONCENTRATION_LABELS = {
    "top10_share_max": gettext_lazy("Share of the 10 largest customers (%)"),
    "top20_share_max": gettext_lazy("Share of the 20 largest customers (%)"),
    "hhi_customer_max": gettext_lazy("HHI by customer"),
    "hhi_group_max": gettext_lazy("HHI by group"),
    "hhi_industry_max": gettext_lazy("HHI by industry"),
}


def portfolio_charts(figures: dict | None) -> dict:
    """The portfolio's charts: exposure by grade (bars) and by industry (pie)."""
    if figures is None:
        return {}
    return {
        "grade": {
            "labels": [str(r["label"]) for r in figures["by"]["grade"]],
            "values": [str(r["exposure"]) for r in figures["by"]["grade"]],
            "name": _("Exposure"),
        },
        "industry": [{"name": str(r["label"]), "value": str(r["exposure"])} for r in figures["by"]["industry"]],
    }


def portfolio_table(figures: dict | None, table: str, *, company) -> ReportTable:
    """One of the portfolio's tables for export: exposure by a dimension, top customers or expected loss."""
    currency = company.functional_currency
    if figures is None:
        return ReportTable(title=_("Risk portfolio"), subtitle=[], headers=[], rows=[], currency=currency)
    subtitle = [_("%(company)s as of %(date)s") % {"company": company.code, "date": figures["as_of"].isoformat()}]
    if table == "expected_loss":
        rows = [
            [r["grade"], r["customers"], r["exposure"], r["expected_loss"], r["rate"]] for r in figures["expected_loss"]
        ]
        headers = [_("Grade"), _("Customers"), _("Exposure"), _("Expected loss"), _("Loss rate (%)")]
        return ReportTable(_("Expected loss by grade"), subtitle, headers, rows, currency=currency)
    if table == "top":
        rows = [[r["code"], r["name"], r["exposure"], r["share"]] for r in figures["top_customers"]]
        headers = [_("Code"), _("Name"), _("Exposure"), _("Share (%)")]
        return ReportTable(_("Largest customers"), subtitle, headers, rows, currency=currency)
    dimension = table if table in DIMENSIONS else "grade"
    rows = [[r["label"], r["customers"], r["exposure"], r["share"]] for r in figures["by"][dimension]]
    headers = [DIMENSION_LABELS[dimension], _("Customers"), _("Exposure"), _("Share (%)")]
    return ReportTable(
        _("Exposure by %(what)s") % {"what": DIMENSION_LABELS[dimension]}, subtitle, headers, rows, currency=currency
    )


DIMENSION_LABELS = {
    "grade": gettext_lazy("Grade"),
    "industry": gettext_lazy("Industry"),
    "region": gettext_lazy("Region"),
    "group": gettext_lazy("Group"),
    "collector": gettext_lazy("Collector"),
}


def concentration_rows(figures: dict | None, by: str) -> list[dict]:
    """The holders behind a concentration figure, largest first, each with where to go to see its customers."""
    if figures is None:
        return []
    if by == "customer":
        return [{**r, "label": f"{r['code']} {r['name']}", "customer": r["pk"]} for r in figures["top_customers"]]
    rows = figures["by"]["group" if by == "group" else "industry"][:20]
    return [
        {**r, "customer": r["key"] if by == "group" else None, "industry": r["key"] if by == "industry" else None}
        for r in rows
    ]


def concentration_table(rows: list[dict], by: str, *, company) -> ReportTable:
    headers = [_("Rank"), DIMENSION_LABELS.get(by, _("Customer")), _("Exposure"), _("Share (%)")]
    body = [[n, r["label"], r["exposure"], r["share"]] for n, r in enumerate(rows, start=1)]
    return ReportTable(
        _("Concentration of receivables"), [company.code], headers, body, currency=company.functional_currency
    )


def transition_rows(matrix: dict) -> dict:
    grades = [*matrix["grades"], _("Not graded")]
    return {
        "grades": grades,
        "rows": [
            {"grade": grade, "counts": counts, "total": sum(counts)}
            for grade, counts in zip(grades, matrix["matrix"], strict=True)
        ],
    }


def transition_table(matrix: dict, *, date_from, date_to) -> ReportTable:
    shown = transition_rows(matrix)
    headers = [_("Grade on %(date)s") % {"date": date_from.isoformat()}, *shown["grades"], _("Total")]
    rows = [[r["grade"], *r["counts"], r["total"]] for r in shown["rows"]]
    subtitle = [_("Columns: grade on %(date)s") % {"date": date_to.isoformat()}]
    return ReportTable(_("Grade transition matrix"), subtitle, headers, rows)


def alert_rows(alerts) -> list[dict]:
    """Each alert with its changes in words (signal, severity, evidence, date)."""
    found = []
    for alert in alerts:
        currency = alert.company.functional_currency
        lines = []
        for change in alert.changes:
            if change["kind"] == "watch_list":
                label, text = _("Put on the watch list"), watch_change_text(change)
            else:
                label = domain.SIGNAL_LABELS.get(change["kind"], change["kind"])
                text = domain.evidence(change["kind"], change["figures"], currency)
            lines.append(
                {
                    "on": change["on"],
                    "label": label,
                    "severity": domain.SEVERITY_LABELS.get(change["severity"], ""),
                    "text": text,
                }
            )
        found.append({"alert": alert, "lines": lines})
    return found


def watch_change_text(change: dict) -> str:
    """The rule's reason for putting a customer on the watch list, as an alert tells it."""
    signals = ", ".join(
        f"{domain.SIGNAL_LABELS.get(kind, kind)} ({domain.SEVERITY_LABELS.get(severity, severity)})"
        for kind, severity in change.get("signals", [])
    )
    return _("Signals: %(signals)s; %(points)s points.") % {"signals": signals, "points": change.get("points", "")}


# What each signal's thresholds measure, so that "medium 90" reads as 90 % of the limit.
SIGNAL_MEASURES = {
    "utilisation": pgettext_lazy("risk measure", "percent of the limit"),
    "days_late_trend": pgettext_lazy("risk measure", "days more late than before"),
    "broken_promises": pgettext_lazy("risk measure", "broken promises"),
    "new_disputes": pgettext_lazy("risk measure", "new disputes"),
    "grade_drop": pgettext_lazy("risk measure", "grades fallen"),
    "distress_zone": pgettext_lazy("risk measure", "1 = moved into the distress zone"),
    "payments_slowing": pgettext_lazy("risk measure", "days beyond the usual days late"),
    "large_item_due": pgettext_lazy("risk measure", "percent of the open balance"),
    "special_approvals": pgettext_lazy("risk measure", "special approvals"),
    "stale_statements": pgettext_lazy("risk measure", "days since the latest statement"),
    "predicted_slip": pgettext_lazy("risk measure", "percent of the open amount predicted late"),
}
# The look-back or look-ahead of a signal, whichever key its configuration has.
WINDOW_KEYS = ("days", "within_days", "history_days")
OWNER_LABELS = {"analyst": gettext_lazy("Credit analyst"), "collector": gettext_lazy("Collector")}


def config_rules(config: dict) -> dict:
    """A risk configuration in words: each signal's thresholds and weight, the watch-list rule, the limits."""
    signals = config.get("signals", {})
    watch = config.get("watch_list", {})
    factors = config.get("severity_factors", {})
    return {
        "signals": [
            {
                "label": label,
                "measure": SIGNAL_MEASURES.get(kind, ""),
                "low": signals[kind].get("low"),
                "medium": signals[kind].get("medium"),
                "high": signals[kind].get("high"),
                "weight": signals[kind].get("weight"),
                "window": next((signals[kind][key] for key in WINDOW_KEYS if key in signals[kind]), None),
            }
            for kind, label in domain.SIGNAL_LABELS.items()
            if kind in signals
        ],
        "factors": [factors.get(severity) for severity in ("low", "medium", "high")],
        "watch": {
            "min_points": watch.get("min_points"),
            "any_high": watch.get("any_high", False),
            "review_days": watch.get("review_days"),
            "owners": [str(OWNER_LABELS.get(role, role)) for role in watch.get("owner", [])],
        },
        "high_to_managers": config.get("alerts", {}).get("high_to_managers", False),
        "concentration": [
            (CONCENTRATION_LABELS[key], value)
            for key, value in config.get("concentration", {}).items()
            if key in CONCENTRATION_LABELS
        ],
    }
