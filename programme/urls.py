from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("study-packs/<int:session_id>.html", views.download_view, {"extension": "html"}, name="study_pack_html"),
    path("study-packs/<int:session_id>.pdf", views.download_view, {"extension": "pdf"}, name="study_pack_pdf"),
    path("study-packs/<int:session_id>/answers/", views.answer_sheet_view, name="study_pack_answers"),
]
