"""Screens write a list of names with the language's own separator."""

from __future__ import annotations

from django.utils import translation

from ardesk.core.templatetags.lists import listing


def test_a_list_is_joined_with_the_languages_separator():
    with translation.override("zh-hans"):
        assert listing(["信用管理员", "催收员"]) == "信用管理员、催收员"
    with translation.override("en"):
        assert listing(["Credit analyst", "Collector"]) == "Credit analyst, Collector"
    assert listing([]) == "—"
    assert listing(None) == "—"
