from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField, from_minor
from ardesk.customers.models import Customer


class PeriodKind(models.TextChoices):
    ANNUAL = "annual", _("Annual")
    INTERIM = "interim", _("Interim")


class FinancialStatement(models.Model):
    """A customer's balance sheet, income statement and cash-flow statement for one period (财务报表).

    ``lines`` maps a line code of ``credit.domain.LINES`` to whole minor units of ``currency``; a
    line that was not entered is absent, never zero.
    """

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="financial_statements", verbose_name=_("customer")
    )
    period_end = models.DateField(_("period end"))
    period_kind = models.CharField(_("period"), max_length=8, choices=PeriodKind.choices, default=PeriodKind.ANNUAL)
    months = models.PositiveSmallIntegerField(_("months covered"), default=12)
    is_audited = models.BooleanField(_("audited"), default=False)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    lines = models.JSONField(_("lines"), default=dict)
    source = models.CharField(_("source"), max_length=10, default="form")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("entered by")
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("financial statement")
        verbose_name_plural = _("financial statements")
        ordering = ["customer_id", "-period_end"]
        constraints = [
            models.UniqueConstraint(fields=["customer", "period_end", "period_kind"], name="uniq_credit_statement"),
            models.CheckConstraint(condition=Q(months__gte=1, months__lte=12), name="credit_statement_months"),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.period_end} {self.get_period_kind_display()}"


class CreditGroup(models.Model):
    """Customers that share one credit limit (a customer group, 集团授信)."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=200)
    limit = MinorUnitsField(_("group limit"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("credit group")
        verbose_name_plural = _("credit groups")
        ordering = ["company_id", "code"]
        constraints = [models.UniqueConstraint(fields=["company", "code"], name="uniq_credit_group")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class IndustryRisk(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class CreditAccount(models.Model):
    """A customer's credit standing: limit, validity, grade and term; the row the order check locks.

    Amounts are in the company's functional currency (minor units).
    """

    customer = models.OneToOneField(
        Customer, on_delete=models.CASCADE, related_name="credit", primary_key=True, verbose_name=_("customer")
    )
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    group = models.ForeignKey(
        CreditGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accounts",
        verbose_name=_("credit group"),
    )
    limit = MinorUnitsField(_("credit limit"), null=True, blank=True)
    limit_valid_until = models.DateField(_("limit valid until"), null=True, blank=True)
    max_term_days = models.PositiveIntegerField(_("maximum payment term (days)"), null=True, blank=True)
    grade = models.CharField(_("grade"), max_length=8, blank=True)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    last_score = models.ForeignKey(
        "credit.CreditScore",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last score"),
    )
    next_review_on = models.DateField(_("next credit review"), null=True, blank=True)
    review_date_by_hand = models.BooleanField(_("review date set by hand"), default=False)
    industry_risk = models.CharField(_("industry risk"), max_length=8, choices=IndustryRisk.choices, blank=True)
    external_rating = models.CharField(_("external rating"), max_length=8, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("credit account")
        verbose_name_plural = _("credit accounts")
        permissions = [("check_order", _("Can run the order credit check and report orders invoiced or cancelled"))]
        indexes = [models.Index(fields=["company", "grade"]), models.Index(fields=["limit_valid_until"])]

    def __str__(self) -> str:
        return f"{self.customer_id}: {self.grade or '—'}"


class CreditRules(models.Model):
    """A company's order-check rules (overdue days and amounts that hold or block an order)."""

    company = models.OneToOneField(
        Company, on_delete=models.CASCADE, related_name="credit_rules", primary_key=True, verbose_name=_("company")
    )
    hold_overdue_days = models.PositiveIntegerField(_("hold when an item is overdue more than (days)"), default=60)
    block_overdue_days = models.PositiveIntegerField(_("block when an item is overdue more than (days)"), default=180)
    hold_overdue_amount = MinorUnitsField(_("hold when the overdue amount is above"), default=0)
    review_utilisation_percent = models.PositiveIntegerField(_("review when utilisation is above (%)"), default=90)
    review_overdue_amount = MinorUnitsField(_("review when the overdue amount is above"), default=0)

    class Meta:
        verbose_name = _("credit rules")
        verbose_name_plural = _("credit rules")

    def __str__(self) -> str:
        return str(self.company_id)


class OrderStatus(models.TextChoices):
    RELEASED = "released", _("Released")
    HELD = "held", _("Held")
    BLOCKED = "blocked", _("Blocked")
    REJECTED = "rejected", _("Rejected")
    INVOICED = "invoiced", _("Invoiced")
    CANCELLED = "cancelled", _("Cancelled")


