"""The rules applied to the operations a revision function recorded, in the order they ran."""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from alembic.operations import MigrateOperation
from alembic.operations import ops as alembic_ops
from sqlalchemy.schema import DDLElement
from sqlalchemy.sql.elements import ClauseElement, TextClause

from alembic_safe_unique.operations.timeouts import SetLocalTimeoutsOp

from . import sql
from .offline_bind import text_sql
from .recording import RecordedOp, offline_sql
from .rules import (
    CONCURRENT_IN_TRANSACTION,
    DROP_INDEX_NOT_CONCURRENT,
    INDEX_NOT_CONCURRENT,
    NOT_ANALYSED,
    PRIMARY_KEY,
    UNBOUNDED_DROP_CONSTRAINT,
    UNIQUE_COLUMN,
    UNIQUE_CONSTRAINT,
    Hit,
)
from .state import TableKey, WalkState, table_key


def check_ops(recorded: list[RecordedOp], state: WalkState) -> Iterator[tuple[RecordedOp, Hit]]:
    """Every rule hit, with the recorded operation that caused it."""
    for item in recorded:
        state.enter(item.in_autocommit_block)
        hits = _check(item.operation, state)  # always: it also tracks tables and timeouts
        if item.accepted is None:
            for hit in hits:
                yield item, hit


def dropped_tables(recorded: list[RecordedOp]) -> set[TableKey]:
    """Tables a function drops (``op.drop_table``): autogenerate drops their indexes first."""
    return {
        table_key(item.operation.table_name, item.operation.schema)
        for item in recorded
        if isinstance(item.operation, alembic_ops.DropTableOp)
    }


def _table(table_name: str | None, schema: str | None) -> str:
    return f"{schema}.{table_name}" if schema else str(table_name)


def _is_from(operation: MigrateOperation, package: str) -> bool:
    module = type(operation).__module__
    return module == package or module.startswith(package + ".")


def _check(operation: MigrateOperation, state: WalkState) -> list[Hit]:
    if isinstance(operation, alembic_ops.CreateTableOp):
        state.create(operation.table_name, operation.schema)
        return []
    if isinstance(operation, SetLocalTimeoutsOp):
        if operation.lock_timeout_ms is not None:
            state.local_lock_timeout = True
        return []
    if isinstance(operation, alembic_ops.CreateUniqueConstraintOp):
        return _create_unique_constraint(operation, state)
    if isinstance(operation, alembic_ops.CreatePrimaryKeyOp):
        return _create_primary_key(operation, state)
    if isinstance(operation, alembic_ops.CreateIndexOp):
        return _create_index(operation, state)
    if isinstance(operation, alembic_ops.DropIndexOp):
        return _drop_index(operation, state)
    if isinstance(operation, alembic_ops.AddColumnOp):
        return _add_column(operation, state)
    if isinstance(operation, alembic_ops.DropConstraintOp):
        return _drop_constraint(operation, state)
    if isinstance(operation, alembic_ops.ExecuteSQLOp):
        return _execute(operation.sqltext, state)
    if _is_from(operation, "alembic") or _is_from(operation, "alembic_safe_unique"):
        return []
    return _plugin_op(operation, state)


def _create_unique_constraint(
    operation: alembic_ops.CreateUniqueConstraintOp, state: WalkState
) -> list[Hit]:
    if state.is_new(operation.table_name, operation.schema):
        return []
    table = _table(operation.table_name, operation.schema)
    return [
        (
            UNIQUE_CONSTRAINT,
            f"create_unique_constraint({operation.constraint_name!r}) on the existing "
            f"table {table}",
        )
    ]


def _create_primary_key(operation: alembic_ops.CreatePrimaryKeyOp, state: WalkState) -> list[Hit]:
    if state.is_new(operation.table_name, operation.schema):
        return []
    table = _table(operation.table_name, operation.schema)
    return [
        (
            PRIMARY_KEY,
            f"create_primary_key({operation.constraint_name!r}) on the existing table {table}",
        )
    ]


