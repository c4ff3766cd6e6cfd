"""The canvas page flow's line breaking: every line fits, nothing is lost, Chinese punctuation never starts a line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ardesk.core import exports, pdf_flow

exports.register_cjk_font()
text = st.text(alphabet="ab cdefg 中文付款，。（）Total: 1,000.50 CNY\n", max_size=200)


def _text(line) -> str:
    return "".join(run for run, _font in line)


@given(text=text, width=st.floats(min_value=30, max_value=300))
def test_wrapped_lines_fit_and_keep_every_character(text, width):
    lines = pdf_flow.wrap(text, width, 10)
    assert "".join(_text(line) for line in lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    for line in lines:
        wide = sum(pdf_flow._width(run, font, 10) for run, font in line)
        assert wide <= width + 0.01 or len(_text(line)) <= 2  # a single piece wider than the line stays whole


def test_a_newline_starts_a_line_and_chinese_breaks_between_characters():
    lines = [_text(line) for line in pdf_flow.wrap("第一行\n请于七日内付清，否则我司将委托律师依法追讨。", 60, 10)]
    assert lines[0] == "第一行"
    assert not any(line.startswith(("，", "。")) for line in lines)
    assert (
        all(len(line) <= 7 for line in lines[1:])
        and "".join(lines[1:]) == "请于七日内付清，否则我司将委托律师依法追讨。"
    )
