"""Writes of the reports context: bucket sets, month-end aging snapshots."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Case, IntegerField, Sum, Value, When
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_permission
from ardesk.core import calendar
from ardesk.core.errors import InvalidInput
from ardesk.ledger import selectors as ledger
from ardesk.reports import domain
from ardesk.reports.models import AgingBasis, AgingSnapshot, AgingSnapshotRow, Bucket, BucketSet
from ardesk.reports.selectors import bucket_rules


@transaction.atomic
def bucket_set_save(
    *,
    by,
    code: str,
    name: str,
    name_zh: str = "",
    basis: str,
    unit: str,
    buckets: list[domain.BucketRule],
    labels_zh: list[str] | None = None,
) -> BucketSet:
    """Create or replace a bucket set (a finance manager's configuration); the shipped sets stay editable too."""
    ensure_permission(by, "reports.change_bucketset")
    errors: dict[str, list[str]] = {}
    if basis not in AgingBasis.values:
        errors["basis"] = [_("Choose days past due or the document date.")]
    if unit not in ("days", "months"):
        errors["unit"] = [_("Choose days or months.")]
    if not code:
        errors["code"] = [_("Give the set a code.")]
    if not name:
        errors["name"] = [_("Give the set a name.")]
    for position, field, reason in domain.bucket_problems(buckets, basis):
        errors.setdefault("buckets", []).append(
            _("Bucket %(n)s, %(field)s: %(reason)s") % {"n": position, "field": field, "reason": reason}
        )
    if errors:
        raise InvalidInput(errors)
    bucket_set, created = BucketSet.objects.update_or_create(
        code=code, defaults={"name": name, "name_zh": name_zh, "basis": basis, "unit": unit}
    )
    before = [(b.key, b.label, b.upper) for b in bucket_set.buckets.all()]
    bucket_set.buckets.all().delete()
    labels_zh = labels_zh or [""] * len(buckets)
    Bucket.objects.bulk_create(
        Bucket(bucket_set=bucket_set, seq=n, key=b.key, label=b.label, label_zh=zh, upper=b.upper)
        for n, (b, zh) in enumerate(zip(buckets, labels_zh, strict=True), start=1)
    )
    record(
        action="bucket_set.save",
        actor=by,
        target=bucket_set,
        object_repr=str(bucket_set.code),
        before={"buckets": before} if not created else None,
        after={"basis": basis, "unit": unit, "buckets": [(b.key, b.label, b.upper) for b in buckets]},
    )
    return bucket_set


BUCKET_SET_KEYS = {"code", "name", "name_zh", "basis", "unit", "buckets", "is_default"}
BUCKET_KEYS = {"key", "label", "label_zh", "upper"}


@transaction.atomic
def bucket_sets_import(*, by, data) -> list[BucketSet]:
    """Save the bucket sets of an export (one set or a list): all of them, or none if one is wrong.

    ``is_default`` is read but not applied: which set a basis uses by default is chosen on the screen.
    The problems are named by the set's position and code, then the bucket and its field.
    """
    sets = [data] if isinstance(data, dict) else data
    if not isinstance(sets, list) or not sets or not all(isinstance(one, dict) for one in sets):
        raise InvalidInput({"file": [_("Give a bucket set or a list of bucket sets, as the export writes them.")]})
    errors: dict[str, list[str]] = {}
    saved = []
    for n, one in enumerate(sets, start=1):
        where = f"{n} ({one.get('code', '')})"
        unknown = sorted(set(one) - BUCKET_SET_KEYS)
        buckets = one.get("buckets")
        if unknown:
            errors.setdefault(where, []).append(_("Unknown keys: %(keys)s.") % {"keys": ", ".join(unknown)})
        if not isinstance(buckets, list) or not all(
            isinstance(b, dict) and set(b) <= BUCKET_KEYS and isinstance(b.get("upper"), int | None) for b in buckets
        ):
            errors.setdefault(where, []).append(
                _("buckets: a list of {key, label, label_zh, upper}, upper a whole number or null.")
            )
        if where in errors:
            continue
        try:
            with transaction.atomic():
                saved.append(
                    bucket_set_save(
                        by=by,
                        code=str(one.get("code", "")),
                        name=str(one.get("name", "")),
                        name_zh=str(one.get("name_zh", "")),
                        basis=str(one.get("basis", AgingBasis.DUE)),
                        unit=str(one.get("unit", "days")),
                        buckets=[
                            domain.BucketRule(str(b.get("key", "")), str(b.get("label", "")), b.get("upper"))
                            for b in buckets
                        ],
                        labels_zh=[str(b.get("label_zh", "")) for b in buckets],
                    )
                )
        except InvalidInput as exc:
            for field, messages in exc.errors.items():
                errors.setdefault(where, []).extend(f"{field}: {message}" for message in messages)
    if errors:
        raise InvalidInput(errors)
    return saved


def _snapshot_rows(snapshot: AgingSnapshot) -> list[AgingSnapshotRow]:
    bucket_set = snapshot.bucket_set
    rules = bucket_rules(bucket_set)
    limits = domain.limits(rules, snapshot.as_of, bucket_set.unit)
    column = "due_on" if bucket_set.basis == AgingBasis.DUE else "issue_on"
    bucket = Case(
        *(When(**{f"{column}__gte": limit}, then=Value(n)) for n, limit in enumerate(limits)),
        default=Value(len(limits)),
        output_field=IntegerField(),
    )
    lines = (
        ledger.open_lines(as_of=snapshot.as_of)
        .annotate(bucket=bucket)
        .values("company_id", "customer_id", "currency", "bucket")
        .annotate(amount_sum=Sum("open_amount"), functional_sum=Sum("open_functional"))
        .order_by()
    )
    credits = (
        ledger.open_credits(as_of=snapshot.as_of)
        .values("company_id", "customer_id", "currency")
        .annotate(amount_sum=Sum("unapplied"), functional_sum=Sum("unapplied_functional"))
        .order_by()
    )
    rows = [
        AgingSnapshotRow(
            snapshot=snapshot,
            company_id=r["company_id"],
            customer_id=r["customer_id"],
            currency=r["currency"],
            bucket=rules[r["bucket"]].key,
            amount=r["amount_sum"],
            functional_amount=r["functional_sum"],
        )
        for r in lines
    ]
    rows += [
        AgingSnapshotRow(
            snapshot=snapshot,
            company_id=r["company_id"],
            customer_id=r["customer_id"],
            currency=r["currency"],
            bucket=domain.UNAPPLIED,
            amount=-r["amount_sum"],
            functional_amount=-r["functional_sum"],
        )
        for r in credits
    ]
    return rows


@transaction.atomic
def aging_snapshot_take(*, as_of: dt.date, by=None) -> list[AgingSnapshot]:
    """Store the aging of a date for every bucket set; a date already stored is left as it was.

    ``by`` is the user who asked, or None for the scheduled month-end job.
    """
    if by is not None:
        ensure_permission(by, "reports.add_agingsnapshot")
    taken = []
    for bucket_set in BucketSet.objects.prefetch_related("buckets"):
        snapshot, created = AgingSnapshot.objects.get_or_create(
            as_of=as_of, bucket_set=bucket_set, defaults={"created_by": by}
        )
        if created:
            AgingSnapshotRow.objects.bulk_create(_snapshot_rows(snapshot), batch_size=2000)
            taken.append(snapshot)
    return taken


def aging_snapshots_catch_up(*, today: dt.date, months: int = 24) -> int:
    """Take the month-end snapshots of the last ``months`` months that are missing (the scheduled job)."""
    first = calendar.add_months(calendar.month_start(today), -months)
    taken = 0
    for end in calendar.month_ends(first, calendar.previous_month_end(today)):
        taken += len(aging_snapshot_take(as_of=end))
    return taken
