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

from ardesk.core.bulk import copy_line, copy_lines

__all__ = ["copy_line", "copy_lines"]
