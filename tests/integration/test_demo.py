"""The README's main command: ``alembic-safe-unique demo``, on its own embedded PostgreSQL."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.fixtures.docs_samples import assert_lines_as_documented

ROOT = Path(__file__).resolve().parents[2]


def test_demo_prints_the_migrations_and_the_side_by_side_table(tmp_path: Path) -> None:
    executable = os.path.join(os.path.dirname(sys.executable), "alembic-safe-unique")
    plot = tmp_path / "timeline.svg"
    result = subprocess.run(
        [executable, "demo", "--rows", "30000", "--plot", str(plot)],
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stderr  # e.g. platformdirs' RuntimeDirWarning, on line one
    out = result.stdout
    assert "Creating demo_events with 30,000 rows" in out
    plain, safe = out.split("== plain Alembic: 1 revision file(s)")[1].split("== with alembic")
    assert "op.create_unique_constraint('uq_demo_events_account_external'" in plain
    assert "2 revision file(s)" in safe
    assert "with op.get_context().autocommit_block():" in safe
    assert "op.create_index_concurrently('uq_demo_events_account_external'" in safe
    assert "op.attach_unique_constraint('uq_demo_events_account_external'" in safe
    # The stalls first, then statements per second, failures, and the migrations' times last.
    row = r"\s+([\d,.]+ (?:s|ms)|[\d,]+)"
    table = re.search(
        r"first ([\d.]+) s of each\s+plain Alembic\s+alembic-safe-unique\n-[- ]+\n"
        rf"worst write stall{row}{row}\nworst read stall{row}{row}\n"
        rf"statements per second{row}{row}\nstatements failed +0 +0\n"
        rf"migration time{row}{row}\n",
        out,
    )
    assert table, out
    per_second = [int(table[n].replace(",", "")) for n in (6, 7)]
    assert min(per_second) > 0  # the load ran through both migrations
    # Both runs are read over the same window: the longer migration's time.
    times = [float(table[n].removesuffix(" s")) for n in (8, 9)]
    assert float(table[1]) == max(times), out
    assert f"What the load saw in the first {table[1]} s of each migration" in out
    assert re.search(r"one short transaction \([\d.]+ ms\)", out)
    assert f"The statements' latencies over time: {plot}" in out
    svg = ET.parse(plot).getroot()
    titles = [text.text for text in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert f"plain Alembic: migration {times[0]:.1f} s (shaded)" in titles
    assert f"alembic-safe-unique: migration {times[1]:.1f} s (shaded)" in titles
    assert len(list(svg.iter("{http://www.w3.org/2000/svg}polyline"))) == 4
    # The README quotes a real run: the same table, figures aside.
    readme = (ROOT / "README.md").read_text().split("alembic-safe-unique demo\n```\n", 1)[1]
    quoted = re.search(r"```text\n(.*?)```", readme, re.S)
    assert quoted is not None
    assert_lines_as_documented(quoted[1], out, "README.md's demo table")
