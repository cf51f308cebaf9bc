"""How evenly a build's progress moves, and how well "time left" would have been predicted.

A thread polls ``pg_stat_progress_create_index`` once a second on its own connection while a
migration runs and reads each row as the package's own watcher does (``read_snapshot``), into
the overall percentage the package shows. From the samples: how long each phase took, and at
10%, 25%, 50%, 75% and 90% shown, what a linear estimate (elapsed / shown x what is left)
would have said against the time the build really had left.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import sqlalchemy as sa

from alembic_safe_unique.postgresql.build_progress import read_snapshot

POLL_SECONDS = 1.0
CHECKPOINTS = (0.10, 0.25, 0.50, 0.75, 0.90)

_BUILDER = sa.text("SELECT pid FROM pg_stat_progress_create_index LIMIT 1")


@dataclass(frozen=True)
class Sample:
    at: float  # time.time()
    phase: str
    overall: float  # the package's overall fraction for this row


@dataclass(frozen=True)
class Estimate:
    shown: float  # the overall fraction the estimate was made at
    elapsed_s: float
    predicted_left_s: float
    actual_left_s: float


@dataclass(frozen=True)
class ProgressFigures:
    samples: int
    build_s: float
    phase_seconds: dict[str, float]  # in the order the phases came
    estimates: list[Estimate]


class ProgressSampler:
    """Polls the build's progress in the background for as long as the block runs."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.samples: list[Sample] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProgressSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            while not self._stop.is_set():
                pid = conn.execute(_BUILDER).scalar()
                snapshot = None if pid is None else read_snapshot(conn, pid)
                if snapshot is not None:
                    self.samples.append(
                        Sample(time.time(), snapshot.phase, snapshot.overall_fraction)
                    )
                self._stop.wait(POLL_SECONDS)

    def figures(self) -> ProgressFigures | None:
        if len(self.samples) < 2:
            return None
        first, last = self.samples[0].at, self.samples[-1].at
        phases: dict[str, float] = {}
        for sample, following in zip(self.samples, self.samples[1:]):
            phases[sample.phase] = phases.get(sample.phase, 0.0) + following.at - sample.at
        estimates: list[Estimate] = []
        shown = 0.0  # the package never shows the percentage going back
        for sample in self.samples:
            shown = max(shown, sample.overall)
            while len(estimates) < len(CHECKPOINTS) and shown >= CHECKPOINTS[len(estimates)]:
                elapsed = sample.at - first
                estimates.append(
                    Estimate(shown, elapsed, elapsed * (1 - shown) / shown, last - sample.at)
                )
        return ProgressFigures(len(self.samples), last - first, phases, estimates)
