"""The portal's rules, without a database."""

from __future__ import annotations

import datetime as dt

from ardesk.portal import domain

TODAY = dt.date(2026, 3, 31)


def test_a_link_is_usable_until_its_last_day_and_never_once_revoked_or_without_its_contact():
    assert domain.link_problem(expires_on=TODAY, is_revoked=False, has_contact=True, today=TODAY) is None
    assert (
        domain.link_problem(expires_on=TODAY - dt.timedelta(days=1), is_revoked=False, has_contact=True, today=TODAY)
        == "expired"
    )
    assert domain.link_problem(expires_on=TODAY, is_revoked=True, has_contact=True, today=TODAY) == "revoked"
    assert domain.link_problem(expires_on=TODAY, is_revoked=False, has_contact=False, today=TODAY) == "revoked"


def test_a_link_lasts_one_day_to_a_year():
    assert domain.link_days_problem(0) and domain.link_days_problem(367)
    assert not domain.link_days_problem(1) and not domain.link_days_problem(366)


def test_days_overdue_count_from_the_day_after_the_due_date():
    assert domain.days_overdue(dt.date(2026, 3, 1), TODAY) == 30
    assert domain.days_overdue(TODAY, TODAY) == 0
    assert domain.days_overdue(dt.date(2026, 4, 10), TODAY) == 0


def test_a_disagreement_names_open_items_and_an_amount_that_differs():
    ours = {1: 100000, 2: 50000}
    assert domain.differences_problem({}, ours) == "none"
    assert domain.differences_problem({3: 100}, ours) == "unknown"
    assert domain.differences_problem({1: -1}, ours) == "negative"
    assert domain.differences_problem({1: 100000}, ours) == "same"
    assert domain.differences_problem({1: 80000, 2: 50000}, ours) is None


def test_a_monthly_run_sends_the_whole_previous_month():
    assert domain.previous_month(dt.date(2026, 3, 15)) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert domain.previous_month(dt.date(2024, 3, 1)) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert domain.previous_month(dt.date(2026, 1, 31)) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))


def test_a_schedule_is_due_from_its_day_of_the_month_on():
    assert not domain.schedule_is_due(day=5, today=dt.date(2026, 3, 4))
    assert domain.schedule_is_due(day=5, today=dt.date(2026, 3, 5))
    assert domain.schedule_is_due(day=5, today=dt.date(2026, 3, 28))


def test_statements_sent_on_or_before_the_dates_are_reminded_and_followed_up():
    # Sent on 2026-03-24 with 7 and 14 days: reminded from 03-31, the owner's task from 04-07.
    assert domain.follow_up_dates(today=TODAY, remind_after_days=7, task_after_days=14) == (
        dt.date(2026, 3, 24),
        dt.date(2026, 3, 17),
    )


def test_a_finished_run_fails_only_when_nothing_left():
    assert domain.run_status(recipients=3, sent=2, failed=1) == "sent"
    assert domain.run_status(recipients=1, sent=0, failed=1) == "failed"
    assert domain.run_status(recipients=0, sent=0, failed=0) == "sent"


def test_a_code_opens_once_within_its_minutes_and_its_five_tries():
    assert domain.code_problem(is_used=False, is_expired=False, attempts=1, matches=True) is None
    assert domain.code_problem(is_used=False, is_expired=False, attempts=5, matches=True) is None
    assert domain.code_problem(is_used=False, is_expired=False, attempts=6, matches=True) == "tries"
    assert domain.code_problem(is_used=False, is_expired=False, attempts=1, matches=False) == "wrong"
    assert domain.code_problem(is_used=False, is_expired=True, attempts=1, matches=True) == "expired"
    assert domain.code_problem(is_used=True, is_expired=False, attempts=1, matches=True) == "used"


def test_the_code_page_shows_only_the_first_letter_and_the_domain_of_the_address():
    assert domain.masked_email("li.na@example.cn") == "l***@example.cn"
    assert domain.masked_email("") == "***"
