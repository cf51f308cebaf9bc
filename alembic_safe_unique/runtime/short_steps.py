"""Short ACCESS EXCLUSIVE steps: one transaction under ``SET LOCAL lock_timeout``, retried.

While a step waits for its lock every later query on the table queues behind it, so it gives
up quickly, says who holds the table, and tries again after an exponential, jittered pause.
On drivers that send a string of statements as it is, the whole transaction is one round trip.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic.operations import Operations
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import LockNotAcquiredError
from alembic_safe_unique.postgresql.ddl import (
    table_stub,
)
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.postgresql.lock_holders import (
    LockHolder,
    deadlock_timeout_ms,
    lock_holders,
)
from alembic_safe_unique.postgresql.session_sql import (
    LockTable,
    NoteLockTime,
    TransactionScript,
    read_lock_times,
)
from alembic_safe_unique.postgresql.sessions import TERMINATE, signal_advice
from alembic_safe_unique.postgresql.shapes import OnTable
from alembic_safe_unique.runtime.connection import connection, execute, is_offline, log
from alembic_safe_unique.runtime.preconditions import require_table
from alembic_safe_unique.runtime.session_stability import ensure_stable_session
from alembic_safe_unique.runtime.transactions import bounded_transaction, short_step_bounds

_LOCK_NOT_AVAILABLE = "55P03"
# How far past deadlock_timeout an attempt waits when autovacuum holds the table: the worker
# is cancelled at deadlock_timeout and lets go within a few milliseconds (measured: 30 ms).
_PAST_DEADLOCK_TIMEOUT_MS = 200
T = TypeVar("T")
# Drivers that send a parameterless string as a simple query, several statements and all.
_SCRIPT_DRIVERS = ("psycopg", "psycopg2")


@dataclass(frozen=True)
class LockTiming:
    """How long a short step waited for its ACCESS EXCLUSIVE lock, and then held it."""

    waited_ms: float
    held_ms: float


def retry_delay(attempt: int, settings: Settings) -> float:
    """Full jitter, uniform in [0, min(max, base * 2**(attempt-1))], but never shorter than the
    ``lock_timeout`` the failed attempt just waited (unless ``retry_max_delay_s`` is shorter).

    Requests that keep arriving queued behind that attempt for up to ``lock_timeout``; the
    application needs about as long again to catch up. A sooner retry would queue the late
    ones a second time, and a reader would wait through two attempts, not one.
    """
    ceiling = min(settings.retry_max_delay_s, settings.retry_base_delay_s * 2 ** (attempt - 1))
    floor = min(settings.retry_max_delay_s, settings.lock_timeout_ms / 1000)
    return max(floor, random.uniform(0, ceiling))


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
    spec: OnTable,
    statements: Sequence[Any],
    settings: Settings,
    what: str,
    *,
    table_oid: int | None = None,
    done_so_far: str = "The unique index is built and valid.",
) -> LockTiming:
    """Run ``statements`` in one short transaction, retried while the lock is not granted.

    Online, the table's ACCESS EXCLUSIVE lock is taken first by a statement of its own, so the
    time spent waiting for it and the time it was held (until COMMIT) are measured apart. On
    drivers that send a string of statements as it is, the transaction is one round trip and
    the server measures; otherwise each statement is its own round trip and the client does.
    ``table_oid`` is the table's oid when the caller has already looked it up;
    ``done_so_far`` tells the person reading the error what stays done.
    """
    if is_offline(operations):
        table_oid = None  # nothing can be looked up, and nothing waits for a lock
    else:
        ensure_stable_session(connection(operations))
        if table_oid is None:
            table_oid = require_table(connection(operations), spec.table_name, spec.schema)

    table = table_stub(spec.table_name, spec.schema)
    current = settings
    """The attempt's settings: ``settings``, or a longer lock_timeout that outlasts autovacuum."""

    def attempt() -> LockTiming:
        if table_oid is not None and _sends_scripts(operations):
            return _run_as_one_script(operations, table, statements, current)
        with bounded_transaction(operations, current):
            asked_at = time.perf_counter()
            if table_oid is not None:
                execute(operations, LockTable(table))
            locked_at = time.perf_counter()
            for statement in statements:
                execute(operations, statement)
        done_at = time.perf_counter()
        return LockTiming((locked_at - asked_at) * 1000, (done_at - locked_at) * 1000)

    def not_granted(number: int, error: DBAPIError) -> None:
        nonlocal current
        assert table_oid is not None  # offline nothing runs, so no lock can time out
        holders = lock_holders(connection(operations), table_oid)
        blockers = "; ".join(h.describe() for h in holders) or "(gone by now)"
        log.warning(
            "%s: attempt %d of %d could not lock %s within %d ms. Held by: %s",
            what,
            number,
            settings.lock_attempts,
            spec.qualified_table,
            current.lock_timeout_ms,
            blockers,
        )
        if number == settings.lock_attempts:
            raise LockNotAcquiredError(
                f"{what} never got its ACCESS EXCLUSIVE lock on {spec.qualified_table}: "
                f"{settings.lock_attempts} attempts of {settings.lock_timeout_ms} ms each. "
                f"Sessions holding the table at the last attempt: {blockers}. {done_so_far} "
                "End those sessions (or wait for a quieter "
                f"moment): {signal_advice(holders, TERMINATE)} Then run the migration again: "
                "it only retries this step. "
                "lock_timeout_ms= and lock_attempts= on the operation, or "
                "alembic_safe_unique.configure(), change the budget."
            ) from error
        # Only when there is a next attempt: it is the one that waits longer.
        current = _outlasting_autovacuum(operations, holders, settings)

    return retry_while_locked(settings, attempt, not_granted)


def _outlasting_autovacuum(
    operations: Operations, holders: Sequence[LockHolder], settings: Settings
) -> Settings:
    """``settings`` for the next attempt: waiting just past deadlock_timeout when an autovacuum
    worker that gives way holds the table (it would hold it for as long as it runs otherwise).
    """
    if not any(holder.gives_way for holder in holders):
        return settings
    needed_ms = deadlock_timeout_ms(connection(operations)) + _PAST_DEADLOCK_TIMEOUT_MS
    if needed_ms <= settings.lock_timeout_ms:
        return settings
    log.warning(
        "Autovacuum gives way to a lock request that waits longer than deadlock_timeout "
        "(%d ms): the next attempt waits %d ms.",
        needed_ms - _PAST_DEADLOCK_TIMEOUT_MS,
        needed_ms,
    )
    return dataclasses.replace(settings, lock_timeout_ms=needed_ms)


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
            *short_step_bounds(settings),
            NoteLockTime("asked"),
            LockTable(table),
            NoteLockTime("granted"),
            *statements,
        ],
        after_commit=[NoteLockTime("released")],
    )
    started = time.perf_counter()
    try:
        execute(operations, script)
    except BaseException:
        if not conn.invalidated and not conn.closed:
            execute(operations, sa.text("ROLLBACK"))
        raise
    whole_ms = (time.perf_counter() - started) * 1000
    waited_ms, held_ms = conn.execute(read_lock_times()).one()
    if waited_ms is None or held_ms is None:  # the notes went to another server session
        log.debug("The server's lock times were not found; the client's figure stands in.")
        return LockTiming(whole_ms, whole_ms)
    return LockTiming(float(waited_ms), float(held_ms))
