"""Two deploys running the same revision at once: one does the work, the other says so.

Before an operation leaves Alembic's transaction it checks that no other run has moved or is
holding ``alembic_version``; then it takes a session-level advisory lock named after its index,
so a twin that got there first is waited for instead of collided with (two builds of one
index end in a raw error or a deadlock). The lock is polled with ``pg_try_advisory_lock``
between short statements: a session blocked inside ``pg_advisory_lock`` would hold a snapshot
that the other session's concurrent build waits for, and the two would wait on each other.
"""

from __future__ import annotations

import functools
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import BuildInProgressError, ConcurrentMigrationError
from alembic_safe_unique.postgresql.ddl import (
    table_stub,
)
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.postgresql.precompiled import precompiled
from alembic_safe_unique.postgresql.sessions import (
    ROLE_AND_MAY_SIGNAL,
    TERMINATE,
    OtherSession,
    signal_advice,
)
from alembic_safe_unique.runtime import run_state
from alembic_safe_unique.runtime.connection import (
    connection,
    effective_schema,
    is_offline,
    log,
)
from alembic_safe_unique.runtime.session_stability import ensure_stable_session

_NAMESPACE = 0x41535531  # the advisory lock "class" of this package: b"ASU1"
_LOCK_NOT_AVAILABLE = "55P03"
_POLL_S = 0.2
_TRY_LOCK = sa.text("SELECT pg_try_advisory_lock(:namespace, :key)")
_UNLOCK = sa.text("SELECT pg_advisory_unlock(:namespace, :key)")
_ALIVE = sa.text("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = :pid)")
_HOLDER = sa.text(
    """
    SELECT l.pid, a.state,
           extract(epoch FROM now() - a.state_change)::float8,
           left(a.query, 200), """
    + ROLE_AND_MAY_SIGNAL
    + """,
           a.application_name, host(a.client_addr), a.client_port
      FROM pg_locks l
      LEFT JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
       AND l.classid = CAST(:namespace AS oid) AND l.objid = CAST(:objid AS oid)
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    """
)


@dataclass(frozen=True)
class _Holder(OtherSession):
    """The session holding the per-index lock, as ``pg_stat_activity`` shows this role.

    ``seconds`` is how long it has been in its state; ``hidden`` (another role's session,
    without ``pg_read_all_stats``) means that state is unknown.
    """

    application: str | None = None
    address: str | None = None
    port: int | None = None

    @property
    def idle(self) -> bool:
        """Running no statement: its work is over, or its process is frozen or gone."""
        return (self.state or "").startswith("idle")

    def client(self) -> str:
        where = "a local socket" if self.address is None else f"{self.address}:{self.port}"
        return f"{self.application or 'no application_name'}, from {where}"

    def waiting_line(self, name: str) -> str:
        """What a run waiting for this session is told, each time the picture changes."""
        if self.hidden:
            return (
                f"Another session (pid {self.pid}, {self.whose}) holds the lock on {name}; "
                "whether it is working or sitting idle is not visible to you (that needs "
                "pg_read_all_stats). Waiting for it to let go."
            )
        if not self.idle:
            return (
                f"Another session (pid {self.pid}: another migration run, or the orphaned "
                f"build of a killed one) is working on {name}; waiting for it to finish."
            )
        return (
            f"Another session (pid {self.pid}, {self.client()}) holds the lock on {name} but "
            f"has been {self.state} for {self.seconds or 0:.0f} s, running nothing; waiting "
            f"for it to let go.{self.advice()}"
        )

    def refusal(self, name: str, waited_s: float) -> str:
        """Why a run stops after waiting ``waited_s`` for this session, and what to do."""
        if self.hidden:
            return (
                f"Another session (pid {self.pid}, {self.whose}) has held the lock on {name} "
                f"for more than {waited_s:g} s (other_build_wait_s); what it does is not "
                "visible to you (that needs pg_read_all_stats). If no migration is running "
                f"now, it never let go: end it. {self._end_it()} Then run the migration again."
            )
        if not self.idle:
            return (
                f"Another migration process (pid {self.pid}) has been working on {name} for "
                f"more than {waited_s:g} s (other_build_wait_s). Let it finish and run the "
                "migration again, or stop that process."
            )
        return (
            f"Another session (pid {self.pid}, {self.client()}) has held the lock on {name} "
            f"for more than {waited_s:g} s (other_build_wait_s) and has been {self.state}, "
            f"running nothing, for {self.seconds or 0:.0f} s.{self.advice()} Then run the "
            "migration again."
        )

    def advice(self) -> str:
        if not self.idle:
            return ""
        return (
            " A session idle this long is done with its work or never let go: its process is "
            "frozen (stopped, paused, in a debugger) or gone without the server noticing (a "
            "network cut). If that process is not running a migration now, end the session: "
            + self._end_it()
        )

    def _end_it(self) -> str:
        """The statement that ends it, where this role may run it; else who must."""
        return signal_advice([self], TERMINATE)


