"""Refuse a change of users' rights that the acting user may not make, whichever screen or code makes it.

The administration pages hide what an administrator may not change (``accounts.admin``); these
receivers stop every other path too (a group's members, a permission's users, a company grant
written by code), because they run at the moment the rights change in the database.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.dispatch import receiver

from ardesk.accounts.domain import Actor, rights_change_problem
from ardesk.audit.context import current
from ardesk.companies.models import CompanyGrant

User = get_user_model()


def acting_user() -> Actor | None:
    """The signed-in user of the current request, as the database knows it now; None outside a request."""
    context = current.get()
    if context is None or context.user_id is None:
        return None
    is_superuser = User.objects.filter(pk=context.user_id).values_list("is_superuser", flat=True).first()
    return Actor(user_id=context.user_id, is_superuser=bool(is_superuser))


def check(user_ids, *, makes_superuser: bool = False) -> None:
    problem = rights_change_problem(actor=acting_user(), user_ids=set(user_ids), makes_superuser=makes_superuser)
    if problem:
        raise PermissionDenied(problem)


@receiver(pre_save, sender=User)
def refuse_superuser_flag(sender, instance, **kwargs):
    if not instance.is_superuser:
        return
    was = instance.pk is not None and sender.objects.filter(pk=instance.pk, is_superuser=True).exists()
    if not was:
        check({instance.pk} if instance.pk else set(), makes_superuser=True)


@receiver(pre_save, sender=CompanyGrant)
@receiver(pre_delete, sender=CompanyGrant)
def refuse_own_company_grant(sender, instance, **kwargs):
    check({instance.user_id})


def _users_of_groups(group_ids) -> set[int]:
    return set(User.objects.filter(groups__in=group_ids).values_list("pk", flat=True))


def _on_user_relation(sender, instance, action, reverse, pk_set, **kwargs):
    """user.groups / user.user_permissions changed, from the user's side or the group's or permission's."""
    if action not in {"pre_add", "pre_remove", "pre_clear"}:
        return
    if not reverse:
        check({instance.pk})
    elif action == "pre_clear":
        check(set(instance.user_set.values_list("pk", flat=True)))
    else:
        check(pk_set or set())


def _on_group_permissions(sender, instance, action, reverse, pk_set, **kwargs):
    """A role's permissions changed: a change to the rights of every member."""
    if action not in {"pre_add", "pre_remove", "pre_clear"}:
        return
    if not reverse:
        check(_users_of_groups([instance.pk]))
    elif action == "pre_clear":
        check(_users_of_groups(instance.group_set.values_list("pk", flat=True)))
    else:
        check(_users_of_groups(pk_set or ()))


m2m_changed.connect(_on_user_relation, sender=User.groups.through, weak=False)
m2m_changed.connect(_on_user_relation, sender=User.user_permissions.through, weak=False)
m2m_changed.connect(_on_group_permissions, sender=Group.permissions.through, weak=False)
