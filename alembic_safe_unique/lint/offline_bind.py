"""What ``op.get_bind()`` is while lint records: a connection that writes SQL down and answers
the questions revisions commonly ask it as an empty PostgreSQL database would.

Revisions close or commit the bind, read its ``url`` or ``dialect``, and ``sa.inspect()`` it to
decide whether a column or index is there. Lint has no database, so each answer is the empty
one: no tables, no columns, no indexes, and no rows from the SQL a revision runs (a loop over
them runs zero times). What a revision then asks for is recorded and checked; code that needs
a row stops, with a notice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.engine.mock import MockConnection
from sqlalchemy.sql.elements import TextClause

from alembic_safe_unique.util.alembic_internals import register_inspection

_URL = make_url("postgresql://")


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


class NoRows:
    """What SQL run on ``op.get_bind()`` returns under lint: a result with no rows."""

    rowcount = 0
    returns_rows = True

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def fetchall(self) -> list[Any]:
        return []

    def fetchmany(self, size: int | None = None) -> list[Any]:
        return []

    def all(self) -> list[Any]:
        return []

    def fetchone(self) -> None:
        return None

    def first(self) -> None:
        return None

    def scalar(self) -> None:
        return None

    def one_or_none(self) -> None:
        return None

    def scalar_one_or_none(self) -> None:
        return None

    def one(self) -> Any:
        raise sa.exc.NoResultFound("No row was found when one was required")

    scalar_one = one

    def scalars(self, index: Any = 0) -> NoRows:
        return self

    def mappings(self) -> NoRows:
        return self

    def unique(self, strategy: Any = None) -> NoRows:
        return self

    def tuples(self) -> NoRows:
        return self

    def yield_per(self, num: int) -> NoRows:
        return self

    def partitions(self, size: int | None = None) -> Iterator[list[Any]]:
        return iter(())

    def keys(self) -> list[str]:
        return []

    def close(self) -> None:
        """Nothing to close."""


def text_sql(statement: TextClause, dialect: sa.engine.Dialect) -> str:
    """The SQL of ``sa.text(...)`` with NULL for each parameter, given or not.

    What a statement locks never depends on its values (PostgreSQL takes no parameters in
    DDL), and its parser cannot read placeholders such as ``%(name)s``.
    """
    unset = dict.fromkeys(statement.compile(dialect=dialect).params)
    literal = statement.params(unset).compile(
        dialect=dialect, compile_kwargs={"literal_binds": True}
    )
    return str(literal)
