"""Which customers the matcher looks at for a payer's name (built by hand, no database)."""

from __future__ import annotations

from collections import defaultdict

from ardesk.banking import domain, selectors


def _candidates(names: dict[int, str]) -> selectors.Candidates:
    by_name, by_bigram = defaultdict(set), defaultdict(set)
    keys = {pk: domain.normalise_name(name) for pk, name in names.items()}
    for pk, key in keys.items():
        by_name[key].add(pk)
        for gram in domain.bigrams(key):
            by_bigram[gram].add(pk)
    return selectors.Candidates({}, by_name, keys, by_bigram, {})


def test_a_mistyped_name_finds_its_customer_behind_hundreds_sharing_each_pair_of_characters():
    # The payer typed 宁波新锦食品 for 宁波新锦程食品 (customer 1000, 92 % alike). Each of the
    # payer's pairs is in 301 names (宁波/波新 in 宁波新华电子, 新锦 in 杭州新锦程纺织, 食品 in
    # 上海新发食品; 锦食 in none), so no pair alone is rare. The first 200 customers of each pair
    # were looked at before, never customer 1000; the customers sharing two pairs include it.
    names = {pk: "杭州新锦程纺织有限公司" for pk in range(1, 301)}
    names |= {pk: "宁波新华电子有限公司" for pk in range(301, 601)}
    names |= {pk: "上海新发食品有限公司" for pk in range(601, 901)}
    names[1000] = "宁波新锦程食品股份有限公司"
    found = _candidates(names)
    assert [(pk, exact) for pk, _score, exact in found.name_matches("宁波新锦食品有限公司")] == [(1000, False)]
