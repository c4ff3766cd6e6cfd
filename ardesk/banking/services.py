"""Writing cash application: bank accounts, statement imports, and receipts posted through the ledger.

Every receipt, allocation and credit note is posted by the ledger's own services (document_post,
allocation_create), so the ledger's rules, locks, open amounts and audit trail hold as for any other
posting; this context keeps only which statement line each receipt came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ardesk.audit.context import current as audit_context
from ardesk.audit.services import record
from ardesk.banking import domain, selectors, statement_files
from ardesk.banking.errors import BankingError
from ardesk.banking.models import (
    AliasKind,
    Application,
    BankAccount,
    BankStatement,
    Difference,
    DifferenceKind,
    DifferenceStatus,
    Layout,
    LineStatus,
    PayerAlias,
    StatementLine,
)
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core import parallel
from ardesk.core.bulk import insert_rows, reserve_ids
from ardesk.core.crypto import blind_index
from ardesk.core.errors import InvalidInput
from ardesk.core.money import from_minor, grouped, is_currency, to_decimal, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger.bulk_posting import CreditToPost, credits_post
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import DocumentType, DueLine
from ardesk.ledger.services import allocation_create, document_post

IMPORT_PERMISSION = "banking.add_bankstatement"
MATCH_PERMISSION = "banking.change_statementline"
ACCOUNT_PERMISSION = "banking.add_bankaccount"
APPROVE_PERMISSION = "banking.approve_difference"
# What the audit trail keeps of an account (its ledger account codes are shown on the account list).
AUDITED_ACCOUNT_FIELDS = ("code", "name", "bank_name", "account_number", "currency", "layout")
ACCOUNT_FIELDS = (
    "code",
    "name",
    "bank_name",
    "account_number",
    "currency",
    "gl_account",
    "receivable_account",
    "discount_account",
    "charges_account",
    "difference_account",
    "layout",
    "column_mapping",
)


def rules(currency: str) -> domain.Rules:
    """The matcher's settings for lines in ``currency`` (ARDESK_CASH_* in the environment, config/settings.py).

    The short-payment limits are amounts ("10.00"); the matcher compares minor units of the line's
    currency, so they are converted here (10.00 is 1,000 fen, 10 yen).
    """
    return domain.Rules(
        auto_threshold=Decimal(str(getattr(settings, "ARDESK_CASH_AUTO_THRESHOLD", "0.90"))),
        short_tolerance=to_minor(to_decimal(str(getattr(settings, "ARDESK_CASH_SHORT_TOLERANCE", "100.00"))), currency),
        short_without_approval=to_minor(
            to_decimal(str(getattr(settings, "ARDESK_CASH_SHORT_WITHOUT_APPROVAL", "10.00"))), currency
        ),
    )


# ---------------------------------------------------------------------------------------------
# Bank accounts
# ---------------------------------------------------------------------------------------------


def _account_problems(account: BankAccount) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not account.code.strip():
        problems["code"] = [_("This field is required.")]
    if not account.name.strip():
        problems["name"] = [_("This field is required.")]
    if not domain.number_key(account.account_number):
        problems["account_number"] = [_("This field is required.")]
    if not is_currency(account.currency or ""):
        problems["currency"] = [_("'%(value)s' is not a currency code.") % {"value": account.currency}]
    if account.layout not in Layout.values:
        problems["layout"] = [_("Choose one of the layouts.")]
    if not isinstance(account.column_mapping, dict) or any(
        key not in statement_files.FIELDS or not isinstance(value, str) for key, value in account.column_mapping.items()
    ):
        problems["column_mapping"] = [
            _("Map these fields to headings: %(fields)s.") % {"fields": ", ".join(statement_files.FIELDS)}
        ]
    for name in ("gl_account", "receivable_account", "discount_account", "charges_account", "difference_account"):
        if not str(getattr(account, name) or "").strip():
            problems[name] = [_("This field is required.")]
    duplicate = BankAccount.objects.filter(company_id=account.company_id, code=account.code).exclude(pk=account.pk)
    if account.code and duplicate.exists():
        problems["code"] = [_("The company already has a bank account with this code.")]
    return problems


@transaction.atomic
def bank_account_save(*, by, company_id: int, account: BankAccount | None = None, **data) -> BankAccount:
    """Register one of the company's bank accounts, or change one (its currency stays once it has lines)."""
    ensure_permission(by, ACCOUNT_PERMISSION if account is None else "banking.change_bankaccount")
    ensure_company_access(by, company_id)
    before = None if account is None else {name: getattr(account, name) for name in AUDITED_ACCOUNT_FIELDS}
    old_currency = None if account is None else account.currency
    account = account or BankAccount(company_id=company_id)
    for name in ACCOUNT_FIELDS:
        if name in data and data[name] is not None:
            setattr(account, name, data[name].strip().upper() if name == "currency" else data[name])
    problems = _account_problems(account)
    if old_currency and old_currency != account.currency and account.lines.exists():
        problems["currency"] = [_("The account has statement lines: its currency cannot change.")]
    if problems:
        raise InvalidInput(problems)
    account.save()
    record(
        action="bank_account.save",
        actor=by,
        target=account,
        company_id=company_id,
        before=before,
        after={name: getattr(account, name) for name in AUDITED_ACCOUNT_FIELDS},
    )
    return account


