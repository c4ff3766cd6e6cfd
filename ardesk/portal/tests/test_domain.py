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
