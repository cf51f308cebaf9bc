"""The short ACCESS EXCLUSIVE steps: attach a built index as a constraint, and undo that.

Each step is one short transaction under ``SET LOCAL lock_timeout``: while it waits for its
lock every later query on the table queues behind it, so it gives up quickly, says who holds
the table, and tries again after an exponential, jittered pause.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic.operations import Operations
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import DropConstraint

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import IndexConflictError, LockNotAcquiredError
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.postgresql.ddl import (
    AddUniqueConstraintUsingIndex,
    DropConstraintIfExists,
    LockTable,
    NoteLockTime,
    RenameIndex,
    SetSessionSetting,
    TransactionScript,
    read_lock_times,
    table_stub,
    unique_constraint,
)
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.postgresql.shapes import IndexSpec, UniqueConstraintSpec
from alembic_safe_unique.runtime.build import IndexLook, ensure_index, expected_shape
from alembic_safe_unique.runtime.connection import connection, execute, is_offline, log
from alembic_safe_unique.runtime.preconditions import require_table
from alembic_safe_unique.runtime.transactions import bounded_transaction

_LOCK_NOT_AVAILABLE = "55P03"
# "index is already associated with a constraint", "constraint already exists", "relation
# already exists": what an ALTER ... USING INDEX meets when another session attached first.
_ATTACHED_MEANWHILE = ("55000", "42710", "42P07")
T = TypeVar("T")
# Drivers that send a parameterless string as a simple query, several statements and all.
_SCRIPT_DRIVERS = ("psycopg", "psycopg2")


@dataclass(frozen=True)
class LockTiming:
    """How long a short step waited for its ACCESS EXCLUSIVE lock, and then held it."""

    waited_ms: float
    held_ms: float


def _intended_drop(table: Any, constraint_name: str, reason: str) -> DropConstraintIfExists:
    """A DROP CONSTRAINT that says, in the SQL, that it is what the migration is for."""
    return DropConstraintIfExists(
        table, constraint_name, note=(reason, "squawk-ignore ban-drop-constraint")
    )


def retry_delay(attempt: int, settings: Settings) -> float:
    """Full jitter: uniform in [0, min(max, base * 2**(attempt-1))]."""
    ceiling = min(settings.retry_max_delay_s, settings.retry_base_delay_s * 2 ** (attempt - 1))
    return random.uniform(0, ceiling)


def retry_while_locked(
    settings: Settings,
    attempt: Callable[[], T],
    not_granted: Callable[[int, DBAPIError], None],
) -> T:
    """Run ``attempt`` until its locks come within ``lock_timeout``, pausing between tries.

    Any error but "lock not available" propagates at once. ``not_granted(n, error)`` reports
    that attempt ``n`` timed out; on the last attempt it must raise.
    """
    for number in range(1, settings.lock_attempts + 1):
        try:
            return attempt()
        except DBAPIError as error:
            if sqlstate(error) != _LOCK_NOT_AVAILABLE:
                raise
            not_granted(number, error)
            time.sleep(retry_delay(number, settings))
    raise AssertionError("unreachable: the last attempt raises")


def run_under_lock_timeout(
    operations: Operations,
    spec: UniqueConstraintSpec | IndexSpec,
    statements: Sequence[Any],
    settings: Settings,
    what: str,
    *,
    table_oid: int | None = None,
) -> LockTiming:
    """Run ``statements`` in one short transaction, retried while the lock is not granted.

    Online, the table's ACCESS EXCLUSIVE lock is taken first by a statement of its own, so the
    time spent waiting for it and the time it was held (until COMMIT) are measured apart. On
    drivers that send a string of statements as it is, the transaction is one round trip and
    the server measures; otherwise each statement is its own round trip and the client does.
    ``table_oid`` is the table's oid when the caller has already looked it up.
    """
    if is_offline(operations):
        table_oid = None  # nothing can be looked up, and nothing waits for a lock
    elif table_oid is None:
        table_oid = require_table(connection(operations), spec.table_name, spec.schema)

    table = table_stub(spec.table_name, spec.schema)

    def attempt() -> LockTiming:
        if table_oid is not None and _sends_scripts(operations):
            return _run_as_one_script(operations, table, statements, settings)
        with bounded_transaction(
            operations, settings.lock_timeout_ms, settings.short_statement_timeout_ms
        ):
            asked_at = time.perf_counter()
            if table_oid is not None:
                execute(operations, LockTable(table))
            locked_at = time.perf_counter()
            for statement in statements:
                execute(operations, statement)
        done_at = time.perf_counter()
        return LockTiming((locked_at - asked_at) * 1000, (done_at - locked_at) * 1000)

    def not_granted(number: int, error: DBAPIError) -> None:
        assert table_oid is not None  # offline nothing runs, so no lock can time out
        holders = catalog.lock_holders(connection(operations), table_oid)
        blockers = "; ".join(h.describe() for h in holders) or "(gone by now)"
        log.warning(
            "%s: attempt %d of %d could not lock %s within %d ms. Held by: %s",
            what,
            number,
            settings.lock_attempts,
            spec.qualified_table,
            settings.lock_timeout_ms,
            blockers,
        )
        if number == settings.lock_attempts:
            raise LockNotAcquiredError(
                f"{what} never got its ACCESS EXCLUSIVE lock on {spec.qualified_table}: "
                f"{settings.lock_attempts} attempts of {settings.lock_timeout_ms} ms each. "
                f"Sessions holding the table at the last attempt: {blockers}. The unique "
                "index is built and valid; end those sessions (or wait for a quieter "
                "moment) and run the migration again: it only retries this step. "
                "lock_timeout_ms= and lock_attempts= on the operation, or "
                "alembic_safe_unique.configure(), change the budget."
            ) from error

    return retry_while_locked(settings, attempt, not_granted)


def _sends_scripts(operations: Operations) -> bool:
    """Does the driver send a parameterless string of several statements as it is?"""
    return connection(operations).dialect.driver in _SCRIPT_DRIVERS


def _run_as_one_script(
    operations: Operations, table: Any, statements: Sequence[Any], settings: Settings
) -> LockTiming:
    """The short step as one string: the lock is released without waiting on the client.

    The server notes when the lock was asked for, granted and released; they are read back
    after the step, when nothing is locked any more. On any error the aborted transaction
    is rolled back before the error goes on (to the retry, or to the caller).
    """
    conn = connection(operations)
    script = TransactionScript(
        [
            SetSessionSetting("lock_timeout", settings.lock_timeout_ms, local=True),
            SetSessionSetting("statement_timeout", settings.short_statement_timeout_ms, local=True),
            NoteLockTime("asked"),
            LockTable(table),
            NoteLockTime("granted"),
            *statements,
        ],
        after_commit=[NoteLockTime("released")],
    )
    try:
        execute(operations, script)
    except BaseException:
        if not conn.invalidated and not conn.closed:
            execute(operations, sa.text("ROLLBACK"))
        raise
    waited_ms, held_ms = conn.execute(read_lock_times()).one()
    return LockTiming(float(waited_ms), float(held_ms))


def _looked_up(
    operations: Operations, spec: UniqueConstraintSpec, table_oid: int | None
) -> int | None:
    """The table's oid online (the caller's, if it had it); ``None`` offline."""
    if is_offline(operations):
        return None
    if table_oid is not None:
        return table_oid
    return require_table(connection(operations), spec.table_name, spec.schema)


def attach_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
) -> None:
    """Build (or reuse) the unique index, then attach it as the constraint."""
    table_oid = _looked_up(operations, spec, table_oid)
    seen = None
    if table_oid is not None:
        state = catalog.index_state(connection(operations), table_oid, spec.constraint_name)
        if _constraint_is_there(operations, spec, table_oid, state):
            log.info("%s is already in place; nothing to do.", spec.describe())
            return
        if spec.source_index_name == spec.constraint_name:
            seen = IndexLook(state)  # the index to build is the one just looked at
    ensure_index(operations, spec.index(), settings, table_oid=table_oid, seen=seen)
    table = table_stub(spec.table_name, spec.schema)
    attach = AddUniqueConstraintUsingIndex(
        table,
        spec.constraint_name,
        spec.source_index_name,
        deferrable=spec.deferrable,
        initially=spec.initially,
        only_if_missing=is_offline(operations),
    )
    try:
        timing = run_under_lock_timeout(
            operations,
            spec,
            [attach],
            settings,
            f"Attaching {spec.describe()}",
            table_oid=table_oid,
        )
    except DBAPIError as error:
        # Someone else attached it between our look and our ALTER (a session outside this
        # package: our own runs take turns): then the work is done, not failed.
        if sqlstate(error) not in _ATTACHED_MEANWHILE or not constraint_matches(operations, spec):
            raise
        log.info("%s was attached meanwhile by another session; nothing to do.", spec.describe())
        return
    if not is_offline(operations):
        log.info(
            "Attached %s (waited %.1f ms for ACCESS EXCLUSIVE, held it %.1f ms).",
            spec.describe(),
            timing.waited_ms,
            timing.held_ms,
            extra={"lock_held_ms": timing.held_ms, "lock_waited_ms": timing.waited_ms},
        )


def detach_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
) -> None:
    """Replace the constraint by a unique index of the same shape, never leaving no guard."""
    table_oid = _looked_up(operations, spec, table_oid)
    if table_oid is not None and not _constraint_in_place(
        operations, spec, table_oid, exists_only=True
    ):
        log.info("%s is not there; only making sure its index exists.", spec.describe())
        ensure_index(operations, spec.index(), settings, table_oid=table_oid)
        return
    same_name = spec.source_index_name == spec.constraint_name
    build_as = spec.scratch_index_name() if same_name else spec.source_index_name
    ensure_index(operations, spec.index(name=build_as), settings, table_oid=table_oid)
    statements: list[Any] = [DropConstraint(constraint_stub(spec))]
    if same_name:
        statements.append(RenameIndex(spec.schema, build_as, spec.source_index_name))
    what = f"Detaching {spec.describe()}"
    run_under_lock_timeout(operations, spec, statements, settings, what, table_oid=table_oid)
    log.info("Detached %s; index %s guards the table.", spec.describe(), spec.source_index_name)


def constraint_stub(spec: UniqueConstraintSpec) -> Any:
    """The constraint as ``DROP CONSTRAINT`` needs it."""
    return unique_constraint(spec.constraint_name, spec.table_name, spec.columns, spec.schema)


def _constraint_in_place(
    operations: Operations,
    spec: UniqueConstraintSpec,
    table_oid: int | None = None,
    *,
    exists_only: bool = False,
) -> bool:
    """Is the constraint already there? Raises when it is there with another definition."""
    conn = connection(operations)
    if table_oid is None:
        table_oid = require_table(conn, spec.table_name, spec.schema)
    state = catalog.index_state(conn, table_oid, spec.constraint_name)
    return _constraint_is_there(operations, spec, table_oid, state, exists_only=exists_only)


def _constraint_is_there(
    operations: Operations,
    spec: UniqueConstraintSpec,
    table_oid: int,
    state: catalog.IndexState | None,
    *,
    exists_only: bool = False,
) -> bool:
    """``_constraint_in_place`` given what the catalog holds under the constraint's name."""
    if state is None or state.constraint_name is None or state.table_oid != table_oid:
        return False
    if exists_only:
        return True
    same = (
        state.constraint_type == "u"
        and state.deferrable == bool(spec.deferrable)
        and state.initially_deferred == (str(spec.initially or "").upper() == "DEFERRED")
        and catalog.index_shape(connection(operations), state.oid)
        == expected_shape(operations, spec.index())
    )
    if not same:
        raise IndexConflictError(
            f"Constraint {spec.constraint_name!r} already exists on {spec.qualified_table} with "
            f"another definition: {state.constraint_definition}. Wanted: {spec.describe()}"
            f"{' DEFERRABLE' if spec.deferrable else ''}. Drop it first (op.drop_constraint) or "
            "choose another name."
        )
    return True


