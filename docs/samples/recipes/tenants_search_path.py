import sqlalchemy as sa
from sqlalchemy.engine import Connection


def on_tenant(connection: Connection, tenant: str) -> Connection:
    """The connection, pointed at the tenant: its search_path is the tenant's schema alone."""
    # The server quotes the name (quote_ident); false: for the session, not one transaction.
    connection.execute(
        sa.text("SELECT set_config('search_path', quote_ident(:tenant), false)"),
        {"tenant": tenant},
    )
    connection.commit()  # Alembic must begin the tenant's transaction itself
    return connection
