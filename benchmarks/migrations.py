"""The three ways to add the unique constraint, each applied under the same pgbench load.

- plain: ``op.create_unique_constraint`` as plain Alembic autogenerates it;
- recipe: the hand-written pair (``CREATE UNIQUE INDEX CONCURRENTLY`` in an autocommit block,
  then ``ADD CONSTRAINT ... USING INDEX`` in the next revision);
- package: the two revisions the rewriter writes, with the package's default settings, and
  optionally again with ``max_parallel_maintenance_workers`` set on the database.

Each runs as ``alembic upgrade head`` in a subprocess, as a user runs it, and is undone with
``alembic downgrade base`` before the next. Its window is compared with a window of equal
length just before it, same load, no migration.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from build_progress import ProgressFigures, ProgressSampler
from latency import LatencyStats, window_stats
from pgbench_load import TAIL_SECONDS, PgbenchError, PgbenchLoad, Transaction, warm_up
from server_log import (
    ADD_CONSTRAINT,
    BUILD,
    ServerLog,
    ServerStatement,
    first_with,
    lock_window_ms,
    stall_causes,
)

from alembic_safe_unique.demo.project import CONSTRAINT_NAME, KEY_COLUMNS, TABLE_NAME, DemoProject

_BUILT = re.compile(r"Built index \S+ in ([\d.]+) s")
_HELD = re.compile(r"for ACCESS EXCLUSIVE, held it ([\d.]+) ms")
WARM_UP_SECONDS = 1.5


@dataclass
class Variant:
    """One migration to measure: its project and the database settings it runs with."""

    label: str
    project: DemoProject
    database_settings: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class MigrationRun:
    label: str
    wall_s: float
    build_s: float | None  # server-side: the CREATE INDEX, or plain's ALTER that builds
    lock_window_ms: float | None  # server-side: ADD CONSTRAINT's start to its COMMIT's end
    lock_held_ms: float | None  # the package's own figure (after the lock was granted)
    during: LatencyStats
    baseline: LatencyStats
    during_build: LatencyStats | None  # the load while the build statement ran (server log)
    # Load statements the server timed over the threshold during the migration, by the
    # migration statement that was running meanwhile: their server-side durations.
    server_stalls: dict[str, list[float]] | None
    wal_mb: float  # WAL the server wrote during the migration, the load's included
    baseline_wal_mb: float  # ... during the baseline window, scaled to the migration's length
    progress: ProgressFigures | None  # the build's progress as the package would show it


def plain_project(root: Path, url: sa.URL) -> DemoProject:
    project = DemoProject.create(root, url, rewriter=False)
    project.autogenerate("unique")
    return project


def package_project(root: Path, url: sa.URL, env_settings: str = "") -> DemoProject:
    project = DemoProject.create(root, url, rewriter=True, env_settings=env_settings)
    project.autogenerate("unique")
    return project


_RECIPE_BUILD = '''\
"""build the unique index concurrently (hand-written)"""
from alembic import op

revision = "recipe_build"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            {index!r}, {table!r}, {columns!r}, unique=True, postgresql_concurrently=True
        )


def downgrade():
    with op.get_context().autocommit_block():
        # Dropping the constraint (the next revision's downgrade) dropped the index with it.
        op.drop_index(
            {index!r}, table_name={table!r}, postgresql_concurrently=True, if_exists=True
        )
'''

_RECIPE_ATTACH = '''\
"""attach the index as the unique constraint (hand-written)"""
import sqlalchemy as sa
from alembic import op

revision = "recipe_attach"
down_revision = "recipe_build"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.text({alter!r}))


def downgrade():
    op.drop_constraint({constraint!r}, {table!r}, type_="unique")
'''


def recipe_project(root: Path, url: sa.URL, dialect: sa.Dialect) -> DemoProject:
    """The hand-written pair of revisions, the way the recipe tells a user to write them."""
    project = DemoProject.create(root, url, rewriter=False)
    versions = project.root / "migrations" / "versions"
    quote = dialect.identifier_preparer.quote
    index = CONSTRAINT_NAME
    alter = "ALTER TABLE %s ADD CONSTRAINT %s UNIQUE USING INDEX %s" % (
        quote(TABLE_NAME),
        quote(CONSTRAINT_NAME),
        quote(index),
    )
    names = {"index": index, "table": TABLE_NAME, "columns": list(KEY_COLUMNS)}
    (versions / "recipe_build.py").write_text(_RECIPE_BUILD.format(**names))
    (versions / "recipe_attach.py").write_text(
        _RECIPE_ATTACH.format(alter=alter, constraint=CONSTRAINT_NAME, table=TABLE_NAME)
    )
    return project


@contextmanager
def database_settings(engine: sa.Engine, settings: dict[str, int]) -> Iterator[None]:
    """``ALTER DATABASE <db> SET name = value`` for the block (new sessions see it)."""
    if not settings:
        yield
        return
    quote = engine.dialect.identifier_preparer.quote
    database = quote(str(engine.url.database))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for name, value in settings.items():
            conn.exec_driver_sql("ALTER DATABASE %s SET %s = %d" % (database, quote(name), value))
    try:
        yield
    finally:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for name in settings:
                conn.exec_driver_sql("ALTER DATABASE %s RESET %s" % (database, quote(name)))


@contextmanager
def logged_statements() -> Iterator[None]:
    """The migration's sessions log every statement with its server-side duration."""
    before = os.environ.get("PGOPTIONS")
    os.environ["PGOPTIONS"] = "-c log_min_duration_statement=0"
    try:
        yield
    finally:
        if before is None:
            del os.environ["PGOPTIONS"]
        else:
            os.environ["PGOPTIONS"] = before


