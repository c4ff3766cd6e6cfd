"""API schemas shared by every context's router, and the input types that keep bad values out.

Each type below refuses, with a 422 naming the field, a value that would otherwise reach the
database and fail there (a server error): an id or page beyond a 64-bit integer, a date whose
arithmetic leaves the calendar, an amount whose minor units overflow their column or that is finer
than its currency's minor unit, a currency that is not ISO 4217.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, StrictInt, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from ardesk.core import clock
from ardesk.core.money import AMOUNT_LIMIT, MAX_DECIMALS, MAX_MINOR, currency_decimals, from_minor, is_currency

# A row's id: the positive range of the 64-bit primary keys.
Id = Annotated[int, Field(ge=1, le=MAX_MINOR, description="Record id")]
# An id inside a JSON body: a number, never ``true`` (which a lax integer would read as 1).
BodyId = Annotated[StrictInt, Field(ge=1, le=MAX_MINOR, description="Record id")]
# A page number of a list; beyond any list that fits in a database, and far from an offset overflow.
Page = Annotated[int, Field(ge=1, le=10**9, description="Page number, from 1")]


def _sane_day(day: dt.date) -> dt.date:
    return clock.check_day(day)


# Every date an API call takes: between clock.EARLIEST and clock.LATEST.
Day = Annotated[
    dt.date,
    AfterValidator(_sane_day),
    Field(description=f"YYYY-MM-DD, from {clock.EARLIEST} to {clock.LATEST}"),
]


def _iso_currency(code: str) -> str:
    if code and not is_currency(code):
        raise ValueError(_("%(code)s is not an ISO 4217 currency code.") % {"code": code})
    return code.upper()


# An ISO 4217 code, or empty where the field is optional.
Currency = Annotated[str, AfterValidator(_iso_currency), Field(max_length=3, description="ISO 4217 code")]


class _AmountMarker:
    """Marks an Amount field, so Strict checks its decimals against the currency beside it."""


# An amount: finite, at most the largest amount a minor-unit column holds, at most 4 decimals
# (the most of any currency); Strict bodies also check the decimals of the currency given with it.
Amount = Annotated[
    Decimal,
    _AmountMarker(),
    Field(
        allow_inf_nan=False,
        ge=-AMOUNT_LIMIT,
        le=AMOUNT_LIMIT,
        decimal_places=MAX_DECIMALS,
        description='An amount as a string, e.g. "1200.50", in the minor unit of its currency',
    ),
]


class Strict(Schema):
    """An input body that refuses unknown fields, so a typo is an error and not silently ignored.

    An ``Amount`` field is also checked against its currency (the body's ``<field>_currency`` or
    ``currency``, when given): ``1.001`` CNY or ``1.5`` JPY is refused, not silently rounded.
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _amounts_fit_their_currency(self):
        problems = []
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not any(isinstance(m, _AmountMarker) for m in info.metadata):
                continue
            currency = getattr(self, f"{name}_currency", None) or getattr(self, "currency", None)
            if not isinstance(currency, str) or not is_currency(currency):
                continue
            decimals = currency_decimals(currency)
            if value != value.quantize(Decimal(1).scaleb(-decimals)):
                problems.append(
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "currency_decimals",
                            _("%(amount)s has more decimals than %(currency)s allows.")
                            % {"amount": value, "currency": currency.upper()},
                        ),
                        loc=(name,),
                        input=str(value),
                    )
                )
        if problems:
            raise ValidationError.from_exception_data(type(self).__name__, problems)
        return self


class MoneyOut(Schema):
    """An amount over JSON: a string, next to its currency."""

    amount: str
    currency: str


class ErrorDetail(Schema):
    code: str = Field(..., description="Stable for clients: invalid_input, not_found, forbidden, ...")
    message: str
    fields: dict[str, list[str]] = Field(..., description="Field → its messages; empty when no field is at fault")


class ErrorOut(Schema):
    """Every error of the API: ``{"error": {"code", "message", "fields"}}``."""

    error: ErrorDetail


def money_out(minor: int | None, currency: str) -> dict | None:
    """Whole minor units as the API's amount object."""
    return None if minor is None else {"amount": str(from_minor(minor, currency)), "currency": currency}
