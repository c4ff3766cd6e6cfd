"""The reasons of a prediction and the features of the model, in plain words (both languages)."""

from __future__ import annotations

from django.utils.translation import gettext as _

BASELINE_ORDER = (
    "customer_median_days_to_pay",
    "customer_mean_days_to_pay",
    "customer_median_days_late",
    "customer_mean_days_late",
    "due_date",
)


def feature_label(name: str) -> str:
    labels = {
        "history_count": _("Invoices the customer has paid"),
        "mean_days_late": _("Customer's mean days late"),
        "median_days_late": _("Customer's median days late"),
        "std_days_late": _("Spread of the customer's days late"),
        "late_share": _("Share of the customer's invoices paid late"),
        "mean_days_to_pay": _("Customer's mean days from invoice to payment"),
        "median_days_to_pay": _("Customer's median days from invoice to payment"),
        "recent3_days_late": _("Days late of the last 3 payments"),
        "recent6_days_late": _("Days late of the last 6 payments"),
        "trend_days_late": _("Trend of days late (recent against usual)"),
        "recent3_days_to_pay": _("Days to pay of the last 3 payments"),
        "days_since_last_payment": _("Days since the customer's last payment"),
        "open_count": _("Customer's open items"),
        "open_amount_log": _("Customer's open balance"),
        "amount_log": _("Amount of the item"),
        "amount_to_usual": _("Amount against the customer's usual invoice"),
        "term_days": _("Payment term in days"),
        "issue_month": _("Month of the invoice"),
        "issue_weekday": _("Weekday of the invoice"),
        "instalment": _("Instalment number"),
        "disputes_12m": _("Disputes in the last 12 months"),
        "broken_promises_12m": _("Broken promises in the last 12 months"),
        "electronic_invoice": _("Electronic or paper invoice"),
    }
    return labels.get(name, name)


def _direction(days: int) -> str:
    if days > 0:
        return _("%(days)d days later") % {"days": days}
    if days < 0:
        return _("%(days)d days sooner") % {"days": -days}
    return ""


def explain(reasons: list[dict]) -> list[str]:
    """Each stored reason as a sentence with its figures and how far it moves the expected date."""
    sentences = []
    for reason in reasons:
        code, days = reason.get("code"), int(reason.get("days") or 0)
        if code == "recent_payments" and reason.get("recent_count"):
            text = _("This customer paid its last %(n)d invoices %(low)d–%(high)d days late") % {
                "n": reason["recent_count"],
                "low": reason["recent_min"],
                "high": reason["recent_max"],
            }
        elif code == "usual_payments" and reason.get("median_days_to_pay") is not None:
            text = _("This customer usually pays %(days)d days after the invoice date (%(share)s%% paid late)") % {
                "days": reason["median_days_to_pay"],
                "share": reason.get("late_share") if reason.get("late_share") is not None else "—",
            }
        elif code == "usual_payments":
            text = _("No payment history for this customer yet: the company's usual delay is used")
        elif code == "amount":
            text = _("Amounts of this size are paid %(when)s (%(ratio)s× the customer's usual invoice)") % {
                "when": _("later") if days > 0 else _("sooner"),
                "ratio": reason.get("amount_to_usual") or "—",
            }
        elif code == "open_balance":
            text = _("The customer has %(n)d other open items") % {"n": reason.get("open_count", 0)}
        elif code == "terms":
            text = _("Payment term of %(days)d days") % {"days": reason.get("term_days", 0)}
        elif code == "season":
            text = _("Invoices of month %(month)d are usually paid %(when)s") % {
                "month": reason.get("month", 0),
                "when": _("later") if days > 0 else _("sooner"),
            }
        elif code == "disputes":
            text = _("%(d)d disputes and %(b)d broken promises in the last 12 months") % {
                "d": reason.get("disputes", 0),
                "b": reason.get("broken_promises", 0),
            }
        elif code == "medium" and reason.get("electronic") is not None:
            sentence = (
                _("Electronic invoices are usually paid %(when)s")
                if reason["electronic"]
                else _("Paper invoices are usually paid %(when)s")
            )
            text = sentence % {"when": _("later") if days > 0 else _("sooner")}
        else:
            continue
        moved = _direction(days)
        sentences.append(_("%(reason)s: %(moved)s") % {"reason": text, "moved": moved} if moved else text)
    return sentences
