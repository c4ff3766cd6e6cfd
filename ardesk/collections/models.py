from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField, from_minor
from ardesk.customers.models import Contact, Customer
from ardesk.ledger.models import Document, DueLine


class LevelChannel(models.TextChoices):
    EMAIL = "email", _("E-mail with the letter attached")
    LETTER = "letter", _("Letter as PDF")
    PHONE = "phone", _("Phone task")
    LEGAL = "legal", _("Hand-over to legal")
    HOLD = "hold", _("Credit hold")


def _in_language(name: str, name_zh: str) -> str:
    return name_zh if name_zh and (get_language() or "").startswith("zh") else name


class InterestBasis(models.IntegerChoices):
    """The day count of late-payment interest: the year has 365 days (actual/365) or 360 (actual/360)."""

    ACTUAL_365 = 365, _("Days overdue ÷ 365")
    ACTUAL_360 = 360, _("Days overdue ÷ 360")


class DunningPolicy(models.Model):
    """A dunning policy (催收策略): ordered levels that an overdue item climbs one run at a time."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("company"),
        help_text=_("A policy of one company applies to its customers only; empty: shared by every company."),
    )
    interest_basis = models.PositiveSmallIntegerField(
        _("interest day count"),
        choices=InterestBasis.choices,
        default=InterestBasis.ACTUAL_365,
        help_text=_("Late-payment interest = open amount × annual rate × days overdue ÷ 365 (or 360)."),
    )
    is_default = models.BooleanField(
        _("default policy"), default=False, help_text=_("Used for customers without a policy of their own or by grade.")
    )
    min_days_between = models.PositiveSmallIntegerField(
        _("days between notices"),
        default=7,
        help_text=_("An item gets its next notice at least this many days after the previous one."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dunning policy")
        verbose_name_plural = _("dunning policies")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default_policy")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        """The name in the interface language: the Chinese name on a Chinese screen when there is one."""
        return _in_language(self.name, self.name_zh)


class DunningLevel(models.Model):
    """One step of a policy: when (days relative to the due date), how, from which amount, and the text."""

    policy = models.ForeignKey(DunningPolicy, on_delete=models.CASCADE, related_name="levels", verbose_name=_("policy"))
    seq = models.PositiveSmallIntegerField(_("level"))
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    days = models.IntegerField(
        _("days after due"), help_text=_("Negative for a reminder before the due date (e.g. -3).")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=LevelChannel.choices)
    # The amounts of a level are stated in the functional currency of the company that runs it (a
    # shared policy serves companies in different currencies), so they are kept as amounts, not as
    # minor units of one currency, and turned into the company's minor units when a run reads them.
    min_amount = models.DecimalField(
        _("minimum overdue amount"),
        max_digits=18,
        decimal_places=4,
        default=0,
        help_text=_("In the company's functional currency: smaller totals wait for the next run."),
    )
    fee = models.DecimalField(
        _("dunning fee"),
        max_digits=18,
        decimal_places=4,
        default=0,
        help_text=_("A flat fee per notice (催收费用), in the company's functional currency; 0 for none."),
    )
    interest_rate = models.DecimalField(
        _("late-payment interest (% a year)"),
        max_digits=7,
        decimal_places=4,
        default=0,
        help_text=_("Annual rate of late-payment interest (逾期利息) on the open amount; 0 for none."),
    )
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    subject_zh = models.CharField(_("subject (Chinese)"), max_length=200, blank=True)
    body_zh = models.TextField(_("text (Chinese)"), blank=True)

    class Meta:
        verbose_name = _("dunning level")
        verbose_name_plural = _("dunning levels")
        ordering = ["policy", "seq"]
        constraints = [models.UniqueConstraint(fields=["policy", "seq"], name="uniq_dunning_level")]

    def __str__(self) -> str:
        return f"{self.policy.code} {self.seq} {self.display_name}"

    @property
    def display_name(self) -> str:
        """The level's name in the interface language (第一次催款通知, First notice)."""
        return _in_language(self.name, self.name_zh)

    @property
    def is_reminder(self) -> bool:
        return self.days < 0


class PolicyGrade(models.Model):
    """Customers of a credit grade get this policy (unless they have their own)."""

    policy = models.ForeignKey(DunningPolicy, on_delete=models.CASCADE, related_name="grades", verbose_name=_("policy"))
    grade = models.CharField(_("credit grade"), max_length=10, unique=True)

    class Meta:
        verbose_name = _("policy by grade")
        verbose_name_plural = _("policies by grade")
        ordering = ["grade"]

    def __str__(self) -> str:
        return f"{self.grade} → {self.policy.code}"


