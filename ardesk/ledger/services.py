"""Writing the ledger: posting, reversing, allocating. One transaction each, locked, audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput
from ardesk.core.money import CurrencyError, currency_decimals, from_minor, grouped, quantize, to_decimal, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger import domain, open_state, periods, selectors
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import (
    Allocation,
    AllocationMethod,
    Document,
    DocumentStatus,
    DocumentType,
    DueLine,
    ExchangeRate,
    ImportJob,
    ImportJobStatus,
    PaymentTerm,
)

DEBIT = {DocumentType.INVOICE, DocumentType.DEBIT_NOTE, DocumentType.RECOVERY, DocumentType.REFUND}
CREDIT = {DocumentType.RECEIPT, DocumentType.CREDIT_NOTE, DocumentType.WRITE_OFF}
# Write-offs and recoveries are posted by their approval in ardesk.provisioning (which checks its own
# permissions and calls with check_access=False), never entered by hand.
BAD_DEBT = {DocumentType.WRITE_OFF, DocumentType.RECOVERY}
POST_PERMISSION = "ledger.add_document"


@transaction.atomic
def document_post(
    *,
    by,
    company: Company,
    customer: Customer,
    doc_type: str,
    number: str,
    issue_on: dt.date,
    currency: str,
    amount: Decimal | str,
    due_on: dt.date | None = None,
    payment_term: PaymentTerm | None = None,
    external_ref: str = "",
    cost: Decimal | str | None = None,
    order_ref: str = "",
    reference: str = "",
    description: str = "",
    medium: str = "",
    auto_allocate: bool = False,
    check_access: bool = True,
) -> Document:
    """Post a document: validate, convert at the day's rate, split into due lines, audit.

    ``amount`` is what the document says, positive; an adjustment carries its sign (positive
    increases what the customer owes). The posted document never changes afterwards.
    """
    if check_access:
        ensure_permission(by, POST_PERMISSION)
        ensure_company_access(by, company.pk)
    draft, problems = _draft(
        doc_type=doc_type,
        number=number,
        issue_on=issue_on,
        currency=currency,
        amount=amount,
        due_on=due_on,
        cost=cost,
        external_ref=external_ref,
        order_ref=order_ref,
        reference=reference,
        description=description,
        medium=medium,
    )
    problems += domain.document_problems(draft, by_hand=check_access)
    number_ok = not any(p.field == "number" for p in problems)
    problems += _ledger_problems(draft, company=company, customer=customer, number_ok=number_ok)
    if problems:
        raise InvalidInput(domain.problems_by_field(problems))
    periods.ensure_open(company_id=company.pk, on=draft.issue_on, field="issue_on")
    rate = selectors.exchange_rate(currency=draft.currency, quote_currency=company.functional_currency, on=issue_on)
    signed = draft.amount * (-1 if doc_type in CREDIT else 1)
    functional = domain.functional_amount(signed, rate, company.functional_currency)
    problem = domain.functional_problem(functional, company.functional_currency)
    if problem is not None:
        raise InvalidInput(domain.problems_by_field([problem]))
    term = payment_term or _customer_term(customer, doc_type, due_on)
    rule_term = selectors.term_of(term)
    parts = _due_parts(draft, signed, rule_term)
    document = _document_save(
        by=by,
        company=company,
        customer=customer,
        draft=draft,
        signed=signed,
        rate=rate,
        term=term,
        rule_term=rule_term,
        parts=parts,
    )
    _due_lines_create(document, parts)
    record(
        action="document.post",
        actor=by,
        target=customer,
        company_id=company.pk,
        object_repr=f"{customer} / {document}",
        after={
            "document_id": document.pk,
            "type": doc_type,
            "number": document.number,
            "date": issue_on,
            "amount": str(signed),
            "currency": document.currency,
            "rate": str(rate),
        },
    )
    if auto_allocate and signed < 0:
        allocation_auto(by=by, source=document, on=issue_on, check_access=False)
    return document


def _draft(*, currency: str, amount, cost, **fields) -> tuple[domain.DocumentDraft, list[domain.Problem]]:
    """The document as entered, its amounts read (with the problems of reading them) and its texts trimmed."""
    value, problems = domain.read_amount(amount, "amount")
    cost_value = None
    if cost not in (None, ""):
        cost_value, cost_problems = domain.read_amount(cost, "cost")
        problems += cost_problems
    texts = ("number", "external_ref", "order_ref", "reference", "description", "medium")
    draft = domain.DocumentDraft(
        **{name: (given or "").strip() if name in texts else given for name, given in fields.items()},
        currency=(currency or "").upper(),
        amount=value,
        cost=cost_value,
    )
    return draft, problems


def _ledger_problems(
    draft: domain.DocumentDraft, *, company: Company, customer: Customer, number_ok: bool
) -> list[domain.Problem]:
    """What the ledger's own records refuse: a customer of another company, a number already used."""
    problems = []
    if customer.company_id != company.pk:
        problems.append(
            domain.Problem(
                "customer",
                "other_company",
                _("Customer %(customer)s does not belong to company %(company)s.")
                % {"customer": customer.code, "company": company.code},
            )
        )
    if number_ok and Document.objects.filter(company=company, doc_type=draft.doc_type, number=draft.number).exists():
        label = DocumentType(draft.doc_type).label if draft.doc_type in DocumentType.values else draft.doc_type
        problems.append(
            domain.Problem(
                "number",
                "number_taken",
                _("%(type)s number %(number)s already exists in %(company)s.")
                % {"type": label, "number": draft.number, "company": company.code},
            )
        )
    return problems


