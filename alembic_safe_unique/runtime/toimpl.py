"""How each operation runs: a few lines per op, dispatched by op class like Alembic's toimpl.

PostgreSQL gets the concurrent, lock-aware path; every other dialect gets what the plain Alembic
operation does there, so one revision also serves a SQLite development database.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar, cast

from alembic.operations import Operations
from sqlalchemy.engine import Connection

from alembic_safe_unique.config import Settings, current_settings
from alembic_safe_unique.errors import PartitionedTableError, SafeUniqueError
from alembic_safe_unique.operations.arguments import check_identifier_length
from alembic_safe_unique.operations.constraints import (
    AttachUniqueConstraintOp,
    CreateUniqueConstraintConcurrentlyOp,
    DetachUniqueConstraintOp,
    _UniqueConstraintOpBase,
)
from alembic_safe_unique.operations.dedupe import DeduplicateRowsOp, DeduplicationReport
from alembic_safe_unique.operations.indexes import (
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
)
from alembic_safe_unique.operations.replace_constraints import (
    DropUniqueConstraintOp,
    ReplaceUniqueConstraintOp,
)
from alembic_safe_unique.operations.timeouts import SetLocalTimeoutsOp
from alembic_safe_unique.postgresql import catalog, naming
from alembic_safe_unique.postgresql.ddl import SetSessionSetting
from alembic_safe_unique.postgresql.shapes import IndexSpec, UniqueConstraintSpec
from alembic_safe_unique.runtime import (
    attach,
    build,
    coordination,
    deduplicate,
    partitioned_tables,
    run_state,
)
from alembic_safe_unique.runtime.connection import (
    connection,
    execute,
    is_offline,
    is_postgresql,
    log,
)
from alembic_safe_unique.runtime.preconditions import (
    require_columns,
    require_free_name,
    require_relation,
)
from alembic_safe_unique.runtime.server_checks import refuse_unsafe_server
from alembic_safe_unique.runtime.transactions import outside_transaction

Implementation = TypeVar("Implementation", bound=Callable[..., Any])


def _ours(implementation: Implementation) -> Implementation:
    """Statements an operation runs are its own, not the revision's (see ``run_state``)."""

    @functools.wraps(implementation)
    def run(operations: Operations, operation: Any) -> Any:
        state = run_state.of(operations.get_context())
        if state is None:
            return implementation(operations, operation)
        with state.ours():
            return implementation(operations, operation)

    return cast(Implementation, run)


def _settings(operation: _UniqueConstraintOpBase) -> Settings:
    overrides: dict[str, Any] = {
        "lock_timeout_ms": operation.lock_timeout_ms,
        "lock_attempts": operation.lock_attempts,
        "wait_timeout_s": operation.wait_timeout_s,
        "parallel_workers": operation.parallel_workers,
    }
    changes = {name: value for name, value in overrides.items() if value is not None}
    return dataclasses.replace(current_settings(), **changes)


def _is_sqlite(operations: Operations) -> bool:
    return operations.get_context().dialect.name == "sqlite"


def _constraint_name(operations: Operations, operation: _UniqueConstraintOpBase) -> str:
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
    operations: Operations, operation: _UniqueConstraintOpBase, name: str
) -> None:
    """What ``op.create_unique_constraint`` does on this dialect (batch mode on SQLite)."""
    if _is_sqlite(operations):
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
    operations: Operations, operation: _UniqueConstraintOpBase
) -> None:
    if _is_sqlite(operations):
        with operations.batch_alter_table(operation.table_name, schema=operation.schema) as batch:
            batch.drop_constraint(operation.existing_name, type_="unique")
        return
    operations.drop_constraint(
        operation.existing_name, operation.table_name, type_="unique", schema=operation.schema
    )


Step = Callable[[Operations, UniqueConstraintSpec, Settings], None]
_PARTITIONED = "p"


class PlainTableStep(Protocol):
    """A step on an ordinary table, given the table's oid the preconditions found (online)."""

    def __call__(
        self,
        operations: Operations,
        spec: UniqueConstraintSpec,
        settings: Settings,
        *,
        table_oid: int | None = None,
    ) -> None: ...


def _on_postgresql(
    operations: Operations,
    operation: _UniqueConstraintOpBase,
    step: PlainTableStep,
    on_partitioned: Step,
    *,
    new_constraint: bool = False,
) -> None:
    """Refuse unsafe servers and bad targets, then run the step for this kind of table
    outside Alembic's transaction, one migration process at a time."""
    spec = operation.spec(_constraint_name(operations, operation))
    refuse_unsafe_server(operations, needs_nulls_not_distinct=bool(spec.nulls_not_distinct))
    table_oid, kind = None, None
    if not is_offline(operations):
        table_oid, kind = _check_constraint_target(
            connection(operations), spec, new_constraint=new_constraint
        )
    settings = _settings(operation)

    def done_by_another_run() -> bool:
        return new_constraint and attach.constraint_matches(operations, spec)

    with (
        outside_transaction(operations),
        _one_run_at_a_time(
            operations, spec.schema, spec.source_index_name, settings, done_by_another_run
        ),
    ):
        if kind == _PARTITIONED:
            on_partitioned(operations, spec, settings)
        else:
            step(operations, spec, settings, table_oid=table_oid)


@contextmanager
def _one_run_at_a_time(
    operations: Operations,
    schema: str | None,
    index_name: str,
    settings: Settings,
    done: Callable[[], bool],
) -> Iterator[None]:
    """Refuse to race a run that is ahead; wait for one working on the same index."""
    if not is_offline(operations):
        coordination.refuse_if_another_run_is_ahead(operations)
    name = f"{schema}.{index_name}" if schema else index_name
    with coordination.exclusive_work(operations, name, settings, done):
        yield


