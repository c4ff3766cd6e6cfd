from django.urls import path

from ardesk.insights import views

app_name = "insights"

urlpatterns = [
    path("model/", views.model_card, name="model"),
    path("model/train", views.train, name="train"),
    path("model/scorecard", views.learn_scorecard, name="learn_scorecard"),
    path("forecast/", views.forecast, name="forecast"),
    path("customers/<int:pk>/panel", views.customer_panel, name="customer_panel"),
]
