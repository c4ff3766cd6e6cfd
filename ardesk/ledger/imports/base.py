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
    next_step: str = ""

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
            "next_step": self.next_step,
            "problems": [{"line": p.line, "field": p.field, "reason": p.reason} for p in self.problems],
        }


def chunks(table: Table) -> Iterator[list[tuple[int, list]]]:
    """The file's rows, CHUNK at a time, as (line number, cells)."""
    chunk: list[tuple[int, list]] = []
    for row in table.rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def plain_minor(text: str, places: int) -> int | None:
    """Minor units of a plain positive amount such as ``1200.5`` (ASCII digits, at most ``places``
    decimals, within the ledger's largest amount), the common case, read without Decimal; None for
    anything else, which the full checks (domain.read_amount, amount_problems) then read or report."""
    whole, dot, fraction = text.partition(".")
    if not (whole.isdigit() and whole.isascii()):
        return None
    if dot:
        if not (fraction.isdigit() and fraction.isascii()) or len(fraction) > places:
            return None
        minor = int(whole) * 10**places + int(fraction) * 10 ** (places - len(fraction))
    else:
        minor = int(whole) * 10**places
    return minor if 0 < minor <= domain.MAX_MINOR else None


class Importer:
    """One kind of import, run in one pass over the file.

    Each chunk is checked; while the file is clean so far and the run writes, the chunk is
    written at once, inside the run's transaction. At the first problem writing stops but
    checking goes on to the end, so the report lists every bad row, and the transaction is
    rolled back: all or nothing.
    """

    kind = ""
    # Who may run it, and whether it writes ledger documents (then the ledger's statistics are
    # refreshed and the merge of daily totals follows); a registered kind of a higher context sets both.
    permission = "ledger.add_importbatch"
    ledger_documents = True

    def __init__(self, *, company: Company, user, report: ImportReport):
        self.company = company
        self.user = user
        self.report = report
        self.writing = False
        # The run is a transaction of its own (or none, a dry run): another connection sees the ledger
        # as the run does, but for what the run itself writes (see core.bulk.Reader).
        self.alone = False
        self.batch: ImportBatch | None = None
        self.positions: dict[str, int] = {}

    def values(self, cells: list) -> dict:
        """A row's cells by field name."""
        return {name: (cells[i] if i < len(cells) else "") for name, i in self.positions.items()}

    def chunk_cells(self, rows: list[tuple[int, list]]) -> None:
        """Check (and write) a chunk of (line number, cells); by default by field name, see ``chunk``."""
        self.chunk([(line, self.values(cells)) for line, cells in rows])

    @property
    def may_write(self) -> bool:
        return self.writing and self.report.ok

    def start(self) -> None:
        """Load the lookups every chunk needs."""

    def chunk(self, rows: list[tuple[int, dict]]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Work that needs the whole file (e.g. parents named further down)."""

    def close(self) -> None:
        """Release what the run holds (called after ``finish``, and when the run fails)."""

    def text(self, line: int, values: dict, name: str, *, required: bool = True, max_length: int = 64) -> str | None:
        value = cell_text(values.get(name, ""))
        if not value:
            if required:
                self.report.add(line, name, _("This field is required."))
                return None
            return ""
        problem = domain.text_problem(value, name, max_length)
        if problem is not None:
            self.report.add(line, name, problem.message)
            return None
        return value

    def problems(self, line: int, problems: list[domain.Problem], columns: dict[str, str]) -> None:
        """Report the ledger's problems of a row, each under the file's column for its field."""
        for problem in problems:
            self.report.add(line, columns.get(problem.field, problem.field), problem.message)

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
        self.lines: dict[int, dict] = {}

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
        self.lines[pk] = line
        return functional

    def open_after(self) -> list[tuple[int, int, int, int]]:
        """(line id, open amount, open functional amount) of every line taken from, once the takings are
        written, and the open amount the ledger gave the line when it was read."""
        return [
            (
                pk,
                line["open_amount"] - self.amount[pk],
                line["functional_amount"] - line["allocated_functional"] - self.functional[pk],
                line["open_now"],
            )
            for pk, line in self.lines.items()
        ]

    def clear(self) -> None:
        self.amount.clear()
        self.functional.clear()
        self.lines.clear()
