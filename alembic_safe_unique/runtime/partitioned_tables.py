"""Unique constraints and indexes on partitioned tables, one partition at a time.

PostgreSQL can neither build an index concurrently on a partitioned table nor attach one as a
constraint there. So each leaf partition gets its own concurrent build and attach (resumable:
a re-run skips the partitions already done), and only then does each partitioned level get its
constraint or index, which PostgreSQL assembles from the partitions' own without building
anything, in one short lock-bounded step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations
from sqlalchemy.engine import Connection
from sqlalchemy.schema import DropConstraint, DropIndex

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import IndexConflictError
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.postgresql.ddl import (
    RenameIndex,
    table_stub,
)
from alembic_safe_unique.postgresql.partition_ddl import (
    AddUniqueConstraintOnPartitioned,
    AttachIndexPartition,
    CreateIndexOnOnly,
)
from alembic_safe_unique.postgresql.partition_tree import (
    Partition,
    check_unique_key_covers_partition_keys,
    leaves,
    partition_object_name,
    partition_tree,
)
from alembic_safe_unique.postgresql.shapes import IndexSpec, TableRef, UniqueConstraintSpec
from alembic_safe_unique.runtime import attach, build, short_steps
from alembic_safe_unique.runtime.connection import connection, log
from alembic_safe_unique.runtime.preconditions import require_table
from alembic_safe_unique.util.alembic_internals import bound_index

_INDEX_PARENT = sa.text("SELECT inhparent FROM pg_inherits WHERE inhrelid = :oid")


def _tree(operations: Operations, table_name: str, schema: str | None) -> list[Partition]:
    conn = connection(operations)
    return partition_tree(conn, require_table(conn, table_name, schema))


def _level_name(name: str, table: Partition) -> str:
    """The root keeps the name the migration gave; every partition below gets its own."""
    return name if table.level == 0 else partition_object_name(name, table)


def _constraint_on(spec: UniqueConstraintSpec, table: Partition) -> UniqueConstraintSpec:
    index_name = spec.index_name and _level_name(spec.index_name, table)
    return replace(
        spec,
        table_name=table.name,
        schema=table.schema,
        constraint_name=_level_name(spec.constraint_name, table),
        index_name=index_name,
    )


def _index_on(spec: IndexSpec, table: Partition) -> IndexSpec:
    return replace(
        spec, name=_level_name(spec.name, table), table_name=table.name, schema=table.schema
    )


def _log_partition(number: int, total: int, partition: Partition) -> None:
    log.info("Partition %d of %d: %s.", number, total, partition.qualified_name)


def _has_unique_constraint(conn: Connection, table: Partition, name: str) -> bool:
    state = catalog.index_state(conn, table.oid, name)
    return (
        state is not None
        and state.table_oid == table.oid
        and state.constraint_type == "u"
        and state.is_valid
    )


def attach_unique_constraint(
    operations: Operations, spec: UniqueConstraintSpec, settings: Settings
) -> None:
    """Build and attach the constraint on every leaf, then add it level by level upwards."""
    conn = connection(operations)
    tree = _tree(operations, spec.table_name, spec.schema)
    if _has_unique_constraint(conn, tree[0], spec.constraint_name):
        log.info("%s is already in place; nothing to do.", spec.describe())
        return
    check_unique_key_covers_partition_keys(conn, tree, spec.columns, spec.describe())
    _refuse_partitioned_source_index(conn, tree[0], spec)
    rows = leaves(tree)
    for number, leaf in enumerate(rows, 1):
        _log_partition(number, len(rows), leaf)
        attach.attach_unique_constraint(operations, _constraint_on(spec, leaf), settings)
    for table in sorted((t for t in tree if t.is_partitioned), key=lambda t: -t.level):
        _add_on_partitioned_level(operations, spec, table, tree, settings)


def _refuse_partitioned_source_index(
    conn: Connection, root: Partition, spec: UniqueConstraintSpec
) -> None:
    """A finished partitioned index cannot become a constraint without building it again."""
    state = catalog.index_state(conn, root.oid, spec.source_index_name)
    if state is None or state.table_oid != root.oid or state.constraint_name is not None:
        return
    raise IndexConflictError(
        f"{root.qualified_name} already has the partitioned index {spec.source_index_name!r}; "
        "PostgreSQL cannot turn a partitioned index into a constraint, and adding the "
        "constraint next to it would build every partition's index again under a lock. "
        "Build the index with op.create_index_concurrently(..., partitions_only=True) (what "
        "autogenerate writes for partitioned tables), or drop this index and use "
        "op.create_unique_constraint_concurrently. Nothing was changed."
    )


def _add_on_partitioned_level(
    operations: Operations,
    spec: UniqueConstraintSpec,
    table: Partition,
    tree: list[Partition],
    settings: Settings,
) -> None:
    conn = connection(operations)
    level_spec = _constraint_on(spec, table)
    if _has_unique_constraint(conn, table, level_spec.constraint_name):
        log.info("%s is already in place.", level_spec.describe())
        return
    children = [child for child in tree if child.parent_oid == table.oid]
    lacking = [
        child.qualified_name
        for child in children
        if not _has_unique_constraint(conn, child, _level_name(spec.constraint_name, child))
    ]
    if lacking:
        raise IndexConflictError(
            f"Cannot add {level_spec.describe()}: partition(s) {', '.join(lacking)} have no "
            "matching constraint, so PostgreSQL would build their indexes under a lock that "
            "blocks writes (a partition attached while the migration ran?). Run the migration "
            "again: it builds what is missing concurrently first."
        )
    statement = AddUniqueConstraintOnPartitioned(
        table_stub(table.name, table.schema),
        level_spec.constraint_name,
        spec.columns,
        include=spec.include,
        nulls_not_distinct=spec.nulls_not_distinct,
        deferrable=spec.deferrable,
        initially=spec.initially,
    )
    timing = short_steps.run_under_lock_timeout(
        operations, level_spec, [statement], settings, f"Attaching {level_spec.describe()}"
    )
    log.info(
        "Attached %s from its %d partitions' constraints, nothing rebuilt (waited %.1f ms for "
        "the locks, held them %.1f ms).",
        level_spec.describe(),
        len(children),
        timing.waited_ms,
        timing.held_ms,
        extra={"lock_held_ms": timing.held_ms, "lock_waited_ms": timing.waited_ms},
    )


def detach_unique_constraint(
    operations: Operations, spec: UniqueConstraintSpec, settings: Settings
) -> None:
    """Back to per-partition unique indexes (what the build revision made), always guarded."""
    conn = connection(operations)
    tree = _tree(operations, spec.table_name, spec.schema)
    rows = leaves(tree)
    same_name = spec.source_index_name == spec.constraint_name
    if not _has_unique_constraint(conn, tree[0], spec.constraint_name):
        log.info("%s is not there; only making sure its indexes exist.", spec.describe())
        build_index(operations, spec.index(), settings, partitions_only=True)
        return
    renames: list[Any] = []
    for number, leaf in enumerate(rows, 1):
        _log_partition(number, len(rows), leaf)
        leaf_spec = _constraint_on(spec, leaf)
        build_as = leaf_spec.scratch_index_name() if same_name else leaf_spec.source_index_name
        build.ensure_index(operations, leaf_spec.index(name=build_as), settings)
        if same_name:
            renames.append(RenameIndex(leaf.schema, build_as, leaf_spec.source_index_name))
    constraint = attach.constraint_stub(spec)
    short_steps.run_under_lock_timeout(
        operations,
        spec,
        [DropConstraint(constraint), *renames],
        settings,
        f"Detaching {spec.describe()}",
    )
    log.info(
        "Detached %s; each of its %d partitions keeps a unique index.", spec.describe(), len(rows)
    )


def build_index(
    operations: Operations, spec: IndexSpec, settings: Settings, *, partitions_only: bool
) -> None:
    """Build the index on every leaf concurrently, then (unless ``partitions_only``) the parents'.

    ``partitions_only`` leaves the parents without an index: the build half of a unique
    constraint, which must find the partitions' indexes free to attach.
    """
    conn = connection(operations)
    tree = _tree(operations, spec.table_name, spec.schema)
    if spec.unique:
        check_unique_key_covers_partition_keys(conn, tree, spec.columns, spec.describe())
    root_state = catalog.index_state(conn, tree[0].oid, spec.name)
    if root_state is not None and root_state.is_valid and not partitions_only:
        build.check_same_definition(operations, spec, root_state)
        log.info("Reusing the valid partitioned index %s (same definition).", spec.name)
        return
    rows = leaves(tree)
    for number, leaf in enumerate(rows, 1):
        _log_partition(number, len(rows), leaf)
        build.ensure_index(operations, _index_on(spec, leaf), settings)
    if not partitions_only:
        _assemble_partitioned_index(operations, spec, tree, settings)


def _assemble_partitioned_index(
    operations: Operations, spec: IndexSpec, tree: list[Partition], settings: Settings
) -> None:
    """``CREATE INDEX ... ON ONLY`` each parent and attach the children's indexes, in one step."""
    conn = connection(operations)
    statements: list[Any] = []
    for table in tree:
        if (
            table.is_partitioned
            and catalog.index_state(conn, table.oid, _level_name(spec.name, table)) is None
        ):
            statements.append(CreateIndexOnOnly(_index_on(spec, table).to_index()))
    by_oid = {table.oid: table for table in tree}
    for child in sorted(tree[1:], key=lambda t: -t.level):
        parent = by_oid[child.parent_oid] if child.parent_oid is not None else None
        if parent is None or _index_is_attached(conn, child, _level_name(spec.name, child)):
            continue
        statements.append(
            AttachIndexPartition(
                (parent.schema, _level_name(spec.name, parent)),
                (child.schema, _level_name(spec.name, child)),
            )
        )
    if not statements:
        return
    timing = short_steps.run_under_lock_timeout(
        operations, spec, statements, settings, f"Assembling {spec.describe()}"
    )
    log.info(
        "Assembled %s from its partitions' indexes, nothing rebuilt (waited %.1f ms for the "
        "locks, held them %.1f ms).",
        spec.describe(),
        timing.waited_ms,
        timing.held_ms,
        extra={"lock_held_ms": timing.held_ms, "lock_waited_ms": timing.waited_ms},
    )


