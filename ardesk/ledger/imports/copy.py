"""Rows for PostgreSQL's COPY, formatted by the thread that reads the file.

An import's writer thread (core.bulk.Writer) feeds the database; whatever Python work it does
holds the interpreter while the reading thread wants it, and leaves the database waiting. So
the reading thread formats each row in COPY's text format as it builds it, and the writer only
joins the rows to the ids it reserved and sends them (core.bulk.insert_rows formats them in the
writer: about 10 µs a row there at 100,000 invoices). Values are written as PostgreSQL reads
them back: integers and decimals as digits, dates and times in ISO form, NULL as ``\\N``, text
with COPY's escapes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, models

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]").search
_FORMATS = {
    int: str,
    str: lambda value: value.translate(_ESCAPES),
    dt.date: dt.date.isoformat,
    dt.datetime: dt.datetime.isoformat,
    Decimal: str,
    type(None): lambda value: "\\N",
}


def copy_line(values: Iterable) -> str:
    """The values as one line of COPY's text format, without the line's end."""
    # Text without a character to escape (nearly all of it) goes as it is, without a call.
    return "\t".join(
        [value if type(value) is str and not _NEEDS_ESCAPE(value) else _FORMATS[type(value)](value) for value in values]
    )


def copy_lines(cursor, model: type[models.Model], fields: tuple[str, ...], lines: Iterable[str]) -> None:
    """COPY lines (each ending with a newline, columns in the order of ``fields``) into the model's table."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    with cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
        copy.write("".join(lines))
