"""env.py with a deploy lock around the run: migration_lock, which never waits in a transaction."""

from logging.config import fileConfig

from alembic import context
from models import metadata  # your application's MetaData (myapp.models, ...)
from sqlalchemy import engine_from_config, pool

# --8<-- [start:import]
import alembic_safe_unique  # registers op.create_unique_constraint_concurrently & co.

# --8<-- [end:import]
config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        process_revision_directives=alembic_safe_unique.rewriter,
    )
    with context.begin_transaction():
        context.run_migrations()


# --8<-- [start:online]
def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    # One deploy at a time: the second waits in migration_lock, outside any transaction,
    # then finds nothing left to do.
    with (
        connectable.connect() as connection,
        alembic_safe_unique.migration_lock(connection),
    ):
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            process_revision_directives=alembic_safe_unique.rewriter,
        )
        with context.begin_transaction():
            context.run_migrations()


# --8<-- [end:online]


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
