"""``op.deduplicate_rows``: the "fix the data first" step before a unique constraint.

Nothing here runs SQL; ``dedupe`` does. The op carries what the user asked for and checks it, so a
bad argument fails before the migration touches the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from alembic.operations import MigrateOperation, Operations

from alembic_safe_unique.errors import InvalidArgumentError
from alembic_safe_unique.operations.arguments import column_names
from alembic_safe_unique.postgresql.shapes import OnTable

KEEP_CHOICES = ("newest", "oldest")


@dataclass(frozen=True)
class DeduplicationReport:
    """What ``op.deduplicate_rows`` removed; logged, and returned to the revision."""

    table: str
    columns: tuple[str, ...]
    groups: int
    rows_removed: int
    batches: int
    seconds: float


@Operations.register_operation("deduplicate_rows")
class DeduplicateRowsOp(MigrateOperation, OnTable):
    """Remove rows that share a key, keeping one per key; optionally add up counters."""

    def __init__(
        self,
        table_name: str,
        columns: Sequence[str],
        *,
        keep: str = "newest",
        order_by: Sequence[str] | str | None = None,
        sum_columns: Sequence[str] | str | None = None,
        where: str | None = None,
        nulls_not_distinct: bool = False,
        schema: str | None = None,
        batch_size: int = 1000,
    ) -> None:
        self.columns = column_names("deduplicate_rows", "columns", columns)
        if keep not in KEEP_CHOICES:
            raise InvalidArgumentError(
                f"keep must be 'newest' or 'oldest' (by order_by), got {keep!r}; to keep the "
                "row with the smallest or largest value of a column, name it in order_by."
            )
        self.order_by = column_names("deduplicate_rows", "order_by", order_by, optional=True)
        self.sum_columns = column_names(
            "deduplicate_rows", "sum_columns", sum_columns, optional=True
        )
        overlap = sorted(set(self.sum_columns) & set(self.columns))
        if overlap:
            raise InvalidArgumentError(
                f"sum_columns {overlap} are key columns; summing a key would change it. Name "
                "only the counters to add into the kept row."
            )
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InvalidArgumentError(
                f"batch_size must be a positive number of groups, not {batch_size!r}"
            )
        self.table_name = table_name
        self.keep = keep
        self.where = where
        self.nulls_not_distinct = nulls_not_distinct
        self.schema = schema
        self.batch_size = batch_size

    @classmethod
    def deduplicate_rows(
        cls,
        operations: Operations,
        table_name: str,
        columns: Sequence[str],
        *,
        keep: str = "newest",
        order_by: Sequence[str] | str | None = None,
        sum_columns: Sequence[str] | str | None = None,
        where: str | None = None,
        nulls_not_distinct: bool = False,
        schema: str | None = None,
        batch_size: int = 1000,
    ) -> DeduplicationReport | None:
        """Keep one row per value of ``columns``; delete the others in short batches.

        The kept row is the ``keep="newest"`` (largest) or ``"oldest"`` (smallest) by
        ``order_by`` (default: the primary key). Rows that tie on ``order_by`` are told apart
        by the primary key in the same direction (the largest key for ``"newest"``); a NULL in
        ``order_by`` sorts last either way, so such a row is kept only if every row of its
        group has NULL there. ``sum_columns`` are added up into the kept row the way
        ``sum()`` adds (NULL counts as nothing; all NULL stays NULL), so counters lose
        nothing. ``where`` and ``nulls_not_distinct`` mirror the unique
        that comes next: rows outside ``where`` are left alone, and rows with a NULL key part
        are distinct unless ``nulls_not_distinct``. Each batch of ``batch_size`` key groups is
        its own transaction under ``lock_timeout``, so no long lock is held; a re-run after
        a failure continues with what is left. Returns what was removed (``None`` offline).
        """
        op = cls(
            table_name,
            columns,
            keep=keep,
            order_by=order_by,
            sum_columns=sum_columns,
            where=where,
            nulls_not_distinct=nulls_not_distinct,
            schema=schema,
            batch_size=batch_size,
        )
        result: DeduplicationReport | None = operations.invoke(op)
        return result

    def describe(self, order_by: Sequence[str] = ()) -> str:
        """In words; ``order_by`` is the ordering in force when the op left it to the key."""
        order = ", ".join(self.order_by or order_by) or "primary key"
        text = f"{self.qualified_table} ({', '.join(self.columns)}), keeping the {self.keep} by "
        text += order
        if self.sum_columns:
            text += f" and adding {', '.join(self.sum_columns)} into it"
        return text

    def reverse(self) -> MigrateOperation:
        raise NotImplementedError(
            "Deleted duplicates cannot be restored by a downgrade; a revision that runs "
            "op.deduplicate_rows should leave its downgrade empty (or restore from a backup)."
        )

    def to_diff_tuple(self) -> tuple[Any, ...]:
        return ("deduplicate_rows", self.schema, self.table_name, tuple(self.columns))
