"""The first page after signing in: the finance dashboard for those who may read reports."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect


@login_required
def home(request):
    if request.user.has_perm("reports.view_reports"):
        return redirect("reports:dashboard")
    return redirect("customers:list")
