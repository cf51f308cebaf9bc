"""How the two primary-key ops run: PostgreSQL's short-lock path, or the plain op elsewhere."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from alembic.operations import Operations

from alembic_safe_unique.config import Settings, current_settings
from alembic_safe_unique.errors import PartitionedTableError
from alembic_safe_unique.operations.primary_keys import (
    CreatePrimaryKeyConcurrentlyOp,
    DropPrimaryKeyConcurrentlyOp,
    PrimaryKeyOperation,
)
from alembic_safe_unique.postgresql.partition_tree import PARTITIONED
from alembic_safe_unique.runtime import primary_keys
from alembic_safe_unique.runtime.connection import (
    connection,
    effective_schema,
    is_offline,
    is_postgresql,
    log,
)
from alembic_safe_unique.runtime.preconditions import require_target
from alembic_safe_unique.runtime.server_checks import refuse_unsafe_server
from alembic_safe_unique.runtime.toimpl.shared import is_sqlite, one_run_at_a_time, ours
from alembic_safe_unique.runtime.transactions import outside_transaction

Op = TypeVar("Op", bound=PrimaryKeyOperation)


def _settings(operation: PrimaryKeyOperation) -> Settings:
    overrides: dict[str, Any] = {
        "lock_timeout_ms": operation.lock_timeout_ms,
        "lock_attempts": operation.lock_attempts,
        "wait_timeout_s": operation.wait_timeout_s,
        "parallel_workers": operation.parallel_workers,
    }
    changes = {name: value for name, value in overrides.items() if value is not None}
    return dataclasses.replace(current_settings(), **changes)


def _in_schema(operation: Op, schema: str | None) -> Op:
    """The op naming the schema its table lives in: DDL, look-ups and messages agree."""
    placed = copy.copy(operation)
    placed.schema = schema
    return placed


def _on_postgresql(
    operations: Operations,
    operation: Op,
    step: Callable[[Operations, Op, Settings, int | None], None],
    *,
    new_key: bool,
) -> None:
    """Check the table before anything commits, then run ``step`` outside Alembic's
    transaction, one migration process at a time."""
    operation = _in_schema(operation, effective_schema(operations, operation.schema))
    refuse_unsafe_server(operations, needs_nulls_not_distinct=False)
    table_oid = None
    if not is_offline(operations):
        conn = connection(operations)
        named = {"columns": operation.columns}
        target = require_target(conn, operation.table_name, operation.schema, "constraint", named)
        operation = _in_schema(operation, target.schema)
        if target.kind == PARTITIONED:
            raise PartitionedTableError(
                f"{operation.table_name!r} is partitioned: a concurrent build cannot run on its "
                "parent. Add the primary key with op.create_primary_key in a quiet moment, or "
                "per partition. Nothing was changed."
            )
        table_oid = target.oid
        if new_key:
            state = primary_keys.current_state(operations, operation, table_oid)
            if primary_keys.key_in_place(operation, state):
                log.info(
                    "Primary key %r is already in place; nothing to do.", operation.constraint_name
                )
                return
            primary_keys.refuse_foreign_helper(operation, state)
            require_target(
                conn,
                operation.table_name,
                operation.schema,
                "constraint",
                named,
                index_name=operation.constraint_name,
                constraint_name=operation.constraint_name,
            )
    settings = _settings(operation)

    def done_by_another_run() -> bool:
        if table_oid is None or not new_key:
            return False
        state = primary_keys.current_state(operations, operation, table_oid)
        return primary_keys.key_in_place(operation, state)

    with (
        outside_transaction(operations),
        one_run_at_a_time(
            operations, operation.schema, operation.constraint_name, settings, done_by_another_run
        ),
    ):
        step(operations, operation, settings, table_oid)


@Operations.implementation_for(CreatePrimaryKeyConcurrentlyOp)
@ours
def create_primary_key_concurrently(
    operations: Operations, operation: CreatePrimaryKeyConcurrentlyOp
) -> None:
    if not is_postgresql(operations):
        if is_sqlite(operations):
            with operations.batch_alter_table(operation.table_name, schema=operation.schema) as b:
                b.create_primary_key(operation.constraint_name, operation.columns)
            return
        operations.create_primary_key(
            operation.constraint_name,
            operation.table_name,
            operation.columns,
            schema=operation.schema,
        )
        return
    _on_postgresql(operations, operation, primary_keys.add_primary_key, new_key=True)


@Operations.implementation_for(DropPrimaryKeyConcurrentlyOp)
@ours
def drop_primary_key_concurrently(
    operations: Operations, operation: DropPrimaryKeyConcurrentlyOp
) -> None:
    if not is_postgresql(operations):
        if is_sqlite(operations):
            with operations.batch_alter_table(operation.table_name, schema=operation.schema) as b:
                b.drop_constraint(operation.constraint_name, type_="primary")
            return
        operations.drop_constraint(
            operation.constraint_name,
            operation.table_name,
            type_="primary",
            schema=operation.schema,
        )
        return
    _on_postgresql(operations, operation, primary_keys.drop_primary_key, new_key=False)
