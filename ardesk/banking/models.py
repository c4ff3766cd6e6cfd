"""Cash application (收款认领/核销): bank accounts, imported statements, their lines and how each was applied.

Amounts are whole minor units of the bank account's currency. A statement line's amount is signed
as the bank sees it: money in is positive, money out negative.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.core.crypto import EncryptedTextField
from ardesk.core.money import MinorUnitsField
from ardesk.customers.models import Customer
from ardesk.ledger.models import Document


class Layout(models.TextChoices):
    """Which columns a bank's online-banking export has (presets in ``statement_files.PRESETS``)."""

    GENERIC = "generic", _("Generic Chinese online banking")
    ICBC = "icbc", _("Industrial and Commercial Bank of China")
    CCB = "ccb", _("China Construction Bank")
    BOC = "boc", _("Bank of China")
    CMB = "cmb", _("China Merchants Bank")


class BankAccount(models.Model):
    """One of the company's own bank accounts (银行账户): where customers pay, and its ledger account."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", verbose_name=_("company"))
    code = models.CharField(_("code"), max_length=20, help_text=_("Short name, unique within the company."))
    name = models.CharField(_("name"), max_length=100)
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    account_number = models.CharField(_("account number"), max_length=64)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    gl_account = models.CharField(
        _("ledger account"), max_length=20, default="1002", help_text=_("银行存款: the account debited for receipts.")
    )
    receivable_account = models.CharField(_("receivables account"), max_length=20, default="1122")
    discount_account = models.CharField(_("discounts account"), max_length=20, default="660303")
    charges_account = models.CharField(_("bank charges account"), max_length=20, default="660302")
    difference_account = models.CharField(_("differences account"), max_length=20, default="671101")
    layout = models.CharField(_("file layout"), max_length=10, choices=Layout.choices, default=Layout.GENERIC)
    column_mapping = models.JSONField(
        _("column mapping"),
        default=dict,
        blank=True,
        help_text=_("Column headings of this account's CSV/XLSX export that differ from the layout's."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")
        ordering = ["company_id", "code"]
        constraints = [models.UniqueConstraint(fields=["company", "code"], name="uniq_bank_account_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class StatementFormat(models.TextChoices):
    TABLE = "table", _("Online-banking export (CSV/XLSX)")
    CAMT053 = "camt053", _("ISO 20022 camt.053")
    MT940 = "mt940", _("SWIFT MT940")


class BankStatement(models.Model):
    """One imported statement file: its balances and the lines it added."""

    account = models.ForeignKey(BankAccount, on_delete=models.PROTECT, related_name="statements")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("file"), max_length=200)
    sha256 = models.CharField(max_length=64)
    file_format = models.CharField(_("format"), max_length=10, choices=StatementFormat.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    opening_balance = MinorUnitsField(_("opening balance"), null=True, blank=True)
    closing_balance = MinorUnitsField(_("closing balance"), null=True, blank=True)
    line_count = models.PositiveIntegerField(_("lines in the file"), default=0)
    new_count = models.PositiveIntegerField(_("new lines"), default=0)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.account.code} {self.starts_on}–{self.ends_on}"


class LineStatus(models.TextChoices):
    OPEN = "open", _("Waiting to be matched")
    AUTO = "auto", _("Matched automatically")
    MANUAL = "manual", _("Matched by hand")
    OUTGOING = "outgoing", _("Payment out")
    IGNORED = "ignored", _("Not a customer receipt")


class StatementLine(models.Model):
    """One booking on the bank statement (银行流水). A line is stored once, however often it is imported."""

    # No index of their own on the account, the company, the payer's account hash and the user who
    # matched: the first two lead the line's composite indexes, the others are never looked up, and
    # every index costs a write each time a line is matched (autovacuum-free runs write each line twice).
    account = models.ForeignKey(BankAccount, on_delete=models.PROTECT, related_name="lines", db_index=False)
    statement = models.ForeignKey(BankStatement, on_delete=models.PROTECT, related_name="lines")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+", db_index=False)
    booked_on = models.DateField(_("date"))
    seq = models.PositiveIntegerField(_("row"), help_text=_("The row of the file that first brought the line."))
    amount = MinorUnitsField(_("amount"))
    currency = models.CharField(_("currency"), max_length=3)
    balance_after = MinorUnitsField(_("balance"), null=True, blank=True)
    payer_name = models.CharField(_("payer"), max_length=200, blank=True)
    payer_account = EncryptedTextField(_("payer account"), blank=True)
    payer_account_index = models.CharField(max_length=64, blank=True, default="")
    payer_bank = models.CharField(_("payer's bank"), max_length=200, blank=True)
    remittance = models.CharField(_("remittance text"), max_length=500, blank=True)
    bank_ref = models.CharField(_("bank serial number"), max_length=80, blank=True)
    line_key = models.CharField(max_length=80, help_text=_("The bank serial number, or a stable hash of the line."))
    status = models.CharField(_("status"), max_length=10, choices=LineStatus.choices, default=LineStatus.OPEN)
    confidence = models.DecimalField(_("confidence"), max_digits=4, decimal_places=3, default=0)
    reasons = models.JSONField(default=list, blank=True)
    suggestions = models.JSONField(default=list, blank=True)
    matched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", db_index=False
    )
    matched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("statement line")
        verbose_name_plural = _("statement lines")
        ordering = ["booked_on", "id"]
        constraints = [models.UniqueConstraint(fields=["account", "line_key"], name="uniq_statement_line_key")]
        indexes = [
            models.Index(fields=["company", "status", "booked_on"]),
            # The cash desk: every line newest first, and the daily summary of the latest days read
            # from the index alone (PostgreSQL keeps the status, amount and currency in it).
            models.Index(
                fields=["company", "-booked_on", "id"],
                include=["status", "amount", "currency"],
                name="banking_line_desk_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booked_on} {self.payer_name}"


class Application(models.Model):
    """What a statement line became in the ledger: a receipt of one customer (a split line has several)."""

    line = models.ForeignKey(StatementLine, on_delete=models.PROTECT, related_name="applications")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+")
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="+")
    receipt = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="bank_application")
    amount = MinorUnitsField(_("amount"))
    is_auto = models.BooleanField(_("automatic"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("receipt from the bank")
        verbose_name_plural = _("receipts from the bank")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="application_amount_positive")]

    def __str__(self) -> str:
        return f"{self.line} → {self.receipt_id}"


class DifferenceKind(models.TextChoices):
    DISCOUNT = "discount", _("Early-payment discount")
    BANK_CHARGE = "bank_charge", _("Bank charge")
    SHORT_PAYMENT = "short", _("Short payment written off")


class DifferenceStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    PENDING = "pending", _("Waiting for approval")
    REJECTED = "rejected", _("Rejected")


class Difference(models.Model):
    """The part of an invoice a receipt did not pay but that is settled all the same: a credit note."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="differences")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=DifferenceKind.choices)
    amount = MinorUnitsField(_("amount"))
    line_ids = models.JSONField(default=list, help_text=_("The due lines the difference settles, oldest first."))
    status = models.CharField(_("status"), max_length=10, choices=DifferenceStatus.choices)
    credit_note = models.OneToOneField(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="bank_difference"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("payment difference")
        verbose_name_plural = _("payment differences")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="difference_amount_positive")]
        permissions = [("approve_difference", _("Can approve short-payment write-offs"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"


class AliasKind(models.TextChoices):
    NAME = "name", _("Payer name")
    ACCOUNT = "account", _("Payer account")


class PayerAlias(models.Model):
    """A payer the matcher learned from a manual match: this name or account pays for this customer."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="+")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=AliasKind.choices)
    key = models.CharField(
        _("key"), max_length=200, help_text=_("The normalised payer name, or the keyed hash of the account.")
    )
    shown = models.CharField(_("payer"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("payer alias")
        verbose_name_plural = _("payer aliases")
        constraints = [models.UniqueConstraint(fields=["company", "kind", "key"], name="uniq_payer_alias")]

    def __str__(self) -> str:
        return self.shown or self.key
