from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

code_validator = RegexValidator(r"^[A-Za-z0-9_-]{1,20}$", _("Use 1 to 20 letters, digits, '-' or '_'."))
currency_validator = RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO 4217 code such as CNY."))


class Company(models.Model):
    """A legal entity of the group (法人主体) that sells on credit and keeps its own books."""

    code = models.CharField(_("code"), max_length=20, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    functional_currency = models.CharField(
        _("functional currency"),
        max_length=3,
        default="CNY",
        validators=[currency_validator],
        help_text=_("The currency the company keeps its books in (记账本位币)."),
    )
    uscc = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    bank_name = models.CharField(
        _("bank"), max_length=200, blank=True, help_text=_("The bank and branch customers pay into (开户银行).")
    )
    bank_account_name = models.CharField(
        _("account name"),
        max_length=200,
        blank=True,
        help_text=_("The account holder's name (户名), usually the company."),
    )
    bank_account_number = models.CharField(_("account number"), max_length=64, blank=True, help_text=_("账号"))
    bank_details = models.TextField(
        _("other payment details"),
        blank=True,
        help_text=_("Printed on statements and letters under the bank account, e.g. a SWIFT code."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def bank_lines(self) -> list[tuple[str, str]]:
        """The payment details printed on statements and letters: (label, value), only those filled in."""
        lines = [
            (_("Bank"), self.bank_name),
            (_("Account name"), self.bank_account_name),
            (_("Account number"), self.bank_account_number),
        ]
        lines += [("", line.strip()) for line in self.bank_details.splitlines()]
        return [(str(label), value) for label, value in lines if value]

    @property
    def payment_details(self) -> str:
        """The payment details as text for letters: one "label: value" line each."""
        return "\n".join(f"{label}: {value}" if label else value for label, value in self.bank_lines())


class CompanyGrant(models.Model):
    """A user's access to one company's data: users see only the companies they are granted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_grants", verbose_name=_("user")
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="grants", verbose_name=_("company"))
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("company access")
        verbose_name_plural = _("company access")
        constraints = [models.UniqueConstraint(fields=["user", "company"], name="uniq_company_grant")]

    def __str__(self) -> str:
        return f"{self.user} → {self.company.code}"
