"""gunicorn reads this file from the project folder: a check made before any worker starts.

With production settings and no shared cache (REDIS_URL), every worker would keep its own page
cache and login counts: a page unpublished or made private through one worker would still be
served by the others, and the login limit would multiply. Several workers that way are refused,
unless ALLOW_PER_PROCESS_CACHE=true says it is meant.
"""

import os


def on_starting(server):
    if os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.production") != "cms.settings.production":
        return
    from cms.settings.base import ALLOW_PER_PROCESS_CACHE, REDIS_URL

    if server.cfg.workers > 1 and not REDIS_URL and not ALLOW_PER_PROCESS_CACHE:
        raise RuntimeError(
            f"{server.cfg.workers} workers without a shared cache: set REDIS_URL (e.g. redis://127.0.0.1:6379/0), "
            "run one worker, or set ALLOW_PER_PROCESS_CACHE=true if each worker keeping its own cache is meant."
        )
