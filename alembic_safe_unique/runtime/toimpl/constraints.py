"""How the five unique-constraint ops run: PostgreSQL's concurrent path, or the plain op.

Every other dialect gets what the plain Alembic operation does there, so one revision also
serves a SQLite development database."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol

from alembic.operations import Operations
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import Settings, current_settings
from alembic_safe_unique.errors import PartitionedTableError
from alembic_safe_unique.operations.arguments import check_identifier_length
from alembic_safe_unique.operations.constraints import (
    AttachUniqueConstraintOp,
    CreateUniqueConstraintConcurrentlyOp,
    DetachUniqueConstraintOp,
    DropUniqueConstraintOp,
    ReplaceUniqueConstraintOp,
    UniqueConstraintOperation,
)
from alembic_safe_unique.postgresql import catalog, naming
from alembic_safe_unique.postgresql.partition_tree import PARTITIONED
from alembic_safe_unique.postgresql.shapes import UniqueConstraintSpec
from alembic_safe_unique.runtime import (
    attach,
    partitioned_tables,
)
from alembic_safe_unique.runtime.build import IndexLook
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


def _settings(operation: UniqueConstraintOperation) -> Settings:
    overrides: dict[str, Any] = {
        "lock_timeout_ms": operation.lock_timeout_ms,
        "lock_attempts": operation.lock_attempts,
        "wait_timeout_s": operation.wait_timeout_s,
        "parallel_workers": operation.parallel_workers,
    }
    changes = {name: value for name, value in overrides.items() if value is not None}
    return dataclasses.replace(current_settings(), **changes)


def _constraint_name(operations: Operations, operation: UniqueConstraintOperation) -> str:
    """The op's name; an unnamed new constraint is named as SQLAlchemy or PostgreSQL would.

    The ``uq`` naming convention of ``target_metadata`` comes first (what the models' own
    constraints are named by), then PostgreSQL's ``<table>_<columns>_key``. The name does not
    depend on what the catalog holds, so a re-run finds what the first run built.
    """
    if operation.constraint_name is not None:
        return operation.constraint_name
    metadata = operations.get_context().opts.get("target_metadata")
    if isinstance(metadata, (list, tuple)):
        metadata = metadata[0] if metadata else None
    convention = getattr(metadata, "naming_convention", None) or {}
    name = naming.convention_unique_name(
        convention, operation.table_name, operation.columns, operation.schema
    )
    source = "the naming convention" if name else "PostgreSQL's own rule"
    name = name or naming.default_unique_name(operation.table_name, operation.columns)
    check_identifier_length("constraint", name)
    log.info(
        "The unique constraint on %s (%s) was given no name: it is %s, by %s.",
        operation.table_name,
        ", ".join(operation.columns),
        name,
        source,
    )
    return name


def _add_unique_constraint_plainly(
    operations: Operations, operation: UniqueConstraintOperation, name: str
) -> None:
    """What ``op.create_unique_constraint`` does on this dialect (batch mode on SQLite)."""
    if is_sqlite(operations):
        with operations.batch_alter_table(operation.table_name, schema=operation.schema) as batch:
            batch.create_unique_constraint(name, operation.columns)
        return
    operations.create_unique_constraint(
        name,
        operation.table_name,
        operation.columns,
        schema=operation.schema,
        deferrable=operation.deferrable,
        initially=operation.initially,
    )


def _drop_unique_constraint_plainly(
    operations: Operations, operation: UniqueConstraintOperation
) -> None:
    if is_sqlite(operations):
        with operations.batch_alter_table(operation.table_name, schema=operation.schema) as batch:
            batch.drop_constraint(operation.existing_name, type_="unique")
        return
    operations.drop_constraint(
        operation.existing_name, operation.table_name, type_="unique", schema=operation.schema
    )


Step = Callable[[Operations, UniqueConstraintSpec, Settings], None]


class PlainTableStep(Protocol):
    """A step on an ordinary table, given the table's oid the preconditions found (online)
    and, when nothing can have changed it since, the state of the constraint's index then."""

    def __call__(
        self,
        operations: Operations,
        spec: UniqueConstraintSpec,
        settings: Settings,
        *,
        table_oid: int | None = None,
        seen: IndexLook | None = None,
    ) -> None: ...


