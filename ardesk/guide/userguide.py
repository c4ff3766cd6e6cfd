"""The user guide as one PDF per language, built from the same help files as the in-app help.

Cover, table of contents, the guides by role, every screen's help grouped by app, what's new. The
Markdown of the help files (headings, paragraphs, lists, bold, code, tables) is parsed once by
Python-Markdown and its element tree is turned into ReportLab flowables; Chinese is set in the
built-in CJK font like every other PDF of the product (core.exports).
"""

from __future__ import annotations

import hashlib
import html
import io
import os
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from ardesk.core import exports
from ardesk.core.exports import CJK_FONT, LATIN_BOLD, LATIN_FONT, markup
from ardesk.guide import contents, helpfiles

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

BLOCKS = frozenset({"p", "ul", "ol", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "div"})
LINK_COLOUR = "#0b5cad"
# The CJK font has no bold face: bold text is also set in the headings' colour, so a Chinese label stands out.
STRONG_COLOUR = "#08457f"


def anchor(view_name: str) -> str:
    """The PDF destination of a screen's help, which help: links inside the guide point to."""
    return "screen-" + view_name.replace(":", "-")


def product_version() -> str:
    try:
        return version("ardesk")
    except PackageNotFoundError:
        return ""


def stored_guide_pdf(language: str) -> bytes:
    """The user guide as the download serves it: built once per release and help text, kept in the data directory.

    Building it takes several seconds of CPU; every web process and every restart then reads the same
    file. Its name carries a fingerprint of what it is made of (the product's version, the language's
    help files and its catalogue), so a changed help file or release builds a new one.
    """
    folder = helpfiles.language_folder(language)
    path = Path(settings.DATA_DIR) / "cache" / f"user-guide-{folder}-{_fingerprint(folder)}.pdf"
    if path.exists():
        return path.read_bytes()
    data = guide_pdf(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)
    return data


def _fingerprint(folder: str) -> str:
    digest = hashlib.sha256(product_version().encode())
    catalogue = Path(__file__).resolve().parent.parent / "locale" / translation.to_locale(folder) / "LC_MESSAGES"
    sources = sorted((helpfiles.HELP_ROOT / folder).rglob("*.md")) + sorted(catalogue.glob("*.mo"))
    for source in sources:
        digest.update(str(source.name).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=2)
