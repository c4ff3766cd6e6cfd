"""Trained pay-date models (one version per training, with its figures) and the predictions they made."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField


class Method(models.TextChoices):
    MODEL = "model", _("Learned model")
    DUE_DATE = "due_date", _("Due date (everyone pays on time)")
    CUSTOMER_MEAN_DAYS_LATE = "customer_mean_days_late", _("Customer's mean days late")
    CUSTOMER_MEDIAN_DAYS_LATE = "customer_median_days_late", _("Customer's median days late")
    CUSTOMER_MEAN_DAYS_TO_PAY = "customer_mean_days_to_pay", _("Customer's mean days from invoice to payment")
    CUSTOMER_MEDIAN_DAYS_TO_PAY = "customer_median_days_to_pay", _("Customer's median days from invoice to payment")


class ModelVersion(models.Model):
    """One training of the pay-date model for a company (预测模型版本): its hold-out figures and the method in use.

    The fitted model itself is a file in the data directory (``file_name``); it is never fetched
    from outside. ``figures`` holds, per method, the hold-out MAE and share within ±7 days.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    version = models.PositiveIntegerField(_("version"))
    method = models.CharField(_("method in use"), max_length=32, choices=Method.choices)
    best_baseline = models.CharField(_("best baseline"), max_length=32, choices=Method.choices)
    data_from = models.DateField(_("data from"))
    data_to = models.DateField(_("data to"))
    holdout_from = models.DateField(_("hold-out from"))
    train_count = models.PositiveIntegerField(_("items trained on"))
    holdout_count = models.PositiveIntegerField(_("items held out"))
    figures = models.JSONField(_("figures"), default=dict)
    importance = models.JSONField(_("feature importance"), default=list)
    backtest = models.JSONField(_("back-test"), default=list)
    file_name = models.CharField(_("model file"), max_length=200, blank=True)
    seconds = models.FloatField(_("training time (s)"), default=0)
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("trained by")
    )
    trained_at = models.DateTimeField(_("trained at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pay-date model version")
        verbose_name_plural = _("pay-date model versions")
        ordering = ["company", "-version"]
        constraints = [models.UniqueConstraint(fields=["company", "version"], name="uniq_insights_model_version")]

    def __str__(self) -> str:
        return f"{self.company_id} v{self.version}"


class Prediction(models.Model):
    """When an open item is expected to be paid (预计回款日), with its 10–90 % interval and the reasons.

    Replaced as a whole for a company each time predictions are made (after training, and daily).
    """

    model_version = models.ForeignKey(
        ModelVersion, on_delete=models.CASCADE, related_name="predictions", verbose_name=_("model version")
    )
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"), db_constraint=False
    )
    customer_id = models.BigIntegerField(_("customer"))
    line_id = models.BigIntegerField(_("due line"))
    as_of = models.DateField(_("as of"))
    due_on = models.DateField(_("due date"))
    expected_on = models.DateField(_("expected payment date"))
    low_on = models.DateField(_("earliest (10 %)"))
    high_on = models.DateField(_("latest (90 %)"))
    days_late = models.IntegerField(_("predicted days late"))
    currency = models.CharField(_("currency"), max_length=3)
    open_amount = MinorUnitsField(_("open amount"))
    open_functional = MinorUnitsField(_("open amount, functional"))
    reasons = models.JSONField(_("reasons"), default=list)

    class Meta:
        verbose_name = _("pay-date prediction")
        verbose_name_plural = _("pay-date predictions")
        indexes = [
            models.Index(fields=["customer_id"], name="insights_pred_customer"),
            models.Index(fields=["company", "expected_on"], name="insights_pred_company_day"),
            models.Index(fields=["line_id"], name="insights_pred_line"),
        ]

    def __str__(self) -> str:
        return f"{self.line_id} → {self.expected_on}"