def _customer_term(customer: Customer, doc_type: str, due_on: dt.date | None) -> PaymentTerm | None:
    """An invoice without a due date or a term of its own takes the customer's default term."""
    if doc_type == DocumentType.INVOICE and due_on is None:
        return getattr(getattr(customer, "terms", None), "payment_term", None)
    return None


def _due_parts(draft: domain.DocumentDraft, signed: Decimal, rule_term: domain.Term | None) -> list[domain.DuePart]:
    """The due lines of a debit: an invoice's schedule under its term, else one line; a credit has none."""
    if signed <= 0:
        return []
    if draft.doc_type != DocumentType.INVOICE:
        return [domain.DuePart(draft.due_on or draft.issue_on, signed)]
    try:
        return domain.schedule(signed, draft.currency, draft.issue_on, rule_term, draft.due_on)
    except domain.LedgerRuleError as exc:
        raise InvalidInput({"due_on": [str(exc)]}) from exc


def _document_save(
    *,
    by,
    company: Company,
    customer: Customer,
    draft: domain.DocumentDraft,
    signed: Decimal,
    rate: Decimal,
    term: PaymentTerm | None,
    rule_term: domain.Term | None,
    parts: list[domain.DuePart],
) -> Document:
    """Save the posted document with its functional amount, discount and open state."""
    currency, functional_currency = draft.currency, company.functional_currency
    functional = domain.functional_amount(signed, rate, functional_currency)
    discount = domain.early_payment_discount(signed, currency, draft.issue_on, rule_term)
    document = Document(
        company=company,
        customer=customer,
        doc_type=draft.doc_type,
        number=draft.number,
        external_ref=draft.external_ref,
        issue_on=draft.issue_on,
        due_on=parts[-1].due_on if parts else None,
        currency=currency,
        amount=to_minor(signed, currency),
        rate=rate,
        functional_amount=to_minor(functional, functional_currency),
        cost=to_minor(draft.cost, currency) if draft.cost is not None else None,
        order_ref=draft.order_ref,
        medium=draft.medium,
        reference=draft.reference,
        payment_term=term,
        description=draft.description,
        discount_until=discount[0] if discount and signed > 0 else None,
        discount_amount=to_minor(discount[1], currency) if discount and signed > 0 else None,
        unapplied_now=-to_minor(signed, currency) if signed < 0 else 0,
        unapplied_functional_now=-to_minor(functional, functional_currency) if signed < 0 else 0,
        settled_on=None if signed < 0 else draft.issue_on,
        status=DocumentStatus.POSTED,
        posted_at=timezone.now(),
        posted_by=by,
    )
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:
        raise InvalidInput(
            {
                "external_ref": [
                    _("External reference %(ref)s is already used in %(company)s.")
                    % {"ref": draft.external_ref, "company": company.code}
                ]
            }
        ) from exc
    return document


