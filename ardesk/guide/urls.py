"""The help, the user guide, onboarding and training (PRODUCT.md §17)."""

from django.urls import include, path

from ardesk.guide import views

app_name = "guide"

urlpatterns = [
    path("", views.index, name="index"),
    path("page/<str:view_name>/", views.page, name="page"),
    path("panel/", views.panel, name="panel"),
    path("roles/<slug:role>/", views.role, name="role"),
    path("whatsnew/", views.whatsnew, name="whatsnew"),
    path("guide.pdf", views.pdf, name="pdf"),
    path("formulas/", include("ardesk.guide.formulas.urls")),
]