@dataclass
class LoadSession:
    """What every measured migration shares: the server, its log and how to start the load."""

    engine: sa.Engine
    server_log: ServerLog | None
    new_load: Callable[[], PgbenchLoad]
    is_load_statement: Callable[[ServerStatement], bool]
    slow_ms: float


def migrate_under_load(session: LoadSession, variant: Variant, pre_seconds: float) -> MigrationRun:
    """``alembic upgrade head`` under load, after ``pre_seconds`` of the same load without it."""
    offset = session.server_log.offset() if session.server_log else 0
    with session.new_load() as load:
        warm_up(load, WARM_UP_SECONDS)
        quiet_from, quiet_lsn = time.time(), _wal_lsn(session.engine)
        time.sleep(pre_seconds)
        load.check_running()
        with database_settings(session.engine, variant.database_settings), logged_statements():
            started, started_lsn = time.time(), _wal_lsn(session.engine)
            with ProgressSampler(session.engine) as sampler:
                result = variant.project.alembic("upgrade", "head")
            ended, ended_lsn = time.time(), _wal_lsn(session.engine)
        time.sleep(TAIL_SECONDS)
    if result.returncode != 0:
        raise RuntimeError(f"{variant.label}: alembic upgrade head failed:\n{result.stderr}")
    if not load.transactions:
        raise PgbenchError(f"{variant.label}: pgbench logged no transactions")
    logged = session.server_log.statements_since(offset) if session.server_log else None
    baseline_wal_rate = _mb(session.engine, started_lsn, quiet_lsn) / (started - quiet_from)
    run = _figures(
        session,
        variant.label,
        load.transactions,
        logged,
        result.stderr,
        quiet_from,
        (started, ended),
    )
    run = dataclasses.replace(
        run,
        wal_mb=_mb(session.engine, ended_lsn, started_lsn),
        baseline_wal_mb=baseline_wal_rate * (ended - started),
        progress=sampler.figures(),
    )
    undone = variant.project.alembic("downgrade", "base")
    if undone.returncode != 0:
        raise RuntimeError(f"{variant.label}: alembic downgrade base failed:\n{undone.stderr}")
    return run


def _figures(
    session: LoadSession,
    label: str,
    transactions: list[Transaction],
    logged: list[ServerStatement] | None,
    migration_log: str,
    quiet_from: float,
    window: tuple[float, float],
) -> MigrationRun:
    """The run's figures from the load's log, the server's log and the migration's output."""
    started, ended = window
    load_logged = None if logged is None else [s for s in logged if session.is_load_statement(s)]
    migration = [s for s in logged or [] if not session.is_load_statement(s)]
    wall = ended - started
    baseline_start = max(quiet_from, started - wall)
    built = _BUILT.search(migration_log)
    held = [float(value) for value in _HELD.findall(migration_log)]
    build = first_with(migration, BUILD)
    if build is None:  # plain Alembic builds inside its ALTER TABLE
        build = first_with(migration, ADD_CONSTRAINT)
    build_s = build.duration_ms / 1000 if build else (float(built[1]) if built else None)
    during_build = None
    if build is not None:
        during_build = window_stats(
            transactions, build.started, build.ended, session.slow_ms, load_logged
        )
    stalls = None
    if load_logged is not None:
        overlapping = [s for s in load_logged if s.started <= ended and s.ended >= started]
        stalls = stall_causes(overlapping, migration)
    return MigrationRun(
        label=label,
        wall_s=wall,
        build_s=build_s,
        lock_window_ms=lock_window_ms(migration),
        lock_held_ms=max(held, default=None),
        during=window_stats(transactions, started, ended, session.slow_ms, load_logged),
        baseline=window_stats(transactions, baseline_start, started, session.slow_ms, load_logged),
        during_build=during_build,
        server_stalls=stalls,
        wal_mb=0.0,  # filled in by the caller, which read the WAL positions
        baseline_wal_mb=0.0,
        progress=None,
    )


def _wal_lsn(engine: sa.Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(sa.text("SELECT pg_current_wal_lsn()")).scalar_one())


def _mb(engine: sa.Engine, later: str, earlier: str) -> float:
    """Megabytes of WAL between two positions."""
    query = sa.text("SELECT pg_wal_lsn_diff(CAST(:later AS pg_lsn), CAST(:earlier AS pg_lsn))")
    with engine.connect() as conn:
        return float(conn.execute(query, {"later": later, "earlier": earlier}).scalar_one()) / 1e6