def _due_lines_create(document: Document, parts: list[domain.DuePart]) -> None:
    """One due line per part; the functional amount is split like the amount, the last part taking the rest."""
    if not parts:
        return
    currency, functional_currency = document.currency, document.company.functional_currency
    signed = from_minor(document.amount, currency)
    functional = from_minor(document.functional_amount, functional_currency)
    functional_parts = (
        domain.split(functional, [p.amount / signed * 100 for p in parts], functional_currency)
        if len(parts) > 1
        else [functional]
    )
    DueLine.objects.bulk_create(
        DueLine(
            document=document,
            customer_id=document.customer_id,
            company_id=document.company_id,
            seq=n,
            issue_on=document.issue_on,
            due_on=part.due_on,
            currency=currency,
            amount=to_minor(part.amount, currency),
            functional_amount=to_minor(f, functional_currency),
            open_now=to_minor(part.amount, currency),
            open_functional_now=to_minor(f, functional_currency),
        )
        for n, (part, f) in enumerate(zip(parts, functional_parts, strict=True), start=1)
    )


@transaction.atomic
def document_reverse(*, by, document: Document, on: dt.date, reason: str = "") -> Document:
    """Cancel a posted document by a reversal dated ``on``; both stay, linked, and balance to zero."""
    ensure_permission(by, "ledger.add_document")
    document = Document.objects.select_for_update().get(pk=document.pk)
    ensure_company_access(by, document.company_id)
    if document.doc_type in BAD_DEBT:
        # The bad-debt records (approval, journal, roll-forward) would no longer match the ledger.
        raise LedgerError(
            _("%(document)s is a bad-debt entry: it is undone under Bad debt, not here.") % {"document": document}
        )
    if document.reversal_of_id is not None:
        raise LedgerError(_("%(document)s is itself a reversal and cannot be reversed.") % {"document": document})
    if Document.objects.filter(reversal_of=document).exists():
        raise LedgerError(_("%(document)s is already reversed.") % {"document": document})
    if on < document.issue_on:
        raise InvalidInput({"on": [_("A reversal cannot be dated before the document it reverses.")]})
    periods.ensure_open(company_id=document.company_id, on=on, field="on")
    if _net_allocated(document) != 0:
        raise LedgerError(_("%(document)s has allocations: reverse them first.") % {"document": document})
    last = (
        Allocation.objects.filter(Q(source=document) | Q(line__document=document))
        .order_by("-allocated_on")
        .values_list("allocated_on", flat=True)
        .first()
    )
    if last is not None and on < last:
        # Before that day the document was (partly) paid; cancelling it earlier would rewrite history.
        raise InvalidInput(
            {
                "on": [
                    _("The reversal cannot be dated before the document's last allocation on %(date)s.")
                    % {"date": last.isoformat()}
                ]
            }
        )
    reversal = Document.objects.create(
        company_id=document.company_id,
        customer_id=document.customer_id,
        doc_type=document.doc_type,
        number=f"{document.number}-R",
        issue_on=on,
        currency=document.currency,
        amount=-document.amount,
        rate=document.rate,
        functional_amount=-document.functional_amount,
        reversal_of=document,
        description=reason[:300],
        status=DocumentStatus.POSTED,
        settled_on=on,
        posted_at=timezone.now(),
        posted_by=by,
    )
    open_state.lines_refresh(DueLine.objects.filter(document=document))
    open_state.credits_refresh(Document.objects.filter(pk=document.pk))
    record(
        action="document.reverse",
        actor=by,
        target=document.customer,
        company_id=document.company_id,
        object_repr=f"{document.customer} / {document}",
        after={"document_id": document.pk, "reversal_id": reversal.pk, "date": on, "reason": reason},
    )
    return reversal


def _net_allocated(document: Document) -> int:
    return (
        Allocation.objects.filter(Q(source=document) | Q(line__document=document)).aggregate(total=Sum("amount"))[
            "total"
        ]
        or 0
    )


def _closing_functional(
    line_total: int,
    allocated_before: int,
    amount_minor: int,
    functional_total: int,
    functional_before: int,
    rate: Decimal,
    currency: str,
    functional_currency: str,
) -> int:
    """Functional amount of an allocation: at the rate, except that the one closing the item takes the rest."""
    if allocated_before + amount_minor == line_total:
        return functional_total - functional_before
    return to_minor(
        domain.functional_amount(from_minor(amount_minor, currency), rate, functional_currency), functional_currency
    )


