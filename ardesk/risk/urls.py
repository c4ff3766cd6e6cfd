from django.urls import path

from ardesk.risk import views

app_name = "risk"
urlpatterns = [
    path("", views.signals, name="signals"),
    path("scan/", views.scan, name="scan"),
    path("watch/", views.watch_list, name="watch_list"),
    path("watch/<int:pk>/", views.watch_entry, name="watch_entry"),
    path("watch/<int:pk>/update/", views.watch_update, name="watch_update"),
    path("watch/<int:pk>/actions/", views.watch_action, name="watch_action"),
    path("watch/<int:pk>/actions/<int:action_pk>/done/", views.watch_action_done, name="watch_action_done"),
    path("watch/<int:pk>/close/", views.watch_close, name="watch_close"),
    path("customers/<int:customer_pk>/watch/", views.watch_add, name="watch_add"),
    path("customers/<int:pk>/panel/", views.customer_panel, name="customer_panel"),
    path("portfolio/", views.portfolio, name="portfolio"),
    path("portfolio/transition/", views.transition, name="transition"),
    path("portfolio/concentration/", views.concentration, name="concentration"),
    path("alerts/", views.inbox, name="inbox"),
    path("alerts/read/", views.inbox_read, name="inbox_read"),
    path("settings/", views.config, name="config"),
]
