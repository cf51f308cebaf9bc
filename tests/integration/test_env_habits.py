"""env.py habits that put the connection in a transaction before ``configure()``.

Generated build revisions run ``with op.get_context().autocommit_block():``; under such an
env.py Alembic would only fail on a bare ``AssertionError``. The package says what to change,
and the deploy-lock pattern the docs show keeps working (and still serializes deploys).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

import alembic_safe_unique
from tests.fixtures.catalog_snapshot import schema_snapshot, unique_constraints
from tests.fixtures.docs_samples import sample
from tests.fixtures.processes import Run, until
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import driver_under_test, with_driver
from tests.fixtures.stories import ROWS, counter

CONNECT = "with connectable.connect() as connection:"
LOCK = 72_101


@pytest.fixture
def sync_project(tmp_path: Path, database_url: sa.URL) -> AlembicProject:
    """The generic template (these habits are written against its synchronous env.py)."""
    driver = "psycopg" if driver_under_test() == "asyncpg" else driver_under_test()
    return AlembicProject.create(tmp_path / "project", with_driver(database_url, driver))


def generated_build(project: AlembicProject, engine: sa.Engine) -> None:
    """A table with rows, and the build + attach revisions autogenerate writes for a unique."""
    project.use_rewriter(counter())
    project.autogenerate("initial schema")
    project.upgrade()
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    project.write_models(counter('sa.UniqueConstraint("ad_id", "day")'))
    files = project.autogenerate("unique ad day")
    assert "autocommit_block()" in files[0].read_text()


def edit_env(project: AlembicProject, old: str, new: str) -> None:
    text = project.env_py.read_text()
    assert old in text
    project.env_py.write_text(text.replace(old, new))


def test_engine_begin_in_env_py_gets_the_change_to_make_not_an_assertion(
    sync_project: AlembicProject, engine: sa.Engine
) -> None:
    generated_build(sync_project, engine)
    edit_env(sync_project, CONNECT, "with connectable.begin() as connection:")
    before = schema_snapshot(engine)

    result = sync_project.cli("upgrade", "head")

    assert result.returncode != 0
    assert "TransactionOwnershipError" in result.stderr
    assert "`with connectable.connect() as connection:`" in result.stderr
    assert "AssertionError" not in result.stderr
    assert schema_snapshot(engine) == before


def test_advisory_lock_before_configure_gets_the_commit_to_add(
    sync_project: AlembicProject, engine: sa.Engine
) -> None:
    generated_build(sync_project, engine)
    edit_env(
        sync_project,
        CONNECT,
        CONNECT + f'\n        connection.exec_driver_sql("SELECT pg_advisory_lock({LOCK})")',
    )
    before = schema_snapshot(engine)

    result = sync_project.cli("upgrade", "head")

    assert result.returncode != 0
    assert "TransactionOwnershipError" in result.stderr
    assert "pg_advisory_lock" in result.stderr and "connection.commit()" in result.stderr
    assert "AssertionError" not in result.stderr
    assert schema_snapshot(engine) == before


def test_documented_deploy_lock_serializes_deploys_and_builds_concurrently(
    sync_project: AlembicProject, engine: sa.Engine
) -> None:
    generated_build(sync_project, engine)
    sync_project.env_py.write_text(sample("env_advisory_lock.py"))
    with engine.connect() as other_deploy:
        with alembic_safe_unique.migration_lock(other_deploy):
            migration = Run(sync_project)
            until(
                lambda: (
                    "Waiting for the migration lock" in migration.stderr or migration.finished()
                ),
                "the migration waits for the other deploy",
            )
            assert not migration.finished(), migration.stderr
            assert unique_constraints(engine, "ad_counter") == {}
        code = migration.wait()
    stderr = migration.stderr
    assert code == 0, stderr
    assert unique_constraints(engine, "ad_counter") == {
        "uq_ad_counter_ad_id_day": "UNIQUE (ad_id, day)"
    }
