"""What onboarding, the tours and training mode remember (PRODUCT.md §17)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ardesk.core.money import MinorUnitsField, from_minor


class OnboardingDismissal(models.Model):
    """An administrator hid the onboarding panel; the checklist stays on its own page."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    dismissed_at = models.DateTimeField(_("dismissed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("onboarding panel hidden")
        verbose_name_plural = _("onboarding panels hidden")

    def __str__(self) -> str:
        return str(self.user)


class OnboardingConfirmation(models.Model):
    """A step whose data cannot tell it is done (the shipped dunning policy kept as it is) confirmed by hand."""

    step = models.CharField(_("step"), max_length=32, unique=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("confirmed by")
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("onboarding step confirmed")
        verbose_name_plural = _("onboarding steps confirmed")

    def __str__(self) -> str:
        return self.step


class AgingCheck(models.Model):
    """The ERP's receivables balance on a date set against ARdesk's aging total on that date (期初余额核对)."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="+", verbose_name=_("company")
    )
    as_of = models.DateField(_("as of"))
    currency = models.CharField(_("currency"), max_length=3)
    erp_balance = MinorUnitsField(_("ERP balance"), help_text=_("应收账款余额 in the ERP on that date"))
    ardesk_balance = MinorUnitsField(_("ARdesk balance"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("checked by")
    )
    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("aging check against the ERP")
        verbose_name_plural = _("aging checks against the ERP")
        ordering = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.company_id} {self.as_of}"

    @property
    def difference(self) -> int:
        """ARdesk minus the ERP, in minor units: zero when they agree to the cent."""
        return self.ardesk_balance - self.erp_balance

    @property
    def agrees(self) -> bool:
        return self.difference == 0

    @property
    def erp_amount(self):
        return from_minor(self.erp_balance, self.currency)

    @property
    def ardesk_amount(self):
        return from_minor(self.ardesk_balance, self.currency)

    @property
    def difference_amount(self):
        return from_minor(self.difference, self.currency)


class TourStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    DISMISSED = "dismissed", _("Dismissed")


class TourProgress(models.Model):
    """Where a user is in a guided tour, so it goes on across pages and sign-ins and is not offered again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    tour = models.CharField(_("tour"), max_length=32)
    step = models.PositiveSmallIntegerField(_("step"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=TourStatus.choices, default=TourStatus.OFFERED)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("tour progress")
        verbose_name_plural = _("tour progress")
        constraints = [models.UniqueConstraint(fields=["user", "tour"], name="uniq_tour_progress")]

    def __str__(self) -> str:
        return f"{self.user} {self.tour} {self.step} {self.status}"


class TrainingMark(models.Model):
    """This installation is a training copy: every page says so and no e-mail leaves it.

    Kept in the data, not in the environment, so a copy cannot be started without it by mistake.
    """

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    source = models.CharField(_("copied from"), max_length=300)

    class Meta:
        verbose_name = _("training installation")
        verbose_name_plural = _("training installations")

    def __str__(self) -> str:
        return self.source


class TrainingCopyStatus(models.TextChoices):
    RUNNING = "running", _("Being copied")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class TrainingCopy(models.Model):
    """A training copy an administrator asked for from the training page (made by a background job)."""

    directory = models.CharField(_("data directory"), max_length=500)
    from_demo = models.BooleanField(_("from the demo"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=TrainingCopyStatus.choices, default=TrainingCopyStatus.RUNNING
    )
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("training copy")
        verbose_name_plural = _("training copies")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return self.directory


class SuppressedEmail(models.Model):
    """An e-mail a training installation did not send, and why."""

    subject = models.CharField(_("subject"), max_length=300)
    recipients = models.TextField(_("recipients"))
    reason = models.CharField(_("reason"), max_length=200)
    suppressed_at = models.DateTimeField(_("suppressed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("e-mail not sent")
        verbose_name_plural = _("e-mails not sent")
        ordering = ["-suppressed_at", "-pk"]

    def __str__(self) -> str:
        return self.subject
