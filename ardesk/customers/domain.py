"""Rules about customers that need no database: identity codes and search keys."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# GB 32100-2015 统一社会信用代码: 18 characters from this 31-character set (no I, O, S, V, Z).
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")

# GB 11714 组织机构代码, the 9th to 17th characters of a USCC: 8 characters and a check character.
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ORG_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

CUSTOMER_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")


def uscc_check_character(first17: str) -> str:
    """The 18th character of a unified social credit code, computed from the first 17."""
    total = sum(USCC_CHARSET.index(char) * weight for char, weight in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def organization_check_character(first8: str) -> str:
    """The check character of an organization code (GB 11714): 0-9 or X."""
    total = sum(ORG_CHARSET.index(char) * weight for char, weight in zip(first8, ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def normalize_uscc(value: str) -> str:
    """Upper-case a code and drop spaces and dashes, as people type them from a licence."""
    return re.sub(r"[\s-]", "", value or "").upper()


def uscc_problem(value: str) -> str | None:
    """Why a unified social credit code is invalid, or None when it is valid.

    The message is in the user's language.
    """
    code = normalize_uscc(value)
    if len(code) != 18:
        return _("A unified social credit code has 18 characters, this one has %(count)d.") % {"count": len(code)}
    if not USCC_PATTERN.match(code):
        bad = next((c for c in code if c not in USCC_CHARSET), None)
        if bad is not None:
            return _("'%(char)s' is not used in unified social credit codes.") % {"char": bad}
        return _("Characters 3 to 8 must be the digits of an administrative division code.")
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        return _(
            "The check character (GB 32100-2015) should be %(expected)s, not %(found)s: "
            "please check the code for a typing error."
        ) % {"expected": expected, "found": code[17]}
    return None


def make_uscc(prefix: str, division: str, org_body: str) -> str:
    """Build a valid credit code from its parts (used by the demo generator and tests)."""
    organization = org_body + organization_check_character(org_body)
    first17 = prefix + division + organization
    return first17 + uscc_check_character(first17)


def search_key(*parts: str) -> str:
    """Lower-case text that search matches against: codes, the name, and its pinyin.

    '上海宏达机械有限公司' also matches 'shanghaihongda' and 'shhd', so users can type either.
    """
    words: list[str] = []
    for part in parts:
        if not part:
            continue
        words.append(part.lower())
        if any("\u4e00" <= char <= "\u9fff" for char in part):
            words.extend(_pinyin_and_initials(part))
    return " ".join(words)


# Marks the text lazy_pinyin hands back unconverted (Latin letters, digits), so the initials keep it whole.
_KEPT = "\x00"


def _pinyin_and_initials(text: str) -> tuple[str, str]:
    """The text's pinyin and its initials, lower case: '宏达机械' gives ('hongdajixie', 'hdjx').

    One conversion gives both (the initials are each syllable's first letter, as pypinyin's
    FIRST_LETTER style writes them): converting twice took most of a customer import's time.
    """
    from pypinyin import lazy_pinyin  # its dictionary takes most of a second to load: only when needed

    items = lazy_pinyin(text, errors=lambda kept: [_KEPT + kept])
    full = "".join(item[1:] if item.startswith(_KEPT) else item for item in items)
    initials = "".join(item[1:] if item.startswith(_KEPT) else item[:1] for item in items)
    return full.lower(), initials.lower()


def search_term(query: str) -> str:
    """Normalise what the user typed into the form the search key holds."""
    return query.strip().lower()


def customer_code_problem(code: str) -> str | None:
    if not CUSTOMER_CODE_PATTERN.match(code or ""):
        return _("Use 1 to 32 letters, digits, '.', '-' or '_', starting with a letter or digit.")
    return None


def would_create_cycle(customer_id: int | None, parent_chain: list[int]) -> bool:
    """True when making a customer the child of a parent whose ancestry includes the customer."""
    return customer_id is not None and customer_id in parent_chain
