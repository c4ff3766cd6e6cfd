"""Cash application rules (收款认领/核销): pure functions, no ORM, no request, no "now".

Two questions per incoming bank line: which customer paid, and which of its open items the money
pays. Each piece of evidence gives a confidence and a reason in words; the answer with the best
confidence is applied automatically when it reaches the threshold, else it waits with suggestions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

# ---------------------------------------------------------------------------------------------
# Statement files
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawLine:
    """One booking as the file gives it; ``amount`` in minor units, money in positive."""

    row: int
    booked_on: dt.date
    amount: int
    payer_name: str = ""
    payer_account: str = ""
    payer_bank: str = ""
    remittance: str = ""
    bank_ref: str = ""
    balance_after: int | None = None


@dataclass(frozen=True)
class FileProblem:
    """What is wrong in a statement file: the row (0 for the whole file), the field and the reason."""

    row: int
    field: str
    message: str


@dataclass(frozen=True)
class ParsedStatement:
    lines: tuple[RawLine, ...]
    opening: int | None = None
    closing: int | None = None
    account_number: str = ""
    currency: str = ""


def line_keys(lines: Sequence[RawLine]) -> list[str]:
    """The key that makes a line imported once: the bank's serial number, else a stable hash.

    Two identical bookings on one day without a balance (two equal payments by one payer) differ
    by their occurrence in the file, so both are kept and a re-import still finds each.
    """
    seen: dict[str, int] = {}
    keys = []
    for line in lines:
        if line.bank_ref:
            keys.append("ref:" + line.bank_ref[:70])
            continue
        account = "".join(ch for ch in line.payer_account.upper() if ch.isalnum())
        text = "|".join(
            (
                line.booked_on.isoformat(),
                str(line.amount),
                account,
                normalise_text(line.payer_name),
                normalise_text(line.remittance),
                "" if line.balance_after is None else str(line.balance_after),
            )
        )
        digest = hashlib.sha256(text.encode()).hexdigest()[:40]
        seen[digest] = seen.get(digest, 0) + 1
        keys.append(f"h:{digest}:{seen[digest]}")
    return keys


def balance_problems(statement: ParsedStatement, messages) -> list[FileProblem]:
    """Whether the lines lead from the opening balance to the closing one, and where a line is missing.

    ``messages`` holds the translated wording (the domain speaks no language of its own):
    ``unbalanced(opening, lines, expected, closing)`` and ``gap(row, expected, found)``.
    """
    problems = []
    running = statement.opening
    for line in statement.lines:
        if running is not None:
            running += line.amount
            if line.balance_after is not None and line.balance_after != running:
                problems.append(FileProblem(line.row, "balance", messages.gap(line.row, running, line.balance_after)))
        if line.balance_after is not None:
            running = line.balance_after
    if statement.opening is not None and statement.closing is not None:
        total = sum(line.amount for line in statement.lines)
        if statement.opening + total != statement.closing:
            problems.append(
                FileProblem(
                    0,
                    "closing_balance",
                    messages.unbalanced(statement.opening, total, statement.opening + total, statement.closing),
                )
            )
    return problems


# ---------------------------------------------------------------------------------------------
# Names and references
# ---------------------------------------------------------------------------------------------

# Longest first, so 股份有限公司 is taken off before 有限公司.
LEGAL_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "集团公司",
    "公司",
    "companylimited",
    "corporation",
    "colimited",
    "coltd",
    "limited",
    "corp",
    "ltd",
    "inc",
    "llc",
    "co",
)
BRANCH_MARKERS = ("分公司", "分厂", "办事处", "营业部")
_BRACKETS = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]")
_NOT_WORD = re.compile(r"[^0-9a-z\u4e00-\u9fff]")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.]*[A-Za-z0-9]|\d")


def normalise_text(text: str) -> str:
    """Full-width to half-width (NFKC), lower case, spaces and punctuation removed."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text or "").lower())


