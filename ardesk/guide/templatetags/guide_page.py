"""What the guide shows at the top of every page: the training banner, the onboarding panel, the tour."""

from __future__ import annotations

from django import template

from ardesk.guide import onboarding, tours, training

register = template.Library()


@register.simple_tag(takes_context=True)
def guide_state(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    state = {"training": training.is_training(), "onboarding": None, "tour": None}
    if user is None or not user.is_authenticated:
        return state
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in onboarding.LANDING_PAGES and onboarding.panel_shown(user):
        steps = onboarding.checklist()
        state["onboarding"] = {"done": sum(step.done for step in steps), "total": len(steps)}
    state["tour"] = tours.tour_state(user)
    return state
