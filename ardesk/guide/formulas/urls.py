"""Mounted under /help/formulas/ inside the guide namespace: guide:formulas and guide:formula."""

from django.urls import path

from ardesk.guide.formulas import views

urlpatterns = [
    path("", views.index, name="formulas"),
    path("<slug:key>/", views.formula, name="formula"),
]