def normalise_name(name: str) -> str:
    """A company name reduced to what identifies it: no brackets, branch or legal suffix.

    '上海某某贸易股份有限公司北京分公司' -> '上海某某贸易'; 'ＡＢＣ Trading Co., Ltd.' -> 'abctrading'.
    """
    text = unicodedata.normalize("NFKC", name or "").lower()
    text = _BRACKETS.sub("", text)
    text = _NOT_WORD.sub("", text)
    for marker in BRANCH_MARKERS:
        if text.endswith(marker):
            # '某某有限公司北京分公司': the company is what comes before the branch's city.
            head = text[: -len(marker)]
            cut = head.rfind("公司")
            text = head[: cut + 2] if cut > 0 else head
            break
    changed = True
    while changed:
        changed = False
        for suffix in LEGAL_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                changed = True
                break
    return text


def alike_names(payer: str, names: Sequence[str], cutoff: float = 85.0) -> dict[int, float]:
    """The positions of the names at least ``cutoff`` (0 to 100) alike the payer's, with how alike.

    Two normalised names are as alike as their ratio, or 0.95 of the best partial alignment when
    both have four characters or more (an abbreviation inside the full name counts). Worked out
    for the whole list in rapidfuzz's own loop: a name compared from Python cost more than the
    comparison itself.
    """
    if not payer:
        return {}
    found = {
        index: score
        for _name, score, index in process.extract(payer, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    }
    if len(payer) >= 4:
        # Taken at 0.95 of its figure: a window below cutoff / 0.95 cannot reach the cutoff.
        for _name, score, index in process.extract(
            payer, names, scorer=fuzz.partial_ratio, score_cutoff=cutoff / 0.95 - 0.01, limit=None
        ):
            if len(names[index]) >= 4:
                found[index] = max(found.get(index, 0.0), score * 0.95)
    return {index: score for index, score in found.items() if score >= cutoff}


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}


def reference_tokens(text: str) -> list[str]:
    """The words of a remittance text that may be document numbers, normalised (upper case, alnum)."""
    return list(_reference_tokens(text or ""))


@lru_cache(maxsize=4096)
def _reference_tokens(text: str) -> tuple[str, ...]:
    # Cached: the matcher reads a line's text for its candidates, its ranking and its receipt.
    found: list[str] = []
    for token in _TOKEN.findall(unicodedata.normalize("NFKC", text)):
        key = number_key(token)
        if len(key) >= 3 and any(ch.isdigit() for ch in key) and key not in found:
            found.append(key)
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def number_key(number: str) -> str:
    return "".join(ch for ch in number.upper() if ch.isalnum())


@lru_cache(maxsize=1 << 16)
def number_tail(number: str) -> str:
    """The last group of digits without leading zeros: 'INV-SH01-2024-0000312' -> '312'."""
    match = re.search(r"(\d+)\D*$", number)
    return match.group(1).lstrip("0") if match else ""


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why the matcher thinks so: a stable code and the values the words need (see banking.labels)."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict:
        return {"code": self.code, **dict(self.params)}


@lru_cache(maxsize=1 << 14)
def reason(code: str, **params) -> Reason:
    # Cached: a Reason is immutable, and the matcher gives the same few to most of its candidates.
    return Reason(code, tuple((k, str(v)) for k, v in params.items()))


@dataclass(frozen=True)
class OpenItem:
    """An open due line of a customer, as the matcher reads it (amounts in minor units)."""

    line_id: int
    customer_id: int
    number: str
    issue_on: dt.date
    due_on: dt.date
    open_amount: int
    discount_amount: int = 0
    discount_until: dt.date | None = None


@dataclass(frozen=True)
class Rules:
    """The matcher's settings: when to post without asking, and which differences it may settle."""

    auto_threshold: Decimal = Decimal("0.90")
    short_tolerance: int = 10000  # minor units: 100.00 written off as a small difference at most
    short_without_approval: int = 1000  # up to 10.00 booked at once; more waits for a manager
    bank_charges: tuple[int, ...] = (500, 1000, 1500, 2000, 2500, 3000, 5000, 10000)
    max_subset_items: int = 24
    max_subset_size: int = 4
    # Money that no text and no amount ties to items (a part payment of several items naming none,
    # the rest after the invoices a text names): the matcher leaves it on account rather than guess
    # which invoices it pays; a person matching by hand gets the oldest items.
    unsure_items_on_account: bool = True


