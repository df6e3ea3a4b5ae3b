"""Run inside the bench environment: add generated volume on top of the demo content.

Idempotent: counts what is there and only adds the difference.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

LEARNERS = int(os.environ.get("BENCH_LEARNERS", "1000"))


def learners():
    User = get_user_model()
    have = User.objects.filter(username__startswith="bench-learner").count()
    User.objects.bulk_create(
        User(
            username=f"bench-learner-{n:04d}",
            email=f"bench-learner-{n:04d}@bench.local",
            first_name="Bench",
            last_name=str(n),
        )
        for n in range(have, LEARNERS)
    )
    print(f"learners: {LEARNERS}")


if __name__ == "__main__":
    learners()
