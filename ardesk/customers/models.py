from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ardesk.companies.models import Company
from ardesk.core.crypto import EncryptedTextField
from ardesk.core.money import MinorUnitsField


class CustomerStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ON_HOLD = "on_hold", _("On credit hold")
    BLOCKED = "blocked", _("Blocked")
    CLOSED = "closed", _("Closed")


class Industry(models.TextChoices):
    """Sections of the national industry classification GB/T 4754-2017 (国民经济行业分类)."""

    AGRICULTURE = "A", _("Agriculture, forestry and fishing")
    MINING = "B", _("Mining")
    MANUFACTURING = "C", _("Manufacturing")
    UTILITIES = "D", _("Electricity, heat, gas and water")
    CONSTRUCTION = "E", _("Construction")
    TRADE = "F", _("Wholesale and retail trade")
    TRANSPORT = "G", _("Transport, storage and post")
    HOSPITALITY = "H", _("Accommodation and catering")
    IT = "I", _("Information technology and software")
    FINANCE = "J", _("Finance")
    REAL_ESTATE = "K", _("Real estate")
    BUSINESS_SERVICES = "L", _("Leasing and business services")
    RESEARCH = "M", _("Scientific research and technical services")
    ENVIRONMENT = "N", _("Water, environment and public facilities")
    HOUSEHOLD = "O", _("Household and other services")
    EDUCATION = "P", _("Education")
    HEALTH = "Q", _("Health and social work")
    CULTURE = "R", _("Culture, sports and entertainment")
    PUBLIC = "S", _("Public administration")


class Region(models.TextChoices):
    """Provincial-level divisions, keyed by the first two digits of the division code (GB/T 2260)."""

    BEIJING = "11", _("Beijing")
    TIANJIN = "12", _("Tianjin")
    HEBEI = "13", _("Hebei")
    SHANXI = "14", _("Shanxi")
    INNER_MONGOLIA = "15", _("Inner Mongolia")
    LIAONING = "21", _("Liaoning")
    JILIN = "22", _("Jilin")
    HEILONGJIANG = "23", _("Heilongjiang")
    SHANGHAI = "31", _("Shanghai")
    JIANGSU = "32", _("Jiangsu")
    ZHEJIANG = "33", _("Zhejiang")
    ANHUI = "34", _("Anhui")
    FUJIAN = "35", _("Fujian")
    JIANGXI = "36", _("Jiangxi")
    SHANDONG = "37", _("Shandong")
    HENAN = "41", _("Henan")
    HUBEI = "42", _("Hubei")
    HUNAN = "43", _("Hunan")
    GUANGDONG = "44", _("Guangdong")
    GUANGXI = "45", _("Guangxi")
    HAINAN = "46", _("Hainan")
    CHONGQING = "50", _("Chongqing")
    SICHUAN = "51", _("Sichuan")
    GUIZHOU = "52", _("Guizhou")
    YUNNAN = "53", _("Yunnan")
    TIBET = "54", _("Tibet")
    SHAANXI = "61", _("Shaanxi")
    GANSU = "62", _("Gansu")
    QINGHAI = "63", _("Qinghai")
    NINGXIA = "64", _("Ningxia")
    XINJIANG = "65", _("Xinjiang")
    HONG_KONG = "81", _("Hong Kong")
    MACAO = "82", _("Macao")
    TAIWAN = "71", _("Taiwan")
    OVERSEAS = "99", _("Outside China")


class Customer(models.Model):
    """A customer that buys on credit from one of the group's companies (客户)."""

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="customers", verbose_name=_("company"))
    code = models.CharField(_("customer code"), max_length=32, help_text=_("客户编码: unique within the company."))
    name = models.CharField(_("name"), max_length=200)
    uscc = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        help_text=_("统一社会信用代码: 18 characters, checked by the GB 32100-2015 check character."),
    )
    registered_capital = MinorUnitsField(_("registered capital"), null=True, blank=True)
    registered_capital_currency = models.CharField(_("registered capital currency"), max_length=3, default="CNY")
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    business_scope = models.TextField(_("business scope"), blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=100, blank=True)
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices, blank=True)
    region = models.CharField(_("region"), max_length=2, choices=Region.choices, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subsidiaries",
        verbose_name=_("parent company"),
        help_text=_("The group company this customer belongs to."),
    )
    collector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("collector"),
    )
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("credit analyst"),
    )
    currency = models.CharField(_("default currency"), max_length=3, default="CNY")
    status = models.CharField(_("status"), max_length=10, choices=CustomerStatus.choices, default=CustomerStatus.ACTIVE)
    next_review_on = models.DateField(_("next review date"), null=True, blank=True)
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    bank_account = EncryptedTextField(_("bank account"), blank=True)
    # A keyed hash of the account (core.crypto.blind_index), so a bank statement's payer account
    # finds its customer without decrypting any account.
    bank_account_index = models.CharField(max_length=64, blank=True, default="", editable=False, db_index=True)
    notes = models.TextField(_("notes"), blank=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["company_id", "code"]
        permissions = [("view_sensitive", _("Can see bank accounts and ID numbers unmasked"))]
        constraints = [
            models.UniqueConstraint(fields=["company", "code"], name="uniq_customer_code"),
            models.UniqueConstraint(fields=["company", "uscc"], condition=~Q(uscc=""), name="uniq_customer_uscc"),
            models.CheckConstraint(condition=Q(registered_capital__gte=0), name="customer_capital_not_negative"),
        ]
        indexes = [
            models.Index(fields=["company", "name"]),
            models.Index(fields=["status", "company"]),
            models.Index(fields=["collector", "company"]),
            models.Index(fields=["next_review_on"]),
            models.Index(fields=["industry"]),
            models.Index(fields=["region"]),
            models.Index(fields=["uscc"]),
            models.Index(fields=["created_at"]),
            # The list is sorted by code or name across the user's companies: these give the order
            # without sorting 100,000 rows (bench/customer_list.py).
            models.Index(fields=["code", "id"], name="customer_code_order"),
            models.Index(fields=["name", "id"], name="customer_name_order"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CustomerStatusChange(models.Model):
    """One change of a customer's status, kept as its own row (a status change is never only an update)."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("customer")
    )
    from_status = models.CharField(_("from"), max_length=10, choices=CustomerStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=CustomerStatus.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.customer_id}: {self.from_status} → {self.to_status}"


class ContactRole(models.TextChoices):
    FINANCE = "finance", _("Finance / accounts payable")
    PURCHASING = "purchasing", _("Purchasing")
    MANAGEMENT = "management", _("Management")
    LEGAL_REPRESENTATIVE = "legal_rep", _("Legal representative")
    LOGISTICS = "logistics", _("Logistics / receiving")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter")
    SMS = "sms", _("SMS")
    WECHAT = "wechat", _("WeChat")


class Contact(models.Model):
    """A person at the customer whom finance deals with."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("customer")
    )
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=20, choices=ContactRole.choices, default=ContactRole.FINANCE)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="zh-hans"
    )
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    id_number = EncryptedTextField(_("personal ID number"), blank=True)
    bank_account = EncryptedTextField(_("bank account"), blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-is_primary", "name", "id"]

    def __str__(self) -> str:
        return self.name


class AttachmentKind(models.TextChoices):
    LICENCE = "licence", _("Business licence")
    CONTRACT = "contract", _("Contract")
    FINANCIALS = "financials", _("Financial statements")
    OTHER = "other", _("Other")


class CustomerAttachment(models.Model):
    """A document kept with the customer (licence, contract), stored through Django's storage API."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("customer")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=AttachmentKind.choices, default=AttachmentKind.OTHER)
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.original_name
