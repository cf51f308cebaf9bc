"""Alembic environment of the example project: the generic template plus three things.

1. ``import alembic_safe_unique`` and ``process_revision_directives=alembic_safe_unique.rewriter``;
2. the URL from ``ALEMBIC_SAFE_UNIQUE_EXAMPLE_URL``;
3. an engine or connection handed in through ``config.attributes["connection"]`` is used
   (how pytest-alembic runs the migrations).
"""

import os
from logging.config import fileConfig

from alembic import context
from models import metadata
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Connection

import alembic_safe_unique

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = metadata


def url() -> str:
    return os.environ.get("ALEMBIC_SAFE_UNIQUE_EXAMPLE_URL") or config.get_main_option(
        "sqlalchemy.url", ""
    )


def run_migrations_offline() -> None:
    context.configure(
        url=url(),
        target_metadata=target_metadata,
        literal_binds=True,
        process_revision_directives=alembic_safe_unique.rewriter,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        run_on(given)
        return
    engine = given if given is not None else create_engine(url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        run_on(connection)


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        process_revision_directives=alembic_safe_unique.rewriter,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
