"""Streamed JSON reads back as the same value as json.dumps would have written."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ardesk.core.jsonout import json_chunks, write_json

leaves = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
values = st.recursive(
    leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
)


@given(values)
def test_the_pieces_make_the_same_json_value(value):
    assert json.loads("".join(json_chunks(value))) == value


def test_rows_come_one_a_line_and_dates_and_decimals_as_text():
    out: list[str] = []
    write_json(out.append, {"as_of": dt.date(2025, 3, 31), "rows": [{"k": "甲", "v": Decimal("1.50")}, {"k": "乙"}]})
    text = "".join(out)

    assert json.loads(text) == {"as_of": "2025-03-31", "rows": [{"k": "甲", "v": "1.50"}, {"k": "乙"}]}
    assert '    {"k": "甲", "v": "1.50"},\n' in text  # one row a line, Chinese as it is
    assert text.endswith("}\n")


def test_a_big_output_is_written_in_several_pieces():
    pieces: list[str] = []
    write_json(pieces.append, {"rows": [{"n": n} for n in range(5000)]}, buffer=4096)

    assert len(pieces) > 5
    assert len(json.loads("".join(pieces))["rows"]) == 5000
