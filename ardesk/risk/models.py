from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.customers.models import Customer
from ardesk.risk.domain import SIGNAL_LABELS


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


SIGNAL_CHOICES = [(k, v) for k, v in SIGNAL_LABELS.items()]


class RiskConfig(models.Model):
    """One version of a company's risk thresholds, weights, watch-list rule and concentration limits (JSON).

    A version is never changed; editing or importing saves the next one, and the scan records the
    version it used.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    version = models.PositiveIntegerField(_("version"))
    config = models.JSONField(_("configuration"))
    note = models.CharField(_("change note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("risk configuration")
        verbose_name_plural = _("risk configurations")
        ordering = ["company_id", "-version"]
        constraints = [models.UniqueConstraint(fields=["company", "version"], name="uniq_risk_config_version")]

    def __str__(self) -> str:
        return f"{self.company_id} v{self.version}"


class RiskScan(models.Model):
    """A run of the daily risk scan over one company's customers, and what it found."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    as_of = models.DateField(_("scan date"))
    config = models.ForeignKey(
        RiskConfig, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("configuration")
    )
    customers = models.PositiveIntegerField(_("customers with signals"), default=0)
    signals = models.PositiveIntegerField(_("signals"), default=0)
    new_signals = models.PositiveIntegerField(_("new or worse signals"), default=0)
    cleared = models.PositiveIntegerField(_("signals cleared"), default=0)
    watch_added = models.PositiveIntegerField(_("added to the watch list"), default=0)
    alerts = models.PositiveIntegerField(_("alerts"), default=0)
    seconds = models.DecimalField(_("seconds"), max_digits=8, decimal_places=2, default=0)
    # The portfolio's exposure, concentration and expected loss on the scan date (selectors.portfolio_figures),
    # kept so that the portfolio page reads one row instead of summing a million items.
    portfolio = models.JSONField(_("portfolio figures"), default=dict)
    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)

    class Meta:
        verbose_name = _("risk scan")
        verbose_name_plural = _("risk scans")
        ordering = ["-ran_at", "-id"]
        indexes = [models.Index(fields=["company", "as_of"])]

    def __str__(self) -> str:
        return f"{self.company_id} {self.as_of}"


class SignalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLEARED = "cleared", _("Cleared")
    SUPERSEDED = "superseded", _("Changed severity")


class RiskSignal(models.Model):
    """An early-warning signal of a customer, from the day a scan first saw it until one no longer did.

    One active signal per customer and kind; a scan that finds it again only moves ``last_seen_on``
    and its figures. A change of severity closes the row (superseded) and opens a new one, so the
    customer's history shows each episode with its evidence.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="+", verbose_name=_("customer"), db_index=False
    )
    kind = models.CharField(_("signal"), max_length=20, choices=SIGNAL_CHOICES)
    severity = models.CharField(_("severity"), max_length=6, choices=Severity.choices)
    measure = models.DecimalField(_("measure"), max_digits=14, decimal_places=2)
    figures = models.JSONField(_("figures"), default=dict)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    status = models.CharField(_("status"), max_length=10, choices=SignalStatus.choices, default=SignalStatus.ACTIVE)
    first_seen_on = models.DateField(_("first seen"))
    last_seen_on = models.DateField(_("last seen"))
    cleared_on = models.DateField(_("cleared on"), null=True, blank=True)

    class Meta:
        verbose_name = _("risk signal")
        verbose_name_plural = _("risk signals")
        ordering = ["-first_seen_on", "-id"]
        permissions = [("view_portfolio", _("Can see the portfolio risk view"))]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "kind"], condition=Q(status="active"), name="one_active_signal_per_kind"
            )
        ]
        indexes = [
            models.Index(fields=["customer", "first_seen_on"], name="risk_signal_history"),
            models.Index(fields=["company", "status", "severity"], name="risk_signal_open"),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.kind} {self.severity}"


class WatchSource(models.TextChoices):
    RULE = "rule", _("By rule")
    HAND = "hand", _("By hand")


class WatchStatus(models.TextChoices):
    OPEN = "open", _("On the watch list")
    CLOSED = "closed", _("Left the watch list")


class WatchEntry(models.Model):
    """A customer on the watch list (重点关注名单): why, who owns it, when it is reviewed, how it left."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="+", verbose_name=_("customer"), db_index=False
    )
    source = models.CharField(_("added"), max_length=4, choices=WatchSource.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True, help_text=_("Given by hand; empty by rule."))
    rule_signals = models.JSONField(_("signals"), default=list, blank=True)  # [[kind, severity], …] by rule
    rule_points = models.CharField(_("points"), max_length=12, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    review_on = models.DateField(_("review date"))
    status = models.CharField(_("status"), max_length=6, choices=WatchStatus.choices, default=WatchStatus.OPEN)
    opened_on = models.DateField(_("added on"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    closed_on = models.DateField(_("left on"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision = models.CharField(_("decision"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("watch-list entry")
        verbose_name_plural = _("watch list")
        ordering = ["review_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["customer"], condition=Q(status="open"), name="one_open_watch_entry")
        ]
        indexes = [
            models.Index(fields=["customer", "opened_on"], name="risk_watch_customer"),
            models.Index(fields=["company", "status", "review_on"], name="risk_watch_open"),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.get_status_display()}"


class ActionKind(models.TextChoices):
    REDUCE_LIMIT = "reduce_limit", _("Reduce the limit")
    PREPAYMENT = "prepayment", _("Require prepayment")
    HOLD = "hold", _("Put on credit hold")
    CALL = "call", _("Call the customer")


class WatchAction(models.Model):
    """An action decided for a customer on the watch list, and when it was done."""

    entry = models.ForeignKey(WatchEntry, on_delete=models.CASCADE, related_name="actions", verbose_name=_("entry"))
    kind = models.CharField(_("action"), max_length=12, choices=ActionKind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("decided by")
    )
    created_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("watch-list action")
        verbose_name_plural = _("watch-list actions")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.get_kind_display()}"


class Alert(models.Model):
    """A user's inbox entry about one customer: the signals that appeared or grew, and the watch list.

    While an alert is unread, what the next scans find about the same customer is added to it rather
    than making a new one; a signal that did not change adds nothing.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user"), db_index=False
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="+", verbose_name=_("customer"))
    severity = models.CharField(_("severity"), max_length=6, choices=Severity.choices)
    changes = models.JSONField(_("changes"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email_pending = models.BooleanField(_("to e-mail"), default=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="risk_alert_inbox"),
            models.Index(fields=["email_pending"], condition=Q(email_pending=True), name="risk_alert_to_email"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "customer"], condition=Q(read_at__isnull=True), name="one_unread_alert_per_customer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.customer_id} {self.severity}"


class DigestKind(models.TextChoices):
    DAILY = "daily", _("Daily digest")
    IMMEDIATE = "immediate", _("Immediate (high severity)")


class AlertEmail(models.Model):
    """An e-mail of alerts sent to a user: the day's digest, or at once for a high severity."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=DigestKind.choices)
    sent_on = models.DateField(_("sent on"))
    alerts = models.PositiveIntegerField(_("alerts"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert e-mail")
        verbose_name_plural = _("alert e-mails")
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["user", "kind", "sent_on"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.sent_on}"
