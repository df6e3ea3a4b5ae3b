"""`make bench`: load the site with demo content plus generated volume into PostgreSQL, serve it
with gunicorn (production settings, 2 workers) on loopback, and measure it with wrk.

Prints one table and writes bench-results/bench.json. Every figure comes from this one run.
Environment: BENCH_SECONDS (per endpoint, default 10), BENCH_CONNECTIONS (default 20),
BENCH_SKIP_LOAD=1 to reuse the database of the previous run.
"""

import gzip
import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import harness  # noqa: E402
from tests.bench.bench_pages import UNCACHED_PAGES  # noqa: E402
from tests.bench.harness import PYTHON, RESULTS, ROOT, Server, log, manage, timed, wrk  # noqa: E402

DATABASE = os.environ.get("BENCH_DATABASE", "hamkori_bench")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "20"))

BUDGET_QUERIES = 12
BUDGET_HTML_KB = 30
BUDGET_FIRST_VISIT_KB = 100
FIRST_VISIT_PAGES = {"home", "training session", "lesson"}
CACHE_RATIO = 0.45
QUIZ_P95_MS = 300
# Pages built for each request (cache off, or signed in), as shares of the static file's rate.
UNCACHED_RATIOS = {
    "training session (uncached)": 0.09,
    "library list (uncached)": 0.06,
    "site search (tg, folded) (uncached)": 0.045,
    "site search (every resource) (uncached)": 0.045,
    "site search (typo) (uncached)": 0.045,
    "lesson (signed in)": 0.1,
    "my-learning (signed in)": 0.1,
}
# The big library's uncached list within 30 % of the small one's rate.
SCALING = ("library list (uncached)", "library list (200 resources) (uncached)", 0.7)
PUBLISH_EVERY = 2.0
PUBLISH_HIT_RATIO = 0.9
PUBLISH_P95_MS = 100
READER_PAGES = RESULTS / "reader-pages.txt"
PUBLISH_SCRIPT = Path(__file__).with_name("publish.lua")
QUIZ_REQUESTS = RESULTS / "quiz-requests.tsv"
QUIZ_SCRIPT = Path(__file__).with_name("quiz.lua")