@dataclass(frozen=True)
class Plan:
    """How one receipt pays a customer's items: allocations, differences, what stays on account."""

    allocations: tuple[tuple[int, int], ...] = ()
    differences: tuple[tuple[str, int, tuple[int, ...]], ...] = ()
    unapplied: int = 0


@dataclass(frozen=True)
class Suggestion:
    customer_id: int
    confidence: Decimal
    reasons: tuple[Reason, ...]
    plan: Plan

    def as_dict(self) -> dict:
        return {
            "customer_id": self.customer_id,
            "confidence": str(self.confidence),
            "reasons": [r.as_dict() for r in self.reasons],
            "allocations": [list(a) for a in self.plan.allocations],
            "differences": [[kind, amount, list(lines)] for kind, amount, lines in self.plan.differences],
            "unapplied": self.plan.unapplied,
        }


def suggestion_from_dict(data: dict) -> Suggestion:
    return Suggestion(
        customer_id=int(data["customer_id"]),
        confidence=Decimal(data["confidence"]),
        reasons=tuple(
            Reason(r["code"], tuple((k, v) for k, v in r.items() if k != "code")) for r in data.get("reasons", [])
        ),
        plan=Plan(
            allocations=tuple((int(a), int(b)) for a, b in data.get("allocations", [])),
            differences=tuple((k, int(a), tuple(int(x) for x in ids)) for k, a, ids in data.get("differences", [])),
            unapplied=int(data.get("unapplied", 0)),
        ),
    )


def combine(evidence: Iterable[float]) -> float:
    """Independent pieces of evidence for one customer: 1 - the product of their doubts."""
    doubt = 1.0
    for value in evidence:
        doubt *= 1.0 - value
    return 1.0 - doubt


def referenced_items(tokens: Sequence[str], items: Sequence[OpenItem]) -> tuple[list[OpenItem], list[Reason]]:
    """The customer's items named in the remittance text: whole, by their last digits, or mistyped once."""
    found: list[OpenItem] = []
    reasons: list[Reason] = []
    for token in tokens:
        exact = [i for i in items if number_key(i.number) == token]
        if exact:
            match, code = exact, "ref_exact"
        else:
            tail = token.lstrip("0") if token.isdigit() else ""
            match = [i for i in items if tail and len(tail) >= 3 and number_tail(i.number) == tail]
            code = "ref_partial"
            if not match and len(token) >= 8:
                match = [i for i in items if OSA.distance(number_key(i.number), token, score_cutoff=1) <= 1]
                code = "ref_mistyped"
            if len(match) > 1:
                continue  # 312 may be in two years' numbers: a partial number naming two items names none
        for item in match:
            if item not in found:
                found.append(item)
                reasons.append(reason(code, number=item.number))
    return found, reasons


def _discount(items: Sequence[OpenItem], on: dt.date) -> int:
    return sum(
        i.discount_amount
        for i in items
        if i.discount_amount and i.discount_until is not None and on <= i.discount_until
        # A discount is taken only on an item still open in full (the first payment takes it).
    )


def _settle(items: Sequence[OpenItem]) -> tuple[tuple[int, int], ...]:
    return tuple((i.line_id, i.open_amount) for i in items)


def _difference_plan(
    amount: int, items: Sequence[OpenItem], on: dt.date, remittance: str, rules: Rules
) -> tuple[Plan, Reason] | None:
    """A receipt a little short of the items: an early-payment discount, a bank charge or a small difference."""
    total = sum(i.open_amount for i in items)
    short = total - amount
    if short <= 0 or amount <= 0:
        return None
    ids = tuple(i.line_id for i in items)
    allocations = _oldest_first(amount, items)
    discount = _discount(items, on)
    if discount and abs(short - discount) <= len(items):
        return Plan(allocations, (("discount", short, ids),)), reason("discount", amount=short)
    if short * 20 > total:
        return None  # more than 5 % short is a part payment, whatever its amount
    mentions_charge = any(word in remittance.lower() for word in ("手续费", "charge", "fee"))
    if short in rules.bank_charges or (mentions_charge and short <= max(rules.bank_charges)):
        return Plan(allocations, (("bank_charge", short, ids),)), reason("bank_charge", amount=short)
    if short <= rules.short_tolerance:
        return Plan(allocations, (("short", short, ids),)), reason("short_payment", amount=short)
    return None


