"""A one-column page drawn straight on a ReportLab canvas: wrapped paragraphs and a ruled table, Latin and Chinese.

For documents made by the thousand (a dunning run's letters): ReportLab's platypus parses each
paragraph's markup, builds frames and measures every flowable twice, which cost a letter about
4 ms of its 5; here a line is measured once and drawn with the canvas's text object. The rules are
those of ``core.exports``: Latin text in Helvetica, Chinese (and whatever Windows-1252 lacks) in
the CJK font; a line breaks between Latin words and between any two Chinese characters, except
before closing punctuation; a table row that does not fit goes to the next page under the
table's header again.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ardesk.core import exports

# Chinese punctuation that may not start a line: it stays at the end of the line before.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’…%,.;:?!)")
_WORDS = re.compile(r" +|[^ ]+")
PADDING = 6  # a table cell's padding left and right, as platypus's
CELL_PADDING_Y = 3


@dataclass(frozen=True)
class Cell:
    """A table cell's text, wrapped to its column; ``right`` aligns it to the right edge."""

    text: str
    right: bool = False


@functools.lru_cache(maxsize=8192)
def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def _pieces(text: str, bold: bool) -> list[tuple[str, str]]:
    """The text cut into the pieces a line may break between: (piece, font), spaces kept as pieces."""
    latin_font = exports.LATIN_BOLD if bold else exports.LATIN_FONT
    pieces: list[tuple[str, str]] = []
    for run, latin in exports.runs(text):
        if latin:
            pieces += [(word, latin_font) for word in _WORDS.findall(run)]
            continue
        for char in run:
            if char in _NO_LINE_START and pieces and pieces[-1][0] != " " * len(pieces[-1][0]):
                previous, font = pieces[-1]
                if font == exports.CJK_FONT:
                    pieces[-1] = (previous + char, font)
                    continue
            pieces.append((char, exports.CJK_FONT))
    return pieces


Line = tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=4096)
def wrap(text: str, width: float, size: float, bold: bool = False) -> tuple[Line, ...]:
    """Lines of (run, font) that fit ``width`` points; a newline in the text always starts a line.

    Kept per process: a run's letters share most of their paragraphs (the template's text, the table's
    header, the sender), so each is measured once.
    """
    lines: list[Line] = []
    for part in text.split("\n"):
        line: list[tuple[str, str]] = []
        used = 0.0
        for piece, font in _pieces(part, bold):
            blank = not piece.strip()
            wide = _width(piece, font, size)
            if line and used + wide > width and not blank:
                lines.append(_ended(line))
                line, used = [], 0.0
            if blank and not line:
                continue  # no space at the start of a line
            while not line and wide > width and len(piece) > 1:  # a word longer than the line: cut it
                cut = len(piece) - 1
                while cut > 1 and _width(piece[:cut], font, size) > width:
                    cut -= 1
                lines.append(((piece[:cut], font),))
                piece = piece[cut:]
                wide = _width(piece, font, size)
            if line and line[-1][1] == font:
                line[-1] = (line[-1][0] + piece, font)
            else:
                line.append((piece, font))
            used += wide
        lines.append(_ended(line))
    return tuple(lines)


def _ended(line: list[tuple[str, str]]) -> Line:
    """A line as drawn: without the spaces at its end (a run of spaces alone is dropped)."""
    while line and not line[-1][0].strip():
        line = line[:-1]
    if line:
        line = [*line[:-1], (line[-1][0].rstrip(), line[-1][1])]
    return tuple(line)


_RUN_CODES: dict[tuple[str, str, str, float, float], str] = {}
_RUN_CODES_KEPT = 16384


def _run_code(canvas: Canvas, run: str, font: str, size: float, leading: float) -> str:
    """A run's font and text operators in a text object, formatted by ReportLab's text object once per process.

    The font's name in the document (F1, F2, ...) is part of the key: a document names its fonts in
    the order it first uses them.
    """
    key = (run, font, canvas._doc.getInternalFontName(font), size, leading)
    code = _RUN_CODES.get(key)
    if code is None:
        text = canvas.beginText()
        start = len(text._code)
        text.setFont(font, size, leading)
        text.textOut(run)
        code = " ".join(text._code[start:])
        if len(_RUN_CODES) >= _RUN_CODES_KEPT:
            _RUN_CODES.clear()
        _RUN_CODES[key] = code
    return code


