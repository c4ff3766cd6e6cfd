"""A progress bar for long commands: drawn on a terminal, silent when the output is piped or JSON.

    with progress_bar(self.stderr, label="Importing", total=size, enabled=format != "json") as bar:
        for ...:
            bar.update(done, note=f"{rows:,} rows")

The bar is drawn on standard error, so what a command prints on standard output (its report, its
JSON) is the same with or without it, and redrawn at most ten times a second. When the stream is
not a terminal (a pipe, a file, a scheduled job's log) or ``enabled`` is false, nothing is written.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from django.core.management.base import OutputWrapper

WIDTH = 28
EVERY = 0.1  # seconds between two redraws


def is_terminal(stream) -> bool:
    return bool(getattr(stream, "isatty", None) and stream.isatty())


class ProgressBar:
    """One line redrawn in place: label, bar, percent (when the total is known), a note, the time taken."""

    def __init__(self, stream: IO[str], *, label: str, total: int | None = None, enabled: bool = True):
        self.stream = stream
        # A command's self.stderr ends every write with a newline unless told otherwise.
        self.write = (lambda text: stream.write(text, ending="")) if isinstance(stream, OutputWrapper) else stream.write
        self.label = label
        self.total = total
        self.shown = enabled and is_terminal(stream)
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.done = 0
        self.note = ""

    def update(self, done: int, *, note: str = "", total: int | None = None) -> None:
        """Record progress (``done`` of ``total``) and redraw if a tenth of a second has passed."""
        self.done, self.note = done, note
        if total is not None:
            self.total = total
        now = time.monotonic()
        if self.shown and now - self.drawn_at >= EVERY:
            self.drawn_at = now
            self._draw(now)

    def line(self, now: float) -> str:
        seconds = now - self.started
        if self.total:
            share = min(max(self.done / self.total, 0.0), 1.0)
            filled = round(share * WIDTH)
            bar = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {share:4.0%}"
        else:
            bar = f"{self.done:,}"
        note = f"  {self.note}" if self.note else ""
        return f"{self.label} {bar}{note}  {seconds:.1f} s"

    def _draw(self, now: float) -> None:
        self.write("\r\x1b[2K" + self.line(now))
        self.stream.flush()

    def close(self) -> None:
        """Draw the last state and end the line (only if anything was drawn)."""
        if self.shown:
            self._draw(time.monotonic())
            self.write("\n")
            self.stream.flush()


@contextmanager
def progress_bar(stream, *, label: str, total: int | None = None, enabled: bool = True) -> Iterator[ProgressBar]:
    """A ``ProgressBar`` on ``stream`` (a Django command's ``self.stderr`` or a file), closed at the end."""
    bar = ProgressBar(stream, label=label, total=total, enabled=enabled)
    try:
        yield bar
    finally:
        bar.close()
