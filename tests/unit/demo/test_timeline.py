"""The demo's latency timeline (``demo --plot``), drawn from made-up timings: no server."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from alembic_safe_unique.demo.load import Timing
from alembic_safe_unique.demo.timeline import worst_per_bucket, write_timeline

SVG = "{http://www.w3.org/2000/svg}"


@dataclass
class FakeRun:
    label: str
    seconds: float
    timings: list[Timing] = field(default_factory=list)
    started: float = 100.0

    def timings_from(self, start_s: float, end_s: float) -> list[Timing]:
        return [
            t
            for t in self.timings
            if t.started <= self.started + end_s and t.ended >= self.started + start_s
        ]


def steady(run: FakeRun, stall_at_s: float | None = None, stall_s: float = 0.0) -> FakeRun:
    """A statement of each kind every 10 ms over 3 s, 1 ms each; one stall if asked."""
    for step in range(-100, 200):
        at = run.started + step / 100
        took = stall_s if stall_at_s is not None and abs(step / 100 - stall_at_s) < 1e-9 else 0.001
        run.timings += [Timing("write", at, at + took), Timing("read", at, at + took)]
    return run


def test_worst_per_bucket_keeps_the_stall_and_leaves_empty_buckets_out() -> None:
    timings = [
        Timing("write", 10.0, 10.001),
        Timing("write", 10.01, 11.2),
        Timing("read", 10.2, 10.3),
    ]
    # Both writes started in the first 50 ms: the bucket keeps the 1,190 ms one.
    assert worst_per_bucket(timings, 10.0, 0.0, 1.0, "write") == [(0.0, pytest.approx(1190))]
    assert worst_per_bucket(timings, 10.0, 0.0, 1.0, "read") == [
        (pytest.approx(0.2), pytest.approx(100))
    ]


def test_plot_shows_both_migrations_on_one_time_axis_with_the_stall_highest(
    tmp_path: Path,
) -> None:
    plain = steady(FakeRun("plain Alembic", 0.8), stall_at_s=0.5, stall_s=0.9)
    safe = steady(FakeRun("alembic-safe-unique", 2.0))
    path = tmp_path / "timeline.svg"

    write_timeline(path, plain, safe, window_s=2.0)

    svg = ET.parse(path).getroot()
    assert svg.tag == f"{SVG}svg"
    texts = [element.text or "" for element in svg.iter(f"{SVG}text")]
    assert "plain Alembic: migration 0.8 s (shaded)" in texts
    assert "alembic-safe-unique: migration 2.0 s (shaded)" in texts
    assert {"-1 s", "0 s", "1 s", "2 s"} <= set(texts)
    lines = list(svg.iter(f"{SVG}polyline"))
    assert [line.get("stroke") for line in lines] == ["#d62728", "#1f77b4"] * 2

    def highest_point(line: ET.Element) -> float:  # SVG's y grows downwards
        return min(float(point.split(",")[1]) for point in (line.get("points") or "").split())

    plain_write, _, safe_write, _ = lines
    panel_height = 200
    # The plain panel's stall peaks near the top of its panel; the safe panel stays low.
    assert highest_point(plain_write) < 30 + panel_height * 0.2
    assert highest_point(safe_write) > 30 + panel_height + 50 + panel_height * 0.5
