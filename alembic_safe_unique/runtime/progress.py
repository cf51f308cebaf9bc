"""What a concurrent build is doing, read from a second connection while it runs.

``CREATE INDEX CONCURRENTLY`` on a big table can run for many minutes; PostgreSQL reports its
phase and counters in ``pg_stat_progress_create_index``. A watcher thread polls that view for the
migration's backend, and reports through the ``alembic.safe_unique.progress`` logger (which the
stock ``alembic.ini`` shows) or, on a terminal, a tqdm bar with phase changes logged above it.
Statements with no progress view (``DROP INDEX CONCURRENTLY``) have their waits named. The
thread lives in ``watcher``, the bound on waits in ``waits``.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from sqlalchemy.engine import Connection

from alembic_safe_unique.config import PROGRESS_MODES, Settings
from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.postgresql.build_progress import BuildSnapshot, read_snapshot
from alembic_safe_unique.postgresql.sessions import TERMINATE, signal_advice
from alembic_safe_unique.runtime.waits import LockWaitWatch, WaitBound, bound_for
from alembic_safe_unique.runtime.watcher import watching

log = logging.getLogger("alembic.safe_unique.progress")

# The time left is shown from this share on: before it, one phase's pace says little.
_ESTIMATE_FROM = 0.10

PROGRESS_VARIABLE = "ALEMBIC_SAFE_UNIQUE_PROGRESS"
_BAR_REFRESH_S = 0.5
_POLL_S = 1.0  # phase changes and blockers are seen within a second; lines are rarer


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
    backend_pid, bound = bound_for(connection, settings)
    reporter = None if mode == "off" else _Reporter(target, mode, settings.progress_interval_s)
    poll_s = min(settings.progress_interval_s, _BAR_REFRESH_S if mode == "bar" else _POLL_S)
    redirect: Any = nullcontext()
    if mode == "bar":
        from tqdm.contrib.logging import logging_redirect_tqdm

        redirect = logging_redirect_tqdm(loggers=[logging.getLogger()])
    watch = _BuildWatch(backend_pid, reporter, bound)
    try:
        with redirect, watching(connection, target, watch, poll_s, settings):
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
    backend_pid, bound = bound_for(connection, settings)
    interval_s = settings.progress_interval_s
    watch = LockWaitWatch(target, backend_pid, bound, mode != "off", interval_s)
    with watching(connection, target, watch, min(interval_s, _POLL_S), settings):
        yield bound
