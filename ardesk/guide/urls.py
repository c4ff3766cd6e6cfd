"""The help, the user guide, onboarding and training (PRODUCT.md §17)."""

from django.urls import include, path

from ardesk.guide import setup_views, views

app_name = "guide"

urlpatterns = [
    path("", views.index, name="index"),
    path("page/<str:view_name>/", views.page, name="page"),
    path("panel/", views.panel, name="panel"),
    path("roles/<slug:role>/", views.role, name="role"),
    path("whatsnew/", views.whatsnew, name="whatsnew"),
    path("guide.pdf", views.pdf, name="pdf"),
    path("formulas/", include("ardesk.guide.formulas.urls")),
    # Onboarding, guided tours and training mode.
    path("onboarding/", setup_views.onboarding_checklist, name="onboarding"),
    path("onboarding/confirm/<str:step>/", setup_views.onboarding_confirm, name="onboarding_confirm"),
    path("onboarding/dismiss/", setup_views.onboarding_dismiss, name="onboarding_dismiss"),
    path("onboarding/examples/<str:kind>/", setup_views.onboarding_example, name="onboarding_example"),
    path("tours/", setup_views.tour_list, name="tours"),
    path("tours/start/", setup_views.tour_start, name="tour_start"),
    path("tours/progress/", setup_views.tour_progress, name="tour_progress"),
    path("training/", setup_views.training_page, name="training"),
]
