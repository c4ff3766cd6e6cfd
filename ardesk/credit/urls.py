from django.urls import path

from ardesk.credit import views

app_name = "credit"
urlpatterns = [
    path("portfolio/", views.portfolio, name="portfolio"),
    path("customers/export/", views.customers_export, name="customers_export"),
    path("customers/<int:pk>/", views.customer_credit, name="customer"),
    path("customers/<int:pk>/panel/", views.customer_panel, name="customer_panel"),
    path("customers/<int:pk>/score/", views.customer_score, name="customer_score"),
    path("customers/<int:pk>/account/", views.customer_account, name="customer_account"),
    path("customers/<int:pk>/requests/new/", views.request_create, name="request_create"),
    path("customers/<int:pk>/statements/new/", views.financial_statement_create, name="financial_statement_create"),
    path("statements/import/", views.financial_statements_import, name="financial_statements_import"),
    path("orders/check/", views.order_check, name="order_check"),
    path("orders/held/", views.held_orders, name="held"),
    path("orders/<int:pk>/decide/", views.order_decide, name="order_decide"),
    path("requests/", views.requests_queue, name="requests"),
    path("requests/special/", views.requests_queue, {"kind": "special"}, name="special_requests"),
    path("requests/<int:pk>/evidence/", views.request_evidence, name="request_evidence"),
    path("requests/<int:pk>/decide/", views.request_decide, name="request_decide"),
    path("reviews/", views.reviews_queue, name="reviews"),
    path("reviews/<int:pk>/complete/", views.review_complete, name="review_complete"),
    path("limits/", views.limit_batches, name="limit_batches"),
    path("limits/<int:pk>/", views.limit_batch, name="limit_batch"),
    path("limits/<int:pk>/decide/", views.limit_batch_decide, name="limit_batch_decide"),
    path("scorecards/", views.scorecards, name="scorecards"),
    path("scorecards/<int:pk>/edit/", views.scorecard_edit, name="scorecard_edit"),
]
