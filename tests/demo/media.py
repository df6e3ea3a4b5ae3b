"""The demo's files, kept as long as the test database that points to them.

The test settings give every run a new temporary MEDIA_ROOT, but the demo session's database is
kept between runs (`--reuse-db`): its documents would point to files that a later run no longer
has. For the tests under tests/demo and tests/e2e, MEDIA_ROOT is a folder in pytest's cache
instead, emptied when the database is created again (`--create-db`).
"""

import shutil

from django.test.utils import override_settings


def kept_media_root(config):
    """Generator for a session fixture: MEDIA_ROOT in pytest's cache for the whole session (set once)."""
    cache = getattr(config, "cache", None)  # None with `-p no:cacheprovider`: the temporary folder stays
    if cache is None or getattr(config, "hamkori_demo_media", None):
        yield
        return
    folder = cache.mkdir("hamkori-demo-media")
    if config.getvalue("create_db"):
        shutil.rmtree(folder)
        folder.mkdir()
    config.hamkori_demo_media = folder
    with override_settings(MEDIA_ROOT=str(folder)):
        yield
