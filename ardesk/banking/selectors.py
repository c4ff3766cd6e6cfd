"""Reading cash application: the candidates for many bank lines at once, the cash desk, summaries, journal."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum

from ardesk.banking import domain
from ardesk.banking.models import (
    AliasKind,
    Application,
    BankAccount,
    BankStatement,
    Difference,
    DifferenceStatus,
    LineStatus,
    PayerAlias,
    StatementLine,
)
from ardesk.customers.models import Customer
from ardesk.ledger import selectors as ledger_selectors

# Words of a remittance text that say what the money is for, not who sends it.
REMITTANCE_WORDS = re.compile(r"货款|代付|付款|支付|汇款|转账|预付款|尾款|发票|款项|手续费|\d+")
# "代上海某某贸易付" / "代上海某某贸易支付货款": a person or another company paying on a customer's behalf.
ON_BEHALF = re.compile(r"代(.{2,60}?)(?:支付|付款|汇款|转账|付)")
# A payer name's rarest pairs of characters that pick the customers taken for a closer look.
RARE_BIGRAMS = 4
# A rare pair shared by no more customers than this is enough on its own to be looked at.
NAME_CANDIDATES = 200
# The names alike a payer's that the matcher compares; a person is shown more (namesakes of
# the mistyped name's owner are as alike as it, and only the amount tells them apart).
ALIKE_NAMES = 5
ALIKE_NAMES_SHOWN = 15


def accounts_for(company_ids) -> QuerySet[BankAccount]:
    return BankAccount.objects.filter(company_id__in=company_ids).select_related("company")


def lines_for(*, company_ids, status: str | None = None, account_id: int | None = None, on: dt.date | None = None):
    lines = StatementLine.objects.filter(company_id__in=company_ids).select_related("account")
    if status:
        lines = lines.filter(status=status)
    if account_id:
        lines = lines.filter(account_id=account_id)
    if on:
        lines = lines.filter(booked_on=on)
    return lines.order_by("-booked_on", "id")


@dataclass
class Candidates:
    """Everything the matcher needs about one company's customers, loaded once for many lines."""

    by_account: dict[str, set[int]]
    by_name: dict[str, set[int]]
    names: dict[int, str]
    by_bigram: dict[str, set[int]]
    by_number: dict[str, set[int]]
    # A group parent's subsidiaries (its customers' ids), for a parent paying for one of them.
    subsidiaries: dict[int, list[int]] = field(default_factory=dict)
    # The customers two common pairs of characters share (a city's and a trade's, say), when few
    # enough to look at, else None: worked out once for every line that has both, not per line.
    shared_by_both: dict[tuple[str, str], set[int] | None] = field(default_factory=dict)

    def name_matches(
        self, payer: str, *, alike_too: bool = False, alike: int = ALIKE_NAMES
    ) -> list[tuple[int, float, bool]]:
        """Customers whose name (or a learned alias) is the payer's: exactly, or alike (with similarity).

        Alike names are looked at when no name is the payer's exactly, or with ``alike_too`` also
        beside the exact ones (a name mistyped by one character is often another customer's name);
        the ``alike`` most alike are taken.
        """
        key = domain.normalise_name(payer)
        if len(key) < 2:
            return []
        exact = self.by_name.get(key) or set()
        found = [(pk, 100.0, True) for pk in exact]
        if exact and not alike_too:
            return found
        # The customers with a pair of characters few share, or two of the payer's rarest pairs
        # that few share together. With 100,000 customers a city's or a trade's pair is in
        # thousands of names: taking the first few hundred of those lost the right one whenever its
        # number came later, and taking them all costs a comparison with thousands of names.
        rare = sorted(
            ((g, self.by_bigram[g]) for g in domain.bigrams(key) if g in self.by_bigram), key=lambda r: len(r[1])
        )
        rare = rare[:RARE_BIGRAMS]
        pool: set[int] = set()
        for n, (first_gram, first) in enumerate(rare):
            if len(first) <= NAME_CANDIDATES:
                pool |= first
            for second_gram, second in rare[n + 1 :]:
                both = self._shared_by_both(first_gram, first, second_gram, second)
                if both is not None:
                    pool |= both
        # The pool as it is when no name is exact: among names as alike, the matcher's five stay the ones it took.
        ids = list(pool - exact) if exact else list(pool)
        similar = domain.alike_names(key, [self.names[pk] for pk in ids])
        scored = [(pk, similar[n], False) for n, pk in enumerate(ids) if n in similar]
        scored.sort(key=lambda s: -s[1])
        return found + scored[:alike]

    def _shared_by_both(self, first_gram: str, first: set[int], second_gram: str, second: set[int]) -> set[int] | None:
        """The customers whose names have both pairs, if no more than ``NAME_CANDIDATES``, else None."""
        if len(first) <= NAME_CANDIDATES:  # cheap: as many lookups as the rarer pair has names
            both = first & second
            return both if len(both) <= NAME_CANDIDATES else None
        pair = (first_gram, second_gram)
        if pair not in self.shared_by_both:
            both = first & second
            self.shared_by_both[pair] = both if len(both) <= NAME_CANDIDATES else None
        return self.shared_by_both[pair]


