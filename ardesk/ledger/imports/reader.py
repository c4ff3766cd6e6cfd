"""Reading import files row by row, whatever Chinese Excel wrote: UTF-8 (with or without BOM),
GBK/GB18030 CSV, or XLSX. Rows are streamed: a file of a million rows is never held in memory."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

SAMPLE = 1 << 20


class FileProblem(ValueError):
    """The file as a whole cannot be read (format, encoding, empty)."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list]]  # (line number as the user sees it, cell values)
    encoding: str


def detect_encoding(sample: bytes) -> str:
    """UTF-8 with BOM, UTF-8, else GB18030 (a superset of GBK, what Chinese Excel writes)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for encoding in ("utf-8", "gb18030"):
        try:
            # the sample may end inside a multi-byte character: ignore only a cut at the very end
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
            return encoding
        except UnicodeDecodeError:
            continue
    raise FileProblem(_("The file is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8 or as XLSX."))


def _csv_rows(handle: IO[bytes], encoding: str) -> Iterator[tuple[int, list]]:
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    reader = csv.reader(text)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield reader.line_num, row
    except UnicodeDecodeError as exc:
        raise FileProblem(
            _("Line %(line)d is not valid %(encoding)s text.") % {"line": reader.line_num + 1, "encoding": encoding}
        ) from exc
    except csv.Error as exc:
        raise FileProblem(_("Line %(line)d: %(reason)s") % {"line": reader.line_num, "reason": exc}) from exc
    finally:
        # Leave the caller's file open: the import reads it twice. A pass stopped early is closed when
        # it is collected, perhaps after the caller has closed the file: nothing is left to detach then.
        if not handle.closed:
            text.detach()


def _xlsx_rows(handle: IO[bytes]) -> Iterator[tuple[int, list]]:
    """The first sheet's rows. Every row the sheet holds is read: the sheet's own <dimension> tag,
    which openpyxl's streaming reader trusts, may claim fewer rows or columns than there are (a
    file whose tag said A1:F2 lost its third row). Formulas are read as written (``=A1*2``), not
    as the value a spreadsheet last computed, so the import refuses them rather than trusting a
    value that may be stale or missing."""
    from openpyxl import load_workbook

    workbook = load_workbook(handle, read_only=True, data_only=False)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(cell not in (None, "") for cell in row):
                yield number, ["" if cell is None else cell for cell in row]
    finally:
        workbook.close()


def open_table(handle: IO[bytes], filename: str) -> Table:
    """Open a CSV or XLSX file (judged by its content) and read its header row."""
    head = handle.read(4)
    handle.seek(0)
    if head.startswith(b"PK\x03\x04"):
        try:
            rows = _xlsx_rows(handle)
            first = next(rows, None)
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise FileProblem(_("The Excel file cannot be read: %(reason)s") % {"reason": exc}) from exc
        encoding = "xlsx"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(_("Old .xls files are not supported: save the sheet as .xlsx or CSV."))
    else:
        sample = handle.read(SAMPLE)
        handle.seek(0)
        if not sample.strip():
            raise FileProblem(_("The file is empty."))
        encoding = detect_encoding(sample)
        rows = _csv_rows(handle, encoding)
        first = next(rows, None)
    if first is None:
        raise FileProblem(_("The file is empty."))
    headers = [str(h).strip().lstrip("\ufeff") for h in first[1]]
    return Table(headers=headers, rows=rows, encoding=encoding)


def column_letter(index: int) -> str:
    """The spreadsheet's name of a column counted from 0: A, B, ..., Z, AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def duplicate_headers(headers: list[str]) -> list[str]:
    """A problem for each header that appears more than once (empty headers aside)."""
    where: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        if header.strip():
            where.setdefault(header.strip().lower(), []).append(index)
    return [
        _("Column %(header)s appears more than once (columns %(columns)s).")
        % {"header": headers[indexes[0]], "columns": ", ".join(column_letter(i) for i in indexes)}
        for indexes in where.values()
        if len(indexes) > 1
    ]


def cell_text(value) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()
