"""Where statements run: outside Alembic's transaction, in short explicit ones, timeouts set.

The operations need three things Alembic does not give directly: to leave its transaction
(``autocommit_block``) without failing when already outside it, to run a few statements in a
transaction of their own, and to switch timeouts off for a build without leaking the change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import Settings, current_settings
from alembic_safe_unique.errors import TransactionOwnershipError, UncommittedChangesError
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.postgresql.session_sql import (
    ResetSessionSetting,
    SetSessionSetting,
    apply_local_settings,
    apply_session_settings,
    swap_session_settings,
)
from alembic_safe_unique.runtime import run_state
from alembic_safe_unique.runtime.connection import (
    connection,
    execute,
    in_autocommit,
    inspectable,
    is_offline,
    server_version,
)
from alembic_safe_unique.util import alembic_internals

_BUILD_TIMEOUTS = ("lock_timeout", "statement_timeout")

# How many autocommit blocks the run is inside, online and offline (the wrapper in
# ``autocommit_patch`` counts them): offline there is no connection to ask.
BLOCK_DEPTH = "_alembic_safe_unique_block_depth"

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


def block_depth(context: MigrationContext) -> int:
    """How many ``autocommit_block()`` the run is inside (0: none)."""
    return int(getattr(context, BLOCK_DEPTH, 0))


def refuse_foreign_transaction(context: MigrationContext) -> None:
    """Alembic's ``autocommit_block`` asserts it owns the transaction; say what to change."""
    conn = None if context.as_sql else inspectable(context.connection)
    if conn is None:
        return
    if conn.in_transaction() and not alembic_internals.owns_transaction(context):
        raise TransactionOwnershipError(FOREIGN_TRANSACTION)


@contextmanager
def outside_transaction(operations: Operations) -> Iterator[None]:
    """Run the body outside any transaction, the way ``CREATE INDEX CONCURRENTLY`` needs.

    Uses Alembic's ``autocommit_block`` (which commits what the migration did so far), except
    when the connection is already in autocommit mode (the user's own ``autocommit_block``, or
    an engine made with ``isolation_level="AUTOCOMMIT"``): then the body simply runs.
    """
    context: MigrationContext = operations.get_context()
    if context.as_sql:
        if block_depth(context):  # the revision's own block framed it
            yield
            return
        with context.autocommit_block():
            yield
        return
    if in_autocommit(connection(operations)):
        yield
        return
    if alembic_internals.in_external_transaction(context):
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
def bounded_transaction(operations: Operations, settings: Settings) -> Iterator[None]:
    """A short transaction that waits at most ``lock_timeout_ms`` for any lock it needs.

    While a statement waits for a lock, the sessions behind it queue; the bound keeps that
    queue short. ``short_statement_timeout_ms`` bounds the work once the locks are held, and
    the idle bound what a frozen client can hold between statements (the server enforces
    it, so a stopped process or a silent network cannot keep the locks).
    """
    with short_transaction(operations):
        bounds = short_step_bounds(settings)
        if is_offline(operations):  # the script reads as SET LOCAL lines
            for statement in bounds:
                execute(operations, statement)
        else:
            values = {bound.name: bound.value for bound in bounds}
            connection(operations).execute(apply_local_settings(values))
        yield


def short_step_bounds(settings: Settings) -> list[SetSessionSetting]:
    """The ``SET LOCAL``s that open every short step's transaction."""
    return [
        SetSessionSetting("lock_timeout", settings.lock_timeout_ms, local=True),
        SetSessionSetting("statement_timeout", settings.short_statement_timeout_ms, local=True),
        SetSessionSetting(
            "idle_in_transaction_session_timeout",
            settings.short_step_idle_timeout_ms,
            local=True,
        ),
    ]


class SwappedSettings:
    """The session settings a build changed: put back when the block ends, or sooner."""

    def __init__(self, operations: Operations, previous: dict[str, str]) -> None:
        self._operations = operations
        self._previous = previous
        self._restored = False

    def restore(self, *, find: tuple[str, str | None] | None = None) -> int | None:
        """Put the settings back now; with ``find`` (a relation's name and schema), also
        return that relation's oid, read in the same statement (``None`` offline or if none)."""
        if self._restored:
            raise AssertionError("the settings were already restored")
        self._restored = True
        if is_offline(self._operations):
            for name in self._previous:
                execute(self._operations, ResetSessionSetting(name))
            return None
        conn = connection(self._operations)
        if conn.invalidated or conn.closed:
            return None
        if find is None:
            conn.execute(apply_session_settings(self._previous))
            return None
        statement = apply_session_settings(self._previous, catalog.relation_oid_column())
        found = conn.execute(statement, catalog.relation(*find)).one()[-1]
        return None if found is None else int(found)

    def restore_unless_done(self) -> None:
        if not self._restored:
            self.restore()


@contextmanager
def timeouts_off(
    operations: Operations, client_check_interval_ms: int, parallel_workers: int | None = None
) -> Iterator[SwappedSettings]:
    """Switch lock and statement timeouts off for a concurrent build, then put them back.

    A short timeout would cancel the build half-way and leave an invalid index. Online, the
    exact previous session values are restored (even those env.py set); offline the script
    ``RESET``s them. Online on 14+, the server also checks every ``client_check_interval_ms``
    that we are still connected, so a killed migration does not leave an orphan build running.
    ``parallel_workers`` (when not ``None``) is the build's ``max_parallel_maintenance_workers``,
    set and restored with the timeouts. Online that is two round trips: read and set, restore.
    The body may restore sooner (``SwappedSettings.restore``), reading something as it does.
    """
    wanted: dict[str, int] = {name: 0 for name in _BUILD_TIMEOUTS}
    version = server_version(operations)
    if is_offline(operations):
        note = "-- Timeouts off for the build: a timeout would cancel it half-way."
        if parallel_workers is not None:
            wanted["max_parallel_maintenance_workers"] = parallel_workers
            note += (
                f"\n-- max_parallel_maintenance_workers = {int(parallel_workers)}: the build "
                "uses that many extra processes (0: the CPUs stay the application's)."
            )
        operations.get_context().impl.static_output(note)
        for name, value in wanted.items():
            execute(operations, SetSessionSetting(name, value))
        reset = SwappedSettings(operations, {name: "" for name in wanted})
        try:
            yield reset
        finally:
            reset.restore_unless_done()
        return

    if client_check_interval_ms > 0 and version is not None and version >= (14,):
        wanted["client_connection_check_interval"] = client_check_interval_ms
    if parallel_workers is not None:
        wanted["max_parallel_maintenance_workers"] = parallel_workers
    conn = connection(operations)
    swapped = conn.execute(swap_session_settings({n: str(v) for n, v in wanted.items()})).one()
    previous = SwappedSettings(operations, dict(zip(wanted, swapped)))
    try:
        yield previous
    finally:
        previous.restore_unless_done()
