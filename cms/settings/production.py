"""Production: refuses to start without the variables it needs.

Follows Django's deployment checklist: HTTPS only, secure cookies, HSTS.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    AWS_STORAGE_BUCKET_NAME,
    SECRET_KEY,
    env_bool,
    env_int,
)

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters in production. "
        'Generate one with: python -c "import secrets; print(secrets.token_urlsafe(64))"'
    )

DEBUG = False

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer terminates TLS and tells us so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
# X_FRAME_OPTIONS stays SAMEORIGIN (not DENY): Wagtail's preview panel frames our own pages.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

if AWS_STORAGE_BUCKET_NAME:
    # Media on S3-compatible storage; files stay private and are streamed through
    # Wagtail's serve view, so the permission check still runs on every download.
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"default_acl": "private", "querystring_auth": True, "file_overwrite": False},
    }
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
