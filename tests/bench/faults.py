"""`make faults`: break things under the running site and check it recovers.

Each scenario prints what it did, what it saw and whether the site recovered. Needs root
on this machine (it restarts PostgreSQL and mounts a small tmpfs), PostgreSQL and Redis.
"""

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import harness  # noqa: E402
from tests.bench.harness import Server, log, manage  # noqa: E402

DATABASE = "hamkori_faults"
RESULTS = []


def scenario(name):
    def wrap(function):
        def run(*args):
            log(f"--- {name}")
            try:
                ok, detail = function(*args)
            except Exception as error:  # a scenario that crashes has not recovered
                ok, detail = False, f"scenario crashed: {error!r}"
            RESULTS.append((name, ok, detail))
            log(("RECOVERED " if ok else "FAILED ") + detail)

        return run

    return wrap


def restart_postgres():
    cluster = os.listdir("/etc/postgresql")[0]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart", "-m", "fast"],
        check=True,
        capture_output=True,
    )


class Signups(threading.Thread):
    """Signs up new accounts in a loop: each one writes a user and a profile in one transaction."""

    def __init__(self, base, prefix):
        super().__init__(daemon=True)
        self.base, self.prefix = base, prefix
        self.stop = threading.Event()
        self.statuses = []

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            try:
                page = harness.get(self.base + "/en/accounts/signup/")
                token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
                cookie = page.headers.get("Set-Cookie", "").split(";")[0]
                if not token:
                    self.statuses.append(page.status)
                    time.sleep(0.2)
                    continue
                form = {
                    "csrfmiddlewaretoken": token.group(1).decode(),
                    "first_name": "Fault",
                    "last_name": str(n),
                    "email": f"{self.prefix}-{n}@faults.local",
                    "password1": "a-long-enough-password-42",
                    "password2": "a-long-enough-password-42",
                    "region": "khatlon",
                    "preferred_language": "tg",
                }
                response = harness.get(
                    self.base + "/en/accounts/signup/",
                    headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
                    data=urlencode(form).encode(),
                    method="POST",
                )
                self.statuses.append(response.status)
            except OSError:
                self.statuses.append("connection error")
            time.sleep(0.05)


def orphan_users(env):
    """Users without a profile: a signup that was half written."""
    script = (
        "from django.contrib.auth import get_user_model;"
        "print(get_user_model().objects.filter(username__endswith='@faults.local', profile__isnull=True).count())"
    )
    return int(manage(env, "shell", "-c", script).strip().splitlines()[-1])


@scenario("PostgreSQL restarted under load")
def postgres_restart(env):
    with Server(env) as server:
        writer = Signups(server.url, "restart")
        writer.start()
        load = threading.Thread(
            target=lambda: RESULTS_WRK.update(
                harness.wrk(server.url + "/healthz", seconds=15, connections=10, headers={"Cookie": "sessionid=none"})
            )
        )
        load.start()
        time.sleep(4)
        down_at = time.time()
        restart_postgres()
        up_at = time.time()
        recovered = None
        while time.time() - up_at < 30:
            if (
                harness.get(server.url + "/healthz").status == 200
                and harness.get(server.url + "/en/about/").status == 200
            ):
                recovered = time.time() - up_at
                break
            time.sleep(0.2)
        load.join()
        writer.stop.set()
        writer.join(10)
        errors = [s for s in writer.statuses if s not in (200, 302)]
        orphans = orphan_users(env)
        answered = "never" if recovered is None else f"{recovered:.1f} s"
        detail = (
            f"restart took {up_at - down_at:.1f} s; site answered again {answered} "
            f"after PostgreSQL was back, without restarting gunicorn; during load: {RESULTS_WRK.get('requests')} "
            f"health checks, {RESULTS_WRK.get('non_2xx')} non-2xx; signups {len(writer.statuses)}, "
            f"failed {len(errors)} (while down), half-written {orphans}"
        )
        return recovered is not None and orphans == 0, detail


RESULTS_WRK = {}


@scenario("database unreachable")
def database_unreachable(env):
    broken = dict(env, DATABASE_URL="postgres://postgres@127.0.0.1:1/none", PAGE_CACHE_SECONDS="0")
    with Server(broken) as server:
        health = harness.get(server.url + "/healthz")
        page = harness.get(server.url + "/en/about/")
        body = page.body.decode("utf-8", "replace")
        friendly = "Something went wrong" in body and "Traceback" not in body and "psycopg" not in body
        detail = f"/healthz {health.status} {health.body.decode()}; /en/about/ {page.status}, friendly page: {friendly}"
        return health.status == 503 and page.status == 500 and friendly, detail


def main():
    harness.ensure_tools()
    env = harness.environment(DATABASE)
    harness.flush_redis(env)
    harness.fresh_database(DATABASE)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    harness.load_demo(env)

    postgres_restart(env)
    database_unreachable(env)
    for extra in EXTRA_SCENARIOS:
        extra(env)

    print()
    print("Hamkori faults")
    for name, ok, detail in RESULTS:
        print(f"  {'RECOVERED' if ok else 'FAILED   '}  {name}: {detail}")
    return 0 if all(ok for _name, ok, _detail in RESULTS) else 1


