"""A concurrent build's progress as ``pg_stat_progress_create_index`` reports it.

One row per poll: the phase, its counters, and the session the build waits for if any. The
phases are weighed into one overall share, so one number can say how far the build is.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.postgresql.sessions import ROLE_AND_MAY_SIGNAL, OtherSession

_PROGRESS = sa.text(
    """
    SELECT p.phase, p.blocks_done, p.blocks_total, p.tuples_done, p.tuples_total,
           p.lockers_done, p.lockers_total, nullif(p.current_locker_pid, 0),
           p.partitions_done, p.partitions_total,
           a.state,
           extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::float8,
           left(a.query, 200), """
    + ROLE_AND_MAY_SIGNAL
    + """
      FROM pg_stat_progress_create_index p
      LEFT JOIN pg_stat_activity a ON a.pid = nullif(p.current_locker_pid, 0)
     WHERE p.pid = :pid
    """
)

# Where each phase sits in the whole build (for one overall percentage) and which counter
# measures it. The split is each phase's share of the time a 100M-row build took with no
# parallel workers (docs/benchmarks.md): the scan 45%, the load 18%, the validation's index
# scan 12% and table scan 20%, the sorts and waits 1-2% each. Counters a phase does not own
# can hold the previous phase's values, so only its own is read.
_PHASES: dict[str, tuple[float, float, str | None]] = {
    "initializing": (0.0, 0.0, None),
    "waiting for writers before build": (0.0, 0.01, "lockers"),
    "building index: scanning table": (0.01, 0.46, "blocks"),
    "building index: sorting live tuples": (0.46, 0.48, None),
    "building index: loading tuples in tree": (0.48, 0.65, "tuples"),
    "waiting for writers before validation": (0.65, 0.66, "lockers"),
    "index validation: scanning index": (0.66, 0.78, "blocks"),
    "index validation: sorting tuples": (0.78, 0.79, None),
    "index validation: scanning table": (0.79, 0.99, "blocks"),
    "waiting for old snapshots": (0.99, 1.0, "lockers"),
}


@dataclass(frozen=True)
class BuildSnapshot:
    """One row of ``pg_stat_progress_create_index`` for the build, with its blocker if any."""

    phase: str
    blocks_done: int
    blocks_total: int
    tuples_done: int
    tuples_total: int
    lockers_done: int
    lockers_total: int
    locker_pid: int | None
    partitions_done: int
    partitions_total: int
    locker_state: str | None
    locker_seconds: float | None
    locker_query: str | None
    locker_role: str | None
    locker_may_signal: str

    @property
    def locker(self) -> OtherSession | None:
        """The session the build waits for, if any."""
        if self.locker_pid is None:
            return None
        return OtherSession(
            self.locker_pid,
            self.locker_state,
            self.locker_seconds,
            self.locker_query,
            self.locker_role,
            self.locker_may_signal,
        )

    @property
    def _counter(self) -> tuple[str, int, int] | None:
        kind = _PHASES.get(self.phase, (0.0, 0.0, None))[2]
        done, total, label = {
            "blocks": (self.blocks_done, self.blocks_total, "blocks"),
            "tuples": (self.tuples_done, self.tuples_total, "tuples"),
            "lockers": (self.lockers_done, self.lockers_total, "transactions"),
        }.get(kind or "", (0, 0, ""))
        return (label, done, total) if total else None

    @property
    def phase_fraction(self) -> float | None:
        counter = self._counter
        return None if counter is None else min(counter[1] / counter[2], 1.0)

    @property
    def overall_fraction(self) -> float:
        start, end, _ = _PHASES.get(self.phase, (0.0, 0.0, None))
        return start + (end - start) * (self.phase_fraction or 0.0)

    def describe_phase(self) -> str:
        text = self.phase
        counter = self._counter
        if counter is not None:
            label, done, total = counter
            text += f" {min(done / total, 1.0):.0%} ({label} {done:,} of {total:,})"
        if self.partitions_total:
            text += f", partition {self.partitions_done + 1:,} of {self.partitions_total:,}"
        return text

    def describe_blocker(self) -> str | None:
        locker = self.locker
        return None if locker is None else locker.describe()


def read_snapshot(connection: Connection, backend_pid: int) -> BuildSnapshot | None:
    row = connection.execute(_PROGRESS, {"pid": backend_pid}).first()
    if row is None or row[0] is None:
        return None
    return BuildSnapshot(*row)
