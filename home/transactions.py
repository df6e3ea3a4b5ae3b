"""One unit of work in one transaction, run again when SQLite says another writer got there first.

PostgreSQL makes a second writer wait on the row lock (`select_for_update`). SQLite has one lock for
the whole file, and two transactions that both read and then write cannot wait for each other: one
is refused at once with "database is locked", its work rolled back. Rolled back means it can simply
run again, which is what `atomic_with_retry` does (a few times, with a short random pause), so a
learner never sees a server error because a colleague pressed "submit" at the same moment.
"""

import functools
import random
import time

from django.db import OperationalError, connection, transaction

ATTEMPTS = 20


def _is_lock_conflict(error):
    return connection.vendor == "sqlite" and "locked" in str(error)


def atomic_with_retry(work):
    """Decorator: `work` in `transaction.atomic()`; on SQLite, run again while the database is locked.

    Only the outermost call retries (inside another transaction the error belongs to that one).
    """

    @functools.wraps(work)
    def run(*args, **kwargs):
        for attempt in range(ATTEMPTS):
            outermost = not connection.in_atomic_block
            try:
                with transaction.atomic():
                    return work(*args, **kwargs)
            except OperationalError as error:
                if not (outermost and _is_lock_conflict(error)) or attempt == ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0.02, 0.1) * min(attempt + 1, 5))  # noqa: S311 - a pause, not a secret
        raise AssertionError("unreachable")

    return run
