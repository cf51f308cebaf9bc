"""Sort what autogenerate found by how it can run safely on a table that holds data.

Unique constraints and indexes on tables that already exist become this package's operations:
builds (concurrent, outside any transaction), then attaches, swaps and drops (short lock-bounded
transactions). Everything else stays exactly as Alembic wrote it. Tables created or dropped in
the same run are left alone: there is no data to protect.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from alembic.operations import ops
from alembic.operations.ops import MigrateOperation

from alembic_safe_unique.operations.constraints import (
    AttachUniqueConstraintOp,
    DropUniqueConstraintOp,
    ReplaceUniqueConstraintOp,
    staging_index_name,
)
from alembic_safe_unique.operations.indexes import (
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
)
from alembic_safe_unique.postgresql.naming import default_unique_name, final_name
from alembic_safe_unique.util import alembic_internals

NameTaken = Callable[[str, str, "str | None"], bool]
"""``(name, table_name, schema) -> bool``: is the name already used in the table's schema?"""

TableTest = Callable[[str, "str | None"], bool]
"""``(table_name, schema) -> bool``: a question about an existing table."""

OpKey = tuple[Any, ...]


@dataclass(frozen=True)
class PlanOptions:
    """What the rewriter may change, and the lock budget written into the attach steps."""

    concurrent_indexes: bool = True
    lock_timeout_ms: int | None = None
    lock_attempts: int | None = None

    def lock_arguments(self) -> dict[str, Any]:
        return {
            key: value
            for key, value in (
                ("lock_timeout_ms", self.lock_timeout_ms),
                ("lock_attempts", self.lock_attempts),
            )
            if value is not None
        }


@dataclass
class Plan:
    """Autogenerate's upgrade operations, sorted into the revisions that will hold them."""

    other: list[MigrateOperation] = field(default_factory=list)
    builds: list[MigrateOperation] = field(default_factory=list)
    attaches: list[MigrateOperation] = field(default_factory=list)
    taken: set[OpKey] = field(default_factory=set)
    """Keys of the operations moved out of ``other``: their inverses leave the downgrade too."""

    @property
    def changes_anything(self) -> bool:
        return bool(self.builds or self.attaches)


@dataclass(frozen=True)
class _Unique:
    """A unique constraint as autogenerate described it, with its final name."""

    name: str
    schema: str | None
    table_name: str
    columns: tuple[str, ...]
    options: dict[str, Any]


def op_key(operation: MigrateOperation) -> OpKey | None:
    """Identifies an operation and its inverse alike (``add``/``drop`` of the same thing)."""
    if isinstance(operation, (ops.AddConstraintOp, ops.DropConstraintOp)):
        if getattr(operation, "constraint_type", None) != "unique":
            return None
        if (
            isinstance(operation, ops.DropConstraintOp)
            and alembic_internals.reverse_of(operation) is None
        ):
            return None  # columns unknown (not built by autogenerate): no safe inverse to write
        constraint = operation.to_constraint()
        table = constraint.table
        return ("unique", table.schema, table.name, constraint.name, _column_names(constraint))
    if isinstance(operation, (ops.CreateIndexOp, ops.DropIndexOp)):
        return ("index", operation.schema, operation.table_name, operation.index_name)
    return None


def _column_names(constraint: Any) -> tuple[str, ...]:
    return tuple(str(column.name) for column in constraint.columns)


