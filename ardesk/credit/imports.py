"""Importing credit limits from the old system: checked row by row, kept as a batch waiting for approval.

The ledger's import engine runs the file (``ardesk import credit-limits FILE``, the import screens,
``POST /api/v1/ledger/imports/credit-limits``): all or nothing, every bad row named with its field
and reason. A clean file becomes a ``CreditLimitBatch`` waiting for a manager; nothing reaches a
credit account until the batch is approved (services.limit_batches).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.core import clock
from ardesk.core.bulk import insert_rows
from ardesk.core.money import to_minor
from ardesk.credit.models import CreditLimitBatch, CreditLimitLine
from ardesk.customers.models import Customer
from ardesk.ledger import domain as ledger_rules
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.base import Importer
from ardesk.ledger.imports.reader import cell_text

KIND = "credit-limits"
LONGEST_TERM_DAYS = 3650
# A line's columns: the batch and its currency, then what check_row reads from the row.
LINE_FIELDS = (
    "batch_id",
    "currency",
    "line",
    "customer_id",
    "limit",
    "valid_until",
    "grade",
    "max_term_days",
    "approved_by",
    "approved_on",
    "reference",
)

COLUMNS = [
    formats.Column("customer", ("客户编码", "客户代码"), True),
    formats.Column("limit", ("信用额度", "额度"), True),
    formats.Column("currency", ("币种",), True),
    formats.Column("valid_to", ("有效期至", "额度到期日"), False),
    formats.Column("grade", ("信用等级", "等级"), False),
    formats.Column("max_term", ("最长账期", "最长账期天数"), False),
    formats.Column("approved_by", ("审批人", "批准人"), True),
    formats.Column("approved_on", ("审批日期", "批准日期"), True),
    formats.Column("reference", ("审批单号", "参考号"), False),
]

FIELD_LABELS = {
    "limit": gettext_lazy("Credit limit"),
    "valid_to": gettext_lazy("Valid until"),
    "grade": gettext_lazy("Grade"),
    "max_term": gettext_lazy("Maximum payment term (days)"),
    "approved_by": gettext_lazy("Approved by (old system)"),
    "approved_on": gettext_lazy("Approved on (old system)"),
    "reference": gettext_lazy("Reference"),
}


class CreditLimitImporter(Importer):
    """Rows of customer, limit, currency, validity, grade, term and the old system's approval."""

    kind = KIND
    permission = "credit.add_creditlimitbatch"
    ledger_documents = False

    def start(self) -> None:
        self.customers = dict(Customer.objects.filter(company=self.company).values_list("code", "pk"))
        self.currency = self.company.functional_currency
        self.today = clock.today()
        self.seen: dict[str, int] = {}
        self.limit_batch: CreditLimitBatch | None = None
        if self.writing:
            self.limit_batch = CreditLimitBatch.objects.create(
                company=self.company,
                import_batch=self.batch,
                file_name=self.batch.file_name,
                currency=self.currency,
                prepared_by=self.user,
            )

    def check_row(self, line: int, values: dict) -> tuple | None:
        """The row's line for the batch (LINE_FIELDS after the batch), or None when it has a problem."""
        before = self.report.problem_count
        code = self.text(line, values, "customer", max_length=32)
        if code is not None:
            if code not in self.customers:
                self.report.add(line, "customer", _("No customer with code %(code)s.") % {"code": code})
            elif code in self.seen:
                self.report.add(
                    line,
                    "customer",
                    _("Customer %(code)s is already on line %(line)d.") % {"code": code, "line": self.seen[code]},
                )
            else:
                self.seen[code] = line
        currency = self.parsed(line, values, "currency", formats.parse_currency)
        if currency is not None and currency != self.currency:
            self.report.add(
                line,
                "currency",
                _("Credit limits are kept in the company's currency %(currency)s, not %(given)s.")
                % {"currency": self.currency, "given": currency},
            )
        minor = self._limit(line, values)
        valid_until = self.parsed(line, values, "valid_to", formats.parse_date, required=False)
        if valid_until is not None and valid_until < self.today:
            self.report.add(line, "valid_to", _("The limit expired on %(date)s.") % {"date": valid_until.isoformat()})
        grade = self.text(line, values, "grade", required=False, max_length=8)
        term = self._term(line, values)
        approved_by = self.text(line, values, "approved_by", max_length=100)
        approved_on = self.parsed(line, values, "approved_on", formats.parse_date)
        if approved_on is not None and approved_on > self.today:
            self.report.add(line, "approved_on", _("The approval date is in the future."))
        if valid_until is not None and approved_on is not None and valid_until < approved_on:
            self.report.add(line, "valid_to", _("The limit ends before it was approved."))
        reference = self.text(line, values, "reference", required=False, max_length=64)
        if self.report.problem_count > before or None in (code, minor, approved_by, approved_on, grade, reference):
            return None
        return (line, self.customers[code], minor, valid_until, grade, term, approved_by, approved_on, reference)

    def _limit(self, line: int, values: dict) -> int | None:
        """The limit in minor units: zero (no credit) or positive, exact to the currency."""
        raw = values.get("limit", "")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            self.report.add(line, "limit", _("This field is required."))
            return None
        amount, problems = ledger_rules.read_amount(raw, "limit")
        if amount is not None:
            problems = ledger_rules.amount_problems(amount, self.currency, "limit")
            if not problems and amount < 0:
                self.report.add(line, "limit", _("A credit limit cannot be negative."))
                return None
        if problems:
            self.report.add(line, "limit", problems[0].message)
            return None
        return to_minor(amount, self.currency)

    def _term(self, line: int, values: dict) -> int | None:
        text = cell_text(values.get("max_term", ""))
        if not text:
            return None
        days = text[:-2] if text.endswith(".0") else text
        if not (days.isascii() and days.isdigit()) or int(days) > LONGEST_TERM_DAYS:
            self.report.add(
                line,
                "max_term",
                _("'%(value)s' is not a number of days from 0 to %(max)d.") % {"value": text, "max": LONGEST_TERM_DAYS},
            )
            return None
        return int(days)

    def chunk(self, rows: list[tuple[int, dict]]) -> None:
        lines = [line for line in (self.check_row(n, values) for n, values in rows) if line is not None]
        self.report.created += len(lines)
        if not self.may_write:
            return
        # The lines are written in bulk (COPY on PostgreSQL): the ORM's bulk_create spent more on
        # building model instances and compiling SQL than the checks did.
        batch = self.limit_batch
        insert_rows(CreditLimitLine, LINE_FIELDS, ((batch.pk, self.currency, *line) for line in lines))
        limits = [line[2] for line in lines]
        batch.line_count += len(lines)
        batch.total += sum(limits)
        batch.largest = max([batch.largest, *limits])

    def finish(self) -> None:
        if self.report.rows == 0 and self.report.ok:
            self.report.add(0, "file", _("The file has no limits."))
        if self.may_write:
            self.limit_batch.save(update_fields=["line_count", "total", "largest"])
            self.report.next_step = _(
                "Credit-limit import %(batch)d waits for a manager's approval "
                "(ardesk credit limits approve %(batch)d --user MANAGER, or the credit-limit imports screen)."
            ) % {"batch": self.limit_batch.pk}
