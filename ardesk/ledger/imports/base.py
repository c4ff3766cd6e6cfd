"""What every import shares: the report, the importer's life cycle, reading cells, line use."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.money import from_minor, to_minor
from ardesk.ledger import domain
from ardesk.ledger.imports.reader import Table, cell_text
from ardesk.ledger.models import ImportBatch

CHUNK = 2000
MAX_LISTED_PROBLEMS = 1000
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return _("Line %(line)d, %(field)s: %(reason)s") % {
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    kind: str
    file_name: str
    rows: int = 0
    created: int = 0
    unchanged: int = 0
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    dry_run: bool = False
    written: bool = False
    batch_id: int | None = None
    encoding: str = ""

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add(self, line: int, field_name: str, reason: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(Problem(line, field_name, str(reason)))

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "file": self.file_name,
            "rows": self.rows,
            "created": self.created,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "dry_run": self.dry_run,
            "written": self.written,
            "problem_count": self.problem_count,
            "batch_id": self.batch_id,
            "problems": [{"line": p.line, "field": p.field, "reason": p.reason} for p in self.problems],
        }


def chunks(table: Table, positions: dict[str, int]) -> Iterator[list[tuple[int, dict]]]:
    chunk: list[tuple[int, dict]] = []
    for line, cells in table.rows:
        chunk.append((line, {name: (cells[i] if i < len(cells) else "") for name, i in positions.items()}))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Importer:
    """One kind of import, run in one pass over the file.

    Each chunk is checked; while the file is clean so far and the run writes, the chunk is
    written at once, inside the run's transaction. At the first problem writing stops but
    checking goes on to the end, so the report lists every bad row, and the transaction is
    rolled back: all or nothing.
    """

    kind = ""

    def __init__(self, *, company: Company, user, report: ImportReport):
        self.company = company
        self.user = user
        self.report = report
        self.writing = False
        self.batch: ImportBatch | None = None

    @property
    def may_write(self) -> bool:
        return self.writing and self.report.ok

    def start(self) -> None:
        """Load the lookups every chunk needs."""

    def chunk(self, rows: list[tuple[int, dict]]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Work that needs the whole file (e.g. parents named further down)."""

    def text(self, line: int, values: dict, name: str, *, required: bool = True, max_length: int = 64) -> str | None:
        value = cell_text(values.get(name, ""))
        if not value:
            if required:
                self.report.add(line, name, _("This field is required."))
                return None
            return ""
        if len(value) > max_length:
            self.report.add(line, name, _("At most %(count)d characters.") % {"count": max_length})
            return None
        return value

    def parsed(self, line: int, values: dict, name: str, parser, *args, required: bool = True):
        raw = values.get(name, "")
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.report.add(line, name, _("This field is required."))
            return None
        try:
            return parser(raw, *args)
        except ValueError as exc:
            self.report.add(line, name, str(exc))
            return None


def converted(minor: int, currency: str, rate: Decimal, functional_currency: str) -> int:
    """Minor units of a document currency converted at a rate to minor units of the functional currency."""
    return to_minor(
        domain.functional_amount(from_minor(minor, currency), rate, functional_currency), functional_currency
    )


class LineUse:
    """What a run has taken from open lines but not yet written, so rows never overdraw an item."""

    def __init__(self, functional_currency: str):
        self.functional_currency = functional_currency
        self.amount: dict[int, int] = {}
        self.functional: dict[int, int] = {}

    def available(self, line: dict) -> int:
        return line["open_amount"] - self.amount.get(line["pk"], 0)

    def take(self, line: dict, share: int) -> int:
        """Take part of a line; return its functional amount (the part closing the line takes the rest)."""
        pk = line["pk"]
        if share == self.available(line):
            functional = line["functional_amount"] - line["allocated_functional"] - self.functional.get(pk, 0)
        else:
            functional = converted(share, line["currency"], line["document__rate"], self.functional_currency)
        self.amount[pk] = self.amount.get(pk, 0) + share
        self.functional[pk] = self.functional.get(pk, 0) + functional
        return functional

    def clear(self) -> None:
        self.amount.clear()
        self.functional.clear()
