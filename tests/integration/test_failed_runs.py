"""A run of several revisions that fails part-way, in both of Alembic's transaction modes.

With ``transaction_per_migration`` off (Alembic's and Flask-Migrate's default), the autocommit
block of a build revision commits the stamps of the revisions before it in the run. A
downgrade that then fails (a view depends on a column the next revision drops) must not leave
``alembic_version`` claiming the build revision while its indexes are gone: ``upgrade head``
has to restore every unique guard and ``alembic check`` be clean.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.fixtures.catalog_snapshot import invalid_indexes, unique_constraints
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import driver_under_test, with_driver
from tests.fixtures.stories import ROWS, counter

GUARDS = (
    'sa.Column("extra", sa.Integer)',
    'sa.UniqueConstraint("ad_id", "day")',
    'sa.Index("uq_active_ad", "ad_id", unique=True, postgresql_where=sa.text("active"))',
)


def unique_indexes(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(
            conn.execute(
                sa.text(
                    "SELECT indexrelid::regclass::text FROM pg_index "
                    "WHERE indrelid = 'ad_counter'::regclass AND indisunique "
                    "AND NOT indisprimary AND indisvalid"
                )
            ).scalars()
        )


@pytest.fixture(params=[False, True], ids=["one-transaction", "per-migration"])
def mode_project(request: pytest.FixtureRequest, tmp_path: Path, database_url: sa.URL) -> Any:
    driver = "psycopg" if driver_under_test() == "asyncpg" else driver_under_test()
    project = AlembicProject.create(tmp_path / "project", with_driver(database_url, driver))
    if request.param:
        text = project.env_py.read_text()
        project.env_py.write_text(
            text.replace(
                "target_metadata=target_metadata",
                "target_metadata=target_metadata, transaction_per_migration=True",
            )
        )
    return project


def test_failed_downgrade_leaves_every_unique_guard_for_upgrade_head_to_restore(
    mode_project: AlembicProject, engine: sa.Engine
) -> None:
    project = mode_project
    project.use_rewriter(counter())
    project.autogenerate("initial schema")
    project.upgrade()
    start = project.current(engine)
    with engine.begin() as conn:
        conn.execute(sa.text(ROWS))
    project.write_models(counter(*GUARDS))
    files = project.autogenerate("extra and guards")
    assert len(files) == 3  # add column; build both indexes; attach the constraint
    project.upgrade()
    guarded = unique_indexes(engine)
    assert guarded == {"uq_ad_counter_ad_id_day", "uq_active_ad"}
    with engine.begin() as conn:  # the application's view, which the column's drop breaks
        conn.exec_driver_sql("CREATE VIEW extras AS SELECT id, extra FROM ad_counter")

    failed = project.cli("downgrade", start or "base")
    assert failed.returncode != 0 and "DependentObjectsStillExist" in failed.stderr

    upgraded = project.cli("upgrade", "head")
    assert upgraded.returncode == 0, upgraded.stderr
    assert unique_indexes(engine) == guarded
    assert unique_constraints(engine, "ad_counter") == {
        "uq_ad_counter_ad_id_day": "UNIQUE (ad_id, day)"
    }
    assert invalid_indexes(engine) == []
    assert "No new upgrade operations detected" in project.check()
