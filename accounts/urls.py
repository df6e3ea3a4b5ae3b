from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/check-email/", views.signup_check_email, name="signup_check_email"),
    path("confirm-email/again/", views.send_link_again, name="send_link_again"),
    path("confirm-email/send/", views.send_confirmation_link, name="send_confirmation_link"),
    path("confirm-email/<uidb64>/<token>/", views.confirm_email, name="confirm_email"),
    path("login/", views.ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("colleagues/<int:pk>/confirm/", views.decide_colleague, {"decision": "confirm"}, name="confirm_colleague"),
    path("colleagues/<int:pk>/decline/", views.decide_colleague, {"decision": "decline"}, name="decline_colleague"),
    path("profile/my-data/", views.export_my_data, name="export_my_data"),
    path("delete/", views.delete_account, name="delete_account"),
    path(
        "password-reset/",
        views.ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.ConfirmingPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