def candidates(*, company_id: int, lines: Sequence[StatementLine]) -> Candidates:
    """Customers' names, aliases and accounts, and the numbers of open items the lines name, in a few queries."""
    indexes = {line.payer_account_index for line in lines if line.payer_account_index}
    by_account: dict[str, set[int]] = defaultdict(set)
    for index, pk in Customer.objects.filter(company_id=company_id, bank_account_index__any_of=indexes).values_list(
        "bank_account_index", "pk"
    ):
        by_account[index].add(pk)
    by_name: dict[str, set[int]] = defaultdict(set)
    names: dict[int, str] = {}
    by_bigram: dict[str, set[int]] = defaultdict(set)
    subsidiaries: dict[int, list[int]] = defaultdict(list)
    customers = Customer.objects.filter(company_id=company_id).values_list("pk", "name", "parent_id")
    for pk, name, parent_id in customers.iterator(chunk_size=5000):
        key = domain.normalise_name(name)
        names[pk] = key
        by_name[key].add(pk)
        for gram in domain.bigrams(key):
            by_bigram[gram].add(pk)
        if parent_id:
            subsidiaries[parent_id].append(pk)
    for kind, key, pk in PayerAlias.objects.filter(company_id=company_id).values_list("kind", "key", "customer_id"):
        if kind == AliasKind.ACCOUNT:
            if key in indexes:
                by_account[key].add(pk)
        else:
            by_name[key].add(pk)
    raw = {token for line in lines for token in re.findall(r"[A-Za-z0-9][A-Za-z0-9\-_/]{4,}", line.remittance or "")}
    by_number: dict[str, set[int]] = defaultdict(set)
    numbers = sorted(raw)
    for start in range(0, len(numbers), 5000):
        chunk = numbers[start : start + 5000]
        for item in ledger_selectors.open_lines_of_documents(company_id=company_id, numbers=chunk):
            by_number[domain.number_key(item["document__number"])].add(item["customer_id"])
    return Candidates(by_account, by_name, names, by_bigram, by_number, dict(subsidiaries))


def evidence_for(line: StatementLine, found: Candidates) -> dict[int, domain.Evidence]:
    """Which customers this line points to, and why (before looking at their items)."""
    evidence: dict[int, domain.Evidence] = defaultdict(domain.Evidence)
    for pk in found.by_account.get(line.payer_account_index, ()) if line.payer_account_index else ():
        evidence[pk].add(domain.ACCOUNT, domain.reason("account"))
    matches = found.name_matches(line.payer_name)
    if not matches and line.remittance:
        # A person or another company paying for the customer often writes the customer's name:
        # "代<name>付" names it as a payer's name would; else the text less its usual words.
        behalf = ON_BEHALF.search(line.remittance)
        matches = found.name_matches(behalf.group(1)) if behalf else []
        if not any(exact for _pk, _s, exact in matches):
            text = REMITTANCE_WORDS.sub("", line.remittance)
            matches = [(pk, s, e) for pk, s, e in found.name_matches(text) if s >= 90]
    for pk, similarity, exact in matches:
        if exact:
            evidence[pk].add(domain.NAME_EXACT, domain.reason("name_exact"))
        else:
            evidence[pk].add(
                domain.fuzzy_name_evidence(similarity), domain.reason("name_alike", score=round(similarity))
            )
    for token in domain.reference_tokens(line.remittance):
        for pk in found.by_number.get(token, ()):
            evidence[pk].add(domain.REF_EXACT, domain.reason("ref_exact", number=token))
    return dict(evidence)


