"""Questions insights asks: a company's line history as arrays, the predictions, the model versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum

from ardesk.collections.models import Dispute, PromiseStatus, PromiseToPay
from ardesk.companies.access import company_ids_for
from ardesk.insights import domain
from ardesk.insights.models import ModelVersion, Prediction
from ardesk.ledger.models import Document, DocumentStatus, DueLine

# An invoice's medium as the model reads it (domain.History.electronic); anything else is not known.
MEDIUM_VALUES = {"electronic": 1.0, "paper": 0.0}


@dataclass(frozen=True)
class LineHistory:
    """A company's due lines as arrays (see domain.History) with what ties them back to the ledger."""

    history: domain.History
    line_id: np.ndarray
    customer_id: np.ndarray  # the customer's database id, by position of the dense number
    currency: np.ndarray  # per line
    open_now: np.ndarray  # today's open amount, document currency (minor units)
    open_functional_now: np.ndarray


def line_history(*, company_id: int, until: dt.date | None = None) -> LineHistory:
    """Every posted, unreversed due line of a company, in one query, as arrays.

    ``until`` leaves out the lines issued after it and treats a line settled after it as open
    (what the ledger looked like at the end of that day, for the allocations' dates are not read).
    """
    reversed_document = Document.objects.filter(reversal_of=OuterRef("document_id"), status=DocumentStatus.POSTED)
    lines = (
        DueLine.objects.filter(company_id=company_id, document__status=DocumentStatus.POSTED)
        .exclude(Exists(reversed_document))
        .order_by()
    )
    if until is not None:
        lines = lines.filter(issue_on__lte=until)
    rows = list(
        lines.values_list(
            "id",
            "customer_id",
            "issue_on",
            "due_on",
            "settled_on",
            "functional_amount",
            "seq",
            "currency",
            "open_now",
            "open_functional_now",
            "document__medium",
        )
    )
    if rows:
        ids, customers, issues, dues, settles, amounts, seqs, currencies, open_now, open_functional, mediums = zip(
            *rows, strict=True
        )
    else:
        ids = customers = issues = dues = settles = amounts = seqs = currencies = open_now = open_functional = ()
        mediums = ()
    customer_ids, dense = np.unique(np.array(customers, dtype=np.int64), return_inverse=True)
    settled = np.array(
        [s.toordinal() if s is not None and (until is None or s <= until) else -1 for s in settles], dtype=np.int64
    )
    disputes = Dispute.objects.filter(company_id=company_id).values_list("customer_id", "opened_on")
    broken = PromiseToPay.objects.filter(
        company_id=company_id, status=PromiseStatus.BROKEN, checked_on__isnull=False
    ).values_list("customer_id", "checked_on")
    events = [(c, d, 0) for c, d in disputes] + [(c, d, 1) for c, d in broken]
    events = [(c, d, k) for c, d, k in events if until is None or d <= until]
    position = {int(c): n for n, c in enumerate(customer_ids)}
    events = [(position[c], d.toordinal(), k) for c, d, k in events if c in position]
    history = domain.History(
        customer=dense.reshape(-1).astype(np.int64),
        issue=np.array([d.toordinal() for d in issues], dtype=np.int64),
        due=np.array([d.toordinal() for d in dues], dtype=np.int64),
        settled=settled,
        amount=np.array(amounts, dtype=np.float64),
        seq=np.array(seqs, dtype=np.int64),
        event_customer=np.array([e[0] for e in events], dtype=np.int64),
        event_day=np.array([e[1] for e in events], dtype=np.int64),
        event_kind=np.array([e[2] for e in events], dtype=np.int64),
        electronic=np.array([MEDIUM_VALUES.get(m, np.nan) for m in mediums], dtype=np.float64),
    )
    return LineHistory(
        history=history,
        line_id=np.array(ids, dtype=np.int64),
        customer_id=customer_ids,
        currency=np.array(currencies, dtype=object),
        open_now=np.array(open_now, dtype=np.int64),
        open_functional_now=np.array(open_functional, dtype=np.int64),
    )


def current_version(*, company_id: int) -> ModelVersion | None:
    """The latest trained version for a company (the one whose predictions are shown)."""
    return ModelVersion.objects.filter(company_id=company_id).order_by("-version").first()


def versions_for(user) -> QuerySet[ModelVersion]:
    return ModelVersion.objects.filter(company_id__in=company_ids_for(user)).select_related("company", "trained_by")


def predictions_for_customer(*, customer_id: int) -> QuerySet[Prediction]:
    return Prediction.objects.filter(customer_id=customer_id).order_by("expected_on", "line_id")


def predictions_for(user, *, company_id: int | None = None, customer_id: int | None = None) -> QuerySet[Prediction]:
    predictions = Prediction.objects.filter(company_id__in=company_ids_for(user))
    if company_id is not None:
        predictions = predictions.filter(company_id=company_id)
    if customer_id is not None:
        predictions = predictions.filter(customer_id=customer_id)
    return predictions.order_by("expected_on", "line_id")


def predicted_slip(*, company_id: int, as_of: dt.date, days: int) -> dict[int, tuple[int, int]]:
    """Per customer with predictions made on or before the date: (open amount predicted, the part of it
    predicted to be paid more than ``days`` late), functional minor units, in one grouped statement."""
    rows = (
        Prediction.objects.filter(company_id=company_id, as_of__lte=as_of)
        .values("customer_id")
        .annotate(total=Sum("open_functional"), late=Sum("open_functional", filter=Q(days_late__gt=days)))
        .order_by()
        .values_list("customer_id", "total", "late")
    )
    return {customer_id: (total or 0, late or 0) for customer_id, total, late in rows}


def collection_forecast(*, company_ids, as_of: dt.date, weeks: int = 13) -> list[dict]:
    """Expected collections from today's open items, per company, currency and week, with the 10–90 % interval.

    Read from the stored predictions (one query); amounts in minor units of each currency.
    """
    rows = list(
        Prediction.objects.filter(company_id__in=list(company_ids))
        .order_by()
        .values_list("company_id", "currency", "expected_on", "low_on", "high_on", "open_amount")
    )
    groups: dict[tuple[int, str], list] = {}
    for company_id, currency, expected, low, high, amount in rows:
        groups.setdefault((company_id, currency), []).append(
            (expected.toordinal(), low.toordinal(), high.toordinal(), amount)
        )
    start = as_of.toordinal() + 1
    result = []
    for (company_id, currency), items in sorted(groups.items()):
        array = np.array(items, dtype=np.float64)
        weekly = domain.collection_forecast(
            expected=array[:, 0], low=array[:, 1], high=array[:, 2], amount=array[:, 3], start=start, weeks=weeks
        )
        result.append(
            {
                "company_id": company_id,
                "currency": currency,
                "open": int(array[:, 3].sum()),
                "weeks": [
                    {
                        "week_start": w["week_start"],
                        "expected": round(w["expected"]),
                        "low": round(w["low"]),
                        "high": round(w["high"]),
                    }
                    for w in weekly
                ],
            }
        )
    return result
