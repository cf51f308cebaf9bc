"""Migrations running in subprocesses, and waits that end on catalog state or output."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from tests.project import AlembicProject


class Run:
    """``alembic upgrade head`` in a subprocess, its stderr read as it comes."""

    def __init__(self, project: AlembicProject) -> None:
        self.process = project.popen("upgrade", "head")
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    def finished(self) -> bool:
        return self.process.poll() is not None

    def wait(self) -> int:
        code = self.process.wait(timeout=120)
        self._reader.join(timeout=10)
        return code


def until(condition: object, what: str, timeout: float = 60) -> None:
    """Poll ``condition()`` (catalog state or a process's output) until it holds."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        time.sleep(0.02)


def build_waiting(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_progress_create_index"
                " WHERE starts_with(phase, 'waiting for')"
            ).scalar()
        )


def attach_waiting(engine: sa.Engine, table: str) -> bool:
    """Is someone waiting for ACCESS EXCLUSIVE on ``table`` (a short step's lock)?"""
    with engine.connect() as conn:
        return bool(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_locks WHERE relation = to_regclass(:table)"
                    " AND mode = 'AccessExclusiveLock' AND NOT granted"
                ),
                {"table": table},
            ).scalar()
        )


@contextmanager
def old_snapshot(engine: sa.Engine) -> Iterator[None]:
    """A REPEATABLE READ transaction on another table: every concurrent build waits for it."""
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
        conn.exec_driver_sql("SELECT count(*) FROM other")
        yield
        conn.rollback()