def _on_postgresql(
    operations: Operations,
    operation: UniqueConstraintOperation,
    step: PlainTableStep,
    on_partitioned: Step,
    *,
    new_constraint: bool = False,
) -> None:
    """Refuse unsafe servers and bad targets, then run the step for this kind of table
    outside Alembic's transaction, one migration process at a time."""
    spec = operation.spec(_constraint_name(operations, operation))
    spec = dataclasses.replace(spec, schema=effective_schema(operations, spec.schema))
    refuse_unsafe_server(operations, needs_nulls_not_distinct=bool(spec.nulls_not_distinct))
    target = None
    if not is_offline(operations):
        target = _check_constraint_target(
            connection(operations), spec, new_constraint=new_constraint
        )
        # From here on the op names the schema the table lives in: DDL, look-ups, messages.
        spec = dataclasses.replace(spec, schema=target.schema)
    settings = _settings(operation)

    def done_by_another_run() -> bool:
        return new_constraint and attach.constraint_matches(operations, spec)

    with (
        outside_transaction(operations),
        one_run_at_a_time(
            operations, spec.schema, spec.source_index_name, settings, done_by_another_run
        ) as waited,
    ):
        if target is not None and target.kind == PARTITIONED:
            on_partitioned(operations, spec, settings)
        elif target is None:
            step(operations, spec, settings)
        else:
            # No other run of this package has worked on the index since the preconditions
            # looked (it would have held the lock): what they saw of it still holds.
            seen = None if waited else IndexLook(target.index_state)
            step(operations, spec, settings, table_oid=target.oid, seen=seen)


def _check_constraint_target(
    conn: Connection, spec: UniqueConstraintSpec, *, new_constraint: bool
) -> catalog.Target:
    """Before anything commits: a real table, real columns, and (when new) a free name.

    Returns what the look found (the table's oid and kind, the state of the constraint's
    index), so the steps need not look them up again.
    """
    named = {"columns": spec.columns, "postgresql_include": spec.include}
    return require_target(
        conn,
        spec.table_name,
        spec.schema,
        "constraint",
        named,
        index_name=spec.source_index_name if new_constraint else None,
        constraint_name=spec.constraint_name if new_constraint else None,
        state_of=spec.constraint_name,
    )


def _refuse_partitioned(what: str) -> Step:
    def refuse(operations: Operations, spec: UniqueConstraintSpec, settings: Settings) -> None:
        raise PartitionedTableError(
            f"{what} is not supported on the partitioned table {spec.qualified_table} yet: "
            "add the new constraint with op.create_unique_constraint_concurrently under a new "
            "name, then drop the old one with op.drop_constraint. Nothing was changed."
        )

    return refuse


@Operations.implementation_for(CreateUniqueConstraintConcurrentlyOp)
@ours
def create_unique_constraint_concurrently(
    operations: Operations, operation: CreateUniqueConstraintConcurrentlyOp
) -> None:
    if not is_postgresql(operations):
        _add_unique_constraint_plainly(
            operations, operation, _constraint_name(operations, operation)
        )
        return
    _on_postgresql(
        operations,
        operation,
        attach.attach_unique_constraint,
        partitioned_tables.attach_unique_constraint,
        new_constraint=True,
    )


@Operations.implementation_for(AttachUniqueConstraintOp)
@ours
def attach_unique_constraint(operations: Operations, operation: AttachUniqueConstraintOp) -> None:
    if not is_postgresql(operations):
        operations.impl.drop_index(operation.spec().index().to_index())
        _add_unique_constraint_plainly(operations, operation, operation.existing_name)
        return
    _on_postgresql(
        operations,
        operation,
        attach.attach_unique_constraint,
        partitioned_tables.attach_unique_constraint,
        new_constraint=True,
    )


@Operations.implementation_for(DetachUniqueConstraintOp)
@ours
def detach_unique_constraint(operations: Operations, operation: DetachUniqueConstraintOp) -> None:
    if not is_postgresql(operations):
        _drop_unique_constraint_plainly(operations, operation)
        operations.impl.create_index(operation.spec().index().to_index())
        return
    _on_postgresql(
        operations,
        operation,
        attach.detach_unique_constraint,
        partitioned_tables.detach_unique_constraint,
    )


@Operations.implementation_for(DropUniqueConstraintOp)
@ours
def drop_unique_constraint(operations: Operations, operation: DropUniqueConstraintOp) -> None:
    if not is_postgresql(operations):
        _drop_unique_constraint_plainly(operations, operation)
        return
    _on_postgresql(
        operations,
        operation,
        attach.drop_unique_constraint,
        attach.drop_unique_constraint,
    )


@Operations.implementation_for(ReplaceUniqueConstraintOp)
@ours
def replace_unique_constraint(operations: Operations, operation: ReplaceUniqueConstraintOp) -> None:
    previous = operation.previous_spec()
    if not is_postgresql(operations):
        if previous.index_name is not None:
            operations.impl.create_index(previous.index().to_index())
        _drop_unique_constraint_plainly(operations, operation)
        operations.impl.drop_index(operation.spec().index().to_index())
        _add_unique_constraint_plainly(operations, operation, operation.existing_name)
        return

    def swap(
        operations: Operations,
        spec: UniqueConstraintSpec,
        settings: Settings,
        *,
        table_oid: int | None = None,
        seen: IndexLook | None = None,
    ) -> None:
        on_same_table = dataclasses.replace(previous, schema=spec.schema)
        attach.replace_unique_constraint(
            operations, spec, on_same_table, settings, table_oid=table_oid, seen=seen
        )

    _on_postgresql(operations, operation, swap, _refuse_partitioned("Swapping a unique constraint"))
