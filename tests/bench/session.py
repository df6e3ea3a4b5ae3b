"""Run inside the bench environment: signed-in sessions for the bench learners.

Prints the bench learner's headers as JSON, and writes one quiz submission per learner
(their own session and quiz form) to the file named in argv[1], for tests/bench/quiz.lua.
`session.py --scored ISO-TIME` prints how many quiz attempts were scored since then.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).parent))

import django  # noqa: E402

django.setup()

from bench_pages import bench_user, signed_in_headers, write_quiz_requests  # noqa: E402

if sys.argv[1] == "--scored":
    from courses.models import QuizAttempt

    scored = QuizAttempt.objects.filter(learner__username__startswith="bench-learner", status="finished")
    print(scored.filter(finished_at__gte=sys.argv[2]).count())
    sys.exit()

user = bench_user()
if user is None:
    sys.exit("no bench learner in the database")
quiz = write_quiz_requests(Path(sys.argv[1]), int(os.environ.get("BENCH_QUIZ_SUBMISSIONS", "4000")))
print(json.dumps({"headers": signed_in_headers(user), "quiz": json.loads(quiz)}))