@transaction.atomic
def allocation_create(
    *,
    by,
    source: Document,
    line: DueLine,
    amount: Decimal | str,
    on: dt.date,
    method: str = "manual",
    check_access: bool = True,
) -> Allocation:
    """Apply part of a receipt or credit note to a due line on a date (核销).

    The credit is locked first, then the line, always in that order, so two allocations at the
    same moment queue instead of both reading the same open amount.
    """
    if check_access:
        ensure_permission(by, "ledger.add_allocation")
        ensure_company_access(by, source.company_id)
    source = Document.objects.select_for_update().get(pk=source.pk)
    line = DueLine.objects.select_for_update().select_related("document").get(pk=line.pk)
    if source.amount >= 0 or source.reversal_of_id is not None:
        raise LedgerError(_("Only receipts, credit notes and negative adjustments can be allocated."))
    if (source.customer_id, source.company_id) != (line.customer_id, line.company_id):
        raise LedgerError(_("The receipt and the invoice belong to different customers or companies."))
    if source.currency != line.currency:
        raise LedgerError(_("A %(a)s receipt cannot pay a %(b)s invoice.") % {"a": source.currency, "b": line.currency})
    if Document.objects.filter(reversal_of_id__in=[source.pk, line.document_id]).exists():
        raise LedgerError(_("A reversed document cannot be allocated."))
    if on < max(source.issue_on, line.issue_on):
        raise InvalidInput({"on": [_("An allocation cannot be dated before the receipt or the invoice.")]})
    periods.ensure_open(company_id=line.company_id, on=on, field="on")
    value = to_decimal(amount)
    minor = to_minor(value, line.currency)
    line_moves = selectors.line_movements(line.pk)
    source_moves = selectors.source_movements(source.pk)
    try:
        domain.check_allocation(
            open_amount=domain.least_available(line.amount, line_moves, on),
            unapplied=domain.least_available(-source.amount, source_moves, on),
            amount=Decimal(minor),
        )
    except domain.LedgerRuleError:
        raise LedgerError(
            _(
                "%(amount)s %(currency)s is more than is open on %(invoice)s (%(open)s) or unallocated on %(source)s "
                "(%(unapplied)s) on %(date)s or later."
            )
            % {
                "amount": grouped(value, line.currency),
                "currency": line.currency,
                "invoice": line.document,
                "open": grouped(
                    from_minor(domain.least_available(line.amount, line_moves, on), line.currency), line.currency
                ),
                "source": source,
                "date": on.isoformat(),
                "unapplied": grouped(
                    from_minor(domain.least_available(-source.amount, source_moves, on), line.currency), line.currency
                ),
            }
        ) from None
    functional_currency = Company.objects.values_list("functional_currency", flat=True).get(pk=line.company_id)
    line_functional_before = sum(a.functional_amount for a in line.allocations.all())
    source_functional_before = sum(a.source_functional_amount for a in source.allocations_out.all())
    allocation = Allocation.objects.create(
        company_id=line.company_id,
        customer_id=line.customer_id,
        source=source,
        line=line,
        allocated_on=on,
        amount=minor,
        **Allocation.facts(line=line, source=source),
        method=method,
        created_by=by,
        functional_amount=_closing_functional(
            line.amount,
            sum(m for _, m in line_moves),
            minor,
            line.functional_amount,
            line_functional_before,
            line.document.rate,
            line.currency,
            functional_currency,
        ),
        source_functional_amount=_closing_functional(
            -source.amount,
            sum(m for _, m in source_moves),
            minor,
            -source.functional_amount,
            source_functional_before,
            source.rate,
            line.currency,
            functional_currency,
        ),
    )
    _refresh_open_state(allocation)
    record(
        action="allocation.create",
        actor=by,
        target=line.document.customer,
        company_id=line.company_id,
        object_repr=f"{source.number} → {line.document.number}",
        after={
            "allocation_id": allocation.pk,
            "source": source.number,
            "invoice": line.document.number,
            "instalment": line.seq,
            "amount": str(quantize(value, line.currency)),
            "date": on,
            "method": method,
        },
    )
    return allocation


