"""The small-table path: what each way of adding a unique constraint costs when the table is tiny.

Test suites, CI and development databases run every revision on small or empty tables, where
the build takes no time and what is left is the client's work and its round trips. Four
projects on one database, each with ``revisions`` ops (plus one untimed warm-up op): plain
``op.create_unique_constraint``; the same inside ``assume_safe()``, which the run-time guard
lets through before it asks the catalog anything (plain minus that is what the guard costs);
the hand-written recipe (two revisions per op); and the two revisions the package's rewriter
writes. Ops alternate between the styles (the order rotates each round) and run in this
process, each as ``alembic.command.upgrade`` runs it (env.py, a new connection, the revisions
up to the target), so no interpreter start-up is in the figures. The one difference: each
project's revision files are read once, not again for every op, so that a style with two
revisions per op is not charged for reading more files.

    .venv/bin/python benchmarks/small_tables.py                 # embedded PostgreSQL 18, idle
    .venv/bin/python benchmarks/small_tables.py --under-load    # with the pgbench load running
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory

sys.path.insert(0, str(Path(__file__).resolve().parent))
from migrations import LoadSession
from pgbench_load import warm_up

from alembic_safe_unique.demo.project import DemoProject

# "unguarded" is "plain" inside assume_safe(): the run-time guard lets it through before it
# asks the catalog anything, so plain - unguarded is what the default guard costs a plain op.
STYLES = ("plain", "unguarded", "recipe", "package")
COLUMNS = ["a", "b"]

_HEAD = '''\
"""{style} unique constraint on {table}"""
import sqlalchemy as sa
from alembic import op

import alembic_safe_unique  # noqa: F401

revision = {revision!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
'''

_BODIES = {
    "plain": [
        "    op.create_unique_constraint({name!r}, {table!r}, {columns!r})\n",
    ],
    "unguarded": [
        "    with alembic_safe_unique.assume_safe('benchmark: the guard left out'):\n"
        "        op.create_unique_constraint({name!r}, {table!r}, {columns!r})\n",
    ],
    "recipe": [
        "    with op.get_context().autocommit_block():\n"
        "        op.create_index(\n"
        "            {name!r}, {table!r}, {columns!r}, unique=True, postgresql_concurrently=True\n"
        "        )\n",
        "    op.execute(sa.text({alter!r}))\n",
    ],
    "package": [
        "    with op.get_context().autocommit_block():\n"
        "        op.create_index_concurrently({name!r}, {table!r}, {columns!r}, unique=True)\n",
        "    with op.get_context().autocommit_block():\n"
        "        op.attach_unique_constraint({name!r}, {table!r}, {columns!r})\n",
    ],
}


@dataclass(frozen=True)
class SmallTableFigures:
    """Median milliseconds per op for each style, and every op's time."""

    revisions: int
    rows_per_table: int
    under_load: bool
    plain_ms: float
    unguarded_ms: float
    recipe_ms: float
    package_ms: float
    all_ms: dict[str, list[float]]
    statements_per_op: dict[str, int]  # counted on one more op, untimed
    connections_per_op: dict[str, int]


@contextmanager
def counting(counts: dict[str, int]) -> Iterator[None]:
    """Count the statements sent and the connections opened in the block (any engine)."""

    def statement(*args: Any) -> None:
        counts["statements"] += 1

    def connection(*args: Any) -> None:
        counts["connections"] += 1

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", statement)
    sa.event.listen(sa.pool.Pool, "connect", connection)
    try:
        yield
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", statement)
        sa.event.remove(sa.pool.Pool, "connect", connection)


def _table_name(style: str, number: int) -> str:
    return "small_%s_%03d" % (style, number)


def _write_revisions(project: DemoProject, style: str, ops: int, dialect: sa.Dialect) -> list[str]:
    """The style's revision files; the revision id each op ends at."""
    versions = project.root / "migrations" / "versions"
    quote = dialect.identifier_preparer.quote
    down = None
    targets = []
    for number in range(ops):
        table = _table_name(style, number)
        name = "uq_" + table
        alter = "ALTER TABLE %s ADD CONSTRAINT %s UNIQUE USING INDEX %s" % (
            quote(table),
            quote(name),
            quote(name),
        )
        for step, body in enumerate(_BODIES[style]):
            revision = "%s_%03d_%d" % (style, number, step)
            text = _HEAD.format(style=style, table=table, revision=revision, down=down)
            text += body.format(name=name, table=table, columns=COLUMNS, alter=alter)
            (versions / f"{revision}.py").write_text(text)
            down = revision
        targets.append(down)
    return [str(target) for target in targets]


