"""``migration_lock``: one migration run at a time, for env.py, without an open transaction.

Two pods rolling out run ``alembic upgrade head`` together; with this lock around the run the
second waits for the first and then finds nothing left to do. The lock is session-level and
is polled with ``pg_try_advisory_lock`` in short transactions of its own, so the waiting run
never sits in a transaction (a concurrent index build waits for every open snapshot, and the
two runs would wait on each other) and Alembic still owns the transaction of the run itself.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.errors import ConcurrentMigrationError, TransactionOwnershipError
from alembic_safe_unique.runtime.connection import log
from alembic_safe_unique.runtime.session_stability import ensure_stable_session

DEFAULT_KEY = "alembic_safe_unique.migration_lock"
_TRY_LOCK = sa.text("SELECT pg_try_advisory_lock(:key)")
_UNLOCK = sa.text("SELECT pg_advisory_unlock(:key)")
_HOLDER = sa.text(
    """
    SELECT a.pid, a.application_name, extract(epoch FROM now() - a.backend_start)::float8
      FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
       AND l.classid = CAST(:high AS oid) AND l.objid = CAST(:low AS oid)
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    """
)


def lock_key(key: int | str) -> int:
    """The bigint advisory-lock key: an int as given, a string hashed stably to 64 bits."""
    if isinstance(key, int):
        return key
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextmanager
def migration_lock(
    connection: Connection,
    *,
    key: int | str = DEFAULT_KEY,
    timeout_s: float | None = None,
    poll_interval_s: float = 0.5,
) -> Iterator[None]:
    """Hold a PostgreSQL advisory lock for the migration run, waiting while another run has it.

    Use it in env.py around ``context.configure(...)`` and the run, on the connection Alembic
    gets, before anything else runs on it::

        with connectable.connect() as connection:
            with alembic_safe_unique.migration_lock(connection):
                context.configure(connection=connection, target_metadata=target_metadata)
                with context.begin_transaction():
                    context.run_migrations()

    ``key`` names the lock (every process that migrates this database must use the same one);
    ``timeout_s`` bounds the wait (default: wait as long as it takes). The lock is released at
    the end, and by the server if the process dies.
    """
    if connection.in_transaction():
        raise TransactionOwnershipError(
            "migration_lock(connection) needs a connection that is not in a transaction yet: "
            "take it first thing after `with connectable.connect() as connection:`, before any "
            "statement and before `context.configure(...)`."
        )
    ensure_stable_session(connection)  # a session lock through a transaction pooler would leak
    number = lock_key(key)
    started = time.monotonic()
    announced = False
    while not _in_own_transaction(connection, _TRY_LOCK, number):
        if not announced:
            log.warning("Waiting for the migration lock: %s", _holder(connection, number))
            announced = True
        if timeout_s is not None and time.monotonic() - started > timeout_s:
            raise ConcurrentMigrationError(
                f"Another migration run held the migration lock for more than {timeout_s:g} s "
                f"({_holder(connection, number)}). Nothing was changed; run again when it is done."
            )
        time.sleep(poll_interval_s)
    if announced:
        log.info("Got the migration lock after %.1f s.", time.monotonic() - started)
    try:
        yield
    finally:
        _release(connection, number)


def _in_own_transaction(connection: Connection, statement: sa.TextClause, number: int) -> bool:
    """Run one statement in a transaction that ends at once: the connection is left idle."""
    with connection.begin():
        return bool(connection.execute(statement, {"key": number}).scalar())


def _holder(connection: Connection, number: int) -> str:
    unsigned = number & 0xFFFFFFFFFFFFFFFF
    with connection.begin():
        row = connection.execute(
            _HOLDER, {"high": unsigned >> 32, "low": unsigned & 0xFFFFFFFF}
        ).first()
    if row is None:
        return "held by a session that has just ended"
    pid, application, seconds = row
    return f"held by pid {pid} ({application or 'no application_name'}, connected {seconds:.0f} s)"


def _release(connection: Connection, number: int) -> None:
    """Unlock; a session-level unlock takes effect at once, inside a transaction or not."""
    if connection.invalidated or connection.closed:
        return  # the server released it with the session
    try:
        if connection.in_transaction():
            connection.execute(_UNLOCK, {"key": number})
        else:
            _in_own_transaction(connection, _UNLOCK, number)
    except DBAPIError as error:
        log.warning(
            "Could not release the migration lock (%s); the server releases it when this "
            "connection closes.",
            error.orig,
        )
