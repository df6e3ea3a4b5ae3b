"""Finishes library downloads that Wagtail's document view streamed.

Wagtail's ``before_serve_document`` hooks can only replace the response with a non-streaming
``HttpResponse``; to keep Wagtail's streaming, ETag and privacy check, our hook marks the request
and this middleware adjusts the headers of the response Wagtail built.
"""

from django.utils.cache import patch_cache_control


class LibraryDownloadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        download = getattr(request, "library_download", None)
        if download is None or response.status_code != 200:
            return response
        disposition = response.get("Content-Disposition", "")
        if download["extension"] != "pdf" and not disposition.startswith("attachment"):
            response["Content-Disposition"] = (
                "attachment" + disposition[len("inline") :] if disposition else "attachment"
            )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        if download["private"]:
            patch_cache_control(response, private=True, no_store=True)
        else:
            # Kept, but checked again before each use: a file made members-only is not served from a copy.
            patch_cache_control(response, public=True, no_cache=True)
        return response
