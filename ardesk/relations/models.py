from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ardesk.collections.models import Dispute
from ardesk.companies.models import Company
from ardesk.customers.models import Contact, Customer
from ardesk.ledger.models import DueLine


def _in_language(english: str, chinese: str) -> str:
    return chinese if chinese and (get_language() or "").startswith("zh") else english


class RelationProfile(models.Model):
    """What customer relations keeps about a customer: a key account (大客户) is revisited every quarter."""

    customer = models.OneToOneField(
        Customer, on_delete=models.CASCADE, primary_key=True, related_name="relation_profile"
    )
    is_key_account = models.BooleanField(_("key account"), default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("relationship owner"),
        help_text=_("Owns complaints, revisits and survey follow-ups; the collector when empty."),
    )

    class Meta:
        verbose_name = _("relation profile")
        verbose_name_plural = _("relation profiles")

    def __str__(self) -> str:
        return str(self.customer_id)


class Channel(models.TextChoices):
    CALL = "call", _("Call")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visit")
    MEETING = "meeting", _("Meeting")
    LETTER = "letter", _("Letter")
    MESSAGE = "message", _("Instant message")


class Purpose(models.TextChoices):
    RELATIONSHIP = "relationship", _("Relationship")
    COLLECTION = "collection", _("Collection")
    COMPLAINT = "complaint", _("Complaint follow-up")
    REVISIT = "revisit", _("Revisit")
    STATEMENT_SENT = "statement_sent", _("Statement sent")
    STATEMENT_CONFIRMED = "statement_confirmed", _("Statement confirmed")
    CREDIT = "credit", pgettext_lazy("interaction purpose", "Credit")
    OTHER = "other", _("Other")


