"""The build's parallel maintenance workers: set for the build session, then put back."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import sqlalchemy as sa

from alembic_safe_unique import (
    CreateIndexConcurrentlyOp,
    CreateUniqueConstraintConcurrentlyOp,
    InvalidArgumentError,
    configure,
    current_settings,
)
from alembic_safe_unique.config import Settings
from tests.fixtures.docs_samples import sample
from tests.fixtures.project import AlembicProject

# An index expression that notes, in the session building the index, the worker setting it
# was built under: in a sequence, which no transaction or setting scope rolls back. Index
# expressions run with search_path pinned, hence the schema.
WORKERS_SEEN = """
CREATE FUNCTION public.workers_seen(v int) RETURNS int IMMUTABLE LANGUAGE plpgsql AS $$
BEGIN
    PERFORM setval('public.probe_workers_seen',
                   current_setting('max_parallel_maintenance_workers')::int);
    RETURN v;
END $$
"""

REVISION = """
op.execute("SET max_parallel_maintenance_workers = 1")  # what the session had before
op.create_index_concurrently(
    "ix_probe", "probe", [sa.text("public.workers_seen(id)")]{options}
)
bind = op.get_bind()
seen = bind.exec_driver_sql("SELECT last_value FROM probe_workers_seen").scalar()
after = bind.exec_driver_sql("SHOW max_parallel_maintenance_workers").scalar()
print(f"built with {{seen}} workers; afterwards {{after}}")
"""


def make_probe_table(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE SEQUENCE probe_workers_seen MINVALUE -1 START -1")
        conn.exec_driver_sql(WORKERS_SEEN)
        conn.exec_driver_sql("CREATE TABLE probe (id int)")
        conn.exec_driver_sql("INSERT INTO probe VALUES (1), (2)")


def built_with(project: AlembicProject, options: str = "", settings: str = "") -> tuple[str, str]:
    if settings:
        project.configure_in_env(settings)
    project.write_revision("r0", "pass")
    project.upgrade("r0")  # the version table, committed before the revision under test
    project.write_revision("r1", REVISION.format(options=options), down_revision="r0")
    result = project.cli("upgrade", "head")
    assert result.returncode == 0, result.stderr
    match = re.search(r"built with (\S+) workers; afterwards (\S+)", result.stdout)
    assert match, result.stdout + result.stderr
    return match[1], match[2]


def test_build_runs_without_parallel_workers_by_default_and_restores_the_session(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_probe_table(engine)
    assert built_with(project) == ("0", "1")


def test_parallel_workers_of_the_op_wins_over_configure(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_probe_table(engine)
    seen = built_with(project, options=", parallel_workers=3", settings="parallel_workers=2")
    assert seen == ("3", "1")


def test_parallel_workers_none_leaves_the_session_setting_alone(
    project: AlembicProject, engine: sa.Engine
) -> None:
    make_probe_table(engine)
    assert built_with(project, settings="parallel_workers=None") == ("1", "1")


@pytest.mark.parametrize("value", [-1, 1025, 2.5, "2", True])
def test_bad_parallel_workers_are_refused_with_what_to_write(value: object) -> None:
    before = current_settings()
    with pytest.raises(InvalidArgumentError, match="parallel_workers must be"):
        configure(parallel_workers=value)  # type: ignore[arg-type]
    assert current_settings() == before
    with pytest.raises(InvalidArgumentError, match="parallel_workers must be"):
        CreateIndexConcurrentlyOp("ix", "t", ["a"], parallel_workers=value)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="parallel_workers must be"):
        CreateUniqueConstraintConcurrentlyOp(
            "uq",
            "t",
            ["a"],
            parallel_workers=value,  # type: ignore[arg-type]
        )


def test_parallel_workers_default_is_a_single_process() -> None:
    assert Settings().parallel_workers == 0
    assert Settings(parallel_workers=None).parallel_workers is None


def test_parallel_workers_sample_sets_what_it_says() -> None:
    code = sample("parallel_workers.py") + (
        "\nprint(alembic_safe_unique.current_settings().parallel_workers)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == ["4"]
