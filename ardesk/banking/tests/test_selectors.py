"""Which customers the matcher looks at for a payer's name (built by hand, no database)."""

from __future__ import annotations

from collections import defaultdict

from ardesk.banking import domain, selectors
from ardesk.banking.models import StatementLine


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


def test_a_customer_named_in_the_text_as_paid_for_is_found_by_its_name():
    # 刘洋 pays "代合肥新天成建筑工程付 支付货款". The whole text held every name inside it as
    # 95 % alike (合肥新天成, 天成建筑工程 …: six customers, five kept, the right one or not);
    # the name between 代 and 付 is customer 7's exactly.
    names = {
        1: "合肥新天成有限公司",
        2: "天成建筑工程有限公司",
        3: "新天成建筑工程有限公司",
        4: "合肥新天成建筑股份有限公司",
        5: "肥新天成建筑工程有限公司",
        6: "成建筑工程有限公司",
        7: "合肥新天成建筑工程有限公司",
    }
    line = StatementLine(payer_name="刘洋", remittance="代合肥新天成建筑工程付 支付货款", payer_account_index="")
    evidence = selectors.evidence_for(line, _candidates(names))
    assert {pk: [r.code for r in found.reasons] for pk, found in evidence.items()} == {7: ["name_exact"]}


def test_a_person_is_also_shown_names_alike_beside_the_exact_namesakes():
    # 上海光贸易有限公司 is 上海星光贸易 with 星 left out, and the exact name of customers 1 and 2.
    # The matcher takes the exact namesakes only; a person is shown customer 3 (91 % alike) too.
    found = _candidates({1: "上海光贸易有限公司", 2: "上海光贸易股份有限公司", 3: "上海星光贸易有限公司"})
    line = StatementLine(payer_name="上海光贸易有限公司", remittance="货款", payer_account_index="")
    evidence = selectors.evidence_for(line, found)
    assert set(evidence) == {1, 2}
    shown = selectors.review_evidence_for(line, found, evidence)
    assert {pk: [r.code for r in e.reasons] for pk, e in shown.items()} == {
        1: ["name_exact"],
        2: ["name_exact"],
        3: ["name_alike"],
    }
    assert set(evidence) == {1, 2}  # the matcher's own evidence is left as it was


def test_a_person_is_also_shown_the_subsidiaries_of_a_group_parent_that_pays():
    # 华星集团 (customer 1) pays from its known account for its subsidiary 华星电子 (customer 2).
    found = _candidates({1: "华星集团有限公司", 2: "苏州华星电子有限公司", 3: "无锡华星电子有限公司"})
    found.by_account["k1"] = {1}
    found.subsidiaries = {1: [2], 4: [3]}
    line = StatementLine(payer_name="华星集团有限公司", remittance="货款", payer_account_index="k1")
    evidence = selectors.evidence_for(line, found)
    shown = selectors.review_evidence_for(line, found, evidence)
    assert sorted(shown) == [1, 2] and [r.code for r in shown[2].reasons] == ["group_parent"]


def test_a_person_is_shown_more_alike_names_than_the_matcher_compares():
    # 苏州新和机械制造 (顺 left out of 苏州新和顺机械制造, customer 9) is as alike (94 %) to the six
    # customers named 苏州新正和机械制造, of lower ids. The matcher compares five alike names;
    # a person is shown customer 9 too.
    names = {pk: "苏州新正和机械制造有限公司" for pk in range(1, 7)}
    names[9] = "苏州新和顺机械制造有限公司"
    found = _candidates(names)
    line = StatementLine(payer_name="苏州新和机械制造有限公司", remittance="", payer_account_index="")
    evidence = selectors.evidence_for(line, found)
    assert 9 not in evidence
    assert 9 in selectors.review_evidence_for(line, found, evidence)
