"""Adding and dropping a primary key on PostgreSQL, each lock on the table short.

NOT NULL first, without a scan under ACCESS EXCLUSIVE (a helper check added NOT VALID,
validated while writes go on, then SET NOT NULL, which a valid check lets skip its scan);
then the unique index, built concurrently; then ``ADD PRIMARY KEY USING INDEX``. Every step
starts from what the catalog holds, so a re-run after a failure anywhere continues.
Every function here expects to run inside ``transactions.outside_transaction``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic.operations import Operations
from sqlalchemy.exc import DBAPIError

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import IndexConflictError, NullValuesError, PrimaryKeyExistsError
from alembic_safe_unique.operations.primary_keys import (
    CreatePrimaryKeyConcurrentlyOp,
    DropPrimaryKeyConcurrentlyOp,
    PrimaryKeyOperation,
)
from alembic_safe_unique.postgresql.ddl import DropConstraintIfExists, table_stub
from alembic_safe_unique.postgresql.dependents import refuse_if_referenced
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.postgresql.primary_key_catalog import (
    PrimaryKeyState,
    null_counts,
    primary_key_state,
)
from alembic_safe_unique.postgresql.primary_key_ddl import (
    AddNotNullCheck,
    AddPrimaryKeyUsingIndex,
    AlterColumnsNullability,
    ValidateConstraint,
)
from alembic_safe_unique.postgresql.shapes import TableRef
from alembic_safe_unique.runtime.build import ensure_index
from alembic_safe_unique.runtime.connection import connection, execute, is_offline, log
from alembic_safe_unique.runtime.short_steps import run_under_lock_timeout
from alembic_safe_unique.runtime.transactions import timeouts_off

_CHECK_VIOLATION = "23514"
_VALIDATE_NOTE = (
    "Scans for NULLs while reads and writes go on (SHARE UPDATE EXCLUSIVE). If it fails, rows",
    "hold NULL: fix them, or drop the check (it rejects new NULLs meanwhile).",
    "squawk-ignore prefer-robust-stmts",
)


def current_state(
    operations: Operations, operation: PrimaryKeyOperation, table_oid: int
) -> PrimaryKeyState:
    return primary_key_state(
        connection(operations), table_oid, operation.columns, operation.helper_check_name
    )


def key_in_place(operation: PrimaryKeyOperation, state: PrimaryKeyState) -> bool:
    """Is the table's primary key this one? Refuses any other primary key."""
    key = state.primary_key
    if key is None:
        return False
    if key.name == operation.constraint_name and list(key.columns) == operation.columns:
        return True
    raise PrimaryKeyExistsError(
        f"{_shown(operation)} already has a primary key: {key.name!r} on "
        f"({', '.join(key.columns)}). A table has one primary key; wanted "
        f"{operation.constraint_name!r} on ({', '.join(operation.columns)}). Nothing was "
        "changed. To replace it, drop the old key in an earlier revision "
        "(op.drop_primary_key_concurrently), or keep it and add a unique constraint instead "
        "(op.create_unique_constraint_concurrently)."
    )


def refuse_foreign_helper(operation: PrimaryKeyOperation, state: PrimaryKeyState) -> None:
    """The helper check's name held by something this op did not leave: never drop it."""
    helper = state.helper
    if helper is None or helper.proves_not_null(state.nullable):
        return
    raise IndexConflictError(
        f"{_shown(operation)} already has a constraint named {operation.helper_check_name!r} "
        "that is not the NOT NULL check this operation adds there (it covers other columns, "
        "or is of another kind). Nothing was changed. Rename or drop that constraint, then "
        "run the migration again."
    )


def add_primary_key(
    operations: Operations,
    operation: CreatePrimaryKeyConcurrentlyOp,
    settings: Settings,
    table_oid: int | None,
) -> None:
    """NOT NULL, the index, the key: each skipped when the catalog shows it done."""
    nullable = operation.columns
    helper_proves, helper_valid = False, False
    if table_oid is not None:
        state = current_state(operations, operation, table_oid)
        if key_in_place(operation, state):
            log.info(
                "Primary key %r is already in place; nothing to do.", operation.constraint_name
            )
            return
        refuse_foreign_helper(operation, state)
        nullable = list(state.nullable)
        helper_proves = state.helper is not None
        helper_valid = helper_proves and bool(state.helper and state.helper.validated)
        if not nullable and helper_proves:
            _drop_helper(operations, operation, settings, table_oid)
    if nullable:
        if not helper_proves:
            _add_helper(operations, operation, nullable, settings, table_oid)
        if not helper_valid:
            _validate_helper(operations, operation, nullable, settings, table_oid)
        else:
            log.info(
                "Reusing the valid check %s left by an earlier run.", operation.helper_check_name
            )
        _set_not_null(operations, operation, nullable, settings, table_oid)
    ensure_index(operations, operation.index(), settings, table_oid=table_oid)
    attach = AddPrimaryKeyUsingIndex(
        _table(operation),
        operation.constraint_name,
        operation.constraint_name,
        only_if_missing=is_offline(operations),
    )
    what = f"Attaching primary key {operation.constraint_name!r}"
    timing = run_under_lock_timeout(
        operations, _ref(operation), [attach], settings, what, table_oid=table_oid
    )
    if not is_offline(operations):
        log.info(
            "Attached primary key %r on %s (waited %.1f ms for ACCESS EXCLUSIVE, held it %.1f ms).",
            operation.constraint_name,
            _shown(operation),
            timing.waited_ms,
            timing.held_ms,
        )


