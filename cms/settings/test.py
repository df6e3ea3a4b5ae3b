"""Fast, isolated settings for the test suite (pytest reads them from pyproject.toml)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PER_PERSON_CACHE = True  # one process: its cache is shared by every request
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "fragments": LOCAL_FRAGMENTS}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="hamkori-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
# A file, not memory, for SQLite's test database, so that `pytest --reuse-db` (the default in
# pyproject.toml) keeps the migrated database between runs; each xdist worker gets its own.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".pytest-db.sqlite3")}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the app folders, as collectstatic would gather them in production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
DEMO_ACCOUNTS = True  # the demo session loads the demo logins (demo/accounts.py)
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 - demo content, never in production
# Each test process signs credentials with a key of its own, made on first use.
CREDENTIAL_SIGNING_KEY_FILE = str(Path(tempfile.mkdtemp(prefix="hamkori-test-keys-")) / "credential-signing-key.pem")
CREDENTIAL_SIGNING_KEY_CREATE = True
