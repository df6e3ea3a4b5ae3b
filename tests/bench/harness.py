"""What `make bench` and `make faults` share: a throwaway PostgreSQL database, the site under
gunicorn with production settings on loopback, and wrk for load.

Every server started here listens on 127.0.0.1 only, and every load run is bounded in time.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
RESULTS = ROOT / "bench-results"
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
WRK_SCRIPT = Path(__file__).with_name("percentiles.lua")


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_tools():
    if shutil.which("wrk"):
        return
    log("installing wrk (Debian package)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(sql, database="postgres"):
    subprocess.run(["psql", f"{PG}/{database}", "-qc", sql], check=True, capture_output=True)


def environment(database, **extra):
    """Production settings, pointed at loopback: no TLS in front of us here, so no HTTPS redirect."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(64),
        DATABASE_URL=f"{PG}/{database}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
        MEDIA_ROOT=str(RESULTS / "media"),
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def load_demo(env):
    """The demo content: loaded with the development settings (the demo app is never in production's),
    into the same database the production-settings server then serves."""
    manage({**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}, "load_demo_content")


def manage(env, *args, quiet=True):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=quiet, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def fresh_database(name):
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(f"CREATE DATABASE {name}")


def flush_redis(env):
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()


class Server:
    """gunicorn with production settings on 127.0.0.1; stopped when the block ends.

    Its log (errors and tracebacks, e.g. while the database is down) goes to a file, bench-results/gunicorn-PORT.log:
    a pipe nobody reads fills after 64 KB, and then the master and every worker block on their next log line
    and the site hangs (which the "PostgreSQL restarted under load" drill took for the site not recovering)."""

    def __init__(self, env, workers=2, timeout=30):
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.timeout = timeout
        self.process = None
        self.log_path = RESULTS / f"gunicorn-{self.port}.log"

    def log_tail(self, size=2000):
        try:
            return self.log_path.read_bytes()[-size:].decode("utf-8", "replace")
        except OSError:
            return ""

    def start(self):
        RESULTS.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log_file:  # the child keeps its own copy of the descriptor
            self.process = self._popen(log_file)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if get(self.url + "/healthz").status in (200, 503):
                    return self
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"gunicorn did not start ({self.log_path}):\n" + self.log_tail())

    def _popen(self, log_file):
        return subprocess.Popen(
            [
                PYTHON, "-m", "gunicorn", "cms.wsgi",
                "--bind", f"127.0.0.1:{self.port}",
                "--workers", str(self.workers),
                "--timeout", str(self.timeout),
                "--graceful-timeout", "5",
                "--log-level", "warning",
            ],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=log_file,
        )  # fmt: skip

    def worker_pids(self):
        result = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True)
        return [int(pid) for pid in result.stdout.split()]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 3xx comes back as the response


_no_redirects = urllib.request.build_opener(_KeepRedirects)


def get(url, headers=None, data=None, method=None, follow=True, timeout=30):
    request = urllib.request.Request(url, headers=headers or {}, data=data, method=method)  # noqa: S310
    opener = urllib.request.urlopen if follow else _no_redirects.open
    try:
        with opener(request, timeout=timeout) as response:  # noqa: S310 (loopback only)
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


def wrk(url, seconds=10, connections=20, threads=2, headers=None, lua=None):
    """Run wrk against url; returns requests/s, percentiles in ms, and error counts."""
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(lua or WRK_SCRIPT),
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    line = next((line for line in output.splitlines() if line.startswith("JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result for {url}:\n{output}")
    return json.loads(line[5:])


@contextmanager
def timed(label):
    start = time.time()
    yield
    log(f"{label}: {time.time() - start:.1f} s")
