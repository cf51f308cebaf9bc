"""What a concurrent build is doing, read from a second connection while it runs.

``CREATE INDEX CONCURRENTLY`` on a big table can run for many minutes; PostgreSQL reports its
phase and counters in ``pg_stat_progress_create_index``. A watcher thread polls that view for the
migration's backend, and reports through the ``alembic.safe_unique.progress`` logger (which the
stock ``alembic.ini`` shows) or, on a terminal, a tqdm bar with phase changes logged above it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import PROGRESS_MODES, Settings
from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.postgresql.build_progress import BuildSnapshot, read_snapshot
from alembic_safe_unique.postgresql.sessions import (
    ROLE_AND_MAY_SIGNAL,
    TERMINATE,
    OtherSession,
    signal_advice,
)
from alembic_safe_unique.runtime import side_connections
from alembic_safe_unique.runtime.connection import session_backend_pid

log = logging.getLogger("alembic.safe_unique.progress")

# The time left is shown from this share on: before it, one phase's pace says little.
_ESTIMATE_FROM = 0.10

PROGRESS_VARIABLE = "ALEMBIC_SAFE_UNIQUE_PROGRESS"
_BAR_REFRESH_S = 0.5
_POLL_S = 1.0  # phase changes and blockers are seen within a second; lines are rarer
_START_AFTER_S = 1.0  # a build that ends sooner is never watched, and costs no connection
_STOP_WAIT_S = 5.0  # a poll is a catalog read of milliseconds: past this, the network is silent

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


def progress_mode(settings: Settings) -> str:
    """The mode in force: the environment variable wins, so a run can be quieted ad hoc."""
    mode = os.environ.get(PROGRESS_VARIABLE, settings.progress).strip().lower()
    if mode not in PROGRESS_MODES:
        raise InvalidArgumentError(
            f"{PROGRESS_VARIABLE} / progress must be one of {', '.join(PROGRESS_MODES)}; "
            f"got {mode!r}."
        )
    if mode == "auto":
        return "bar" if sys.stderr.isatty() else "log"
    return mode


class _Reporter:
    """Turns snapshots into log lines (phase changes, blockers, every interval) or a bar."""

    def __init__(self, target: str, mode: str, interval_s: float) -> None:
        self.target = target
        self.interval_s = interval_s
        self.bar: Any = None
        if mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(
                total=100,
                desc=target,
                file=sys.stderr,
                bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed} {postfix}",
                leave=False,
            )
        self._last_phase: str | None = None
        self._last_line = 0.0
        self._last_blocker: int | None = None
        self._warned_about: set[int] = set()
        self._overall = 0.0  # never shown going backwards: it is an estimate
        self._working_s = 0.0  # time spent building, waits on other sessions left out
        self._last_report = time.monotonic()  # the build starts as the reporter is made

    def report(self, snapshot: BuildSnapshot) -> None:
        now = time.monotonic()
        if not (self._last_phase or "").startswith("waiting"):
            self._working_s += now - self._last_report
        self._last_report = now
        self._overall = max(self._overall, snapshot.overall_fraction)
        blocker = snapshot.describe_blocker()
        phase_changed = snapshot.phase != self._last_phase
        due = now - self._last_line >= self.interval_s
        if blocker is not None and (snapshot.locker_pid != self._last_blocker or due):
            log.info("%s: %s, waiting for %s", self.target, snapshot.phase, blocker)
            self._last_line = now
            self._warn_if_idle_blocker(snapshot)
        elif phase_changed or (due and self.bar is None):
            log.info(
                "%s: %s; about %.0f%% overall%s",
                self.target,
                snapshot.describe_phase(),
                self._overall * 100,
                self._time_left(snapshot),
            )
            self._last_line = now
        self._last_phase = snapshot.phase
        self._last_blocker = snapshot.locker_pid
        if self.bar is not None:
            self.bar.n = round(self._overall * 100)
            self.bar.set_postfix_str(
                f"waiting for pid {snapshot.locker_pid}"
                if blocker
                else snapshot.describe_phase() + self._time_left(snapshot),
                refresh=False,
            )
            self.bar.refresh()

    def _time_left(self, snapshot: BuildSnapshot) -> str:
        """``, about 3 min left`` at the pace so far; empty while that pace says little.

        At 100M rows this straight-line estimate was within about 15% of the truth from 10%
        on (docs/benchmarks.md); waits on other sessions are not counted as pace.
        """
        if self._overall < _ESTIMATE_FROM or snapshot.phase.startswith("waiting"):
            return ""
        left = self._working_s * (1 - self._overall) / self._overall
        if left >= 90:
            return f", about {left / 60:.0f} min left"
        return f", about {max(left, 1):.0f} s left"

    def _warn_if_idle_blocker(self, snapshot: BuildSnapshot) -> None:
        """Say plainly when the build waits on a transaction that is doing nothing.

        Such a wait never ends by itself; when the idle transaction belongs to the program
        running the migration (a second connection left in a transaction, which with asyncpg
        keeps its snapshot even while idle), the migration waits for itself forever.
        """
        locker = snapshot.locker
        if locker is None:
            return
        pid = locker.pid
        idle = (locker.state or "").startswith("idle in transaction")
        waited = locker.seconds or 0.0
        if not idle or waited < self.interval_s or pid in self._warned_about:
            return
        self._warned_about.add(pid)
        log.warning(
            "%s cannot go on while pid %d stays idle in transaction (for %.0f s so far): "
            "CREATE INDEX CONCURRENTLY waits for every older transaction to end. If that "
            "connection belongs to this same program (an application or test connection "
            "left inside a transaction; asyncpg keeps its snapshot even while idle), the "
            "migration waits for itself forever: commit or close that connection before "
            "migrating. Otherwise end it: %s",
            self.target,
            pid,
            waited,
            signal_advice([locker], TERMINATE),
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _BuildWatch:
    """One poll of a build: its ``pg_stat_progress_create_index`` row, the bound, the report."""

    def __init__(
        self, backend_pid: int, reporter: _Reporter | None, bound: WaitBound | None
    ) -> None:
        self.backend_pid = backend_pid
        self.reporter = reporter
        self.bound = bound

    def poll(self, watch: Connection) -> None:
        # Each poll in its own transaction: statistics views are snapshotted per
        # transaction, and an open one would hold back vacuum for the whole build.
        with watch.begin():
            snapshot = read_snapshot(watch, self.backend_pid)
            if snapshot is not None and self.bound is not None:
                waiting = snapshot.phase.startswith("waiting for")
                self.bound.check(watch, waiting, snapshot.locker_pid)
        if snapshot is not None and self.reporter is not None:
            self.reporter.report(snapshot)


class _LockWaitWatch:
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


class _Watch(Protocol):
    bound: WaitBound | None

    def poll(self, watch: Connection) -> None: ...


class _Watcher(threading.Thread):
    """Polls from its own thread, on a connection of its own opened only if the statement lasts.

    Most builds (small tables: tests, CI, development databases) end within a second; they
    never pay for a second connection. An async engine's connections belong to the event
    loop of the migration, which is busy awaiting the build; the watcher then runs a private
    loop with its own async engine. Its connection gets TCP keepalive and a user timeout
    (``side_connections``), so a silent network ends it instead of hanging it.
    """

    def __init__(
        self, engine: sa.Engine, target: str, watch: _Watch, poll_s: float, start_after_s: float
    ) -> None:
        super().__init__(name="alembic-safe-unique-progress", daemon=True)
        self.engine = engine
        self.target = target
        self.watch = watch
        self.poll_s = poll_s
        self.start_after_s = start_after_s
        self.stopped = threading.Event()

    def run(self) -> None:
        if self.stopped.wait(self.start_after_s):
            return  # the statement is over before anyone needed to hear of it
        try:
            if self.engine.dialect.is_async:
                asyncio.run(self._poll_async(self.engine.url))
            else:
                self._poll_on_own_connection()
        except Exception as error:  # a failing watcher must never fail the migration
            log.debug("Progress reporting stopped: %s", error)

    def _poll_on_own_connection(self) -> None:
        try:
            watch = self.engine.connect()
            side_connections.keep_alive(watch.connection.driver_connection)
        except Exception as error:
            self._no_connection(error)
            return
        with watch:
            self._poll(watch)

    async def _poll_async(self, url: sa.URL) -> None:
        from sqlalchemy.ext.asyncio import create_async_engine

        engine = create_async_engine(
            url,
            poolclass=sa.pool.NullPool,
            connect_args=side_connections.connect_args(self.engine.dialect.driver),
        )
        try:
            async with engine.connect() as watch:
                await watch.run_sync(self._poll)
        except Exception as error:
            self._no_connection(error, url.render_as_string())
        finally:
            await engine.dispose()

    def _no_connection(self, error: Exception, where: str | None = None) -> None:
        unbounded = " and wait_timeout_s does not apply to it" if self.watch.bound else ""
        log.warning(
            "No progress for %s%s: a second connection failed (%s)%s.",
            self.target,
            f" ({where})" if where else "",
            str(error) or type(error).__name__,  # a connect timeout says nothing more
            unbounded,
        )

    def _poll(self, watch: Connection) -> None:
        while True:
            self.watch.poll(watch)
            if self.stopped.wait(self.poll_s):
                return


@contextmanager
def _watching(
    connection: Connection, target: str, watch: _Watch, poll_s: float, settings: Settings
) -> Iterator[None]:
    """Run ``watch`` from its own thread while the body runs; never wait long for it after."""
    start_after_s = min(_START_AFTER_S, settings.wait_timeout_s or _START_AFTER_S)
    watcher = _Watcher(connection.engine, target, watch, poll_s, start_after_s)
    watcher.start()
    try:
        yield
    finally:
        watcher.stopped.set()
        watcher.join(_STOP_WAIT_S)
        if watcher.is_alive():
            log.warning(
                "%s: the progress connection did not answer within %g s (a silent network or "
                "pooler?); going on without it.",
                target,
                _STOP_WAIT_S,
            )


def _bound(connection: Connection, settings: Settings) -> tuple[int, WaitBound | None]:
    backend_pid = session_backend_pid(connection)
    if settings.wait_timeout_s is None:
        return backend_pid, None
    return backend_pid, WaitBound(settings.wait_timeout_s, backend_pid)


@contextmanager
def watch_build(
    connection: Connection, target: str, settings: Settings
) -> Iterator[WaitBound | None]:
    """Report the progress of the build ``connection`` is about to run, until the body ends.

    Yields the wait bound (``settings.wait_timeout_s``), whose ``expired`` says afterwards
    whether the watcher cancelled the build.
    """
    mode = progress_mode(settings)
    if mode == "off" and settings.wait_timeout_s is None:
        yield None
        return
    backend_pid, bound = _bound(connection, settings)
    reporter = None if mode == "off" else _Reporter(target, mode, settings.progress_interval_s)
    poll_s = min(settings.progress_interval_s, _BAR_REFRESH_S if mode == "bar" else _POLL_S)
    redirect: Any = nullcontext()
    if mode == "bar":
        from tqdm.contrib.logging import logging_redirect_tqdm

        redirect = logging_redirect_tqdm(loggers=[logging.getLogger()])
    watch = _BuildWatch(backend_pid, reporter, bound)
    try:
        with redirect, _watching(connection, target, watch, poll_s, settings):
            yield bound
    finally:
        if reporter is not None:
            reporter.close()


@contextmanager
def watch_waits(
    connection: Connection, target: str, settings: Settings
) -> Iterator[WaitBound | None]:
    """Name the sessions the statement ``connection`` is about to run waits for, and bound it.

    For statements with no progress view that wait like a build (``DROP INDEX CONCURRENTLY``):
    log lines (whatever the progress mode but ``off``) and the same ``wait_timeout_s``.
    """
    mode = progress_mode(settings)
    if mode == "off" and settings.wait_timeout_s is None:
        yield None
        return
    backend_pid, bound = _bound(connection, settings)
    interval_s = settings.progress_interval_s
    watch = _LockWaitWatch(target, backend_pid, bound, mode != "off", interval_s)
    with _watching(connection, target, watch, min(interval_s, _POLL_S), settings):
        yield bound
