from logging.config import fileConfig

from alembic import context
from loguru import logger as log
from sqlalchemy import engine_from_config, pool, text

from fides.api.db.database import include_object
from fides.api.util.logger import setup as setup_fidesapi_logger
from fides.config import CONFIG

# this is the Alembic Config object, which provides
# access to the values within the .ini file in use.
alembic_config = context.config
fides_config = CONFIG

# Interpret the config file for Python logging.
# This line sets up loggers basically.
fileConfig(alembic_config.config_file_name)
setup_fidesapi_logger(CONFIG)

# add your model's MetaData object here
# for 'autogenerate' support
# from myapp import mymodel
# target_metadata = mymodel.Base.metadata
from fides.api.models.sql_models import Base

target_metadata = Base.metadata

# other values from the config, defined by the needs of env.py,
# can be acquired:
# my_important_option = config.get_main_option("my_important_option")
# ... etc.


def run_migrations_offline():
    """Run migrations in 'offline' mode.

    This configures the context with just a URL
    and not an Engine, though an Engine is acceptable
    here as well.  By skipping the Engine creation
    we don't even need a DBAPI to be available.

    Calls to context.execute() here emit the given string to the
    script output.

    """
    url = fides_config.database.sync_database_uri
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        include_object=include_object,
    )

    if fides_config.database.migration_role:
        log.warning(
            "FIDES__DATABASE__MIGRATION_ROLE is set but has no effect in offline "
            f"migration mode. Prepend 'SET ROLE \"{fides_config.database.migration_role}\";' "
            "to the generated SQL script manually if needed."
        )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Run migrations in 'online' mode.

    In this scenario we need to create an Engine
    and associate a connection with the context.

    """
    configuration = alembic_config.get_section(alembic_config.config_ini_section)
    configuration["sqlalchemy.url"] = fides_config.database.sync_database_uri
    connectable = engine_from_config(
        configuration,
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    with connectable.connect() as connection:
        if fides_config.database.migration_role:
            # SET ROLE does not support bind parameters; use standard SQL identifier
            # quoting (double-quotes, inner double-quotes escaped by doubling) to
            # safely handle role names. The value is operator-supplied config, not
            # end-user input.
            escaped_role = fides_config.database.migration_role.replace('"', '""')
            quoted_role = f'"{escaped_role}"'
            connection.execute(text(f"SET ROLE {quoted_role}"))
            log.info(f"Migration role set to: {fides_config.database.migration_role!r}")

        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
        )

        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
