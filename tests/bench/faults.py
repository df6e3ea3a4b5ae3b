"""`make faults`: break things under the running site and check it recovers.

Each scenario prints what it did, what it saw and whether the site recovered. Needs root
on this machine (it restarts PostgreSQL and mounts a small tmpfs), PostgreSQL and Redis.
"""

import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
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

        run.scenario_name = name
        return run

    return wrap


def postgres_cluster():
    """The cluster the drill restarts: FAULTS_PG_CLUSTER as "version/name" (e.g. "15/faults", a cluster of
    its own on the port BENCH_PG names), by default the first installed version's "main" cluster."""
    version, _, name = os.environ.get("FAULTS_PG_CLUSTER", "").partition("/")
    if not (version and name):
        version, name = sorted(os.listdir("/etc/postgresql"))[0], "main"
    return version, name


def restart_postgres():
    version, name = postgres_cluster()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart", "-m", "fast"],
        check=True,
        capture_output=True,
    )


class Signups(threading.Thread):
    """Signs up new accounts in a loop: each one writes a user and a profile in one transaction."""

    def __init__(self, base, prefix):
        super().__init__(daemon=True)
        self.base, self.prefix = base, prefix
        self.stop = threading.Event()
        self.results = []  # (when the sign-up started, its status)

    @property
    def statuses(self):
        return [status for _when, status in self.results]

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            started = time.time()
            try:
                page = harness.get(self.base + "/en/accounts/signup/")
                token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
                cookie = page.headers.get("Set-Cookie", "").split(";")[0]
                if not token:
                    self.results.append((started, page.status))
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
                self.results.append((started, response.status))
            except OSError:
                self.results.append((started, "connection error"))
            time.sleep(0.05)


def orphan_users(env):
    """Users without a profile: a signup that was half written."""
    script = (
        "from django.contrib.auth import get_user_model;"
        "print(get_user_model().objects.filter(username__endswith='@faults.local', profile__isnull=True).count())"
    )
    return int(manage(env, "shell", "-c", script).strip().splitlines()[-1])


def answers(url, timeout=5):
    """200 within `timeout` seconds (a hung worker or a refused connection: no)."""
    try:
        return harness.get(url, timeout=timeout).status == 200
    except OSError:
        return False


@scenario("PostgreSQL restarted under load")
def postgres_restart(env):
    """Health checks and sign-ups while PostgreSQL restarts. Requests fail while it is down (503 from /healthz,
    500 for a sign-up); once it is back the site answers again without restarting gunicorn, and from then on
    nothing fails: no worker hung, no stale persistent connection (CONN_MAX_AGE, CONN_HEALTH_CHECKS), also
    after a restart nobody saw (every worker idle, holding a connection that died)."""
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
            if answers(server.url + "/healthz") and answers(server.url + "/en/about/"):
                recovered = time.time() - up_at
                break
            time.sleep(0.2)
        load.join()
        after = {}
        if recovered is not None:  # every worker again, with the sign-ups still going
            after = harness.wrk(server.url + "/healthz", seconds=3, connections=4, headers={"Cookie": "sessionid=none"})
        writer.stop.set()
        writer.join(10)
        # Restarted while nobody asks: each worker's kept connection is dead, and the next request is served anyway.
        idle = {}
        if recovered is not None:
            harness.wrk(server.url + "/healthz", seconds=2, connections=4)  # both workers hold a connection
            restart_postgres()
            idle = harness.wrk(server.url + "/healthz", seconds=2, connections=4)
        back_at = up_at + (recovered or 0)
        errors = [(when, status) for when, status in writer.results if status not in (200, 302)]
        late = [status for when, status in errors if when >= back_at]
        orphans = orphan_users(env)
        tracebacks = server.log_tail(size=10**8).count("Traceback (most recent call last)")
        answered = "never" if recovered is None else f"{recovered:.1f} s"
        detail = (
            f"restart took {up_at - down_at:.1f} s; site answered again {answered} "
            f"after PostgreSQL was back, without restarting gunicorn; during load: {RESULTS_WRK.get('requests')} "
            f"health checks, {RESULTS_WRK.get('non_2xx')} non-2xx; after recovery: {after.get('requests')} health "
            f"checks, {after.get('non_2xx')} non-2xx, {after.get('socket_errors')} socket errors; "
            f"signups {len(writer.results)}, failed {len(errors) - len(late)} while down and {len(late)} after; "
            f"half-written {orphans}; restarted while idle: {idle.get('requests')} health checks after, "
            f"{idle.get('non_2xx')} non-2xx; {tracebacks} tracebacks in {server.log_path.name}"
        )
        ok = (
            recovered is not None
            and orphans == 0
            and not late
            and after.get("non_2xx") == 0
            and after.get("socket_errors") == 0
            and idle.get("non_2xx") == 0
            and idle.get("socket_errors") == 0
        )
        return ok, detail


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


