"""The progress line's arithmetic: one overall share from the phases, and the time left."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from alembic_safe_unique.postgresql import build_progress
from alembic_safe_unique.postgresql.build_progress import BuildSnapshot
from alembic_safe_unique.runtime import progress

IDLE = BuildSnapshot(
    phase="initializing",
    blocks_done=0,
    blocks_total=0,
    tuples_done=0,
    tuples_total=0,
    lockers_done=0,
    lockers_total=0,
    locker_pid=None,
    partitions_done=0,
    partitions_total=0,
    locker_state=None,
    locker_seconds=None,
    locker_query=None,
    locker_role=None,
    locker_may_signal="yes",
)


def test_the_phases_follow_each_other_and_fill_the_whole_build() -> None:
    spans = list(build_progress._PHASES.values())
    ends = [end for _, end, _ in spans]
    assert spans[0][0] == 0.0 and ends[-1] == 1.0
    for (_, end, _), (start, _, _) in zip(spans, spans[1:]):
        assert start == end


def test_overall_share_counts_the_phase_own_counter_only() -> None:
    scanning = replace(
        IDLE, phase="building index: scanning table", blocks_done=500, blocks_total=1000
    )
    assert scanning.overall_fraction == pytest.approx(0.01 + 0.45 * 0.5)
    # Sorting owns no counter: the scan's leftover blocks count for nothing there.
    assert replace(scanning, phase="building index: sorting live tuples").overall_fraction == 0.46


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_time_left_comes_from_the_pace_so_far_leaving_out_waits(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    monkeypatch.setattr(progress.time, "monotonic", clock)
    caplog.set_level(logging.INFO, logger="alembic.safe_unique.progress")
    reporter = progress._Reporter("uq on t", "log", interval_s=0.0)
    waiting = replace(IDLE, phase="waiting for writers before build", lockers_total=1)
    scanning = replace(IDLE, phase="building index: scanning table", blocks_total=1000)

    clock.now += 1
    reporter.report(waiting)
    clock.now += 20  # waiting on another session: not the build's pace
    reporter.report(replace(scanning, blocks_done=100))  # 5.5% overall: too soon to say
    clock.now += 10
    reporter.report(replace(scanning, blocks_done=500))  # 23.5% after 11 s of work

    lines = [record.getMessage() for record in caplog.records]
    assert lines[-2].endswith("; about 6% overall")
    # 11 s for 23.5%: 11 x 76.5 / 23.5 = 35.8 s to go.
    assert lines[-1].endswith("; about 24% overall, about 36 s left")

    clock.now += 600  # 611 s for 79%: 162 s to go
    reporter.report(replace(scanning, phase="index validation: scanning table", blocks_done=0))
    assert caplog.records[-1].getMessage().endswith("; about 79% overall, about 3 min left")
