from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import PasswordResetForm

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("colleagues/<int:pk>/confirm/", views.decide_colleague, {"decision": "confirm"}, name="confirm_colleague"),
    path("colleagues/<int:pk>/decline/", views.decide_colleague, {"decision": "decline"}, name="decline_colleague"),
    path("profile/my-data/", views.export_my_data, name="export_my_data"),
    path("delete/", views.delete_account, name="delete_account"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
