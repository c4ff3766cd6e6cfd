"""Screens write a list of names with the language's own separator."""

from __future__ import annotations

from django.utils import translation

from ardesk.core.templatetags.lists import clauses, listing


def test_a_list_is_joined_with_the_languages_separator():
    with translation.override("zh-hans"):
        assert listing(["信用管理员", "催收员"]) == "信用管理员、催收员"
    with translation.override("en"):
        assert listing(["Credit analyst", "Collector"]) == "Credit analyst, Collector"
    assert listing([]) == "—"
    assert listing(None) == "—"


def test_the_reasons_of_a_match_are_joined_as_clauses_with_a_full_width_semicolon_in_chinese():
    reasons = ["付款户名是该客户的名称或已学习的别名", "部分付款，为 INV-1 的 50%"]
    with translation.override("zh-hans"):
        assert clauses(reasons) == "付款户名是该客户的名称或已学习的别名；部分付款，为 INV-1 的 50%"
    with translation.override("en"):
        assert clauses(["name matches", "part payment"]) == "name matches; part payment"
    assert clauses([]) == ""
