"""Bounded, named waits: who a statement waits for, and cancelling it past ``wait_timeout_s``.

A concurrent build, or a ``DROP INDEX CONCURRENTLY``, waits for every transaction that could
still see the table; one that never ends holds the migration forever. The watcher reads
``pg_blocking_pids``, names those sessions as the role may see them, and cancels the statement
when the wait outlasts the bound.
"""

from __future__ import annotations

import logging
import time

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import Settings
from alembic_safe_unique.postgresql.sessions import (
    ROLE_AND_MAY_SIGNAL,
    TERMINATE,
    OtherSession,
    signal_advice,
)
from alembic_safe_unique.runtime.connection import session_backend_pid

log = logging.getLogger("alembic.safe_unique.progress")

_BLOCKERS = sa.text(
    """
    SELECT a.pid, a.state,
           extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::float8,
           left(a.query, 200), """
    + ROLE_AND_MAY_SIGNAL
    + """
      FROM pg_stat_activity a
     WHERE a.pid = ANY (pg_blocking_pids(:pid)) OR a.pid = :locker
     ORDER BY 3 DESC NULLS LAST
    """
)
_CANCEL = sa.text("SELECT pg_cancel_backend(:pid)")


class WaitBound:
    """Cancels a statement once it has waited on other sessions for ``seconds`` in a row.

    The watcher sees whether the statement waits: a build's phase ``waiting for ...``, or any
    statement's ``pg_blocking_pids``. A wait longer than the bound means a transaction
    elsewhere holds it up, possibly forever. The sessions it waits for are recorded before
    the cancel, for the error the migration then raises.
    """

    def __init__(self, seconds: float, backend_pid: int) -> None:
        self.seconds = seconds
        self.backend_pid = backend_pid
        self.blockers: list[OtherSession] = []
        """The sessions the build waited for when its wait ran out."""
        self.expired = False
        self._waiting_since: float | None = None

    def check(self, watch: Connection, waiting: bool, locker_pid: int | None = None) -> None:
        if self.expired or not waiting:
            self._waiting_since = None
            return
        now = time.monotonic()
        self._waiting_since = self._waiting_since or now
        if now - self._waiting_since < self.seconds:
            return
        self.blockers = blockers_of(watch, self.backend_pid, locker_pid)
        self.expired = True
        watch.execute(_CANCEL, {"pid": self.backend_pid})


def blockers_of(
    watch: Connection, backend_pid: int, locker_pid: int | None = None
) -> list[OtherSession]:
    """The sessions ``backend_pid`` waits for now (and the build's current locker, if any)."""
    parameters = {"pid": backend_pid, "locker": locker_pid or 0}
    return [OtherSession(*row) for row in watch.execute(_BLOCKERS, parameters)]


class LockWaitWatch:
    """One poll of a statement PostgreSQL reports no progress for (``DROP INDEX CONCURRENTLY``):
    the sessions it waits for (``pg_blocking_pids``), named when they change and every
    interval, and the bound."""

    def __init__(
        self,
        target: str,
        backend_pid: int,
        bound: WaitBound | None,
        report: bool,
        interval_s: float,
    ) -> None:
        self.target = target
        self.backend_pid = backend_pid
        self.bound = bound
        self.report = report
        self.interval_s = interval_s
        self._last_pids: set[int] = set()
        self._last_line = 0.0
        self._warned_about: set[int] = set()

    def poll(self, watch: Connection) -> None:
        with watch.begin():
            blockers = blockers_of(watch, self.backend_pid)
            if self.bound is not None:
                self.bound.check(watch, bool(blockers))
        if not self.report:
            return
        pids = {blocker.pid for blocker in blockers}
        now = time.monotonic()
        if blockers and (pids != self._last_pids or now - self._last_line >= self.interval_s):
            shown = "; ".join(blocker.describe() for blocker in blockers)
            log.info("%s: waiting for %s", self.target, shown)
            self._last_line = now
        self._last_pids = pids
        for blocker in blockers:
            self._warn_if_idle(blocker)

    def _warn_if_idle(self, blocker: OtherSession) -> None:
        idle = (blocker.state or "").startswith("idle in transaction")
        waited = blocker.seconds or 0.0
        if not idle or waited < self.interval_s or blocker.pid in self._warned_about:
            return
        self._warned_about.add(blocker.pid)
        log.warning(
            "%s cannot go on while pid %d stays idle in transaction (for %.0f s so far): it "
            "waits for every transaction that holds a lock on the table to end. Have that "
            "session commit or roll back, or end it: %s",
            self.target,
            blocker.pid,
            waited,
            signal_advice([blocker], TERMINATE),
        )


def bound_for(connection: Connection, settings: Settings) -> tuple[int, WaitBound | None]:
    backend_pid = session_backend_pid(connection)
    if settings.wait_timeout_s is None:
        return backend_pid, None
    return backend_pid, WaitBound(settings.wait_timeout_s, backend_pid)
