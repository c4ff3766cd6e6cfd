"""The customer portal: personal links, the access log, and the balance confirmations (对账确认/差异回函)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField
from ardesk.customers.models import Contact, Customer
from ardesk.ledger.models import DueLine


class PortalLink(models.Model):
    """A contact's personal link to the portal: signed, expiring, revocable, for one customer of one company."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="portal_links", verbose_name=_("customer")
    )
    # A removed contact leaves its links behind, revoked (see apps.py): the log keeps who they were for.
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("contact")
    )
    contact_name = models.CharField(_("contact name"), max_length=100)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    nonce = models.CharField(_("nonce"), max_length=32, unique=True)
    expires_on = models.DateField(_("expires on"))
    requires_code = models.BooleanField(
        _("one-time code"),
        default=False,
        help_text=_("Before acting, the visitor enters a code sent to the contact's e-mail address."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("issued by")
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_reason = models.CharField(_("reason revoked"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("portal link")
        verbose_name_plural = _("portal links")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["customer", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.customer_id} · {self.contact_name} · {self.expires_on}"


class PortalAction(models.TextChoices):
    VIEW = "view", _("Opened the overview")
    STATEMENT = "statement", _("Downloaded a statement")
    BALANCE_ANSWER = "balance_answer", _("Answered on the balance")
    PROMISE = "promise", _("Promised a payment")
    DISPUTE = "dispute", _("Raised a dispute")
    COMPLAINT = "complaint", _("Raised a complaint")
    CODE_SENT = "code_sent", _("Was sent a one-time code")
    CODE_ENTERED = "code_entered", _("Entered the one-time code")
    DOCUMENT = "document", _("Downloaded a document")
    SURVEY = "survey", _("Answered a survey")


class PortalAccess(models.Model):
    """One use of a link: when, from which address, what was seen or done."""

    link = models.ForeignKey(PortalLink, on_delete=models.CASCADE, related_name="accesses", verbose_name=_("link"))
    at = models.DateTimeField(_("at"), auto_now_add=True)
    ip = models.CharField(_("IP address"), max_length=64)
    action = models.CharField(_("action"), max_length=20, choices=PortalAction.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("portal access")
        verbose_name_plural = _("portal accesses")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.link_id} · {self.at:%Y-%m-%d %H:%M}"


class PortalCode(models.Model):
    """A one-time code e-mailed to a link's contact: a second factor before the visitor may act."""

    link = models.ForeignKey(PortalLink, on_delete=models.CASCADE, related_name="codes", verbose_name=_("link"))
    digest = models.CharField(_("code digest"), max_length=64)
    expires_at = models.DateTimeField(_("expires at"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.link_id} · {self.created_at:%Y-%m-%d %H:%M}"


class ConfirmationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    DISAGREED = "disagreed", _("Disagreed")


class BalanceConfirmation(models.Model):
    """The customer's answer to a statement: the balance agrees, or it does not and here are the differences."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="balance_confirmations", verbose_name=_("customer")
    )
    link = models.ForeignKey(
        PortalLink, on_delete=models.SET_NULL, null=True, related_name="confirmations", verbose_name=_("link")
    )
    contact_name = models.CharField(_("contact"), max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=ConfirmationStatus.choices)
    as_of = models.DateField(_("balance as of"))
    currency = models.CharField(_("currency"), max_length=3)
    balance = MinorUnitsField(_("balance per our books"))
    note = models.TextField(_("note"), blank=True)
    answered_at = models.DateTimeField(_("answered at"))

    class Meta:
        verbose_name = _("balance confirmation")
        verbose_name_plural = _("balance confirmations")
        ordering = ["-answered_at", "-id"]
        indexes = [models.Index(fields=["company", "as_of"]), models.Index(fields=["customer", "as_of"])]

    def __str__(self) -> str:
        return f"{self.customer_id} · {self.as_of} · {self.currency}"


class ConfirmationDifference(models.Model):
    """An item the customer disagrees on, and the amount it says is right."""

    confirmation = models.ForeignKey(
        BalanceConfirmation, on_delete=models.CASCADE, related_name="differences", verbose_name=_("confirmation")
    )
    line = models.ForeignKey(DueLine, on_delete=models.PROTECT, related_name="+", verbose_name=_("item"))
    our_amount = MinorUnitsField(_("open per our books"))
    their_amount = MinorUnitsField(_("amount per the customer"))

    class Meta:
        verbose_name = _("confirmation difference")
        verbose_name_plural = _("confirmation differences")
        constraints = [
            models.UniqueConstraint(fields=["confirmation", "line"], name="uniq_confirmation_line"),
            models.CheckConstraint(condition=Q(their_amount__gte=0), name="difference_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.confirmation_id}: {self.line_id}"


# --- statement runs ---------------------------------------------------------------------------


class StatementFrequency(models.TextChoices):
    """How often a customer's statement goes out with the scheduled runs (the company's schedule is monthly)."""

    COMPANY = "company", _("With the company's monthly run")
    QUARTERLY = "quarterly", _("Every quarter")
    NONE = "none", _("No scheduled statements")


class StatementRunStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class StatementRun(models.Model):
    """One sending of statements of account for a period to a company's customers, each with its link."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    date_from = models.DateField(_("period from"))
    date_to = models.DateField(_("period to"))
    status = models.CharField(
        _("status"), max_length=10, choices=StatementRunStatus.choices, default=StatementRunStatus.DRAFT
    )
    is_scheduled = models.BooleanField(_("scheduled"), default=False)
    # A scheduled run sends the month's statements (the customers on the company's run) or the
    # quarter's (the customers set to a quarter); empty for a run made by hand (every customer).
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        blank=True,
        choices=[("monthly", _("Monthly")), (StatementFrequency.QUARTERLY.value, _("Quarterly"))],
    )
    remind_after_days = models.PositiveSmallIntegerField(
        _("remind after (days)"), default=7, help_text=_("Days without an answer before the contact is reminded.")
    )
    task_after_days = models.PositiveSmallIntegerField(
        _("task after (days)"), default=14, help_text=_("Days without an answer before the owner gets a task.")
    )
    link_days = models.PositiveSmallIntegerField(_("links valid for (days)"), default=60)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    seen_at = models.DateTimeField(_("last sign of the sending"), null=True, blank=True)

    class Meta:
        verbose_name = _("statement mailing")
        verbose_name_plural = _("statement mailings")
        ordering = ["-created_at", "-id"]
        permissions = [("send_statementrun", _("Can send statement mailings"))]
        indexes = [models.Index(fields=["company", "date_to"])]
        constraints = [
            models.CheckConstraint(condition=Q(date_from__lte=models.F("date_to")), name="statement_run_period"),
        ]

    def __str__(self) -> str:
        return f"{self.company_id} {self.date_from} – {self.date_to}"

    @property
    def is_running(self) -> bool:
        return self.status == StatementRunStatus.SENDING


class RecipientStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class StatementRecipient(models.Model):
    """One contact's statement of a run: sent or failed, opened, answered, reminded, followed up."""

    run = models.ForeignKey(
        StatementRun, on_delete=models.CASCADE, related_name="recipient_rows", verbose_name=_("statement mailing")
    )
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="+", verbose_name=_("customer"))
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("contact")
    )
    contact_name = models.CharField(_("contact name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=RecipientStatus.choices, default=RecipientStatus.DRAFT
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    link = models.ForeignKey(
        PortalLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("link")
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    answer = models.ForeignKey(
        BalanceConfirmation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer"),
    )
    task_on = models.DateField(_("task planned on"), null=True, blank=True)

    class Meta:
        verbose_name = _("statement recipient")
        verbose_name_plural = _("statement recipients")
        ordering = ["id"]
        indexes = [models.Index(fields=["run", "status"])]

    def __str__(self) -> str:
        return f"{self.run_id} {self.customer_id} {self.email}"


class StatementSchedule(models.Model):
    """A company's monthly statement run: on a day of each month, the previous month's statements are sent."""

    company = models.OneToOneField(
        Company, on_delete=models.CASCADE, related_name="statement_schedule", verbose_name=_("company")
    )
    is_active = models.BooleanField(_("active"), default=True)
    day = models.PositiveSmallIntegerField(
        _("day of the month"), default=5, help_text=_("From this day of each month, last month's statements are sent.")
    )
    remind_after_days = models.PositiveSmallIntegerField(_("remind after (days)"), default=7)
    task_after_days = models.PositiveSmallIntegerField(_("task after (days)"), default=14)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("statement schedule")
        verbose_name_plural = _("statement schedules")
        constraints = [
            models.CheckConstraint(condition=Q(day__gte=1, day__lte=28), name="statement_schedule_day"),
        ]

    def __str__(self) -> str:
        return f"{self.company_id} day {self.day}"


class CustomerStatementSetting(models.Model):
    """A customer's own statement frequency; without a row, the customer is on the company's monthly run.

    Kept by the portal, which sends the statements, so the customers app (below it) stays unaware.
    """

    customer = models.OneToOneField(
        Customer, on_delete=models.CASCADE, related_name="statement_setting", verbose_name=_("customer")
    )
    frequency = models.CharField(
        _("statements by e-mail"),
        max_length=10,
        choices=StatementFrequency.choices,
        default=StatementFrequency.COMPANY,
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("customer statement setting")
        verbose_name_plural = _("customer statement settings")
        indexes = [models.Index(fields=["frequency"])]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.frequency}"