def _oldest_first(amount: int, items: Sequence[OpenItem]) -> tuple[tuple[int, int], ...]:
    plan, left = [], amount
    for item in items:
        if left <= 0:
            break
        share = min(left, item.open_amount)
        plan.append((item.line_id, share))
        left -= share
    return tuple(plan)


def _subset(amount: int, items: Sequence[OpenItem], rules: Rules) -> list[OpenItem] | None:
    """A set of two to four of the oldest open items that adds up to the amount exactly (smallest sets first).

    Sums of pairs are indexed once, so three and four items are found by looking up the rest:
    quadratic in the items, where trying every combination of four would be quartic.
    """
    pool = list(items[: rules.max_subset_items])
    pairs: dict[int, list[tuple[int, int]]] = {}
    for i in range(len(pool)):
        for j in range(i + 1, len(pool)):
            found = pairs.setdefault(pool[i].open_amount + pool[j].open_amount, [])
            if len(found) < 4:
                found.append((i, j))
    if amount in pairs:
        return [pool[k] for k in pairs[amount][0]]
    if rules.max_subset_size >= 3:
        for k, item in enumerate(pool):
            for i, j in pairs.get(amount - item.open_amount, ()):
                if k not in (i, j):
                    return [pool[n] for n in sorted((i, j, k))]
    if rules.max_subset_size >= 4:
        for total, first in pairs.items():
            for i, j in first:
                for m, n in pairs.get(amount - total, ()):
                    if len({i, j, m, n}) == 4:
                        return [pool[x] for x in sorted((i, j, m, n))]
    return None


def fit_items(
    amount: int, items: Sequence[OpenItem], referenced: Sequence[OpenItem], on: dt.date, remittance: str, rules: Rules
) -> tuple[float, Plan, list[Reason]]:
    """How well an amount pays a customer's open items (oldest first), and the plan that does it.

    The first rule that fits wins: the items the text names; one item of that amount; the oldest
    items adding up to it; any few items adding up to it; the same net of a discount, a bank charge
    or a small difference; more than is open pays everything and leaves the rest on account as the
    customer's credit; a part payment of a single item pays it, of several stays on account, as does
    what is paid beyond the named invoices (``Rules.unsure_items_on_account``), for a person to allocate.
    """
    items = sorted(items, key=lambda i: (i.due_on, i.issue_on, i.line_id))
    total_open = sum(i.open_amount for i in items)
    if referenced:
        named = sorted(referenced, key=lambda i: (i.due_on, i.issue_on, i.line_id))
        named_total = sum(i.open_amount for i in named)
        if amount == named_total:
            return 1.0, Plan(_settle(named)), [reason("amount_named", count=len(named))]
        fitted = _difference_plan(amount, named, on, remittance, rules)
        if fitted:
            return 0.97, fitted[0], [fitted[1]]
        if amount > named_total:
            others = [i for i in items if i not in named]
            rest = amount - named_total
            extra = () if rules.unsure_items_on_account else _oldest_first(rest, others)
            left = rest - sum(a for _, a in extra)
            plan = Plan(_settle(named) + extra, unapplied=left)
            return 0.92, plan, [reason("over_payment", amount=left)] if left else [reason("named_then_oldest")]
        return 0.92, Plan(_oldest_first(amount, named)), [reason("partial_payment", amount=named_total - amount)]
    if not items:
        return 0.7, Plan(unapplied=amount), [reason("nothing_open")]
    single = [i for i in items if i.open_amount == amount]
    if single:
        return 1.0, Plan(_settle(single[:1])), [reason("amount_one_item", number=single[0].number)]
    running = 0
    for count, item in enumerate(items, start=1):
        running += item.open_amount
        if running == amount:
            return 1.0, Plan(_settle(items[:count])), [reason("amount_oldest", count=count)]
        if running > amount:
            break
    subset = _subset(amount, items, rules)
    if subset:
        return 0.95, Plan(_settle(subset)), [reason("amount_subset", count=len(subset))]
    for candidate in [items[:1], *(items[:n] for n in range(2, min(len(items), 6) + 1))]:
        fitted = _difference_plan(amount, candidate, on, remittance, rules)
        if fitted:
            return 0.95, fitted[0], [fitted[1]]
    if amount > total_open:
        return (
            0.75,
            Plan(_settle(items), unapplied=amount - total_open),
            [reason("over_payment", amount=amount - total_open)],
        )
    if rules.unsure_items_on_account and len(items) > 1:
        # The customer is sure, the invoices are not: a younger invoice is paid as often as the oldest.
        return 0.91, Plan(unapplied=amount), [reason("partial_on_account")]
    return 0.91, Plan(_oldest_first(amount, items)), [reason("partial_oldest")]


