"""A segment names its customers' credit review interval: after a date set by hand, before the grade's schedule.

Worked by hand: every grade of the scorecard says 12 months; segment MFG (manufacturing) says 3.
Scored on 2025-01-15, a manufacturer falls due on 2025-04-15, a trader on 2026-01-15.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from ardesk.audit.models import AuditEvent
from ardesk.budgets import services
from ardesk.budgets.models import Segment
from ardesk.credit import services as credit
from ardesk.credit.models import CreditAccount, CreditReview, Scorecard
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db

SCORED_ON = dt.date(2025, 1, 15)


@pytest.fixture
def grades_say_twelve_months():
    scorecard = Scorecard.objects.get(code="DEMO", is_active=True)
    for grade in scorecard.config["grades"]:
        grade["review_months"] = 12
    scorecard.save()


@pytest.fixture
def maker(company):
    return CustomerFactory(company=company, code="M001", industry="C")


@pytest.fixture
def trader(company):
    return CustomerFactory(company=company, code="T001", industry="F")


def scheduled(as_of: dt.date) -> dict[str, dt.date]:
    credit.reviews_schedule(as_of=as_of)
    return dict(CreditReview.objects.filter(reason="schedule").values_list("customer__code", "due_on"))


def test_a_segment_of_three_months_brings_the_review_forward_from_the_grades_twelve(
    company, manager, analyst, maker, trader, grades_say_twelve_months
):
    services.segment_save(by=manager, company=company, code="MFG", name="制造业", industry="C", review_months=3)
    credit.customer_score(by=analyst, customer=maker, as_of=SCORED_ON)
    credit.customer_score(by=analyst, customer=trader, as_of=SCORED_ON)
    dates = dict(CreditAccount.objects.values_list("customer__code", "next_review_on"))
    assert dates == {"M001": dt.date(2025, 4, 15), "T001": dt.date(2026, 1, 15)}
    assert scheduled(dt.date(2025, 4, 14)) == {}
    assert scheduled(dt.date(2025, 4, 15)) == {"M001": dt.date(2025, 4, 15)}
    assert scheduled(dt.date(2026, 1, 15)) == {"M001": dt.date(2025, 4, 15), "T001": dt.date(2026, 1, 15)}


def test_a_segment_given_an_interval_after_scoring_is_picked_up_by_the_reviews_command(
    company, manager, analyst, maker, grades_say_twelve_months, capsys
):
    credit.customer_score(by=analyst, customer=maker, as_of=SCORED_ON)
    assert CreditAccount.objects.get(customer=maker).next_review_on == dt.date(2026, 1, 15)  # the grade's 12
    services.segment_save(by=manager, company=company, code="MFG", name="制造业", industry="C", review_months=3)
    call_command("credit", "reviews", "--as-of", "2025-04-14")
    assert not CreditReview.objects.exists()
    call_command("credit", "reviews", "--as-of", "2025-04-15")
    review = CreditReview.objects.get(customer=maker)
    assert (review.reason, review.due_on) == ("schedule", dt.date(2025, 4, 15))
    assert "Opened 1 credit reviews due by 2025-04-15" in capsys.readouterr().out


def test_the_review_date_set_by_hand_wins_over_the_segment_until_the_next_scoring(
    company, manager, analyst, maker, grades_say_twelve_months
):
    services.segment_save(by=manager, company=company, code="MFG", name="制造业", industry="C", review_months=3)
    credit.customer_score(by=analyst, customer=maker, as_of=SCORED_ON)
    credit.account_update(by=analyst, customer=maker, next_review_on=dt.date(2025, 9, 30))
    assert scheduled(dt.date(2025, 4, 15)) == {}
    assert scheduled(dt.date(2025, 9, 30)) == {"M001": dt.date(2025, 9, 30)}
    # A new scoring sets the date by rule again: the segment's 3 months.
    CreditReview.objects.all().delete()
    credit.customer_score(by=analyst, customer=maker, as_of=dt.date(2025, 10, 1))
    account = CreditAccount.objects.get(customer=maker)
    assert (account.next_review_on, account.review_date_by_hand) == (dt.date(2026, 1, 1), False)


def test_the_segment_screen_edits_shows_and_audits_the_review_interval(client, company, manager):
    client.force_login(manager)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = reverse("budgets:segments") + f"?company={company.code}"
    form = {"company": company.code, "code": "MFG", "name": "制造业", "priority": 100, "industry": "C"}
    page = client.post(url, {**form, "review_months": 0}).content.decode()
    assert "greater than or equal to 1" in page and not Segment.objects.exists()
    assert client.post(url, {**form, "review_months": 3}).status_code == 302
    assert Segment.objects.get(code="MFG").review_months == 3
    page = client.get(url).content.decode()
    assert "Credit review every (months)" in page and '<td class="num">3</td>' in page
    event = AuditEvent.objects.filter(action="budget.segment_save").latest("seq")
    assert event.after["review_months"] == 3
    client.post(url, {**form, "review_months": ""})
    assert Segment.objects.get(code="MFG").review_months is None
    assert "By grade" in client.get(url).content.decode()
