from django.contrib.auth import views as auth_views
from django.urls import path

from ardesk.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url="/accounts/profile/"
        ),
        name="password_change",
    ),
    path("language/", views.language_switch, name="language"),
    path("profile/", views.profile, name="profile"),
    path("tokens/", views.token_issue, name="token_issue"),
    path("tokens/<str:prefix>/revoke/", views.token_revoke, name="token_revoke"),
    path("users/", views.users, name="users"),
    path("users/new/", views.user_new, name="user_new"),
    path("users/<int:pk>/", views.user_edit, name="user_edit"),
    path("companies/", views.companies, name="companies"),
]