class Planner:
    """Turns one autogenerate ``UpgradeOps`` into a :class:`Plan`."""

    def __init__(
        self,
        options: PlanOptions,
        name_taken: NameTaken,
        is_partitioned: TableTest = lambda table_name, schema: False,
    ) -> None:
        self.options = options
        self.name_taken = name_taken
        self.is_partitioned = is_partitioned
        self.chosen_names: set[tuple[str | None, str]] = set()

    def plan(self, upgrade_ops: ops.UpgradeOps) -> Plan:
        plan = Plan()
        fresh = {
            (op.schema, op.table_name)
            for op in upgrade_ops.ops
            if isinstance(op, (ops.CreateTableOp, ops.DropTableOp))
        }
        adds: list[_Unique] = []
        drops: list[_Unique] = []
        for operation in upgrade_ops.ops:
            if not isinstance(operation, ops.ModifyTableOps) or (
                (operation.schema, operation.table_name) in fresh
            ):
                plan.other.append(operation)
                continue
            kept = [op for op in operation.ops if not self._take(op, plan, adds, drops)]
            if kept:
                plan.other.append(
                    ops.ModifyTableOps(operation.table_name, kept, schema=operation.schema)
                )
        self._pair_constraints(plan, adds, drops)
        return plan

    def _take(
        self,
        operation: MigrateOperation,
        plan: Plan,
        adds: list[_Unique],
        drops: list[_Unique],
    ) -> bool:
        """Move ``operation`` into the plan's safe steps; False leaves it to Alembic."""
        key = op_key(operation)
        if key is None:
            return False
        if isinstance(operation, ops.AddConstraintOp):
            adds.append(self._unique(operation.to_constraint()))
        elif isinstance(operation, ops.DropConstraintOp):
            drops.append(self._unique(operation.to_constraint()))
        elif isinstance(operation, ops.CreateIndexOp):
            if operation.index_name is None or not (
                operation.unique or self.options.concurrent_indexes
            ):
                return False
            plan.builds.append(_concurrent_index(operation))
        elif isinstance(operation, ops.DropIndexOp):
            created = operation.reverse()
            if not (created.unique or self.options.concurrent_indexes):
                return False
            plan.builds.append(
                DropIndexConcurrentlyOp(
                    operation.index_name,
                    operation.table_name,
                    schema=operation.schema,
                    _reverse=_concurrent_index(created),
                )
            )
        plan.taken.add(key)
        return True

    def _unique(self, constraint: Any) -> _Unique:
        """``constraint`` is the ``sa.UniqueConstraint`` an Alembic op describes."""
        table = constraint.table
        columns = _column_names(constraint)
        name = final_name(constraint) if isinstance(constraint.name, str) else None
        if not isinstance(name, str):  # None, or SQLAlchemy's "no name yet" marker
            name = self._default_name(table.name, table.schema, columns)
        # Reflection reports the defaults too (NULLS DISTINCT, no INCLUDE): keep only real options.
        options: dict[str, Any] = {
            "deferrable": constraint.deferrable,
            "initially": constraint.initially,
            "postgresql_nulls_not_distinct": constraint.dialect_kwargs.get(
                "postgresql_nulls_not_distinct"
            )
            or None,
            "postgresql_include": constraint.dialect_kwargs.get("postgresql_include") or None,
        }
        options = {key: value for key, value in options.items() if value is not None}
        return _Unique(name, table.schema, table.name, columns, options)

    def _default_name(self, table_name: str, schema: str | None, columns: Iterable[str]) -> str:
        def taken(name: str) -> bool:
            return (schema, name) in self.chosen_names or self.name_taken(name, table_name, schema)

        name = default_unique_name(table_name, list(columns), taken)
        self.chosen_names.add((schema, name))
        return name

    def _pair_constraints(self, plan: Plan, adds: list[_Unique], drops: list[_Unique]) -> None:
        """Adds become build + attach; an add and a drop of one name become build + swap."""
        lock = self.options.lock_arguments()
        dropped = {(d.schema, d.table_name, d.name): d for d in drops}
        unique_builds: list[MigrateOperation] = []
        for add in adds:
            previous = dropped.pop((add.schema, add.table_name, add.name), None)
            common: dict[str, Any] = {"schema": add.schema, **add.options}
            if previous is None:
                partitioned = self.is_partitioned(add.table_name, add.schema)
                unique_builds.append(_unique_index(add.name, add, partitions_only=partitioned))
                plan.attaches.append(
                    AttachUniqueConstraintOp(
                        add.name, add.table_name, add.columns, **common, **lock
                    )
                )
                continue
            staging = staging_index_name(add.name)
            unique_builds.append(_unique_index(staging, add))
            plan.attaches.append(
                ReplaceUniqueConstraintOp(
                    add.name,
                    add.table_name,
                    add.columns,
                    previous_columns=previous.columns,
                    index_name=staging,
                    **common,
                    **lock,
                )
            )
        plan.builds[:0] = unique_builds
        for drop in dropped.values():
            plan.attaches.append(
                DropUniqueConstraintOp(
                    drop.name,
                    drop.table_name,
                    drop.columns,
                    schema=drop.schema,
                    **drop.options,
                    **lock,
                )
            )


def _unique_index(
    name: str, unique: _Unique, *, partitions_only: bool = False
) -> CreateIndexConcurrentlyOp:
    """The unique index a constraint will be attached from (on each partition, if partitioned)."""
    options = {
        key: unique.options[key]
        for key in ("postgresql_nulls_not_distinct", "postgresql_include")
        if key in unique.options
    }
    return CreateIndexConcurrentlyOp(
        name,
        unique.table_name,
        unique.columns,
        schema=unique.schema,
        unique=True,
        partitions_only=partitions_only,
        **options,
    )


def _concurrent_index(operation: ops.CreateIndexOp) -> CreateIndexConcurrentlyOp:
    assert operation.index_name is not None, "autogenerate names every index"
    columns = [
        column.name if isinstance(column, sa.Column) else column for column in operation.columns
    ]
    return CreateIndexConcurrentlyOp(
        operation.index_name,
        operation.table_name,
        columns,
        schema=operation.schema,
        unique=bool(operation.unique),
        **operation.kw,
    )
