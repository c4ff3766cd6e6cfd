"""The screens of onboarding, the guided tours and training mode: thin, each checks its permission."""

from __future__ import annotations

import json
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ardesk.companies.models import Company
from ardesk.core import clock, jobs
from ardesk.core.forms import DayField
from ardesk.core.web import requires
from ardesk.core.widgets import DateInput
from ardesk.guide import onboarding, tasks, tours, training
from ardesk.guide.models import AgingCheck, SuppressedEmail, TrainingCopy


class AgingCheckForm(forms.Form):
    company = forms.ModelChoiceField(
        Company.objects.filter(is_active=True), label=gettext_lazy("Company"), empty_label=None
    )
    as_of = DayField(label=gettext_lazy("Date"), widget=DateInput(), initial=clock.today)
    erp_balance = forms.DecimalField(
        label=gettext_lazy("Receivables balance in the ERP"), max_digits=17, decimal_places=2
    )


class TrainingCopyForm(forms.Form):
    from_demo = forms.BooleanField(
        label=gettext_lazy("Copy the demo company instead of this installation's data"), required=False
    )


def _back(request, default: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)


@requires(onboarding.ADMIN_PERMISSION)
def onboarding_checklist(request):
    form = AgingCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = onboarding.aging_check_record(by=request.user, **form.cleaned_data)
        if check.agrees:
            messages.success(request, _("The aging agrees with the ERP to the cent."))
        else:
            messages.warning(request, _("The aging does not agree with the ERP: see the difference below."))
        return redirect("guide:onboarding")
    steps = onboarding.checklist()
    closed = [step.url_name for step in steps if not onboarding.may_open(request.user, step.url_name)]
    opened_by = onboarding.roles_opening(closed)
    return render(
        request,
        "guide/onboarding.html",
        {
            "steps": [
                {
                    "step": step,
                    "url": reverse(step.url_name) if onboarding.may_open(request.user, step.url_name) else "",
                    "help_url": onboarding.help_url(step.url_name),
                    "roles": opened_by.get(step.url_name, []),
                }
                for step in steps
            ],
            "done": sum(step.done for step in steps),
            "form": form,
            "checks": AgingCheck.objects.select_related("company")[:5],
        },
    )


@require_POST
@requires(onboarding.ADMIN_PERMISSION)
def onboarding_confirm(request, step: str):
    if step not in onboarding.CONFIRMABLE:
        raise Http404
    onboarding.step_confirm(step=step, by=request.user)
    return redirect("guide:onboarding")


@require_POST
@requires(onboarding.ADMIN_PERMISSION)
def onboarding_dismiss(request):
    onboarding.panel_dismiss(by=request.user)
    return _back(request, "guide:onboarding")


@requires(onboarding.ADMIN_PERMISSION)
def onboarding_example(request, kind: str):
    path = onboarding.example_path(kind)
    if path is None or not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"example-{path.name}", content_type="text/csv")


@login_required
def tour_list(request):
    tour = tours.tour_of(request.user)
    return render(
        request,
        "guide/tours.html",
        {"tour": tour, "title": tours.tour_title(tour) if tour else "", "steps": tours.TOURS.get(tour, ())},
    )


@require_POST
@login_required
def tour_start(request):
    tour = tours.tour_of(request.user)
    if tour is None:
        raise PermissionDenied
    tours.tour_start(user=request.user, tour=tour)
    return redirect(tours.TOURS[tour][0].url_name)


@require_POST
@login_required
def tour_progress(request):
    """Where the user is in their tour (the tour script posts each step, the end or the close)."""
    try:
        data = json.loads(request.body or b"{}")
        tour, step, status = str(data["tour"]), int(data["step"]), str(data["status"])
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest()
    if tour != tours.tour_of(request.user):
        raise PermissionDenied
    try:
        progress = tours.tour_progress_save(user=request.user, tour=tour, step=step, status=status)
    except ValueError:
        return HttpResponseBadRequest()
    return JsonResponse({"tour": progress.tour, "step": progress.step, "status": progress.status})


@requires(onboarding.ADMIN_PERMISSION)
def training_page(request):
    form = TrainingCopyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if training.is_training():
            messages.error(request, _("This is already a training installation: make copies from the real one."))
            return redirect("guide:training")
        copy = TrainingCopy.objects.create(
            directory=str(training.default_directory()),
            from_demo=form.cleaned_data["from_demo"],
            requested_by=request.user,
        )
        jobs.enqueue(tasks.training_copy, copy.pk)
        messages.success(request, _("The training copy is being made; this page shows when it is ready."))
        return redirect("guide:training")
    copies = list(TrainingCopy.objects.all()[:10])
    return render(
        request,
        "guide/training.html",
        {
            "form": form,
            "is_training": training.is_training(),
            "copies": [
                {"copy": copy, "command": training.serve_command(copy.directory), "name": Path(copy.directory).name}
                for copy in copies
            ],
            "suppressed": SuppressedEmail.objects.all()[:20],
            "suppressed_count": SuppressedEmail.objects.count(),
        },
    )
