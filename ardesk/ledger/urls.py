from django.urls import path

from ardesk.ledger import views

app_name = "ledger"
urlpatterns = [
    path("documents/", views.document_list, name="documents"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/allocate/", views.allocate, name="allocate"),
    path("documents/<int:pk>/allocate/auto/", views.allocate_auto, name="allocate_auto"),
    path("documents/<int:pk>/reverse/", views.document_reverse, name="reverse"),
    path("documents/<int:pk>/refund/", views.credit_refund, name="refund"),
    path("allocations/<int:pk>/reverse/", views.allocation_reverse, name="allocation_reverse"),
    path("customers/<int:pk>/panel/", views.customer_panel, name="customer_panel"),
    path("customers/<int:pk>/documents/new/", views.document_create, name="document_create"),
    path("new-document/", views.document_new, name="document_new"),
    path("customers/<int:pk>/payment-term/", views.customer_terms, name="customer_terms"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.import_job, name="import_job"),
    path("import/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("terms/", views.terms, name="terms"),
    path("rates/", views.rates, name="rates"),
]
