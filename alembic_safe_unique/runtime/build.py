"""Building and dropping indexes concurrently, healing what earlier failed runs left behind.

Every function here expects to run inside ``session.outside_transaction``.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from alembic.operations import Operations
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import CreateIndex, DropIndex

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import (
    BuildInProgressError,
    BuildInterruptedError,
    ConnectionLostError,
    IndexConflictError,
    InsufficientPrivilegeError,
    TableNotFoundError,
    WaitTimeoutError,
)
from alembic_safe_unique.postgresql import catalog, lock_holders
from alembic_safe_unique.postgresql.ddl import (
    CreateScratchTableLike,
    table_stub,
)
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.postgresql.sessions import TERMINATE, signal_advice
from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.runtime import disk_space, run_state
from alembic_safe_unique.runtime.build_failures import (
    cancel_advice,
    drop_timeout_error,
    duplicates_error,
    leftover_after_interrupt,
    one_line,
    state_now,
)
from alembic_safe_unique.runtime.connection import connection, execute, is_offline, log
from alembic_safe_unique.runtime.preconditions import require_table
from alembic_safe_unique.runtime.progress import watch_build, watch_waits
from alembic_safe_unique.runtime.transactions import short_transaction, timeouts_off
from alembic_safe_unique.runtime.waits import WaitBound
from alembic_safe_unique.util.alembic_internals import bound_index

_SCRATCH_TABLE = "alembic_safe_unique_scratch"
_SCRATCH_INDEX = "alembic_safe_unique_scratch_idx"
_UNIQUE_VIOLATION = "23505"


def expected_shape(operations: Operations, spec: IndexSpec) -> catalog.IndexShape:
    """What ``spec`` would build, as PostgreSQL itself spells it.

    Built on an empty twin of the table inside a transaction that is rolled back, so the server
    (not string matching) normalizes expressions, predicates and operator classes. The twin is
    temporary where the role may create temporary tables; otherwise it stands beside the table
    (its schema's CREATE privilege), seen by no other session and gone with the rollback.
    """
    conn = connection(operations)
    found = catalog.locate(conn, spec.table_name, spec.schema)
    if found is None:
        raise TableNotFoundError(f"Table {spec.qualified_table!r} does not exist.")
    places = catalog.scratch_places(conn, found.oid)
    if not (places.temporary or places.in_schema):
        raise _no_scratch_place(operations, spec, places)
    # Named in pg_temp or the table's schema: a schema_translate_map's None key must not move
    # it to a tenant.
    beside = None if places.temporary else places.schema
    scratch_schema = beside or "pg_temp"
    scratch = table_stub(_SCRATCH_TABLE, scratch_schema)
    source = table_stub(spec.table_name, spec.schema)
    with short_transaction(operations, keep=False):
        execute(operations, CreateScratchTableLike(_SCRATCH_TABLE, source, schema=beside))
        execute(operations, CreateIndex(spec.renamed(_SCRATCH_INDEX).to_index(on_table=scratch)))
        scratch_oid = catalog.relation_oid(conn, _SCRATCH_INDEX, scratch_schema)
        assert scratch_oid is not None
        return catalog.index_shape(conn, scratch_oid)


def _no_scratch_place(
    operations: Operations, spec: IndexSpec, places: catalog.ScratchPlaces
) -> InsufficientPrivilegeError:
    """Neither twin can be made: name both privileges, and the GRANT for either."""
    quote = connection(operations).dialect.identifier_preparer.quote
    database, role, schema = (quote(name) for name in (places.database, places.role, places.schema))
    return InsufficientPrivilegeError(
        f"Index {spec.name!r} already exists on {spec.qualified_table}; to tell whether it is "
        "the index wanted, its definition is compared with one built on an empty twin of the "
        f"table, and role {places.role} may create that twin nowhere: it lacks TEMPORARY on "
        f"database {places.database} and CREATE on schema {places.schema}. Nothing was changed. "
        f"Grant one of them (GRANT TEMPORARY ON DATABASE {database} TO {role}; or GRANT CREATE "
        f"ON SCHEMA {schema} TO {role};), or, if that index is not the one wanted, drop it "
        "(DROP INDEX CONCURRENTLY), then run the migration again."
    )


@dataclass(frozen=True)
class IndexLook:
    """What the catalog said a moment ago of the index ``spec`` names: no need to ask again."""

    state: catalog.IndexState | None


def ensure_index(
    operations: Operations,
    spec: IndexSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
    seen: IndexLook | None = None,
) -> None:
    """Make sure a valid index matching ``spec`` exists, building it concurrently if needed.

    ``table_oid`` is the table's oid and ``seen`` the index's state, when the caller has
    already looked them up in this operation.
    """
    if is_offline(operations):
        _write_offline_build(operations, spec, settings)
        return
    conn = connection(operations)
    if table_oid is None:
        table_oid = require_table(conn, spec.table_name, spec.schema)
    state = _settled_state(operations, table_oid, spec, settings, seen)
    if state is not None:
        if state.table_oid != table_oid:
            raise IndexConflictError(
                f"An index named {spec.name!r} already exists on table {state.table_name!r}, "
                f"not on {spec.qualified_table!r}: {catalog.index_definition(conn, state.oid)}. "
                "Index names are unique per schema; choose another name."
            )
        if not state.is_valid:
            _drop_leftover(operations, spec, state, settings)
        else:
            check_same_definition(operations, spec, state)
            log.info("Reusing the valid index %s built earlier (same definition).", spec.name)
            return
    _build(operations, spec, settings)


def valid_index_exists(operations: Operations, spec: IndexSpec) -> bool:
    """Is there a valid index of this name on the table (whatever built it)?"""
    conn = connection(operations)
    state = state_now(conn, spec)
    return state is not None and state.is_valid


def check_same_definition(
    operations: Operations, spec: IndexSpec, state: catalog.IndexState
) -> None:
    """Refuse to reuse an existing index of this name that enforces something else."""
    run = run_state.of(operations.get_context())
    if run is not None and run.built_here(state.oid, spec):
        return  # built by this run from the same definition: no need to ask the server
    conn = connection(operations)
    if catalog.index_shape(conn, state.oid) != expected_shape(operations, spec):
        raise IndexConflictError(
            f"Index {spec.name!r} already exists with another definition.\n"
            f"  existing: {catalog.index_definition(conn, state.oid)}\n"
            f"  wanted:   {_create_sql(conn, spec)}\n"
            "Rename one of them, or drop the existing index (DROP INDEX CONCURRENTLY) "
            "if it is no longer needed, then run the migration again."
        )


def _settled_state(
    operations: Operations,
    table_oid: int,
    spec: IndexSpec,
    settings: Settings,
    seen: IndexLook | None,
) -> catalog.IndexState | None:
    """The index's state once no other session is still building it."""
    conn = connection(operations)
    deadline = time.monotonic() + settings.other_build_wait_s
    state = seen.state if seen is not None else catalog.index_state(conn, table_oid, spec.name)
    while state is not None and state.builder is not None:
        builder = state.builder
        if time.monotonic() > deadline:
            raise BuildInProgressError(
                f"Index {spec.name!r} on {spec.qualified_table} is still "
                f"{builder.describe()}. It was left alone: an index being built is not a "
                "leftover. Let that build finish and run the migration again, or, if it is "
                f"yours to stop, cancel it: {cancel_advice(builder)} Then run the migration "
                "again: it removes the invalid index the cancelled build leaves."
            )
        log.warning(
            "Index %s on %s is %s; waiting for it (up to other_build_wait_s=%s s).",
            spec.name,
            spec.qualified_table,
            builder.describe(),
            settings.other_build_wait_s,
        )
        time.sleep(1.0)
        state = catalog.index_state(conn, table_oid, spec.name)
    return state


def _drop_leftover(
    operations: Operations, spec: IndexSpec, state: catalog.IndexState, settings: Settings
) -> None:
    rejects = " It still rejected colliding writes." if state.is_ready else ""
    log.warning(
        "Dropping the invalid index %s on %s left by an earlier failed build.%s",
        spec.name,
        spec.qualified_table,
        rejects,
    )
    drop_index(operations, spec.name, spec.schema, settings)


def refuse_dropping_constraint_index(index_name: str, state: catalog.IndexState) -> None:
    """An index that backs a constraint goes with the constraint, never on its own."""
    if state.constraint_name is not None:
        raise IndexConflictError(
            f"Index {index_name!r} backs the constraint {state.constraint_name!r} on "
            f"{state.table_name!r} and cannot be dropped on its own. Use "
            "op.drop_constraint(...) or op.detach_unique_constraint(...) instead."
        )


def drop_index(
    operations: Operations, index_name: str, schema: str | None, settings: Settings
) -> None:
    """``DROP INDEX CONCURRENTLY`` with timeouts off: it waits like a build does, for every
    transaction holding a lock on the table, so it is watched and bounded like a build
    (the sessions it waits for named, ``wait_timeout_s``)."""
    index = bound_index(
        index_name, table=table_stub("unused", schema), postgresql_concurrently=True
    )
    if is_offline(operations):
        with timeouts_off(operations, settings.client_check_interval_ms):
            execute(operations, DropIndex(index, if_exists=True))
        return
    conn = connection(operations)
    shown = f"{schema}.{index_name}" if schema else index_name
    bound: WaitBound | None = None
    try:
        target, interval_ms = f"DROP INDEX CONCURRENTLY {shown}", settings.client_check_interval_ms
        with timeouts_off(operations, interval_ms), watch_waits(conn, target, settings) as bound:
            execute(operations, DropIndex(index, if_exists=True))
    except DBAPIError as error:
        if bound is not None and bound.expired and not (conn.invalidated or conn.closed):
            raise drop_timeout_error(conn, index_name, schema, shown, bound) from error
        raise


def _create_sql(conn: Connection, spec: IndexSpec) -> str:
    return str(CreateIndex(spec.to_index()).compile(dialect=conn.dialect))


def _build(operations: Operations, spec: IndexSpec, settings: Settings) -> None:
    disk_space.warn_if_large(connection(operations), spec, settings)
    log.info("Building %s concurrently; reads and writes go on meanwhile.", spec.describe())
    started = time.monotonic()
    bound: WaitBound | None = None
    state = run_state.of(operations.get_context())
    try:
        with timeouts_off(
            operations, settings.client_check_interval_ms, settings.parallel_workers
        ) as swapped:
            target = f"{spec.name} on {spec.qualified_table}"
            with watch_build(connection(operations), target, settings) as bound:
                execute(operations, CreateIndex(spec.to_index(concurrently=True)))
            # The run keeps the built index's oid (the attach then trusts it): read as the
            # settings go back, in the same statement.
            index_oid = swapped.restore(find=None if state is None else (spec.name, spec.schema))
    except DBAPIError as error:
        conn = connection(operations)
        if error.connection_invalidated or conn.invalidated or conn.closed:
            raise ConnectionLostError(
                f"The connection to the server was lost during the build of {spec.name} on "
                f"{spec.qualified_table} ({one_line(error.orig)}). Run the migration again: "
                "it removes the invalid index the build left and builds it anew."
            ) from error
        if bound is not None and bound.expired:
            raise _wait_timeout_error(operations, spec, settings, bound) from error
        _clean_up_failed_build(operations, spec, settings, error)
        raise
    except (KeyboardInterrupt, asyncio.CancelledError):
        # Ctrl-C; under asyncio.run (the async env.py) it reaches the build as a cancellation.
        raise BuildInterruptedError(
            f"The build of {spec.name} on {spec.qualified_table} was interrupted. "
            f"{leftover_after_interrupt(connection(operations), spec)}"
        ) from None
    log.info("Built index %s in %.1f s.", spec.name, time.monotonic() - started)
    if state is not None:
        state.built_in_revision.append(spec.name)
        if index_oid is not None:
            state.built_in_run[index_oid] = spec


def _wait_timeout_error(
    operations: Operations, spec: IndexSpec, settings: Settings, bound: WaitBound
) -> WaitTimeoutError:
    """The build was cancelled for waiting too long: clean up what can be, name who held it.

    The leftover is dropped only if none of the blockers holds a lock on the table: a
    ``DROP INDEX CONCURRENTLY`` would wait for those very sessions.
    """
    conn = connection(operations)
    table_oid = catalog.relation_oid(conn, spec.table_name, spec.schema)
    holders = (
        {holder.pid for holder in lock_holders.lock_holders(conn, table_oid)}
        if table_oid
        else set()
    )
    blockers = bound.blockers
    if any(blocker.pid in holders for blocker in blockers):
        leftover = (
            f"The unfinished index {spec.name} stays for now (dropping it would wait for the "
            "same sessions); the re-run removes it first."
        )
    else:
        state = state_now(conn, spec)
        leftover = "The unfinished index was dropped; nothing else is left behind."
        if state is not None and not state.is_valid:
            try:
                drop_index(operations, spec.name, spec.schema, settings)
            except WaitTimeoutError:
                leftover = (
                    f"The unfinished index {spec.name} stays for now (dropping it waited for "
                    "other sessions too); the re-run removes it first."
                )
    shown = "; ".join(blocker.describe() for blocker in blockers) or "(sessions gone by now)"
    unblock = signal_advice(blockers, TERMINATE)
    return WaitTimeoutError(
        f"The build of {spec.name} on {spec.qualified_table} waited for other sessions for "
        f"more than {bound.seconds:g} s (wait_timeout_s) and was cancelled. It was waiting for: "
        f"{shown}. {leftover} CREATE INDEX CONCURRENTLY waits for every transaction that is "
        "older than it or holds the table: have those sessions commit or roll back, or end "
        f"them: {unblock} Then run the migration again; this revision is not stamped as "
        "applied."
    )


def _write_offline_build(operations: Operations, spec: IndexSpec, settings: Settings) -> None:
    """The build for an offline script: nobody can look at the catalog first, so say what to do.

    ``IF NOT EXISTS`` makes the script re-runnable, but it also keeps an invalid index silently;
    the comment tells the person running the script how to spot and remove one.
    """
    operations.get_context().impl.static_output(
        "-- If the next statement fails (duplicates, cancel, crash) it leaves an INVALID index "
        "behind;\n-- IF NOT EXISTS would then keep it. Find it with: SELECT indexrelid::regclass "
        "FROM pg_index WHERE NOT indisvalid;\n-- and remove it with DROP INDEX CONCURRENTLY "
        "before running the script again. An attach repeats its build revision's statement: "
        "with\n-- the index in place it does nothing, and a script started at the attach "
        "builds it here."
    )
    with timeouts_off(operations, settings.client_check_interval_ms, settings.parallel_workers):
        execute(operations, CreateIndex(spec.to_index(concurrently=True), if_not_exists=True))


def _clean_up_failed_build(
    operations: Operations, spec: IndexSpec, settings: Settings, error: DBAPIError
) -> None:
    """Drop the invalid index a failed build leaves, then explain the failure if we can."""
    conn = connection(operations)
    if error.connection_invalidated or conn.invalidated or conn.closed:
        return
    state = state_now(conn, spec)
    if state is not None and not state.is_valid:
        log.warning(
            "The build of %s on %s failed (%s); dropping the invalid index it left, which "
            "would go on slowing every write.",
            spec.name,
            spec.qualified_table,
            one_line(error.orig),
        )
        drop_index(operations, spec.name, spec.schema, settings)
    if sqlstate(error) == _UNIQUE_VIOLATION:
        remains = run_state.what_remains(run_state.of(operations.get_context()), spec.name)
        raise duplicates_error(conn, spec, error, remains) from error
    if disk_space.ran_out_of_disk(error):
        remains = run_state.what_remains(run_state.of(operations.get_context()), spec.name)
        raise disk_space.disk_full_error(
            conn, spec, error, remains, one_line(error.orig)
        ) from error
