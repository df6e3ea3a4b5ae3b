"""Run inside the bench environment: a signed-in session for the bench learner, as HTTP headers."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).parent))

import django  # noqa: E402

django.setup()

from bench_pages import bench_user, quiz_post  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret  # noqa: E402

user = bench_user()
if user is None:
    sys.exit("no bench learner in the database")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
secret = _get_new_csrf_string()
cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={secret}"
headers = {"Cookie": cookie, "X-CSRFToken": _mask_cipher_secret(secret)}
print(json.dumps({"headers": headers, "quiz_post": quiz_post(user, os.environ)}))
