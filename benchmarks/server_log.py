"""Server-side durations from PostgreSQL's own log, beside what the clients measured.

A statement pgbench saw take 200 ms either ran 200 ms in the server (a lock, I/O, a stall) or
ran in 0.1 ms and its reply waited for a CPU (on a small machine the build's processes compete
with the clients). The load's sessions log every statement slower than a threshold
(``log_min_duration_statement`` through ``PGOPTIONS``); the migration's session logs all of its
statements, which gives the build's and the attach's durations as the server timed them.

The log is read through SQL (``pg_read_file``), so it works for any server the benchmark
connects to as a superuser whose log it can find: ``pg_current_logfile()`` with the logging
collector, else the ``log`` file the embedded server writes in its data directory. Elsewhere
the server-side columns stay empty and say so.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa

# log_line_prefix's default '%m [%p] ': a millisecond timestamp, the time zone, the pid.
_DURATION_LINE = re.compile(
    r"^(?P<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) \S+ \[(?P<pid>\d+)\] LOG:  "
    r"duration: (?P<ms>[\d.]+) ms  (?:statement|execute [^:]*): (?P<sql>.*)$"
)


@dataclass(frozen=True)
class ServerStatement:
    """One statement the server logged: its backend, when it ended (epoch s), and its time."""

    pid: int
    ended: float
    duration_ms: float
    sql: str

    @property
    def started(self) -> float:
        return self.ended - self.duration_ms / 1000


class ServerLog:
    """Reads the server's log from a remembered offset; ``None`` from ``find`` if it cannot."""

    def __init__(self, engine: sa.Engine, path: str, zone: ZoneInfo) -> None:
        self.engine = engine
        self.path = path
        self.zone = zone

    @classmethod
    def find(cls, engine: sa.Engine) -> ServerLog | None:
        try:
            with engine.connect() as conn:
                path = conn.execute(sa.select(sa.func.pg_current_logfile())).scalar()
                if path is None:  # no logging collector: the embedded server's own file
                    data = conn.execute(sa.text("SHOW data_directory")).scalar()
                    path = f"{data}/log"
                conn.execute(sa.select(sa.func.pg_stat_file(path)))
                zone = conn.execute(sa.text("SHOW log_timezone")).scalar()
                prefix = conn.execute(sa.text("SHOW log_line_prefix")).scalar()
        except sa.exc.DBAPIError:  # not a superuser, or no such file
            return None
        if not str(prefix).startswith("%m [%p] "):
            return None
        return cls(engine, str(path), ZoneInfo(str(zone)))

    def offset(self) -> int:
        with self.engine.connect() as conn:
            size = sa.func.pg_stat_file(self.path).table_valued("size").render_derived()
            return int(conn.execute(sa.select(size.c.size)).scalar_one())

    def statements_since(self, offset: int) -> list[ServerStatement]:
        with self.engine.connect() as conn:
            end = self.offset()
            text = conn.execute(
                sa.select(sa.func.pg_read_file(self.path, offset, end - offset))
            ).scalar_one()
        return list(self._parse(str(text)))

    def _parse(self, text: str) -> list[ServerStatement]:
        found: list[ServerStatement] = []
        continued = False  # a statement's further lines follow its log line, tab-indented
        for line in text.splitlines():
            if line.startswith("\t") and continued:
                last = found[-1]
                found[-1] = dataclasses.replace(last, sql=f"{last.sql}\n{line[1:]}".strip())
                continue
            match = _DURATION_LINE.match(line)
            continued = match is not None
            if match is None:
                continue
            at = datetime.strptime(match["at"], "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=self.zone)
            found.append(
                ServerStatement(int(match["pid"]), at.timestamp(), float(match["ms"]), match["sql"])
            )
        return found


# The migration's steps, matched at the start of a statement (or of one of several sent as
# one string), so that a catalog query quoting such text is not taken for the step itself.
BUILD = re.compile(r"(^|;)\s*CREATE\s+UNIQUE\s+INDEX\b", re.IGNORECASE)
ADD_CONSTRAINT = re.compile(r"(^|;)\s*ALTER\s+TABLE\b[^;]*\bADD\s+CONSTRAINT\b", re.IGNORECASE)


def lock_window_ms(statements: list[ServerStatement]) -> float | None:
    """From the start of the ``ALTER TABLE ... ADD CONSTRAINT`` to the end of its
    transaction's COMMIT: an upper bound of how long the ACCESS EXCLUSIVE lock was held (it
    includes the wait for the lock)."""
    for index, statement in enumerate(statements):
        if not ADD_CONSTRAINT.search(statement.sql):
            continue
        if "COMMIT" in statement.sql.upper():
            return statement.duration_ms
        for later in statements[index + 1 :]:
            if later.pid == statement.pid and later.sql.strip().upper().startswith("COMMIT"):
                return (later.ended - statement.started) * 1000
    return None


def first_with(statements: list[ServerStatement], step: re.Pattern[str]) -> ServerStatement | None:
    """The first logged statement that runs ``step`` (``BUILD``, ``ADD_CONSTRAINT``)."""
    return next((s for s in statements if step.search(s.sql)), None)


def stall_causes(
    slow: list[ServerStatement], migration: list[ServerStatement]
) -> dict[str, list[float]]:
    """For each slow load statement, the longest migration statement running at the same
    time (its first words), or "(between the migration's statements)": the step it fell in."""
    causes: dict[str, list[float]] = {}
    for statement in slow:
        running = [
            m for m in migration if m.started <= statement.ended and m.ended >= statement.started
        ]
        longest = max(running, key=lambda m: m.duration_ms, default=None)
        label = (
            "(between the migration's statements)" if longest is None else _first_words(longest.sql)
        )
        causes.setdefault(label, []).append(statement.duration_ms)
    return causes


def _first_words(sql: str, count: int = 5) -> str:
    return " ".join(sql.split()[:count])
