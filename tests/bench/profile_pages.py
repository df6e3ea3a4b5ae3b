"""Run inside the bench environment: where a cache miss spends its time, page by page.

`python tests/bench/profile_pages.py [page name ...]` (with the bench's environment: production
settings, its database and Redis) renders each page of bench_pages.PAGES with the page cache off,
a few times to warm the per-process caches, then once more under pyinstrument, and prints the
profile and the SQL queries of that request. The signed-in pages are rendered as the bench learner.
"""

import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).parent))
# PROFILE_PAGE_CACHE=1 keeps the page cache on, to profile what an anonymous cache hit costs.
CACHED = os.environ.get("PROFILE_PAGE_CACHE") == "1"
if not CACHED:
    os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pyinstrument import Profiler  # noqa: E402
from redis import Redis  # noqa: E402
from redis.client import Pipeline  # noqa: E402

settings.ALLOWED_HOSTS.append("testserver")
WARM_UP = int(os.environ.get("PROFILE_WARM_UP", "3"))
REPEAT = int(os.environ.get("PROFILE_REPEAT", "5"))


class RedisCommands:
    """Counts the round trips to Redis (a command, or a pipeline of them) while it is open."""

    def __enter__(self):
        self.count = 0
        self.originals = {(Redis, "execute_command"): Redis.execute_command, (Pipeline, "execute"): Pipeline.execute}
        for (cls, name), original in self.originals.items():
            setattr(cls, name, self._counted(original))
        return self

    def _counted(self, original):
        def counted(client, *args, **options):
            self.count += 1
            return original(client, *args, **options)

        return counted

    def __exit__(self, *exc):
        for (cls, name), original in self.originals.items():
            setattr(cls, name, original)


def profile(name, url, client):
    for _ in range(WARM_UP):
        client.get(url)
    # CPU time, not wall time: comparable before and after a change even on a busy machine.
    started = time.process_time()
    for _ in range(REPEAT):
        client.get(url)
    cpu_ms = (time.process_time() - started) * 1000 / REPEAT
    profiler = Profiler(interval=0.0005)
    with CaptureQueriesContext(connection) as queries, RedisCommands() as redis_commands:
        profiler.start()
        for _ in range(REPEAT):
            response = client.get(url)
        profiler.stop()
    print(
        f"\n===== {name}: {url} -> {response.status_code} {response.get('X-Page-Cache', '')}, "
        f"{len(queries) // REPEAT} queries, {redis_commands.count / REPEAT:g} Redis commands, "
        f"{cpu_ms:.2f} ms CPU a request ====="
    )
    shapes = Counter(query["sql"].split(" WHERE ")[0][:140] for query in queries.captured_queries)
    for shape, count in shapes.most_common(8):
        print(f"  {count // REPEAT:3d} x {shape}")
    print(profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False))


if __name__ == "__main__":
    from bench_pages import PAGES, SIGNED_IN_PAGES, bench_user

    wanted = set(sys.argv[1:])
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(bench_user())
    for name, spec in PAGES.items():
        if wanted and name not in wanted:
            continue
        url = spec if isinstance(spec, str) else spec()
        if url:
            profile(name, url, signed_in if name in SIGNED_IN_PAGES else anonymous)
