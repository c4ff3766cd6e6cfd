"""JSON for the command line: written as it is encoded, one row per line, by the fast (C) encoder.

``json.dumps(data, indent=2)`` goes through the pure-Python encoder, and for a report of 10,000
customers it took most of a second; it also held the whole text in memory. Here the outer levels
(the report object and its lists) are written by hand and every row is one ``json.dumps`` call
without indent, which the C encoder does: the same JSON value, one row per line, written as it goes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any


def _default(value: Any):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _leaf(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default)


def json_chunks(value: Any, *, depth: int = 2, indent: str = "") -> Iterator[str]:
    """The JSON text of ``value`` in pieces: dicts and lists opened to ``depth`` levels, one item a line."""
    inner = indent + "  "
    if depth > 0 and isinstance(value, dict) and value:
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("\n" if n == 0 else ",\n") + inner + _leaf(str(key)) + ": "
            yield from json_chunks(item, depth=depth - 1, indent=inner)
        yield "\n" + indent + "}"
    elif depth > 0 and isinstance(value, list | tuple) and value:
        yield "["
        for n, item in enumerate(value):
            yield ("\n" if n == 0 else ",\n") + inner
            yield from json_chunks(item, depth=depth - 1, indent=inner)
        yield "\n" + indent + "]"
    else:
        yield _leaf(value)


def write_json(write: Callable[[str], Any], value: Any, *, depth: int = 2, buffer: int = 1 << 16) -> None:
    """Write ``value`` as JSON through ``write`` in pieces of about ``buffer`` characters, ending with a newline."""
    pending: list[str] = []
    size = 0
    for chunk in json_chunks(value, depth=depth):
        pending.append(chunk)
        size += len(chunk)
        if size >= buffer:
            write("".join(pending))
            pending, size = [], 0
    pending.append("\n")
    write("".join(pending))
