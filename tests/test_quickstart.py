"""The README's main command works as written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quickstart_builds_and_attaches_the_constraint() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_ad_day" in result.stdout
    assert "Done: impression_counter has uq_ad_day UNIQUE (ad_id, day)" in result.stdout