class PageFlow:
    """Paragraphs and tables set one under the other on A4-like pages, a new page when the space runs out."""

    def __init__(
        self,
        *,
        pagesize: tuple[float, float],
        margins: tuple[float, float, float, float],
        title: str,
        author: str,
        creator: str = "ARdesk",
    ) -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=pagesize, invariant=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.canvas.setCreator(creator)
        left, right, top, bottom = margins
        self.page_height = pagesize[1]
        self.left, self.top, self.bottom = left, pagesize[1] - top, bottom
        self.width = pagesize[0] - left - right
        self.y = self.top

    def _room(self, height: float) -> None:
        if self.y - height < self.bottom and self.y < self.top:
            self.canvas.showPage()
            self.y = self.top

    def space(self, height: float) -> None:
        self.y -= height

    def _lines(self, lines: Sequence[Line], x: float, y: float, size: float, leading: float, right=None) -> None:
        """The lines' text object, written as ReportLab's ``beginText``/``setFont``/``textOut`` write it.

        Each run's operators are formatted once per process (``_run_code``): a run's letters repeat
        most of their words. The PDF's bytes are those ReportLab's text object gives.
        """
        canvas = self.canvas
        code = ["BT", "1 0 0 1 0 0 Tm"]  # a text object starts at the origin, as beginText() writes it
        for number, line in enumerate(lines):
            if right is not None:
                x = right - sum(_width(run, font, size) for run, font in line)
            code.append(f"1 0 0 1 {fp_str(x, y - size - number * leading)} Tm")
            for run, font in line:
                code.append(_run_code(canvas, run, font, size, leading))
        code.append("ET")
        self.canvas._code.append(" ".join(code))

    def paragraph(
        self,
        text: str,
        *,
        size: float,
        leading: float,
        bold: bool = False,
        color: Color | None = None,
        indent: float = PADDING,
        space_after: float = 0,
    ) -> None:
        """A paragraph wrapped to the page's width (less ``indent`` on each side), line by line across pages."""
        lines = wrap(text, self.width - 2 * indent, size, bold)
        if color is not None:
            self.canvas.setFillColor(color)
        while lines:
            self._room(leading)
            fit = max(1, int((self.y - self.bottom) // leading))
            self._lines(lines[:fit], self.left + indent, self.y, size, leading)
            self.y -= leading * len(lines[:fit])
            lines = lines[fit:]
        if color is not None:
            self.canvas.setFillColor(HexColor("#000000"))
        self.y -= space_after

    def table(
        self,
        rows: Sequence[Sequence[Cell]],
        *,
        widths: Sequence[float],
        size: float,
        leading: float,
        header_fill: Color,
        rule: Color,
    ) -> None:
        """Rows of cells in columns of ``widths`` points, the first row a shaded header repeated on each page,
        a thin rule under every row, each cell's text at its top."""
        header, *body = rows
        self._row(header, widths, size, leading, header_fill, rule)
        for row in body:
            wrapped = self._wrapped(row, widths, size)
            height = max(len(lines) for lines in wrapped) * leading + 2 * CELL_PADDING_Y
            if self.y - height < self.bottom:
                self.canvas.showPage()
                self.y = self.top
                self._row(header, widths, size, leading, header_fill, rule)
            self._row(row, widths, size, leading, None, rule, wrapped)

    def _wrapped(self, row: Sequence[Cell], widths: Sequence[float], size: float) -> list:
        return [wrap(cell.text, width - 2 * PADDING, size) for cell, width in zip(row, widths, strict=True)]

    def _row(self, row, widths, size, leading, fill, rule, wrapped=None) -> None:
        wrapped = wrapped or self._wrapped(row, widths, size)
        height = max(len(lines) for lines in wrapped) * leading + 2 * CELL_PADDING_Y
        canvas = self.canvas
        if fill is not None:
            canvas.setFillColor(fill)
            canvas.rect(self.left, self.y - height, sum(widths), height, stroke=0, fill=1)
            canvas.setFillColor(HexColor("#000000"))
        x = self.left
        for cell, width, lines in zip(row, widths, wrapped, strict=True):
            right = x + width - PADDING if cell.right else None
            self._lines(lines, x + PADDING, self.y - CELL_PADDING_Y, size, leading, right)
            x += width
        canvas.setStrokeColor(rule)
        canvas.setLineWidth(0.25)
        canvas.line(self.left, self.y - height, self.left + sum(widths), self.y - height)
        self.y -= height

    def pdf(self) -> bytes:
        """The document's bytes (the last page closed)."""
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()
