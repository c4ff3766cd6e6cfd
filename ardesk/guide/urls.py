"""The help, the user guide, onboarding and training (PRODUCT.md §17)."""

from django.urls import path

from ardesk.guide import setup_views

app_name = "guide"

urlpatterns: list = []

# Onboarding, guided tours and training mode.
urlpatterns += [
    path("onboarding/", setup_views.onboarding_checklist, name="onboarding"),
    path("onboarding/confirm/<str:step>/", setup_views.onboarding_confirm, name="onboarding_confirm"),
    path("onboarding/dismiss/", setup_views.onboarding_dismiss, name="onboarding_dismiss"),
    path("onboarding/examples/<str:kind>/", setup_views.onboarding_example, name="onboarding_example"),
    path("tours/", setup_views.tour_list, name="tours"),
    path("tours/start/", setup_views.tour_start, name="tour_start"),
    path("tours/progress/", setup_views.tour_progress, name="tour_progress"),
    path("training/", setup_views.training_page, name="training"),
]
