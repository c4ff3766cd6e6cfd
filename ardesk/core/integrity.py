"""Integrity checks of the stored data: what the database itself no longer checks, and what is kept derived.

Some references carry no database constraint, for speed (each model says why): an import or a
month-end run writes millions of rows, and PostgreSQL checking every reference cost more than
writing the rows. The code that writes them sets them from rows it has just read or written, and
posted records are never deleted; ``references`` proves it after the fact. Each context adds the
checks of what it keeps derived (``ledger.integrity``: open amounts, daily totals) by calling
``register`` from its ``AppConfig.ready()``.

``ardesk integrity`` runs them all; a finance team runs it after an ERP migration, and it belongs
in the checks an auditor asks for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    """One kind of inconsistency: how many rows have it and a few of their ids to look at."""

    check: str
    description: str
    count: int
    examples: list = field(default_factory=list)


def count_with_examples(sql: str, params=(), examples: int = 5) -> tuple[int, list]:
    """Run ``SELECT <id> FROM ... WHERE <problem>`` wrapped to count the rows and keep the first ids."""
    wrapped = f"SELECT COUNT(*), MIN(x.id) FROM ({sql}) x"  # noqa: S608 (the callers' fixed text)
    with connection.cursor() as cursor:
        cursor.execute(wrapped, params)
        count, first = cursor.fetchone()
        if not count:
            return 0, []
        cursor.execute(f"SELECT x.id FROM ({sql}) x ORDER BY x.id LIMIT {int(examples)}", params)  # noqa: S608
        return count, [row[0] for row in cursor.fetchall()]


def _unconstrained_references():
    """(model, field) for every reference the database does not check."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for f in model._meta.concrete_fields:
            if f.is_relation and f.many_to_one | f.one_to_one and not f.db_constraint:
                yield model, f


def references() -> list[Problem]:
    """Rows whose unconstrained reference names a row that does not exist."""
    quote = connection.ops.quote_name
    problems = []
    for model, f in _unconstrained_references():
        target = f.target_field
        table, column, pk = quote(model._meta.db_table), quote(f.column), quote(model._meta.pk.column)
        ref_table, ref_column = quote(target.model._meta.db_table), quote(target.column)
        # Names from the models, quoted; no value.
        sql = (
            f"SELECT t.{pk} AS id FROM {table} t LEFT JOIN {ref_table} r ON r.{ref_column} = t.{column}"  # noqa: S608
            f" WHERE t.{column} IS NOT NULL AND r.{ref_column} IS NULL"
        )
        count, examples = count_with_examples(sql)
        if count:
            problems.append(
                Problem(
                    check=f"{model._meta.label_lower}.{f.name}",
                    description=_("%(model)s rows whose %(field)s does not exist")
                    % {"model": model._meta.verbose_name, "field": f.verbose_name},
                    count=count,
                    examples=examples,
                )
            )
    return problems


# The checks ``ardesk integrity`` runs, by name: the references, then what each context registers
# from its ``AppConfig.ready()`` (core imports no context).
_CHECKS: dict[str, Callable[[], list[Problem]]] = {"references": references}


def register(checks: Iterable[tuple[str, Callable[[], list[Problem]]]]) -> None:
    """Add a context's checks of what it keeps derived; a name registered again keeps its place.

    Django may call an ``AppConfig.ready()`` more than once (in tests), so registering is idempotent.
    """
    for name, check in checks:
        _CHECKS.setdefault(name, check)


def checks() -> list[tuple[str, Callable[[], list[Problem]]]]:
    """Every check, by name: the references, then each context's own in the order the apps are installed."""
    return list(_CHECKS.items())


def run_all(progress: Callable[[int, int, str], None] | None = None) -> tuple[list[str], list[Problem]]:
    """The names of the checks run and the problems they found; ``progress(done, total, next name)`` as they run."""
    names, problems = [], []
    found = checks()
    for n, (name, check) in enumerate(found):
        if progress is not None:
            progress(n, len(found), name)
        names.append(name)
        problems.extend(check())
    if progress is not None:
        progress(len(found), len(found), "")
    return names, problems
