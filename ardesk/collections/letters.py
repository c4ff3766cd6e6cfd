"""Notices as text and PDF letters, from a level's template in the recipient's language.

Templates use Django's template language with these merge fields only: ``customer`` (code, name,
address), ``contact`` (name, email), ``company`` (name, address, bank_details), ``items`` (the
table of items), ``total`` (the totals per currency), ``date`` and ``level`` (the level's name),
and for a level with charges ``fee``, ``interest`` and ``total_due`` (open amount + fee + interest).
A notice with charges states them after the text when its template does not place them itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.template import Context, Engine, Template
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from ardesk.collections.models import DunningLevel, Notice
from ardesk.core import exports, pdf_flow
from ardesk.core.money import from_minor
from ardesk.core.pdf_flow import Cell
from ardesk.customers.models import Contact
from ardesk.ledger.statements import format_amount

ITEMS_MARK = "\x00items\x00"

_engine = Engine(autoescape=False, libraries={}, builtins=["django.template.defaultfilters"])


@functools.lru_cache(maxsize=256)
def _template(source: str) -> Template:
    """A level's subject or text compiled once per process: a delivery renders it for every notice of the level."""
    return _engine.from_string(source)


@dataclass(frozen=True)
class LetterItem:
    number: str
    issue_on: dt.date
    due_on: dt.date
    days_overdue: int
    currency: str
    open_amount: int


def language_of(contact: Contact | None) -> str:
    """The notice's language: the contact's preferred one, Chinese when there is no contact."""
    language = getattr(contact, "preferred_language", "") or "zh-hans"
    return "en" if language.startswith("en") else "zh-hans"


def _lateness(item: LetterItem) -> str:
    if item.days_overdue > 0:
        return _("%(days)d days overdue") % {"days": item.days_overdue}
    return _("not yet due")


def _items_text(items: Sequence[LetterItem]) -> str:
    rows = []
    for item in items:
        amount = format_amount(from_minor(item.open_amount, item.currency), item.currency)
        dates = f"{item.issue_on:%Y-%m-%d}  {item.due_on:%Y-%m-%d}"
        rows.append(f"{item.number}  {dates}  {_lateness(item)}  {amount} {item.currency}")
    return "\n".join(rows)


def totals(items: Sequence[LetterItem]) -> dict[str, int]:
    result: dict[str, int] = {}
    for item in items:
        result[item.currency] = result.get(item.currency, 0) + item.open_amount
    return result


def _totals_text(items: Sequence[LetterItem]) -> str:
    return "; ".join(
        f"{format_amount(from_minor(amount, currency), currency)} {currency}"
        for currency, amount in sorted(totals(items).items())
    )


def _money(amount: int, currency: str) -> str:
    return f"{format_amount(from_minor(amount, currency), currency)} {currency}"


def charges_lines(*, level: DunningLevel, notice: Notice) -> list[str]:
    """The notice's charges in words: the fee, the interest with its rate and day count, the total due."""
    if not notice.charges_total:
        return []
    lines = []
    if notice.fee:
        lines.append(_("Dunning fee: %(amount)s") % {"amount": _money(notice.fee, notice.currency)})
    if notice.interest:
        lines.append(
            _("Late-payment interest at %(rate)s %% a year, days overdue ÷ %(basis)d: %(amount)s")
            % {
                "rate": f"{level.interest_rate.normalize():f}",
                "basis": level.policy.interest_basis,
                "amount": _money(notice.interest, notice.currency),
            }
        )
    lines.append(
        _("Total due (open amount %(open)s + charges): %(total)s")
        % {"open": _money(notice.total_functional, notice.currency), "total": _money(notice.total_due, notice.currency)}
    )
    return lines


def render_text(
    *,
    level: DunningLevel,
    notice: Notice,
    contact: Contact | None,
    items: Sequence[LetterItem],
    language: str,
    items_text: str | None = None,
) -> tuple[str, str]:
    """The notice's subject and text in a language, from the level's template and the merge fields."""
    english = language == "en"
    subject = (level.subject_en if english else level.subject_zh) or level.subject_en or level.subject_zh
    body = (level.body_en if english else level.body_zh) or level.body_en or level.body_zh
    with translation.override(language):
        context = Context(  # plain text (the e-mail, the letter): nothing is HTML-escaped here
            {
                "customer": {
                    "code": notice.customer.code,
                    "name": notice.customer.name,
                    "address": notice.customer.address,
                },
                "contact": {
                    "name": contact.name if contact else (_("Sir or Madam") if english else notice.customer.name),
                    "email": contact.email if contact else "",
                },
                "company": {
                    "name": notice.company.name,
                    "address": notice.company.address,
                    "bank_details": notice.company.payment_details,
                },
                "items": _items_text(items) if items_text is None else items_text,
                "total": _totals_text(items),
                "date": notice.notice_on.isoformat(),
                "level": level.name if english else (level.name_zh or level.name),
                "fee": _money(notice.fee, notice.currency),
                "interest": _money(notice.interest, notice.currency),
                "total_due": _money(notice.total_due, notice.currency),
            },
            autoescape=False,
        )
        text = _template(body).render(context).strip()
        charges = charges_lines(level=level, notice=notice)
        if charges and "total_due" not in body:
            text += "\n\n" + "\n".join(charges)
        return _template(subject).render(context).strip(), text


