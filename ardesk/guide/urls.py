"""The help, the user guide, onboarding and training (PRODUCT.md §17)."""

from django.urls import include, path

app_name = "guide"

urlpatterns: list = [
    path("formulas/", include("ardesk.guide.formulas.urls")),
]
