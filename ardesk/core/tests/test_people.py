"""Screens name people as colleagues know them."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from ardesk.core.templatetags.people import person


def test_a_person_is_shown_by_full_name_else_by_user_name():
    assert person(get_user_model()(username="wangli", first_name="王丽")) == "王丽"
    assert person(get_user_model()(username="asmith", first_name="Anna", last_name="Smith")) == "Anna Smith"
    assert person(get_user_model()(username="collector2")) == "collector2"
    assert person(None) == "—"
