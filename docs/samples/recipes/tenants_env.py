"""migrations/env.py for schema-per-tenant: the same revisions in every tenant's schema."""

import logging
from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context
from models import metadata  # tables without schema=: every tenant's schema has them all
from sqlalchemy import engine_from_config, pool
from sqlalchemy.engine import Connection

import alembic_safe_unique

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = metadata
log = logging.getLogger("alembic.env")


def tenant_schemas() -> list[str]:
    """Your tenants' schemas, in the order to migrate them (from a table, a setting, ...)."""
    return ["Tenant A", "Tenant B"]


# --8<-- [start:on_tenant]
def on_tenant(connection: Connection, tenant: str) -> Connection:
    """The connection, pointed at the tenant: tables without a schema are the tenant's."""
    return connection.execution_options(schema_translate_map={None: tenant})


# --8<-- [end:on_tenant]


def run_migrations_offline() -> None:
    """One script for every tenant: each part sets the search_path, then migrates it."""
    for tenant in tenant_schemas():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            target_metadata=target_metadata,
            literal_binds=True,
            dialect_opts={"paramstyle": "named"},
            version_table_schema=tenant,
            process_revision_directives=alembic_safe_unique.rewriter,
        )
        with context.begin_transaction():
            # The server quotes the name (quote_ident); false: for the session, not one transaction.
            context.execute(
                sa.text("SELECT set_config('search_path', quote_ident(:tenant), false)").bindparams(
                    tenant=tenant
                )
            )
            context.run_migrations()


# --8<-- [start:loop]
def do_run_migrations(connection: Connection) -> None:
    """Every tenant in turn, each with its own report; -x tenant_errors=continue goes on."""
    keep_going = context.get_x_argument(as_dictionary=True).get("tenant_errors") == "continue"
    tenants = tenant_schemas()
    if getattr(config.cmd_opts, "autogenerate", False):
        tenants = tenants[:1]  # autogenerate compares the models with one tenant's schema
    failed: list[str] = []
    for tenant in tenants:
        context.configure(
            connection=on_tenant(connection, tenant),
            target_metadata=target_metadata,
            version_table_schema=tenant,  # each tenant keeps its own alembic_version
            process_revision_directives=alembic_safe_unique.rewriter,
        )
        try:
            with context.begin_transaction():
                context.run_migrations()
        except Exception as error:
            if connection.in_transaction():
                connection.rollback()  # what the failed revision left open, before the next
            log.error("Tenant %r failed: %s", tenant, error)
            failed.append(tenant)
            if not keep_going:
                raise
        else:
            log.info("Tenant %r is up to date.", tenant)
    if failed:
        raise RuntimeError(f"Tenants that failed (run again to resume them): {failed}")


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    # connect(), not begin(): Alembic must own each tenant's transaction to step out of it.
    with connectable.connect() as connection:
        do_run_migrations(connection)


# --8<-- [end:loop]


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
