"""The dunning run as a few SQL statements over all open items at once (set-based, for a million items).

For a run date D, an open item's *next level* is the level after the one it reached (its
``DunningState``) in its customer's policy: the customer's own policy, else one chosen by a
registered criterion (``policy_criteria``: a segment's policy), else the policy of its credit
grade (the credit context's account, joined here so the run stays one statement), else the
default. Reminders (levels with negative days) are only for items not yet due;
an item that is already due starts at the policy's first notice. The item is due for that level
when D is at least the level's days after the due date, and at least the policy's days between
notices after its last notice, so an item climbs one level per run and a second run on the same
day finds nothing. Items on an open dispute, on an open promise whose date has not passed, or of a
customer whose dunning is blocked or who is with legal are left out. A policy of another company
never applies: a customer's own or its grade's policy of another company counts as none. A
customer's items of one level make one notice, when their total reaches the level's minimum amount,
stated in the company's functional currency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from django.db import connection, transaction

from ardesk.collections import domain, policy_criteria
from ardesk.collections.models import (
    DisputeStatus,
    DunningLevel,
    DunningPolicy,
    LevelChannel,
    Notice,
    NoticeCharges,
    NoticeItem,
    PromiseStatus,
)
from ardesk.companies.models import Company
from ardesk.core.money import quantize, to_minor
from ardesk.ledger import open_items


def _date(value: dt.date):
    return value if connection.vendor == "postgresql" else value.isoformat()


def _minus_days(date_param: str, days_column: str) -> str:
    """SQL for (a date parameter) minus (an integer column) days, on PostgreSQL and SQLite."""
    if connection.vendor == "postgresql":
        return f"(CAST({date_param} AS date) - {days_column})"
    return f"date({date_param}, (-({days_column})) || ' days')"


def _fence() -> str:
    """Keep PostgreSQL from merging the per-item subquery into the outer join (``OFFSET 0``).

    Merged, it joins every item to every level of its policy and looks up the item's dunning
    state once per pair; kept apart, each item's next level is computed once.
    """
    return "OFFSET 0" if connection.vendor == "postgresql" else ""


def _credit_accounts() -> str:
    """The credit context's accounts table (a customer's credit grade picks its policy). Looked up in the
    app registry rather than imported: the credit context reads collections (promises, disputes)."""
    return apps.get_model("credit", "CreditAccount")._meta.db_table


def first_notice_seqs() -> dict[int, int]:
    """Per active policy, the level an already-due item starts at: the first one that is not a reminder."""
    seqs: dict[int, int] = {}
    for policy_id, seq in DunningLevel.objects.filter(policy__is_active=True, days__gte=0).values_list(
        "policy_id", "seq"
    ):
        seqs[policy_id] = min(seq, seqs.get(policy_id, seq))
    return seqs


def level_minimums(currency: str) -> dict[int, int]:
    """Per level of an active policy, its minimum notice total in minor units of ``currency`` (the
    running company's functional currency: a minimum of 100 is 100.00 CNY, ¥100 or 100.000 KWD)."""
    return {
        level_id: to_minor(quantize(amount, currency), currency)
        for level_id, amount in DunningLevel.objects.filter(policy__is_active=True).values_list("id", "min_amount")
        if amount
    }


def candidates_sql(*, company_id: int, run_on: dt.date) -> tuple[str, list]:
    """SELECT of the items due for their next level, one row each (before the level's minimum amount).

    Columns: line_id, customer_id, level_id, level_seq, channel, min_amount, due_on, currency,
    open_amount, open_functional. The open amounts are those of the run date: the allocations dated
    after it are added back, and a line settled after it is still open on it.
    """
    default_id = DunningPolicy.objects.filter(is_default=True, is_active=True).values_list("pk", flat=True).first()
    currency = Company.objects.values_list("functional_currency", flat=True).get(pk=company_id)
    minimums = level_minimums(currency)
    minimum = " ".join("WHEN %s THEN %s" for _ in minimums) or "WHEN -1 THEN 0"
    minimum_params: list = [v for pair in minimums.items() for v in pair]
    first = first_notice_seqs()
    # The policy's first notice as a CASE: a handful of policies, so a constant expression per row.
    when = " ".join("WHEN %s THEN %s" for _ in first) or "WHEN -1 THEN 1"
    first_params: list = [v for pair in first.items() for v in pair] or []
    d = "%s"
    criteria = policy_criteria.pairs_sql()
    # A customer's policy by a registered criterion (a segment's policy) comes after its own.
    by_criterion = f"LEFT JOIN ({criteria}) AS cp ON cp.customer_id = l.customer_id" if criteria else ""
    criterion_policy = "cp.policy_id, " if criteria else ""
    # Only constants, the ledger's open-items fragments (``ledger.open_items``: the lines that can be
    # open on the run date, and what allocations dated after it took, added back so the items are
    # open as of it) and placeholders are formatted into the SQL; values are parameters. The lines
    # are read as the two ranges of the (settled_on) covering index (never settled, settled after
    # the date), as the aging reads them: the cost follows the open items, not the ledger's history
    # (a condition "settled_on IS NULL OR settled_on > D" on the table made PostgreSQL scan every line
    # of the company: 10,000,000 lines for 2,100,000 open ones).
    sql = f"""
        SELECT x.line_id, x.customer_id, nl.id AS level_id, nl.seq AS level_seq, nl.channel,
               CASE nl.id {minimum} ELSE 0 END AS min_amount,
               x.due_on, x.currency, x.open_amount, x.open_functional
        FROM (
            -- Each open item with its policy and the level it would get next: one row per item, so
            -- the levels join on equality afterwards instead of trying every level of the policy.
            SELECT l.id AS line_id, l.customer_id, l.due_on, l.currency,
                   l.open_now + COALESCE(later.a, 0) AS open_amount,
                   l.open_functional_now + COALESCE(later.f, 0) AS open_functional, pol.id AS policy_id,
                   CASE
                       WHEN l.due_on <= {d} AND COALESCE(s.level_seq, 0) + 1 < (CASE pol.id {when} ELSE 0 END)
                       THEN (CASE pol.id {when} ELSE 0 END)
                       ELSE COALESCE(s.level_seq, 0) + 1
                   END AS next_seq
            FROM {open_items.OPEN_LINES} l
            LEFT JOIN ({open_items.allocations_after("line")}) AS later ON later.line_id = l.id
            LEFT JOIN collections_collectionprofile p ON p.customer_id = l.customer_id
            LEFT JOIN collections_dunningpolicy own
              ON own.id = p.policy_id AND (own.company_id IS NULL OR own.company_id = l.company_id)
            {by_criterion}
            LEFT JOIN {_credit_accounts()} ca ON ca.customer_id = l.customer_id
            LEFT JOIN collections_policygrade g ON g.grade = ca.grade
            LEFT JOIN collections_dunningpolicy graded
              ON graded.id = g.policy_id AND (graded.company_id IS NULL OR graded.company_id = l.company_id)
            LEFT JOIN collections_dunningstate s ON s.line_id = l.id
            JOIN collections_dunningpolicy pol
              ON pol.id = COALESCE(own.id, {criterion_policy}graded.id, %s) AND pol.is_active = %s
            WHERE l.company_id = %s
              AND l.issue_on <= %s
              AND l.open_now + COALESCE(later.a, 0) > 0
              AND (s.notice_on IS NULL OR s.notice_on <= {_minus_days(d, "pol.min_days_between")})
              AND COALESCE(p.dunning_blocked, %s) = %s
              AND COALESCE(p.in_legal, %s) = %s
            {_fence()}
        ) AS x
        JOIN collections_dunninglevel nl ON nl.policy_id = x.policy_id AND nl.seq = x.next_seq
        WHERE x.due_on <= {_minus_days(d, "nl.days")}
          AND (nl.days >= 0 OR x.due_on > {d})
          AND NOT EXISTS (
              SELECT 1 FROM collections_disputeitem di
              JOIN collections_dispute ds ON ds.id = di.dispute_id
              WHERE di.line_id = x.line_id AND ds.status = %s
          )
          AND NOT EXISTS (
              SELECT 1 FROM collections_promiseitem pi
              JOIN collections_promisetopay pr ON pr.id = pi.promise_id
              WHERE pi.line_id = x.line_id AND pr.status = %s AND pr.promised_on >= {d}
          )
    """  # noqa: S608
    on = _date(run_on)
    params = [
        *minimum_params,
        on,
        *first_params,
        *first_params,
        on,
        on,
        default_id,
        True,
        company_id,
        on,
        on,
        False,
        False,
        False,
        False,
        on,
        on,
        DisputeStatus.OPEN.value,
        PromiseStatus.OPEN.value,
        on,
    ]
    return sql, params


# A customer's items of one level make a notice when their total reaches the level's minimum.
NOTICE_GROUP = "GROUP BY customer_id, level_id HAVING SUM(open_functional) >= MIN(min_amount)"


def preview_rows(*, company_id: int, run_on: dt.date) -> list[tuple]:
    """One row per notice the run would write: (customer_id, level_id, level_seq, channel, items, total)."""
    sql, params = candidates_sql(company_id=company_id, run_on=run_on)
    grouped = f"""
    SELECT customer_id, level_id, MIN(level_seq), MIN(channel), COUNT(*), SUM(open_functional)
    FROM ({sql}) AS c {NOTICE_GROUP}
    """  # noqa: S608
    with transaction.atomic(), connection.cursor() as cursor, _session(cursor):
        cursor.execute(grouped, params)
        return cursor.fetchall()


TEMP = "collections_run_candidates"


# PostgreSQL settings for the run's statements, restored afterwards (SET LOCAL would hold to the end
# of the caller's transaction). The planner estimates a single candidate where there are a million
# (the next level is a computed join key), so it chose nested loops: an index probe of the item
# states and of the disputes and promises per item. Hash joins read each side once: the preview
# over 1,000,000 open items took 4.4 s instead of 8.7 s. Grouping them needs more than the default
# 4MB of memory, and compiling the statements to machine code (JIT) took longer than running them.
RUN_SETTINGS = {"work_mem": "128MB", "jit": "off", "enable_nestloop": "off"}


@contextmanager
def _session(cursor) -> Iterator[None]:
    if connection.vendor != "postgresql":
        yield
        return
    names = list(RUN_SETTINGS)
    cursor.execute(
        "SELECT " + ", ".join(["current_setting(%s)"] * len(names) + ["set_config(%s, %s, true)"] * len(names)),
        [*names, *(v for name in names for v in (name, RUN_SETTINGS[name]))],
    )
    saved = cursor.fetchone()[: len(names)]
    yield
    # Not on an error: the transaction (or savepoint) is rolled back, and the settings with it.
    cursor.execute(
        "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(names)),
        [v for name, value in zip(names, saved, strict=True) for v in (name, value)],
    )


def write_run(*, run_id: int, company_id: int, run_on: dt.date, currency: str) -> tuple[int, int, int]:
    """Write the run's notices, their items and the items' new levels; returns (notices, items, total).

    The candidates go to a temporary table once (not logged, analysed so the statements below are
    planned for its real size), less the ones whose notice stays below its level's minimum; the
    notices are grouped from it, the items join their notice by (customer, level), and the items'
    levels are updated where an item has one and inserted where it has none.
    """
    sql, params = candidates_sql(company_id=company_id, run_on=run_on)
    on = _date(run_on)
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor, _session(cursor):
        cursor.execute(f"DROP TABLE IF EXISTS {TEMP}")
        cursor.execute(f"CREATE TEMPORARY TABLE {TEMP} AS {sql}", params)
        if postgres:
            # The candidates' statistics: PostgreSQL estimates a single row from the query above,
            # and would plan the statements below for one.
            cursor.execute(f"ANALYZE {TEMP}")
        else:
            # Without it SQLite joins the notices to the candidates by scanning the candidates per notice.
            cursor.execute(f"CREATE INDEX {TEMP}_notice ON {TEMP} (customer_id, level_id)")
        # Out go the items whose notice stays below its level's minimum.
        cursor.execute(
            f"""
            DELETE FROM {TEMP} WHERE (customer_id, level_id) IN (
                SELECT customer_id, level_id FROM {TEMP}
                GROUP BY customer_id, level_id HAVING SUM(open_functional) < MIN(min_amount)
            )
            """  # noqa: S608
        )
        cursor.execute(
            f"""
            INSERT INTO collections_notice
                (run_id, company_id, customer_id, level_id, level_seq, channel, notice_on, item_count,
                 total_functional, currency, status, language, recipients, subject, body, pdf, error, attempts,
                 fee, interest, charges)
            SELECT %s, %s, customer_id, level_id, MIN(level_seq), MIN(channel), %s, COUNT(*),
                   SUM(open_functional), %s,
                   CASE WHEN MIN(channel) = %s THEN %s ELSE %s END, '', '', '', '', '', '', 0, 0, 0, %s
            FROM {TEMP}
            GROUP BY customer_id, level_id
            """,  # noqa: S608
            [run_id, company_id, on, currency, LevelChannel.PHONE.value, "task", "pending", NoticeCharges.NONE.value],
        )
        cursor.execute(
            f"""
            INSERT INTO collections_noticeitem (notice_id, line_id, due_on, currency, open_amount, open_functional)
            SELECT n.id, c.line_id, c.due_on, c.currency, c.open_amount, c.open_functional
            FROM {TEMP} c
            JOIN collections_notice n ON n.run_id = %s AND n.customer_id = c.customer_id AND n.level_id = c.level_id
            """,  # noqa: S608
            [run_id],
        )
        items = cursor.rowcount
        # Two plain statements rather than INSERT … ON CONFLICT, which writes each new row twice
        # (a speculative insertion, then its confirmation).
        cursor.execute(
            f"""
            UPDATE collections_dunningstate AS s
            SET level_id = c.level_id, level_seq = c.level_seq, notice_on = %s
            FROM {TEMP} c WHERE s.line_id = c.line_id
            """,  # noqa: S608
            [on],
        )
        cursor.execute(
            f"""
            INSERT INTO collections_dunningstate (line_id, level_id, level_seq, notice_on)
            SELECT c.line_id, c.level_id, c.level_seq, %s FROM {TEMP} c
            WHERE NOT EXISTS (SELECT 1 FROM collections_dunningstate s WHERE s.line_id = c.line_id)
            """,  # noqa: S608
            [on],
        )
        cursor.execute(
            "SELECT COUNT(*), COALESCE(SUM(total_functional), 0) FROM collections_notice WHERE run_id = %s", [run_id]
        )
        notices, total = cursor.fetchone()
        cursor.execute(f"DROP TABLE {TEMP}")
    notice_charges_write(run_id=run_id, run_on=run_on, currency=currency)
    return notices, items, total


def notice_charges_write(*, run_id: int, run_on: dt.date, currency: str) -> None:
    """Put the fee and late-payment interest of their level on the run's notices (waived until charged).

    Only the notices of levels with a fee or a rate are read, so a policy without charges costs the
    run nothing. The interest runs on each item's open amount from its due date to the run date.
    """
    levels = {
        level.pk: level
        for level in DunningLevel.objects.filter(policy__is_active=True)
        .exclude(fee=0, interest_rate=0)
        .select_related("policy")
    }
    if not levels:
        return
    notices = list(Notice.objects.filter(run_id=run_id, level_id__in=levels).only("id", "level_id"))
    if not notices:
        return
    items: dict[int, list[tuple[int, int]]] = {}
    for notice_id, due_on, amount in NoticeItem.objects.filter(
        notice__run_id=run_id, notice__level_id__in=levels
    ).values_list("notice_id", "due_on", "open_functional"):
        items.setdefault(notice_id, []).append((amount, domain.days_overdue(due_on, run_on)))
    for notice in notices:
        level = levels[notice.level_id]
        notice.fee = to_minor(quantize(level.fee, currency), currency)
        notice.interest = domain.late_interest(
            items=items.get(notice.pk, []), annual_rate=level.interest_rate, basis=level.policy.interest_basis
        )
        notice.charges = NoticeCharges.WAIVED if notice.fee or notice.interest else NoticeCharges.NONE
    Notice.objects.bulk_update(notices, ["fee", "interest", "charges"], batch_size=1000)
