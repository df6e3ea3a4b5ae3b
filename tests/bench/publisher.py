"""Run inside the bench environment: an editor who publishes a training session every few seconds.

`publisher.py SECONDS EVERY` publishes the English sessions in turn (a new summary each time, through
Wagtail's revisions, so every signal an editor's click sends is sent) until SECONDS have passed, and
prints how many it published.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django  # noqa: E402

django.setup()

from programme.models import TrainingSessionPage  # noqa: E402

seconds, every = float(sys.argv[1]), float(sys.argv[2])
sessions = list(TrainingSessionPage.objects.live().filter(locale__language_code="en").order_by("number"))
published = 0
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    started = time.monotonic()
    session = sessions[published % len(sessions)]
    session.refresh_from_db()
    session.summary = f"{session.summary.split(' [')[0]} [edition {published + 1}]"
    session.save_revision().publish()
    published += 1
    time.sleep(max(0.0, every - (time.monotonic() - started)))
print(published)