def _create_index(operation: alembic_ops.CreateIndexOp, state: WalkState) -> list[Hit]:
    kind = "a unique index" if operation.unique else "an index"
    if operation.kw.get("postgresql_concurrently"):
        if state.in_autocommit_block:
            return []
        return [
            (
                CONCURRENT_IN_TRANSACTION,
                f"create_index({operation.index_name!r}, postgresql_concurrently=True) "
                "outside an autocommit block",
            )
        ]
    if state.is_new(operation.table_name, operation.schema):
        return []
    table = _table(operation.table_name, operation.schema)
    return [
        (
            INDEX_NOT_CONCURRENT,
            f"create_index({operation.index_name!r}) builds {kind} on the existing table "
            f"{table} without CONCURRENTLY",
        )
    ]


def _drop_index(operation: alembic_ops.DropIndexOp, state: WalkState) -> list[Hit]:
    if operation.kw.get("postgresql_concurrently"):
        if state.in_autocommit_block:
            return []
        return [
            (
                CONCURRENT_IN_TRANSACTION,
                f"drop_index({operation.index_name!r}, postgresql_concurrently=True) outside "
                "an autocommit block",
            )
        ]
    if (
        state.lock_bounded  # quick once it holds the lock: lock_timeout bounds the queue
        or state.is_new(operation.table_name, operation.schema)
        or state.is_dropped(operation.table_name, operation.schema)
    ):
        return []
    return [
        (
            DROP_INDEX_NOT_CONCURRENT,
            f"drop_index({operation.index_name!r}) without CONCURRENTLY or a lock_timeout",
        )
    ]


def _add_column(operation: alembic_ops.AddColumnOp, state: WalkState) -> list[Hit]:
    if state.is_new(operation.table_name, operation.schema):
        return []
    column = operation.column
    table = _table(operation.table_name, operation.schema)
    hits: list[Hit] = []
    if column.unique:
        hits.append(
            (
                UNIQUE_COLUMN,
                f"add_column({column.name!r}, unique=True) on the existing table {table}",
            )
        )
    if column.index:
        hits.append(
            (
                INDEX_NOT_CONCURRENT,
                f"add_column({column.name!r}, index=True) builds an index on the existing "
                f"table {table} without CONCURRENTLY",
            )
        )
    return hits


def _drop_constraint(operation: alembic_ops.DropConstraintOp, state: WalkState) -> list[Hit]:
    """Every constraint drop (unique, check, foreign key, or of no stated type) takes ACCESS
    EXCLUSIVE, so each one queues behind long transactions without a lock_timeout."""
    if state.lock_bounded or state.is_new(operation.table_name, operation.schema):
        return []
    table = _table(operation.table_name, operation.schema)
    kind = f", type_={operation.constraint_type!r}" if operation.constraint_type else ""
    return [
        (
            UNBOUNDED_DROP_CONSTRAINT,
            f"drop_constraint({operation.constraint_name!r}{kind}) on {table} with no lock_timeout",
        )
    ]


def _execute(statement: object, state: WalkState) -> list[Hit]:
    if isinstance(statement, str):
        return sql.analyse(statement, state)
    if isinstance(statement, TextClause):
        try:
            text = text_sql(statement, _postgresql())
        except Exception as error:  # a parameter no literal renders
            return [(NOT_ANALYSED, f"sa.text() lint cannot write out ({error})")]
        return sql.analyse(text, state)
    if isinstance(statement, DDLElement):  # sa.DDL(...), CreateIndex(...): the SQL it compiles to
        try:
            text = str(statement.compile(dialect=_postgresql()))
        except Exception as error:
            return [(NOT_ANALYSED, f"{type(statement).__name__} lint cannot compile ({error})")]
        return sql.analyse(text, state)
    if isinstance(statement, ClauseElement):
        return []  # a SQLAlchemy construct (insert, update, ...): data, not DDL
    return [(NOT_ANALYSED, f"op.execute() with a {type(statement).__name__} lint cannot read")]


def _plugin_op(operation: MigrateOperation, state: WalkState) -> list[Hit]:
    """An op from another plugin: read the SQL its own implementation writes offline."""
    name = type(operation).__name__
    try:
        text = offline_sql(operation)
    except Exception as error:
        return [(NOT_ANALYSED, f"{name}: its offline SQL could not be produced ({error})")]
    hits = _execute(text, state) if text.strip() else []
    return [(rule, f"{name}: {message}") for rule, message in hits]


def _postgresql() -> sa.engine.Dialect:
    return sa.create_mock_engine("postgresql://", None).dialect