def _add_helper(
    operations: Operations,
    operation: PrimaryKeyOperation,
    nullable: list[str],
    settings: Settings,
    table_oid: int | None,
) -> None:
    check = AddNotNullCheck(
        _table(operation),
        operation.helper_check_name,
        nullable,
        only_if_missing=is_offline(operations),
    )
    run_under_lock_timeout(
        operations,
        _ref(operation),
        [check],
        settings,
        f"Adding the NOT VALID check {operation.helper_check_name!r}",
        table_oid=table_oid,
        done_so_far="Nothing was changed yet.",
    )


def _validate_helper(
    operations: Operations,
    operation: PrimaryKeyOperation,
    nullable: list[str],
    settings: Settings,
    table_oid: int | None,
) -> None:
    """Scan for NULLs under SHARE UPDATE EXCLUSIVE; on NULLs, undo the check and count them."""
    log.info(
        "Validating %s on %s: a scan while reads and writes go on.",
        operation.helper_check_name,
        _shown(operation),
    )
    name = operation.helper_check_name
    try:
        with timeouts_off(operations, settings.client_check_interval_ms):
            execute(operations, ValidateConstraint(_table(operation), name, note=_VALIDATE_NOTE))
    except DBAPIError as error:
        if sqlstate(error) != _CHECK_VIOLATION:
            raise
        _drop_helper(operations, operation, settings, table_oid)
        raise _null_values_error(operations, operation, nullable) from error


def _null_values_error(
    operations: Operations, operation: PrimaryKeyOperation, nullable: list[str]
) -> NullValuesError:
    counts = null_counts(connection(operations), operation.table_name, operation.schema, nullable)
    found = ", ".join(f"{column!r}: {rows} rows" for column, rows in counts.items() if rows)
    return NullValuesError(
        f"Cannot add primary key {operation.constraint_name!r} on {_shown(operation)}: "
        f"NULL in its columns ({found}). A primary key's columns must all be set. Nothing was "
        "changed (the helper check was dropped again). Next: fill in or delete those rows in "
        "a revision before this one, then run the migration again."
    )


def _set_not_null(
    operations: Operations,
    operation: PrimaryKeyOperation,
    nullable: list[str],
    settings: Settings,
    table_oid: int | None,
) -> None:
    """SET NOT NULL (proved by the valid check: no scan), and the check goes, in one step."""
    table = _table(operation)
    statements = [
        AlterColumnsNullability(
            table,
            nullable,
            nullable=False,
            note=(
                "The valid check proves no NULLs: no scan under the lock (PostgreSQL 12+).",
                "squawk-ignore prefer-robust-stmts",
            ),
        ),
        DropConstraintIfExists(
            table,
            operation.helper_check_name,
            note=(
                "The columns are NOT NULL now: the helper check is no longer needed.",
                "squawk-ignore ban-drop-constraint",
            ),
        ),
    ]
    timing = run_under_lock_timeout(
        operations,
        _ref(operation),
        statements,
        settings,
        f"Setting NOT NULL on {', '.join(nullable)}",
        table_oid=table_oid,
        done_so_far="The NOT NULL check is validated; the re-run reuses it.",
    )
    if not is_offline(operations):
        log.info(
            "Set NOT NULL on %s of %s (held ACCESS EXCLUSIVE %.1f ms).",
            ", ".join(nullable),
            _shown(operation),
            timing.held_ms,
        )


def _drop_helper(
    operations: Operations,
    operation: PrimaryKeyOperation,
    settings: Settings,
    table_oid: int | None,
) -> None:
    log.info("Dropping the helper check %s on %s.", operation.helper_check_name, _shown(operation))
    drop = DropConstraintIfExists(
        _table(operation),
        operation.helper_check_name,
        note=("The helper check is not needed.", "squawk-ignore ban-drop-constraint"),
    )
    run_under_lock_timeout(
        operations,
        _ref(operation),
        [drop],
        settings,
        f"Dropping the helper check {operation.helper_check_name!r}",
        table_oid=table_oid,
        done_so_far="Only the helper check remains; the re-run drops or reuses it.",
    )


def drop_primary_key(
    operations: Operations,
    operation: DropPrimaryKeyConcurrentlyOp,
    settings: Settings,
    table_oid: int | None,
) -> None:
    """Drop the key (and make ``make_nullable`` columns nullable) in one short step."""
    if table_oid is not None:
        key = current_state(operations, operation, table_oid).primary_key
        if key is None:
            log.warning("%s has no primary key; nothing to drop.", _shown(operation))
            return
        if key.name != operation.constraint_name:
            raise IndexConflictError(
                f"The primary key of {_shown(operation)} is {key.name!r}, not "
                f"{operation.constraint_name!r}. Nothing was changed. Name the key that is "
                "there, or leave it."
            )
        refuse_if_referenced(
            connection(operations),
            table_oid,
            key.name,
            f"the primary key {key.name!r} of {_shown(operation)}",
            "or keep the primary key.",
        )
    table = _table(operation)
    statements: list[object] = [
        DropConstraintIfExists(
            table,
            operation.constraint_name,
            note=(
                f"The migration drops the primary key {operation.constraint_name!r}.",
                "squawk-ignore ban-drop-constraint",
            ),
        )
    ]
    if operation.nullable:
        statements.append(AlterColumnsNullability(table, operation.nullable, nullable=True))
    what = f"Dropping primary key {operation.constraint_name!r}"
    run_under_lock_timeout(
        operations,
        _ref(operation),
        statements,
        settings,
        what,
        table_oid=table_oid,
        done_so_far="Nothing was changed.",
    )


def _table(operation: PrimaryKeyOperation) -> sa.Table:
    return table_stub(operation.table_name, operation.schema)


def _ref(operation: PrimaryKeyOperation) -> TableRef:
    return TableRef(operation.table_name, operation.schema)


def _shown(operation: PrimaryKeyOperation) -> str:
    return _ref(operation).qualified_table
