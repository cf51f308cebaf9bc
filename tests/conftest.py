from __future__ import annotations

import shutil
import tempfile
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
    scratch_database,
    server_version,
    with_driver,
)

# What the matrix cell really ran on, printed at the end of the run.
_SERVERS_USED: list[str] = []
# The tests --server-tests-only left out, named at the end of the run.
_LEFT_OUT: list[str] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--server-tests-only",
        action="store_true",
        help="leave out the tests that use neither the test server nor the driver under test "
        "(the demo and the quickstart start their own server; unit tests need none): a run "
        "repeated on another server or driver would run them exactly as the first did",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--server-tests-only"):
        return
    varying = {"server_url", "project_driver"}
    kept = [item for item in items if varying & set(getattr(item, "fixturenames", ()))]
    left_out = [item for item in items if item not in kept]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
        _LEFT_OUT[:] = [item.nodeid for item in left_out]


def pytest_report_header() -> str:
    return (
        f"SQLAlchemy {sa.__version__}, Alembic {alembic.__version__}, "
        f"Alembic projects on {driver_under_test()}"
    )


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A pytest-xdist worker hands what it saw to the controller, which prints it."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["servers_used"] = list(_SERVERS_USED)
        workeroutput["left_out"] = list(_LEFT_OUT)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    output = getattr(node, "workeroutput", {})
    for server in output.get("servers_used", []):
        if server not in _SERVERS_USED:
            _SERVERS_USED.append(server)
    if not _LEFT_OUT:
        _LEFT_OUT.extend(output.get("left_out", []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _LEFT_OUT:
        terminalreporter.write_line(
            f"--server-tests-only left out {len(_LEFT_OUT)} tests that use neither the test "
            "server nor the driver under test (they run in the suite's first run): "
            + ", ".join(sorted({nodeid.split("::")[0] for nodeid in _LEFT_OUT}))
        )
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
    with scratch_database(server_url) as url:
        yield url


@pytest.fixture
def engine(database_url: sa.URL) -> Iterator[sa.Engine]:
    # 2.0-style connections (autobegin, commit/rollback) on SQLAlchemy 1.4 too.
    future = {"future": True} if SQLALCHEMY_1_4 else {}
    engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool, **future)
    yield engine
    engine.dispose()


@pytest.fixture
def project_driver() -> str:
    """The driver the Alembic projects use (``ALEMBIC_SAFE_UNIQUE_TEST_DRIVER``)."""
    return driver_under_test()


@pytest.fixture
def project(tmp_path: Path, database_url: sa.URL, project_driver: str) -> AlembicProject:
    """An ``alembic init`` project on the driver under test (``-t async`` for asyncpg)."""
    return AlembicProject.create(
        tmp_path / "project",
        with_driver(database_url, project_driver),
        template="async" if project_driver == "asyncpg" else "generic",
    )
