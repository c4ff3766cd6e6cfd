"""The budget screens for each persona: what they see and may do."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from ardesk.budgets import services
from ardesk.budgets.models import BudgetLine, BudgetVersion

pytestmark = pytest.mark.django_db

BUDGET_CSV = (
    "维度,对象,月份,销售额,销售成本,回款,应收账款余额\n"
    "客户,A001,2025-01,90000,60000,30000,90000\n"
    "客户,A001,2025-02,10000,7000,50000,50000\n"
)


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def version(company, accountant):
    return services.version_create(by=accountant, company=company, year=2025, name="2025 预算")


def test_every_budget_screen_renders_for_the_manager(client, company, quarter, version, manager):
    signed_in(client, manager)
    for url in (
        reverse("budgets:versions"),
        reverse("budgets:version", args=[version.pk]),
        reverse("budgets:variance", args=[version.pk]) + "?month=3",
        reverse("budgets:drill", args=[version.pk]) + f"?month=3&member={quarter[0].pk}",
        reverse("budgets:profitability") + "?date_from=2025-01-01&date_to=2025-03-31",
        reverse("budgets:profitability") + "?date_from=2025-01-01&date_to=2025-03-31&by=group&export=xlsx",
        reverse("budgets:segments") + "?date_from=2025-01-01&date_to=2025-03-31",
    ):
        assert client.get(url).status_code == 200, url


def test_the_budget_year_reads_2025_not_2_025_on_the_list_and_the_budget(client, company, version, manager):
    signed_in(client, manager)
    client.cookies["django_language"] = "zh-hans"
    for url in (reverse("budgets:versions"), reverse("budgets:version", args=[version.pk])):
        page = client.get(url).content.decode()
        assert "2025" in page and "2,025" not in page, url


def test_the_budget_grid_names_its_months_in_the_users_language(client, company, version, manager):
    signed_in(client, manager)
    url = reverse("budgets:version", args=[version.pk])
    client.cookies["django_language"] = "zh-hans"
    page = client.get(url).content.decode()
    assert '<th class="num">一月</th>' in page and '<th class="num">十二月</th>' in page
    client.cookies["django_language"] = "en"
    page = client.get(url).content.decode()
    assert '<th class="num">Jan.</th>' in page and '<th class="num">Dec.</th>' in page


def test_a_page_past_the_end_shows_the_last_page_with_its_totals(client, company, quarter, version, manager):
    """The screens read one page and the totals in one statement; a page number past the end reads the last."""
    signed_in(client, manager)
    profitability = client.get(reverse("budgets:profitability") + "?date_from=2025-01-01&date_to=2025-03-31&page=9")
    assert [row.code for row in profitability.context["page"]] == ["A001", "B001"]
    assert profitability.context["total"].net_contribution == 2_629_945 - 66_644
    assert profitability.context["losing"] == 1
    variance = client.get(reverse("budgets:variance", args=[version.pk]) + "?month=3&page=7")
    assert [row.actual for row in variance.context["page"]] == [9_800_000, 5_000_000]
    assert variance.context["total"].actual == 14_800_000


def test_accountant_imports_chinese_headers_and_edits_a_cell(client, company, quarter, version, accountant):
    signed_in(client, accountant)
    upload = io.BytesIO(BUDGET_CSV.encode("utf-8"))
    upload.name = "budget.csv"
    client.post(reverse("budgets:import", args=[version.pk]), {"file": upload})
    assert BudgetLine.objects.filter(version=version).count() == 2
    a = quarter[0]
    answer = client.post(
        reverse("budgets:cell", args=[version.pk]),
        {"member": a.pk, "month": 3, "dimension": "customer", "measure": "sales", "amount": "1,234.50"},
        HTTP_HX_REQUEST="true",
    )
    assert answer.status_code == 200 and b'value="1234.50"' in answer.content
    assert BudgetLine.objects.get(version=version, month=3).sales == 123450


def test_import_with_problems_names_row_field_and_reason_and_imports_nothing(
    client, company, quarter, version, accountant
):
    signed_in(client, accountant)
    upload = io.BytesIO(b"member,month,sales\nA001,13,100\nZZZ,2,abc\n")
    upload.name = "budget.csv"
    page = client.post(reverse("budgets:import", args=[version.pk]), {"file": upload}).content.decode()
    assert "不是有效月份" in page and "ZZZ" in page and '<td class="num">3</td>' in page
    assert not BudgetLine.objects.filter(version=version).exists()


def test_analyst_cannot_edit_and_preparer_cannot_approve(client, company, version, analyst, accountant):
    signed_in(client, analyst)
    assert client.post(reverse("budgets:cell", args=[version.pk]), {}).status_code == 403
    signed_in(client, accountant)
    client.post(reverse("budgets:transition", args=[version.pk, "approve"]))
    assert BudgetVersion.objects.get(pk=version.pk).status == "draft"
