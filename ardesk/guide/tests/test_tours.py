"""Each role's tour names screens its role may open; progress is kept per user."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ardesk.accounts.roles import ROLE_LABELS
from ardesk.conftest import PERSONAS, make_persona
from ardesk.guide import tours
from ardesk.guide.models import TourProgress, TourStatus

pytestmark = pytest.mark.django_db
PERSONA_OF = {role: name for name, role in PERSONAS.items()}


@pytest.mark.parametrize("role", sorted(tours.TOURS))
def test_every_page_of_a_tour_opens_for_its_role(client, persona, role):
    client.force_login(persona(PERSONA_OF[role]))
    for step in tours.TOURS[role]:
        assert client.get(reverse(step.url_name)).status_code == 200, step.url_name


def test_every_role_has_a_tour():
    assert set(tours.TOURS) == set(ROLE_LABELS)


def test_a_demo_user_is_offered_the_tour_of_their_role_once(collector, company):
    roleless = make_persona("roleless", None, [company])
    assert tours.tours_offer([collector, roleless]) == 1
    assert tours.tours_offer([collector]) == 1
    progress = TourProgress.objects.get()
    assert (progress.user, progress.tour, progress.status) == (collector, "collector", TourStatus.OFFERED)
    assert tours.tour_state(collector)["status"] == "offered"
    assert tours.tour_state(roleless) is None


def test_a_finished_or_closed_tour_is_not_shown_again(collector):
    tours.tour_start(user=collector, tour="collector")
    tours.tour_progress_save(user=collector, tour="collector", step=2, status="running")
    assert tours.tour_state(collector)["step"] == 2
    tours.tour_progress_save(user=collector, tour="collector", step=5, status="dismissed")
    assert tours.tour_state(collector) is None
    tours.tour_start(user=collector, tour="collector")
    assert tours.tour_state(collector)["step"] == 0


def test_a_step_outside_the_tour_is_refused(collector):
    with pytest.raises(ValueError):
        tours.tour_progress_save(user=collector, tour="collector", step=99, status="running")
