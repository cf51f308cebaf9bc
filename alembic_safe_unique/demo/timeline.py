"""``demo --plot FILE``: the load's latency over time for both migrations, as an SVG.

One panel per migration, the same time axis (seconds from the migration's start) and the same
logarithmic latency axis, so a stall reads the same in both: the worst write and the worst read
that started in each short bucket, and the migration's span shaded. Hand-written SVG through
``xml.etree``: no plotting library to install for one picture.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from alembic_safe_unique.demo.load import Timing

BUCKET_S = 0.05
BEFORE_S = 1.0  # the warmed-up load just before the migration, for comparison
WIDTH, PANEL_HEIGHT, LEFT, RIGHT, TOP, GAP, BOTTOM = 760, 200, 70, 20, 30, 50, 40
COLOURS = {"write": "#d62728", "read": "#1f77b4"}


class MeasuredRun(Protocol):
    """What the timeline needs of a demo run (``command.Run``)."""

    @property
    def label(self) -> str: ...
    @property
    def started(self) -> float: ...
    @property
    def seconds(self) -> float: ...

    def timings_from(self, start_s: float, end_s: float) -> Sequence[Timing]: ...


def worst_per_bucket(
    timings: Sequence[Timing], origin: float, start_s: float, end_s: float, kind: str
) -> list[tuple[float, float]]:
    """(bucket start in seconds from ``origin``, worst latency in ms) for statements of
    ``kind`` that started in each bucket; buckets where none started are left out."""
    worst: dict[int, float] = {}
    for timing in timings:
        at = timing.started - origin
        if timing.kind == kind and start_s <= at < end_s:
            bucket = math.floor(at / BUCKET_S + 1e-9)  # 0.2 s is in the bucket from 0.2 s
            worst[bucket] = max(worst.get(bucket, 0.0), timing.ms)
    return [(bucket * BUCKET_S, ms) for bucket, ms in sorted(worst.items())]


def timeline_svg(runs: Sequence[MeasuredRun], window_s: float) -> ET.Element:
    start_s, end_s = -BEFORE_S, window_s
    series = {
        run.label: {
            kind: worst_per_bucket(
                run.timings_from(start_s, end_s), run.started, start_s, end_s, kind
            )
            for kind in COLOURS
        }
        for run in runs
    }
    highest = max([ms for kinds in series.values() for p in kinds.values() for _, ms in p] or [1])
    low, high = 0.1, 10 ** math.ceil(math.log10(max(highest, 1.0)))
    plot_width = WIDTH - LEFT - RIGHT
    height = TOP + len(runs) * (PANEL_HEIGHT + GAP) + BOTTOM - GAP

    def x(seconds: float) -> float:
        return LEFT + (seconds - start_s) / (end_s - start_s) * plot_width

    svg = ET.Element(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        width=str(WIDTH),
        height=str(height),
        viewBox=f"0 0 {WIDTH} {height}",
        style="font: 12px sans-serif",
    )
    ET.SubElement(svg, "title").text = "Worst statement latency per 50 ms, by migration"
    for index, run in enumerate(runs):
        top = TOP + index * (PANEL_HEIGHT + GAP)

        def y(ms: float, top: float = top) -> float:
            share = (math.log10(max(ms, low)) - math.log10(low)) / math.log10(high / low)
            return top + PANEL_HEIGHT * (1 - share)

        ET.SubElement(
            svg,
            "rect",
            x=f"{x(0):.1f}",
            y=str(top),
            width=f"{x(min(run.seconds, end_s)) - x(0):.1f}",
            height=str(PANEL_HEIGHT),
            fill="#eeeeee",
        )
        ET.SubElement(
            svg, "text", x=str(LEFT), y=str(top - 8)
        ).text = f"{run.label}: migration {run.seconds:.1f} s (shaded)"
        decade = low
        while decade <= high:
            ET.SubElement(
                svg,
                "line",
                x1=str(LEFT),
                x2=str(WIDTH - RIGHT),
                y1=f"{y(decade):.1f}",
                y2=f"{y(decade):.1f}",
                stroke="#cccccc",
            )
            label = ET.SubElement(
                svg,
                "text",
                x=str(LEFT - 6),
                y=f"{y(decade) + 4:.1f}",
                attrib={"text-anchor": "end"},
            )
            label.text = f"{decade:g} ms"
            decade *= 10
        for kind, colour in COLOURS.items():
            points = series[run.label][kind]
            if points:
                ET.SubElement(
                    svg,
                    "polyline",
                    points=" ".join(f"{x(at):.1f},{y(ms):.1f}" for at, ms in points),
                    fill="none",
                    stroke=colour,
                    attrib={"stroke-width": "1.2"},
                )
    axis_y = TOP + len(runs) * (PANEL_HEIGHT + GAP) - GAP + 16
    second = math.ceil(start_s)
    while second <= end_s:
        ET.SubElement(
            svg, "text", x=f"{x(second):.1f}", y=str(axis_y), attrib={"text-anchor": "middle"}
        ).text = f"{second} s"
        second += max(1, math.ceil(window_s / 10))
    legend = ET.SubElement(svg, "text", x=str(WIDTH - RIGHT), y=str(axis_y + 18))
    legend.set("text-anchor", "end")
    legend.text = "worst write (red) and read (blue) started in each 50 ms; 0 s: migration start"
    return svg


def write_timeline(path: Path, *runs: MeasuredRun, window_s: float) -> None:
    """Write the timeline of ``runs`` to ``path`` as an SVG file."""
    tree = ET.ElementTree(timeline_svg(runs, window_s))
    ET.indent(tree)
    tree.write(path, encoding="unicode", xml_declaration=True)
