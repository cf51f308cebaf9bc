"""How create_index_concurrently and drop_index_concurrently run."""

from __future__ import annotations

import dataclasses
from typing import Any

from alembic.operations import Operations
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import current_settings
from alembic_safe_unique.operations.indexes import (
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
)
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.postgresql.partition_tree import PARTITIONED, table_is_partitioned
from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.runtime import (
    build,
    partitioned_tables,
)
from alembic_safe_unique.runtime.connection import (
    connection,
    effective_schema,
    is_offline,
    is_postgresql,
    log,
)
from alembic_safe_unique.runtime.preconditions import require_target
from alembic_safe_unique.runtime.server_checks import refuse_unsafe_server
from alembic_safe_unique.runtime.toimpl.shared import one_run_at_a_time, ours
from alembic_safe_unique.runtime.transactions import outside_transaction


@Operations.implementation_for(CreateIndexConcurrentlyOp)
@ours
def create_index_concurrently(operations: Operations, operation: CreateIndexConcurrentlyOp) -> None:
    spec = operation.spec()
    if not is_postgresql(operations):
        operations.impl.create_index(spec.to_index())
        return
    spec = dataclasses.replace(spec, schema=effective_schema(operations, spec.schema))
    refuse_unsafe_server(
        operations,
        needs_nulls_not_distinct=bool(spec.option_map.get("postgresql_nulls_not_distinct")),
    )
    target = None
    if not is_offline(operations):
        target = _check_index_target(connection(operations), spec)
        # From here on the op names the schema the table lives in: DDL, look-ups, messages.
        spec = dataclasses.replace(spec, schema=target.schema)
    overrides: dict[str, Any] = {
        "wait_timeout_s": operation.wait_timeout_s,
        "parallel_workers": operation.parallel_workers,
    }
    changes = {name: value for name, value in overrides.items() if value is not None}
    settings = dataclasses.replace(current_settings(), **changes)

    def done_by_another_run() -> bool:
        return build.valid_index_exists(operations, spec)

    with (
        outside_transaction(operations),
        one_run_at_a_time(
            operations, spec.schema, spec.name, settings, done_by_another_run
        ) as waited,
    ):
        if target is not None and target.kind == PARTITIONED:
            partitioned_tables.build_index(
                operations, spec, settings, partitions_only=operation.partitions_only
            )
        else:
            # Nothing held the index's name when the preconditions looked, and no other run
            # of this package has worked on it since (it would have held the lock): no index.
            seen = None
            if target is not None and not waited and not target.holders_of(spec.name):
                seen = build.IndexLook(None)
            table_oid = target.oid if target is not None else None
            build.ensure_index(operations, spec, settings, table_oid=table_oid, seen=seen)


def _check_index_target(conn: Connection, spec: IndexSpec) -> catalog.Target:
    """Before anything commits: a relation that can hold an index, real columns, a free name.

    Returns what the look found, so the build need not look the table up again.
    """
    include = spec.option_map.get("postgresql_include") or ()
    named = {"columns": spec.columns, "postgresql_include": include}
    return require_target(conn, spec.table_name, spec.schema, "index", named, index_name=spec.name)


@Operations.implementation_for(DropIndexConcurrentlyOp)
@ours
def drop_index_concurrently(operations: Operations, operation: DropIndexConcurrentlyOp) -> None:
    if not is_postgresql(operations):
        operations.drop_index(operation.index_name, operation.table_name, schema=operation.schema)
        return
    schema = effective_schema(operations, operation.schema)
    with outside_transaction(operations):
        # Online only: an offline script cannot look, and writes the plain-table statements.
        if (
            not is_offline(operations)
            and operation.table_name is not None
            and table_is_partitioned(connection(operations), operation.table_name, schema)
        ):
            partitioned_tables.drop_index(
                operations, operation.index_name, operation.table_name, schema, current_settings()
            )
            return
        if not is_offline(operations):
            found = _index_to_drop(operations, operation.index_name, schema)
            if found is None:
                return
            schema = found.schema  # the index the look found, wherever the search_path found it
        build.drop_index(operations, operation.index_name, schema, current_settings())


def _index_to_drop(
    operations: Operations, index_name: str, schema: str | None
) -> catalog.Located | None:
    """The index to drop, or ``None`` (said) if there is none; refuses a constraint's index."""
    conn = connection(operations)
    found = catalog.locate(conn, index_name, schema)
    if found is None:
        shown = f"{schema}.{index_name}" if schema else index_name
        log.warning("Index %s does not exist; nothing to drop.", shown)
        return None
    state = catalog.index_state_by_oid(conn, found.oid)
    if state is not None:
        build.refuse_dropping_constraint_index(f"{found.schema}.{index_name}", state)
    return found