_TAG = re.compile(r"{{.*?}}|{%.*?%}", re.DOTALL)
_ITEMS_WORD = re.compile(r"\bitems\b")
_ITEMS_PLAIN = re.compile(r"{{\s*items\s*}}")


@functools.lru_cache(maxsize=256)
def _items_placed_plainly(*sources: str) -> bool:
    """True when the templates name ``items`` only as a plain ``{{ items }}`` (no filter, tag or condition):
    then the text with the table's mark, the mark replaced by the table's text, is the text itself."""
    return all(
        _ITEMS_PLAIN.fullmatch(tag) for source in sources for tag in _TAG.findall(source) if _ITEMS_WORD.search(tag)
    )


def render_texts(
    *, level: DunningLevel, notice: Notice, contact: Contact | None, items: Sequence[LetterItem], language: str
) -> tuple[str, str, tuple[str, str]]:
    """The notice's subject and text (the e-mail's), and both with the items' mark (the letter's, which draws
    the items as a table): one rendering of the templates when they place the items plainly."""
    marked = render_text(
        level=level, notice=notice, contact=contact, items=items, language=language, items_text=ITEMS_MARK
    )
    english = language == "en"
    sources = (
        (level.subject_en if english else level.subject_zh) or level.subject_en or level.subject_zh,
        (level.body_en if english else level.body_zh) or level.body_en or level.body_zh,
    )
    with translation.override(language):
        table = _items_text(items)
    # An empty table, or one with spaces at its ends, could change what the text's strip() removes.
    if not (_items_placed_plainly(*sources) and table and table == table.strip()):
        subject, body = render_text(level=level, notice=notice, contact=contact, items=items, language=language)
        return subject, body, marked
    return marked[0].replace(ITEMS_MARK, table), marked[1].replace(ITEMS_MARK, table), marked


# --- PDF --------------------------------------------------------------------------------------


def notice_pdf(
    *,
    level: DunningLevel,
    notice: Notice,
    contact: Contact | None,
    items: Sequence[LetterItem],
    language: str,
    marked: tuple[str, str] | None = None,
) -> bytes:
    """The notice as an A4 letter in a language: letterhead, addressee, text, the items table, totals.

    Drawn on the canvas (``core.pdf_flow``), not with platypus: a run prints a letter per customer.
    ``marked``: the subject and the text with the items' mark, when the caller has rendered them
    (``render_texts``).
    """
    exports.register_cjk_font()
    subject, body = marked or render_text(
        level=level, notice=notice, contact=contact, items=items, language=language, items_text=ITEMS_MARK
    )
    page = pdf_flow.PageFlow(
        pagesize=A4, margins=(20 * mm, 20 * mm, 18 * mm, 18 * mm), title=subject, author=notice.company.name
    )
    with translation.override(language):
        page.paragraph(notice.company.name, size=13, leading=17, bold=True)
        if notice.company.address:
            page.paragraph(notice.company.address, size=8, leading=10, color=_GREY)
        page.space(8 * mm)
        page.paragraph(subject, size=16, leading=22, bold=True, space_after=8)
        page.paragraph(f"{notice.customer.name} ({notice.customer.code})", size=10, leading=14)
        if notice.customer.address:
            page.paragraph(notice.customer.address, size=10, leading=14)
        page.paragraph(f"{_('Date')}: {notice.notice_on:%Y-%m-%d}", size=10, leading=14)
        page.space(6 * mm)
        for paragraph in body.split("\n\n"):
            if paragraph.strip() == ITEMS_MARK.strip():
                _items_table(page, items)
                page.space(3 * mm)
            elif paragraph.strip():
                page.paragraph(paragraph, size=10, leading=14, space_after=3 * mm)
        return page.pdf()


_GREY = HexColor("#555555")


def _items_table(page: pdf_flow.PageFlow, items: Sequence[LetterItem]) -> None:
    header = [_("Document"), _("Date"), _("Due date"), _("Days overdue"), _("Currency"), _("Open amount")]
    rows = [[Cell(str(h)) for h in header]]
    for item in items:
        rows.append(
            [
                Cell(item.number),
                Cell(f"{item.issue_on:%Y-%m-%d}"),
                Cell(f"{item.due_on:%Y-%m-%d}"),
                Cell(str(max(item.days_overdue, 0)), right=True),
                Cell(item.currency, right=True),
                Cell(format_amount(from_minor(item.open_amount, item.currency), item.currency), right=True),
            ]
        )
    for currency, amount in sorted(totals(items).items()):
        amount_text = format_amount(from_minor(amount, currency), currency)
        rows.append(
            [Cell(_("Total")), Cell(""), Cell(""), Cell(""), Cell(currency, right=True), Cell(amount_text, right=True)]
        )
    page.table(
        rows,
        widths=[w * page.width for w in (0.24, 0.15, 0.15, 0.13, 0.11, 0.22)],
        size=8.5,
        leading=11,
        header_fill=exports.SHADE,
        rule=exports.GRID,
    )
