"""Refuse a connection whose statements may each run in another server session.

A pooler in transaction mode (PgBouncer ``pool_mode = transaction``, and the managed poolers
that behave like it) hands every statement outside a transaction to whichever server
connection is free. The package relies on its session between statements: the build's
timeouts are set for the session, ``CREATE INDEX CONCURRENTLY`` cannot run inside a
transaction, and the per-index lock is a session advisory lock. Through such a pooler the
settings land on (and stay on) other clients' sessions, the build runs under the role's
timeouts and leaves an invalid index, and the lock is held by an idle pooled session.

So, once per connection and before any of that, the connection asks which server process
serves it, changing nothing anywhere. With no pooler in between, that is the process the
driver was told of at connect time, and that is all. Otherwise a second connection of the
same engine asks the same: a session pooler must give it another server process (the first
is bound to its client), while a transaction pooler gives it the very one the first just
released (PgBouncer reuses the most recent). Then the first connection must still be served
by its process. Three rounds, so that an application's client taking the released process in
between cannot hide the pooler.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.errors import TransactionPoolingError
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.runtime.connection import (
    SERVER_PID,
    driver_reported_pid,
    in_autocommit,
    log,
)

_SERVER_PID = sa.text("SELECT pg_backend_pid()")
_CHECKED = "alembic_safe_unique.session_checked"
_ROUNDS = 3
_PROBE_WAIT_S = 5.0
"""A transaction pooler answers the probe at once (the first client holds no server session);
a session pooler out of server sessions would queue it: past this, it is taken as unseen."""

_NO_SUCH_PREPARED_STATEMENT = "26000"
ADVICE = (
    "Run migrations through a direct connection to PostgreSQL, or through the pooler's "
    "session mode (PgBouncer: a second [databases] entry or port with pool_mode = session; "
    "Supabase: the session-mode port 5432, not 6543), and keep transaction pooling for the "
    "application. Nothing was changed."
)
_REFUSAL = (
    "This connection goes through a connection pooler in transaction mode: its statements "
    "are served by whichever server session is free. The concurrent build needs one session "
    "from its first statement to its last (its timeouts, its lock and CREATE INDEX "
    "CONCURRENTLY, which cannot run in a transaction); through this pooler its settings would "
    "reach the application's connections and a cancelled build would leave an invalid "
    "index. " + ADVICE
)


def ensure_stable_session(conn: Connection) -> None:
    """Refuse (``TransactionPoolingError``) unless ``conn`` keeps one server session."""
    try:
        _check(conn)
    except DBAPIError as error:
        if sqlstate(error) != _NO_SUCH_PREPARED_STATEMENT:
            raise
        # A statement prepared in one server session and run in another (asyncpg prepares
        # every statement): only a transaction pooler does that.
        raise TransactionPoolingError(_REFUSAL) from error


def note_server_pid(conn: Connection, server_pid: int) -> None:
    """The server process a statement of ``conn`` just ran in: if it is the one the driver
    knows, no pooler is in between, and the check is done without a round trip of its own."""
    if driver_reported_pid(conn) == server_pid:
        conn.connection.info[SERVER_PID] = server_pid
        conn.connection.info[_CHECKED] = True


def _check(conn: Connection) -> None:
    info = conn.connection.info
    if info.get(_CHECKED):
        return
    if conn.in_transaction() and not in_autocommit(conn):
        # Inside a transaction even a transaction pooler keeps the session; what matters is
        # what comes after it. The next call outside one checks.
        log.debug("The session check waits for a moment outside a transaction.")
        return
    server_pid = _server_pid(conn)
    if driver_reported_pid(conn) != server_pid:  # a pooler in between: which kind?
        for _ in range(_ROUNDS):
            shared = _another_clients_server_pid(conn) == server_pid
            if shared or _server_pid(conn) != server_pid:
                raise TransactionPoolingError(_REFUSAL)
    info[SERVER_PID] = server_pid
    info[_CHECKED] = True


def _server_pid(conn: Connection) -> int:
    """Which server process serves ``conn`` for one statement, in a transaction of its own (a
    transaction pooler gives the process back when it ends)."""
    if in_autocommit(conn):
        return int(conn.execute(_SERVER_PID).scalar_one())
    with conn.begin():
        return int(conn.execute(_SERVER_PID).scalar_one())


def _another_clients_server_pid(conn: Connection) -> int | None:
    """The server process a second connection of the same engine is served by.

    Asked from a thread with a bounded wait: a session pooler out of server sessions would
    keep the second connection waiting (``None``). An async engine's connections cannot be
    opened from another thread (they need the migration's event loop): there it runs in line.
    """
    found: list[int] = []

    def probe() -> None:
        try:
            with conn.engine.connect() as other:
                found.append(int(other.execute(_SERVER_PID).scalar_one()))
                other.rollback()
        except sa.exc.SQLAlchemyError as error:
            log.debug("The pooler probe's second connection failed: %s", error)

    if conn.dialect.is_async:
        probe()
    else:
        thread = threading.Thread(target=probe, name="alembic-safe-unique-pooler-probe")
        thread.daemon = True
        thread.start()
        thread.join(_PROBE_WAIT_S)
    return found[0] if found else None
