"""The README's main command: ``alembic-safe-unique demo``, on its own embedded PostgreSQL."""

from __future__ import annotations

import os
import re
import subprocess
import sys


def test_demo_prints_the_migrations_and_the_side_by_side_table() -> None:
    executable = os.path.join(os.path.dirname(sys.executable), "alembic-safe-unique")
    result = subprocess.run(
        [executable, "demo", "--rows", "30000"],
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
    row = r"\s+([\d,.]+ (?:s|ms)|[\d,]+)"
    table = re.search(
        rf"during the migration\s+plain Alembic\s+alembic-safe-unique\n-[- ]+\n"
        rf"migration time{row}{row}\nworst write stall{row}{row}\nworst read stall{row}{row}\n"
        rf"statements completed{row}{row}\nstatements failed +0 +0\n",
        out,
    )
    assert table, out
    completed = [int(table[n].replace(",", "")) for n in (7, 8)]
    assert min(completed) > 0  # the load ran through both migrations
    assert re.search(r"one short transaction \([\d.]+ ms\)", out)