def replace_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    previous: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
) -> None:
    """Drop ``previous`` and attach ``spec``'s index under the same name, in one short step."""
    offline = is_offline(operations)
    table_oid = _looked_up(operations, spec, table_oid)
    if table_oid is not None and constraint_matches(operations, spec, table_oid):
        log.info("%s is already in place; nothing to swap.", spec.describe())
        if previous.index_name is not None:
            ensure_index(operations, previous.index(), settings, table_oid=table_oid)
        return
    ensure_index(operations, spec.index(), settings, table_oid=table_oid)
    if previous.index_name is not None:
        ensure_index(operations, previous.index(), settings, table_oid=table_oid)
    table = table_stub(spec.table_name, spec.schema)
    statements = [
        _intended_drop(
            table,
            spec.constraint_name,
            f"Replaced in this transaction: the old {previous.describe()}.",
        ),
        AddUniqueConstraintUsingIndex(
            table,
            spec.constraint_name,
            spec.source_index_name,
            deferrable=spec.deferrable,
            initially=spec.initially,
        ),
    ]
    what = f"Swapping in {spec.describe()}"
    run_under_lock_timeout(operations, spec, statements, settings, what, table_oid=table_oid)
    if not offline:
        log.info("Swapped in %s (was on %s).", spec.describe(), ", ".join(previous.columns))


def drop_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
) -> None:
    """``DROP CONSTRAINT`` under a short lock_timeout; one already gone is skipped."""
    table_oid = _looked_up(operations, spec, table_oid)
    if table_oid is not None and not _constraint_in_place(
        operations, spec, table_oid, exists_only=True
    ):
        log.warning("%s is not there; nothing to drop.", spec.describe())
        return
    table = table_stub(spec.table_name, spec.schema)
    statements = [
        _intended_drop(
            table, spec.constraint_name, f"The model no longer declares {spec.describe()}."
        ),
    ]
    what = f"Dropping {spec.describe()}"
    run_under_lock_timeout(operations, spec, statements, settings, what, table_oid=table_oid)


def constraint_matches(
    operations: Operations, spec: UniqueConstraintSpec, table_oid: int | None = None
) -> bool:
    """Is a unique constraint of this name there with exactly this shape (no error if not)?"""
    try:
        return _constraint_in_place(operations, spec, table_oid)
    except IndexConflictError:
        return False
