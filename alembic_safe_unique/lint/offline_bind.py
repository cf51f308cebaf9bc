"""What ``op.get_bind()`` is while lint records: a connection that writes SQL down and answers
the questions revisions commonly ask it as an empty PostgreSQL database would.

Revisions close or commit the bind, read its ``url`` or ``dialect``, and ``sa.inspect()`` it to
decide whether a column or index is there. Lint has no database, so each answer is the empty
one: no tables, no columns, no indexes. What a revision then asks for is recorded and checked.
SQL a revision runs still returns nothing: code that needs rows stops, with a notice.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine.mock import MockConnection

from alembic_safe_unique.util.alembic_internals import register_inspection

_URL = sa.make_url("postgresql://")


class RecordingConnection(MockConnection):
    """Alembic's offline connection, with what a revision calls on a real one."""

    url = _URL

    def close(self) -> None:
        """Nothing to close."""

    def commit(self) -> None:
        """Nothing to commit: a revision's own COMMIT is read from its SQL, not from here."""

    def rollback(self) -> None:
        """Nothing to roll back."""

    def in_transaction(self) -> bool:
        return True

    @property
    def closed(self) -> bool:
        return False


class EmptyInspector:
    """``sa.inspect(op.get_bind())`` under lint: an empty database, every look-up empty."""

    def __init__(self, bind: RecordingConnection) -> None:
        self.bind = bind
        self.dialect = bind.dialect
        self.default_schema_name = "public"

    def has_table(self, *args: Any, **kwargs: Any) -> bool:
        return False

    def has_index(self, *args: Any, **kwargs: Any) -> bool:
        return False

    def has_schema(self, *args: Any, **kwargs: Any) -> bool:
        return False

    def get_pk_constraint(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {"constrained_columns": [], "name": None}

    def __getattr__(self, name: str) -> Any:
        """Every other ``get_*`` look-up (columns, indexes, constraints, names) is empty."""
        if name.startswith("get_"):
            return lambda *args, **kwargs: []
        raise AttributeError(name)


register_inspection(RecordingConnection, EmptyInspector)
