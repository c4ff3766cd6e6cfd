"""Dunning policies (催收策略) and their levels, and a customer's own dunning: its policy, a block."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections import domain
from ardesk.collections.models import CollectionProfile, DunningLevel, DunningPolicy, Notice, PolicyGrade
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core.errors import InvalidInput
from ardesk.core.money import to_minor
from ardesk.customers.models import Customer


def profile_of(customer: Customer, *, lock: bool = False) -> CollectionProfile:
    """The customer's collection profile (its policy, block, legal case flag), made on first use; locked if asked."""
    CollectionProfile.objects.get_or_create(customer=customer)
    profiles = CollectionProfile.objects.select_for_update() if lock else CollectionProfile.objects
    return profiles.get(customer=customer)


@transaction.atomic
def policies_import(*, by, data) -> list[DunningPolicy]:
    """Create or replace policies from their JSON form; all or nothing, every problem named."""
    if by is not None:
        ensure_permission(by, "collections.change_dunningpolicy")
    specs, problems = domain.parse_policies(data)
    if problems:
        raise InvalidInput({"policies": problems})
    policies = []
    for spec in specs:
        policy, created = DunningPolicy.objects.select_for_update().get_or_create(
            code=spec.code, defaults={"name": spec.name}
        )
        before = None if created else {"levels": list(policy.levels.values("seq", "days", "channel", "min_amount"))}
        if spec.is_default:
            DunningPolicy.objects.filter(is_default=True).exclude(pk=policy.pk).update(is_default=False)
        policy.name, policy.name_zh = spec.name, spec.name_zh
        policy.min_days_between = spec.min_days_between
        policy.is_default = spec.is_default or (policy.is_default and not any(s.is_default for s in specs))
        policy.save()
        existing = {level.seq: level for level in policy.levels.all()}
        for level in spec.levels:
            values = {
                "name": level.name,
                "name_zh": level.name_zh,
                "days": level.days,
                "channel": level.channel,
                "min_amount": to_minor(level.min_amount, "CNY"),
                "subject_en": level.subject_en,
                "body_en": level.body_en,
                "subject_zh": level.subject_zh,
                "body_zh": level.body_zh,
            }
            if level.seq in existing:
                DunningLevel.objects.filter(pk=existing[level.seq].pk).update(**values)
            else:
                DunningLevel.objects.create(policy=policy, seq=level.seq, **values)
        extra = [seq for seq in existing if seq > len(spec.levels)]
        if extra:
            # Levels already used by notices stay (a notice keeps its level); an unused one goes.
            DunningLevel.objects.filter(policy=policy, seq__in=extra).filter(
                ~Q(pk__in=Notice.objects.values("level_id"))
            ).delete()
            if DunningLevel.objects.filter(policy=policy, seq__in=extra).exists():
                raise InvalidInput(
                    {
                        "levels": [
                            _("Policy %(code)s: levels already used by notices cannot be removed.")
                            % {"code": spec.code}
                        ]
                    }
                )
        PolicyGrade.objects.filter(policy=policy).exclude(grade__in=spec.grades).delete()
        for grade in spec.grades:
            PolicyGrade.objects.update_or_create(grade=grade, defaults={"policy": policy})
        record(
            action="dunning.policy.import",
            actor=by,
            target=policy,
            before=before,
            after={
                "levels": list(policy.levels.values("seq", "days", "channel", "min_amount")),
                "grades": list(spec.grades),
            },
        )
        policies.append(policy)
    return policies


@transaction.atomic
def policy_level_update(*, by, policy: DunningPolicy, seq: int, values: dict) -> DunningPolicy:
    """Change one level of a policy on the screen: the policy as the import reads it, with that level's new values.

    The import's checks (level order, channel, amounts, merge fields) and its audit apply as they are.
    """
    from ardesk.collections.selectors import policies_json

    spec = next((p for p in policies_json()["policies"] if p["code"] == policy.code), None)
    if spec is None or not 1 <= seq <= len(spec["levels"]):
        raise InvalidInput({"level": [_("This policy has no level %(seq)s.") % {"seq": seq}]})
    level = spec["levels"][seq - 1]
    level.update({key: str(value) if key == "min_amount" else value for key, value in values.items()})
    return policies_import(by=by, data={"policies": [spec]})[0]


def customer_policy_set(*, by, customer: Customer, policy: DunningPolicy | None) -> CollectionProfile:
    """Give a customer its own policy, or none (it then follows its grade or the default)."""
    ensure_permission(by, "collections.change_collectionprofile")
    ensure_company_access(by, customer.company_id)
    profile = profile_of(customer, lock=True)
    before = {"policy": profile.policy_id}
    profile.policy = policy
    profile.save(update_fields=["policy", "updated_at"])
    record(
        action="dunning.policy.assign", actor=by, target=customer, before=before, after={"policy": policy and policy.pk}
    )
    return profile


@transaction.atomic
def customer_dunning_block(*, by, customer: Customer, blocked: bool, reason: str = "") -> CollectionProfile:
    """Stop (or restart) all dunning of a customer, with a reason; audited."""
    ensure_permission(by, "collections.hold_customer")
    ensure_company_access(by, customer.company_id)
    if blocked and not reason.strip():
        raise InvalidInput({"reason": [_("Give a reason for blocking dunning.")]})
    profile = profile_of(customer, lock=True)
    before = {"dunning_blocked": profile.dunning_blocked, "reason": profile.block_reason}
    profile.dunning_blocked, profile.block_reason = blocked, reason.strip() if blocked else ""
    profile.save(update_fields=["dunning_blocked", "block_reason", "updated_at"])
    record(
        action="dunning.block",
        actor=by,
        target=customer,
        before=before,
        after={"dunning_blocked": blocked, "reason": reason.strip()},
    )
    return profile
