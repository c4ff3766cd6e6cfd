from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.accounts import services
from ardesk.accounts.forms import CompanyCreateForm, UserCreateForm, UserRightsForm
from ardesk.accounts.models import ApiToken
from ardesk.accounts.roles import ROLE_LABELS
from ardesk.accounts.selectors import user_roles, users_overview
from ardesk.companies import services as company_services
from ardesk.companies.access import ensure_permission
from ardesk.companies.models import Company
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


def _apply_errors(form, exc: ApplicationError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


@login_required
def users(request):
    """The administration screen: users with their roles, companies and state."""
    ensure_permission(request.user, "auth.view_user")
    return render(
        request,
        "accounts/users.html",
        {
            "users": users_overview(),
            "role_labels": ROLE_LABELS,
            "may_change": request.user.has_perm("auth.change_user"),
        },
    )


@login_required
def user_new(request):
    ensure_permission(request.user, "auth.add_user")
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password"],
                roles=form.cleaned_data["roles"],
                companies=form.cleaned_data["companies"],
                by=request.user,
            )
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("User %(name)s created.") % {"name": user.username})
            return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "subject": None})


@login_required
def user_edit(request, pk: int):
    """A user's roles, companies and whether it may sign in; an administrator's own are changed by another."""
    ensure_permission(request.user, "auth.change_user")
    subject = get_object_or_404(users_overview(), pk=pk)
    current_roles = {group.name for group in subject.groups.all()}
    current_companies = {grant.company.code for grant in subject.company_grants.all()}
    own = subject.pk == request.user.pk and not request.user.is_superuser
    initial = {
        "name": subject.get_full_name(),
        "roles": sorted(current_roles),
        "companies": sorted(current_companies),
        "active": subject.is_active,
    }
    form = UserRightsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        wanted_roles, wanted_companies = set(form.cleaned_data["roles"]), set(form.cleaned_data["companies"])
        try:
            with transaction.atomic():
                services.user_grant(
                    user=subject,
                    roles=sorted(wanted_roles - current_roles),
                    companies=sorted(wanted_companies - current_companies),
                    by=request.user,
                )
                services.user_revoke(
                    user=subject,
                    roles=sorted((current_roles - wanted_roles) & set(ROLE_LABELS)),
                    companies=sorted(current_companies - wanted_companies),
                    by=request.user,
                )
                services.user_set_active(user=subject, active=form.cleaned_data["active"], by=request.user)
                services.user_rename(user=subject, name=form.cleaned_data["name"], by=request.user)
        except ApplicationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The rights of %(name)s were saved.") % {"name": subject.username})
            return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "subject": subject, "own": own})


@login_required
def companies(request):
    ensure_permission(request.user, "companies.view_company")
    form = CompanyCreateForm(request.POST or None)
    if request.method == "POST":
        ensure_permission(request.user, "companies.add_company")
        if form.is_valid():
            try:
                company = company_services.company_create(by=request.user, **form.cleaned_data)
            except ApplicationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Company %(code)s created.") % {"code": company.code})
                return redirect("accounts:companies")
    return render(
        request,
        "accounts/companies.html",
        {
            "companies": Company.objects.order_by("code")
            if request.user.has_perm("companies.add_company")
            else companies_for(request.user),
            "form": form,
        },
    )
