"""env.py with a deploy lock taken before configure(), in the way that keeps working."""

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
MIGRATION_LOCK = 72_101  # any number your deploys agree on


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        # One deploy at a time: a session-level lock, held until the connection closes.
        connection.exec_driver_sql("SELECT pg_advisory_lock(%d)" % MIGRATION_LOCK)
        # The SELECT opened a transaction; end it so that Alembic owns the next one
        # (the lock belongs to the session and survives the commit).
        connection.commit()
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
