"""Bad debt (坏账): provision policies, month-end runs, write-offs, recoveries and their journal entries.

Amounts are whole minor units of the company's functional currency unless a ``currency`` field
beside them says otherwise. Rates are percentages (5.0000 means 5 %).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField
from ardesk.customers.models import Customer, Industry
from ardesk.ledger.models import Document, DueLine
from ardesk.reports.models import BucketSet

RATE = {"max_digits": 7, "decimal_places": 4}


class Method(models.TextChoices):
    AGING = "aging", _("Aging method")
    MATRIX = "matrix", _("Provision matrix (expected credit loss)")
    BALANCE = "balance", _("Balance percentage")


class RateSource(models.TextChoices):
    ENTERED = "entered", _("Entered by hand")
    DERIVED = "derived", _("Derived from the company's history")


class ProvisionPolicy(models.Model):
    """How a company (or one customer segment of it) provisions for bad debt (坏账计提政策).

    The segment is the customer's industry; the policy without a segment covers every customer no
    segment policy covers, and also holds the company's account codes and write-off approval levels.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    segment = models.CharField(
        _("segment (industry)"), max_length=1, choices=Industry.choices, blank=True, help_text=_("Empty: all customers")
    )
    method = models.CharField(_("method"), max_length=8, choices=Method.choices, default=Method.AGING)
    bucket_set = models.ForeignKey(
        BucketSet, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("buckets")
    )
    balance_rate = models.DecimalField(_("rate on the balance %"), default=0, **RATE)
    rate_source = models.CharField(_("rates"), max_length=8, choices=RateSource.choices, default=RateSource.ENTERED)
    lookback_months = models.PositiveSmallIntegerField(_("look-back (months)"), default=12)
    forward_factor = models.DecimalField(
        _("forward-looking factor"),
        max_digits=6,
        decimal_places=4,
        default=1,
        help_text=_("Multiplies the historical loss rates: 1.1000 expects 10 % more losses."),
    )
    derivation = models.JSONField(_("derivation"), default=dict, blank=True)
    loss_account = models.CharField(_("credit impairment loss account (信用减值损失)"), max_length=20, default="6702")
    allowance_account = models.CharField(_("bad-debt allowance account (坏账准备)"), max_length=20, default="1231")
    receivable_account = models.CharField(_("receivables account (应收账款)"), max_length=20, default="1122")
    bank_account = models.CharField(_("bank account (银行存款)"), max_length=20, default="1002")
    single_approval_limit = MinorUnitsField(
        _("write-off limit for one approver"),
        default=5_000_000,
        help_text=_("Write-offs above this amount need two approvers."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("provision policy")
        verbose_name_plural = _("provision policies")
        ordering = ["company", "segment"]
        constraints = [models.UniqueConstraint(fields=["company", "segment"], name="uniq_provision_policy")]

    def __str__(self) -> str:
        return f"{self.company_id} {self.segment or '*'} {self.method}"


class PolicyRate(models.Model):
    """The provision rate of one bucket of a policy (percent)."""

    policy = models.ForeignKey(ProvisionPolicy, on_delete=models.CASCADE, related_name="rates")
    bucket_key = models.CharField(_("bucket"), max_length=20)
    rate = models.DecimalField(_("rate %"), **RATE)

    class Meta:
        verbose_name = _("provision rate")
        verbose_name_plural = _("provision rates")
        constraints = [
            models.UniqueConstraint(fields=["policy", "bucket_key"], name="uniq_policy_rate"),
            models.CheckConstraint(condition=Q(rate__gte=0) & Q(rate__lte=100), name="policy_rate_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.bucket_key}: {self.rate}%"


class SpecificProvision(models.Model):
    """A named customer or item provisioned on its own (单项计提); it leaves the portfolio calculation."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="+", verbose_name=_("customer"))
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("item"),
        help_text=_("Empty: the customer's whole balance"),
    )
    rate = models.DecimalField(_("rate %"), null=True, blank=True, **RATE)
    amount = MinorUnitsField(_("amount"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("specific provision")
        verbose_name_plural = _("specific provisions")
        ordering = ["company", "customer"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(rate__isnull=False) & Q(amount__isnull=True))
                | (Q(rate__isnull=True) & Q(amount__isnull=False)),
                name="specific_rate_or_amount",
            )
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.document_id or ''}"


class RunStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    SUPERSEDED = "superseded", _("Superseded")


class ProvisionRun(models.Model):
    """A month-end provision (月末坏账计提): required allowance, what is booked, the difference to book."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    as_of = models.DateField(_("period end"))
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.DRAFT)
    currency = models.CharField(_("currency"), max_length=3)
    required = MinorUnitsField(_("required allowance"))
    booked = MinorUnitsField(_("allowance booked"))
    difference = MinorUnitsField(_("to book"))
    policies = models.JSONField(_("policies used"), default=list)
    is_provisional = models.BooleanField(
        _("provisional"),
        default=False,
        help_text=_("Prepared before the month ended: an estimate to look at, not to approve."),
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("prepared by")
    )
    prepared_at = models.DateTimeField(_("prepared at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("superseded by")
    )

    class Meta:
        verbose_name = _("provision run")
        verbose_name_plural = _("provision runs")
        ordering = ["-as_of", "-id"]
        permissions = [("approve_provisionrun", _("Can approve a month-end provision run"))]
        indexes = [models.Index(fields=["company", "as_of"])]

    def __str__(self) -> str:
        return f"{self.as_of:%Y-%m} #{self.pk}"


class RunBucket(models.Model):
    """One bucket of one policy in a run: its balance, rate and required allowance (rounded here)."""

    run = models.ForeignKey(ProvisionRun, on_delete=models.CASCADE, related_name="buckets")
    seq = models.PositiveSmallIntegerField()
    segment = models.CharField(_("segment"), max_length=1, blank=True)
    method = models.CharField(_("method"), max_length=8, choices=Method.choices)
    bucket_key = models.CharField(_("bucket"), max_length=20)
    label = models.CharField(_("bucket"), max_length=60)
    balance = MinorUnitsField(_("balance"))
    rate = models.DecimalField(_("rate %"), **RATE)
    required = MinorUnitsField(_("required allowance"))

    class Meta:
        ordering = ["run", "seq"]

    def __str__(self) -> str:
        return f"{self.run_id} {self.segment or '*'} {self.bucket_key}"


class RunLine(models.Model):
    """A customer's share of a bucket's allowance, or a specific provision, in a run.

    A run over 100,000 customers writes a few hundred thousand of these at once, only through
    ``services.run_prepare`` and from ids it has just read; without database foreign-key
    constraints PostgreSQL does not check each row again at commit (that took longer than the run).
    The one index is (run, bucket): the run writes its lines in that order, so every row goes to
    the index's last page. Lines go with their run (a bucket is never deleted on its own).
    """

    run = models.ForeignKey(
        ProvisionRun, on_delete=models.CASCADE, related_name="lines", db_index=False, db_constraint=False
    )
    bucket = models.ForeignKey(
        RunBucket, on_delete=models.DO_NOTHING, null=True, related_name="+", db_index=False, db_constraint=False
    )
    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, related_name="+", db_index=False, db_constraint=False
    )
    balance = MinorUnitsField(_("balance"))
    required = MinorUnitsField(_("required allowance"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["run", "bucket"])]

    def __str__(self) -> str:
        return f"{self.run_id} {self.customer_id}"


class WriteOffStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting approval")
    APPROVED = "approved", _("Written off")
    REJECTED = "rejected", _("Rejected")


class WriteOff(models.Model):
    """A request to write off (核销) open items as bad debt; posted to the ledger once approved."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="+", verbose_name=_("customer"))
    number = models.CharField(_("number"), max_length=40)
    on = models.DateField(_("write-off date"))
    currency = models.CharField(_("currency"), max_length=3)
    amount = MinorUnitsField(_("amount"))
    functional_amount = MinorUnitsField(_("functional amount"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=WriteOffStatus.choices, default=WriteOffStatus.REQUESTED
    )
    approvals_required = models.PositiveSmallIntegerField(_("approvals required"), default=1)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rejection_reason = models.CharField(_("rejection reason"), max_length=300, blank=True)
    document = models.OneToOneField(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ledger document")
    )

    class Meta:
        verbose_name = _("write-off")
        verbose_name_plural = _("write-offs")
        ordering = ["-on", "-id"]
        permissions = [("approve_writeoff", _("Can approve a bad-debt write-off"))]
        constraints = [
            models.UniqueConstraint(fields=["company", "number"], name="uniq_write_off_number"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="write_off_positive"),
        ]

    def __str__(self) -> str:
        return self.number


class WriteOffItem(models.Model):
    """An open item (due line) and the amount of it written off."""

    write_off = models.ForeignKey(WriteOff, on_delete=models.CASCADE, related_name="items")
    line = models.ForeignKey(DueLine, on_delete=models.PROTECT, related_name="+", verbose_name=_("item"))
    amount = MinorUnitsField(_("amount"))
    functional_amount = MinorUnitsField(_("functional amount"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["write_off", "line"], name="uniq_write_off_line")]

    def __str__(self) -> str:
        return f"{self.write_off_id} {self.line_id}"


class WriteOffApproval(models.Model):
    write_off = models.ForeignKey(WriteOff, on_delete=models.CASCADE, related_name="approvals")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["write_off", "approved_by"], name="uniq_write_off_approver")]

    def __str__(self) -> str:
        return f"{self.write_off_id} {self.approved_by_id}"


class Recovery(models.Model):
    """Cash received on an amount written off earlier (收回已核销坏账): reinstated, then collected."""

    write_off = models.ForeignKey(WriteOff, on_delete=models.PROTECT, related_name="recoveries")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+")
    on = models.DateField(_("date"))
    amount = MinorUnitsField(_("amount"))
    functional_amount = MinorUnitsField(_("functional amount"))
    reinstatement = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="+")
    receipt = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    receipt_posted_here = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recovery")
        verbose_name_plural = _("recoveries")
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.write_off_id} {self.on}"


class EntryKind(models.TextChoices):
    OPENING = "opening", _("Allowance brought forward")
    PROVISION = "provision", _("Provision charged")
    RELEASE = "release", _("Provision released")
    WRITE_OFF = "write_off", _("Write-off")
    RECOVERY = "recovery", _("Recovery")


class AccountRole(models.TextChoices):
    LOSS = "loss", _("Credit impairment loss")
    ALLOWANCE = "allowance", _("Bad-debt allowance")
    RECEIVABLE = "receivable", _("Accounts receivable")
    BANK = "bank", pgettext_lazy("account role", "Bank")


class JournalEntry(models.Model):
    """A booked journal entry (记账凭证) of the bad-debt process, for export to the ERP."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    number = models.CharField(_("number"), max_length=40)
    on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    currency = models.CharField(_("currency"), max_length=3)
    description = models.CharField(_("description"), max_length=300)
    run = models.ForeignKey(ProvisionRun, on_delete=models.PROTECT, null=True, blank=True, related_name="entries")
    write_off = models.ForeignKey(WriteOff, on_delete=models.PROTECT, null=True, blank=True, related_name="entries")
    recovery = models.ForeignKey(Recovery, on_delete=models.PROTECT, null=True, blank=True, related_name="entries")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["on", "id"]
        constraints = [models.UniqueConstraint(fields=["company", "number"], name="uniq_journal_number")]
        indexes = [models.Index(fields=["company", "on"])]

    def __str__(self) -> str:
        return self.number


class JournalLine(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="lines")
    seq = models.PositiveSmallIntegerField()
    role = models.CharField(_("account role"), max_length=10, choices=AccountRole.choices)
    account = models.CharField(_("account"), max_length=20)
    debit = MinorUnitsField(_("debit"), default=0)
    credit = MinorUnitsField(_("credit"), default=0)
    memo = models.CharField(_("memo"), max_length=200, blank=True)

    class Meta:
        ordering = ["entry", "seq"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(debit__gt=0) & Q(credit=0)) | (Q(debit=0) & Q(credit__gt=0)), name="journal_one_side"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}/{self.seq} {self.account}"
