"""The query that lists the rows a unique index would reject: each group of equal keys.

Built with SQLAlchemy from the index's own definition, so its NULL handling and partial
predicate are the index's; the failure message and ``check`` both print it, ready for psql.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import TextClause

from alembic_safe_unique.postgresql.ddl import table_stub
from alembic_safe_unique.postgresql.shapes import IndexColumn, IndexSpec


def duplicate_groups_query(spec: IndexSpec) -> sa.Select[Any]:
    """The SELECT that lists every group of rows sharing a key of ``spec``.

    NULLs count as distinct (rows with a NULL key part never collide) unless the index says
    ``NULLS NOT DISTINCT``; a partial index only looks at the rows its WHERE clause matches.
    """
    table = table_stub(spec.table_name, spec.schema)
    keys = [_key_expression(table, column) for column in spec.columns]
    rows = sa.func.count().label("rows")
    query = sa.select(*keys, rows).select_from(table)
    options = spec.option_map
    if not options.get("postgresql_nulls_not_distinct"):
        query = query.where(*(key.isnot(None) for key in keys))
    where = options.get("postgresql_where")
    if where is not None:
        query = query.where(sa.text(where) if isinstance(where, str) else where)
    return query.group_by(*keys).having(sa.func.count() > 1).order_by(rows.desc())


def _key_expression(table: sa.Table, column: IndexColumn) -> Any:
    if isinstance(column, str):
        if column not in table.c:
            table.append_column(sa.Column(column, sa.types.NULLTYPE))
        return table.c[column]
    if isinstance(column, TextClause):
        return sa.literal_column("(" + column.text + ")")
    return column


def render_query(connection: Connection, query: sa.Select[Any]) -> str:
    """The query as text a person can paste into psql."""
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    return str(compiled)
