"""The month-end close (期末结账): its history, the requests to reopen, the FX revaluation and the journal exports.

The lock itself is the ledger's (``ledger.ClosedPeriod``); this context decides when a month is
closed or reopened and keeps who did it, when and why.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField
from ardesk.customers.models import Customer


class PeriodEventKind(models.TextChoices):
    CLOSE = "close", pgettext_lazy("a month's close", "Closed")
    REOPEN = "reopen", _("Reopened")


class PeriodEvent(models.Model):
    """A close or a reopening of a company's month: the history of the lock, never edited."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    period = models.DateField(_("period"))
    kind = models.CharField(_("event"), max_length=10, choices=PeriodEventKind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    open_points = models.JSONField(_("open points"), default=list, blank=True)
    request = models.ForeignKey("ReopenRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("period event")
        verbose_name_plural = _("period events")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["company", "period"])]
        permissions = [("close_period", _("Can close a period"))]

    def __str__(self) -> str:
        return f"{self.company_id} {self.period:%Y-%m} {self.kind}"


class ReopenStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ReopenRequest(models.Model):
    """A request to reopen a closed month: a reason, and a second finance manager's decision."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    period = models.DateField(_("period"))
    reason = models.CharField(_("reason"), max_length=500)
    status = models.CharField(_("status"), max_length=10, choices=ReopenStatus.choices, default=ReopenStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reopening request")
        verbose_name_plural = _("reopening requests")
        ordering = ["-requested_at", "-id"]
        permissions = [("approve_reopenrequest", _("Can approve reopening a period"))]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "period"], condition=Q(status="requested"), name="one_pending_reopen_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company_id} {self.period:%Y-%m} #{self.pk}"


class RevaluationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    POSTED = "posted", _("Posted")
    REPLACED = "replaced", _("Replaced")


class RevaluationRun(models.Model):
    """The month-end FX revaluation of a company's open foreign-currency items (期末汇兑损益)."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    period = models.DateField(_("period"))
    as_of = models.DateField(_("revalued on"))
    currency = models.CharField(_("functional currency"), max_length=3)
    status = models.CharField(
        _("status"), max_length=10, choices=RevaluationStatus.choices, default=RevaluationStatus.PROPOSED
    )
    rates = models.JSONField(_("closing rates"), default=dict)
    gain = MinorUnitsField(_("unrealised gain"), default=0)
    loss = MinorUnitsField(_("unrealised loss"), default=0)
    items = models.PositiveIntegerField(_("customer balances"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    posted_at = models.DateTimeField(_("posted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("FX revaluation")
        verbose_name_plural = _("FX revaluations")
        ordering = ["-period", "-id"]
        indexes = [models.Index(fields=["company", "period", "status"])]
        permissions = [("post_revaluationrun", _("Can post an FX revaluation"))]

    def __str__(self) -> str:
        return f"FX{self.period:%Y%m}-{self.pk}"

    @property
    def net(self) -> int:
        return self.gain - self.loss


class RevaluationLine(models.Model):
    """A customer's open balance in one foreign currency, at the historical and at the closing rate."""

    run = models.ForeignKey(RevaluationRun, on_delete=models.CASCADE, related_name="lines")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="+", db_index=False)
    currency = models.CharField(_("currency"), max_length=3)
    amount = MinorUnitsField(_("open amount"))
    rate = models.DecimalField(_("closing rate"), max_digits=18, decimal_places=8)
    booked = MinorUnitsField(_("at historical rates"))
    revalued = MinorUnitsField(_("at the closing rate"))
    difference = MinorUnitsField(_("unrealised difference"))

    class Meta:
        ordering = ["run", "id"]
        indexes = [models.Index(fields=["run", "customer"])]

    def __str__(self) -> str:
        return f"{self.run_id} {self.customer_id} {self.currency}"


class EntryKind(models.TextChoices):
    REVALUATION = "revaluation", _("FX revaluation")
    REVERSAL = "reversal", _("Reversal of the FX revaluation")


class JournalEntry(models.Model):
    """A journal entry (记账凭证) of the month-end close, for export to the ERP like the bad-debt journal."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    run = models.ForeignKey(RevaluationRun, on_delete=models.PROTECT, related_name="entries")
    number = models.CharField(_("number"), max_length=40)
    on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=EntryKind.choices)
    currency = models.CharField(_("currency"), max_length=3)
    description = models.CharField(_("description"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["on", "id"]
        constraints = [models.UniqueConstraint(fields=["company", "number"], name="uniq_closing_journal_number")]
        indexes = [models.Index(fields=["company", "on"])]

    def __str__(self) -> str:
        return self.number


class JournalLine(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="lines")
    seq = models.PositiveIntegerField()
    account = models.CharField(_("account"), max_length=20)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    debit = MinorUnitsField(_("debit"), default=0)
    credit = MinorUnitsField(_("credit"), default=0)
    memo = models.CharField(_("memo"), max_length=200, blank=True)

    class Meta:
        ordering = ["entry", "seq"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(debit__gt=0) & Q(credit=0)) | (Q(debit=0) & Q(credit__gt=0)),
                name="closing_journal_one_side",
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}/{self.seq} {self.account}"


class JournalExport(models.Model):
    """A month's journals (bad debt and FX revaluation) exported for the ERP: who and when."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    period = models.DateField(_("period"))
    entries = models.PositiveIntegerField(_("entries"))
    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    exported_at = models.DateTimeField(_("exported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("journal export")
        verbose_name_plural = _("journal exports")
        ordering = ["-exported_at", "-id"]
        indexes = [models.Index(fields=["company", "period"])]

    def __str__(self) -> str:
        return f"{self.company_id} {self.period:%Y-%m} {self.exported_at}"
