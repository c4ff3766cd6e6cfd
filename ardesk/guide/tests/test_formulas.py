"""The formula explanations: each worked example is the product's own function on hand-worked inputs.

Every expected figure below is worked by hand from the example's inputs (written in the comment),
so a change of a product function that changes a figure fails here, and the help text, which only
holds placeholders, shows the new figure.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from ardesk.core.testing.crawl import english_words
from ardesk.credit import domain as credit_domain
from ardesk.credit.templatetags.credit_tags import ratio
from ardesk.guide.formulas import registry, texts
from ardesk.guide.formulas.records import RECORDS
from ardesk.guide.formulas.registry import BY_KEY, KEYS
from ardesk.reports.tests.kpi_ledger import FEB_1, MAR_31, post_kpi_ledger

LISTED = (
    "aging_buckets dso countback_dso best_possible_dso add cei overdue_ratio financial_ratios z_score "
    "score_points suggested_limit provision_rate ecl dunning_level risk_signals pay_date_prediction cash_forecast"
).split()


def example(key: str) -> dict:
    return BY_KEY[key].worked_example()


def test_every_listed_figure_has_an_explanation():
    assert list(KEYS) == LISTED


def test_aging_buckets():
    # Report date 2026-12-31; buckets up to 0, 30, 60 days and older.
    figures = example("aging_buckets")
    assert [figures["days_a"], figures["days_b"], figures["days_c"], figures["days_d"]] == [-15, 15, 41, 92]
    assert figures["current"] == 500_000_00  # due 2027-01-15: not yet due
    assert figures["d1_30"] == 300_000_00  # 15 days
    assert figures["d31_60"] == 200_000_00  # 41 days
    assert figures["over_60"] == 100_000_00  # 92 days
    assert figures["unapplied"] == -50_000_00
    assert figures["total"] == 1_050_000_00  # 500,000 + 300,000 + 200,000 + 100,000 − 50,000


def test_dso():
    # 3,210,000 ÷ 2,000,000 × 30 = 48.15, rounded half up to 48.2
    assert example("dso")["dso"] == Decimal("48.2")


def test_countback_dso():
    # 3,210,000 − 2,000,000 (30 days) leaves 1,210,000; 30 + 1,210,000 ÷ 1,500,000 × 31 = 30 + 25.0067 = 55.0
    figures = example("countback_dso")
    assert (figures["whole_days"], figures["remaining"]) == (30, 1_210_000_00)
    assert figures["countback_dso"] == Decimal("55.0")


def test_best_possible_dso():
    # 2,100,000 ÷ 2,000,000 × 30 = 31.5
    assert example("best_possible_dso")["best_possible_dso"] == Decimal("31.5")


def test_add():
    # 48.2 − 31.5 = 16.7
    assert example("add")["add"] == Decimal("16.7")


def test_cei():
    # (3,000,000 + 2,000,000 − 3,210,000) ÷ (3,000,000 + 2,000,000 − 2,100,000) × 100 = 1,790,000 ÷ 2,900,000 × 100
    # = 61.72, rounded to 61.7
    figures = example("cei")
    assert (figures["collected"], figures["collectible"]) == (1_790_000_00, 2_900_000_00)
    assert figures["cei"] == Decimal("61.7")


def test_overdue_ratio():
    # 1,110,000 ÷ 3,210,000 × 100 = 34.58, rounded to 34.6
    assert example("overdue_ratio")["overdue_ratio"] == Decimal("34.6")


def test_financial_ratios():
    figures = example("financial_ratios")
    assert figures["current_ratio"] == 2  # 5,000,000 ÷ 2,500,000
    assert figures["quick_ratio"] == Decimal("1.6")  # (5,000,000 − 1,000,000) ÷ 2,500,000
    assert figures["debt_to_assets"] == 40  # 4,000,000 ÷ 10,000,000 × 100
    assert figures["gross_margin"] == 25  # (12,000,000 − 9,000,000) ÷ 12,000,000 × 100
    assert figures["net_margin"] == 5  # 600,000 ÷ 12,000,000 × 100
    assert figures["receivables_turnover"] == 6  # 12,000,000 ÷ 2,000,000


def test_z_score():
    # X1 = (5,000,000 − 2,500,000) ÷ 10,000,000 = 0.25; X2 = 1,000,000 ÷ 10,000,000 = 0.1;
    # X3 = (700,000 + 100,000) ÷ 10,000,000 = 0.08; X4 = 6,000,000 ÷ 4,000,000 = 1.5
    # Z″ = 6.56 × 0.25 + 3.26 × 0.1 + 6.72 × 0.08 + 1.05 × 1.5 = 1.64 + 0.326 + 0.5376 + 1.575 = 4.0786: safe (> 2.60)
    figures = example("z_score")
    assert (figures["x1"], figures["x2"], figures["x3"], figures["x4"]) == (
        Decimal("0.25"),
        Decimal("0.1"),
        Decimal("0.08"),
        Decimal("1.5"),
    )
    assert figures["z"] == Decimal("4.0786")
    assert figures["zone"] == "Safe"


def test_score_points():
    # current ratio 2.0 in "≥ 2": 100 points × 40 % = 40; 12 days late in "≤ 30": 60 points × 60 % = 36
    figures = example("score_points")
    assert (figures["ratio_contribution"], figures["late_contribution"]) == (40, 36)
    assert figures["score"] == 76
    assert figures["grade"] == "B"  # 76 ≥ 60, below 80


def test_suggested_limit():
    # 500,000 × 45 ÷ 30 × 1.2 = 900,000
    assert example("suggested_limit")["limit"] == Decimal("900000.00")


def test_provision_rate():
    # (30,000 + 50,000) ÷ (1,000,000 + 1,000,000) × 100 = 4 %; × 1.1 = 4.4 %
    figures = example("provision_rate")
    assert figures["historical"] == 4
    assert figures["rate"] == Decimal("4.4")


def test_ecl():
    # 500,000 × 0.5 % = 2,500; 300,000 × 2 % = 6,000; 200,000 × 4.4 % = 8,800; 100,000 × 44 % = 44,000
    figures = example("ecl")
    assert [figures[f"{k}_ecl"] for k in ("current", "d1_30", "d31_60", "over_60")] == [
        2_500_00,
        6_000_00,
        8_800_00,
        44_000_00,
    ]
    assert figures["total"] == 61_300_00
    assert figures["ecl"] == 8_800_00


def test_dunning_level():
    # due 2026-12-01, run 2026-12-31: 30 days past due ≥ level 3's 21 days; reached 2, so level 3;
    # last notice 2026-12-15, 16 days ago ≥ 7
    figures = example("dunning_level")
    assert (figures["days_overdue"], figures["since_last"]) == (30, 16)
    assert figures["level"] == 3


def test_risk_signals():
    # exposure 980,000 − 30,000 = 950,000 ÷ 1,000,000 = 95 % ≥ 90 (medium): 20 × 1;
    # oldest overdue 2026-11-11, 50 days, usual 0: slowing 50 ≥ 30 (high): 30 × 2; points 20 + 60 = 80
    figures = example("risk_signals")
    assert figures["exposure"] == 950_000_00
    assert figures["utilisation"] == Decimal("95.0")
    assert figures["slowing"] == Decimal("50.0")
    assert figures["points"] == 80


def test_pay_date_prediction():
    # median of 4, 10 and 13 days late is 10: due 2026-12-31 + 10 days; range ± 7 days
    figures = example("pay_date_prediction")
    assert figures["days_late"] == 10
    assert figures["predicted_on"] == dt.date(2027, 1, 10)
    assert (figures["low_on"], figures["high_on"]) == (dt.date(2027, 1, 3), dt.date(2027, 1, 17))


def test_cash_forecast():
    # 100,000 expected 2027-01-06 in the week from 2027-01-04; 50,000 on 2027-01-13 in the next
    figures = example("cash_forecast")
    assert (figures["week_1_expected"], figures["week_2_expected"]) == (100_000_00, 50_000_00)


def test_the_dso_example_reads_as_the_issue_writes_it():
    dso = BY_KEY["dso"]
    assert dso.sentence(dso.worked_example()) == (
        "DSO 48.2 = receivables 3,210,000.00 ÷ credit sales 2,000,000.00 × 30 days"
    )


@pytest.mark.parametrize("lang", texts.LANGUAGES)
@pytest.mark.parametrize("key", LISTED)
def test_each_explanation_has_its_sections_and_every_figure_filled(key, lang):
    text = texts.source(key, lang)
    assert text.startswith("# ")
    assert tuple(line for line in text.splitlines() if line.startswith("## ")) == texts.SECTIONS[lang]
    explanation = BY_KEY[key]
    with translation.override(lang):
        unknown = texts.placeholders(text) - set(explanation.worked_example()) - {"line"}
        assert not unknown, f"{lang}/{key}.md names figures the example does not give: {unknown}"
        filled = texts.filled(explanation, lang)
    assert "{{" not in filled
    assert "line" in texts.placeholders(text)
    if lang == "zh-hans":
        assert not english_words(filled.replace("**", "")), english_words(filled)
    else:
        assert not re.search(r"[\u4e00-\u9fff]", filled)


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "heading"), [("zh-hans", "## 算例"), ("en", "## Worked example")])
def test_the_formula_page_renders_in_the_users_language(client, accountant, lang, heading):
    client.force_login(accountant)
    client.cookies["django_language"] = lang
    page = client.get(reverse("guide:formula", args=["dso"]), HTTP_ACCEPT_LANGUAGE=lang)
    assert page.status_code == 200
    html = page.content.decode()
    assert "3,210,000.00" in html and "48.2" in html
    assert heading.removeprefix("## ") in html
    index = client.get(reverse("guide:formulas"), HTTP_ACCEPT_LANGUAGE=lang)
    assert index.status_code == 200
    for key in LISTED:
        assert f'id="{key}"' in index.content.decode()


@pytest.mark.django_db
def test_formula_pages_need_a_login_and_a_known_key(client, accountant):
    assert client.get(reverse("guide:formula", args=["dso"])).status_code == 302
    client.force_login(accountant)
    assert client.get("/help/formulas/no_such_figure/").status_code == 404


@pytest.mark.django_db
def test_the_kpi_page_explains_the_totals_with_their_own_figures(client, company, accountant, collector, manager):
    # The ledger of kpi_ledger.py: 2024-02-01 to 2024-03-31 (60 days), receivables 4,900.00, credit sales
    # 2,500.00 + 2,900.00 = 5,400.00; DSO = 4,900 ÷ 5,400 × 60 = 54.44, shown 54.4.
    post_kpi_ledger(company, accountant, collector)
    client.force_login(manager)
    page = client.get(
        reverse("kpi:page"), {"date_from": FEB_1.isoformat(), "date_to": MAR_31.isoformat()}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = page.content.decode()
    assert "DSO 54.4 = receivables 4,900.00 ÷ credit sales 5,400.00 × 60 days" in html
    assert 'href="/help/formulas/dso/"' in html
    assert 'class="explain"' in html


# --- a screen's own record written into the formula --------------------------------------------


def statement_period(months: int = 12) -> SimpleNamespace:
    lines = registry.STATEMENT
    return SimpleNamespace(
        statement=SimpleNamespace(currency="CNY", months=months, period_end=dt.date(2025, 12, 31)),
        lines=lines,
        ratios=credit_domain.ratios(lines, months),
        z_scores=credit_domain.z_scores(lines, months),
    )


def record_sentence(key: str, *record, currency: str = "CNY") -> str:
    return BY_KEY[key].record_sentence(RECORDS[key](*record, currency=currency), currency)


def test_an_aging_total_row_adds_up_its_own_buckets():
    report = SimpleNamespace(
        buckets=[("current", "Not yet due"), ("d1_30", "1-30"), ("unapplied", "Unapplied")], total=750_00
    )
    totals = [("current", 500_00), ("d1_30", 300_00), ("unapplied", -50_00)]
    assert record_sentence("aging_buckets", report, totals) == (
        "Not yet due 500.00 + 1-30 300.00 − Unapplied 50.00 = open balance 750.00"
    )


def test_a_score_line_shows_its_points_times_its_weight():
    # 60 points × 40 ÷ 100 = 24
    factor = {"points": "60", "weight": "40", "contribution": "24.00"}
    assert record_sentence("score_points", factor) == "Contribution 24.00 = 60 points × weight 40 ÷ 100"


def test_a_ratio_and_a_z_score_of_the_latest_period_show_its_lines():
    period = statement_period()
    assert record_sentence("financial_ratios", period, 0) == (
        "Current ratio 2025-12-31 2.00 = Total current assets 5,000,000.00 ÷ Total current liabilities 2,500,000.00"
    )
    # debt to assets, a percentage: 4,000,000 ÷ 10,000,000 = 40 %
    assert record_sentence("financial_ratios", period, credit_domain.RATIO_KEYS.index("debt_to_assets")).startswith(
        "Debt to assets 2025-12-31 40.00% = "
    )
    # the score as the credit page shows it (its ratio filter), then the terms of Z″
    assert record_sentence("z_score", period, 2) == (
        f"Altman Z″ (non-manufacturers, emerging markets) 2025-12-31 {ratio(Decimal('4.0786'))} = "
        "6.56 × 0.25 + 3.26 × 0.1 + 6.72 × 0.08 + 1.05 × 1.5 (Safe)"
    )


def test_a_ratio_not_available_has_no_explanation():
    period = statement_period()
    period.lines = {**period.lines, "inventory": None}
    period.ratios = credit_domain.ratios(period.lines)
    assert RECORDS["financial_ratios"](period, credit_domain.RATIO_KEYS.index("quick_ratio")) is None
    html = Template('{% load explain %}{% explain "financial_ratios" period 1 %}').render(Context({"period": period}))
    assert html.strip() == ""


def test_an_interim_ratio_says_it_is_annualised():
    # six months: net profit 600,000 × 12 ÷ 6 ÷ total assets 10,000,000 = 12 %
    period = statement_period(months=6)
    sentence = record_sentence("financial_ratios", period, credit_domain.RATIO_KEYS.index("roa"))
    assert sentence.startswith("Return on assets 2025-12-31 12.00% = ")
    assert "× 12 ÷ 6" in sentence


def test_a_derived_rate_shows_the_written_off_over_the_balances():
    derivation = {
        "balance_totals": {"d31_60": "2000000.00"},
        "written_off_totals": {"d31_60": "80000.00"},
        "forward_factor": "1.1",
        "rates": {"d31_60": "4.4000"},
    }
    assert record_sentence("provision_rate", derivation, "d31_60") == (
        "Rate 4.4% = 80,000.00 ÷ 2,000,000.00 × 100 × 1.1"
    )


def test_a_bucket_of_a_provision_run_shows_balance_times_rate():
    # 200,000.00 × 4.4 % = 8,800.00
    assert record_sentence("ecl", 200_000_00, Decimal("4.4000")) == "ECL 8,800.00 = balance 200,000.00 × 4.4%"


def test_the_tag_renders_the_record_and_links_to_the_explanation():
    html = Template('{% load explain %}{% explain "ecl" balance rate currency="CNY" %}').render(
        Context({"balance": 200_000_00, "rate": Decimal("4.4")})
    )
    assert "ECL 8,800.00 = balance 200,000.00 × 4.4%" in html
    assert 'href="/help/formulas/ecl/"' in html
    assert Template('{% load explain %}{% explain "ecl" nothing %}').render(Context({"nothing": None})).strip() == ""


@pytest.mark.parametrize("name", ["formulas", "formula"])
def test_the_formula_pages_have_their_screen_help_in_both_languages(name):
    sections = {
        "zh-hans": ["## 用途", "## 栏目与字段", "## 操作", "## 角色分工"],
        "en": ["## Purpose", "## Columns and fields", "## Actions", "## Who does what"],
    }
    for lang, heads in sections.items():
        text = (texts.HELP / lang / "guide" / f"{name}.md").read_text(encoding="utf-8")
        assert text.startswith("# ")
        assert [line for line in text.splitlines() if line.startswith("## ")] == heads


@pytest.mark.django_db
def test_the_list_of_explanations_has_one_page_title(client, accountant):
    client.force_login(accountant)
    html = client.get(reverse("guide:formulas"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert html.count("<h1") == 1
    assert "<h2>DSO (days sales outstanding)</h2>" in html


def test_the_records_of_the_other_screens_read_as_sentences():
    prediction = SimpleNamespace(expected_on=dt.date(2027, 1, 10), due_on=dt.date(2026, 12, 31), days_late=10)
    assert record_sentence("pay_date_prediction", prediction) == "Predicted 2027-01-10 = due 2026-12-31 + 10 days late"
    week = {"week_start": "2027-01-04", "expected": 100_000_00, "low": 80_000_00, "high": 120_000_00}
    assert record_sentence("cash_forecast", week) == (
        "Week of 2027-01-04: 100,000.00 = Σ open amount × chance of payment in the week; "
        "10–90% interval 80,000.00 to 120,000.00"
    )
    score = SimpleNamespace(
        recommended_limit=900_000_00, limit_explanation="monthly sales 500000.00 × 45 days ÷ 30 × 1.2"
    )
    assert record_sentence("suggested_limit", score) == (
        "Suggested limit 900,000.00 = monthly sales 500,000.00 × 45 days ÷ 30 × 1.2"
    )
    notice = SimpleNamespace(
        level_seq=3,
        notice_on=dt.date(2026, 12, 31),
        level=SimpleNamespace(days=21, policy=SimpleNamespace(min_days_between=7)),
    )
    assert record_sentence("dunning_level", notice) == (
        "Level 3 on 2026-12-31: the items reached 21 days past due, at least 7 days after their last notice"
    )
    signal = SimpleNamespace(
        get_kind_display=lambda: "Limit utilisation", measure=Decimal("95.00"), get_severity_display=lambda: "Medium"
    )
    assert record_sentence("risk_signals", signal).startswith("Limit utilisation: measure 95.00 reaches the Medium")
