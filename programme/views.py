"""Study pack downloads (the files built on publish) and the staff answer sheet."""

import logging

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import study_packs
from .models import StudyPack, TrainingSessionPage

logger = logging.getLogger(__name__)

CONTENT_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def _published_pack(session_id):
    """The pack of a live, public session (a pack is never built for another; this checks again)."""
    sessions = TrainingSessionPage.objects.live().public()
    return get_object_or_404(
        StudyPack.objects.select_related("session__locale"), session_id=session_id, session__in=sessions
    )


@require_safe
def download_view(request, session_id, extension):
    """The stored file, as a download with a telling name. Never built here: it was built on publish."""
    pack = _published_pack(session_id)
    stored = pack.html_file if extension == "html" else pack.pdf_file
    if not stored:
        raise Http404
    etag = f'"{pack.version}-{extension}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        try:
            handle = stored.open("rb")
        except FileNotFoundError:
            logger.error("The %s file of the study pack of session %s is missing", extension, session_id)
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=study_packs.file_name(pack.session, extension),
            content_type=CONTENT_TYPES[extension],
        )
    response["ETag"] = etag
    if extension == "html":  # opened in a browser all the same: it may load nothing and run nothing
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    # The address stays the same when the pack is rebuilt: ask each time (a 304 costs a few bytes).
    response["Cache-Control"] = "no-cache"
    return response


@never_cache
@login_required
def answer_sheet_view(request, session_id):
    pack = _published_pack(session_id)
    if not study_packs.can_see_answers(request.user, pack.session):
        raise Http404  # a learner learns nothing, not even that there is a sheet
    content = study_packs.gather(pack.session)
    response = render(
        request,
        "programme/study_pack_answers.html",
        {"content": content, "session": pack.session, "stamp": study_packs.version_stamp(content)},
    )
    response["X-Robots-Tag"] = "noindex"
    return response
