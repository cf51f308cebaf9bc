"""Where statements run: outside Alembic's transaction, in short explicit ones, timeouts set.

The operations need three things Alembic does not give directly: to leave its transaction
(``autocommit_block``) without failing when already outside it, to run a few statements in a
transaction of their own, and to switch timeouts off for a build without leaking the change.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.exc import PendingRollbackError

from . import catalog, run_state
from .config import current_settings
from .ddl import ResetSessionSetting, SetSessionSetting
from .errors import (
    TransactionOwnershipError,
    UncommittedChangesError,
    UnsupportedServerError,
)
from .stamps import stamped_before_commit
from .validation import is_affected_by_concurrent_build_bug

log = logging.getLogger("alembic.safe_unique")

_BUILD_TIMEOUTS = ("lock_timeout", "statement_timeout")
MINIMUM_SERVER = (12,)


def is_offline(operations: Operations) -> bool:
    return bool(operations.get_context().as_sql)


def is_postgresql(operations: Operations) -> bool:
    return operations.get_context().dialect.name == "postgresql"


def connection(operations: Operations) -> Connection:
    """The live connection (the autocommit one while inside an autocommit block)."""
    bind = operations.get_bind()
    assert isinstance(bind, Connection)
    return bind


def execute(operations: Operations, statement: Any) -> None:
    """Run (online) or print (offline ``--sql``) one statement."""
    operations.get_context().impl.execute(statement)


def server_version(operations: Operations) -> tuple[int, ...] | None:
    info = operations.get_context().dialect.server_version_info
    return tuple(int(part) for part in info[:2]) if info else None


def refuse_unsafe_server(operations: Operations, *, needs_nulls_not_distinct: bool = False) -> None:
    """Refuse servers that cannot build concurrently safely, or lack a requested feature."""
    version = server_version(operations)
    if version is None:
        return
    shown = ".".join(str(part) for part in version)
    if version < MINIMUM_SERVER:
        raise UnsupportedServerError(
            f"alembic-safe-unique needs PostgreSQL 12 or later (progress reporting, partition "
            f"trees); this server is {shown}. Nothing was changed."
        )
    if is_affected_by_concurrent_build_bug(version):
        raise UnsupportedServerError(
            f"PostgreSQL {shown} can silently corrupt indexes built with CREATE INDEX "
            "CONCURRENTLY (fixed in 14.4). Upgrade the server to 14.4 or later before running "
            "this migration; nothing was changed."
        )
    if needs_nulls_not_distinct and version < (15,):
        raise UnsupportedServerError(
            f"NULLS NOT DISTINCT needs PostgreSQL 15 or later; this server is {shown}. "
            "Drop postgresql_nulls_not_distinct or upgrade the server; nothing was changed."
        )


def _dbapi_autocommit(conn: Connection) -> bool:
    if conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
        return True
    dbapi_connection = conn.connection.dbapi_connection
    return bool(getattr(dbapi_connection, "autocommit", False))


_OFFLINE_BLOCK_DEPTH = "_alembic_safe_unique_block_depth"

FOREIGN_TRANSACTION = (
    "This revision runs statements outside a transaction (autocommit_block: CREATE INDEX "
    "CONCURRENTLY), but env.py handed Alembic a connection already inside a transaction "
    "that Alembic does not own and cannot commit. Change env.py: open the connection with "
    "`with connectable.connect() as connection:` (not `connectable.begin()`), and if "
    "something runs on it before `context.configure(...)` (a "
    "`SELECT pg_advisory_lock(...)` deploy lock), call `connection.commit()` right after it "
    "(a session-level advisory lock survives the commit), or take the deploy lock with "
    "`with alembic_safe_unique.migration_lock(connection):` instead. Then "
    "`with context.begin_transaction():` owns the transaction. Nothing was changed by this "
    "revision's autocommit block; what ran before it in this run was not committed."
)


def refuse_foreign_transaction(context: MigrationContext) -> None:
    """Alembic's ``autocommit_block`` asserts it owns the transaction; say what to change."""
    if context.as_sql or context.connection is None:
        return
    if getattr(context, _OFFLINE_BLOCK_DEPTH, 0):
        raise TransactionOwnershipError(
            "autocommit_block() blocks cannot nest: the outer one already runs outside a "
            "transaction. Remove the inner `with op.get_context().autocommit_block():` and "
            "keep its statements in the outer block. Nothing was changed by the inner block."
        )
    if context.connection.in_transaction() and getattr(context, "_transaction", None) is None:
        raise TransactionOwnershipError(FOREIGN_TRANSACTION)


