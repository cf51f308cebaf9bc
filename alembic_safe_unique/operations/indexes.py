"""The concurrent index operations: what each one means, its inverse, its diff form.

Nothing here runs SQL; ``toimpl`` does. Importing this module registers ``op.<name>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic.operations import MigrateOperation, Operations

from alembic_safe_unique.config import check_parallel_workers
from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.operations.arguments import (
    check_distinct,
    check_identifier_length,
    column_names,
)
from alembic_safe_unique.postgresql.ddl import (
    table_stub,
)
from alembic_safe_unique.postgresql.shapes import IndexColumn, IndexSpec
from alembic_safe_unique.util.alembic_internals import bound_index


@Operations.register_operation("create_index_concurrently")
class CreateIndexConcurrentlyOp(MigrateOperation):
    """``CREATE [UNIQUE] INDEX CONCURRENTLY``, with leftover healing and duplicate reporting."""

    def __init__(
        self,
        index_name: str,
        table_name: str,
        columns: Sequence[IndexColumn],
        *,
        schema: str | None = None,
        unique: bool = False,
        partitions_only: bool = False,
        wait_timeout_s: float | None = None,
        parallel_workers: int | None = None,
        **kw: Any,
    ) -> None:
        check_identifier_length("index", index_name)
        check_parallel_workers(parallel_workers, allow_none=True)
        if isinstance(columns, str) or not columns:
            column_names(f"Index {index_name!r}", "columns", columns)
        check_distinct(f"Index {index_name!r}", "columns", columns)
        self.index_name = index_name
        self.table_name = table_name
        self.columns = list(columns)
        self.schema = schema
        self.unique = unique
        self.partitions_only = partitions_only
        self.wait_timeout_s = wait_timeout_s
        self.parallel_workers = parallel_workers
        self.kw = kw

    @classmethod
    def create_index_concurrently(
        cls,
        operations: Operations,
        index_name: str,
        table_name: str,
        columns: Sequence[IndexColumn],
        *,
        schema: str | None = None,
        unique: bool = False,
        partitions_only: bool = False,
        wait_timeout_s: float | None = None,
        parallel_workers: int | None = None,
        **kw: Any,
    ) -> None:
        """Build an index without blocking writes, outside any transaction.

        The one way to add a *partial* or *expression* unique (which PostgreSQL can never hold
        as a constraint), and the build half of a unique constraint. ``lock_timeout`` and
        ``statement_timeout`` are off for the build and restored afterwards. An invalid index
        of this name (an earlier failed or killed build) is dropped concurrently and rebuilt; a
        valid one with the same definition is reused; one with another definition is an error
        showing both. Duplicate keys fail the build, the failed index is dropped, and the error
        gives a query listing every duplicate group.

        :param index_name: name of the index, at most 63 bytes.
        :param table_name: the existing table.
        :param columns: column names, ``sa.text()`` expressions or SQL expressions.
        :param schema: schema of the table.
        :param unique: ``True`` for a unique index.
        :param partitions_only: on a partitioned table, build each partition's index and stop
         there, leaving the parent without one: the build half of a unique constraint, which
         ``op.attach_unique_constraint`` then attaches partition by partition. Without it the
         parent's index is assembled from the partitions' (``ON ONLY`` + ``ATTACH PARTITION``).
         No effect on other tables.
        :param wait_timeout_s: how long the build may wait for other sessions (old snapshots,
         writers idle in transaction) before it is cancelled, its leftover dropped, and the
         error names who it waited for (default: ``configure(wait_timeout_s=...)``, no bound).
        :param parallel_workers: the build session's ``max_parallel_maintenance_workers``
         (``0``: one process, gentlest on a busy server); default:
         ``configure(parallel_workers=...)``, 0.
        :param kw: dialect options as for ``op.create_index``: ``postgresql_where``,
         ``postgresql_include``, ``postgresql_nulls_not_distinct``, ``postgresql_using``,
         ``postgresql_ops``, ...

        On a partitioned table each leaf partition's index is built concurrently in turn, named
        ``<partition>_<index_name>``; a re-run continues with the partitions not yet done.

        Other dialects get a plain ``op.create_index``.
        """
        operations.invoke(
            cls(
                index_name,
                table_name,
                columns,
                schema=schema,
                unique=unique,
                partitions_only=partitions_only,
                wait_timeout_s=wait_timeout_s,
                parallel_workers=parallel_workers,
                **kw,
            )
        )

    def spec(self) -> IndexSpec:
        return IndexSpec.build(
            self.index_name,
            self.table_name,
            self.columns,
            schema=self.schema,
            unique=self.unique,
            options=self.kw,
        )

    def to_index(self) -> sa.Index:
        return self.spec().to_index()

    def reverse(self) -> DropIndexConcurrentlyOp:
        return DropIndexConcurrentlyOp(
            self.index_name, self.table_name, schema=self.schema, _reverse=self
        )

    def to_diff_tuple(self) -> tuple[str, sa.Index]:
        return ("add_index", self.to_index())


@Operations.register_operation("drop_index_concurrently")
class DropIndexConcurrentlyOp(MigrateOperation):
    """``DROP INDEX CONCURRENTLY``: removes an index without blocking reads and writes."""

    def __init__(
        self,
        index_name: str,
        table_name: str | None = None,
        *,
        schema: str | None = None,
        _reverse: CreateIndexConcurrentlyOp | None = None,
    ) -> None:
        self.index_name = index_name
        self.table_name = table_name
        self.schema = schema
        self._reverse = _reverse

    @classmethod
    def drop_index_concurrently(
        cls,
        operations: Operations,
        index_name: str,
        table_name: str | None = None,
        *,
        schema: str | None = None,
    ) -> None:
        """Drop an index concurrently, outside any transaction, with timeouts off.

        An index that is already gone is logged and skipped, so a re-run after a crash
        completes. An index that backs a constraint cannot be dropped this way; the error says
        to use ``op.drop_constraint`` or ``op.detach_unique_constraint``.

        :param index_name: the index.
        :param table_name: its table (used by other dialects).
        :param schema: the schema of the index, if not on the search path.
        """
        operations.invoke(cls(index_name, table_name, schema=schema))

    def reverse(self) -> CreateIndexConcurrentlyOp:
        if self._reverse is None:
            raise InvalidArgumentError(
                f"drop_index_concurrently({self.index_name!r}) does not know the index "
                "definition, so it has no automatic reverse; write the downgrade by hand."
            )
        return self._reverse

    def to_diff_tuple(self) -> tuple[str, sa.Index]:
        if self._reverse is not None:
            return ("remove_index", self._reverse.to_index())
        # Columns unknown: an index with none, named and placed, is all the diff can say.
        stub = table_stub(self.table_name or "", self.schema)
        return ("remove_index", bound_index(self.index_name, table=stub))
