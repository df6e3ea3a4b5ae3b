"""The README's production steps, run as an operator would, give a working trilingual site.

On an empty database of the kind the suite runs on (PostgreSQL when DATABASE_URL says so, else
SQLite): `migrate`, `setup_site`, `collectstatic` with production settings, then gunicorn. The
site must serve every section in every language, answer an unknown address with the translated
404 page, and take a CSO member's submission into moderation. No demo content is involved.
"""

import os
import re
import secrets
import subprocess
import sys
import time

import pytest
import requests

from library.pdf import text_to_pdf
from tests.operator import ROOT, empty_database, free_port, manage

SECTIONS = ["training", "consultations", "forums", "recommendations", "courses", "library"]


class Browser:
    """Requests as a browser behind the TLS-terminating load balancer (production cookies are Secure)."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def request(self, method, path, **kwargs):
        headers = {"X-Forwarded-Proto": "https", "Referer": f"https://{self.base.split('//')[1]}{path}"}
        response = requests.request(
            method, self.base + path, headers=headers, cookies=self.cookies, allow_redirects=False, timeout=30, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def csrf_token(self, path):
        page = self.request("GET", path)
        assert page.status_code == 200, (path, page.status_code)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


@pytest.fixture
def production_site(tmp_path):
    with empty_database(tmp_path) as database_url:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": database_url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "BASE_URL": f"https://127.0.0.1:{port}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "SECURE_SSL_REDIRECT": "false",
        }
        env.pop("REDIS_URL", None)
        manage(env, "migrate", "--noinput")
        manage(env, "setup_site")
        manage(env, "collectstatic", "--noinput", "-v0")
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _attempt in range(150):  # up to about a minute on a busy machine
                try:
                    if requests.get(base + "/healthz", timeout=5).status_code == 200:
                        break
                except requests.RequestException:  # not listening yet, or its worker still starting
                    time.sleep(0.3)
            yield Browser(base), env
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.mark.slow
def test_readme_production_steps_give_a_working_trilingual_site(production_site):
    browser, env = production_site
    for language in ["en", "tg", "ru"]:
        assert browser.request("GET", f"/{language}/").status_code == 200
        for slug in SECTIONS:
            assert browser.request("GET", f"/{language}/{slug}/").status_code == 200, (language, slug)
    missing = browser.request("GET", "/tg/no-such-page/")
    assert missing.status_code == 404
    assert "Traceback" not in missing.text and 'lang="tg"' in missing.text
    stylesheet = re.search(r'href="(/static/css/hamkori\.[0-9a-f]+\.css)"', browser.request("GET", "/en/").text)
    assert stylesheet and browser.request("GET", stylesheet.group(1)).status_code == 200

    # A CSO worker signs up, naming an organisation the directory does not have yet, and submits a report.
    token = browser.csrf_token("/tg/accounts/signup/")
    signup = browser.request(
        "POST",
        "/tg/accounts/signup/",
        data={
            "csrfmiddlewaretoken": token,
            "first_name": "Malika",
            "last_name": "Saidova",
            "email": "malika@nur.example",
            "password1": "a long pass phrase for Nur",
            "password2": "a long pass phrase for Nur",
            "new_organisation": "Public Organization Nur",
            "region": "sughd",
            "preferred_language": "tg",
        },
    )
    assert signup.status_code == 302, signup.text[:3000]
    # She opens the link of the confirmation email (made here as the site makes it), and staff confirm her
    # link to the new organisation from their queue (Directory > Organisation links).
    link = manage(
        env,
        "shell",
        "--verbosity=0",
        "-c",
        "from django.contrib.auth import get_user_model; from django.utils.encoding import force_bytes; "
        "from django.utils.http import urlsafe_base64_encode; from accounts.confirmation import token_generator; "
        "u = get_user_model().objects.get(username='malika@nur.example'); "
        "print(f'/tg/accounts/confirm-email/{urlsafe_base64_encode(force_bytes(u.pk))}/{token_generator.make_token(u)}/')",
    ).strip()
    token = browser.csrf_token(link)
    assert browser.request("POST", link, data={"csrfmiddlewaretoken": token}).status_code == 302
    manage(
        env,
        "shell",
        "--verbosity=0",
        "-c",
        "from home.models import Affiliation; Affiliation.objects.get().decide('confirmed', method='staff')",
    )
    token = browser.csrf_token("/tg/library/submit/")
    submitted = browser.request(
        "POST",
        "/tg/library/submit/",
        data={
            "csrfmiddlewaretoken": token,
            "title": "Water committee handbook",
            "summary": "How to run a village water committee: meetings, fees and repairs.",
            "resource_type": "guide",
            "material_languages": ["tg"],
            "year": "2024",
            "coverage": "tajikistan",
            "access": "members",
        },
        files={"files": ("handbook.pdf", text_to_pdf("Handbook", "Water committees."), "application/pdf")},
    )
    assert submitted.status_code == 302, submitted.text[:3000]

    state = manage(
        env,
        "shell",
        "--verbosity=0",
        "-c",
        "from library.models import Submission; s = Submission.objects.get(); "
        "print(s.status, s.page.live, s.page.current_workflow_state.status, s.organisation.name)",
    )
    assert state.split() == ["pending", "False", "in_progress", "Public", "Organization", "Nur"]