class Interaction(models.Model):
    """A call, e-mail, visit, meeting or letter with the customer (沟通记录), for any purpose."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="interactions", verbose_name=_("customer")
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("contact person")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.RELATIONSHIP)
    occurred_on = models.DateField(_("date"))
    outcome = models.CharField(_("outcome"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    next_action = models.CharField(_("next action"), max_length=200, blank=True)
    next_action_on = models.DateField(_("next action date"), null=True, blank=True)
    complaint = models.ForeignKey(
        "Complaint",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
        verbose_name=_("complaint"),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("logged by")
    )
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["customer", "-occurred_on", "-id"], name="rel_interaction_timeline"),
            models.Index(fields=["next_action_on"], name="rel_interaction_next"),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.get_channel_display()} {self.occurred_on}"


class InteractionAttachment(models.Model):
    interaction = models.ForeignKey(
        Interaction, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("interaction")
    )
    file = models.FileField(_("file"), upload_to="interactions/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("interaction attachment")
        verbose_name_plural = _("interaction attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class ComplaintCategory(models.TextChoices):
    SERVICE = "service", _("Service")
    DELIVERY = "delivery", _("Delivery")
    BILLING = "billing", _("Billing")
    COLLECTOR = "collector", _("Collector's conduct")
    QUALITY = "quality", _("Product quality")
    OTHER = "other", _("Other")


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class ComplaintStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("complaint", "Open")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for the customer")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


class Complaint(models.Model):
    """A complaint (投诉) about service, delivery, billing or a collector: owned, due by severity, escalated late."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="complaints", verbose_name=_("customer")
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("raised by")
    )
    category = models.CharField(_("category"), max_length=10, choices=ComplaintCategory.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("owner")
    )
    status = models.CharField(_("status"), max_length=12, choices=ComplaintStatus.choices, default=ComplaintStatus.OPEN)
    opened_on = models.DateField(_("opened on"))
    due_on = models.DateField(_("deadline"), help_text=_("Set from the severity's service level."))
    escalated_on = models.DateField(_("escalated on"), null=True, blank=True)
    escalated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("escalated to"),
    )
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolution_days = models.PositiveIntegerField(_("days to resolve"), null=True, blank=True)
    confirmed_on = models.DateField(_("confirmed by the customer on"), null=True, blank=True)
    confirmation_note = models.CharField(_("customer's confirmation"), max_length=300, blank=True)
    disputes = models.ManyToManyField(Dispute, blank=True, related_name="+", verbose_name=_("disputes"))
    lines = models.ManyToManyField(DueLine, blank=True, related_name="+", verbose_name=_("items"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("logged by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["status", "opened_on"], name="rel_complaint_status"),
            models.Index(fields=["customer", "-opened_on"], name="rel_complaint_customer"),
            models.Index(fields=["owner", "status"], name="rel_complaint_owner"),
            models.Index(fields=["status", "due_on"], name="rel_complaint_due"),
        ]
        permissions = [("escalate_complaint", _("Receives escalated complaints"))]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status not in (ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED)


class ComplaintEvent(models.Model):
    """A step in a complaint's life: each status change, escalation or note is a new row."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=12, choices=ComplaintStatus.choices, blank=True)
    is_escalation = models.BooleanField(_("escalation"), default=False)
    note = models.TextField(_("note"), blank=True)
    on = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("complaint event")
        verbose_name_plural = _("complaint events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.status} {self.on}"


class EscalationMail(models.Model):
    """The e-mail telling a finance manager (and the complaint's owner) that a complaint was escalated.

    Written with the escalation, in its transaction; sent after it commits, so a mail server that
    refuses leaves the escalation whole and the error on this row, to be sent again by the daily job.
    """

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="escalation_mails", verbose_name=_("complaint")
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recipient")
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    send_error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("escalation e-mail")
        verbose_name_plural = _("escalation e-mails")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.email}"


class SurveyTemplate(models.Model):
    """A satisfaction survey (满意度调查): CSAT (1–5), NPS (0–10) and free text, in both languages."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_zh = models.TextField(_("introduction (Chinese)"), blank=True)
    csat_en = models.CharField(_("CSAT question (English)"), max_length=300)
    csat_zh = models.CharField(_("CSAT question (Chinese)"), max_length=300)
    nps_en = models.CharField(_("NPS question (English)"), max_length=300)
    nps_zh = models.CharField(_("NPS question (Chinese)"), max_length=300)
    comment_en = models.CharField(_("free-text question (English)"), max_length=300)
    comment_zh = models.CharField(_("free-text question (Chinese)"), max_length=300)
    valid_days = models.PositiveSmallIntegerField(_("link valid for (days)"), default=14)
    remind_after_days = models.PositiveSmallIntegerField(_("reminder after (days)"), default=5)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("survey template")
        verbose_name_plural = _("survey templates")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        return _in_language(self.name, self.name_zh)

    def text(self, field: str, language: str) -> str:
        """A question or the introduction in a language: ``text("csat", "zh-hans")``."""
        return getattr(self, f"{field}_zh" if language.startswith("zh") else f"{field}_en")


class Survey(models.Model):
    """One sending of a template to chosen contacts of a company's customers."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    template = models.ForeignKey(
        SurveyTemplate, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("template")
    )
    sent_on = models.DateField(_("sent on"))
    expires_on = models.DateField(_("answers accepted until"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sent by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-sent_on", "-id"]
        permissions = [("send_survey", _("Can send satisfaction surveys"))]

    def __str__(self) -> str:
        return f"{self.template.code} {self.sent_on}"


class SurveyInvitation(models.Model):
    """One contact's personal, single-use link to a survey; answered once, reminded once."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("survey"))
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="+", verbose_name=_("customer"))
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("contact person")
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10)
    nonce = models.CharField(max_length=32, unique=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    send_error = models.TextField(_("error"), blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["id"]
        indexes = [models.Index(fields=["survey", "answered_at"], name="rel_invitation_survey")]

    def __str__(self) -> str:
        return f"{self.survey_id} {self.email}"


class SurveyAnswer(models.Model):
    """A contact's answer: CSAT 1–5, NPS 0–10, a comment; the customer's segment is read at report time."""

    invitation = models.OneToOneField(
        SurveyInvitation, on_delete=models.CASCADE, related_name="answer", verbose_name=_("invitation")
    )
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="answers", verbose_name=_("survey"))
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="survey_answers", verbose_name=_("customer")
    )
    csat = models.PositiveSmallIntegerField(_("satisfaction (1–5)"), null=True, blank=True)
    nps = models.PositiveSmallIntegerField(_("likelihood to recommend (0–10)"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    answered_on = models.DateField(_("answered on"))
    answered_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["-answered_on", "-id"]
        indexes = [models.Index(fields=["customer", "-answered_on"], name="rel_answer_customer")]
        constraints = [
            models.CheckConstraint(condition=Q(csat__gte=1, csat__lte=5) | Q(csat__isnull=True), name="csat_1_to_5"),
            models.CheckConstraint(condition=Q(nps__gte=0, nps__lte=10) | Q(nps__isnull=True), name="nps_0_to_10"),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} CSAT {self.csat} NPS {self.nps}"


class RevisitReason(models.TextChoices):
    KEY_ACCOUNT = "key_account", _("Key account, every quarter")
    COMPLAINT = "complaint", _("After a resolved complaint")
    WRITE_OFF = "write_off", _("After a large write-off")
    LIMIT_CHANGE = "limit_change", _("After a limit change")
    DETRACTOR = "detractor", _("Survey detractor follow-up")
    STATEMENT_OPEN = "statement_open", _("Statement not answered")
    STATEMENT_DIFF = "statement_diff", _("Statement balance disagreed")
    MANUAL = "manual", _("Planned by hand")


class RevisitStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Revisit(models.Model):
    """A planned visit or call (回访): by rule or by hand, owned, due on a date, its outcome on the timeline."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="revisits", verbose_name=_("customer")
    )
    reason = models.CharField(_("reason"), max_length=14, choices=RevisitReason.choices)
    source = models.CharField(
        _("source"), max_length=40, blank=True, help_text=_("What the rule planned it for; planned once per source.")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.VISIT)
    due_on = models.DateField(_("due on"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("owner")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RevisitStatus.choices, default=RevisitStatus.PLANNED)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    interaction = models.ForeignKey(
        Interaction, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("outcome")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("revisit")
        verbose_name_plural = _("revisits")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["status", "due_on"], name="rel_revisit_due"),
            models.Index(fields=["owner", "status", "due_on"], name="rel_revisit_owner"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "source"], condition=~Q(source=""), name="one_revisit_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.get_reason_display()} {self.due_on}"
