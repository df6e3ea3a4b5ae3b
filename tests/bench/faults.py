"""`make faults`: break things under the running site and check it recovers.

Each scenario prints what it did, what it saw and whether the site recovered. Needs root
on this machine (it restarts PostgreSQL and mounts a small tmpfs), PostgreSQL and Redis.
"""

import os
import re
import subprocess
import sys
import threading
import time
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
    manage(env, "load_demo_content")

    postgres_restart(env)
    database_unreachable(env)
    for extra in EXTRA_SCENARIOS:
        extra(env)

    print()
    print("Hamkori faults")
    for name, ok, detail in RESULTS:
        print(f"  {'RECOVERED' if ok else 'FAILED   '}  {name}: {detail}")
    return 0 if all(ok for _name, ok, _detail in RESULTS) else 1


EXTRA_SCENARIOS = []

if __name__ == "__main__":
    sys.exit(main())
