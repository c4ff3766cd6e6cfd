"""Report configuration (aging bucket sets) and stored month-end aging snapshots."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField
from ardesk.customers.models import Customer


class AgingBasis(models.TextChoices):
    DUE = "due", _("Days past due")
    DOCUMENT = "document", _("Age since the document date")


class AgeUnit(models.TextChoices):
    DAYS = "days", _("Days")
    MONTHS = "months", _("Months")


class BucketSet(models.Model):
    """A named set of aging buckets (账龄区间), for one basis; finance managers define their own."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    basis = models.CharField(_("basis"), max_length=10, choices=AgingBasis.choices, default=AgingBasis.DUE)
    unit = models.CharField(_("unit"), max_length=6, choices=AgeUnit.choices, default=AgeUnit.DAYS)
    is_default = models.BooleanField(_("default for its basis"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("aging bucket set")
        verbose_name_plural = _("aging bucket sets")
        ordering = ["basis", "code"]
        permissions = [("view_reports", _("Can view aging and KPI reports"))]
        constraints = [
            models.UniqueConstraint(fields=["basis"], condition=Q(is_default=True), name="one_default_bucket_set")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_zh if self.name_zh and (get_language() or "").startswith("zh") else self.name


class Bucket(models.Model):
    """One bucket: ages above the previous bucket's upper limit up to this one's (inclusive).

    The first bucket starts at the lowest possible age; the last has no upper limit.
    """

    bucket_set = models.ForeignKey(BucketSet, on_delete=models.CASCADE, related_name="buckets")
    seq = models.PositiveSmallIntegerField(_("order"))
    key = models.SlugField(_("key"), max_length=20)
    label = models.CharField(_("label"), max_length=50)
    label_zh = models.CharField(_("Chinese label"), max_length=50, blank=True)
    upper = models.IntegerField(_("up to (inclusive)"), null=True, blank=True)

    class Meta:
        verbose_name = _("aging bucket")
        verbose_name_plural = _("aging buckets")
        ordering = ["bucket_set", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["bucket_set", "seq"], name="uniq_bucket_seq"),
            models.UniqueConstraint(fields=["bucket_set", "key"], name="uniq_bucket_key"),
        ]

    def __str__(self) -> str:
        return self.key


class AgingSnapshot(models.Model):
    """The aging of a month end as it was computed then, kept so trends are cheap and exact."""

    as_of = models.DateField(_("as of"))
    bucket_set = models.ForeignKey(BucketSet, on_delete=models.PROTECT, related_name="snapshots")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("aging snapshot")
        verbose_name_plural = _("aging snapshots")
        ordering = ["-as_of"]
        constraints = [models.UniqueConstraint(fields=["as_of", "bucket_set"], name="uniq_aging_snapshot")]

    def __str__(self) -> str:
        return f"{self.bucket_set.code} {self.as_of}"


class AgingSnapshotRow(models.Model):
    """A customer's open amount in one bucket and currency at a snapshot's date (minor units)."""

    snapshot = models.ForeignKey(AgingSnapshot, on_delete=models.CASCADE, related_name="rows")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", db_index=False)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="+", db_index=False)
    currency = models.CharField(_("currency"), max_length=3)
    bucket = models.CharField(_("bucket"), max_length=20)
    amount = MinorUnitsField(_("amount"))
    functional_amount = MinorUnitsField(_("functional amount"))

    class Meta:
        verbose_name = _("aging snapshot row")
        verbose_name_plural = _("aging snapshot rows")
        indexes = [models.Index(fields=["snapshot", "company"]), models.Index(fields=["customer", "snapshot"])]

    def __str__(self) -> str:
        return f"{self.snapshot_id} {self.customer_id} {self.bucket}"


# The most buckets a kept aging holds; a set with more is always read from the open items.
KEPT_BUCKETS = 12


class KeptAging(models.Model):
    """The aging by customer of one bucket set as of a day, kept so that day's report reads 78,000 sums
    rather than 237,000 open items (ardesk.reports.kept).

    It holds the ledger as it was up to three positions, the highest document, allocation and
    ``KeptChange`` ids included: a report as of the same day reads the kept rows of the customers
    with nothing past them, and recomputes from the open items only those with something. Posted
    documents and allocations are never changed or deleted (reversals are new rows), so nothing else
    can move an open amount. ``limits`` is the bucket set's basis, unit and upper limits when the
    sums were made: an edited set no longer matches and is read from the open items until the next
    refresh.
    """

    bucket_set = models.OneToOneField(BucketSet, on_delete=models.CASCADE, related_name="kept")
    as_of = models.DateField(_("as of"))
    limits = models.CharField(_("bucket limits"), max_length=200)
    documents_upto = models.BigIntegerField(_("last document"))
    allocations_upto = models.BigIntegerField(_("last allocation"))
    changes_upto = models.BigIntegerField(_("last customer change"))
    taken_at = models.DateTimeField(_("taken at"), auto_now=True)

    class Meta:
        verbose_name = _("kept aging")
        verbose_name_plural = _("kept agings")

    def __str__(self) -> str:
        return f"{self.bucket_set_id} {self.as_of}"


class KeptAgingRow(models.Model):
    """One customer's sums in one company, per bucket (``b0``… in the set's order) and unapplied (minor
    units, functional currency), with the code and names the report shows and its place in the
    report's order (``seq``: by customer code, then company code, in code-point order)."""

    kept = models.ForeignKey(KeptAging, on_delete=models.CASCADE, related_name="rows", db_index=False)
    seq = models.IntegerField(_("order"))
    code = models.CharField(_("customer code"), max_length=32)
    name = models.CharField(_("name"), max_length=200)
    company_code = models.CharField(_("company"), max_length=20)
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    b0 = models.BigIntegerField(db_default=0)
    b1 = models.BigIntegerField(db_default=0)
    b2 = models.BigIntegerField(db_default=0)
    b3 = models.BigIntegerField(db_default=0)
    b4 = models.BigIntegerField(db_default=0)
    b5 = models.BigIntegerField(db_default=0)
    b6 = models.BigIntegerField(db_default=0)
    b7 = models.BigIntegerField(db_default=0)
    b8 = models.BigIntegerField(db_default=0)
    b9 = models.BigIntegerField(db_default=0)
    b10 = models.BigIntegerField(db_default=0)
    b11 = models.BigIntegerField(db_default=0)
    u = models.BigIntegerField(_("unapplied"), db_default=0)

    class Meta:
        verbose_name = _("kept aging row")
        verbose_name_plural = _("kept aging rows")
        indexes = [models.Index(fields=["kept", "seq"], name="reports_kept_row")]

    def __str__(self) -> str:
        return f"{self.kept_id} {self.customer_id}/{self.company_id}"


class KeptChange(models.Model):
    """A customer's code or name changed, or a company's code (``customer`` empty), since a kept aging
    was made: appended by database triggers (migration reports/0004), so every way of editing them
    (services, imports, the admin) is seen; the kept rows of that customer, or all, are then stale."""

    customer = models.ForeignKey(
        Customer, on_delete=models.DO_NOTHING, null=True, related_name="+", db_index=False, db_constraint=False
    )

    class Meta:
        verbose_name = _("change seen by the kept aging")
        verbose_name_plural = _("changes seen by the kept aging")

    def __str__(self) -> str:
        return f"{self.pk}: {self.customer_id or '*'}"