def guide_pdf(language: str) -> bytes:
    """The user guide in a language (zh-hans or en) as PDF bytes, built once per process (the files ship with it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    exports.register_cjk_font()
    _register_cjk_family()
    folder = helpfiles.language_folder(language)
    with translation.override(folder):
        groups = contents.screen_groups(folder)
        styles = _Styles(chinese=folder == "zh-hans")
        styles.linked = frozenset(entry.key for group in groups for entry in group.entries)
        out = io.BytesIO()
        title = _("ARdesk user guide")

        class GuideDocument(BaseDocTemplate):
            def beforeDocument(self):  # noqa: N802 (ReportLab's name)
                self.headings = 0

            def afterFlowable(self, flowable):  # noqa: N802
                level = getattr(flowable, "toc_level", None)
                if level is None:
                    return
                self.headings += 1
                key = getattr(flowable, "toc_key", None) or f"h{self.headings}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.toc_text, key, level=level, closed=level > 0)
                self.notify("TOCEntry", (level, markup(flowable.toc_text), self.page, key))

        def footer(canvas, document):
            if document.page > 1:
                canvas.setFont(LATIN_FONT, 8)
                canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"ARdesk · {document.page}")

        document = GuideDocument(
            out,
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=title,
            creator="ARdesk",
            invariant=True,
        )
        frame = Frame(document.leftMargin, document.bottomMargin, document.width, document.height, id="body")
        document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
        story = _story(folder, groups, styles, title, document.width)
        document.multiBuild(story)
    return out.getvalue()


def _story(folder: str, groups: list[contents.Group], styles: _Styles, title: str, width: float) -> list:
    from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer
    from reportlab.platypus.tableofcontents import TableOfContents

    story: list = [
        Spacer(1, 70 * _MM),
        Paragraph(markup(title), styles.cover),
        Paragraph(markup(_("Credit and receivables")), styles.cover_sub),
    ]
    if release := product_version():
        story.append(Paragraph(markup(_("Version %(version)s") % {"version": release}), styles.cover_sub))
    story.append(Paragraph(markup(_("Help for every screen and the tasks of each role.")), styles.cover_sub))
    toc = TableOfContents(dotsMinLevel=1)
    toc.levelStyles = styles.toc
    story += [PageBreak(), Paragraph(markup(_("Contents")), styles.h1), toc]

    roles = contents.role_guides(folder)
    if roles:
        story += [PageBreak(), styles.heading(_("Guides by role"), 0)]
        for n, entry in enumerate(roles):
            if n:
                story.append(PageBreak())
            story.append(styles.heading(entry.title, 1))
            story += _flowables(entry.text.markdown, styles, width)
    for group in groups:
        story += [PageBreak(), styles.heading(group.label, 0)]
        for entry in group.entries:
            story += [CondPageBreak(60 * _MM), styles.heading(entry.title, 1, key=anchor(entry.key))]
            story += _flowables(entry.text.markdown, styles, width)
            story.append(Spacer(1, 4 * _MM))
    news = helpfiles.whatsnew(folder)
    if news is not None:
        story += [PageBreak(), styles.heading(news.title, 0)]
        story += _flowables(news.markdown, styles, width)
    return story


def _flowables(text: str, styles: _Styles, width: float) -> list:
    """The blocks of a help text (title line excluded) as flowables."""
    return _blocks(helpfiles.markdown_tree(text), styles, width)


def _blocks(parent: Element, styles: _Styles, width: float) -> list:
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, Preformatted, Spacer

    flowables: list = []
    if (parent.text or "").strip():
        flowables.append(Paragraph(markup(parent.text.strip()), styles.body))
    for element in parent:
        tag = element.tag
        if tag in ("h1", "h2"):
            flowables.append(Paragraph(_inline(element, styles), styles.h2))
        elif tag in ("h3", "h4", "h5", "h6"):
            flowables.append(Paragraph(_inline(element, styles), styles.h3))
        elif tag == "p":
            flowables.append(Paragraph(_inline(element, styles), styles.body))
        elif tag in ("ul", "ol"):
            items = [ListItem(_list_item(item, styles, width - 14 * _MM)) for item in element if item.tag == "li"]
            flowables.append(
                ListFlowable(
                    items,
                    bulletType="1" if tag == "ol" else "bullet",
                    bulletFormat="%s." if tag == "ol" else None,
                    start=None if tag == "ol" else "•",
                    leftIndent=12,
                    bulletFontSize=7 if tag == "ul" else 9,
                    bulletFontName=LATIN_FONT,
                )
            )
        elif tag == "table":
            flowables.append(_table(element, styles, width))
        elif tag == "pre":
            flowables.append(Preformatted(html.unescape("".join(element.itertext())), styles.code))
        elif tag == "hr":
            flowables.append(Spacer(1, 3 * _MM))
        else:
            flowables += _blocks(element, styles, width)
        if (element.tail or "").strip():
            flowables.append(Paragraph(markup(element.tail.strip()), styles.body))
    return flowables


def _list_item(item: Element, styles: _Styles, width: float) -> list:
    from xml.etree.ElementTree import Element as NewElement  # noqa: S405 (a container for parsed Markdown)

    from reportlab.platypus import Paragraph

    inline = NewElement("span")
    inline.text = item.text
    blocks = NewElement("div")
    for child in item:
        (blocks if child.tag in BLOCKS else inline).append(child)
    flowables = [Paragraph(_inline(inline, styles), styles.body)] if "".join(inline.itertext()).strip() else []
    return flowables + _blocks(blocks, styles, width)


def _table(element: Element, styles: _Styles, width: float):
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows = [row for row in element.iter("tr")]
    cells = [[cell for cell in row if cell.tag in ("th", "td")] for row in rows]
    columns = max(len(row) for row in cells)
    texts = [["".join(cell.itertext()) for cell in row] + [""] * (columns - len(row)) for row in cells]
    data = [
        [Paragraph(_inline(cell, styles), styles.head if cell.tag == "th" else styles.cell) for cell in row]
        + [""] * (columns - len(row))
        for row in cells
    ]
    table = Table(data, colWidths=exports.column_widths(texts, width, styles.cell.fontSize), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, exports.GRID),
                ("BACKGROUND", (0, 0), (-1, 0), exports.SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _inline(element: Element, styles: _Styles) -> str:
    """The Paragraph markup of an element's text and inline children (bold, italics, code, links).

    A help: link to a screen whose help is in the guide jumps to it; other links (formulas, screens
    without help in this language) are plain text, since the guide is read away from the product.
    """
    parts = [markup(element.text or "")]
    for child in element:
        if child.tag == "code":
            inner = markup(html.unescape(child.text or ""))
            parts.append(f'<font name="Courier">{inner}</font>')
        else:
            inner = _inline(child, styles)
            target = child.get("href", "").removeprefix("help:")
            if child.tag in ("strong", "b"):
                parts.append(f'<b><font color="{STRONG_COLOUR}">{inner}</font></b>')
            elif child.tag in ("em", "i"):
                parts.append(f"<i>{inner}</i>")
            elif child.tag == "a" and target in styles.linked:
                parts.append(f'<a href="#{anchor(target)}" color="{LINK_COLOUR}"><u>{inner}</u></a>')
            elif child.tag == "br":
                parts.append("<br/>")
            else:
                parts.append(inner)
        parts.append(markup(child.tail or ""))
    return "".join(parts)


def _register_cjk_family() -> None:
    """Bold and italic Chinese are set in the same CJK font (it has no bold face)."""
    from reportlab.lib.fonts import addMapping

    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CJK_FONT, bold, italic, CJK_FONT)


_MM = 72 / 25.4  # one millimetre in points


class _Styles:
    """The paragraph styles of the guide; Chinese text wraps between any two characters.

    ``linked`` holds the screens whose help the guide contains, the targets a link may jump to.
    """

    linked: frozenset[str] = frozenset()

    def __init__(self, *, chinese: bool):
        from reportlab.lib.colors import HexColor
        from reportlab.lib.styles import ParagraphStyle

        wrap = "CJK" if chinese else None
        ink, brand = HexColor("#1f2933"), HexColor("#08457f")
        self.body = ParagraphStyle(
            "body", fontName=LATIN_FONT, fontSize=9.5, leading=14, spaceAfter=4, wordWrap=wrap, textColor=ink
        )
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8.5, leading=11, spaceAfter=0)
        self.head = ParagraphStyle("head", parent=self.cell, fontName=LATIN_BOLD)
        self.code = ParagraphStyle("code", parent=self.body, fontName="Courier", fontSize=8.5, leading=11)
        self.h1 = ParagraphStyle(
            "h1", parent=self.body, fontName=LATIN_BOLD, fontSize=18, leading=24, spaceAfter=10, textColor=brand
        )
        self.h1_part = ParagraphStyle("h1-part", parent=self.h1, keepWithNext=1)
        self.h1_screen = ParagraphStyle(
            "h1-screen", parent=self.h1, fontSize=14, leading=19, spaceBefore=6, spaceAfter=6, keepWithNext=1
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=self.body,
            fontName=LATIN_BOLD,
            fontSize=11,
            leading=15,
            spaceBefore=6,
            keepWithNext=1,
            textColor=HexColor("#334e68"),
        )
        self.h3 = ParagraphStyle("h3", parent=self.h2, fontSize=10, leading=14, textColor=brand)
        self.cover = ParagraphStyle("cover", parent=self.h1, fontSize=30, leading=38, spaceAfter=16)
        self.cover_sub = ParagraphStyle("cover-sub", parent=self.body, fontSize=13, leading=20)
        self.toc = [
            ParagraphStyle("toc0", parent=self.body, fontName=LATIN_BOLD, fontSize=10.5, leading=15, spaceBefore=6),
            ParagraphStyle("toc1", parent=self.body, fontSize=9.5, leading=13, leftIndent=14, spaceAfter=0),
        ]

    def heading(self, text: str, level: int, key: str | None = None):
        """A heading that goes into the table of contents and the PDF's bookmarks (``key``: its destination)."""
        from reportlab.platypus import Paragraph

        paragraph = Paragraph(markup(text), self.h1_part if level == 0 else self.h1_screen)
        paragraph.toc_level = level
        paragraph.toc_text = str(text)
        paragraph.toc_key = key
        return paragraph