def _count_autocommit_blocks() -> None:
    """Let offline runs know when they are inside the revision's own ``autocommit_block``,
    and refuse, with the env.py change to make, the blocks Alembic would only assert on.

    Online, the connection says whether it is in autocommit mode; offline there is no
    connection, and a second ``COMMIT``/``BEGIN`` pair inside the block would leave a stray
    transaction open in the script (psql warns, squawk reports it). Alembic keeps no such
    state, so its context manager is wrapped once to count how deep the run is.
    """
    original = MigrationContext.autocommit_block
    if getattr(original, "_alembic_safe_unique", False):
        return

    @contextmanager
    def stamped_block(context: MigrationContext) -> Iterator[None]:
        with stamped_before_commit(context), original(context):
            yield

    @contextmanager
    def autocommit_block(self: MigrationContext) -> Iterator[None]:
        refuse_foreign_transaction(self)
        state = run_state.of(self)
        # Whatever the revision changed so far is committed now: errors must say so.
        conn = self.connection
        if state is not None and conn is not None and state.revision_wrote(conn):
            state.committed_earlier_statements = True
        setattr(self, _OFFLINE_BLOCK_DEPTH, getattr(self, _OFFLINE_BLOCK_DEPTH, 0) + 1)
        block = stamped_block(self)
        block.__enter__()
        try:
            yield
        except BaseException as error:
            _leave_after_failure(self, block, error)
            raise
        else:
            block.__exit__(None, None, None)
        finally:
            setattr(self, _OFFLINE_BLOCK_DEPTH, getattr(self, _OFFLINE_BLOCK_DEPTH) - 1)

    autocommit_block.__doc__ = original.__doc__
    autocommit_block._alembic_safe_unique = True  # type: ignore[attr-defined]
    MigrationContext.autocommit_block = autocommit_block  # type: ignore[method-assign]


def _leave_after_failure(
    context: MigrationContext, block: AbstractContextManager[None], error: BaseException
) -> None:
    """Leave Alembic's block after ``error``; if the connection is dead, keep ``error``.

    Alembic's block goes back to the migration's transaction on the way out; on a lost
    connection that fails with ``PendingRollbackError``, which would hide the real cause
    (the crash, the terminated backend, Ctrl-C) under a follow-on error.
    """
    try:
        block.__exit__(type(error), error, error.__traceback__)
    except BaseException as exit_error:
        conn = context.connection
        lost = conn is None or conn.invalidated or conn.closed
        if exit_error is error or not (lost or isinstance(exit_error, PendingRollbackError)):
            raise
        log.debug("Leaving the autocommit block on a lost connection failed: %s", exit_error)


_count_autocommit_blocks()


@contextmanager
def outside_transaction(operations: Operations) -> Iterator[None]:
    """Run the body outside any transaction, the way ``CREATE INDEX CONCURRENTLY`` needs.

    Uses Alembic's ``autocommit_block`` (which commits what the migration did so far), except
    when the connection is already in autocommit mode (the user's own ``autocommit_block``, or
    an engine made with ``isolation_level="AUTOCOMMIT"``): then the body simply runs.
    """
    context: MigrationContext = operations.get_context()
    if context.as_sql:
        if getattr(context, _OFFLINE_BLOCK_DEPTH, 0):  # the revision's own block framed it
            yield
            return
        with context.autocommit_block():
            yield
        return
    if _dbapi_autocommit(connection(operations)):
        yield
        return
    if getattr(context, "_in_external_transaction", False):
        raise TransactionOwnershipError(
            "CREATE INDEX CONCURRENTLY must run outside a transaction, but env.py handed Alembic "
            "a connection that is already inside one, which Alembic cannot commit. In env.py, "
            "open the connection with `with engine.connect() as connection:` (not "
            "`engine.begin()`), run no statement on it before `context.configure(...)`, and "
            "let `with context.begin_transaction():` own the transaction. Nothing was changed "
            "by this operation."
        )
    _refuse_committing_half_a_revision(context, connection(operations))
    with context.autocommit_block():
        yield


