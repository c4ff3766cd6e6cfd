"""The administrator manages users, roles and company access, but never raises its own rights.

Every path an administrator has to permissions is tried: the user form (superuser flag, roles,
single permissions), the role (group) form, the company-access form, and the signals under them
that any other screen would reach. A change to an administrator's own rights is made by another
administrator, and audited.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client

from ardesk.accounts import roles
from ardesk.audit.context import RequestContext, current
from ardesk.audit.models import AuditEvent
from ardesk.companies.models import CompanyGrant
from ardesk.conftest import PASSWORD, make_persona
from ardesk.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def signed_in(user) -> Client:
    client = Client()
    client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    return client


def user_form(user, **changes) -> dict:
    """The fields of Django's user change form as the page fills them, with the changes made."""
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "user_permissions": [str(pk) for pk in user.user_permissions.values_list("pk", flat=True)],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


@pytest.fixture
def second_administrator(company):
    return make_persona("second_admin", roles.ADMINISTRATOR, [company])


def test_the_administrator_cannot_make_itself_superuser_and_read_the_bank_account(administrator, company):
    customer = CustomerFactory(company=company, bank_name="招商银行", bank_account="6225880212345678")
    client = signed_in(administrator)
    client.post(f"/admin/auth/user/{administrator.pk}/change/", user_form(administrator, is_superuser="on"))

    administrator.refresh_from_db()
    assert not administrator.is_superuser
    answer = client.get(f"/api/v1/customers/{customer.pk}").json()
    assert "6225880212345678" not in str(answer)


