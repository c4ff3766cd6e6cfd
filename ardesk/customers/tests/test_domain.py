from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ardesk.customers import domain

# Published codes of well-known companies (from their business licences).
REAL_CODES = [
    "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
    "914403001922038216",  # 华为技术有限公司
    "91330100799655058B",  # 阿里巴巴（中国）有限公司
    "91110108551385082Q",  # 小米科技有限责任公司
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_published_credit_codes_are_valid(code):
    assert domain.uscc_problem(code) is None


def test_credit_code_with_wrong_check_character_is_refused_naming_the_expected_one():
    problem = domain.uscc_problem("914403001922038217")
    assert problem is not None and "6" in problem


def test_credit_code_of_wrong_length_is_refused():
    assert "18" in domain.uscc_problem("91440300192203821")


def test_credit_code_with_letters_not_in_the_charset_is_refused():
    assert "I" in domain.uscc_problem("9144030019220382I6")


def test_division_code_must_be_digits():
    assert domain.uscc_problem("91A40300192203821X") is not None


def test_spaces_and_lower_case_are_normalised():
    assert domain.normalize_uscc(" 9144 0300 7152 6726xg ") == "9144030071526726XG"
    assert domain.uscc_problem("9144 0300 7152 6726xg") is None


def test_organization_check_character_follows_gb_11714():
    assert domain.organization_check_character("71526726") == "X"
    assert domain.organization_check_character("19220382") == "1"


@given(
    body=st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=8, max_size=8),
    division=st.from_regex(r"[1-6][0-9]{5}", fullmatch=True),
)
def test_every_made_code_is_valid_and_any_single_change_of_its_check_is_caught(body, division):
    code = domain.make_uscc("91", division, body)
    assert domain.uscc_problem(code) is None
    for other in domain.USCC_CHARSET:
        if other != code[17]:
            assert domain.uscc_problem(code[:17] + other) is not None


def test_search_key_holds_name_code_and_pinyin():
    key = domain.search_key("C001", "上海宏达机械有限公司", "9144030071526726XG")
    assert "c001" in key and "上海宏达" in key
    assert "shanghaihongda" in key
    assert "shhdjxyxgs" in key
    assert "9144030071526726xg" in key


def test_customer_code_rules():
    assert domain.customer_code_problem("C-001_a.b") is None
    assert domain.customer_code_problem("") is not None
    assert domain.customer_code_problem("客户1") is not None
    assert domain.customer_code_problem("x" * 33) is not None


def test_cycle_detection():
    assert domain.would_create_cycle(5, [7, 5, 1])
    assert not domain.would_create_cycle(5, [7, 1])
    assert not domain.would_create_cycle(None, [7])


@given(st.text(alphabet="上海宏达重庆银行长沙行ABC 1-〇㐀", min_size=1, max_size=12))
def test_one_conversion_gives_the_same_pinyin_and_initials_as_two(text):
    from pypinyin import Style, lazy_pinyin

    from ardesk.customers.domain import _pinyin_and_initials

    assert _pinyin_and_initials(text) == (
        "".join(lazy_pinyin(text)).lower(),
        "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).lower(),
    )


def test_polyphonic_characters_read_as_in_their_word():
    key = domain.search_key("C9", "重庆银行长沙行业协会", "")
    assert "chongqingyinhangchangshahangyexiehui" in key
    assert "cqyhcshyxh" in key
