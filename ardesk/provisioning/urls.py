from django.urls import path

from ardesk.provisioning import views

app_name = "provisioning"
urlpatterns = [
    path("", views.runs, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/approve/", views.run_approve, name="run_approve"),
    path("opening/", views.opening, name="opening"),
    path("policies/", views.policies, name="policies"),
    path("policies/import/", views.policy_import, name="policy_import"),
    path("policies/export/<str:code>/", views.policy_export, name="policy_export"),
    path("policies/<int:pk>/derive/", views.policy_derive, name="policy_derive"),
    path("policies/<int:pk>/derivation/", views.derivation, name="derivation"),
    path("specific/", views.specific, name="specific"),
    path("specific/<int:pk>/end/", views.specific_end, name="specific_end"),
    path("write-offs/", views.write_offs, name="write_offs"),
    path("write-offs/<int:pk>/", views.write_off_detail, name="write_off"),
    path("write-offs/<int:pk>/<str:decision>/", views.write_off_decide, name="write_off_decide"),
    path("roll-forward/", views.roll_forward, name="roll_forward"),
    path("journals/", views.journals, name="journals"),
]
