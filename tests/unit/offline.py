"""Server-free helpers for the unit tier: compiled SQL and offline migration scripts.

Modelled on Alembic's ``op_fixture("postgresql", as_sql=True)``: an offline MigrationContext
writes each statement to a buffer, and the test compares the statements. Plain functions, so
the tier runs with ``--noconftest`` too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from alembic.autogenerate.api import AutogenContext
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy.dialects import postgresql

import alembic_safe_unique  # noqa: F401  (registers the ops, their renderers and toimpl)

POSTGRESQL = postgresql.dialect()


def compiled(element: Any) -> str:
    """``element`` as PostgreSQL text, exactly as an online run or ``--sql`` would send it."""
    return str(element.compile(dialect=POSTGRESQL))


@dataclass
class Script:
    """What an offline run wrote, one entry per ``static_output`` call (a statement)."""

    buffer: io.StringIO = field(default_factory=io.StringIO)

    @property
    def text(self) -> str:
        return self.buffer.getvalue()

    def chunks(self) -> list[str]:
        return [chunk.strip() for chunk in self.text.split("\n\n") if chunk.strip()]

    def statements(self) -> list[str]:
        """The SQL statements, comment lines left out, without the ``;``."""
        result = []
        for chunk in self.chunks():
            lines = [line for line in chunk.splitlines() if not line.startswith("--")]
            if lines:
                result.append(" ".join(lines).rstrip(";"))
        return result

    def comments(self) -> list[str]:
        return [line for line in self.text.splitlines() if line.startswith("--")]


@contextmanager
def offline_migration(
    *, transactional: bool = True, **opts: Any
) -> Iterator[tuple[Operations, Script]]:
    """``alembic upgrade --sql`` for a revision body: an offline PostgreSQL MigrationContext.

    Configured as ``alembic init``'s env.py configures offline runs (``literal_binds``), and,
    with ``transactional``, inside ``begin_transaction()`` as env.py runs migrations: the
    script then starts with ``BEGIN`` and ends with ``COMMIT``.
    """
    script = Script()
    options = {"as_sql": True, "output_buffer": script.buffer, "literal_binds": True, **opts}
    context = MigrationContext.configure(dialect_name="postgresql", opts=options)
    operations = Operations(context)
    if transactional:
        with context.begin_transaction():
            yield operations, script
    else:
        yield operations, script


def autogen_context(**opts: Any) -> AutogenContext:
    """The context autogenerate renders with, for a PostgreSQL target and no database."""
    context = MigrationContext.configure(dialect_name="postgresql", opts=opts)
    return AutogenContext(context, opts={"alembic_module_prefix": "op.", **opts})


def table(name: str, *columns: str, schema: str | None = None) -> sa.Table:
    """A detached table with integer columns, to describe DDL about."""
    return sa.Table(
        name, sa.MetaData(), *(sa.Column(c, sa.Integer) for c in columns), schema=schema
    )


@contextmanager
def sqlite_connection() -> Iterator[sa.Connection]:
    """An in-memory SQLite connection: a real transaction for Alembic's context, no server."""
    engine = sa.create_engine("sqlite://")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()
