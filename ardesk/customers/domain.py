"""Rules about customers that need no database: identity codes and search keys."""

from __future__ import annotations

import operator
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

# Each character's value in the check sum, looked up once (a search of the set cost a few µs a code).
_USCC_VALUES = {char: value for value, char in enumerate(USCC_CHARSET)}
_USCC_SEPARATORS = re.compile(r"[\s-]")


def uscc_check_character(first17: str) -> str:
    """The 18th character of a unified social credit code, computed from the first 17."""
    if len(first17) != len(USCC_WEIGHTS):
        raise ValueError("A credit code's check character is computed from its first 17 characters.")
    try:
        total = sum(map(operator.mul, map(_USCC_VALUES.__getitem__, first17), USCC_WEIGHTS))
    except KeyError as exc:
        raise ValueError(f"{exc.args[0]!r} is not used in unified social credit codes.") from None
    return USCC_CHARSET[(31 - total % 31) % 31]


def organization_check_character(first8: str) -> str:
    """The check character of an organization code (GB 11714): 0-9 or X."""
    total = sum(ORG_CHARSET.index(char) * weight for char, weight in zip(first8, ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def normalize_uscc(value: str) -> str:
    """Upper-case a code and drop spaces and dashes, as people type them from a licence."""
    return _USCC_SEPARATORS.sub("", value or "").upper()


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
        if _HAS_HAN(part):
            words.extend(_pinyin_and_initials(part))
    return " ".join(words)


# A CJK unified ideograph (U+4E00 to U+9FFF) anywhere in the text: the parts that get their pinyin.
_HAS_HAN = re.compile("[\u4e00-\u9fff]").search

# Marks the text lazy_pinyin hands back unconverted (Latin letters, digits), so the initials keep it whole.
_KEPT = "\x00"

# The pinyin and initials of each word pypinyin's segmentation has met, computed once: a company's name
# is a handful of words that thousands of names share (上海, 机械, 有限公司), and converting a word is
# most of what lazy_pinyin costs. Only Chinese words are kept, so the table is bounded by pypinyin's
# dictionaries whatever the names.
_WORDS: dict[str, tuple[str, str]] = {}


def _pinyin_and_initials(text: str) -> tuple[str, str]:
    """The text's pinyin and its initials, lower case: '宏达机械' gives ('hongdajixie', 'hdjx').

    The same as pypinyin's ``lazy_pinyin`` (and its FIRST_LETTER style for the initials), word by
    word of its own segmentation, so a polyphonic character reads as it does in the word around it
    (重庆 chongqing, 银行 yinhang, 行业 hangye). Only the conversion of each word is remembered.
    """
    from pypinyin.constants import RE_HANS  # the dictionaries take a fraction of a second to load
    from pypinyin.seg.mmseg import seg
    from pypinyin.seg.simpleseg import seg as mixed_seg

    # A name all in Chinese characters (nearly every one) is one run for the phrase segmentation,
    # as pypinyin's own splitting by script would give; other text is split by script first.
    words = seg.cut(text) if RE_HANS.match(text) else mixed_seg(text)
    full, initials = [], []
    known = _WORDS.get
    for word in words:
        pair = known(word)
        if pair is None:
            pair = _word_pinyin(word)
        full.append(pair[0])
        initials.append(pair[1])
    return "".join(full).lower(), "".join(initials).lower()


def _word_pinyin(word: str) -> tuple[str, str]:
    """The pinyin and initials of one word of the segmentation, remembered when the word is Chinese."""
    from pypinyin import lazy_pinyin
    from pypinyin.constants import RE_HANS

    items = lazy_pinyin([word], errors=lambda kept: [_KEPT + kept])
    pair = (
        "".join(item[1:] if item.startswith(_KEPT) else item for item in items),
        "".join(item[1:] if item.startswith(_KEPT) else item[:1] for item in items),
    )
    if RE_HANS.match(word):
        _WORDS[word] = pair
    return pair


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