def _check_constraint_target(
    conn: Connection, spec: UniqueConstraintSpec, *, new_constraint: bool
) -> tuple[int, str]:
    """Before anything commits: a real table, real columns, and (when new) a free name.

    Returns the table's oid and kind, so the steps need not look them up again.
    """
    table_oid, kind = require_relation(conn, spec.table_name, spec.schema, "constraint")
    named = {"columns": spec.columns, "postgresql_include": spec.include}
    require_columns(conn, table_oid, spec.qualified_table, named)
    if new_constraint:
        require_free_name(
            conn, table_oid, spec.qualified_table, spec.source_index_name, spec.constraint_name
        )
    return table_oid, kind


def _refuse_partitioned(what: str) -> Step:
    def refuse(operations: Operations, spec: UniqueConstraintSpec, settings: Settings) -> None:
        raise PartitionedTableError(
            f"{what} is not supported on the partitioned table {spec.qualified_table} yet: "
            "add the new constraint with op.create_unique_constraint_concurrently under a new "
            "name, then drop the old one with op.drop_constraint. Nothing was changed."
        )

    return refuse


@Operations.implementation_for(CreateUniqueConstraintConcurrentlyOp)
@_ours
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
@_ours
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
@_ours
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
@_ours
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
@_ours
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
    ) -> None:
        attach.replace_unique_constraint(operations, spec, previous, settings, table_oid=table_oid)

    _on_postgresql(operations, operation, swap, _refuse_partitioned("Swapping a unique constraint"))


@Operations.implementation_for(CreateIndexConcurrentlyOp)
@_ours
def create_index_concurrently(operations: Operations, operation: CreateIndexConcurrentlyOp) -> None:
    spec = operation.spec()
    if not is_postgresql(operations):
        operations.impl.create_index(spec.to_index())
        return
    refuse_unsafe_server(
        operations,
        needs_nulls_not_distinct=bool(spec.option_map.get("postgresql_nulls_not_distinct")),
    )
    table_oid, kind = None, None
    if not is_offline(operations):
        table_oid, kind = _check_index_target(connection(operations), spec)
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
        _one_run_at_a_time(operations, spec.schema, spec.name, settings, done_by_another_run),
    ):
        if kind == _PARTITIONED:
            partitioned_tables.build_index(
                operations, spec, settings, partitions_only=operation.partitions_only
            )
        else:
            build.ensure_index(operations, spec, settings, table_oid=table_oid)


def _check_index_target(conn: Connection, spec: IndexSpec) -> tuple[int, str]:
    """Before anything commits: a relation that can hold an index, real columns, a free name.

    Returns the relation's oid and kind, so the build need not look them up again.
    """
    table_oid, kind = require_relation(conn, spec.table_name, spec.schema, "index")
    include = spec.option_map.get("postgresql_include") or ()
    require_columns(
        conn,
        table_oid,
        spec.qualified_table,
        {"columns": spec.columns, "postgresql_include": include},
    )
    require_free_name(conn, table_oid, spec.qualified_table, spec.name)
    return table_oid, kind


@Operations.implementation_for(DropIndexConcurrentlyOp)
@_ours
def drop_index_concurrently(operations: Operations, operation: DropIndexConcurrentlyOp) -> None:
    if not is_postgresql(operations):
        operations.drop_index(operation.index_name, operation.table_name, schema=operation.schema)
        return
    with outside_transaction(operations):
        if partitioned_tables.is_partitioned_table(
            operations, operation.table_name, operation.schema
        ):
            assert operation.table_name is not None
            partitioned_tables.drop_index(
                operations,
                operation.index_name,
                operation.table_name,
                operation.schema,
                current_settings(),
            )
            return
        if not is_offline(operations) and not _index_to_drop_exists(operations, operation):
            return
        build.drop_index(operations, operation.index_name, operation.schema, current_settings())


def _index_to_drop_exists(operations: Operations, operation: DropIndexConcurrentlyOp) -> bool:
    conn = connection(operations)
    index_oid = catalog.relation_oid(conn, operation.index_name, operation.schema)
    if index_oid is None:
        log.warning("Index %s does not exist; nothing to drop.", operation.index_name)
        return False
    state = catalog.index_state_by_oid(conn, index_oid)
    if state is not None:
        build.refuse_dropping_constraint_index(operation.index_name, state)
    return True


@Operations.implementation_for(SetLocalTimeoutsOp)
@_ours
def set_local_timeouts(operations: Operations, operation: SetLocalTimeoutsOp) -> None:
    if not is_postgresql(operations):
        return
    for name, value in (
        ("lock_timeout", operation.lock_timeout_ms),
        ("statement_timeout", operation.statement_timeout_ms),
    ):
        if value is not None:
            execute(operations, SetSessionSetting(name, value, local=True))


@Operations.implementation_for(DeduplicateRowsOp)
@_ours
def deduplicate_rows(
    operations: Operations, operation: DeduplicateRowsOp
) -> DeduplicationReport | None:
    if not is_postgresql(operations):
        raise SafeUniqueError(
            "op.deduplicate_rows works on PostgreSQL only (it relies on ctid and row locks); "
            f"on {operations.get_context().dialect.name}, delete the duplicates with op.execute."
        )
    if is_offline(operations):
        return deduplicate.deduplicate(operations, operation, current_settings())
    deduplicate.check_target(connection(operations), operation)
    with outside_transaction(operations):
        return deduplicate.deduplicate(operations, operation, current_settings())
