"""Foreign keys that lean on a table's unique or primary key: they stop its drop.

A foreign key uses a unique index of the table it references (``pg_constraint.conindid``);
PostgreSQL refuses to drop the constraint that owns that index while the foreign key exists
("cannot drop constraint ... because other objects depend on it"). Asked before the drop, the
answer names them while nothing has changed yet.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.errors import ConstraintInUseError

_REFERENCING = sa.text(
    """
    SELECT f.conname::text, n.nspname || '.' || c.relname
      FROM pg_constraint k
      JOIN pg_constraint f ON f.contype = 'f' AND f.confrelid = k.conrelid
                          AND f.conindid = k.conindid
      JOIN pg_class c ON c.oid = f.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.conrelid = :table_oid AND k.conname = :name
     ORDER BY 2, 1
    """
)


def refuse_if_referenced(
    connection: Connection, table_oid: int, constraint_name: str, what: str, instead: str
) -> None:
    """Raise ``ConstraintInUseError`` naming the foreign keys that use ``constraint_name``."""
    rows = connection.execute(_REFERENCING, {"table_oid": table_oid, "name": constraint_name}).all()
    if not rows:
        return
    keys = ", ".join(f"{name!r} on {table}" for name, table in rows)
    raise ConstraintInUseError(
        f"Cannot drop {what}: foreign keys use its index ({keys}). Nothing was changed. Drop "
        "those foreign keys first (op.drop_constraint(name, table, type_='foreignkey') in an "
        f"earlier revision), {instead}"
    )