@transaction.atomic
def allocation_reverse(*, by, allocation: Allocation, on: dt.date) -> Allocation:
    """Undo an allocation by a reversing one dated ``on``; the history keeps both."""
    ensure_permission(by, "ledger.add_allocation")
    ensure_company_access(by, allocation.company_id)
    allocation = Allocation.objects.select_for_update().select_related("source").get(pk=allocation.pk)
    if allocation.source.doc_type == DocumentType.WRITE_OFF:
        # Reopening a written-off item here would leave its write-off, journal and allowance behind.
        raise LedgerError(_("A write-off's allocation is undone by a recovery under Bad debt, not reversed here."))
    if allocation.reverses_id is not None or Allocation.objects.filter(reverses=allocation).exists():
        raise LedgerError(_("This allocation is already reversed or is itself a reversal."))
    if on < allocation.allocated_on:
        raise InvalidInput({"on": [_("The reversal cannot be dated before the allocation.")]})
    periods.ensure_open(company_id=allocation.company_id, on=on, field="on")
    reversal = Allocation.objects.create(
        company_id=allocation.company_id,
        customer_id=allocation.customer_id,
        source_id=allocation.source_id,
        line_id=allocation.line_id,
        allocated_on=on,
        amount=-allocation.amount,
        functional_amount=-allocation.functional_amount,
        source_functional_amount=-allocation.source_functional_amount,
        **Allocation.facts(line=allocation.line, source=allocation.source),
        reverses=allocation,
        method="reversal",
        created_by=by,
    )
    _refresh_open_state(reversal)
    record(
        action="allocation.reverse",
        actor=by,
        target=allocation.customer,
        company_id=allocation.company_id,
        object_repr=f"{allocation.source.number} → {allocation.line.document.number}",
        before={"allocation_id": allocation.pk, "amount": str(from_minor(allocation.amount, allocation.line.currency))},
        after={"reversal_id": reversal.pk, "date": on},
    )
    return reversal


def _refresh_open_state(allocation: Allocation) -> None:
    open_state.lines_refresh(DueLine.objects.filter(pk=allocation.line_id))
    open_state.credits_refresh(Document.objects.filter(pk=allocation.source_id))


@transaction.atomic
def allocation_auto(
    *, by, source: Document, on: dt.date, rules=domain.AUTO_RULES, check_access: bool = True
) -> list[Allocation]:
    """Allocate what is left of a receipt or credit note by the rules: reference, exact amount, oldest."""
    if check_access:
        ensure_permission(by, "ledger.add_allocation")
        ensure_company_access(by, source.company_id)
    periods.ensure_open(company_id=source.company_id, on=on, field="on")
    source = Document.objects.select_for_update().get(pk=source.pk)
    unapplied = domain.least_available(-source.amount, selectors.source_movements(source.pk), on)
    if unapplied <= 0:
        return []
    lines = (
        selectors.open_lines(as_of=on, customer_ids=[source.customer_id], company_ids=[source.company_id])
        .filter(currency=source.currency)
        .select_related("document")
    )
    candidates = [
        domain.OpenLine(
            line_id=line.pk,
            document_number=line.document.number,
            issue_on=line.issue_on,
            due_on=line.due_on,
            open_amount=Decimal(line.open_amount),
        )
        for line in lines
    ]
    plan = domain.auto_allocation(Decimal(unapplied), source.reference, candidates, rules)
    by_id = {line.pk: line for line in lines}
    return [
        allocation_create(
            by=by,
            source=source,
            line=by_id[line_id],
            on=on,
            method="auto",
            check_access=False,
            amount=from_minor(int(share), source.currency),
        )
        for line_id, share in sorted(plan, key=lambda p: p[0])
    ]


REFUND_PERMISSION = "ledger.refund_credit"