LOCK_ADVICE = (
    "To let simultaneous deploys wait for each other and both succeed, take "
    "alembic_safe_unique.migration_lock(connection) around the migrations in env.py "
    "(docs/troubleshooting.md)."
)


def _key(name: str) -> tuple[int, int]:
    """A stable int4 for ``name`` (signed, as pg_try_advisory_lock takes it) and its oid form."""
    unsigned = zlib.crc32(name.encode("utf-8"))
    return (unsigned - (1 << 32) if unsigned >= 1 << 31 else unsigned), unsigned


def refuse_if_another_run_is_ahead(operations: Operations) -> None:
    """Stop before any work if another run moved ``alembic_version`` or is stamping it now.

    One statement answers both: ``FOR UPDATE NOWAIT`` fails at once on a row another run is
    stamping, and the rows it returns are the revisions applied now.
    """
    context = operations.get_context()
    state = run_state.of(context)
    if state is None:
        return
    version = _version_table(context.version_table, _version_schema(operations))
    probe = sa.select(version.c.version_num).with_for_update(nowait=True)
    applied = _probed(operations, state, lambda conn: tuple(conn.execute(probe).scalars()))
    _refuse_if_moved(context, state, applied)


def _try_lock_and_probe(
    operations: Operations, parameters: dict[str, int]
) -> tuple[bool, Callable[[], None]]:
    """The first try for the advisory lock, with the version-table probe in the same statement.

    The probe sits in a fenced subquery (``OFFSET 0``): the server reads ``alembic_version``
    first, and if that fails (another run holds its row) the lock is never tried. Returns
    whether the lock was taken, and the check of what the probe read.
    """
    context = operations.get_context()
    state = run_state.of(context)
    conn = connection(operations)
    if state is None:
        return bool(conn.execute(_TRY_LOCK, parameters).scalar()), lambda: None
    statement = _lock_and_probe(context.version_table, _version_schema(operations))
    applied, locked = _probed(
        operations, state, lambda conn: conn.execute(statement, parameters).one()
    )
    return bool(locked), lambda: _refuse_if_moved(context, state, tuple(applied or ()))


def _version_schema(operations: Operations) -> str | None:
    """The version table's schema as Alembic's own statements find it: through the map."""
    return effective_schema(operations, operations.get_context().version_table_schema)


@functools.lru_cache(maxsize=1024)  # one per tenant schema of a tenant loop
def _lock_and_probe(version_table: str, schema: str | None) -> Any:
    """The statement of ``_try_lock_and_probe``, built and compiled once per version table."""
    version = _version_table(version_table, schema)
    rows = sa.select(version.c.version_num).with_for_update(nowait=True).scalar_subquery()
    probe = sa.select(sa.func.array(rows).label("applied")).offset(0).subquery("probe")
    lock = sa.func.pg_try_advisory_lock(sa.bindparam("namespace"), sa.bindparam("key"))
    return precompiled(sa.select(probe.c.applied, lock).select_from(probe))


def _probed(operations: Operations, state: run_state.RunState, read: Callable[[Any], Any]) -> Any:
    """Run a read of ``alembic_version`` ``FOR UPDATE NOWAIT``; a held row means another run."""
    context = operations.get_context()
    try:
        with state.ours():
            return read(connection(operations))
    except DBAPIError as error:
        if sqlstate(error) != _LOCK_NOT_AVAILABLE:
            raise
        raise ConcurrentMigrationError(
            f"Another migration run is applying revisions right now (it holds "
            f"{context.version_table}'s row). This run stops before doing the same work twice; "
            f"nothing is left half-done. {LOCK_ADVICE}"
        ) from error


