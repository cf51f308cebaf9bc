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

    seconds: float
    writes: int
    reads: int
    worst_write_ms: float
    worst_read_ms: float
    errors: int

    @property
    def statements(self) -> int:
        return self.writes + self.reads

    @property
    def per_second(self) -> float:
        """Statements completed per second: comparable between windows of any length."""
        return self.statements / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class Timing:
    """One statement of the load: what it was, when it started, how long it waited."""

    kind: str  # "write" or "read"
    started: float  # time.monotonic()
    ended: float

    @property
    def ms(self) -> float:
        return (self.ended - self.started) * 1000


# Keys for inserted rows: negative, never reused in the process, so a second load on the same
# table (the demo's second migration) cannot insert a duplicate of the first one's rows.
_FRESH_KEYS = itertools.count(1)


class _Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timings: list[Timing] = []
        self.errors: list[tuple[float, str]] = []
        self.threads_done_one: set[str] = set()

    def add(self, kind: str, started: float, ended: float) -> None:
        with self.lock:
            self.timings.append(Timing(kind, started, ended))
            self.threads_done_one.add(threading.current_thread().name)


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

    def warm_up(self, seconds: float, timeout_s: float = 60.0) -> None:
        """Return once every reader and writer has completed a statement and ``seconds`` more
        have passed: connections opened, statements compiled, caches filled, so that what is
        measured next is the steady load, the same for every run."""
        deadline = time.monotonic() + timeout_s
        while True:
            with self.recorder.lock:
                ready = len(self.recorder.threads_done_one) == len(self.threads)
                failure = self.recorder.errors[0][1] if self.recorder.errors else None
            if ready:
                break
            if time.monotonic() > deadline:
                raise DemoError(f"The load did not start within {timeout_s:.0f} s: {failure}")
            self.stop.wait(0.05)
        self.stop.wait(seconds)

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

    def timings(self, start: float, end: float) -> list[Timing]:
        """Statements that overlapped ``[start, end]``, in the order they ended."""
        with self.recorder.lock:
            return [t for t in self.recorder.timings if t.started <= end and t.ended >= start]

    def stats(self, start: float, end: float) -> WindowStats:
        """Statements that overlapped ``[start, end]``: a statement stalled across the window
        counts with its whole wait, the stall a user of the application would have seen."""
        timings = self.timings(start, end)
        with self.recorder.lock:
            errors = sum(1 for at, _ in self.recorder.errors if start <= at <= end)
        if errors and not timings:
            raise DemoError(f"The load failed: {self.recorder.errors[0][1]}")
        writes = [t.ms for t in timings if t.kind == "write"]
        reads = [t.ms for t in timings if t.kind == "read"]
        return WindowStats(
            seconds=end - start,
            writes=len(writes),
            reads=len(reads),
            worst_write_ms=max(writes, default=0.0),
            worst_read_ms=max(reads, default=0.0),
            errors=errors,
        )