def share_of_item(amount: int, items: Sequence[OpenItem]) -> tuple[OpenItem, int] | None:
    """The open item of which the amount is a whole percent (1 to 99 %), and the percent.

    A part payment is usually a share agreed with the customer (首付 30 %, half now): among
    customers of one name, the one with an item that the amount is a round share of is the likelier
    payer. The percent is taken rounded down or to the nearest minor unit.
    """
    for item in items:
        if 0 < amount < item.open_amount:
            low = amount * 100 // item.open_amount
            for percent in (low, low + 1):
                if 0 < percent < 100 and amount in (
                    item.open_amount * percent // 100,
                    (item.open_amount * percent + 50) // 100,
                ):
                    return item, percent
    return None


# A round sum paid beyond an item (an advance, a deposit): a whole thousand in a currency with cents.
ROUND_SUM = 100_000


def item_and_round_sum(amount: int, items: Sequence[OpenItem]) -> tuple[OpenItem, int] | None:
    """The open item the amount pays with a round sum more (left on account), and that sum."""
    for item in items:
        rest = amount - item.open_amount
        if rest > 0 and rest % ROUND_SUM == 0:
            return item, rest
    return None


@dataclass
class Evidence:
    """What points to one customer for one line."""

    values: list[float] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    def add(self, value: float, why: Reason) -> None:
        self.values.append(value)
        self.reasons.append(why)


ACCOUNT = 0.97
NAME_EXACT = 0.9
REF_EXACT = 0.9
REF_LOOSE = 0.8
AMOUNT_FIT = 0.65
AMBIGUOUS = 0.85
# For a person only (``rank(review=True)``): evidence that tells apart customers the matcher could
# not decide between, never used to post without asking.
SHARE_OF_ITEM = 0.6
GROUP_PARENT = 0.8
# Evidence that names one customer whatever its name: its known account; an invoice of it named in
# full, when the amount pays the named invoices (exactly or short of a difference) or the payer's
# name is the customer's too (a mistyped number may be another customer's invoice: it takes both).
DECISIVE_FIT = 0.95
POINTING = frozenset({"account", "ref_exact", "ref_partial", "ref_mistyped"})


def is_decisive(reasons: Sequence[Reason], fit: float) -> bool:
    """Whether a customer is named by evidence that no other customer's name can share."""
    codes = {r.code for r in reasons}
    if "account" in codes:
        return True
    return "ref_exact" in codes and (fit >= DECISIVE_FIT or bool(codes & {"name_exact", "name_alike"}))


def is_pointed_at(reasons: Iterable[Reason]) -> bool:
    """Whether anything beyond the name and the amount points to a customer: an account, an invoice number."""
    return any(r.code in POINTING for r in reasons)


def fuzzy_name_evidence(similarity: float) -> float:
    """A name 85 % alike is weak evidence (0.5); an identical one is strong (0.85)."""
    return 0.5 + (min(similarity, 100.0) - 85.0) / 15.0 * 0.35 if similarity >= 85 else 0.0


