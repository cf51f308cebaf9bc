"""Steady reads and writes against a table, timing every statement, for the demo and benchmark.

Writers insert new rows (keys nobody else uses, so the unique being added never rejects them)
and update existing ones; readers fetch rows by primary key. Each statement's start and end are
kept, so the worst stall in any time window (the migration's) can be read off afterwards.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from alembic_safe_unique.demo.errors import DemoError


@dataclass(frozen=True)
class WindowStats:
    """What the load saw during one window of time."""

    writes: int
    reads: int
    worst_write_ms: float
    worst_read_ms: float
    errors: int

    @property
    def statements(self) -> int:
        return self.writes + self.reads


# Keys for inserted rows: negative, never reused in the process, so a second load on the same
# table (the demo's second migration) cannot insert a duplicate of the first one's rows.
_FRESH_KEYS = itertools.count(1)


class _Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timings: list[tuple[str, float, float]] = []  # (kind, started, ended)
        self.errors: list[tuple[float, str]] = []

    def add(self, kind: str, started: float, ended: float) -> None:
        with self.lock:
            self.timings.append((kind, started, ended))


class Load:
    """Readers and writers on ``table`` until stopped; ``stats(start, end)`` for any window.

    ``table`` needs an integer primary key ``id`` (ids ``1..max_id`` exist), and the columns
    named in ``insert_values`` (called with a fresh negative number for unique keys) and
    ``update_column`` (an integer column the writers increment).
    """

    def __init__(
        self,
        url: sa.URL,
        table: sa.Table,
        max_id: int,
        insert_values: dict[str, object],
        key_columns: tuple[str, ...],
        update_column: str,
        *,
        writers: int = 2,
        readers: int = 2,
    ) -> None:
        self.engine = sa.create_engine(
            url, pool_size=writers + readers, isolation_level="AUTOCOMMIT"
        )
        self.table = table
        self.max_id = max_id
        self.insert_values = insert_values
        self.key_columns = key_columns
        self.update_column = update_column
        self.recorder = _Recorder()
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._write, name=f"writer-{n}", daemon=True)
            for n in range(writers)
        ] + [
            threading.Thread(target=self._read, name=f"reader-{n}", daemon=True)
            for n in range(readers)
        ]

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(120)
        self.engine.dispose()

    def _loop(self, kind: str, statement_for: Callable[[], tuple[Any, dict[str, object]]]) -> None:
        with self.engine.connect() as conn:
            while not self.stop.is_set():
                statement, params = statement_for()
                started = time.monotonic()
                try:
                    conn.execute(statement, params)
                except sa.exc.DBAPIError as error:
                    self.recorder.errors.append((started, str(error.orig).splitlines()[0]))
                    continue
                self.recorder.add(kind, started, time.monotonic())

    def _write(self) -> None:
        table, rng = self.table, random.Random()
        column = table.c[self.update_column]
        update = (
            table.update().where(table.c.id == sa.bindparam("row")).values({column: column + 1})
        )
        insert = table.insert()

        def next_write() -> tuple[Any, dict[str, object]]:
            if rng.random() < 0.5:
                key = -next(_FRESH_KEYS)
                values = dict(self.insert_values)
                values.update({name: key for name in self.key_columns})
                return insert, values
            return update, {"row": rng.randint(1, self.max_id)}

        self._loop("write", next_write)

    def _read(self) -> None:
        table, rng = self.table, random.Random()
        select = sa.select(table).where(table.c.id == sa.bindparam("row"))
        self._loop("read", lambda: (select, {"row": rng.randint(1, self.max_id)}))

    def stats(self, start: float, end: float) -> WindowStats:
        """Statements that overlapped ``[start, end]``: a statement stalled across the window
        counts with its whole wait, the stall a user of the application would have seen."""
        with self.recorder.lock:
            timings = [t for t in self.recorder.timings if t[1] <= end and t[2] >= start]
            errors = sum(1 for at, _ in self.recorder.errors if start <= at <= end)
        if errors and not timings:
            raise DemoError(f"The load failed: {self.recorder.errors[0][1]}")
        writes = [t[2] - t[1] for t in timings if t[0] == "write"]
        reads = [t[2] - t[1] for t in timings if t[0] == "read"]
        return WindowStats(
            writes=len(writes),
            reads=len(reads),
            worst_write_ms=max(writes, default=0.0) * 1000,
            worst_read_ms=max(reads, default=0.0) * 1000,
            errors=errors,
        )