# ---------------------------------------------------------------------------------------------
# Statement import
# ---------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    file_format: str = ""
    lines: int = 0
    new: int = 0
    already: int = 0
    opening: int | None = None
    closing: int | None = None
    problems: list[domain.FileProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    statement: BankStatement | None = None
    matched: dict = field(default_factory=dict)


def _gap_warning(account: BankAccount, parsed: domain.ParsedStatement, starts_on: dt.date) -> list[str]:
    """The opening balance against the last statement that ended before this one starts."""
    before = (
        BankStatement.objects.filter(account=account, ends_on__lt=starts_on, closing_balance__isnull=False)
        .order_by("-ends_on", "-id")
        .first()
    )
    if before is None or parsed.opening is None or before.closing_balance == parsed.opening:
        return []
    return [
        _(
            "The opening balance %(opening)s is not the closing balance %(closing)s of the statement ending "
            "%(date)s: lines between the two statements are missing."
        )
        % {
            "opening": grouped(from_minor(parsed.opening, account.currency), account.currency),
            "closing": grouped(from_minor(before.closing_balance, account.currency), account.currency),
            "date": before.ends_on.isoformat(),
        }
    ]


def statement_import(
    *, by, account: BankAccount, name: str, content: bytes, dry_run: bool = False, match: bool = True
) -> ImportResult:
    """Import a statement file: checked in full, then every new line written, or nothing at all.

    A line already imported (same bank serial number, or the same stable hash where the bank gives
    none) is skipped, so an overlapping statement adds only what is new. With ``match`` the new
    incoming lines are matched at once: receipts that reach the threshold are posted.
    """
    ensure_permission(by, IMPORT_PERMISSION)
    ensure_company_access(by, account.company_id)
    result = ImportResult()
    result.file_format, parsed, problems = statement_files.read_statement(
        name=name, content=content, currency=account.currency, layout=account.layout, mapping=account.column_mapping
    )
    result.problems = problems + domain.balance_problems(parsed, statement_files.Messages(account.currency))
    if parsed.account_number and domain.number_key(parsed.account_number)[-8:] not in domain.number_key(
        account.account_number
    ):
        result.problems.append(
            domain.FileProblem(
                0,
                "account",
                _("The file is a statement of account %(found)s, not of %(account)s.")
                % {"found": parsed.account_number, "account": account},
            )
        )
    if not parsed.lines and not result.problems:
        result.problems.append(domain.FileProblem(0, "file", _("The file has no statement lines.")))
    result.lines, result.opening, result.closing = len(parsed.lines), parsed.opening, parsed.closing
    if result.problems:
        return result
    keys = domain.line_keys(parsed.lines)
    known = set()
    for start in range(0, len(keys), 5000):
        known.update(
            StatementLine.objects.filter(account=account, line_key__in=keys[start : start + 5000]).values_list(
                "line_key", flat=True
            )
        )
    fresh = [(line, key) for line, key in zip(parsed.lines, keys, strict=True) if key not in known]
    result.new, result.already = len(fresh), len(parsed.lines) - len(fresh)
    starts_on = min(line.booked_on for line in parsed.lines)
    result.warnings = _gap_warning(account, parsed, starts_on)
    if dry_run:
        return result
    with transaction.atomic():
        statement = BankStatement.objects.create(
            account=account,
            company_id=account.company_id,
            file_name=name[:200],
            sha256=hashlib.sha256(content).hexdigest(),
            file_format=result.file_format,
            starts_on=starts_on,
            ends_on=max(line.booked_on for line in parsed.lines),
            opening_balance=parsed.opening,
            closing_balance=parsed.closing,
            line_count=len(parsed.lines),
            new_count=len(fresh),
            imported_by=by,
        )
        StatementLine.objects.bulk_create(
            [
                StatementLine(
                    account=account,
                    statement=statement,
                    company_id=account.company_id,
                    booked_on=line.booked_on,
                    seq=line.row,
                    amount=line.amount,
                    currency=account.currency,
                    balance_after=line.balance_after,
                    payer_name=line.payer_name,
                    payer_account=line.payer_account,
                    payer_account_index=blind_index(line.payer_account),
                    payer_bank=line.payer_bank,
                    remittance=line.remittance,
                    bank_ref=line.bank_ref,
                    line_key=key,
                    status=LineStatus.OPEN if line.amount > 0 else LineStatus.OUTGOING,
                )
                for line, key in fresh
            ],
            batch_size=1000,
        )
        record(
            action="bank_statement.import",
            actor=by,
            target=statement,
            company_id=account.company_id,
            object_repr=f"{account} / {name}",
            after={
                "file": name,
                "sha256": statement.sha256,
                "format": result.file_format,
                "rows": len(parsed.lines),
                "new": len(fresh),
                "opening": None if parsed.opening is None else str(from_minor(parsed.opening, account.currency)),
                "closing": None if parsed.closing is None else str(from_minor(parsed.closing, account.currency)),
            },
        )
    result.statement = statement
    if match and fresh:
        result.matched = lines_match(by=by, lines=statement.lines.filter(status=LineStatus.OPEN))
    return result


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------


# What the automatic applications write of their applications and differences, in this order.
APPLICATION_COLUMNS = (
    "id",
    "line_id",
    "company_id",
    "customer_id",
    "receipt_id",
    "amount",
    "is_auto",
    "created_by_id",
    "created_at",
)
DIFFERENCE_COLUMNS = (
    "id",
    "application_id",
    "company_id",
    "kind",
    "amount",
    "line_ids",
    "status",
    "credit_note_id",
    "requested_by_id",
)
# Automatic applications are posted this many lines per ledger batch: one transaction each, so a
# batch the ledger refuses (an item paid meanwhile) costs at most this many lines one by one.
POSTING_BATCH = 2000
# Lines whose evidence is found, and candidates' items loaded, before the first of them is decided.
MATCH_CHUNK = 5000


@dataclass(frozen=True)
class _Decision:
    """An automatic application decided by the matcher, with the credit notes of its booked differences.

    Plain values only: a batch of them is sent to the posting process, and the line's stored
    suggestions go as their JSON text (``_stored``), made once by the matcher; the lines as model
    instances, with their suggestions as Python objects, cost more to send than to post.
    """

    line_id: int
    booked_on: dt.date
    amount: int
    reference: str
    description: str
    customer_id: int
    plan: domain.Plan
    # (kind, amount, line ids, allocations of its credit note, or None while it waits for approval)
    differences: tuple[tuple[str, int, tuple[int, ...], tuple[tuple[int, int], ...] | None], ...]
    stored: str


def lines_match(*, by, lines, post: bool = True) -> dict:
    """Match open incoming lines: post those above the threshold, give the others their top suggestions.

    Set-based: one company's names, aliases and accounts and the open items the texts name are
    loaded once for all the lines, the open items of the candidate customers once for a chunk of
    lines (``_Known``), never per line. Lines are taken in date order, and what one receipt pays is
    no longer open for the next. The receipts decided automatically are posted in batches through
    the ledger's bulk posting, each batch as soon as it is decided (see ``_Posting``).
    """
    counts = {"auto": 0, "queued": 0}
    # The JSON of earlier suggestions and the encrypted payer account are not read: the matcher
    # writes new suggestions and compares accounts by their keyed hash.
    lines = list(
        lines.filter(status=LineStatus.OPEN, amount__gt=0)
        .defer("suggestions", "reasons", "payer_account")
        .order_by("booked_on", "id")
    )
    by_company: dict[tuple[int, str], list[StatementLine]] = {}
    for line in lines:
        by_company.setdefault((line.company_id, line.currency), []).append(line)
    for (company_id, currency), group in by_company.items():
        settings_ = rules(currency)
        by_hand = replace(settings_, unsure_items_on_account=False)
        # Started before the candidates are loaded: the posting process is forked small.
        posting = _Posting(
            by=by,
            company_id=company_id,
            currency=currency,
            background=connection.vendor == "postgresql"
            and not connection.in_atomic_block
            and len(group) > POSTING_BATCH,
        )
        found = selectors.candidates(company_id=company_id, lines=group)
        known = _Known(company_id=company_id, currency=currency, found=found)
        evidence, items, remaining = known.evidence, known.items, known.remaining
        queued, decided = [], []

        waiting = []
        for line in known.in_chunks(group):
            ranked = partial(
                domain.rank,
                amount=line.amount,
                on=line.booked_on,
                remittance=line.remittance,
                evidence=evidence[line.pk],
                items_of=_open_items(line, evidence[line.pk], items, remaining),
            )
            suggestions = ranked(rules=settings_)
            if not domain.is_automatic(suggestions, settings_):
                waiting.append(line)  # its suggestions for a person are ranked after the run
                continue
            automatic = post
            if not automatic and any(s.plan.unapplied for s in suggestions):
                # A person decides a queued line: money the matcher would leave on account is shown
                # paying the oldest items, as a manual match would (the confidence is the same).
                suggestions = ranked(rules=by_hand)
            line.suggestions = [s.as_dict() for s in suggestions]
            line.confidence = suggestions[0].confidence if suggestions else Decimal(0)
            line.reasons = [r.as_dict() for r in suggestions[0].reasons] if suggestions else []
            if not automatic:
                queued.append(line)
                continue
            best = suggestions[0]
            for line_id, amount in best.plan.allocations:
                remaining[line_id] -= amount
            differences = []
            for kind, amount, line_ids in best.plan.differences:
                note = None
                if not _needs_approval(kind, amount, settings_):
                    note, left = [], amount
                    for line_id in line_ids:
                        share = min(left, remaining.get(line_id, 0))
                        if share > 0:
                            note.append((line_id, share))
                            left -= share
                    note = tuple(note)
                differences.append((kind, amount, tuple(line_ids), note))
                remaining.update(dict.fromkeys(line_ids, 0))
            decided.append(
                _Decision(
                    line.pk,
                    line.booked_on,
                    line.amount,
                    _receipt_reference(line),
                    _receipt_description(line),
                    best.customer_id,
                    best.plan,
                    tuple(differences),
                    _stored(line),
                )
            )
            if len(decided) == POSTING_BATCH:
                posting.submit(decided)
                decided = []
        if decided:
            posting.submit(decided)
        _suggest(
            waiting,
            found=found,
            evidence=evidence,
            items=items,
            remaining=remaining,
            rules=by_hand,
            company_id=company_id,
            currency=currency,
        )
        queued += waiting
        posted, refused = posting.results()
        counts["auto"] += posted
        queued += [line for line in group if line.pk in refused]
        _lines_store([_stored(line) for line in queued])
        counts["queued"] += len(queued)
    return counts


def _open_items(line: StatementLine, customers, items, remaining) -> dict[int, list[domain.OpenItem]]:
    """The customers' items open for a line: issued by its date, less what earlier lines of the run paid."""
    return {
        pk: [
            replace(item, open_amount=remaining[item.line_id]) if remaining[item.line_id] != item.open_amount else item
            for item in items.get(pk, [])
            if item.issue_on <= line.booked_on and remaining[item.line_id] > 0
        ]
        for pk in customers
    }


def _suggest(waiting, *, found, evidence, items, remaining, rules, company_id, currency) -> None:
    """Give the lines that wait for a person their top suggestions, ranked for a person (``domain.rank(review=True)``).

    After the automatic applications of the run, so that an item they paid is no longer offered; the
    customers a person is also shown (alike names, a paying parent's subsidiaries) get their items
    loaded here, in one query. Money the matcher would leave on account is shown paying the oldest
    items, as a manual match would.
    """
    if not waiting:
        return
    shown = {line.pk: selectors.review_evidence_for(line, found, evidence[line.pk]) for line in waiting}
    more = {pk for per_line in shown.values() for pk in per_line if pk not in items}
    if more:
        for pk, found_items in selectors.items_by_customer(
            company_id=company_id, customer_ids=more, currency=currency
        ).items():
            items[pk] = found_items
            for item in found_items:
                remaining.setdefault(item.line_id, item.open_amount)
    for line in waiting:
        suggestions = domain.rank(
            amount=line.amount,
            on=line.booked_on,
            remittance=line.remittance,
            evidence=shown[line.pk],
            items_of=_open_items(line, shown[line.pk], items, remaining),
            rules=rules,
            review=True,
        )
        line.suggestions = [s.as_dict() for s in suggestions]
        line.confidence = suggestions[0].confidence if suggestions else Decimal(0)
        line.reasons = [r.as_dict() for r in suggestions[0].reasons] if suggestions else []


class _Known:
    """What the matcher knows of a run's lines: their evidence, their candidates' open items, what is left open.

    Built a chunk of lines at a time (``in_chunks``): the first batches are decided, and posted
    beside the matching, while the later lines' evidence is still to be found. A customer's items
    are loaded once, when a line first points to it; until then no receipt of the run has paid
    them, so they are as they would have been loaded at the start.
    """

    def __init__(self, *, company_id: int, currency: str, found: selectors.Candidates):
        self.company_id, self.currency, self.found = company_id, currency, found
        self.evidence: dict[int, dict[int, domain.Evidence]] = {}
        self.items: dict[int, list[domain.OpenItem]] = {}
        self.remaining: dict[int, int] = {}
        self.loaded: set[int] = set()

    def in_chunks(self, lines: list[StatementLine]):
        """The lines in order, each chunk's evidence found and its new candidates' items loaded first."""
        for start in range(0, len(lines), MATCH_CHUNK):
            chunk = lines[start : start + MATCH_CHUNK]
            for line in chunk:
                self.evidence[line.pk] = selectors.evidence_for(line, self.found)
            new = {pk for line in chunk for pk in self.evidence[line.pk]} - self.loaded
            self.loaded |= new
            self.items.update(
                selectors.items_by_customer(company_id=self.company_id, customer_ids=new, currency=self.currency)
            )
            for pk in new:
                for item in self.items.get(pk, ()):
                    self.remaining[item.line_id] = item.open_amount
            yield from chunk


class _Posting:
    """Posts batches of automatic applications in order, at once or beside the matching.

    A long run on PostgreSQL outside any transaction posts in a process of its own (with its own
    connection): while it and the database write one batch, the matcher ranks the next lines on the
    other core. A thread would share the matcher's interpreter lock, and the posting's Python
    (documents, allocations, audit events) then waited for the matcher's and the other way round.
    Inside a transaction (a test, a caller's own) the batches are posted at once, in it. The
    process posts in the caller's language and audit context.
    """

    def __init__(self, *, by, company_id: int, currency: str, background: bool):
        self.by, self.company_id, self.currency = by, company_id, currency
        self.worker = parallel.Worker(_post_batch) if background else None
        self.done: list[tuple[int, list[int]]] = []

    def submit(self, batch: list[_Decision]) -> None:
        job = (self.by, self.company_id, self.currency, batch, translation.get_language(), audit_context.get())
        if self.worker is None:
            self.done.append(_post_batch(*job))
        else:
            self.worker.submit(*job)

    def results(self) -> tuple[int, set[int]]:
        """Wait for every batch: how many lines were posted, and the ids of those the ledger refused."""
        done = self.done if self.worker is None else self.worker.results()
        return sum(count for count, _refused in done), {pk for _count, refused in done for pk in refused}


def _post_batch(by, company_id: int, currency: str, batch: list[_Decision], language, context) -> tuple[int, list[int]]:
    """Post one batch of automatic applications: how many lines were posted, and the ids of those refused."""
    token = audit_context.set(context)
    try:
        with translation.override(language):
            return _post_decisions(by=by, company_id=company_id, currency=currency, decisions=batch), []
    except (LedgerError, InvalidInput, BankingError):
        # The ledger refused the batch as a whole (an item paid or a month closed meanwhile):
        # each line is tried on its own, and a line refused again waits in the queue.
        posted, refused = 0, []
        with translation.override(language):
            for decision in batch:
                stored = json.loads(decision.stored)
                line = StatementLine(
                    pk=decision.line_id,
                    suggestions=stored["suggestions"],
                    confidence=Decimal(stored["confidence"]),
                    reasons=stored["reasons"],
                )
                try:
                    line_apply(
                        by=by,
                        line=line,
                        parts=[(decision.customer_id, decision.amount, decision.plan)],
                        automatic=True,
                    )
                except (LedgerError, InvalidInput, BankingError):
                    refused.append(decision.line_id)
                    continue
                posted += 1
        return posted, refused
    finally:
        audit_context.reset(token)


def _needs_approval(kind: str, amount: int, settings_: domain.Rules) -> bool:
    return kind == DifferenceKind.SHORT_PAYMENT and amount > settings_.short_without_approval


def _receipt_reference(line: StatementLine) -> str:
    """The receipt's reference: the first document number the remittance text names."""
    refs = domain.reference_tokens(line.remittance)
    return (refs[0] if refs else "")[:40]


def _receipt_description(line: StatementLine) -> str:
    description = " ".join(part for part in (line.payer_name, line.remittance) if part)[:300]
    if description[:1] in ("=", "+", "-", "@"):
        description = "'" + description[:299]
    return description


def _difference_labels() -> dict:
    return {
        DifferenceKind.DISCOUNT: _("Early-payment discount"),
        DifferenceKind.BANK_CHARGE: _("Bank charge deducted by the payer's bank"),
        DifferenceKind.SHORT_PAYMENT: _("Short payment written off"),
    }


@transaction.atomic
def _post_decisions(*, by, company_id: int, currency: str, decisions: list[_Decision]) -> int:
    """Post a batch of automatic applications in one go: receipts, then the credit notes of their differences.

    The same records as ``line_apply`` for each line (receipt ``BANK-<line>``, its application, its
    differences, credit note ``BANK-<line>-<difference>``), written by the ledger's bulk posting in a
    few statements; the applications and differences get their ids first (so the credit notes are
    numbered and linked before anything is written) and are written in one bulk insert each. A line
    dealt with meanwhile is left out; anything the ledger refuses undoes the batch.
    """
    open_ids = set(
        StatementLine.objects.select_for_update()
        .filter(pk__any_of=[d.line_id for d in decisions], status=LineStatus.OPEN)
        .values_list("pk", flat=True)
    )
    decisions = [d for d in decisions if d.line_id in open_ids]
    if not decisions:
        return 0
    company = Company.objects.get(pk=company_id)
    receipts = []
    for decision in decisions:
        receipts.append(
            CreditToPost(
                customer_id=decision.customer_id,
                number=f"BANK-{decision.line_id}",
                issue_on=decision.booked_on,
                amount=decision.amount,
                reference=decision.reference,
                description=decision.description,
                allocations=decision.plan.allocations,
            )
        )
    receipt_ids = credits_post(by=by, company=company, currency=currency, credits=receipts)
    application_ids = reserve_ids(Application, len(decisions))
    # (difference id, application id, decision, kind, amount, line ids, allocations of its credit note or None)
    differences = [
        (application_id, decision, kind, amount, line_ids, note)
        for decision, application_id in zip(decisions, application_ids, strict=True)
        for kind, amount, line_ids, note in decision.differences
    ]
    difference_ids = reserve_ids(Difference, len(differences))
    booked = [(pk, row) for pk, row in zip(difference_ids, differences, strict=True) if row[5] is not None]
    labels = _difference_labels()
    note_ids = credits_post(
        by=by,
        company=company,
        currency=currency,
        credits=[
            CreditToPost(
                customer_id=decision.customer_id,
                doc_type=DocumentType.CREDIT_NOTE,
                number=f"BANK-{decision.line_id}-{pk}",
                issue_on=decision.booked_on,
                amount=amount,
                description=str(labels[kind]),
                allocations=note,
            )
            for pk, (_application, decision, kind, amount, _ids, note) in booked
        ],
    )
    note_of = {pk: note_id for (pk, _row), note_id in zip(booked, note_ids, strict=True)}
    now = timezone.now()
    user_id = getattr(by, "pk", None)
    insert_rows(
        Application,
        APPLICATION_COLUMNS,
        (
            (pk, d.line_id, company_id, d.customer_id, receipt_id, d.amount, True, user_id, now)
            for pk, d, receipt_id in zip(application_ids, decisions, receipt_ids, strict=True)
        ),
    )
    insert_rows(
        Difference,
        DIFFERENCE_COLUMNS,
        (
            (
                pk,
                application_id,
                company_id,
                kind,
                amount,
                list(line_ids),
                DifferenceStatus.PENDING if note is None else DifferenceStatus.BOOKED,
                note_of.get(pk),
                user_id,
            )
            for pk, (application_id, _decision, kind, amount, line_ids, note) in zip(
                difference_ids, differences, strict=True
            )
        ),
    )
    _lines_store([d.stored for d in decisions], matched=(user_id, now))
    return len(decisions)


def _stored(line: StatementLine) -> str:
    """The line's suggestions, confidence and reasons as ``_lines_store`` writes them: a JSON object with its id."""
    return json.dumps(
        {"id": line.pk, "suggestions": line.suggestions, "confidence": str(line.confidence), "reasons": line.reasons}
    )


def _lines_store(stored: list[str], *, matched: tuple[int | None, dt.datetime] | None = None) -> None:
    """Write the lines' suggestions, confidence and reasons (``_stored``); once matched, status, by whom and when.

    On PostgreSQL one UPDATE from a JSON document of every line's new values, elsewhere one
    statement run for every line (executemany); the ORM's bulk_update, with its CASE over
    thousands of ids, cost more than the whole posting.
    """
    if not stored:
        return
    status = ", status = %s, matched_by_id = %s, matched_at = %s" if matched else ""
    extra = [LineStatus.AUTO.value, *matched] if matched else []
    if connection.vendor == "postgresql":
        sql = (
            "UPDATE banking_statementline AS l SET suggestions = v.suggestions, confidence = v.confidence,"  # noqa: S608
            f" reasons = v.reasons{status} FROM jsonb_to_recordset(%s::jsonb)"
            " AS v(id bigint, suggestions jsonb, confidence numeric, reasons jsonb) WHERE l.id = v.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*extra, "[" + ",".join(stored) + "]"])
        return
    sql = (
        "UPDATE banking_statementline SET suggestions = json_extract(%s, '$.suggestions'),"  # noqa: S608 (constant)
        f" confidence = json_extract(%s, '$.confidence'), reasons = json_extract(%s, '$.reasons'){status}"
        " WHERE id = json_extract(%s, '$.id')"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[text, text, text, *extra, text] for text in stored])


def _post_receipt(*, by, line: StatementLine, customer: Customer, amount: int, number: str, reference: str):
    return document_post(
        by=by,
        company=line.account.company,
        customer=customer,
        doc_type=DocumentType.RECEIPT,
        number=number,
        issue_on=line.booked_on,
        currency=line.currency,
        amount=from_minor(amount, line.currency),
        reference=reference[:40],
        description=_receipt_description(line),
        check_access=False,
    )


def _difference_post(*, by, difference: Difference, line: StatementLine, customer: Customer) -> None:
    """The credit note that settles a discount, a bank charge or a small short payment, allocated oldest first."""
    labels = _difference_labels()
    note = document_post(
        by=by,
        company=line.account.company,
        customer=customer,
        doc_type=DocumentType.CREDIT_NOTE,
        number=f"BANK-{line.pk}-{difference.pk}",
        issue_on=line.booked_on,
        currency=line.currency,
        amount=from_minor(difference.amount, line.currency),
        description=str(labels[difference.kind]),
        check_access=False,
    )
    left = difference.amount
    open_now = dict(DueLine.objects.filter(pk__in=difference.line_ids).values_list("pk", "open_now"))
    for line_id in difference.line_ids:
        share = min(left, open_now.get(line_id, 0))
        if share <= 0:
            continue
        allocation_create(
            by=by,
            source=note,
            line=DueLine(pk=line_id),
            amount=from_minor(share, line.currency),
            on=line.booked_on,
            method="bank",
            check_access=False,
        )
        left -= share
    difference.credit_note = note
    difference.save(update_fields=["credit_note"])


@transaction.atomic
def line_apply(*, by, line: StatementLine, parts: list[tuple[int, int, domain.Plan | None]], automatic: bool = False):
    """Turn a statement line into receipts: one per customer part, allocated by its plan, differences booked.

    A part without a plan is allocated by the matcher's own rules for that customer (the items the
    text names, an exact amount, the oldest first). The parts must add up to the line.
    """
    found = line
    line = StatementLine.objects.select_for_update().select_related("account__company").get(pk=line.pk)
    line.suggestions, line.confidence, line.reasons = found.suggestions, found.confidence, found.reasons
    if line.status != LineStatus.OPEN:
        raise BankingError(_("This statement line is already dealt with."))
    if sum(amount for _pk, amount, _plan in parts) != line.amount or any(amount <= 0 for _pk, amount, _p in parts):
        raise InvalidInput(
            {
                "amount": [
                    _("The parts must be positive and add up to the line's %(amount)s.")
                    % {"amount": grouped(from_minor(line.amount, line.currency), line.currency)}
                ]
            }
        )
    customers = Customer.objects.in_bulk([pk for pk, _a, _p in parts])
    settings_ = rules(line.currency)
    applications = []
    for index, (customer_id, amount, plan) in enumerate(parts, start=1):
        customer = customers.get(customer_id)
        if customer is None or customer.company_id != line.company_id:
            raise InvalidInput({"customer": [_("Choose a customer of the statement's company.")]})
        if plan is None:
            plan = _plan_for(line=line, customer_id=customer_id, amount=amount, settings_=settings_)
        number = f"BANK-{line.pk}" if len(parts) == 1 else f"BANK-{line.pk}-{index}"
        receipt = _post_receipt(
            by=by, line=line, customer=customer, amount=amount, number=number, reference=_receipt_reference(line)
        )
        application = Application.objects.create(
            line=line,
            company_id=line.company_id,
            customer=customer,
            receipt=receipt,
            amount=amount,
            is_auto=automatic,
            created_by=by,
        )
        applications.append(application)
        for line_id, share in plan.allocations:
            allocation_create(
                by=by,
                source=receipt,
                line=DueLine(pk=line_id),
                amount=from_minor(share, line.currency),
                on=line.booked_on,
                method="bank",
                check_access=False,
            )
        for kind, difference_amount, line_ids in plan.differences:
            needs_approval = _needs_approval(kind, difference_amount, settings_)
            difference = Difference.objects.create(
                application=application,
                company_id=line.company_id,
                kind=kind,
                amount=difference_amount,
                line_ids=list(line_ids),
                status=DifferenceStatus.PENDING if needs_approval else DifferenceStatus.BOOKED,
                requested_by=by,
            )
            if not needs_approval:
                _difference_post(by=by, difference=difference, line=line, customer=customer)
    line.status = LineStatus.AUTO if automatic else LineStatus.MANUAL
    line.matched_by = by
    line.matched_at = timezone.now()
    line.save(update_fields=["status", "matched_by", "matched_at", "suggestions", "confidence", "reasons"])
    if not automatic:
        record(
            action="bank_line.match",
            actor=by,
            target=line,
            company_id=line.company_id,
            object_repr=f"{line.booked_on} {line.payer_name}",
            after={
                "parts": [
                    {
                        "customer": a.customer.code,
                        "receipt": a.receipt.number,
                        "amount": str(from_minor(a.amount, line.currency)),
                    }
                    for a in applications
                ]
            },
        )
    return applications


def _plan_for(*, line: StatementLine, customer_id: int, amount: int, settings_: domain.Rules) -> domain.Plan:
    items = [
        item
        for item in selectors.items_by_customer(
            company_id=line.company_id, customer_ids=[customer_id], currency=line.currency
        ).get(customer_id, [])
        if item.issue_on <= line.booked_on
    ]
    named, _reasons = domain.referenced_items(domain.reference_tokens(line.remittance), items)
    # A person chose the customer: a part payment pays the oldest items, as the ledger's own rules would.
    by_hand = replace(settings_, unsure_items_on_account=False)
    _fit, plan, _why = domain.fit_items(amount, items, named, line.booked_on, line.remittance, by_hand)
    return plan


def _teach(*, by, line: StatementLine, customer_id: int) -> None:
    """A manual match teaches the matcher: this payer account and name pay for this customer."""
    learned = []
    if line.payer_account_index:
        learned.append((AliasKind.ACCOUNT, line.payer_account_index, ""))
    name = domain.normalise_name(line.payer_name)
    if len(name) >= 2:
        learned.append((AliasKind.NAME, name, line.payer_name[:200]))
    for kind, key, shown in learned:
        PayerAlias.objects.update_or_create(
            company_id=line.company_id,
            kind=kind,
            key=key,
            defaults={"customer_id": customer_id, "shown": shown, "created_by": by},
        )


def _check_match_access(by, line: StatementLine) -> None:
    ensure_permission(by, MATCH_PERMISSION)
    ensure_company_access(by, line.company_id)


@transaction.atomic
def suggestion_accept(*, by, line: StatementLine, index: int = 0):
    """Apply one of the line's suggestions as it stands, and learn the payer."""
    _check_match_access(by, line)
    if not 0 <= index < len(line.suggestions):
        raise BankingError(_("This line has no such suggestion."))
    suggestion = domain.suggestion_from_dict(line.suggestions[index])
    applications = line_apply(by=by, line=line, parts=[(suggestion.customer_id, line.amount, suggestion.plan)])
    _teach(by=by, line=line, customer_id=suggestion.customer_id)
    return applications


@transaction.atomic
def line_match(*, by, line: StatementLine, parts: list[tuple[int, int]]):
    """Match a line by hand to one customer, or split it across several (customer id, amount in minor units)."""
    _check_match_access(by, line)
    applications = line_apply(by=by, line=line, parts=[(pk, amount, None) for pk, amount in parts])
    if len(parts) == 1:
        _teach(by=by, line=line, customer_id=parts[0][0])
    return applications


@transaction.atomic
def line_ignore(*, by, line: StatementLine) -> StatementLine:
    """Mark an incoming line as no customer's receipt (interest, a transfer between own accounts)."""
    _check_match_access(by, line)
    line = StatementLine.objects.select_for_update().get(pk=line.pk)
    if line.status != LineStatus.OPEN:
        raise BankingError(_("This statement line is already dealt with."))
    line.status = LineStatus.IGNORED
    line.matched_by, line.matched_at = by, timezone.now()
    line.save(update_fields=["status", "matched_by", "matched_at"])
    record(action="bank_line.ignore", actor=by, target=line, company_id=line.company_id, after={"status": line.status})
    return line


@transaction.atomic
def difference_decide(*, by, difference: Difference, approve: bool) -> Difference:
    """Approve or reject a short payment above the limit; no one approves a write-off they caused."""
    ensure_permission(by, APPROVE_PERMISSION)
    ensure_company_access(by, difference.company_id)
    difference = (
        Difference.objects.select_for_update()
        .select_related("application__line__account__company")
        .get(pk=difference.pk)
    )
    if difference.status != DifferenceStatus.PENDING:
        raise BankingError(_("This difference is already decided."))
    if difference.requested_by_id == getattr(by, "pk", None):
        raise BankingError(_("Someone other than the person who matched the receipt must approve its difference."))
    application = difference.application
    if approve:
        difference.status = DifferenceStatus.BOOKED
        _difference_post(by=by, difference=difference, line=application.line, customer=application.customer)
    else:
        difference.status = DifferenceStatus.REJECTED
    difference.decided_by, difference.decided_at = by, timezone.now()
    difference.save(update_fields=["status", "decided_by", "decided_at"])
    record(
        action="bank_difference.approve" if approve else "bank_difference.reject",
        actor=by,
        target=application.customer,
        company_id=difference.company_id,
        object_repr=f"{application.receipt.number}",
        after={"amount": str(from_minor(difference.amount, application.line.currency)), "kind": difference.kind},
    )
    return difference