def rank(
    *,
    amount: int,
    on: dt.date,
    remittance: str,
    evidence: dict[int, Evidence],
    items_of: dict[int, list[OpenItem]],
    rules: Rules,
    top: int = 3,
    review: bool = False,
) -> list[Suggestion]:
    """The best customers for a line, each with its plan and confidence, best first.

    Confidence = the customer's combined evidence × how well the amount fits its items. When a
    second customer fits almost as well, the first is marked ambiguous and loses confidence, so
    that it waits for a person: a wrong customer is far worse than a queued line. Unless the first
    is named decisively (``is_decisive``: its account, or an invoice of it in full) while the others
    have only their names and amounts: among many customers some name is always alike, and an alike
    name says nothing against an account or an invoice number. The first must still reach the
    threshold on its own.

    ``review`` ranks a line that waits for a person: a part payment that is a round share of one of
    a customer's items (``share_of_item``), or an item paid with a round sum more
    (``item_and_round_sum``), counts for that customer and pays that item.
    """
    tokens = reference_tokens(remittance)
    scored = []
    for customer_id, found in evidence.items():
        items = items_of.get(customer_id, [])
        named, ref_reasons = referenced_items(tokens, items) if tokens else ([], [])
        # An invoice the selectors found named in full counts only while it is open for this line
        # (issued by its date, not paid by an earlier line), and once: its reason takes the number
        # as written.
        open_numbers = {number_key(dict(r.params)["number"]) for r in ref_reasons if r.code == "ref_exact"}
        if any(why.code == "ref_exact" for why in found.reasons):
            kept = [
                (value, why)
                for value, why in zip(found.values, found.reasons, strict=True)
                if why.code != "ref_exact" or dict(why.params).get("number") in open_numbers
            ]
            values, reasons = [v for v, _ in kept], [r for _, r in kept]
        else:
            values, reasons = list(found.values), list(found.reasons)
        known_refs = (
            {
                (r.code, number_key(dict(r.params).get("number", ""))): n
                for n, r in enumerate(reasons)
                if r.code.startswith("ref_")
            }
            if ref_reasons
            else {}
        )
        for why in ref_reasons:
            known = known_refs.get((why.code, number_key(dict(why.params)["number"])))
            if known is not None:
                reasons[known] = why
                continue
            values.append(REF_EXACT if why.code == "ref_exact" else REF_LOOSE)
            reasons.append(why)
        fit, plan, fit_reasons = fit_items(amount, items, named, on, remittance, rules)
        if fit >= 0.95 and not named:
            values.append(AMOUNT_FIT)
        elif review and not named and fit < 0.95:
            oldest = sorted(items, key=lambda i: (i.due_on, i.issue_on, i.line_id))
            share = share_of_item(amount, oldest)
            beyond = None if share else item_and_round_sum(amount, oldest)
            if share:
                item, percent = share
                values.append(SHARE_OF_ITEM)
                plan = Plan(((item.line_id, amount),))
                fit_reasons = [reason("amount_share", percent=percent, number=item.number)]
            elif beyond:
                item, rest = beyond
                values.append(SHARE_OF_ITEM)
                plan = Plan(((item.line_id, item.open_amount),), unapplied=rest)
                fit_reasons = [reason("item_and_round_sum", number=item.number, amount=rest)]
                fit = max(fit, 0.91)  # as sure of the items as a part payment, not as an over-payment
        confidence = combine(values) * fit
        scored.append((confidence, customer_id, tuple(reasons + fit_reasons), plan, fit))
    scored.sort(key=lambda s: (-s[0], s[1]))
    unchallenged = (
        len(scored) > 1
        and is_decisive(scored[0][2], scored[0][4])
        and not any(is_pointed_at(other[2]) for other in scored[1:])
    )
    if len(scored) > 1 and scored[1][0] >= scored[0][0] * AMBIGUOUS and not unchallenged:
        first = scored[0]
        scored[0] = (first[0] * AMBIGUOUS, first[1], (*first[2], reason("ambiguous")), first[3], first[4])
    return [
        Suggestion(customer_id, Decimal(str(round(conf, 3))), reasons, plan)
        for conf, customer_id, reasons, plan, _fit in scored[:top]
    ]


def is_automatic(suggestions: Sequence[Suggestion], rules: Rules) -> bool:
    return bool(suggestions) and suggestions[0].confidence >= rules.auto_threshold
