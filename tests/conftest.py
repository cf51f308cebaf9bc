from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import alembic
import pytest
import sqlalchemy as sa

from tests.project import AlembicProject
from tests.server import (
    SQLALCHEMY_1_4,
    driver_under_test,
    postgres_server,
    server_version,
    with_driver,
)

# What the matrix cell really ran on, printed at the end of the run.
_SERVERS_USED: list[str] = []


def pytest_report_header() -> str:
    return (
        f"SQLAlchemy {sa.__version__}, Alembic {alembic.__version__}, "
        f"Alembic projects on {driver_under_test()}"
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for server in _SERVERS_USED:
        terminalreporter.write_line(f"PostgreSQL server: {server}")


@pytest.fixture(scope="session")
def server_url() -> Iterator[sa.URL]:
    # Not under pytest's basetemp: pytest prunes old basetemps when other runs start, which
    # would delete a running server's data directory from under it.
    workdir = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-pg-"))
    try:
        with postgres_server(workdir) as url:
            _SERVERS_USED.append(server_version(url))
            yield url
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def database_url(server_url: sa.URL) -> Iterator[sa.URL]:
    """A fresh, empty database for one test, dropped afterwards."""
    name = "test_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    quoted = admin.dialect.identifier_preparer.quote(name)
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE " + quoted)
    yield server_url.set(database=name)
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)")
    admin.dispose()


@pytest.fixture
def engine(database_url: sa.URL) -> Iterator[sa.Engine]:
    # 2.0-style connections (autobegin, commit/rollback) on SQLAlchemy 1.4 too.
    future = {"future": True} if SQLALCHEMY_1_4 else {}
    engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool, **future)
    yield engine
    engine.dispose()


@pytest.fixture
def project(tmp_path: Path, database_url: sa.URL) -> AlembicProject:
    """An ``alembic init`` project on the driver under test (``-t async`` for asyncpg)."""
    driver = driver_under_test()
    template = "async" if driver == "asyncpg" else "generic"
    return AlembicProject.create(
        tmp_path / "project", with_driver(database_url, driver), template=template
    )
