"""gunicorn reads this file from the project folder: a check made before any worker starts.

With production settings and no shared cache (REDIS_URL), every worker would keep its own page
cache and login counts: a page unpublished or made private through one worker would still be
served by the others, and the login limit would multiply. Several workers that way are refused,
unless ALLOW_PER_PROCESS_CACHE=true says it is meant.

Each worker also streams large uploads into a temporary folder of its own, which is removed when the
worker ends, however it ends: a worker killed in the middle of a request (by the timeout, or the
kernel) leaves no half-received upload behind.
"""

import os
import shutil
import sys
import tempfile

UPLOAD_TEMP_ROOT = os.path.join(tempfile.gettempdir(), "hamkori-uploads")


def upload_temp_dir(pid):
    return os.path.join(UPLOAD_TEMP_ROOT, str(pid))


def post_fork(server, worker):
    """In the new worker, before it loads the site: its own folder for uploads (FILE_UPLOAD_TEMP_DIR)."""
    path = upload_temp_dir(os.getpid())
    os.makedirs(path, mode=0o700, exist_ok=True)
    os.environ["FILE_UPLOAD_TEMP_DIR"] = path
    # on_starting imported the base settings in the master; the worker inherited that module as it was.
    base = sys.modules.get("cms.settings.base")
    if base is not None:
        base.FILE_UPLOAD_TEMP_DIR = path


def child_exit(server, worker):
    """In the master, when a worker has ended (even killed): its uploads in progress are removed."""
    shutil.rmtree(upload_temp_dir(worker.pid), ignore_errors=True)


def on_starting(server):
    if os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.production") != "cms.settings.production":
        return
    from cms.settings.base import ALLOW_PER_PROCESS_CACHE, REDIS_URL

    if server.cfg.workers > 1 and not REDIS_URL and not ALLOW_PER_PROCESS_CACHE:
        raise RuntimeError(
            f"{server.cfg.workers} workers without a shared cache: set REDIS_URL (e.g. redis://127.0.0.1:6379/0), "
            "run one worker, or set ALLOW_PER_PROCESS_CACHE=true if each worker keeping its own cache is meant."
        )
