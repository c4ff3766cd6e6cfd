"""The help on screens: the "?" of a page opens its help in the user's language; the help pages need a sign-in."""

from __future__ import annotations

import pytest
from django.test import Client

from ardesk.guide import helpfiles, userguide

pytestmark = pytest.mark.django_db

HELP = {
    "zh-hans": "# 客户列表\n\n## 用途\n\n查找客户。\n\n## 栏目与字段\n\n- **客户**：名称\n\n"
    "## 操作\n\n- 筛选\n\n## 角色分工\n\n应收会计。\n",
    "en": "# Customer list\n\n## Purpose\n\nFind a customer.\n\n## Columns and fields\n\n- **Customer**: name\n\n"
    "## Actions\n\n- Filter\n\n## Who does what\n\nAR accountant.\n",
}


@pytest.fixture
def help_root(tmp_path, monkeypatch):
    """Help files of the customer list only, in a folder of the test's own."""
    for language, text in HELP.items():
        folder = tmp_path / language / "customers"
        folder.mkdir(parents=True)
        (folder / "list.md").write_text(text, encoding="utf-8")
    monkeypatch.setattr(helpfiles, "HELP_ROOT", tmp_path)
    helpfiles._existing.cache_clear()
    yield tmp_path
    helpfiles._existing.cache_clear()


def signed_in(user, language: str) -> Client:
    client = Client()
    client.force_login(user)
    client.post("/accounts/language/", {"language": language})
    return client


def test_a_screen_with_help_shows_the_question_mark_that_loads_its_help(help_root, accountant):
    page = signed_in(accountant, "zh-hans").get("/customers/").content.decode()
    assert 'class="btn secondary small help-toggle"' in page
    assert 'aria-label="帮助"' in page
    assert 'hx-get="/help/panel/?view=customers%3Alist"' in page
    assert 'id="help-drawer"' in page


def test_a_screen_without_help_shows_no_question_mark(help_root, accountant):
    page = signed_in(accountant, "zh-hans").get("/customers/review/").content.decode()
    assert "help-toggle" not in page
    assert 'id="help-drawer"' not in page


def test_the_panel_speaks_the_users_language(help_root, accountant, collector):
    chinese = signed_in(accountant, "zh-hans").get("/help/panel/", {"view": "customers:list"}).content.decode()
    assert '<h2 id="help-drawer-title">客户列表</h2>' in chinese
    assert "<h3>栏目与字段</h3>" in chinese
    assert "<strong>客户</strong>" in chinese
    assert 'href="/help/page/customers:list/"' in chinese
    english = signed_in(collector, "en").get("/help/panel/", {"view": "customers:list"}).content.decode()
    assert "Customer list" in english and "<h3>Who does what</h3>" in english
    assert "客户" not in english


def test_no_help_is_a_404_and_a_name_is_never_a_path(help_root, accountant):
    client = signed_in(accountant, "en")
    for view in ("customers:detail", "../../etc/passwd", "customers/list", "<script>"):
        assert client.get("/help/panel/", {"view": view}).status_code == 404
    assert client.get("/help/page/customers:detail/").status_code == 404


def test_help_needs_a_sign_in_and_nothing_more(client, auditor):
    for url in (
        "/help/",
        "/help/page/guide:index/",
        "/help/panel/?view=guide:index",
        "/help/whatsnew/",
        "/help/guide.pdf",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    reader = signed_in(auditor, "en")
    assert reader.get("/help/").status_code == 200
    assert reader.get("/help/page/guide:index/").status_code == 200


def test_the_help_index_lists_the_screens_by_app_and_links_the_guide(help_root, accountant):
    page = signed_in(accountant, "en").get("/help/").content.decode()
    assert '<a href="/help/page/customers:list/">Customer list</a>' in page
    assert "<h2>Customers</h2>" in page
    assert 'href="/help/guide.pdf?lang=zh-hans"' in page and 'href="/help/guide.pdf?lang=en"' in page


def test_the_navigation_offers_the_help(accountant):
    page = signed_in(accountant, "zh-hans").get("/help/").content.decode()
    assert '<a href="/help/" class="active">帮助与用户指南</a>' in page


def test_help_links_lead_to_the_screens_help_and_formula_links_to_the_explanation():
    html = helpfiles.render("See [detail](help:customers:detail) and [DSO](formula:dso).")
    assert 'href="/help/page/customers:detail/"' in html
    assert 'href="/help/formulas/dso/"' in html


def test_whats_new_and_a_role_guide_render(accountant, tmp_path, monkeypatch):
    client = signed_in(accountant, "zh-hans")
    page = client.get("/help/whatsnew/").content.decode()
    assert "<h1>新功能</h1>" in page and "版本 0.1.0" in page
    assert client.get("/help/roles/nobody/").status_code == 404
    roles = tmp_path / "zh-hans" / "roles"
    roles.mkdir(parents=True)
    (roles / "collector.md").write_text(
        "# 催收专员的工作\n\n## 每日工作\n\n打开[工作清单](help:collections:worklist)。\n"
    )
    monkeypatch.setattr(helpfiles, "HELP_ROOT", tmp_path)
    helpfiles._existing.cache_clear()
    try:
        page = client.get("/help/roles/collector/").content.decode()
    finally:
        helpfiles._existing.cache_clear()
    assert "<h1>催收专员的工作</h1>" in page
    assert '<a href="/help/page/collections:worklist/">工作清单</a>' in page


def test_the_guide_downloads_as_pdf_in_the_language_asked(accountant):
    response = signed_in(accountant, "zh-hans").get("/help/guide.pdf", {"lang": "en"})
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="ardesk-user-guide-en.pdf"' in response["Content-Disposition"]
    assert response.content == userguide.guide_pdf("en")
