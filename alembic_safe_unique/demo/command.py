"""``alembic-safe-unique demo``: what the package saves, measured on this machine in a minute.

A private PostgreSQL, a table of about a million rows, and a unique constraint added twice under
the same steady reads and writes: once as plain Alembic autogenerates it, once as this package
rewrites it. The migrations are printed, then a side-by-side table of what the load felt.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from alembic_safe_unique.demo.embedded import embedded_server
from alembic_safe_unique.demo.errors import DemoError
from alembic_safe_unique.demo.load import Load, Timing, WindowStats
from alembic_safe_unique.demo.project import (
    KEY_COLUMNS,
    TABLE_NAME,
    DemoProject,
    create_and_fill,
    events_table,
    upgrade_body,
)
from alembic_safe_unique.demo.timeline import write_timeline
from alembic_safe_unique.util.text_table import table

# Load before each migration that is not measured: connections, compiled statements, caches.
WARM_UP_S = 2.0
_LOCK_HELD = re.compile(r"for ACCESS EXCLUSIVE, held it ([\d.]+) ms")


@dataclass(frozen=True)
class Run:
    """One migration under load: when it ran, how long it took, and the load around it."""

    label: str
    started: float  # time.monotonic()
    seconds: float
    load_until: float  # the load ran (and was recorded) until then
    load: Load
    lock_held_ms: float | None
    log: str

    def during(self, window_s: float) -> WindowStats:
        """What the load saw in the ``window_s`` seconds from the migration's start."""
        return self.load.stats(self.started, self.started + window_s)

    def timings_from(self, start_s: float, end_s: float) -> list[Timing]:
        """The load's statements from ``start_s`` to ``end_s`` after the migration's start."""
        return self.load.timings(self.started + start_s, self.started + end_s)


@contextmanager
def demo_database(url: str | None) -> Iterator[sa.URL]:
    """A fresh database on the given server, or on an embedded one; dropped afterwards."""
    if url is None:
        with (
            embedded_server() as server_url,
            demo_database(server_url.render_as_string(hide_password=False)) as database_url,
        ):
            yield database_url
        return
    admin_url = make_url(url)
    name = "alembic_safe_unique_demo_" + uuid.uuid4().hex[:8]
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    quoted = admin.dialect.identifier_preparer.quote(name)
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE " + quoted)
    try:
        yield admin_url.set(database=name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)")
        admin.dispose()


def migrate_under_load(
    project: DemoProject, url: sa.URL, rows: int, label: str, *, load_for: Callable[[float], float]
) -> Run:
    """``alembic upgrade head`` under a fresh load, warmed up first. The load goes on until
    ``load_for(migration seconds)`` after the migration's start, so that windows of equal
    length can be read off both runs."""
    with start_load(url, rows) as load:
        load.warm_up(WARM_UP_S)
        started = time.monotonic()
        result = project.alembic("upgrade", "head")
        ended = time.monotonic()
        load.stop.wait(max(0.0, started + load_for(ended - started) - ended))
        load_until = time.monotonic()
    if result.returncode != 0:
        raise DemoError(f"{label}: alembic upgrade head failed:\n{result.stderr}")
    held = [float(value) for value in _LOCK_HELD.findall(result.stderr)]
    return Run(
        label, started, ended - started, load_until, load, max(held, default=None), result.stderr
    )


def equal_window_s(*runs: Run) -> float:
    """The longest migration's time, or as much of it as every run's load covered."""
    longest = max(run.seconds for run in runs)
    return min(longest, *(run.load_until - run.started for run in runs))


def start_load(url: sa.URL, rows: int) -> Load:
    return Load(
        url,
        events_table(),
        max_id=rows,
        insert_values={"payload": "demo"},
        key_columns=KEY_COLUMNS,
        update_column="hits",
    )


def comparison(plain: Run, safe: Run, window_s: float) -> str:
    """The stalls first (what users of the application notice), then throughput, then time."""
    before, after = plain.during(window_s), safe.during(window_s)

    def ms(value: float) -> str:
        return f"{value:,.0f} ms"

    rows = [
        ("worst write stall", ms(before.worst_write_ms), ms(after.worst_write_ms)),
        ("worst read stall", ms(before.worst_read_ms), ms(after.worst_read_ms)),
        ("statements per second", f"{before.per_second:,.0f}", f"{after.per_second:,.0f}"),
        ("statements failed", f"{before.errors:,}", f"{after.errors:,}"),
        ("migration time", f"{plain.seconds:.1f} s", f"{safe.seconds:.1f} s"),
    ]
    return table((f"first {window_s:.1f} s of each", "plain Alembic", "alembic-safe-unique"), rows)


def run(
    rows: int = 1_000_000, url: str | None = None, keep: bool = False, plot: Path | None = None
) -> int:
    if rows < 1000:
        raise DemoError("--rows must be at least 1000 for the figures to mean anything.")
    workdir = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-demo-"))
    try:
        with demo_database(url) as database_url:
            print(f"PostgreSQL ready. Creating {TABLE_NAME} with {rows:,} rows:")
            engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool)
            create_and_fill(engine, rows)
            engine.dispose()
            plain = DemoProject.create(workdir / "plain", database_url, rewriter=False)
            safe = DemoProject.create(workdir / "safe", database_url, rewriter=True)
            print("\nThe model gains UniqueConstraint('account_id', 'external_id'). Autogenerate:")
            _show("plain Alembic", plain.autogenerate("unique account_id, external_id"))
            _show(
                "with alembic_safe_unique.rewriter in env.py",
                safe.autogenerate("unique account_id, external_id"),
            )
            print(
                f"\nApplying each under the same load (2 writers, 2 readers, {WARM_UP_S:.0f} s "
                "of warm-up each)..."
            )
            # The usually longer migration (the concurrent build) first, its load kept on as
            # long again; plain Alembic's load then runs at least as long as the safe one
            # took, so both are read over windows of the same length, the longer one's time.
            safe_run = migrate_under_load(
                safe, database_url, rows, "alembic-safe-unique", load_for=lambda s: 2 * s
            )
            if safe.alembic("downgrade", "base").returncode != 0:
                raise DemoError("alembic-safe-unique: downgrade base failed")
            plain_run = migrate_under_load(
                plain,
                database_url,
                rows,
                "plain Alembic",
                load_for=lambda s: max(s, safe_run.seconds),
            )
            window_s = equal_window_s(plain_run, safe_run)
            print("\n" + _indent(safe_run.log.strip()))
            print(
                f"\nWhat the load saw in the first {window_s:.1f} s of each migration "
                "(the longer one's time):\n"
            )
            print(comparison(plain_run, safe_run, window_s))
            print(
                f"\nPlain Alembic holds ACCESS EXCLUSIVE on {TABLE_NAME} for the whole index "
                "build: every read and write waits. The safe migration builds the index "
                "CONCURRENTLY, then attaches it as the constraint in one short transaction"
                + (f" ({safe_run.lock_held_ms:.1f} ms)." if safe_run.lock_held_ms else ".")
            )
            if plot is not None:
                write_timeline(plot, plain_run, safe_run, window_s=window_s)
                print(f"\nThe statements' latencies over time: {plot}")
    finally:
        if keep:
            print(f"\nThe projects are kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _show(title: str, paths: list[Path]) -> None:
    print(f"\n== {title}: {len(paths)} revision file(s)")
    for path in paths:
        print(f"\n-- {path.name}\n{_indent(upgrade_body(path))}")


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