def _index_is_attached(conn: Connection, table: Partition, index_name: str) -> bool:
    state = catalog.index_state(conn, table.oid, index_name)
    if state is None:
        return False
    return conn.execute(_INDEX_PARENT, {"oid": state.oid}).first() is not None


def drop_index(
    operations: Operations,
    index_name: str,
    table_name: str,
    schema: str | None,
    settings: Settings,
) -> None:
    """Drop the parent's index (a catalog change), then any partition's index still there."""
    conn = connection(operations)
    tree = _tree(operations, table_name, schema)
    root = tree[0]
    state = catalog.index_state(conn, root.oid, index_name)
    if state is not None and state.table_oid == root.oid:
        build.refuse_dropping_constraint_index(index_name, state)
        index = bound_index(index_name, table=table_stub("unused", root.schema))
        short_steps.run_under_lock_timeout(
            operations,
            TableRef(table_name, schema),
            [DropIndex(index)],
            settings,
            f"Dropping index {index_name!r}",
        )
    for leaf in leaves(tree):
        name = _level_name(index_name, leaf)
        if catalog.index_state(conn, leaf.oid, name) is not None:
            build.drop_index(operations, name, leaf.schema, settings)
    log.info("Dropped index %s on %s and its partitions.", index_name, root.qualified_name)
