import os
import signal
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("home.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def run_manage(*args, **env):
    leaked = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in leaked}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 20 + "-a-long-random-production-secret-for-the-test-only-0123456789",
        ALLOWED_HOSTS="hamkori.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_demo_and_its_accounts_cannot_be_loaded_with_production_settings():
    # The demo app is never installed in production, so its loader (and its known passwords) does not exist there.
    result = run_manage(
        "load_demo_content",
        "--with-demo-accounts",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="y" * 64,
        DATABASE_URL="sqlite:////nonexistent-dir/never-created.sqlite3",
    )
    assert result.returncode != 0
    assert "Unknown command: 'load_demo_content'" in result.stderr


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy


def gunicorn_starts(*args, **env):
    """Whether gunicorn with production settings gets as far as listening; and what it said."""
    leaked = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in leaked}
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="z" * 64, **env)
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", "127.0.0.1:0", "--log-level", "info",
         "--graceful-timeout", "1", *args],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    said = []
    try:
        for line in server.stderr:
            said.append(line)
            if "Listening at" in line:
                return True, "".join(said)
        return False, "".join(said)
    finally:
        server.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_production_refuses_several_workers_without_a_shared_cache():
    started, said = gunicorn_starts("--workers", "2")
    assert not started
    assert "REDIS_URL" in said
    assert gunicorn_starts("--workers", "2", REDIS_URL="redis://127.0.0.1:6379/7")[0]
    assert gunicorn_starts("--workers", "1")[0]
    assert gunicorn_starts("--workers", "2", ALLOW_PER_PROCESS_CACHE="true")[0]