@transaction.atomic
def credit_refund(*, by, credit: Document, amount: Decimal | str, on: dt.date, reference: str = "") -> Document:
    """Pay back all or part of a customer's credit (an over-payment, an unused credit note) as an outgoing payment.

    The refund is a debit document (``refund``, numbered ``<credit>-RF<n>``) allocated at once from
    the credit, so the credit's unallocated amount falls by what was paid and nothing stays open.
    More than is unallocated on the credit, on the day or any later day, is refused.
    """
    ensure_permission(by, REFUND_PERMISSION)
    credit = Document.objects.select_for_update().select_related("company", "customer").get(pk=credit.pk)
    ensure_company_access(by, credit.company_id)
    if credit.amount >= 0 or credit.reversal_of_id is not None or Document.objects.filter(reversal_of=credit).exists():
        raise LedgerError(
            _("%(document)s is not a receipt or credit note with a credit to refund.") % {"document": credit}
        )
    value, problems = domain.read_amount(amount, "amount")
    if problems:
        raise InvalidInput(domain.problems_by_field(problems))
    minor = to_minor(value, credit.currency)
    if minor <= 0:
        raise InvalidInput({"amount": [_("The amount to refund must be positive.")]})
    if on < credit.issue_on:
        raise InvalidInput({"on": [_("A refund cannot be dated before the credit it pays back.")]})
    available = domain.least_available(-credit.amount, selectors.source_movements(credit.pk), on)
    if minor > available:
        raise LedgerError(
            _(
                "A refund of %(amount)s %(currency)s is more than the %(available)s %(currency)s still unallocated on "
                "%(document)s on %(date)s."
            )
            % {
                "amount": grouped(value, credit.currency),
                "available": grouped(from_minor(int(available), credit.currency), credit.currency),
                "currency": credit.currency,
                "document": credit,
                "date": on.isoformat(),
            },
            field="amount",
        )
    count = Document.objects.filter(
        company_id=credit.company_id, doc_type=DocumentType.REFUND, number__startswith=f"{credit.number}-RF"
    ).count()
    refund = document_post(
        by=by,
        company=credit.company,
        customer=credit.customer,
        doc_type=DocumentType.REFUND,
        number=f"{credit.number}-RF{count + 1}"[:40],
        issue_on=on,
        due_on=on,
        currency=credit.currency,
        amount=value,
        reference=credit.number[:40],
        description=" · ".join(
            part for part in (_("Refund of %(document)s") % {"document": credit}, reference.strip()) if part
        )[:300],
        check_access=False,
    )
    allocation_create(
        by=by,
        source=credit,
        line=refund.lines.get(),
        amount=value,
        on=on,
        method=AllocationMethod.REFUND,
        check_access=False,
    )
    record(
        action="credit.refund",
        actor=by,
        target=credit.customer,
        company_id=credit.company_id,
        object_repr=f"{credit.customer} / {refund}",
        after={
            "credit": credit.number,
            "refund": refund.number,
            "amount": str(quantize(value, credit.currency)),
            "currency": credit.currency,
            "date": on,
            "reference": reference.strip(),
        },
    )
    return refund


@transaction.atomic
def payment_term_create(
    *,
    by,
    code: str,
    name: str,
    kind: str = "net",
    days: int = 30,
    discount_percent: Decimal | None = None,
    discount_days: int | None = None,
    instalments: list[dict] | None = None,
) -> PaymentTerm:
    """Create a payment term template after checking its definition (instalments add up to 100 %)."""
    ensure_permission(by, "ledger.add_paymentterm")
    errors: dict[str, list[str]] = {}
    code = (code or "").strip()
    if not code:
        errors["code"] = [_("Give the term a code.")]
    elif PaymentTerm.objects.filter(code=code).exists():
        errors["code"] = [_("Payment term %(code)s already exists.") % {"code": code}]
    try:
        parts = tuple(domain.Instalment(to_decimal(i["percent"]), int(i["days"])) for i in instalments or [])
    except (KeyError, TypeError, ValueError, ArithmeticError):
        errors["instalments"] = [_("Each instalment needs a percent and days.")]
        parts = ()
    rule = domain.Term(
        kind=kind, days=days, instalments=parts, discount_percent=discount_percent, discount_days=discount_days
    )
    problems = domain.check_term(rule)
    if problems:
        errors.setdefault("kind", []).extend(problems)
    if errors:
        raise InvalidInput(errors)
    term = PaymentTerm.objects.create(
        code=code,
        name=name.strip() or code,
        kind=kind,
        days=days,
        discount_percent=discount_percent,
        discount_days=discount_days,
    )
    for seq, part in enumerate(parts, start=1):
        term.instalments.create(seq=seq, percent=part.percent, days=part.days)
    record(
        action="payment_term.create",
        actor=by,
        target=term,
        after={
            "code": code,
            "kind": kind,
            "days": days,
            "discount_percent": discount_percent,
            "discount_days": discount_days,
            "instalments": [[str(p.percent), p.days] for p in parts],
        },
    )
    return term


