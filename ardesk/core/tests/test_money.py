from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ardesk.core.money import (
    CurrencyError,
    Money,
    currency_decimals,
    from_minor,
    grouped,
    minor_text,
    money,
    quantize,
    to_minor,
)


def test_currency_decimals_come_from_iso_4217():
    assert currency_decimals("CNY") == 2
    assert currency_decimals("usd") == 2
    assert currency_decimals("JPY") == 0


def test_unknown_currency_code_is_refused():
    with pytest.raises(CurrencyError):
        currency_decimals("RMB1")


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        money(1200.5, "CNY")


def test_rounding_is_half_up_at_the_named_point():
    assert quantize(Decimal("2.345"), "CNY") == Decimal("2.35")
    assert quantize(Decimal("-2.345"), "CNY") == Decimal("-2.35")
    assert quantize(Decimal("2.5"), "JPY") == Decimal("3")


def test_minor_units_round_trip_exactly():
    assert to_minor(Decimal("1200.50"), "CNY") == 120050
    assert from_minor(120050, "CNY") == Decimal("1200.50")
    assert to_minor(Decimal("1200"), "JPY") == 1200


def test_amount_finer_than_the_minor_unit_is_refused_when_stored():
    with pytest.raises(ValueError, match="more decimals"):
        to_minor(Decimal("0.001"), "CNY")


def test_money_of_different_currencies_cannot_be_added():
    with pytest.raises(CurrencyError):
        money("1", "CNY") + money("1", "USD")


def test_money_serialises_as_string_and_currency():
    assert money("1200.5", "cny").as_json() == {"amount": "1200.50", "currency": "CNY"}
    assert str(Money(Decimal("1234567.8"), "CNY")) == "1,234,567.80 CNY"


cents = st.decimals(min_value=Decimal("-10000000"), max_value=Decimal("10000000"), places=2)


@given(amount=cents)
def test_minor_units_conversion_is_lossless(amount):
    assert from_minor(to_minor(amount, "CNY"), "CNY") == amount


@given(amounts=st.lists(cents, max_size=50))
def test_sum_in_minor_units_equals_decimal_sum(amounts):
    assert from_minor(sum(to_minor(a, "CNY") for a in amounts), "CNY") == sum(amounts, Decimal(0))


@given(
    minor=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    currency=st.sampled_from(["CNY", "USD", "JPY", "KWD", "CLF"]),
)
def test_minor_units_read_back_written_with_the_currencys_decimals(minor, currency):
    amount = from_minor(minor, currency)
    assert str(amount) == str(quantize(Decimal(minor).scaleb(-currency_decimals(currency)), currency))
    assert to_minor(amount, currency) == minor


def test_fractional_minor_units_are_rounded_half_up():
    assert str(from_minor(Decimal("12.5"), "CNY")) == "0.13"
    assert str(from_minor(0, "CNY")) == "0.00"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_amounts_in_templates_are_grouped_by_three_with_the_currencys_decimals(language):
    from django.utils import translation

    from ardesk.core.templatetags.money import amount, minor

    with translation.override(language):
        assert amount(Decimal("1234567.8"), "CNY") == "1,234,567.80"
        assert amount(Decimal("1234567"), "JPY") == "1,234,567"
        assert minor(-150050, "CNY") == "-1,500.50"


def test_an_amount_in_a_message_is_grouped_with_its_currencys_decimals():
    assert grouped(Decimal("1234567.8"), "CNY") == "1,234,567.80"
    assert grouped(Decimal("999.5"), "CNY") == "999.50"
    assert grouped(1234567, "JPY") == "1,234,567"
    assert grouped("-1000", "USD") == "-1,000.00"


@given(
    minor=st.integers(min_value=-(2**63), max_value=2**63 - 1), currency=st.sampled_from(["CNY", "JPY", "KWD", "CLF"])
)
def test_minor_text_writes_what_from_minor_gives(minor, currency):
    assert minor_text(minor, currency_decimals(currency)) == str(from_minor(minor, currency))


def test_minor_text_examples():
    assert [minor_text(m, 2) for m in (0, 5, -5, 100, -123456, 120050)] == [
        "0.00",
        "0.05",
        "-0.05",
        "1.00",
        "-1234.56",
        "1200.50",
    ]
    assert (minor_text(-7, 0), minor_text(1234, 3)) == ("-7", "1.234")
