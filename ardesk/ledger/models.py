from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.companies.models import Company
from ardesk.core.money import MinorUnitsField
from ardesk.customers.models import Customer


class ExchangeRate(models.Model):
    """How many units of the quote currency one unit of a currency is worth on a day (汇率)."""

    currency = models.CharField(_("currency"), max_length=3)
    quote_currency = models.CharField(_("quote currency"), max_length=3, default="CNY")
    rate_on = models.DateField(_("date"))
    rate = models.DecimalField(_("rate"), max_digits=18, decimal_places=8)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-rate_on"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "quote_currency", "rate_on"], name="uniq_exchange_rate"),
            models.CheckConstraint(condition=Q(rate__gt=0), name="exchange_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.rate_on} 1 {self.currency} = {self.rate} {self.quote_currency}"


class TermKind(models.TextChoices):
    NET = "net", _("Net days from the invoice date")
    EOM = "eom", _("Days after the end of the invoice month")
    INSTALMENTS = "instalments", _("Instalments")


class PaymentTerm(models.Model):
    """A payment term template (账期): net 30, month end + 60, 30/70 instalments, 2/10 net 30."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=TermKind.choices, default=TermKind.NET)
    days = models.PositiveIntegerField(_("days"), default=30)
    discount_percent = models.DecimalField(_("discount %"), max_digits=5, decimal_places=2, null=True, blank=True)
    discount_days = models.PositiveIntegerField(_("discount days"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("payment term")
        verbose_name_plural = _("payment terms")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"

    @property
    def description(self) -> str:
        """What the term means, in the interface language, from its rule (发票日后30天; Net 30 days)."""
        from ardesk.ledger.labels import term_description

        return term_description(
            kind=self.kind, days=self.days, discount_percent=self.discount_percent, discount_days=self.discount_days
        )


class PaymentTermInstalment(models.Model):
    term = models.ForeignKey(
        PaymentTerm, on_delete=models.CASCADE, related_name="instalments", verbose_name=_("payment term")
    )
    seq = models.PositiveSmallIntegerField(_("number"))
    percent = models.DecimalField(_("percent"), max_digits=7, decimal_places=4)
    days = models.PositiveIntegerField(_("days"))

    class Meta:
        verbose_name = _("instalment")
        verbose_name_plural = _("instalments")
        ordering = ["term", "seq"]
        constraints = [models.UniqueConstraint(fields=["term", "seq"], name="uniq_term_instalment")]

    def __str__(self) -> str:
        return f"{self.term.code} #{self.seq}: {self.percent}% / {self.days}d"


class CustomerTerms(models.Model):
    """A customer's default payment term (the ledger's own data about a customer)."""

    customer = models.OneToOneField(
        Customer, on_delete=models.CASCADE, related_name="terms", primary_key=True, verbose_name=_("customer")
    )
    payment_term = models.ForeignKey(PaymentTerm, on_delete=models.PROTECT, verbose_name=_("payment term"))

    class Meta:
        verbose_name = _("customer payment term")
        verbose_name_plural = _("customer payment terms")

    def __str__(self) -> str:
        return f"{self.customer_id}: {self.payment_term.code}"


class DocumentType(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")
    DEBIT_NOTE = "debit_note", _("Debit note")
    RECEIPT = "receipt", _("Receipt")
    ADJUSTMENT = "adjustment", _("Adjustment")
    # Posted only by an approved bad-debt write-off (a credit allocated to the written-off items)
    # and by a recovery (a debit reinstating what is collected again); see ardesk.provisioning.
    WRITE_OFF = "write_off", _("Bad-debt write-off")
    RECOVERY = "recovery", _("Bad-debt recovery")
    # Money paid back to a customer out of its credit balance (an over-payment, an unused credit
    # note): a debit that the credit is allocated to, posted only by ledger.services.credit_refund.
    REFUND = "refund", _("Refund")


# What the aging reads of the credits and due lines that can be open on a date: the indexes that find
# them carry these columns, so PostgreSQL answers from the index alone.
_CREDIT_OPEN_COLUMNS = [
    "id",
    "customer",
    "company",
    "currency",
    "status",
    "reversal_of",
    "unapplied_now",
    "unapplied_functional_now",
]
_LINE_OPEN_COLUMNS = ["id", "issue_on", "due_on", "company", "customer", "currency", "open_now", "open_functional_now"]


class InvoiceMedium(models.TextChoices):
    """How the invoice (发票) reached the customer: an electronic invoice (电子发票) or a paper one."""

    ELECTRONIC = "electronic", _("Electronic invoice")
    PAPER = "paper", _("Paper invoice")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    POSTED = "posted", _("Posted")


class Document(models.Model):
    """A receivables document (单据). Amounts are signed: what the customer owes is positive.

    Invoices, debit notes and positive adjustments are debits, with due lines; receipts, credit
    notes and negative adjustments are credits, allocated to debits. Once posted a document is
    never changed: a reversal (a document of the same type with the opposite amount) cancels it.

    Foreign keys marked ``db_index=False`` here and on due lines and allocations are either the
    first column of a composite index already (company, customer, document, line, source) or are
    looked up only when a user or term is deleted; every index slows a million-row import.

    Foreign keys marked ``db_constraint=False`` here and on due lines and allocations have no
    constraint in the database: PostgreSQL checks each constrained key of each inserted row with a
    trigger and a row lock, which dominated a million-row import. They are bookkeeping keys (the
    import batch, the poster), copies of the document's own keys (a due line's company and
    customer), or keys that the services and imports set from rows they have just read or written
    in the same transaction (an allocation's two sides); Django still protects them on delete, and
    posted documents, due lines and allocations are never deleted. On the same grounds (ledger/0015):

    - a due line's document: a line is written only with its document, in the same transaction
      (the services create it from the saved document, imports from the id they reserved and
      inserted in the same write); checking it locked the document just inserted, which wrote
      that row again;
    - a document's company: it is always its customer's company, and the customer keeps its
      constraint, as does the customer's company, so the company cannot vanish under a document;
    - a reversal's original (``reversal_of``, ``Allocation.reverses``): set only by the reversal
      services from the row they hold locked, never deleted; the unique constraints stay, so a
      document or allocation is still reversed at most once. Imported rows leave them empty, but
      each still paid a check.

    A document's customer keeps its constraint: customers are deleted when entered by mistake,
    and only the constraint stops a delete that overlaps an import writing that customer's
    documents. The payment term keeps its own too: terms are edited in the admin and the import
    reads them once at its start without locking them. Measured on 100,000 invoices and 93,049
    receipts: the constraint checks went from about 14 to 5 µs of database CPU an invoice and 10
    to 5 µs a receipt (bench/README.md, import section).
    """

    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("company"),
        db_index=False,
        db_constraint=False,
    )
    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="documents", verbose_name=_("customer"), db_index=False
    )
    doc_type = models.CharField(_("type"), max_length=12, choices=DocumentType.choices)
    number = models.CharField(_("number"), max_length=40)
    external_ref = models.CharField(
        _("external reference"), max_length=64, blank=True, help_text=_("The document's id in the ERP.")
    )
    issue_on = models.DateField(_("date"))
    due_on = models.DateField(_("due date"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3)
    amount = MinorUnitsField(_("amount"))
    rate = models.DecimalField(_("exchange rate"), max_digits=18, decimal_places=8, default=1)
    functional_amount = MinorUnitsField(_("functional amount"))
    cost = MinorUnitsField(_("cost"), null=True, blank=True)
    order_ref = models.CharField(_("sales order"), max_length=64, blank=True)
    # Empty when not known. A database default too: bulk writers that do not name it write "".
    medium = models.CharField(
        _("invoice medium"), max_length=10, choices=InvoiceMedium.choices, blank=True, default="", db_default=""
    )
    reference = models.CharField(
        _("paid invoice"),
        max_length=40,
        blank=True,
        help_text=_("For a receipt or credit note: the invoice number it pays."),
    )
    payment_term = models.ForeignKey(
        PaymentTerm, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("payment term"), db_index=False
    )
    discount_until = models.DateField(_("discount until"), null=True, blank=True)
    discount_amount = MinorUnitsField(_("early-payment discount"), null=True, blank=True)
    unapplied_now = MinorUnitsField(
        _("unallocated"), default=0, help_text=_("What is left of a receipt or credit note to allocate, today.")
    )
    unapplied_functional_now = MinorUnitsField(_("unallocated, functional"), default=0)
    settled_on = models.DateField(
        _("settled on"), null=True, blank=True, help_text=_("The day the credit was used up or reversed.")
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=DocumentStatus.choices, default=DocumentStatus.POSTED)
    # At most one reversal per document (uniq_document_reversal). A ForeignKey with a partial unique
    # index rather than a OneToOneField, whose unique index also holds every original's NULL: one
    # index entry less for each of the millions of documents an import writes.
    reversal_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversals",
        verbose_name=_("reverses"),
        db_index=False,
        db_constraint=False,
    )
    import_batch = models.ForeignKey(
        "ledger.ImportBatch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    posted_at = models.DateTimeField(_("posted at"), null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issue_on", "-id"]
        permissions = [("refund_credit", _("Can refund a customer's credit balance"))]
        constraints = [
            models.UniqueConstraint(fields=["company", "doc_type", "number"], name="uniq_document_number"),
            models.UniqueConstraint(
                fields=["company", "doc_type", "external_ref"],
                condition=~Q(external_ref=""),
                name="uniq_document_external_ref",
            ),
            models.UniqueConstraint(
                fields=["reversal_of"], condition=Q(reversal_of__isnull=False), name="uniq_document_reversal"
            ),
            models.CheckConstraint(condition=~Q(amount=0), name="document_amount_not_zero"),
        ]
        indexes = [
            models.Index(fields=["customer", "issue_on"]),
            # The ledger balance of whole companies is read from the daily totals (reports.LedgerDay);
            # ledger/0017 dropped the index that summed it from the documents.
            models.Index(fields=["company", "doc_type", "issue_on"]),
            # Imports look documents up by number a few thousand at a time, always with the company
            # and the type(s): uniq_document_number serves that. An index on the number alone
            # (ledger/0016 dropped it) cost about 5 µs of database CPU per imported invoice.
            # Reports read the credits that can be unallocated on a date: issued by then and never
            # settled, or settled after it. Both dates are in the index and it carries every column
            # the aging reads of them, so PostgreSQL answers from the index alone.
            models.Index(
                fields=["settled_on", "issue_on"],
                condition=Q(amount__lt=0),
                include=_CREDIT_OPEN_COLUMNS,
                name="ledger_credit_open",
            ),
            # Of the credits settled, those with something unapplied: a credit reversed before it was
            # used up (settled on its reversal). An aging as of a past date reads the credits settled
            # after it only from these; the others, used up, have nothing to add.
            models.Index(
                fields=["settled_on", "issue_on"],
                condition=Q(amount__lt=0) & Q(settled_on__isnull=False) & ~Q(unapplied_now=0),
                include=_CREDIT_OPEN_COLUMNS,
                name="ledger_credit_reopened",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display()} {self.number}"

    @property
    def is_debit(self) -> bool:
        return self.amount > 0


class DueLine(models.Model):
    """An open item: a debit document's amount due on one date (one per instalment)."""

    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        related_name="lines",
        verbose_name=_("document"),
        db_index=False,
        db_constraint=False,
    )
    # Copies of the document's own company and customer (see Document on db_constraint).
    customer = models.ForeignKey(
        Customer,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("customer"),
        db_index=False,
        db_constraint=False,
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("company"),
        db_index=False,
        db_constraint=False,
    )
    seq = models.PositiveSmallIntegerField(_("instalment"), default=1)
    issue_on = models.DateField(_("date"))
    due_on = models.DateField(_("due date"))
    currency = models.CharField(_("currency"), max_length=3)
    amount = MinorUnitsField(_("amount"))
    functional_amount = MinorUnitsField(_("functional amount"))
    open_now = MinorUnitsField(_("open amount"), help_text=_("What is still to pay on this line, today."))
    open_functional_now = MinorUnitsField(_("open amount, functional"))
    settled_on = models.DateField(
        _("settled on"), null=True, blank=True, help_text=_("The day the line was paid in full or reversed.")
    )

    class Meta:
        verbose_name = _("due line")
        verbose_name_plural = _("due lines")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "seq"], name="uniq_due_line"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="due_line_positive"),
        ]
        indexes = [
            models.Index(fields=["customer", "due_on"]),
            # Aging reads only the lines that can be open on its date: never settled, or settled after it.
            # The index carries every column the aging reads, so on PostgreSQL it is read alone.
            models.Index(
                fields=["settled_on"],
                include=_LINE_OPEN_COLUMNS,
                name="ledger_line_open",
            ),
            # Of the lines settled, those still owed: a document reversed before it was paid (settled
            # on its reversal). An aging as of a past date reads the lines settled after it only from
            # these; the others, paid, have nothing to add (their allocations after the date do).
            models.Index(
                fields=["settled_on"],
                condition=Q(settled_on__isnull=False) & ~Q(open_now=0),
                include=_LINE_OPEN_COLUMNS,
                name="ledger_line_reopened",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}/{self.seq} due {self.due_on}"


class AllocationMethod(models.TextChoices):
    MANUAL = "manual", _("By hand")
    AUTO = "auto", _("By the rules")
    IMPORT = "import", _("Imported")
    REVERSAL = "reversal", _("Reversal")
    REFUND = "refund", _("Refund paid")


class Allocation(models.Model):
    """Part of a credit (receipt, credit note) applied to a due line on a date (核销).

    An allocation is undone by a reversing allocation with the opposite amount and its own date,
    so the open amount of an item as of any past date stays exact.
    """

    # No constraints in the database (see Document on db_constraint): the company and customer are
    # the source's, the source and the line are set from rows written or read in the same
    # transaction, and the reversed allocation from the row the reversal holds locked. Reports
    # select allocations by date (ledger_allocation_after), not by company.
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
        related_name="allocations",
        verbose_name=_("customer"),
        db_index=False,
        db_constraint=False,
    )
    source = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        related_name="allocations_out",
        verbose_name=_("receipt or credit note"),
        db_index=False,
        db_constraint=False,
    )
    line = models.ForeignKey(
        DueLine,
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name=_("due line"),
        db_index=False,
        db_constraint=False,
    )
    allocated_on = models.DateField(_("date"))
    amount = MinorUnitsField(_("amount"))
    functional_amount = MinorUnitsField(_("functional amount"))
    source_functional_amount = MinorUnitsField(_("functional amount at the credit's rate"))
    # Copied from the line and the credit when the allocation is written (neither ever changes; see
    # ``facts``): an aging as of a past date adds back the allocations dated after it by bucket and
    # customer from the (allocated_on) index alone, rather than joining them to a million lines.
    currency = models.CharField(_("currency"), max_length=3)
    line_issue_on = models.DateField(_("invoice date"))
    line_due_on = models.DateField(_("due date"))
    source_issue_on = models.DateField(_("date of the receipt or credit note"))
    # At most one reversal per allocation (uniq_allocation_reversal), indexed only where set, as
    # Document.reversal_of.
    reverses = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversals",
        db_index=False,
        db_constraint=False,
    )
    method = models.CharField(
        _("method"), max_length=12, choices=AllocationMethod.choices, default=AllocationMethod.MANUAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
        db_index=False,
        db_constraint=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["-allocated_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="allocation_not_zero"),
            models.UniqueConstraint(
                fields=["reverses"], condition=Q(reverses__isnull=False), name="uniq_allocation_reversal"
            ),
        ]
        indexes = [
            models.Index(fields=["line", "allocated_on"]),
            models.Index(fields=["source", "allocated_on"]),
            models.Index(fields=["customer", "allocated_on"]),
            # An aging as of a past date adds back the allocations dated after it, and only those; the
            # index carries what it sums, so PostgreSQL reads the index alone.
            models.Index(
                fields=["allocated_on"],
                include=[
                    "line",
                    "source",
                    "customer",
                    "company",
                    "currency",
                    "line_issue_on",
                    "line_due_on",
                    "source_issue_on",
                    "amount",
                    "functional_amount",
                    "source_functional_amount",
                ],
                name="ledger_allocation_after",
            ),
            # The realised exchange differences of the aging's reconciliation: only allocations
            # between items booked at different rates have one, a few among millions.
            models.Index(
                fields=["allocated_on"],
                condition=~Q(functional_amount=F("source_functional_amount")),
                name="ledger_allocation_fx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.line_id}: {self.amount}"

    @staticmethod
    def facts(*, line, source) -> dict:
        """The line's and the credit's values an allocation between them keeps (its copied fields)."""
        return {
            "currency": line.currency,
            "line_issue_on": line.issue_on,
            "line_due_on": line.due_on,
            "source_issue_on": source.issue_on,
        }


class ImportBatch(models.Model):
    """One file imported from the ERP: who, when, what kind, how many rows, the outcome."""

    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("company")
    )
    kind = models.CharField(_("kind"), max_length=20)
    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    status = models.CharField(_("status"), max_length=12, default="done")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name}"


class ImportJobStatus(models.TextChoices):
    CHECKING = "checking", _("Checking")
    CHECKED = "checked", _("Ready to import")
    REJECTED = "rejected", _("Has problems")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class ImportKind(models.TextChoices):
    CUSTOMERS = "customers", _("Customers")
    INVOICES = "invoices", _("Invoices")
    RECEIPTS = "receipts", _("Receipts")
    CREDIT_NOTES = "credit-notes", _("Credit notes")
    ALLOCATIONS = "allocations", _("Allocations")


class ImportJob(models.Model):
    """A file uploaded in the UI, checked and then imported in the background, with its report."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    file_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportJobStatus.choices, default=ImportJobStatus.CHECKING
    )
    report = models.JSONField(_("report"), default=dict, blank=True)
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("import")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in (ImportJobStatus.CHECKING, ImportJobStatus.IMPORTING)


# A statement run keeps its state in the import job's statuses (importing, done, failed); on screen
# it is named as a run of statements is: being made, ready, failed.
STATEMENT_RUN_STATUS_LABELS = {
    ImportJobStatus.IMPORTING: pgettext_lazy("statement run", "Making"),
    ImportJobStatus.DONE: pgettext_lazy("statement run", "Ready"),
    ImportJobStatus.FAILED: pgettext_lazy("statement run", "Failed"),
}


class StatementRun(models.Model):
    """Statements for every customer of a company with a balance or movement, made as one background job."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+", verbose_name=_("company"))
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file_format = models.CharField(_("format"), max_length=4, choices=[("pdf", "PDF"), ("xlsx", "Excel")])
    status = models.CharField(
        _("status"), max_length=10, choices=ImportJobStatus.choices, default=ImportJobStatus.IMPORTING
    )
    statements = models.PositiveIntegerField(_("statements"), default=0)
    archive = models.FileField(_("archive"), upload_to="statements/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("statement run")
        verbose_name_plural = _("statement runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company_id} {self.date_from}–{self.date_to} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status == ImportJobStatus.IMPORTING

    @property
    def status_label(self) -> str:
        """The run's status in a statement run's words (生成中, 已完成, 失败), not an import's."""
        return str(STATEMENT_RUN_STATUS_LABELS.get(self.status) or self.get_status_display())


class LedgerDay(models.Model):
    """Posted documents of one company, currency and issue day, summed (minor units).

    A read model kept by database triggers on the documents (``ledger.daily_totals``), so every
    way of writing the ledger (services, imports, the API) keeps it: the ledger balance on any date
    and each month's credit sales are then a sum over a few thousand rows instead of every document.
    Triggers only append rows (no row is updated, so concurrent postings never wait on each other);
    a day may have several rows until ``daily_totals.totals_compact`` merges them. Readers sum.
    """

    company = models.ForeignKey(Company, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False)
    currency = models.CharField(_("currency"), max_length=3)
    day = models.DateField(_("date"))
    balance = MinorUnitsField(_("amount"))
    balance_functional = MinorUnitsField(_("functional amount"))
    sales_functional = MinorUnitsField(_("credit sales (functional)"))

    class Meta:
        verbose_name = _("ledger day")
        verbose_name_plural = _("ledger days")
        indexes = [models.Index(fields=["company", "day"], name="ledger_day")]

    def __str__(self) -> str:
        return f"{self.company_id} {self.currency} {self.day}"


class ExchangeDay(models.Model):
    """The exchange differences realised by one company's allocations of one day (functional minor units).

    Kept by database triggers on the allocations (``ledger.daily_totals``), beside ``LedgerDay``,
    and like it appended to and compacted.
    """

    company = models.ForeignKey(Company, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False)
    day = models.DateField(_("date"))
    realised = MinorUnitsField(_("realised exchange differences"))

    class Meta:
        verbose_name = _("exchange differences of a day")
        verbose_name_plural = _("exchange differences by day")
        indexes = [models.Index(fields=["company", "day"], name="ledger_exchange_day")]

    def __str__(self) -> str:
        return f"{self.company_id} {self.day}"


class ClosedPeriod(models.Model):
    """A month of a company whose books are closed (期末结账): nothing dated in it is accepted.

    The row is the lock; it is written and removed only by the close and the approved reopening
    (ardesk.closing), which keep the history. ``period`` is the month's first day.
    """

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="closed_periods")
    period = models.DateField(_("period"))
    closed_at = models.DateTimeField(_("closed at"))
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("closed period")
        verbose_name_plural = _("closed periods")
        ordering = ["company", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["company", "period"], name="uniq_closed_period"),
            models.CheckConstraint(condition=Q(period__day=1), name="closed_period_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.company_id} {self.period:%Y-%m}"