def _project(root: Path, url: sa.URL, style: str) -> tuple[Config, DemoProject]:
    """An ``alembic init`` project with its own version table, so three share one database."""
    project = DemoProject.create(root / style, url, rewriter=False)
    env = project.root / "migrations" / "env.py"
    env.write_text(
        env.read_text().replace(
            "target_metadata=target_metadata",
            f"target_metadata=target_metadata, version_table='alembic_version_{style}'",
        )
    )
    return Config(str(project.root / "alembic.ini")), project


def _upgrader(config: Config) -> Callable[[str], None]:
    """``alembic.command.upgrade(config, target)`` over a script directory read once."""
    script = ScriptDirectory.from_config(config)

    def upgrade(target: str) -> None:
        def steps(revision: Any, context: Any) -> Any:
            return script._upgrade_revs(target, revision)  # what command.upgrade runs

        with EnvironmentContext(config, script, fn=steps, destination_rev=target):
            script.run_env()

    return upgrade


def _create_tables(engine: sa.Engine, ops: int, rows: int) -> None:
    metadata = sa.MetaData()
    tables = [
        sa.Table(
            _table_name(style, number),
            metadata,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("a", sa.Integer, nullable=False),
            sa.Column("b", sa.Integer, nullable=False),
        )
        for style in STYLES
        for number in range(ops)
    ]
    metadata.create_all(engine)
    if rows:
        with engine.begin() as conn:
            for table in tables:
                conn.execute(table.insert(), [{"a": n, "b": n} for n in range(rows)])


def small_table_overhead(
    url: sa.URL,
    workdir: Path,
    revisions: int = 40,
    session: LoadSession | None = None,
    rows: int = 100,
) -> SmallTableFigures:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    # The first op of each style warms up imports and caches, the last counts round trips:
    # both untimed.
    ops = revisions + 2
    _create_tables(engine, ops, rows)
    plans = {}
    for style in STYLES:
        config, project = _project(workdir, url, style)
        targets = _write_revisions(project, style, ops, engine.dialect)
        plans[style] = (_upgrader(config), targets)
    engine.dispose()
    timings: dict[str, list[float]] = {style: [] for style in STYLES}

    counts = {style: {"statements": 0, "connections": 0} for style in STYLES}

    def run_all() -> None:
        for number in range(ops - 1):
            turn = number % len(STYLES)
            order = STYLES[turn:] + STYLES[:turn]
            for style in order:
                upgrade, targets = plans[style]
                with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
                    started = time.perf_counter()
                    upgrade(targets[number])
                    elapsed = time.perf_counter() - started
                if number:
                    timings[style].append(elapsed * 1000)
        for style in STYLES:
            upgrade, targets = plans[style]
            output = io.StringIO()
            with redirect_stdout(output), redirect_stderr(output), counting(counts[style]):
                upgrade(targets[-1])

    if session is None:
        run_all()
    else:
        with session.new_load() as load:
            warm_up(load)
            run_all()
            load.check_running()
    medians = {style: statistics.median(values) for style, values in timings.items()}
    return SmallTableFigures(
        revisions=revisions,
        rows_per_table=rows,
        under_load=session is not None,
        plain_ms=medians["plain"],
        unguarded_ms=medians["unguarded"],
        recipe_ms=medians["recipe"],
        package_ms=medians["package"],
        all_ms=timings,
        statements_per_op={style: counts[style]["statements"] for style in STYLES},
        connections_per_op={style: counts[style]["connections"] for style in STYLES},
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revisions", type=int, default=40)
    parser.add_argument("--rows-per-table", type=int, default=100)
    parser.add_argument("--under-load", action="store_true", help="with the pgbench load")
    parser.add_argument("--load-rows", type=int, default=100_000, help="the loaded table's rows")
    parser.add_argument("--url", help="a PostgreSQL server (default: embedded 18)")
    args = parser.parse_args()
    # run.py is the one place that sets up the load; alone, this goes through it.
    from run import main as run_main

    sys.argv = [
        "run.py",
        "--only",
        "small-tables",
        "--rows",
        str(args.load_rows if args.under_load else 1000),
        "--revisions",
        str(args.revisions),
        "--small-rows",
        str(args.rows_per_table),
        "--json",
        "benchmarks/results/small-tables.json",
        *(["--small-load"] if args.under_load else []),
        *(["--url", args.url] if args.url else []),
    ]
    return run_main()


if __name__ == "__main__":
    sys.exit(main())
