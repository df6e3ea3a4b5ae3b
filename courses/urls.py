from django.urls import path

from . import deliveries, views

app_name = "courses"

urlpatterns = [
    path("my-learning/", views.dashboard_view, name="dashboard"),
    path("my-learning/certificates/<str:code>/", views.certificate_view, name="certificate"),
    path("my-learning/certificates/<str:code>/pdf/", views.certificate_pdf_view, name="certificate_pdf"),
    path(
        "my-learning/certificates/<str:code>/credential/",
        views.certificate_credential_view,
        name="certificate_credential",
    ),
    path("certificates/verify/", views.verify_form_view, name="verify_form"),
    path("certificates/verify/<str:code>/", views.verify_view, name="verify"),
    path("learn/course/<int:page_id>/enrol/", views.enrol_view, name="enrol"),
    path("learn/lesson/<int:page_id>/complete/", views.complete_view, name="complete"),
    path("learn/lesson/<int:page_id>/quiz/", views.submit_quiz_view, name="submit_quiz"),
    # Forms rendered before the one above existed named an open attempt; they still work.
    path("learn/attempt/<int:attempt_id>/submit/", views.submit_open_attempt_view, name="submit_open_attempt"),
    path("learn/attempt/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path("deliveries/new/", deliveries.record_delivery_view, name="record_delivery"),
    path("deliveries/<int:pk>/participants/", deliveries.delivery_participants_view, name="delivery_participants"),
]