def test_the_user_form_shows_an_administrator_no_superuser_flag(administrator, accountant):
    page = signed_in(administrator).get(f"/admin/auth/user/{accountant.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="groups"' in page


def test_the_administrator_cannot_make_another_user_superuser(administrator, accountant):
    signed_in(administrator).post(f"/admin/auth/user/{accountant.pk}/change/", user_form(accountant, is_superuser="on"))
    accountant.refresh_from_db()
    assert not accountant.is_superuser


def test_the_administrator_cannot_give_itself_a_role_that_sees_sensitive_data(administrator):
    accountant_role = Group.objects.get(name=roles.AR_ACCOUNTANT)
    client = signed_in(administrator)
    page = client.get(f"/admin/auth/user/{administrator.pk}/change/").content.decode()
    assert 'name="groups"' not in page
    groups = [str(pk) for pk in administrator.groups.values_list("pk", flat=True)] + [str(accountant_role.pk)]
    client.post(f"/admin/auth/user/{administrator.pk}/change/", user_form(administrator, groups=groups))
    assert not administrator.groups.filter(pk=accountant_role.pk).exists()
    assert not User.objects.get(pk=administrator.pk).has_perm("customers.view_sensitive")


def test_the_administrator_cannot_give_itself_a_single_permission(administrator):
    sensitive = Permission.objects.get(codename="view_sensitive")
    signed_in(administrator).post(
        f"/admin/auth/user/{administrator.pk}/change/",
        user_form(administrator, user_permissions=[str(sensitive.pk)]),
    )
    assert not administrator.user_permissions.exists()


def test_the_administrator_cannot_widen_a_role_it_holds(administrator):
    role = Group.objects.get(name=roles.ADMINISTRATOR)
    sensitive = Permission.objects.get(codename="view_sensitive")
    client = signed_in(administrator)
    assert client.get(f"/admin/auth/group/{role.pk}/change/").status_code == 200  # it may still read it
    permissions = [str(pk) for pk in role.permissions.values_list("pk", flat=True)] + [str(sensitive.pk)]
    client.post(f"/admin/auth/group/{role.pk}/change/", {"name": role.name, "permissions": permissions})
    assert not role.permissions.filter(pk=sensitive.pk).exists()


def test_the_administrator_still_manages_the_roles_it_does_not_hold(administrator):
    role = Group.objects.get(name=roles.COLLECTOR)
    hold = Permission.objects.get(codename="hold_customer")
    role.permissions.remove(hold)
    permissions = [str(pk) for pk in role.permissions.values_list("pk", flat=True)] + [str(hold.pk)]
    answer = signed_in(administrator).post(
        f"/admin/auth/group/{role.pk}/change/", {"name": role.name, "permissions": permissions}
    )
    assert answer.status_code == 302
    assert role.permissions.filter(pk=hold.pk).exists()


def test_the_administrator_cannot_grant_itself_a_company(administrator, other_company):
    client = signed_in(administrator)
    page = client.get("/admin/companies/companygrant/add/").content.decode()
    assert f'<option value="{administrator.pk}">administrator</option>' not in page
    assert '<option value="' in page
    client.post("/admin/companies/companygrant/add/", {"user": administrator.pk, "company": other_company.pk})
    assert not CompanyGrant.objects.filter(user=administrator, company=other_company).exists()


def test_the_administrator_cannot_take_back_a_company_access_of_its_own_either(administrator, company):
    grant = CompanyGrant.objects.get(user=administrator, company=company)
    signed_in(administrator).post(f"/admin/companies/companygrant/{grant.pk}/delete/", {"post": "yes"})
    assert CompanyGrant.objects.filter(pk=grant.pk).exists()


def test_a_second_administrator_changes_the_first_ones_rights_and_it_is_audited(
    administrator, second_administrator, other_company, accountant
):
    accountant_role = Group.objects.get(name=roles.AR_ACCOUNTANT)
    client = signed_in(second_administrator)
    groups = [str(pk) for pk in administrator.groups.values_list("pk", flat=True)] + [str(accountant_role.pk)]
    answer = client.post(f"/admin/auth/user/{administrator.pk}/change/", user_form(administrator, groups=groups))
    assert answer.status_code == 302
    client.post("/admin/companies/companygrant/add/", {"user": administrator.pk, "company": other_company.pk})

    assert administrator.groups.filter(pk=accountant_role.pk).exists()
    assert CompanyGrant.objects.filter(user=administrator, company=other_company).exists()
    change = AuditEvent.objects.filter(action="auth.permission_change", object_id=str(administrator.pk)).latest("seq")
    assert (change.actor_name, change.after) == ("second_admin", {"groups": [roles.AR_ACCOUNTANT]})
    assert AuditEvent.objects.filter(action="companies.companygrant.create", actor_name="second_admin").exists()


def test_any_other_path_to_ones_own_rights_is_refused_while_acting_for_a_request(administrator, other_company):
    """The signals stop what a screen not written yet would do: the acting user never raises itself."""
    sensitive = Permission.objects.get(codename="view_sensitive")
    token = current.set(RequestContext(user_id=administrator.pk, user_name=administrator.username, ip="10.0.0.1"))
    try:
        attempts = [
            lambda: administrator.user_permissions.add(sensitive),
            lambda: administrator.groups.add(Group.objects.get(name=roles.FINANCE_MANAGER)),
            lambda: Group.objects.get(name=roles.ADMINISTRATOR).permissions.add(sensitive),
            lambda: Group.objects.get(name=roles.FINANCE_MANAGER).user_set.add(administrator),
            lambda: sensitive.user_set.add(administrator),
            lambda: CompanyGrant.objects.create(user=administrator, company=other_company),
            lambda: User.objects.filter(pk=administrator.pk).first().groups.clear(),
        ]
        for attempt in attempts:
            with pytest.raises(PermissionDenied), transaction.atomic():
                attempt()
        administrator.is_superuser = True
        with pytest.raises(PermissionDenied), transaction.atomic():
            administrator.save()
    finally:
        current.reset(token)
    assert not User.objects.get(pk=administrator.pk).has_perm("customers.view_sensitive")


def test_a_superuser_may_change_its_own_rights(company):
    boss = User.objects.create_superuser("boss", password=PASSWORD)
    token = current.set(RequestContext(user_id=boss.pk, user_name="boss", ip=""))
    try:
        CompanyGrant.objects.create(user=boss, company=company)
        boss.groups.add(Group.objects.get(name=roles.FINANCE_MANAGER))
    finally:
        current.reset(token)
    assert boss.groups.filter(name=roles.FINANCE_MANAGER).exists()


def test_the_administrator_cannot_take_over_a_superuser_by_its_password(administrator):
    boss = User.objects.create_superuser("boss", password=PASSWORD)
    client = signed_in(administrator)
    answer = client.post(
        f"/admin/auth/user/{boss.pk}/password/", {"password1": "Taken-over-2026", "password2": "Taken-over-2026"}
    )
    assert answer.status_code == 403
    boss.refresh_from_db()
    assert boss.check_password(PASSWORD)
