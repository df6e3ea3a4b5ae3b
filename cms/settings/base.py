"""Settings shared by every environment.

Safe by default: DEBUG is off and there is no SECRET_KEY unless the environment
gives one. Every environment variable the project reads is read here, in one
place, and listed in the README.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment -----------------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# How many proxies (load balancers) in front of the app append to X-Forwarded-For. 0: the header is
# never believed (anyone can send it). The login throttle counts the client address they report.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
REDIS_URL = env_str("REDIS_URL")
# Without REDIS_URL each process keeps its own cache; production refuses several gunicorn workers
# that way (gunicorn.conf.py) unless this says it is meant.
ALLOW_PER_PROCESS_CACHE = env_bool("ALLOW_PER_PROCESS_CACHE", False)
# Per-person rows (the signed-in user, a learner's progress: accounts.cached_user) are kept in the cache only
# when every process shares it: a per-process copy would miss a change made in another worker.
PER_PERSON_CACHE = bool(REDIS_URL)
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Hamkori <noreply@hamkori.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# Seconds to wait for the mail server. Emails go out after the transaction commits (home/mail.py) and
# one request waits for a silent server once, so this bounds how long a form can take when mail is down.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 5)
# SMTP when a host is configured; otherwise emails are printed to the console.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
LIBRARY_MAX_UPLOAD_MB = env_int("LIBRARY_MAX_UPLOAD_MB", 20)
# Indicator reports show any count under this as "<k" (and hide others so it cannot be worked out).
SUPPRESSION_THRESHOLD = max(2, env_int("SUPPRESSION_THRESHOLD", 5))
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# The Ed25519 private key (PEM) that signs Open Badges credentials; a path, never the key itself, and
# never in the repository or the database. Development and test settings create one when it is missing.
CREDENTIAL_SIGNING_KEY_FILE = env_str("CREDENTIAL_SIGNING_KEY_FILE")
CREDENTIAL_SIGNING_KEY_CREATE = False

# --- Applications ------------------------------------------------------------
INSTALLED_APPS = [
    "home",
    "programme",
    "accounts",
    "courses",
    "library",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.RefuseNulBytesMiddleware",
    # Over-size bodies are refused from their Content-Length, before anything reads them.
    "home.middleware.RequestBodyLimitMiddleware",
    # Compressed HTML and ETags matter on weak connections (Django masks CSRF tokens against BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "home.middleware.RememberLanguageMiddleware",
    # Before sessions and auth: a request with no session cookie is anonymous, and a hit skips the rest.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "library.middleware.LibraryDownloadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.login_throttle.LoginDeviceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data --------------------------------------------------------------------
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A writer waits up to 20 s for another to finish (the default, 5 s, fails a busy `make run`).
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "home.redis_cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hamkori",
        }
    }
    # Sessions read from the shared cache and written through to the database: a signed-in request
    # costs one query less. Only with a shared cache: a per-process copy would outlive a sign-out elsewhere.
    # Read with the request's first cache call (home.sessions).
    SESSION_ENGINE = "home.sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered fragments kept in each process, for {% cache ... using="fragments" %} whose key carries a version
# that changes with what they show (home.page_cache): no cache call to reuse them.
LOCAL_FRAGMENTS = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}
CACHES["fragments"] = LOCAL_FRAGMENTS

# --- Accounts ----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Counts failed logins and slows down a username or address after too many (accounts/login_throttle.py).
AUTHENTICATION_BACKENDS = ["accounts.login_throttle.ThrottledModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# Demo logins have known passwords: `load_demo_content --with-demo-accounts` makes them only where the
# settings opt in with True (dev.py and test.py do; production never).
DEMO_ACCOUNTS = False
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 (a template name)

# --- Languages ---------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("tg", "Тоҷикӣ"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The reader's choice of language (the switcher, the profile) outlives the browser session.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
FORMAT_MODULE_PATH = ["home.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Dushanbe"
# Where a page is missing in the reader's language, the nearest one is offered first.
LANGUAGE_FALLBACKS = {"tg": ["ru", "en"], "ru": ["tg", "en"]}
WAGTAIL_I18N_ENABLED = True
# "Translate this page" makes a draft: English stays off the Tajik address until the translator publishes.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail's admin has no Tajik catalogue; editors work in English or Russian.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("ru", "Русский")]

# --- Static and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Uploads -----------------------------------------------------------------
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# The largest request body a signed-in person may send (home.middleware.RequestBodyLimitMiddleware):
# the library form's five files at LIBRARY_MAX_UPLOAD_MB each, and the form. Visitors without a
# session send at most DATA_UPLOAD_MAX_MEMORY_SIZE.
UPLOAD_REQUEST_MAX_BYTES = (5 * LIBRARY_MAX_UPLOAD_MB + 1) * 1024 * 1024
# How long the content checks of one uploaded file may take (library/validators.py).
UPLOAD_CHECK_SECONDS = 5
FILE_UPLOAD_PERMISSIONS = 0o640
# Where uploads over FILE_UPLOAD_MAX_MEMORY_SIZE are streamed while a request is read; gunicorn.conf.py
# gives each worker a folder of its own and removes it when the worker ends (even killed).
FILE_UPLOAD_TEMP_DIR = env_str("FILE_UPLOAD_TEMP_DIR") or None
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "xls", "xlsx", "ods", "odt", "ppt", "pptx", "csv", "txt", "jpg", "jpeg", "png",
]  # fmt: skip
# Every download passes through Wagtail's serve view, so privacy is checked each time.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Hamkori"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from gravatar.com: every request stays on our own host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security (tightened further in production.py) -------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
