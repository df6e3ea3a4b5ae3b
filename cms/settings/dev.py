"""Local development: debug on, a fixed insecure key, emails on the console."""

from .base import *  # noqa: F403
from .base import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the app folders, as collectstatic would gather them in production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The demo logins have known passwords: only settings that say so here let the loader create them.
DEMO_ACCOUNTS = True
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 - demo content, never in production
# A development signing key for Open Badges credentials, made on first use (ignored by git).
CREDENTIAL_SIGNING_KEY_FILE = env_str("CREDENTIAL_SIGNING_KEY_FILE") or str(BASE_DIR / ".credential-signing-key.pem")  # noqa: F405
CREDENTIAL_SIGNING_KEY_CREATE = True