def helper(env, *args):
    script = Path(__file__).with_name("fault_helpers.py")
    result = subprocess.run([harness.PYTHON, str(script), *args], cwd=harness.ROOT, env=env,
                            capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(result.stdout)


def multipart(fields, files):
    """A multipart/form-data body: fields {name: value or [values]}, files {name: (filename, bytes)}."""
    boundary = "hamkori" + secrets.token_hex(8)
    parts = []
    for name, values in fields.items():
        for value in values if isinstance(values, list) else [values]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@contextmanager
def small_disk(path, size="2m"):
    """A tmpfs of `size` mounted at path (root only), unmounted afterwards."""
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@scenario("disk full during an upload")
def disk_full_upload(env):
    if os.geteuid() != 0:
        return False, "needs root to mount a small disk"
    from library.pdf import text_to_pdf

    media = harness.RESULTS / "full-disk"
    with small_disk(media) as disk:
        full_env = dict(env, MEDIA_ROOT=str(disk), PAGE_CACHE_SECONDS="0")
        headers = helper(full_env, "member", "fault.member@faults.local")["headers"]
        pdf = text_to_pdf("Water committees", "How village water committees keep accounts. " * 4000)
        # Leave less room than the file needs, so the disk fills while it is written.
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * max(free - len(pdf) // 2, 0))
        fields = {
            "title": "Disk full test", "summary": "A report uploaded while the disk is full.",
            "resource_type": "report", "material_languages": ["tg"], "thematic_areas": ["water-resources"],
            "year": "2025", "coverage": "tajikistan", "keywords": "", "access": "public", "external_url": "",
            "csrfmiddlewaretoken": headers["X-CSRFToken"],
        }  # fmt: skip
        body, content_type = multipart(fields, {"files": ("water.pdf", pdf)})
        post_headers = {**headers, "Content-Type": content_type}

        def upload(server):
            return harness.get(server.url + "/en/library/submit/", headers=post_headers, data=body, method="POST",
                               follow=False)  # fmt: skip

        with Server(full_env) as server:
            before = helper(full_env, "library")
            files_before = sorted(p.name for p in disk.rglob("*") if p.is_file())
            response = upload(server)
            after = helper(full_env, "library")
            files_after = sorted(p.name for p in disk.rglob("*") if p.is_file())
            clear = b"We could not store your file just now" in response.body
            (disk / "filler").unlink()
            retry = upload(server)
            kept = helper(full_env, "library")
    ok = response.status == 503 and clear and before == after and files_before == files_after
    ok = ok and retry.status == 302 and kept["submissions"] == before["submissions"] + 1
    detail = (
        f"upload of {len(pdf) // 1024} KB onto a full disk: {response.status}, clear message: {clear}; "
        f"rows before/after {before} / {after}; files left behind: {sorted(set(files_after) - set(files_before))}; "
        f"after space was freed, the same upload: {retry.status}, submissions {kept['submissions']}"
    )
    return ok, detail


@scenario("gunicorn worker killed in the middle of a quiz submission")
def worker_killed_mid_quiz(env):
    import psycopg

    email = "fault.learner@faults.local"
    quiz = helper(env, "quiz", email)
    post_headers = {**quiz["headers"], "Content-Type": "application/x-www-form-urlencoded"}
    url_path, body = quiz["path"], quiz["body"].encode()
    outcome = {}
    with Server(env) as server:
        # Hold the attempt's row so the submission is caught half-way, inside its transaction.
        with psycopg.connect(env["DATABASE_URL"]) as lock:
            lock.execute("SELECT id FROM courses_quizattempt WHERE id = %s FOR UPDATE", [quiz["attempt"]])

            def submit():
                try:
                    outcome["first"] = harness.get(server.url + url_path, headers=post_headers, data=body,
                                                   method="POST", follow=False).status  # fmt: skip
                except OSError as error:
                    outcome["first"] = type(error).__name__

            first = threading.Thread(target=submit)
            first.start()
            time.sleep(1.5)
            killed = server.worker_pids()
            for pid in killed:
                os.kill(pid, signal.SIGKILL)
            first.join(15)
            lock.rollback()
        during = helper(env, "attempts", email)
        deadline = time.time() + 30
        while time.time() < deadline and harness.get(server.url + "/healthz").status != 200:
            time.sleep(0.3)
        retry = harness.get(server.url + url_path, headers=post_headers, data=body, method="POST", follow=False)
        again = harness.get(server.url + url_path, headers=post_headers, data=body, method="POST", follow=False)
        after = helper(env, "attempts", email)
    ok = (
        during["finished"] == 0
        and retry.status == 302
        and again.status == 302
        and after["finished"] == 1
        and after["open"] == 0
        and after["scores"] == [100]
    )
    detail = (
        f"killed workers {killed} while the submission waited inside its transaction: the learner saw "
        f"{outcome.get('first')}; nothing was half-saved ({during}); the retry answered {retry.status} and "
        f"a second retry {again.status}; in the end {after['finished']} scored attempt, scores {after['scores']}, "
        f"{after['open']} open, {after['completions']} lesson completion(s)"
    )
    return ok, detail


EXTRA_SCENARIOS = [disk_full_upload, worker_killed_mid_quiz]

if __name__ == "__main__":
    sys.exit(main())
