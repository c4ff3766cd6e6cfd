from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ardesk.collections.models import DunningPolicy
from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField
from ardesk.customers.models import Industry, Region


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    LOCKED = "locked", _("Locked")
    SUPERSEDED = "superseded", _("Superseded by a revision")


class Dimension(models.TextChoices):
    """What a budget line is planned for."""

    CUSTOMER = "customer", _("Customer")
    GROUP = "group", _("Customer group")
    SEGMENT = "segment", _("Segment")
    COLLECTOR = "collector", _("Collector")


class BudgetVersion(models.Model):
    """One version of a company's budget for a year (预算版本): drafted, approved by a manager, locked.

    A revision is a new version copied from an approved one; the original is kept and is marked
    superseded when the revision is approved.
    """

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    year = models.PositiveSmallIntegerField(_("year"))
    revision = models.PositiveSmallIntegerField(_("revision"), default=0)
    revision_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="revisions", verbose_name=_("revises")
    )
    name = models.CharField(_("name"), max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("prepared by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("budget version")
        verbose_name_plural = _("budget versions")
        ordering = ["-year", "company_id", "-revision"]
        permissions = [
            ("approve_budgetversion", _("Can approve and lock a budget")),
            ("view_profitability", _("Can see customer profitability and segments")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["company", "year", "revision"], name="uniq_budget_revision"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.name} r{self.revision}"

    @property
    def is_editable(self) -> bool:
        return self.status == BudgetStatus.DRAFT


class BudgetLine(models.Model):
    """The plan for one customer (or group, segment, collector) and month: sales, cost, cash in, balance.

    ``member_id`` is the customer's id (a group is its parent customer), the segment's or the
    collector's, as ``dimension`` says. Gross profit is sales less cost of sales.
    """

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="lines")
    dimension = models.CharField(_("planned for"), max_length=10, choices=Dimension.choices)
    member_id = models.BigIntegerField(_("member"))
    month = models.PositiveSmallIntegerField(_("month"))
    sales = MinorUnitsField(_("sales"), default=0)
    cost = MinorUnitsField(_("cost of sales"), default=0)
    collections = MinorUnitsField(_("collections"), default=0)
    receivable = MinorUnitsField(_("expected receivable balance"), default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["version", "dimension", "member_id", "month"]
        constraints = [
            models.UniqueConstraint(fields=["version", "dimension", "member_id", "month"], name="uniq_budget_line"),
            models.CheckConstraint(condition=Q(month__gte=1) & Q(month__lte=12), name="budget_line_month"),
        ]

    def __str__(self) -> str:
        return f"{self.version_id} {self.dimension}:{self.member_id} {self.month}"

    @property
    def gross_profit(self) -> int:
        return self.sales - self.cost


class CustomerSize(models.TextChoices):
    """A customer's size by registered capital (CNY): under 10 million small, under 100 million medium."""

    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    LARGE = "large", _("Large")


class Segment(models.Model):
    """A segment of customers by industry, region and size (客户分群); empty criteria match every customer.

    A customer belongs to the first segment (by priority, then code) whose criteria it meets, as its
    data is now (worked out when read, so a new or changed customer is in its segment at once). A
    segment may choose the dunning policy of its customers (after their own policy, before the
    policy of their credit grade) and their credit review interval (after a review date set by hand
    on their credit account, before their grade's schedule).
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=100)
    priority = models.PositiveSmallIntegerField(_("priority"), default=100)
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices, blank=True)
    region = models.CharField(_("region"), max_length=2, choices=Region.choices, blank=True)
    size = models.CharField(_("size"), max_length=6, choices=CustomerSize.choices, blank=True)
    dunning_policy = models.ForeignKey(
        DunningPolicy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dunning policy"),
    )
    review_months = models.PositiveSmallIntegerField(_("credit review every (months)"), null=True, blank=True)

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["company_id", "priority", "code"]
        constraints = [models.UniqueConstraint(fields=["company", "code"], name="uniq_segment_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ProfitabilitySettings(models.Model):
    """A company's cost of capital and the unit costs of collection work (客户盈利分析参数)."""

    company = models.OneToOneField(Company, on_delete=models.CASCADE, primary_key=True, related_name="+")
    cost_of_capital = models.DecimalField(
        _("annual cost of capital %"),
        max_digits=6,
        decimal_places=3,
        default=6,
        help_text=_("资金成本率: what a year of money tied up in receivables costs, in percent."),
    )
    notice_cost = MinorUnitsField(_("cost of a dunning notice"), default=1000)
    contact_cost = MinorUnitsField(_("cost of a contact"), default=3000)

    class Meta:
        verbose_name = _("profitability settings")
        verbose_name_plural = _("profitability settings")

    def __str__(self) -> str:
        return str(self.company_id)
