"""The canvas page flow's line breaking: every line fits, nothing is lost, Chinese punctuation never starts a line."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from ardesk.core import exports, pdf_flow

exports.register_cjk_font()
text = st.text(alphabet="ab cdefg 中文付款，。（）Total: 1,000.50 CNY\n", max_size=200)


def _text(line) -> str:
    return "".join(run for run, _font in line)


@given(text=text, width=st.floats(min_value=30, max_value=300))
@example(text="00000。 00000", width=38.0)  # the space after 。 ends the line: it is not drawn nor counted
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


def test_lines_are_written_as_reportlabs_text_object_writes_them():
    exports.register_cjk_font()
    page = pdf_flow.PageFlow(pagesize=(595, 842), margins=(50, 50, 50, 50), title="t", author="a")
    lines = pdf_flow.wrap("逾期款项 Overdue items (INV-1)，请于七日内付清。Smith & Sons", 120, 10)
    for right in (None, 400):
        page._lines(lines, 60, 700, 10, 14, right)
        text = page.canvas.beginText()
        for number, line in enumerate(lines):
            x = 60 if right is None else right - sum(pdf_flow._width(run, font, 10) for run, font in line)
            text.setTextOrigin(x, 700 - 10 - number * 14)
            for run, font in line:
                text.setFont(font, 10, 14)
                text.textOut(run)
        assert page.canvas._code[-1] == text.getCode()


def _letter() -> bytes:
    page = pdf_flow.PageFlow(pagesize=(595, 842), margins=(50, 50, 50, 50), title="催款 notice", author="星辰")
    page.paragraph("星辰实业（上海）有限公司", size=13, leading=17, bold=True)
    page.paragraph("Dear Anna, 请于七日内付清。", size=10, leading=14)
    return page.pdf()


def test_a_letter_made_with_the_process_caches_warm_is_the_same_as_the_first():
    exports.register_cjk_font()
    pdf_flow._RUN_CODES.clear()
    pdf_flow.wrap.cache_clear()
    first = _letter()
    assert _letter() == first
    assert b"/STSong-Light" in first and b"/W [" in first.replace(b"\n", b" ")