@transaction.atomic
def exchange_rate_set(*, by, currency: str, rate_on: dt.date, rate: Decimal, quote_currency: str = "CNY"):
    """Enter or correct the rate of a currency for a day; posted documents keep the rate they were posted at."""
    ensure_permission(by, "ledger.add_exchangerate")
    errors: dict[str, list[str]] = {}
    currency, quote_currency = currency.upper(), quote_currency.upper()
    for field, code in (("currency", currency), ("quote_currency", quote_currency)):
        try:
            currency_decimals(code)
        except CurrencyError:
            errors[field] = [_("Use a three-letter ISO 4217 currency code such as CNY.")]
    if currency == quote_currency:
        errors["currency"] = [_("A currency has no rate against itself.")]
    rate = to_decimal(rate)
    if rate <= 0 or rate.as_tuple().exponent < -8:
        errors["rate"] = [_("The rate must be positive with at most 8 decimals.")]
    if errors:
        raise InvalidInput(errors)
    previous = ExchangeRate.objects.filter(currency=currency, quote_currency=quote_currency, rate_on=rate_on).first()
    stored, _created = ExchangeRate.objects.update_or_create(
        currency=currency, quote_currency=quote_currency, rate_on=rate_on, defaults={"rate": rate}
    )
    record(
        action="exchange_rate.set",
        actor=by,
        target=stored,
        before={"rate": previous.rate} if previous else None,
        after={"rate": rate},
    )
    return stored


@transaction.atomic
def import_job_start(*, by, company: Company, kind: str, upload) -> ImportJob:
    """Keep an uploaded file and check it in the background; nothing is written to the ledger yet."""
    from ardesk.core.jobs import enqueue
    from ardesk.ledger import tasks
    from ardesk.ledger.imports.engine import IMPORTERS

    ensure_permission(by, IMPORTERS[kind].permission if kind in IMPORTERS else "ledger.add_importbatch")
    ensure_company_access(by, company.pk)
    job = ImportJob(company=company, kind=kind, file_name=upload.name[:255], created_by=by)
    job.file.save(f"{kind}-{upload.name}"[-100:], upload, save=False)
    job.save()
    enqueue(tasks.import_check, job.pk)
    return job


@transaction.atomic
def import_job_confirm(*, by, job: ImportJob) -> ImportJob:
    """Import a checked file in the background."""
    from ardesk.core.jobs import enqueue
    from ardesk.ledger import tasks

    ensure_permission(by, "ledger.add_importbatch")
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    ensure_company_access(by, job.company_id)
    if job.status != ImportJobStatus.CHECKED:
        raise LedgerError(_("Only a checked file without problems can be imported."))
    job.status = ImportJobStatus.IMPORTING
    job.save(update_fields=["status"])
    enqueue(tasks.import_write, job.pk)
    return job


@transaction.atomic
def statement_run_start(
    *, by, company: Company, date_from: dt.date, date_to: dt.date, language: str, file_format: str = "pdf"
):
    """Start statements for every customer with a balance or movement in the period, as one background job."""
    from ardesk.core.jobs import enqueue
    from ardesk.ledger import tasks
    from ardesk.ledger.models import StatementRun

    ensure_permission(by, "ledger.view_document")
    ensure_company_access(by, company.pk)
    if date_from > date_to:
        raise InvalidInput({"date_from": [_("The period starts after it ends.")]})
    run = StatementRun.objects.create(
        company=company, date_from=date_from, date_to=date_to, language=language, file_format=file_format, created_by=by
    )
    record(
        action="statements.run",
        actor=by,
        target=run,
        company_id=company.pk,
        after={"from": date_from, "to": date_to, "language": language, "format": file_format},
    )
    enqueue(tasks.statement_run, run.pk)
    return run


@transaction.atomic
def customer_terms_set(*, by, customer: Customer, payment_term: PaymentTerm | None):
    """Give a customer its default payment term (or none: invoices then need their own due date)."""
    from ardesk.ledger.models import CustomerTerms

    ensure_permission(by, "ledger.change_paymentterm")
    ensure_company_access(by, customer.company_id)
    current = CustomerTerms.objects.filter(customer=customer).select_related("payment_term").first()
    before = current.payment_term.code if current else None
    after = payment_term.code if payment_term else None
    if before == after:
        return
    if payment_term is None:
        CustomerTerms.objects.filter(customer=customer).delete()
    else:
        CustomerTerms.objects.update_or_create(customer=customer, defaults={"payment_term": payment_term})
    record(
        action="customer.payment_term",
        actor=by,
        target=customer,
        before={"payment_term": before},
        after={"payment_term": after},
    )
