"""The PDF user guide: one per language, with its pages, its table of contents and its bookmarks."""

from __future__ import annotations

import re

from django.core.management import call_command

from ardesk.guide import userguide

TITLE = re.compile(rb"/Title \(((?:\\.|[^\\)])*)\)", re.DOTALL)
ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def pdf_string(raw: bytes) -> str:
    """A PDF literal string as text: backslash escapes undone, UTF-16 when it starts with the byte-order mark."""
    out = bytearray()
    i = 0
    while i < len(raw):
        if raw[i] == ord("\\"):
            octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(), 8))
                i += 1 + len(octal.group())
                continue
            out += ESCAPES.get(raw[i + 1], bytes([raw[i + 1]]))
            i += 2
            continue
        out.append(raw[i])
        i += 1
    data = bytes(out)
    return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")


def bookmarks(pdf: bytes) -> list[str]:
    """The document's title and the titles of its bookmarks (the table of contents' entries)."""
    return [pdf_string(raw) for raw in TITLE.findall(pdf)]


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", pdf))


def test_the_chinese_guide_has_its_cover_contents_help_pages_and_release_notes():
    pdf = userguide.guide_pdf("zh-hans")
    assert pdf.startswith(b"%PDF")
    assert page_count(pdf) >= 4  # cover, contents, the help pages, what's new
    titles = bookmarks(pdf)
    assert titles[0] == "ARdesk 用户指南"
    assert {"帮助与培训", "帮助", "页面帮助", "新功能"} <= set(titles)


def test_the_english_guide_is_in_english():
    pdf = userguide.guide_pdf("en")
    titles = bookmarks(pdf)
    assert titles[0] == "ARdesk user guide"
    assert {"Help and training", "Help", "Screen help", "What's new"} <= set(titles)
    assert not any(re.search(r"[\u4e00-\u9fff]", title) for title in titles)


def test_markdown_tables_lists_and_code_become_flowables():
    from reportlab.platypus import ListFlowable, Paragraph, Table

    text = (
        "Intro **bold** and `code <x>`.\n\n- one\n- two\n\nThen:\n\n1. first\n2. second\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    flowables = userguide._flowables(text, userguide._Styles(chinese=False), 400)
    assert [type(f) for f in flowables] == [Paragraph, ListFlowable, Paragraph, ListFlowable, Table]
    assert "code &lt;x&gt;" in flowables[0].text


def test_a_help_link_jumps_to_the_screen_in_the_guide_and_a_formula_link_is_plain_text():
    styles = userguide._Styles(chinese=True)
    styles.linked = frozenset({"guide:index"})
    text = "见[帮助](help:guide:index)、[客户](help:customers:list)和[DSO](formula:dso)。"
    (paragraph,) = userguide._flowables(text, styles, 400)
    assert f'<a href="#{userguide.anchor("guide:index")}"' in paragraph.text
    assert paragraph.text.count("<a ") == 1  # a screen without help in the guide, a formula: plain text


def test_the_command_writes_the_guide_of_a_language(tmp_path):
    out = tmp_path / "guide.pdf"
    call_command("guide", "pdf", "--lang", "en", "--out", str(out))
    assert out.read_bytes() == userguide.guide_pdf("en")


def test_the_download_is_built_once_and_kept_in_the_data_directory(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    built = []
    monkeypatch.setattr(userguide, "guide_pdf", lambda folder: built.append(folder) or b"%PDF-" + folder.encode())
    assert userguide.stored_guide_pdf("en") == b"%PDF-en"
    assert userguide.stored_guide_pdf("en") == b"%PDF-en"
    assert built == ["en"]
    assert [path.name.startswith("user-guide-en-") for path in (tmp_path / "cache").iterdir()] == [True]
