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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from alembic_safe_unique.demo.embedded import embedded_server
from alembic_safe_unique.demo.errors import DemoError
from alembic_safe_unique.demo.load import Load, WindowStats
from alembic_safe_unique.demo.project import (
    KEY_COLUMNS,
    TABLE_NAME,
    DemoProject,
    create_and_fill,
    events_table,
    upgrade_body,
)
from alembic_safe_unique.util.text_table import table

WARM_UP_S = 1.5
_LOCK_HELD = re.compile(r"for ACCESS EXCLUSIVE, held it ([\d.]+) ms")


@dataclass(frozen=True)
class Run:
    """One migration under load: how long it took and what the load saw meanwhile."""

    label: str
    seconds: float
    during: WindowStats
    lock_held_ms: float | None
    log: str


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


def migrate_under_load(load: Load, project: DemoProject, label: str) -> Run:
    """``alembic upgrade head`` while ``load`` runs; the window is the command's lifetime."""
    time.sleep(WARM_UP_S)
    started = time.monotonic()
    result = project.alembic("upgrade", "head")
    ended = time.monotonic()
    if result.returncode != 0:
        raise DemoError(f"{label}: alembic upgrade head failed:\n{result.stderr}")
    held = [float(value) for value in _LOCK_HELD.findall(result.stderr)]
    return Run(
        label, ended - started, load.stats(started, ended), max(held, default=None), result.stderr
    )


def start_load(url: sa.URL, rows: int) -> Load:
    return Load(
        url,
        events_table(),
        max_id=rows,
        insert_values={"payload": "demo"},
        key_columns=KEY_COLUMNS,
        update_column="hits",
    )


def comparison(plain: Run, safe: Run) -> str:
    def ms(value: float) -> str:
        return f"{value:,.0f} ms"

    rows = [
        ("migration time", f"{plain.seconds:.1f} s", f"{safe.seconds:.1f} s"),
        ("worst write stall", ms(plain.during.worst_write_ms), ms(safe.during.worst_write_ms)),
        ("worst read stall", ms(plain.during.worst_read_ms), ms(safe.during.worst_read_ms)),
        ("statements completed", f"{plain.during.statements:,}", f"{safe.during.statements:,}"),
        ("statements failed", f"{plain.during.errors:,}", f"{safe.during.errors:,}"),
    ]
    return table(("during the migration", "plain Alembic", "alembic-safe-unique"), rows)


def run(rows: int = 1_000_000, url: str | None = None, keep: bool = False) -> int:
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
            print("\nApplying each under the same load (2 writers, 2 readers)...")
            with start_load(database_url, rows) as load:
                plain_run = migrate_under_load(load, plain, "plain Alembic")
            if plain.alembic("downgrade", "base").returncode != 0:
                raise DemoError("plain Alembic: downgrade base failed")
            with start_load(database_url, rows) as load:
                safe_run = migrate_under_load(load, safe, "alembic-safe-unique")
            print("\n" + _indent(safe_run.log.strip()))
            print("\n" + comparison(plain_run, safe_run))
            print(
                f"\nPlain Alembic holds ACCESS EXCLUSIVE on {TABLE_NAME} for the whole index "
                "build: every read and write waits. The safe migration builds the index "
                "CONCURRENTLY, then attaches it as the constraint in one short transaction"
                + (f" ({safe_run.lock_held_ms:.1f} ms)." if safe_run.lock_held_ms else ".")
            )
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