def main(names=()):
    """Every scenario, or those whose name contains one of `names` (any case): `faults.py "PostgreSQL restarted"`."""
    scenarios = [postgres_restart, database_unreachable, *EXTRA_SCENARIOS]
    chosen = [run for run in scenarios if not names or any(n.lower() in run.scenario_name.lower() for n in names)]
    if not chosen:
        raise SystemExit("No scenario matches; the scenarios are:\n" + "\n".join(r.scenario_name for r in scenarios))
    harness.ensure_tools()
    env = harness.environment(DATABASE)
    harness.flush_redis(env)
    harness.fresh_database(DATABASE)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    harness.load_demo(env)

    for run in chosen:
        run(env)

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
        # Hold the learner's enrolment row (submissions lock it) so the submission is caught half-way,
        # inside its transaction.
        with psycopg.connect(env["DATABASE_URL"]) as lock:
            lock.execute("SELECT id FROM courses_enrolment WHERE id = %s FOR UPDATE", [quiz["enrolment"]])

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


SUBMISSION_FIELDS = {
    "title": "Fault test", "summary": "A report uploaded while something is broken.",
    "resource_type": "report", "material_languages": ["tg"], "thematic_areas": ["water-resources"],
    "year": "2025", "coverage": "tajikistan", "keywords": "", "access": "public", "external_url": "",
}  # fmt: skip


