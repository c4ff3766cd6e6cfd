from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.accounts import services
from ardesk.accounts.models import ApiToken
from ardesk.accounts.selectors import user_roles
from ardesk.companies.selectors import companies_for
from ardesk.core.errors import ApplicationError


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@require_POST
def language_switch(request):
    """Switch the interface language: saved for a signed-in user, in a cookie for anyone."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    if language not in dict(settings.LANGUAGES):
        return redirect(target)
    if request.user.is_authenticated:
        services.language_set(user=request.user, language=language)
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax")
    return response


@login_required
def profile(request):
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "accounts/profile.html",
        {
            "roles": user_roles(request.user),
            "companies": companies_for(request.user),
            "tokens": tokens,
            "new_token": request.session.pop("new_token", None),
        },
    )


@login_required
@require_POST
def token_issue(request):
    _token, raw = services.token_issue(user=request.user, name=request.POST.get("name", "")[:100], by=request.user)
    request.session["new_token"] = raw
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request, prefix: str):
    token = ApiToken.objects.filter(user=request.user, prefix=prefix).first()
    if token is None:
        messages.error(request, _("No such token."))
    else:
        try:
            services.token_revoke(prefix=prefix, by=request.user)
            messages.success(request, _("The token was revoked."))
        except ApplicationError as exc:
            messages.error(request, exc.message)
    return redirect("accounts:profile")