class OpenOrder(models.Model):
    """An order the order system asked about (信用检查); released, it counts in exposure until invoiced or cancelled."""

    # No single-column indexes on company and customer: (company, order_ref) and (customer, status)
    # start with them. With both, the planner may find an order by reference through the company's
    # index and read every order of the company (it did at 200 checks a second on fresh statistics).
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"), db_index=False
    )
    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="+", verbose_name=_("customer"), db_index=False
    )
    order_ref = models.CharField(_("order reference"), max_length=64)
    amount = MinorUnitsField(_("amount"))
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(_("status"), max_length=10, choices=OrderStatus.choices)
    reasons = models.JSONField(_("reasons"), default=list)
    figures = models.JSONField(_("figures"), default=dict)
    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("checked by")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-checked_at", "-id"]
        permissions = [("decide_openorder", _("Can release or reject held orders"))]
        constraints = [
            models.UniqueConstraint(fields=["company", "order_ref"], name="uniq_credit_order"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="credit_order_positive"),
        ]
        indexes = [
            models.Index(fields=["customer", "status"], name="credit_order_exposure"),
            models.Index(fields=["status", "checked_at"], name="credit_order_queue"),
        ]

    def __str__(self) -> str:
        return self.order_ref


class Scorecard(models.Model):
    """One version of a scorecard: its factors, weights, bands, grades, limit rules and terms (JSON).

    A version is never changed once a score uses it; editing makes the next version.
    """

    code = models.CharField(_("code"), max_length=32)
    version = models.PositiveIntegerField(_("version"))
    name = models.CharField(_("name"), max_length=200)
    config = models.JSONField(_("configuration"))
    is_active = models.BooleanField(_("active"), default=True)
    note = models.CharField(_("change note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="uniq_scorecard_version")]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"


class CreditScore(models.Model):
    """A customer's score on one scorecard version, with the breakdown and the inputs it used."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="credit_scores", verbose_name=_("customer")
    )
    scorecard = models.ForeignKey(
        Scorecard, on_delete=models.PROTECT, related_name="scores", verbose_name=_("scorecard")
    )
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    grade = models.CharField(_("grade"), max_length=8)
    breakdown = models.JSONField(_("breakdown"))
    inputs = models.JSONField(_("inputs"))
    recommended_limit = MinorUnitsField(_("recommended limit"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3)
    limit_explanation = models.CharField(_("how the limit was worked out"), max_length=300, blank=True)
    max_term_days = models.PositiveIntegerField(_("maximum payment term (days)"))
    scored_on = models.DateField(_("scored on"))
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("scored by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("credit score")
        verbose_name_plural = _("credit scores")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["customer", "created_at"])]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.grade} {self.score}"


class ApprovalLevel(models.Model):
    """Who may approve credit requests up to which amount (审批权限), by role group."""

    name = models.CharField(_("name"), max_length=100)
    group = models.ForeignKey("auth.Group", on_delete=models.CASCADE, related_name="+", verbose_name=_("role"))
    max_amount = MinorUnitsField(_("up to amount"), null=True, blank=True, help_text=_("Empty: any amount."))
    currency = models.CharField(_("currency"), max_length=3, default="CNY")

    class Meta:
        verbose_name = _("approval level")
        verbose_name_plural = _("approval levels")
        ordering = ["max_amount", "id"]

    def __str__(self) -> str:
        """The level as the approver knows it: the role's name and how far it may approve."""
        from ardesk.accounts.roles import role_label

        role = role_label(self.group.name)
        if self.max_amount is None:
            return role
        return f"{role} ≤ {from_minor(self.max_amount, self.currency):,} {self.currency}"


class RequestKind(models.TextChoices):
    LIMIT = "limit", _("Credit limit")
    TERM = "term", _("Payment term")
    SPECIAL = "special", _("Special one-off approval (信用特批)")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    USED = "used", _("Used")
    EXPIRED = "expired", _("Expired")


class CreditRequest(models.Model):
    """A request to change a limit or a term beyond the grade's policy, or a one-off special approval."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="credit_requests", verbose_name=_("customer")
    )
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    kind = models.CharField(_("kind"), max_length=8, choices=RequestKind.choices)
    amount = MinorUnitsField(
        _("amount"), null=True, blank=True, help_text=_("The new limit, or the special approval's amount.")
    )
    currency = models.CharField(_("currency"), max_length=3)
    term_days = models.PositiveIntegerField(_("payment term (days)"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    evidence = models.FileField(_("evidence"), upload_to="credit/evidence/%Y/%m/", blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    level = models.CharField(_("approval level"), max_length=100, blank=True)
    within_policy = models.BooleanField(_("within the grade's policy"), default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=300, blank=True)
    used_by_order = models.ForeignKey(
        OpenOrder, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("used by order")
    )

    class Meta:
        verbose_name = _("credit request")
        verbose_name_plural = _("credit requests")
        ordering = ["-requested_at", "-id"]
        permissions = [("approve_creditrequest", _("Can approve or reject credit requests"))]
        indexes = [models.Index(fields=["status", "requested_at"]), models.Index(fields=["customer", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.customer_id}"


class ReviewReason(models.TextChoices):
    SCHEDULE = "schedule", _("Scheduled by grade")
    LARGE_OVERDUE = "large_overdue", _("Large overdue")
    GRADE_DROP = "grade_drop", _("Grade dropped")
    UTILISATION = "utilisation", _("High limit utilisation")
    MANUAL = "manual", _("Asked for")


class ReviewStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Completed")


class ReviewDecision(models.TextChoices):
    KEEP = "keep", _("Keep the limit")
    REDUCE = "reduce", _("Reduce the limit (request)")
    HOLD = "hold", _("Put on credit hold")


class CreditReview(models.Model):
    """A credit review that fell due (信用复核), and how it was completed."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="credit_reviews", verbose_name=_("customer")
    )
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    due_on = models.DateField(_("due on"))
    reason = models.CharField(_("reason"), max_length=16, choices=ReviewReason.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=6, choices=ReviewStatus.choices, default=ReviewStatus.OPEN)
    decision = models.CharField(_("decision"), max_length=8, choices=ReviewDecision.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    score = models.ForeignKey(
        CreditScore, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("score")
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by"),
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("credit review")
        verbose_name_plural = _("credit reviews")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.UniqueConstraint(fields=["customer"], condition=Q(status="open"), name="one_open_credit_review")
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.due_on} {self.get_reason_display()}"


class LimitBatchStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved and applied")
    REJECTED = "rejected", _("Rejected")


class CreditLimitBatch(models.Model):
    """Credit limits taken over from the old system: one file, prepared by one user, approved as a whole by another.

    The batch is the approval evidence of every limit it sets (maker-checker, 双人复核): nothing is
    applied until a manager other than the preparer approves it.
    """

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    import_batch = models.OneToOneField(
        "ledger.ImportBatch", on_delete=models.PROTECT, related_name="+", verbose_name=_("import")
    )
    file_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=LimitBatchStatus.choices, default=LimitBatchStatus.PENDING
    )
    line_count = models.PositiveIntegerField(_("limits"), default=0)
    total = MinorUnitsField(_("total of the limits"), default=0)
    largest = MinorUnitsField(_("largest limit"), default=0)
    currency = models.CharField(_("currency"), max_length=3)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("prepared by")
    )
    prepared_at = models.DateTimeField(_("prepared at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("credit-limit import")
        verbose_name_plural = _("credit-limit imports")
        ordering = ["-prepared_at", "-id"]
        permissions = [("approve_creditlimitbatch", _("Can approve or reject imported credit limits"))]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.line_count})"


class CreditLimitLine(models.Model):
    """One customer's limit, grade and term in an imported batch, with the old system's approval."""

    batch = models.ForeignKey(CreditLimitBatch, on_delete=models.CASCADE, related_name="lines", verbose_name=_("batch"))
    line = models.PositiveIntegerField(_("line"))
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="+", verbose_name=_("customer"))
    limit = MinorUnitsField(_("credit limit"))
    currency = models.CharField(_("currency"), max_length=3)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    grade = models.CharField(_("grade"), max_length=8, blank=True)
    max_term_days = models.PositiveIntegerField(_("maximum payment term (days)"), null=True, blank=True)
    approved_by = models.CharField(_("approved by (old system)"), max_length=100)
    approved_on = models.DateField(_("approved on (old system)"))
    reference = models.CharField(_("reference"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("imported credit limit")
        verbose_name_plural = _("imported credit limits")
        ordering = ["batch", "line"]
        constraints = [models.UniqueConstraint(fields=["batch", "customer"], name="credit_limit_line_once_per_batch")]
        indexes = [models.Index(fields=["customer", "batch"])]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.line}"
