"""Collection KPI rules against worked examples with published answers (sources in each docstring)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ardesk.reports import kpis
from ardesk.reports.kpis import MonthSales


def test_simple_dso_matches_the_published_annual_example():
    """Mesha, "The 2 DSO calculation formulas: simple vs countback method explained"
    (https://trymesha.com/blog/the-2-dso-calculation-formulas-simple-vs-countback-method-explained/):
    receivables $150,000, credit sales $1,800,000, 365 days: DSO = 30.4 days.
    """
    assert kpis.days_sales_outstanding(ending_ar=150_000, credit_sales=1_800_000, days=365) == Decimal("30.4")


def test_countback_dso_matches_the_published_three_month_example():
    """Benji Pays, "Mastering DSO calculation: the count-back method explained"
    (https://support.benjipays.com/support/solutions/articles/150000179580), also quoted by Mesha
    (link above): ending receivables $212,000; sales month 3 $100,000, month 2 $80,000, month 1
    $70,000, 30-day months. 212,000 − 100,000 − 80,000 = 32,000 left; 60 days + 32/70 × 30 = 73.7 days.
    """
    months = [MonthSales(30, 100_000), MonthSales(30, 80_000), MonthSales(30, 70_000)]
    assert kpis.countback_dso(ending_ar=212_000, months=months) == Decimal("73.7")


def test_countback_dso_matches_the_published_28_day_period_example():
    """Microsoft Tech Community, "DSO count back method"
    (https://techcommunity.microsoft.com/t5/excel/dso-count-back-method/td-p/4157003): outstanding
    12,000,000; period sales P5 5,000,000, P4 6,000,000, P3 6,000,000, 28-day periods:
    28 + 28 + 1,000,000 / 6,000,000 × 28 = 60.67 days (the post rounds to 61; we show one decimal).
    """
    months = [MonthSales(28, 5_000_000), MonthSales(28, 6_000_000), MonthSales(28, 6_000_000)]
    assert kpis.countback_dso(ending_ar=12_000_000, months=months) == Decimal("60.7")


def test_cei_matches_the_credit_research_foundation_form_of_the_published_example():
    """CreditGuru, "Ratio - Collection Effectiveness Index (CEI)"
    (http://www.creditguru.com/index.php/collection-management/collection-metrics/collection-effectiveness-index-cei),
    the CRF formula with monthly credit sales = credit sales / N (as quoted from the CRF by the
    Credit Management Association, http://creditmanagementassociation.org/2010/09/03/collection-effectiveness-index-cei/).
    Sample ATB, January to March: beginning receivables 6,200, credit sales 3,390 + 3,610 + 3,890 =
    10,890, ending total 6,340, ending current 3,590, N = 3: CEI = 55.9%.
    (6,200 + 3,630 − 6,340) / (6,200 + 3,630 − 3,590) = 3,490 / 6,240 = 55.93%.
    """
    cei = kpis.collection_effectiveness(
        beginning_ar=6_200, credit_sales=10_890, ending_ar=6_340, ending_current_ar=3_590, months=3
    )
    assert cei == Decimal("55.9")


def test_cei_of_one_period_takes_the_sales_whole():
    """WizEdu, "Sales (on credit terms), A/R balance..." (https://wizedu.com/questions/116374): the same
    CreditGuru ATB with the sales taken whole (one period, N = 1): 10,750 / 13,500 = 79.63%.
    """
    cei = kpis.collection_effectiveness(
        beginning_ar=6_200, credit_sales=10_890, ending_ar=6_340, ending_current_ar=3_590, months=1
    )
    assert cei == Decimal("79.6")


def test_average_days_delinquent_is_dso_less_best_possible_dso():
    """Waycalculator, "Average Days Delinquent calculator"
    (http://waycalculator.com/finance/Average-Days-Delinquent-Calculator.php): ADD = DSO − BPDSO;
    DSO 7, BPDSO 3 gives 4 days; DSO 15, BPDSO 5 gives 10.
    """
    assert kpis.average_days_delinquent(Decimal("7"), Decimal("3")) == Decimal("4.0")
    assert kpis.average_days_delinquent(Decimal("15"), Decimal("5")) == Decimal("10.0")


def test_best_possible_dso_uses_the_dso_formula_with_only_current_receivables():
    """The Hackett Group, "Using DSO to measure receivables, part 2"
    (https://www.thehackettgroup.com/insights/using-dso-to-measure-receivables-part-2-why-also-calculate-best-possible-dso-and-targets/):
    best possible DSO follows the DSO formula with the current (not yet due) balance in place of the
    total. Hand-worked on the CreditGuru March figures: 3,590 current of 6,340, March sales 3,890,
    31 days: BPDSO = 3,590 / 3,890 × 31 = 28.6; DSO = 6,340 / 3,890 × 31 = 50.5; ADD = 21.9.
    """
    best = kpis.best_possible_dso(current_ar=3_590, credit_sales=3_890, days=31)
    dso = kpis.days_sales_outstanding(ending_ar=6_340, credit_sales=3_890, days=31)
    assert (best, dso) == (Decimal("28.6"), Decimal("50.5"))
    assert kpis.average_days_delinquent(dso, best) == Decimal("21.9")


def test_overdue_ratio_is_the_past_due_share_in_percent():
    """CreditGuru's sample ATB, March: 6,340 total, 3,590 current, so 2,750 past due = 43.4%."""
    assert kpis.overdue_ratio(overdue_ar=1_800 + 900 + 50, total_ar=6_340) == Decimal("43.4")


def test_a_zero_denominator_is_not_available_rather_than_an_error():
    assert kpis.days_sales_outstanding(ending_ar=500, credit_sales=0, days=31) is None
    assert kpis.best_possible_dso(current_ar=500, credit_sales=0, days=31) is None
    assert kpis.average_days_delinquent(None, Decimal("3")) is None
    assert kpis.overdue_ratio(overdue_ar=0, total_ar=0) is None
    assert kpis.collection_effectiveness(beginning_ar=100, credit_sales=0, ending_ar=50, ending_current_ar=100) is None


def test_countback_runs_out_of_history_as_not_available():
    months = [MonthSales(31, 100), MonthSales(30, 100)]
    assert kpis.countback_dso(ending_ar=250, months=months) is None


def test_countback_of_no_receivables_is_zero_days():
    assert kpis.countback_dso(ending_ar=0, months=[]) == Decimal("0.0")
    assert kpis.countback_dso(ending_ar=-500, months=[MonthSales(31, 100)]) == Decimal("0.0")


def test_countback_walks_past_a_month_of_net_credit_notes():
    # A month whose credit notes exceed its invoices adds its days and gives its credit back.
    months = [MonthSales(31, 1_000), MonthSales(30, -200), MonthSales(31, 1_000)]
    # 1,500 − 1,000 = 500; + 200 = 700; 700 / 1,000 × 31 = 21.7; 31 + 30 + 21.7
    assert kpis.countback_dso(ending_ar=1_500, months=months) == Decimal("82.7")


def test_kpis_round_half_up_to_one_decimal():
    # 1 / 8 × 30 = 3.75 → 3.8 (四舍五入), never banker's 3.8/3.7 ambiguity.
    assert kpis.days_sales_outstanding(ending_ar=1, credit_sales=8, days=30) == Decimal("3.8")
    assert kpis.days_sales_outstanding(ending_ar=1, credit_sales=16, days=1) == Decimal("0.1")


def test_sales_history_counts_the_days_of_each_month_newest_first():
    sales = {dt.date(2024, 3, 1): 300, dt.date(2024, 2, 1): 200}
    assert kpis.sales_history(sales, dt.date(2024, 3, 10), 3) == (
        MonthSales(10, 300),
        MonthSales(29, 200),
        MonthSales(31, 0),
    )


def test_all_kpis_of_a_period_from_its_amounts():
    """CreditGuru's sample ATB as one quarter (January to March 2024, 91 days)."""
    inputs = kpis.KpiInputs(
        date_from=dt.date(2024, 1, 1),
        date_to=dt.date(2024, 3, 31),
        beginning_ar=6_200,
        ending_ar=6_340,
        current_ar=3_590,
        overdue_ar=2_750,
        credit_sales=10_890,
        history=(MonthSales(31, 3_890), MonthSales(29, 3_610), MonthSales(31, 3_390)),
    )
    result = kpis.kpis(inputs)
    # The period's sales are taken whole: 10,750 / 13,500 (WizEdu's answer above).
    assert result.cei == Decimal("79.6")
    assert result.dso == Decimal("53.0")  # 6,340 / 10,890 × 91 = 52.98
    assert result.best_possible_dso == Decimal("30.0")  # 3,590 / 10,890 × 91 = 29.999
    assert result.add == Decimal("23.0")
    # 6,340 − 3,890 = 2,450 left; 2,450 / 3,610 × 29 = 19.68; 31 + 19.68
    assert result.countback_dso == Decimal("50.7")
    assert result.overdue_ratio == Decimal("43.4")


amounts = st.integers(min_value=1, max_value=10**12)


@given(receivables=amounts, sales=st.lists(amounts, min_size=1, max_size=24))
def test_countback_dso_never_exceeds_the_days_it_walked(receivables, sales):
    months = [MonthSales(30, s) for s in sales]
    result = kpis.countback_dso(ending_ar=receivables, months=months)
    if receivables > sum(sales):
        assert result is None
    else:
        assert Decimal(0) <= result <= 30 * len(sales)


@given(total=amounts, current=amounts, sales=amounts, days=st.integers(min_value=1, max_value=366))
def test_best_possible_dso_is_at_most_dso_when_current_is_part_of_total(total, current, sales, days):
    current = min(current, total)
    dso = kpis.days_sales_outstanding(ending_ar=total, credit_sales=sales, days=days)
    best = kpis.best_possible_dso(current_ar=current, credit_sales=sales, days=days)
    assert best <= dso
    assert kpis.average_days_delinquent(dso, best) >= 0


def test_cei_in_the_credit_research_foundation_form_divides_the_sales_by_the_months():
    """Credit Research Foundation, CEI = (beginning receivables + credit sales / N − ending total
    receivables) / (beginning receivables + credit sales / N − ending current receivables) × 100,
    N the months of the period (as quoted by CreditGuru and the Credit Management Association, see
    above). CreditGuru's sample ATB as one quarter, January to March 2024: N = 3, sales / N = 3,630;
    (6,200 + 3,630 − 6,340) / (6,200 + 3,630 − 3,590) = 3,490 / 6,240 = 55.93 %, while the
    documented form takes the sales whole: 10,750 / 13,500 = 79.63 %.
    """
    inputs = kpis.KpiInputs(
        date_from=dt.date(2024, 1, 1),
        date_to=dt.date(2024, 3, 31),
        beginning_ar=6_200,
        ending_ar=6_340,
        current_ar=3_590,
        overdue_ar=2_750,
        credit_sales=10_890,
    )
    result = kpis.kpis(inputs)
    assert result.cei_crf == Decimal("55.9")
    assert result.cei == Decimal("79.6")


def test_both_cei_forms_agree_for_one_month():
    """For one month N = 1: beginning 1,000 + sales 2,500 − ending 3,500 = 0 collected out of
    1,000 + 2,500 − 2,500 = 1,000 collectable: CEI 0.0 % in both forms."""
    inputs = kpis.KpiInputs(
        date_from=dt.date(2024, 2, 1),
        date_to=dt.date(2024, 2, 29),
        beginning_ar=1_000,
        ending_ar=3_500,
        current_ar=2_500,
        overdue_ar=1_000,
        credit_sales=2_500,
    )
    result = kpis.kpis(inputs)
    assert result.cei == result.cei_crf == Decimal("0.0")


def test_a_month_cut_by_the_period_counts_its_share_of_days():
    # 16 of January's 31 days and 15 of February 2024's 29 days.
    assert kpis.months_in_period(dt.date(2024, 1, 16), dt.date(2024, 2, 15)) == Decimal(16) / 31 + Decimal(15) / 29
    assert kpis.months_in_period(dt.date(2024, 1, 1), dt.date(2024, 3, 31)) == 3