def _refuse_committing_half_a_revision(context: MigrationContext, conn: Connection) -> None:
    """Leaving the transaction commits the revision's earlier changes: refuse, unless asked.

    If the operation then failed, the revision would stay unstamped with its first half
    applied, and the re-run would fail on that half (``column ... already exists``).
    """
    state = run_state.of(context)
    if state is None or current_settings().commit_earlier_changes:
        return
    if state.revision_wrote(conn):
        raise UncommittedChangesError(
            "This revision changed the schema before an operation that must run outside a "
            "transaction (CREATE INDEX CONCURRENTLY cannot run inside one). Leaving the "
            "transaction would commit those earlier changes now; if the build then failed, the "
            "revision would stay unstamped and its re-run would fail on what was already "
            "applied. Nothing was changed. Split the revision: move the statements before this "
            "operation into a revision of their own (alembic revision -m '...', with this one's "
            "down_revision pointing at it). If committing them first is what you want, call "
            "alembic_safe_unique.configure(commit_earlier_changes=True) in env.py."
        )


@contextmanager
def short_transaction(operations: Operations, *, keep: bool = True) -> Iterator[None]:
    """``BEGIN`` ... ``COMMIT`` of our own, inside an autocommit block.

    ``ROLLBACK`` on error, and also at the end when ``keep`` is false (a look that must leave
    nothing behind).
    """
    execute(operations, sa.text("BEGIN"))
    try:
        yield
    except BaseException:
        if not is_offline(operations):
            execute(operations, sa.text("ROLLBACK"))
        raise
    execute(operations, sa.text("COMMIT" if keep else "ROLLBACK"))


@contextmanager
def bounded_transaction(
    operations: Operations, lock_timeout_ms: int, statement_timeout_ms: int
) -> Iterator[None]:
    """A short transaction that waits at most ``lock_timeout_ms`` for any lock it needs.

    While a statement waits for a lock, the sessions behind it queue; the bound keeps that
    queue short. ``statement_timeout_ms`` bounds the work once the locks are held.
    """
    with short_transaction(operations):
        execute(operations, SetSessionSetting("lock_timeout", lock_timeout_ms, local=True))
        execute(
            operations, SetSessionSetting("statement_timeout", statement_timeout_ms, local=True)
        )
        yield


@contextmanager
def timeouts_off(operations: Operations, client_check_interval_ms: int) -> Iterator[None]:
    """Switch lock and statement timeouts off for a concurrent build, then put them back.

    A short timeout would cancel the build half-way and leave an invalid index. Online, the
    exact previous session values are restored (even those env.py set); offline the script
    ``RESET``s them. Online on 14+, the server also checks every ``client_check_interval_ms``
    that we are still connected, so a killed migration does not leave an orphan build running.
    """
    if is_offline(operations):
        for name in _BUILD_TIMEOUTS:
            execute(operations, SetSessionSetting(name, 0))
        try:
            yield
        finally:
            for name in _BUILD_TIMEOUTS:
                execute(operations, ResetSessionSetting(name))
        return

    conn = connection(operations)
    names = list(_BUILD_TIMEOUTS)
    version = server_version(operations)
    if client_check_interval_ms > 0 and version is not None and version >= (14,):
        names.append("client_connection_check_interval")
    previous = {name: catalog.setting(conn, name) for name in names}
    for name in _BUILD_TIMEOUTS:
        execute(operations, SetSessionSetting(name, 0))
    if "client_connection_check_interval" in previous:
        execute(
            operations,
            SetSessionSetting("client_connection_check_interval", client_check_interval_ms),
        )
    try:
        yield
    finally:
        if not conn.invalidated and not conn.closed:
            for name, value in previous.items():
                catalog.restore_setting(conn, name, value)


def sqlstate(error: BaseException) -> str | None:
    """The SQLSTATE of a driver error, whichever driver raised it."""
    original = getattr(error, "orig", error)
    for attribute in ("sqlstate", "pgcode"):
        code = getattr(original, attribute, None)
        if isinstance(code, str):
            return code
    return None


def error_detail(error: BaseException) -> str | None:
    """PostgreSQL's DETAIL line (``Key (a, b)=(1, 2) is duplicated.``), where the driver has it."""
    original = getattr(error, "orig", error)
    diag = getattr(original, "diag", None)
    detail = getattr(diag, "message_detail", None) or getattr(original, "detail", None)
    if detail:
        return str(detail)
    for line in str(original).splitlines():
        if line.startswith("DETAIL:"):
            return line[len("DETAIL:") :].strip()
    return None