def media_files(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def upload_temp_files():
    root = Path(tempfile.gettempdir()) / "hamkori-uploads"
    return sorted(str(p) for p in root.rglob("*") if p.is_file()) if root.exists() else []


class SilentMailServer:
    """Accepts SMTP connections on loopback and never says a word."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(32)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.connections.append(self.sock.accept()[0])
            except OSError:
                return

    def close(self):
        self.sock.close()
        for connection in self.connections:
            connection.close()


@scenario("a mail server that never answers during a submission")
def silent_mail_server(env):
    from library.pdf import text_to_pdf

    mail = SilentMailServer()
    media = harness.RESULTS / "silent-mail-media"
    shutil.rmtree(media, ignore_errors=True)
    media.mkdir(parents=True)
    mail_env = dict(env, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(mail.port), EMAIL_USE_TLS="false",
                    MEDIA_ROOT=str(media), PAGE_CACHE_SECONDS="0")  # fmt: skip
    try:
        headers = helper(mail_env, "member", "fault.mail@faults.local")["headers"]
        fields = {**SUBMISSION_FIELDS, "title": "Silent mail test", "csrfmiddlewaretoken": headers["X-CSRFToken"]}
        pdf = text_to_pdf("Water committees", "How village water committees keep accounts. " * 200)
        body, content_type = multipart(fields, {"files": ("water.pdf", pdf)})
        with Server(mail_env) as server:
            before = helper(mail_env, "library")
            started = time.time()
            response = harness.get(server.url + "/en/library/submit/", data=body, method="POST", follow=False,
                                   headers={**headers, "Content-Type": content_type})  # fmt: skip
            took = time.time() - started
            after = helper(mail_env, "library")
            files = media_files(media)
    finally:
        mail.close()
    kept = after["submissions"] == before["submissions"] + 1 and after["documents"] == before["documents"] + 1
    ok = response.status == 302 and kept and len(files) == 1 and took < 10
    detail = (
        f"the submission answered {response.status} in {took:.1f} s with the mail server silent "
        f"({len(mail.connections)} connection(s) to it); submissions {before['submissions']} -> "
        f"{after['submissions']}, documents {before['documents']} -> {after['documents']}; files stored: {files}"
    )
    return ok, detail


def many_entries_docx(count):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(count):
            archive.writestr(f"w/{n}", "")
    return buffer.getvalue()


@scenario("an upload with a huge number of zip entries")
def zip_with_many_entries(env):
    upload_env = dict(env, PAGE_CACHE_SECONDS="0")
    headers = helper(upload_env, "member", "fault.zip@faults.local")["headers"]
    docx = many_entries_docx(190_000)
    fields = {**SUBMISSION_FIELDS, "title": "Many entries", "csrfmiddlewaretoken": headers["X-CSRFToken"]}
    body, content_type = multipart(fields, {"files": ("plan.docx", docx)})
    with Server(upload_env) as server:
        before = helper(upload_env, "library")
        started = time.time()
        response = harness.get(server.url + "/en/library/submit/", data=body, method="POST", follow=False,
                               headers={**headers, "Content-Type": content_type})  # fmt: skip
        took = time.time() - started
        after = helper(upload_env, "library")
        left = upload_temp_files()
        # The same upload, with the worker killed while it is still receiving the body.
        killed_left = killed_mid_upload(server, headers, body, content_type)
        health = harness.get(server.url + "/healthz").status
    refused = response.status == 400 and b"cannot check" in response.body
    ok = refused and took < 5 and before == after and not left and not killed_left and health == 200
    detail = (
        f"{len(docx) // 1024} KB .docx with 190,000 entries: {response.status} in {took:.2f} s "
        f"(refused with a clear message: {refused}); rows before/after {before} / {after}; temporary files left: "
        f"{left}; a worker killed while receiving it left {killed_left}; the site then answered {health}"
    )
    return ok, detail


def killed_mid_upload(server, headers, body, content_type):
    """Send most of the body, kill the workers while they wait for the rest: what stays in the temp folder?"""
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        head = (
            f"POST /en/library/submit/ HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {headers['Cookie']}\r\n"
            f"X-CSRFToken: {headers['X-CSRFToken']}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        sock.sendall(head.encode() + body[: len(body) * 3 // 4])
        deadline = time.time() + 10
        while time.time() < deadline and not upload_temp_files():
            time.sleep(0.1)
        receiving = upload_temp_files()
        for pid in server.worker_pids():
            os.kill(pid, signal.SIGKILL)
    deadline = time.time() + 15
    while time.time() < deadline and upload_temp_files():
        time.sleep(0.2)
    while time.time() < deadline and harness.get(server.url + "/healthz").status != 200:
        time.sleep(0.3)
    return upload_temp_files() if receiving else ["(no temporary file was seen while receiving)"]


def login(base, username, password, forwarded_for=None, cookies=""):
    """One sign-in through the form, as a browser behind the load balancer: (status, cookies after)."""
    extra = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    page = harness.get(base + "/en/accounts/login/", headers={**extra, "Cookie": cookies})
    jar = dict(part.split("=", 1) for part in cookies.split("; ") if "=" in part)
    for header in page.headers.get_all("Set-Cookie") or []:
        name, _eq, value = header.split(";")[0].partition("=")
        jar[name] = value
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    response = harness.get(
        base + "/en/accounts/login/",
        headers={**extra, "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
        data=urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode() if token else "",
                "username": username,
                "password": password,
            }
        ).encode(),  # fmt: skip
        method="POST",
        follow=False,
    )
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _eq, value = header.split(";")[0].partition("=")
        jar[name] = value
    return response.status, "; ".join(f"{k}={v}" for k, v in jar.items() if k != "sessionid")


@scenario("login storms from many users behind one proxy address")
def login_storm(env):
    password = "a-long-enough-password-42"  # noqa: S105 - made-up accounts for this scenario
    storm_env = dict(env, TRUSTED_PROXY_COUNT="1", PAGE_CACHE_SECONDS="0")
    people = helper(storm_env, "people", "6", password)["usernames"]
    victim, others = people[0], people[1:]
    outcome = {"storm": [], "people": []}
    with Server(storm_env, workers=2) as server:
        # The victim signed in on her phone yesterday: it carries her device cookie.
        _status, phone = login(server.url, victim, password, forwarded_for="198.51.100.10")

        def attacker(n):
            for k in range(25):
                target = victim if k % 2 else f"nobody{n}-{k}@faults.local"
                status, _cookies = login(server.url, target, "guess-" + str(k), forwarded_for=f"203.0.113.{n}")
                outcome["storm"].append(status)

        storm = [threading.Thread(target=attacker, args=(n,)) for n in range(6)]
        for thread in storm:
            thread.start()
        time.sleep(3)  # the storm is on: the victim's name is over its limit, the attackers' addresses too
        for n, person in enumerate(others):
            outcome["people"].append((person, login(server.url, person, password, forwarded_for=f"192.0.2.{n}")[0]))
        # On a device she never used, she is asked to wait while her name is under attack (or let in if the
        # storm has not reached her limit yet); on her own phone she is let in at once.
        victim_new_device = login(server.url, victim, password, forwarded_for="198.51.100.11")[0]
        victim_phone = login(server.url, victim, password, forwarded_for="198.51.100.10", cookies=phone)[0]
        for thread in storm:
            thread.join(120)
    refused = sum(1 for status in outcome["storm"] if status == 429)
    signed_in = sum(1 for _person, status in outcome["people"] if status == 302)
    ok = signed_in == len(others) and victim_phone == 302 and victim_new_device in (302, 429) and refused > 0
    detail = (
        f"{len(outcome['storm'])} failed logins from 6 attackers behind the balancer ({refused} refused with 429 "
        f"without looking at the password); during it {signed_in}/{len(others)} people signed in at once; "
        f"the attacked person on a new device: {victim_new_device} (429: asked to wait), then on her own phone: "
        f"{victim_phone}"
    )
    return ok, detail


EXTRA_SCENARIOS = [
    disk_full_upload,
    worker_killed_mid_quiz,
    silent_mail_server,
    zip_with_many_entries,
    login_storm,
]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
