from django.urls import path

from ardesk.reports import views

app_name = "reports"
urlpatterns = [
    path("dashboard/", views.dashboard_page, name="dashboard"),
    path("aging/", views.aging, name="aging"),
    path("aging/items/", views.aging_items, name="aging_items"),
    path("aging/buckets/", views.bucket_sets, name="bucket_sets"),
    path("aging/snapshots/", views.snapshots, name="snapshots"),
    path("aging/snapshots/take/", views.snapshot_take, name="snapshot_take"),
    path("aging/snapshots/<int:pk>/", views.snapshot_detail, name="snapshot"),
]