class CollectionProfile(models.Model):
    """What collections keeps about a customer: its own policy, a dunning block, the legal stage.

    The credit grade (which chooses a policy by grade) is the credit context's; a credit hold is the
    customer's status (``on_hold``), which the order check reads.
    """

    customer = models.OneToOneField(
        Customer, on_delete=models.CASCADE, primary_key=True, related_name="collection_profile"
    )
    policy = models.ForeignKey(
        DunningPolicy,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("own dunning policy"),
    )
    dunning_blocked = models.BooleanField(_("dunning blocked"), default=False)
    block_reason = models.CharField(_("block reason"), max_length=300, blank=True)
    in_legal = models.BooleanField(_("with legal"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("collection profile")
        verbose_name_plural = _("collection profiles")

    def __str__(self) -> str:
        return str(self.customer_id)


class LegalCaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class LegalCase(models.Model):
    """A customer handed to legal (移交法务): ordinary dunning stops while the case is open."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="legal_cases", verbose_name=_("customer")
    )
    opened_on = models.DateField(_("opened on"))
    reference = models.CharField(_("case reference"), max_length=60, blank=True)
    lawyer = models.CharField(_("law firm / lawyer"), max_length=120, blank=True)
    currency = models.CharField(_("currency"), max_length=3)
    amount = MinorUnitsField(_("amount claimed"))
    status = models.CharField(_("status"), max_length=8, choices=LegalCaseStatus.choices, default=LegalCaseStatus.OPEN)
    notes = models.TextField(_("notes"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("opened by")
    )

    class Meta:
        verbose_name = _("legal case")
        verbose_name_plural = _("legal cases")
        ordering = ["-opened_on", "-id"]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.reference or self.opened_on}"


class RunStatus(models.TextChoices):
    WRITING = "writing", _("Writing the notices")
    DELIVERING = "delivering", _("Sending and printing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class DunningRun(models.Model):
    """A confirmed dunning run for a company and a date: its notices were written in one statement each."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    run_on = models.DateField(_("run date"))
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.WRITING)
    notices = models.PositiveIntegerField(_("notices"), default=0)
    items = models.PositiveIntegerField(_("items"), default=0)
    total_functional = MinorUnitsField(_("total overdue"), default=0)
    delivered = models.PositiveIntegerField(_("delivered"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("run by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    delivery_seen_at = models.DateTimeField(
        _("delivery last seen"),
        null=True,
        blank=True,
        help_text=_("When the delivery job last reported progress; a silent one is resumed by the daily job."),
    )

    class Meta:
        verbose_name = _("dunning run")
        verbose_name_plural = _("dunning runs")
        ordering = ["-run_on", "-id"]
        indexes = [models.Index(fields=["company", "run_on"])]
        permissions = [
            ("view_worklist", _("Can work the collections worklist")),
            ("hold_customer", _("Can put a customer on credit hold or hand it to legal")),
        ]

    def __str__(self) -> str:
        return f"{self.company_id} {self.run_on}"

    @property
    def is_running(self) -> bool:
        return self.status in (RunStatus.WRITING, RunStatus.DELIVERING)


class NoticeStatus(models.TextChoices):
    PENDING = "pending", _("To send")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    PRINTED = "printed", _("Letter ready")
    TASK = "task", _("Call to make")
    DONE = "done", _("Done")
    FAILED = "failed", _("Send failed")


class NoticeCharges(models.TextChoices):
    NONE = "none", _("No charges")
    WAIVED = "waived", _("Waived")
    CHARGED = "charged", _("Charged by debit note")


class Notice(models.Model):
    """One customer's notice of one level in a run: its items, text, letter, recipients and delivery.

    Its fee and late-payment interest are shown to the customer; they are waived unless a manager
    charges them, which posts a debit note.
    """

    # Written by the run's INSERT … SELECT from rows it has just read, 100,000 at once: the database
    # does not check these references row by row at commit (on_delete is Django's, as everywhere).
    run = models.ForeignKey(
        DunningRun,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("run"),
        db_index=False,
        db_constraint=False,
    )
    # A handful of companies: an index on the company alone would never be chosen.
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("company"),
        db_index=False,
        db_constraint=False,
    )
    customer = models.ForeignKey(
        Customer,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("customer"),
        db_index=False,
        db_constraint=False,
    )
    level = models.ForeignKey(
        DunningLevel, on_delete=models.PROTECT, related_name="+", verbose_name=_("level"), db_constraint=False
    )
    level_seq = models.PositiveSmallIntegerField(_("level"))
    channel = models.CharField(_("channel"), max_length=10, choices=LevelChannel.choices)
    notice_on = models.DateField(_("date"))
    item_count = models.PositiveIntegerField(_("items"))
    total_functional = MinorUnitsField(_("total overdue"))
    currency = models.CharField(_("functional currency"), max_length=3)
    status = models.CharField(_("status"), max_length=8, choices=NoticeStatus.choices, default=NoticeStatus.PENDING)
    language = models.CharField(_("language"), max_length=10, blank=True)
    recipients = models.TextField(_("recipients"), blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    pdf = models.FileField(_("letter"), upload_to="notices/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    fee = MinorUnitsField(_("dunning fee"), default=0)
    interest = MinorUnitsField(_("late-payment interest"), default=0)
    charges = models.CharField(_("charges"), max_length=8, choices=NoticeCharges.choices, default=NoticeCharges.NONE)
    debit_note = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("debit note"),
        db_constraint=False,
    )

    class Meta:
        verbose_name = _("dunning notice")
        verbose_name_plural = _("dunning notices")
        ordering = ["-notice_on", "-id"]
        permissions = [("charge_notice", _("Can charge a notice's fee and interest by debit note"))]
        indexes = [
            models.Index(fields=["run", "status"]),
            models.Index(fields=["customer", "notice_on"]),
            models.Index(fields=["status", "channel"]),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} L{self.level_seq} {self.notice_on}"

    @property
    def charges_total(self) -> int:
        """The fee and the interest, minor units of the functional currency."""
        return self.fee + self.interest

    @property
    def total_due(self) -> int:
        """What the notice asks for: the open amount, the fee and the interest."""
        return self.total_functional + self.fee + self.interest


class NoticeItem(models.Model):
    """An item in a notice, with its open amount at the run.

    A run writes up to a million of them in one INSERT … SELECT joined to the lines and notices it
    reads: the database does not check the references row by row at commit (a check locks each
    referenced line), and the only index besides the key is the one the letters read (by notice).
    """

    notice = models.ForeignKey(
        Notice, on_delete=models.CASCADE, related_name="items", db_index=False, db_constraint=False
    )
    line = models.ForeignKey(DueLine, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False)
    due_on = models.DateField(_("due date"))
    currency = models.CharField(_("currency"), max_length=3)
    open_amount = MinorUnitsField(_("open amount"))
    open_functional = MinorUnitsField(_("open amount, functional"))

    class Meta:
        verbose_name = _("notice item")
        verbose_name_plural = _("notice items")
        indexes = [models.Index(fields=["notice"])]

    def __str__(self) -> str:
        return f"{self.notice_id}: {self.line_id}"


class DunningState(models.Model):
    """The level an item has reached and the day of its last notice: the next run starts from here.

    Written by the run for every item it dunned, like the notice items: no row-by-row reference checks.
    """

    line = models.OneToOneField(
        DueLine, on_delete=models.CASCADE, primary_key=True, related_name="+", db_constraint=False
    )
    level = models.ForeignKey(
        DunningLevel, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    level_seq = models.PositiveSmallIntegerField(_("level"))
    notice_on = models.DateField(_("last notice"))

    class Meta:
        verbose_name = _("dunning state")
        verbose_name_plural = _("dunning states")

    def __str__(self) -> str:
        return f"{self.line_id}: L{self.level_seq} {self.notice_on}"


class ContactChannel(models.TextChoices):
    CALL = "call", _("Call")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visit")
    LETTER = "letter", _("Letter")


class ContactOutcome(models.TextChoices):
    REACHED = "reached", _("Reached, no commitment")
    PROMISED = "promised", _("Promised to pay")
    DISPUTED = "disputed", _("Raised a dispute")
    NO_ANSWER = "no_answer", _("No answer")
    MESSAGE = "message", _("Left a message")
    REFUSED = "refused", _("Refused to pay")
    PAID = "paid", _("Says it has paid")


class ContactLog(models.Model):
    """A call, e-mail, visit or letter with the customer (催收记录), its outcome and the next action."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="collection_contacts", verbose_name=_("customer")
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("contact person")
    )
    channel = models.CharField(_("channel"), max_length=8, choices=ContactChannel.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=ContactOutcome.choices)
    note = models.TextField(_("note"), blank=True)
    next_action_on = models.DateField(_("next action"), null=True, blank=True)
    logged_on = models.DateField(_("date"))
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact log entry")
        verbose_name_plural = _("contact log")
        ordering = ["-logged_at", "-id"]
        indexes = [models.Index(fields=["customer", "logged_on"]), models.Index(fields=["next_action_on"])]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.channel} {self.logged_on}"


class PromiseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    KEPT = "kept", _("Kept")
    BROKEN = "broken", _("Broken")
    CANCELLED = "cancelled", _("Cancelled")


class PromiseToPay(models.Model):
    """A promise to pay (承诺付款): an amount by a date for some items; kept or broken after the date."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="promises", verbose_name=_("customer")
    )
    currency = models.CharField(_("currency"), max_length=3)
    amount = MinorUnitsField(_("amount"))
    promised_on = models.DateField(_("promised date"))
    made_on = models.DateField(_("made on"))
    status = models.CharField(_("status"), max_length=10, choices=PromiseStatus.choices, default=PromiseStatus.OPEN)
    paid = MinorUnitsField(_("paid by the date"), default=0)
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    lines = models.ManyToManyField(DueLine, through="PromiseItem", related_name="+", verbose_name=_("items"))
    contact_log = models.ForeignKey(
        ContactLog, on_delete=models.SET_NULL, null=True, blank=True, related_name="promises", verbose_name=_("call")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("taken by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("promise to pay")
        verbose_name_plural = _("promises to pay")
        ordering = ["-promised_on", "-id"]
        indexes = [models.Index(fields=["status", "promised_on"]), models.Index(fields=["customer", "status"])]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="promise_amount_positive")]

    def __str__(self) -> str:
        return f"{self.customer_id} · {from_minor(self.amount, self.currency):,} {self.currency} · {self.promised_on}"


class PromiseItem(models.Model):
    promise = models.ForeignKey(PromiseToPay, on_delete=models.CASCADE, related_name="items")
    line = models.ForeignKey(DueLine, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["promise", "line"], name="uniq_promise_item")]

    def __str__(self) -> str:
        return f"{self.promise_id}: {self.line_id}"


class DisputeReason(models.TextChoices):
    PRICE = "price", _("Price")
    QUANTITY = "quantity", _("Quantity")
    QUALITY = "quality", _("Quality")
    NOT_RECEIVED = "not_received", _("Not received")
    DUPLICATE = "duplicate", _("Duplicate invoice")
    OTHER = "other", _("Other")


class DisputeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CREDITED = "credited", _("Resolved by a credit note")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Dispute(models.Model):
    """A dispute (争议) on one or more items: it stops their dunning until it is resolved."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="disputes", verbose_name=_("customer")
    )
    reason = models.CharField(_("reason"), max_length=12, choices=DisputeReason.choices)
    currency = models.CharField(_("currency"), max_length=3)
    amount = MinorUnitsField(_("disputed amount"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("owner")
    )
    status = models.CharField(_("status"), max_length=10, choices=DisputeStatus.choices, default=DisputeStatus.OPEN)
    description = models.TextField(_("description"), blank=True)
    opened_on = models.DateField(_("opened on"))
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    credit_note = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("credit note")
    )
    lines = models.ManyToManyField(DueLine, through="DisputeItem", related_name="+", verbose_name=_("items"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("raised by")
    )

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["status", "opened_on"]), models.Index(fields=["customer", "status"])]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="dispute_amount_positive")]
        permissions = [("resolve_dispute", _("Can resolve a dispute (credit note, rejection)"))]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.get_reason_display()} {self.opened_on}"


class DisputeItem(models.Model):
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="items")
    line = models.ForeignKey(DueLine, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dispute", "line"], name="uniq_dispute_item")]

    def __str__(self) -> str:
        return f"{self.dispute_id}: {self.line_id}"


class DisputeNote(models.Model):
    """A note on a dispute; each status change is kept as a note too."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="notes", verbose_name=_("dispute"))
    text = models.TextField(_("note"))
    status = models.CharField(_("status"), max_length=10, choices=DisputeStatus.choices, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    written_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dispute note")
        verbose_name_plural = _("dispute notes")
        ordering = ["written_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class DisputeAttachment(models.Model):
    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("dispute")
    )
    file = models.FileField(_("file"), upload_to="disputes/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dispute attachment")
        verbose_name_plural = _("dispute attachments")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
