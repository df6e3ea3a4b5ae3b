"""Public, language-independent addresses of the Open Badges credentials (included in cms/urls.py)."""

from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path("status/revocation/", views.status_list_view, name="status_list"),
    path("achievements/<uuid:course_key>/<str:language>/", views.achievement_view, name="achievement"),
]
