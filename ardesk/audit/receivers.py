"""Audit events for logins and permission changes, which happen in Django's own views and admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from ardesk.audit.context import client_ip
from ardesk.audit.services import record

User = get_user_model()
USER_FLAGS = ("is_active", "is_staff", "is_superuser")


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record(action="auth.login", actor=user, target=user, ip=client_ip(request) if request else "")


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(action="auth.logout", actor=user, target=user, ip=client_ip(request) if request else "")


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    record(
        action="auth.login_failed",
        actor_name=username,
        object_type="auth.user",
        object_repr=username,
        ip=client_ip(request) if request else "",
    )


@receiver(pre_save, sender=User)
def remember_user_flags(sender, instance, **kwargs):
    previous = sender.objects.filter(pk=instance.pk).values(*USER_FLAGS).first() if instance.pk else None
    instance._audit_flags_before = previous


@receiver(post_save, sender=User)
def on_user_saved(sender, instance, created, **kwargs):
    after = {flag: getattr(instance, flag) for flag in USER_FLAGS}
    if created:
        named = {"full_name": name} if (name := instance.get_full_name()) else {}
        record(action="auth.user.create", target=instance, after={"username": instance.username, **named, **after})
        return
    before = getattr(instance, "_audit_flags_before", None) or {}
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if changed:
        record(
            action="auth.user.permission_change",
            target=instance,
            before={k: before.get(k) for k in changed},
            after=changed,
        )


@receiver(post_save, sender=Group)
def on_group_saved(sender, instance, created, **kwargs):
    if created:
        record(action="auth.group.create", target=instance, after={"name": instance.name})


def _names(model, pks) -> list[str]:
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
    return sorted(
        f"{app}.{codename}"
        for app, codename in model.objects.filter(pk__in=pks).values_list("content_type__app_label", "codename")
    )


def _on_m2m(relation: str):
    def handler(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action not in {"post_add", "post_remove", "pre_clear"}:
            return
        if action == "pre_clear":
            pk_set = set(getattr(instance, relation).values_list("pk", flat=True))
        if not pk_set:
            return
        if reverse:
            # e.g. group.user_set.add(user): record it once per user whose rights changed
            for obj in model.objects.filter(pk__in=pk_set):
                handler_change(obj, relation, action, {instance.pk}, type(instance))
            return
        handler_change(instance, relation, action, pk_set, model)

    return handler


def handler_change(instance, relation, action, pk_set, model):
    names = _names(model, pk_set)
    verb = "add" if action == "post_add" else "remove"
    record(
        action="auth.permission_change",
        target=instance,
        before={relation: names} if verb == "remove" else None,
        after={relation: names} if verb == "add" else None,
    )


m2m_changed.connect(_on_m2m("groups"), sender=User.groups.through, weak=False)
m2m_changed.connect(_on_m2m("user_permissions"), sender=User.user_permissions.through, weak=False)
m2m_changed.connect(_on_m2m("permissions"), sender=Group.permissions.through, weak=False)
