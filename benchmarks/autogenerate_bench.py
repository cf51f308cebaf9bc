"""Autogenerate wall time with and without the rewriter, on a schema of many tables.

Two projects on one database of ``tables`` tables; the models add a unique constraint to ten of
them, so the rewriter has real work (splitting, rendering) and autogenerate compares everything.
Runs alternate between the projects; the median of each is compared. Garbage collection is
kept out of each timed run (a full collection, then the collector off until the run ends): a
collection landing in one run and not the next was the +-3-6% the figures used to wobble by.
"""

from __future__ import annotations

import gc
import io
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from alembic_safe_unique.demo.command import demo_database
from alembic_safe_unique.demo.project import DemoProject

MODELS = """\
import sqlalchemy as sa

metadata = sa.MetaData()
TABLES = {tables}
CHANGED = 10


def define(metadata, with_uniques):
    for n in range(TABLES):
        extra = []
        if with_uniques and n < CHANGED:
            extra.append(sa.UniqueConstraint("a", "b", name="uq_t%04d_a_b" % n))
        sa.Table(
            "t%04d" % n,
            metadata,
            sa.Column("id", sa.BigInteger, primary_key=True),
            sa.Column("a", sa.Integer, nullable=False),
            sa.Column("b", sa.Integer, nullable=False),
            sa.Column("label", sa.Text),
            sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
            sa.Index("ix_t%04d_a" % n, "a"),
            *extra,
        )


define(metadata, with_uniques=True)
"""


TIMED_HOOK = """
import time as _time


def _timed_rewriter(context, revision, directives):
    started = _time.perf_counter()
    alembic_safe_unique.rewriter(context, revision, directives)
    with open(Path(__file__).resolve().parent.parent / "hook_seconds.txt", "a") as log:
        log.write(f"{_time.perf_counter() - started}\\n")

"""


def _time_the_hook(project: DemoProject) -> None:
    """Make env.py record the rewriter's own time on each run, beside the wall time."""
    env = project.root / "migrations" / "env.py"
    text = env.read_text().replace(
        "process_revision_directives=alembic_safe_unique.rewriter",
        "process_revision_directives=_timed_rewriter",
    )
    env.write_text(
        text.replace("\ndef run_migrations_offline", TIMED_HOOK + "\ndef run_migrations_offline")
    )


@contextmanager
def no_garbage_collection() -> Iterator[None]:
    """Collect now, then keep the collector off for the block (back on afterwards)."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _time_autogenerate(project: DemoProject) -> float:
    config = Config(str(project.root / "alembic.ini"))
    output = io.StringIO()
    with no_garbage_collection(), redirect_stdout(output), redirect_stderr(output):
        started = time.perf_counter()
        command.revision(config, message="bench", autogenerate=True)  # env.py's log lines
        seconds = time.perf_counter() - started
    for path in (project.root / "migrations" / "versions").glob("*.py"):
        path.unlink()
    return seconds


def autogenerate_overhead(
    server: sa.URL, workdir: Path, tables: int, runs: int = 15
) -> dict[str, Any]:
    with demo_database(server.render_as_string(hide_password=False)) as url:
        models = MODELS.format(tables=tables)
        namespace: dict[str, Any] = {}
        exec(compile(models, "models.py", "exec"), namespace)  # the same definitions, no uniques
        existing = sa.MetaData()
        namespace["define"](existing, with_uniques=False)
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        existing.create_all(engine)
        engine.dispose()
        projects = {}
        for name, rewriter in (("plain", False), ("rewriter", True)):
            project = DemoProject.create(workdir / name, url, rewriter=rewriter)
            (project.root / "models.py").write_text(models)
            projects[name] = project
        _time_the_hook(projects["rewriter"])
        timings: dict[str, list[float]] = {"plain": [], "rewriter": []}
        for project in projects.values():  # warm-up: imports, server caches
            _time_autogenerate(project)
        hook_log = projects["rewriter"].root / "hook_seconds.txt"
        hook_log.unlink()
        for run in range(runs):
            order = list(projects.items()) if run % 2 == 0 else list(projects.items())[::-1]
            for name, project in order:
                timings[name].append(_time_autogenerate(project))
        hook_s = statistics.median(float(line) for line in hook_log.read_text().split())
    plain_s = statistics.median(timings["plain"])
    rewriter_s = statistics.median(timings["rewriter"])
    return {
        "tables": tables,
        "runs": runs,
        "plain_s": plain_s,
        "rewriter_s": rewriter_s,
        "overhead": rewriter_s / plain_s - 1,
        "hook_s": hook_s,
        "hook_share": hook_s / plain_s,
        "plain_all_s": timings["plain"],
        "rewriter_all_s": timings["rewriter"],
    }
