"""A third-party Alembic plugin's op, as lint meets it: a class of its own, SQL only it knows.

It builds a GIN index for full-text search through Alembic's ``create_index`` (without
CONCURRENTLY), which lint can only find by reading the SQL the op writes offline.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic.operations import MigrateOperation, Operations


@Operations.register_operation("create_search_index")
class CreateSearchIndexOp(MigrateOperation):
    def __init__(self, index_name: str, table_name: str, column: str) -> None:
        self.index_name = index_name
        self.table_name = table_name
        self.column = column

    @classmethod
    def create_search_index(
        cls, operations: Operations, index_name: str, table_name: str, column: str
    ) -> Any:
        return operations.invoke(cls(index_name, table_name, column))


@Operations.implementation_for(CreateSearchIndexOp)
def create_search_index(operations: Operations, operation: CreateSearchIndexOp) -> None:
    operations.create_index(
        operation.index_name,
        operation.table_name,
        [sa.func.to_tsvector(sa.literal_column("'simple'"), sa.column(operation.column))],
        postgresql_using="gin",
    )