def _refuse_if_moved(
    context: MigrationContext, state: run_state.RunState, applied: tuple[str, ...]
) -> None:
    if tuple(sorted(applied)) != tuple(sorted(state.heads)):
        raise ConcurrentMigrationError(
            f"Another migration run changed {context.version_table} while this one was running "
            f"(this run expected {_shown(state.heads)}, the database now says "
            f"{_shown(tuple(sorted(applied)))}). This run stops here before doing anything "
            f"more; nothing is left half-done. Run `alembic current` to see where the database "
            f"is. {LOCK_ADVICE}"
        )


@functools.lru_cache(maxsize=1024)  # one per tenant schema of a tenant loop
def _version_table(name: str, schema: str | None) -> sa.Table:
    """The version table as the probe selects from it: built once per name, never changed."""
    return table_stub(name, schema, ("version_num",))


def _shown(heads: tuple[str, ...]) -> str:
    return ", ".join(heads) or "no revision"


@contextmanager
def exclusive_work(
    operations: Operations,
    name: str,
    settings: Settings,
    done: Callable[[], bool],
) -> Iterator[bool]:
    """Hold the advisory lock named ``name`` for the body (online, outside any transaction).

    If another session held it, this one waits; then, if ``done()`` says the other session
    did this very work, a ``ConcurrentMigrationError`` says so instead of repeating it. The
    body gets whether this session waited: what it looked at before may have changed.
    """
    if is_offline(operations):
        yield False
        return
    conn = connection(operations)
    ensure_stable_session(conn)  # before the lock: through a transaction pooler it would leak
    key, objid = _key(name)
    parameters = {"namespace": _NAMESPACE, "key": key}
    locked, check_probe = _try_lock_and_probe(operations, parameters)
    try:
        check_probe()  # a run that is behind stops now, before waiting for anyone
    except ConcurrentMigrationError:
        if locked:
            conn.execute(_UNLOCK, parameters)
        raise
    holder = None if locked else _wait_for_lock(conn, name, parameters, objid, settings)
    try:
        if holder is not None:
            # A twin run stamps alembic_version right after it lets go; the orphaned build of
            # a killed run (PostgreSQL before 14 lets it finish) stamps nothing, and releases
            # the lock only as its backend exits.
            refuse_if_another_run_is_ahead(operations)
        if holder is not None and _alive(conn, holder) and done():
            raise ConcurrentMigrationError(
                f"Another migration process was doing the same work on {name} at the same time "
                f"and has finished it; this run stops here rather than apply the same revision "
                f"twice. Nothing is left half-done. {LOCK_ADVICE}"
            )
        yield holder is not None
    finally:
        if not conn.invalidated and not conn.closed:
            with suppress(DBAPIError):  # a session-level lock ends with the session anyway
                conn.execute(_UNLOCK, parameters)


def _alive(conn: Connection, pid: int) -> bool:
    return bool(conn.execute(_ALIVE, {"pid": pid}).scalar())


def _wait_for_lock(
    conn: Connection, name: str, parameters: dict[str, int], objid: int, settings: Settings
) -> int | None:
    """Take the lock; the pid that held it last while this session waited, if any.

    The holder is named when it changes, when it turns idle or back to work, and every
    ``progress_interval_s`` while the wait lasts.
    """
    deadline = time.monotonic() + settings.other_build_wait_s
    last_holder: int | None = None
    last_said: tuple[int, bool] | None = None
    said_at = 0.0
    while not conn.execute(_TRY_LOCK, parameters).scalar():
        row = conn.execute(_HOLDER, {"namespace": _NAMESPACE, "objid": objid}).first()
        holder = None if row is None else _Holder(*row)
        now = time.monotonic()
        if holder is not None:
            said = (holder.pid, holder.idle)
            if said != last_said or now - said_at >= settings.progress_interval_s:
                log.warning("%s", holder.waiting_line(name))
                last_said, said_at = said, now
            last_holder = holder.pid
        if now > deadline:
            refusal = (
                f"Another migration process (pid {last_holder}) has been working on {name} for "
                f"more than {settings.other_build_wait_s:g} s. Let it finish and run the "
                "migration again, or stop that process."
                if holder is None
                else holder.refusal(name, settings.other_build_wait_s)
            )
            raise BuildInProgressError(f"{refusal} {LOCK_ADVICE}")
        time.sleep(_POLL_S)
    return last_holder