def review_evidence_for(
    line: StatementLine, found: Candidates, evidence: dict[int, domain.Evidence]
) -> dict[int, domain.Evidence]:
    """The customers a person is shown for a line the matcher could not decide: more than it decided among.

    Beside the payer's exact namesakes, the names alike it (one character missing makes another
    customer's name); beside a group parent named by its account or name, its subsidiaries (a parent
    paying for one of them).
    """
    more = {pk: domain.Evidence(list(e.values), list(e.reasons)) for pk, e in evidence.items()}
    if any(r.code in ("name_exact", "name_alike") for e in evidence.values() for r in e.reasons):
        for pk, similarity, exact in found.name_matches(line.payer_name, alike_too=True, alike=ALIKE_NAMES_SHOWN):
            if not exact and pk not in more:
                more[pk] = domain.Evidence()
                more[pk].add(
                    domain.fuzzy_name_evidence(similarity), domain.reason("name_alike", score=round(similarity))
                )
    for pk, found_for in evidence.items():
        if not {r.code for r in found_for.reasons} & {"account", "name_exact"}:
            continue
        for subsidiary in found.subsidiaries.get(pk, ()):
            if subsidiary not in more:
                more[subsidiary] = domain.Evidence()
                more[subsidiary].add(domain.GROUP_PARENT, domain.reason("group_parent"))
    return more


def items_by_customer(*, company_id: int, customer_ids, currency: str) -> dict[int, list[domain.OpenItem]]:
    items: dict[int, list[domain.OpenItem]] = defaultdict(list)
    for row in ledger_selectors.open_items_of_customers(
        company_id=company_id, customer_ids=customer_ids, currency=currency
    ):
        number = row["document__number"] if row["seq"] == 1 else f"{row['document__number']}/{row['seq']}"
        items[row["customer_id"]].append(
            domain.OpenItem(
                line_id=row["pk"],
                customer_id=row["customer_id"],
                number=number,
                issue_on=row["issue_on"],
                due_on=row["due_on"],
                open_amount=row["open_now"],
                # The document's discount belongs to its first instalment only.
                discount_amount=(row["document__discount_amount"] or 0) if row["seq"] == 1 else 0,
                discount_until=row["document__discount_until"] if row["seq"] == 1 else None,
            )
        )
    return items


def statement_reconciliation(statement: BankStatement) -> dict:
    """The statement's balances against its lines: opening + lines = closing, and the difference."""
    total = statement.lines.aggregate(total=Sum("amount"))["total"] or 0
    computed = None if statement.opening_balance is None else statement.opening_balance + total
    return {
        "lines_total": total,
        "computed_closing": computed,
        "difference": None
        if computed is None or statement.closing_balance is None
        else statement.closing_balance - computed,
    }


def daily_summary(*, company_ids, since: dt.date | None = None, limit: int | None = None) -> list[dict]:
    """Per day: incoming lines matched automatically, by hand, and still open (counts and amounts).

    With ``limit``, the latest ``limit`` rows (a day and a currency each): only the days they can
    be on are grouped, found first from the lines' index, not months of statements.
    """
    lines = StatementLine.objects.filter(company_id__in=company_ids, amount__gt=0)
    if since:
        lines = lines.filter(booked_on__gte=since)
    if limit:
        days = list(lines.order_by("-booked_on").values_list("booked_on", flat=True).distinct()[:limit])
        if not days:
            return []
        lines = lines.filter(booked_on__gte=days[-1])
    rows = (
        lines.values("booked_on", "currency")
        .annotate(
            auto=Count("pk", filter=Q(status=LineStatus.AUTO)),
            auto_amount=Sum("amount", filter=Q(status=LineStatus.AUTO)),
            manual=Count("pk", filter=Q(status=LineStatus.MANUAL)),
            manual_amount=Sum("amount", filter=Q(status=LineStatus.MANUAL)),
            open=Count("pk", filter=Q(status=LineStatus.OPEN)),
            open_amount=Sum("amount", filter=Q(status=LineStatus.OPEN)),
        )
        .order_by("-booked_on", "currency")
    )
    return list(rows[:limit] if limit else rows)


def pending_differences(company_ids) -> QuerySet[Difference]:
    return (
        Difference.objects.filter(company_id__in=company_ids, status=DifferenceStatus.PENDING)
        .select_related("application__customer", "application__line", "requested_by")
        .order_by("id")
    )


def applications_for(*, company_ids, date_from: dt.date | None = None, date_to: dt.date | None = None):
    applications = Application.objects.filter(company_id__in=company_ids)
    if date_from:
        applications = applications.filter(line__booked_on__gte=date_from)
    if date_to:
        applications = applications.filter(line__booked_on__lte=date_to)
    return (
        applications.select_related("line__account", "customer", "receipt", "company")
        .prefetch_related("differences__credit_note")
        .order_by("line__booked_on", "id")
    )