class Assets(HTMLParser):
    """Everything a browser fetches on a first visit: stylesheets, scripts, images, icons."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon") and attrs.get("media") != "print":
            self.urls.append(attrs.get("href"))
        elif tag in ("script", "img", "source", "iframe", "video", "audio") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag in ("img", "source") and attrs.get("srcset"):
            self.urls.extend(part.split()[0] for part in attrs["srcset"].split(","))


def page_weight(base, path, headers=None):
    """Bytes on the wire (compressed as served) for the HTML and for the whole first visit."""
    gz = {"Accept-Encoding": "gzip", **(headers or {})}
    response = harness.get(base + path, headers=gz)
    html = gzip.decompress(response.body) if response.headers.get("Content-Encoding") == "gzip" else response.body
    parser = Assets()
    parser.feed(html.decode("utf-8", "replace"))
    total = len(response.body)
    foreign = []
    for url in {u for u in parser.urls if u}:
        absolute = urljoin(base + path, url)
        if urlparse(absolute).netloc != urlparse(base).netloc:
            foreign.append(absolute)
            continue
        total += len(harness.get(absolute, headers=gz).body)
    return {
        "html_raw": len(html),
        "html_wire": len(response.body),
        "first_visit_wire": total,
        "assets": len(parser.urls),
        "foreign": foreign,
    }


def load(env):
    harness.fresh_database(DATABASE)
    with timed("migrate"):
        manage(env, "migrate", "--noinput")
    with timed("collectstatic"):
        manage(env, "collectstatic", "--noinput")
    with timed("demo content"):
        harness.load_demo(env)
    with timed("generated volume"):
        result = subprocess.run([PYTHON, str(Path(__file__).with_name("volume.py"))], cwd=ROOT, env=env, check=False)
        if result.returncode:
            raise SystemExit("volume generation failed")
    # Fresh statistics after the bulk load, as autovacuum would gather them on a live site: without
    # them the planner guesses, and the figures depend on its luck. VACUUM sets the visibility map, as
    # autovacuum would too, so the search's covering index is read without visiting the table.
    with timed("analyze"):
        harness.psql("VACUUM ANALYZE", DATABASE)


def signed_in_sessions(env):
    """The bench learner's session headers, and one quiz submission per learner written for quiz.lua."""
    script = Path(__file__).with_name("session.py")
    output = subprocess.run(
        [PYTHON, str(script), str(QUIZ_REQUESTS)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if output.returncode:
        log("no signed-in session: " + output.stderr[-500:])
        return None
    return json.loads(output.stdout)


def quiz_attempts_scored_since(env, started):
    script = Path(__file__).with_name("session.py")
    output = subprocess.run([PYTHON, str(script), "--scored", started], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)  # fmt: skip
    return int(output.stdout.strip())


def main():
    harness.ensure_tools()
    RESULTS.mkdir(exist_ok=True)
    env = harness.environment(DATABASE)
    harness.flush_redis(env)
    if os.environ.get("BENCH_SKIP_LOAD") != "1":
        load(env)

    measured = json.loads(
        subprocess.run(
            [PYTHON, str(Path(__file__).with_name("measure.py"))],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    urls, queries = measured["urls"], measured["queries"]
    session = signed_in_sessions(env)
    log(f"{measured['pages_total']} pages, {measured['users_total']} users; measuring {len(urls)} pages")

    rows = []
    with Server(env, workers=2) as server:
        static_path = re.search(
            r'href="(/static/css/hamkori[^"]*\.css)"', harness.get(server.url + "/en/").body.decode()
        )
        targets = [("static file (whitenoise)", static_path.group(1), None)]
        for name, url in urls.items():
            signed = name in measured.get("signed_in", []) or name.startswith("my-learning")
            targets.append((name, url, session["headers"] if signed and session else None))
        if session and session["quiz"]["count"]:
            targets.append(("quiz submission (POST)", session["quiz"]["lesson"], None))

        for name, url, headers in targets:
            is_post = name.startswith("quiz submission")
            if is_post:
                # Each request is another learner's submission, with their own session (quiz.lua).
                os.environ.update(
                    WRK_REPORTER=str(harness.WRK_SCRIPT), QUIZ_REQUESTS=str(QUIZ_REQUESTS), WRK_THREADS="2"
                )
                started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
                result = wrk(server.url, seconds=SECONDS, connections=CONNECTIONS, threads=2, lua=QUIZ_SCRIPT)
                result["scored"] = quiz_attempts_scored_since(env, started)
                result["prepared"] = session["quiz"]["count"]
                log(f"quiz: {result['requests']} submissions sent, {result['scored']} attempts scored")
            else:
                harness.get(server.url + url, headers=headers)  # fill the page cache, as a first reader would
                result = wrk(server.url + url, seconds=SECONDS, connections=CONNECTIONS, headers=headers)
            weight = None if is_post or name.startswith("static") else page_weight(server.url, url, headers)
            cache = "-" if is_post else harness.get(server.url + url, headers=headers).headers.get("X-Page-Cache", "-")
            rows.append({"name": name, "url": url, **result, "weight": weight, "cache": cache,
                         **queries.get(name, {})})  # fmt: skip
            log(f"{name}: {result['rps']:.0f} req/s, p95 {result['p95']:.1f} ms")
        rows.append(publish_under_load(env, server, measured["reader_pages"]))

    # The same pages built for every request: the first readers after each publish.
    with Server({**env, "PAGE_CACHE_SECONDS": "0"}, workers=2) as server:
        for name in UNCACHED_PAGES:
            if name not in urls:
                continue
            harness.get(server.url + urls[name])
            result = wrk(server.url + urls[name], seconds=SECONDS, connections=CONNECTIONS)
            rows.append({"name": f"{name} (uncached)", "url": urls[name], **result, "weight": None, "cache": "off",
                         **queries.get(name, {})})  # fmt: skip
            log(f"{name} (uncached): {result['rps']:.0f} req/s, p95 {result['p95']:.1f} ms")

    return report(rows, measured)


def publish_under_load(env, server, pages):
    """Readers go round 20 pages while an editor publishes one session every PUBLISH_EVERY seconds."""
    READER_PAGES.write_text("".join(page + "\n" for page in pages))
    for page in pages:
        harness.get(server.url + page)  # warm, as a site in use is
    os.environ["READER_PAGES"] = str(READER_PAGES)
    editor = subprocess.Popen(
        [PYTHON, str(Path(__file__).with_name("publisher.py")), str(SECONDS), str(PUBLISH_EVERY)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    result = wrk(server.url, seconds=SECONDS, connections=CONNECTIONS, lua=PUBLISH_SCRIPT)
    published = int(editor.communicate(timeout=120)[0].strip() or 0)
    answered = result["hit"] + result["stale"] + result["miss"] + result["uncached"]
    result["hit_ratio"] = (result["hit"] + result["stale"]) / answered if answered else 0
    result["published"] = published
    name = f"publish under load ({len(pages)} pages)"
    counts = f"{result['hit']} hit, {result['stale']} stale, {result['miss']} miss"
    log(f"{name}: {published} publishes, hit ratio {result['hit_ratio']:.3f} ({counts}), p95 {result['p95']:.1f} ms")
    return {"name": name, "url": "", **result, "weight": None, "cache": f"{result['hit_ratio']:.2f}"}


def report(rows, measured):
    static_rps = rows[0]["rps"]
    signed_in = set(measured.get("signed_in", []))
    failures = []
    header = (
        f"{'page':32} {'req/s':>8} {'÷static':>8} {'p50':>7} {'p95':>7} {'p99':>7} {'err':>5} {'SQL':>4} "
        f"{'HTML KB':>8} {'wire KB':>8} {'visit KB':>9} {'cache':>6}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        weight = row.get("weight") or {}
        ratio = row["rps"] / static_rps if static_rps else 0
        errors = row["non_2xx"] + row["socket_errors"]
        lines.append(
            f"{row['name'][:32]:32} {row['rps']:8.0f} {ratio:8.2f} "
            f"{row['p50']:7.1f} {row['p95']:7.1f} {row['p99']:7.1f} "
            f"{errors:5d} {row.get('queries', '-')!s:>4} "
            f"{weight.get('html_raw', 0) / 1024:8.1f} {weight.get('html_wire', 0) / 1024:8.1f} "
            f"{weight.get('first_visit_wire', 0) / 1024:9.1f} {row['cache']:>6}"
        )
        name = row["name"]
        if name.startswith("static"):
            continue
        if errors:
            failures.append(f"{name}: {errors} errors or non-2xx responses")
        if name.startswith("publish under load"):
            if row["hit_ratio"] < PUBLISH_HIT_RATIO:
                failures.append(f"{name}: hit ratio {row['hit_ratio']:.3f} < {PUBLISH_HIT_RATIO}")
            if row["p95"] >= PUBLISH_P95_MS:
                failures.append(f"{name}: readers' p95 {row['p95']:.0f} ms >= {PUBLISH_P95_MS} ms")
            if not row["published"]:
                failures.append(f"{name}: the editor published nothing")
            continue
        if name in UNCACHED_RATIOS and ratio < UNCACHED_RATIOS[name]:
            failures.append(f"{name}: {ratio:.3f} of the static-file rate < {UNCACHED_RATIOS[name]}")
        if name.startswith("quiz submission"):
            expected = min(row["requests"], row.get("prepared", row["requests"]))
            if row["scored"] < expected:
                failures.append(f"{name}: {row['scored']} attempts scored for {expected} fresh submissions")
            if row["p95"] > QUIZ_P95_MS:
                failures.append(f"{name}: p95 {row['p95']:.0f} ms > {QUIZ_P95_MS} ms")
            continue
        if name not in signed_in and row.get("queries", 0) > BUDGET_QUERIES:  # the budget is for public pages
            failures.append(f"{name}: {row['queries']} SQL queries > {BUDGET_QUERIES}")
        if weight.get("foreign"):
            failures.append(f"{name}: requests to other hosts {weight['foreign']}")
        if name in FIRST_VISIT_PAGES:
            if weight["html_raw"] > BUDGET_HTML_KB * 1024:
                failures.append(f"{name}: {weight['html_raw'] / 1024:.1f} KB of HTML > {BUDGET_HTML_KB} KB")
            if weight["first_visit_wire"] > BUDGET_FIRST_VISIT_KB * 1024:
                failures.append(
                    f"{name}: first visit {weight['first_visit_wire'] / 1024:.1f} KB > {BUDGET_FIRST_VISIT_KB} KB"
                )
        if row["cache"] == "hit" and ratio < CACHE_RATIO:
            failures.append(f"{name}: cached page at {ratio:.2f} of the static-file rate < {CACHE_RATIO:.2f}")

    by_name = {row["name"]: row for row in rows}
    big, small, share = SCALING
    if big in by_name and small in by_name and by_name[small]["rps"]:
        scaled = by_name[big]["rps"] / by_name[small]["rps"]
        lines.append(f"{big} at 10,000 resources / at 200: {scaled:.2f}")
        if scaled < share:
            failures.append(f"{big}: {scaled:.2f} of its rate at 200 resources < {share}")
    summary = "\n".join(lines)
    print()
    print(
        "Hamkori bench: gunicorn 2 workers, production settings, PostgreSQL, Redis cache; "
        f"wrk {CONNECTIONS} connections x {SECONDS} s per row; machine load {os.getloadavg()[0]:.1f}"
    )
    print(
        "Budgets: cached >= {:.2f} of static; uncached {}; publish under load hit ratio >= {} and p95 < {} ms; "
        "quiz p95 < {} ms; public pages <= {} queries".format(
            CACHE_RATIO, ", ".join(f"{k} >= {v}" for k, v in UNCACHED_RATIOS.items()),
            PUBLISH_HIT_RATIO, PUBLISH_P95_MS, QUIZ_P95_MS, BUDGET_QUERIES,
        )
    )  # fmt: skip
    print(
        f"Data: {measured['pages_total']} pages, {measured['users_total']} users. "
        "Latencies in ms; ÷static = req/s as a share of the static file's."
    )
    print(summary)
    print()
    print("Budgets: " + ("ALL MET" if not failures else "NOT MET"))
    for failure in failures:
        print("  - " + failure)
    output = {"when": time.strftime("%Y-%m-%d %H:%M:%S"), "rows": rows, "failures": failures,
              "pages_total": measured["pages_total"], "users_total": measured["users_total"]}  # fmt: skip
    (RESULTS / "bench.json").write_text(json.dumps(output, indent=2))
    print(f"Written to {RESULTS / 'bench.json'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
