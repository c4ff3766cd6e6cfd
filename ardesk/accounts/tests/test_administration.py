"""Users, roles and companies without the Django admin: the command line, the screen and the API.

The administrator (a role, not a superuser) creates users and companies and changes other users'
rights; its own rights are changed by a second administrator; each change is in the audit trail.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from ardesk.accounts import roles
from ardesk.accounts.services import token_issue
from ardesk.audit.models import AuditEvent
from ardesk.companies.models import Company, CompanyGrant
from ardesk.conftest import make_persona

pytestmark = pytest.mark.django_db
User = get_user_model()
STRONG = "Receivable-2026-ok"


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def api(user) -> Client:
    _token, raw = token_issue(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def rights(username: str) -> tuple[set[str], set[str], bool]:
    user = User.objects.get(username=username)
    return (
        set(user.groups.values_list("name", flat=True)),
        set(CompanyGrant.objects.filter(user=user).values_list("company__code", flat=True)),
        user.is_active,
    )


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# The command line: the server's operator, not limited by the two-administrator rule.


def test_company_and_user_are_created_granted_revoked_and_deactivated_from_the_command_line(company):
    run("company", "create", "--code", "BJ01", "--name", "星辰实业（北京）有限公司", "--currency", "cny")
    assert Company.objects.get(code="BJ01").functional_currency == "CNY"

    run(
        "user", "create", "wang", "--password", STRONG, "--role", roles.COLLECTOR, "--company", "SH01", "--name", "王芳"
    )
    assert rights("wang") == ({roles.COLLECTOR}, {"SH01"}, True)
    assert User.objects.get(username="wang").get_full_name() == "王芳"
    run("user", "rename", "wang", "王 芳芳")
    assert User.objects.get(username="wang").get_full_name() == "王 芳芳"
    assert User.objects.get(username="wang").check_password(STRONG)

    run("user", "grant", "wang", "--role", roles.AR_ACCOUNTANT, "--company", "BJ01")
    assert rights("wang") == ({roles.COLLECTOR, roles.AR_ACCOUNTANT}, {"SH01", "BJ01"}, True)
    run("user", "revoke", "wang", "--role", roles.COLLECTOR, "--company", "SH01")
    assert rights("wang") == ({roles.AR_ACCOUNTANT}, {"BJ01"}, True)

    run("user", "deactivate", "wang")
    assert rights("wang")[2] is False
    listed = {row["username"]: row for row in json.loads(run("user", "list", "--format", "json"))}
    assert listed["wang"] == {
        "username": "wang",
        "name": "王 芳芳",
        "email": "",
        "active": False,
        "superuser": False,
        "roles": [roles.AR_ACCOUNTANT],
        "companies": ["BJ01"],
        "last_login": None,
    }
    actions = list(AuditEvent.objects.filter(object_repr="wang").values_list("action", flat=True))
    assert {"auth.user.create", "auth.permission_change", "company.grant", "company.revoke"} <= set(actions)
    assert "auth.user.permission_change" in actions  # is_active True → False
    renamed = AuditEvent.objects.get(action="auth.user.rename", object_repr="wang")
    assert (renamed.before, renamed.after) == ({"full_name": "王芳"}, {"full_name": "王 芳芳"})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("user", "create", "li", "--password", STRONG, "--role", "boss"), "boss is not a role"),
        (("user", "create", "li", "--password", STRONG, "--company", "XX99"), "Company XX99 does not exist"),
        (("user", "create", "li", "--password", "short"), "too short"),
        (("user", "grant", "nobody", "--role", roles.COLLECTOR), "No user named nobody"),
        (("user", "grant", "accountant"), "at least one --role or --company"),
        (("user", "create", "li", "--password", STRONG, "--name", "李" * 151), "at most 150 characters"),
        (("company", "create", "--code", "SH01", "--name", "x"), "already used"),
        (("company", "create", "--code", "NEW1", "--name", "x", "--currency", "XYZ"), "XYZ"),
    ],
)
def test_bad_commands_say_why_and_change_nothing(accountant, args, message):
    users, companies = User.objects.count(), Company.objects.count()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert (User.objects.count(), Company.objects.count()) == (users, companies)


# The screen.


def test_the_administrator_creates_a_user_and_changes_another_users_rights_on_the_screen(
    administrator, accountant, other_company
):
    client = signed_in(administrator)
    page = client.get("/accounts/users/")
    assert page.status_code == 200
    assert "accountant" in page.content.decode()

    response = client.post(
        "/accounts/users/new/",
        {
            "username": "zhao",
            "name": "赵敏",
            "password": STRONG,
            "roles": [roles.CREDIT_ANALYST],
            "companies": ["SH01", "SZ01"],
        },
    )
    assert response.status_code == 302
    assert rights("zhao") == ({roles.CREDIT_ANALYST}, {"SH01", "SZ01"}, True)
    assert "<td>赵敏</td>" in client.get("/accounts/users/").content.decode()
    created = AuditEvent.objects.get(action="auth.user.create", object_repr="zhao")
    assert created.after["full_name"] == "赵敏"

    response = client.post(
        f"/accounts/users/{accountant.pk}/",
        {"name": "钱会计", "roles": [roles.COLLECTOR], "companies": ["SZ01"], "active": ""},
    )
    assert response.status_code == 302
    assert rights("accountant") == ({roles.COLLECTOR}, {"SZ01"}, False)
    assert User.objects.get(pk=accountant.pk).get_full_name() == "钱会计"
    heading = client.get(f"/accounts/users/{accountant.pk}/").content.decode().split("<h1>")[1].split("</h1>")[0]
    assert heading == 'Rights of 钱会计 <span class="muted">accountant</span>'
    client.cookies["django_language"] = "zh-hans"
    trail = client.get("/audit/?object=accountant").content.decode()
    assert "姓名" in trail and "钱会计" in trail and "full_name" not in trail
    event = AuditEvent.objects.filter(action="company.revoke", object_repr="accountant").get()
    assert event.actor_name == "administrator"


def test_the_administrator_cannot_change_its_own_rights_on_the_screen(administrator, company):
    client = signed_in(administrator)
    page = client.get(f"/accounts/users/{administrator.pk}/")
    assert "another administrator changes them" in page.content.decode()
    before = rights("administrator")
    response = client.post(
        f"/accounts/users/{administrator.pk}/",
        {"roles": [roles.ADMINISTRATOR, roles.FINANCE_MANAGER], "companies": ["SH01"], "active": "on"},
    )
    assert response.status_code == 200
    assert "changed by another administrator" in response.content.decode()
    assert rights("administrator") == before

    second = make_persona("second_admin", roles.ADMINISTRATOR, [company])
    response = signed_in(second).post(
        f"/accounts/users/{administrator.pk}/",
        {"roles": [roles.ADMINISTRATOR, roles.INTERNAL_AUDITOR], "companies": ["SH01"], "active": "on"},
    )
    assert response.status_code == 302
    assert rights("administrator")[0] == {roles.ADMINISTRATOR, roles.INTERNAL_AUDITOR}


def test_a_new_company_from_the_screen_and_a_bad_one_named(administrator):
    client = signed_in(administrator)
    response = client.post(
        "/accounts/companies/", {"code": "GZ01", "name": "星辰（广州）有限公司", "functional_currency": "CNY"}
    )
    assert response.status_code == 302
    assert Company.objects.filter(code="GZ01").exists()
    response = client.post("/accounts/companies/", {"code": "GZ01", "name": "again", "functional_currency": "CNY"})
    assert response.status_code == 200
    assert "Company code GZ01 is already used." in response.content.decode()


@pytest.mark.parametrize("name", ["accountant", "collector", "manager"])
def test_other_roles_do_not_manage_users(persona, name):
    client = signed_in(persona(name))
    assert client.get("/accounts/users/").status_code == 403
    assert client.post("/accounts/users/new/", {"username": "x", "password": STRONG}).status_code == 403
    assert client.post("/accounts/companies/", {"code": "X1", "name": "x"}).status_code == 403
    assert not User.objects.filter(username="x").exists()


def test_the_auditor_reads_the_users_but_changes_nothing(auditor, accountant):
    client = signed_in(auditor)
    page = client.get("/accounts/users/")
    assert page.status_code == 200
    assert f"/accounts/users/{accountant.pk}/" not in page.content.decode()
    assert client.post(f"/accounts/users/{accountant.pk}/", {"roles": []}).status_code == 403


# The API.


def test_users_and_companies_over_the_api(administrator, accountant):
    client = api(administrator)
    created = client.post(
        "/api/v1/users",
        {"username": "qian", "password": STRONG, "roles": [roles.COLLECTOR], "companies": ["SH01"]},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["roles"] == [roles.COLLECTOR]
    assert created.json()["name"] == ""
    renamed = client.post("/api/v1/users/qian/name", {"name": "钱进"}, content_type="application/json")
    assert renamed.status_code == 200 and renamed.json()["name"] == "钱进"

    granted = client.post("/api/v1/users/qian/grant", {"roles": [roles.AR_ACCOUNTANT]}, content_type="application/json")
    assert sorted(granted.json()["roles"]) == [roles.AR_ACCOUNTANT, roles.COLLECTOR]
    revoked = client.post("/api/v1/users/qian/revoke", {"companies": ["SH01"]}, content_type="application/json")
    assert revoked.json()["companies"] == []
    assert client.post("/api/v1/users/qian/deactivate").json()["active"] is False
    assert AuditEvent.objects.filter(object_repr="qian", actor_name="administrator").count() >= 4

    company = client.post(
        "/api/v1/companies", {"code": "HZ01", "name": "星辰（杭州）有限公司"}, content_type="application/json"
    )
    assert company.status_code == 201
    assert company.json()["functional_currency"] == "CNY"
    listed = {row["username"] for row in client.get("/api/v1/users").json()}
    assert {"administrator", "accountant", "qian"} <= listed


def test_over_the_api_the_administrator_cannot_give_itself_a_role_that_sees_bank_accounts(administrator):
    client = api(administrator)
    response = client.post(
        "/api/v1/users/administrator/grant", {"roles": [roles.FINANCE_MANAGER]}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert roles.FINANCE_MANAGER not in rights("administrator")[0]
    assert client.post("/api/v1/users/administrator/deactivate").status_code == 403


def test_a_deactivated_users_token_stops_working(administrator, accountant):
    _token, raw = token_issue(user=accountant)
    reader = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert reader.get("/api/v1/me").status_code == 200
    api(administrator).post("/api/v1/users/accountant/deactivate")
    assert reader.get("/api/v1/me").status_code == 401


def test_other_roles_get_403_from_the_user_api(accountant):
    client = api(accountant)
    assert client.get("/api/v1/users").status_code == 403
    response = client.post("/api/v1/users", {"username": "x", "password": STRONG}, content_type="application/json")
    assert response.status_code == 403
    assert (
        client.post("/api/v1/companies", {"code": "X1", "name": "x"}, content_type="application/json").status_code
        == 403
    )
