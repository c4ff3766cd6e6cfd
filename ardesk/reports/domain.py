"""Aging rules: buckets, their limits as dates, and the bucketing of open items. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ardesk.core import calendar

UNAPPLIED = "unapplied"


@dataclass(frozen=True)
class BucketRule:
    """Ages above the previous bucket's ``upper`` up to this one's, inclusive; the last has no upper."""

    key: str
    label: str
    upper: int | None


def limits(buckets: Sequence[BucketRule], as_of: dt.date, unit: str = "days") -> list[dt.date]:
    """The earliest date each bucket but the last reaches back to, as of a date.

    An item dated on or after ``limits[i]`` (due date or document date, by the basis) and not in an
    earlier bucket belongs to bucket ``i``; anything older belongs to the last bucket. Ages are
    whole days (or calendar months) between the item's date and the report date.
    """
    if unit == "months":
        return [calendar.add_months(as_of, -b.upper) for b in buckets[:-1]]
    return [as_of - dt.timedelta(days=b.upper) for b in buckets[:-1]]


def bucket_index(on: dt.date, bucket_limits: Sequence[dt.date]) -> int:
    for index, limit in enumerate(bucket_limits):
        if on >= limit:
            return index
    return len(bucket_limits)


def age_buckets(
    items: Iterable[tuple[dt.date, int]],
    credits: Iterable[int],
    as_of: dt.date,
    buckets: Sequence[BucketRule],
    unit: str = "days",
) -> dict[str, int]:
    """Open items (date, open amount) summed per bucket, with unapplied credits as a negative column.

    The values add up to the open balance: items less credits.
    """
    bucket_limits = limits(buckets, as_of, unit)
    totals = {b.key: 0 for b in buckets}
    for on, amount in items:
        totals[buckets[bucket_index(on, bucket_limits)].key] += amount
    totals[UNAPPLIED] = -sum(credits)
    return totals


def bucket_problems(buckets: Sequence[BucketRule], basis: str = "due") -> list[tuple[int, str, str]]:
    """What is wrong with a bucket set, as (position, field, reason); empty when it can be used.

    A negative upper limit means something on the days-past-due basis only: an item's age is the
    days (or months) since its due date, negative while it is not yet due, so a first bucket up to
    -31 holds the items falling due 31 days or more after the report date. By document date no
    item open on the report date is dated after it (every age is 0 or more), so a negative limit
    there would be an empty bucket: it is refused.
    """
    problems: list[tuple[int, str, str]] = []
    if len(buckets) < 2:
        problems.append((0, "buckets", _("A bucket set needs at least two buckets.")))
        return problems
    seen: set[str] = set()
    previous: int | None = None
    for n, bucket in enumerate(buckets, start=1):
        if not bucket.key:
            problems.append((n, "key", _("Give the bucket a key.")))
        elif bucket.key in seen or bucket.key == UNAPPLIED:
            problems.append((n, "key", _("The key %(key)s is used twice or reserved.") % {"key": bucket.key}))
        seen.add(bucket.key)
        if not bucket.label:
            problems.append((n, "label", _("Give the bucket a label.")))
        last = n == len(buckets)
        if last and bucket.upper is not None:
            problems.append((n, "upper", _("The last bucket has no upper limit: it takes everything older.")))
        if not last:
            if bucket.upper is None:
                problems.append((n, "upper", _("Only the last bucket may have no upper limit.")))
            elif previous is not None and bucket.upper <= previous:
                problems.append((n, "upper", _("Each upper limit must be above the one before.")))
            elif bucket.upper < 0 and basis == "document":
                problems.append(
                    (
                        n,
                        "upper",
                        _(
                            "By document date no open item is younger than the report date: "
                            "an upper limit cannot be negative (use 0 for documents of the report date)."
                        ),
                    )
                )
            else:
                previous = bucket.upper
    return problems
