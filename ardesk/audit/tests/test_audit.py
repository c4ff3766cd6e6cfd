from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from ardesk.audit import domain
from ardesk.audit.models import AuditEvent
from ardesk.audit.selectors import chain_break
from ardesk.audit.services import record


def event(seq: int, prev: str, **extra) -> domain.EventData:
    base = dict(
        seq=seq,
        at=dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC),
        actor_id=1,
        actor_name="a",
        action="x",
        object_type="t",
        object_id="1",
        object_repr="r",
        company_id=None,
        before=None,
        after={"v": seq},
        ip="",
        prev_hash=prev,
    )
    return domain.EventData(**{**base, **extra})


def chain(n: int) -> list[tuple[domain.EventData, str]]:
    rows, prev = [], domain.GENESIS
    for seq in range(1, n + 1):
        data = event(seq, prev)
        prev = domain.event_hash(data)
        rows.append((data, prev))
    return rows


def test_an_intact_chain_has_no_break():
    rows = chain(5)
    assert domain.first_break(rows, head_seq=5, head_hash=rows[-1][1]) is None


def test_an_altered_event_is_found():
    rows = chain(5)
    altered = event(3, rows[1][1], after={"v": 999})
    rows[2] = (altered, rows[2][1])
    broken = domain.first_break(rows, head_seq=5, head_hash=rows[-1][1])
    assert broken.seq == 3 and "altered" in broken.reason


def test_a_deleted_event_is_found():
    rows = chain(5)
    del rows[1]
    assert domain.first_break(rows, head_seq=5, head_hash=rows[-1][1]).seq == 2


def test_a_deleted_tail_is_found():
    rows = chain(5)
    assert domain.first_break(rows[:4], head_seq=5, head_hash=rows[-1][1]).seq == 5


def test_the_canonical_text_is_the_content_then_the_link():
    data = event(7, "ab" * 32, actor_name="会计", after={"金额": "1.10"})
    text = domain.content_prefix(data) + domain.chain_suffix(prev_hash=data.prev_hash, seq=7)
    assert text == (
        '{"action":"x","actor_id":1,"actor_name":"会计","after":{"金额":"1.10"},'
        '"at":"2026-11-23T08:00:00.000000+00:00","before":null,"company_id":null,"ip":"",'
        '"object_id":"1","object_repr":"r","object_type":"t","prev_hash":"' + "ab" * 32 + '","seq":7}'
    )
    assert domain.event_hash(data) == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("actor_id", "actor_name", "company_id", "ip"),
    [(1, "会计", 3, "10.0.0.1"), (None, "", None, ""), (2, '"action":"\x00action\x00" \\', 1, "\x00after\x00")],
)
def test_a_bulk_runs_template_gives_each_events_canonical_content(actor_id, actor_name, company_id, ip):
    at = dt.datetime(2026, 11, 23, 8, 0, 0, 123456, tzinfo=dt.UTC)
    template = domain.ContentTemplate(at=at, actor_id=actor_id, actor_name=actor_name, company_id=company_id, ip=ip)
    for values in [
        ("customer.create", "customers.customer", "12", "C1 宏达机械", None, {"name": "宏达", "n": 1, "a": None}),
        ("customer.update", "t", "\x00object_id\x00", 'tab\tline\nquote"', {"q": ["\\", 1.5]}, {"b": True}),
        ("", "", "", "", {}, []),
    ]:
        data = domain.EventData(9, at, actor_id, actor_name, *values[:4], company_id, *values[4:], ip, "ab" * 32)
        assert template.prefix(values) == domain.content_prefix(data)


@pytest.mark.django_db
def test_recorded_events_link_to_each_other_and_verify():
    first = record(action="test", object_type="t", object_repr="客户 A", after={"名称": "甲", "n": 1})
    second = record(action="test", object_type="t", before={"q": 'a "quoted" \\ value'}, after=None, company_id=3)
    stored = AuditEvent.objects.get(seq=second.seq)
    assert second.seq == first.seq + 1
    assert (stored.prev_hash, stored.hash) == (first.hash, second.hash)
    assert chain_break() is None


@pytest.mark.django_db
def test_events_are_append_only():
    stored = record(action="test", object_type="t", object_repr="x")
    with pytest.raises(PermissionError):
        stored.save()
    with pytest.raises(PermissionError):
        stored.delete()


@pytest.mark.django_db
def test_verify_command_passes_on_an_intact_trail(capsys):
    for n in range(5):
        record(action="test", object_type="t", object_id=str(n), after={"n": n, "amount": "1.10"})
    call_command("audit", "verify")
    assert "intact" in capsys.readouterr().out


@pytest.mark.django_db
def test_editing_a_stored_event_behind_the_applications_back_fails_verification():
    for n in range(5):
        record(action="customer.update", object_type="t", object_id=str(n), before={"name": "A"}, after={"name": "B"})
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET object_repr = %s WHERE seq = %s", ["forged", 3])
    with pytest.raises(CommandError, match="event 3"):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_deleting_a_stored_event_fails_verification():
    for n in range(4):
        record(action="test", object_type="t", object_id=str(n))
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [2])
    assert chain_break().seq == 2


@pytest.mark.django_db
def test_login_and_failed_login_are_recorded(accountant):
    client = Client()
    client.post("/accounts/login/", {"username": "accountant", "password": "wrong-password-1"})
    client.post("/accounts/login/", {"username": "accountant", "password": "persona-pass-2026"})
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", "actor_name"))
    assert ("auth.login_failed", "accountant") in actions
    assert ("auth.login", "accountant") in actions


@pytest.mark.django_db
def test_permission_changes_are_recorded(accountant):
    accountant.groups.add(Group.objects.get(name="finance_manager"))
    group = Group.objects.get(name="collector")
    group.permissions.add(Permission.objects.get(codename="delete_customer"))
    accountant.is_superuser = True
    accountant.save()
    events = AuditEvent.objects.filter(action__in=["auth.permission_change", "auth.user.permission_change"])
    afters = [e.after for e in events.order_by("seq")]
    assert {"groups": ["finance_manager"]} in afters
    assert {"permissions": ["customers.delete_customer"]} in afters
    assert {"is_superuser": True} in afters
    assert chain_break() is None
