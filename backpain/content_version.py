"""The content version: a short token in the cache that changes whenever shipped content changes.

    current() -> str   the version now. Key any cache of content pages on it
                       (e.g. f"exercises:{content_version.current()}:..."), so that an edit
                       makes every old entry unreachable; they age out by their own timeout.
    bump() -> str      a new version, returned. Called for you after an exercise or a source
                       is saved or deleted or its sources / variations change (the admin, a
                       shell), once the transaction commits, and after every `migrate` (data
                       migrations edit content through historical models, which send no
                       model signals). Call it yourself after QuerySet.update() on content.

With REDIS_URL every server and worker reads the same token, so an edit on one invalidates all.
The default local-memory cache is per process: there the token lives at most
LOCAL_VERSION_SECONDS, so another worker's cached pages outlive an edit by no longer than that.
"""

import uuid

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

KEY = "content-version"
LOCAL_VERSION_SECONDS = 60


def _timeout() -> int | None:
    return LOCAL_VERSION_SECONDS if isinstance(caches["default"], LocMemCache) else None


def current() -> str:
    version = cache.get(KEY)
    if version is None:
        # add() rather than set(): when two workers get here at once, both end up with one token.
        cache.add(KEY, uuid.uuid4().hex[:12], _timeout())
        version = cache.get(KEY)
    return version


def bump() -> str:
    version = uuid.uuid4().hex[:12]
    cache.set(KEY, version, _timeout())
    return version


def _bump_on_commit(**kwargs) -> None:
    # After the commit: bumping earlier would let a request re-cache the old rows before the
    # edit is visible to it.
    transaction.on_commit(bump)


def _bump_after_migrate(**kwargs) -> None:
    bump()


def connect_signals() -> None:
    for model in ("guidance.Exercise", "guidance.Source"):
        post_save.connect(
            _bump_on_commit, sender=model, dispatch_uid=f"content-version-save-{model}"
        )
        post_delete.connect(
            _bump_on_commit, sender=model, dispatch_uid=f"content-version-delete-{model}"
        )
    for through in ("guidance.Exercise_sources", "guidance.Exercise_harder_variations"):
        m2m_changed.connect(
            _bump_on_commit, sender=through, dispatch_uid=f"content-version-m2m-{through}"
        )
    post_migrate.connect(_bump_after_migrate, dispatch_uid="content-version-migrate")
