"""Run inside the bench environment: what one quiz submission costs, in queries and CPU time.

`python tests/bench/profile_quiz.py [count]` (with the bench's environment: production settings, a
copy of its database and Redis) prepares `count` submissions as `make bench` does (bench_pages.
quiz_requests: bench learners, each with their own session), sends them one after another through
Django's test client and prints the queries and the CPU milliseconds per submission, then profiles
a few more with pyinstrument. It writes attempts: use your own copy of the bench database.
"""

import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(os.environ.get("HAMKORI_ROOT", Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

settings.ALLOWED_HOSTS.append("testserver")


def send(request):
    response = Client().post(
        request["path"],
        request["body"],  # as the load tool sends it
        content_type="application/x-www-form-urlencoded",
        HTTP_COOKIE=request["cookie"],
        HTTP_X_CSRFTOKEN=request["csrf"],
    )
    assert response.status_code == 302 and "/learn/attempt/" in response["Location"], response
    return response


if __name__ == "__main__":
    from bench_pages import quiz_requests
    from django.utils import timezone

    from courses.models import QuizAttempt

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    requests = quiz_requests(count + 10)
    for request in requests[:5]:  # warm the per-process caches
        send(request)
    timed = requests[5:count]
    since = timezone.now()
    started = time.process_time()
    with CaptureQueriesContext(connection) as queries:
        for request in timed:
            send(request)
    cpu_ms = (time.process_time() - started) * 1000 / len(timed)
    scored = QuizAttempt.objects.filter(finished_at__gte=since, learner__username__startswith="bench-learner")
    print(f"{scored.count()} attempts scored, {scored.filter(passed=True).count()} passed")
    print(f"{len(timed)} submissions: {len(queries) / len(timed):.1f} queries, {cpu_ms:.1f} ms CPU a submission")
    shapes = Counter(query["sql"].split(" WHERE ")[0][:140] for query in queries.captured_queries)
    for shape, number in shapes.most_common(20):
        print(f"  {number / len(timed):5.1f} x {shape}")
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for request in requests[count:]:
        send(request)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False))
