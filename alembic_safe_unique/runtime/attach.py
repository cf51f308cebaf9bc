"""Attach a built index as a unique constraint, and undo, replace or drop one.

Each is a short ACCESS EXCLUSIVE step (``short_steps``): the index is built before, outside any
transaction, so the lock is held only for the catalog change.
"""

from __future__ import annotations

from typing import Any

from alembic.operations import Operations
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import DropConstraint

from alembic_safe_unique.config import Settings
from alembic_safe_unique.errors import IndexConflictError
from alembic_safe_unique.postgresql import catalog
from alembic_safe_unique.postgresql.ddl import (
    AddUniqueConstraintUsingIndex,
    DropConstraintIfExists,
    RenameIndex,
    table_stub,
    unique_constraint,
)
from alembic_safe_unique.postgresql.dependents import refuse_if_referenced
from alembic_safe_unique.postgresql.driver_errors import sqlstate
from alembic_safe_unique.postgresql.shapes import UniqueConstraintSpec
from alembic_safe_unique.runtime.build import IndexLook, ensure_index, expected_shape
from alembic_safe_unique.runtime.connection import connection, is_offline, log
from alembic_safe_unique.runtime.preconditions import require_table
from alembic_safe_unique.runtime.short_steps import run_under_lock_timeout

# "index is already associated with a constraint", "constraint already exists", "relation
# already exists": what an ALTER ... USING INDEX meets when another session attached first.
_ATTACHED_MEANWHILE = ("55000", "42710", "42P07")


def _intended_drop(table: Any, constraint_name: str, reason: str) -> DropConstraintIfExists:
    """A DROP CONSTRAINT that says, in the SQL, that it is what the migration is for."""
    return DropConstraintIfExists(
        table, constraint_name, note=(reason, "squawk-ignore ban-drop-constraint")
    )


def _looked_up(
    operations: Operations, spec: UniqueConstraintSpec, table_oid: int | None
) -> int | None:
    """The table's oid online (the caller's, if it had it); ``None`` offline."""
    if is_offline(operations):
        return None
    if table_oid is not None:
        return table_oid
    return require_table(connection(operations), spec.table_name, spec.schema)


def attach_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
    seen: IndexLook | None = None,
) -> None:
    """Build (or reuse) the unique index, then attach it as the constraint.

    ``seen`` is the state of the index named like the constraint, if the caller has it.
    """
    table_oid = _looked_up(operations, spec, table_oid)
    index_seen = None
    if table_oid is not None:
        state = _constraint_index_state(operations, spec, table_oid, seen)
        if _constraint_is_there(operations, spec, table_oid, state):
            log.info("%s is already in place; nothing to do.", spec.describe())
            return
        if spec.source_index_name == spec.constraint_name:
            index_seen = IndexLook(state)  # the index to build is the one just looked at
    ensure_index(operations, spec.index(), settings, table_oid=table_oid, seen=index_seen)
    table = table_stub(spec.table_name, spec.schema)
    attach = AddUniqueConstraintUsingIndex(
        table,
        spec.constraint_name,
        spec.source_index_name,
        deferrable=spec.deferrable,
        initially=spec.initially,
        only_if_missing=is_offline(operations),
    )
    try:
        timing = run_under_lock_timeout(
            operations,
            spec,
            [attach],
            settings,
            f"Attaching {spec.describe()}",
            table_oid=table_oid,
        )
    except DBAPIError as error:
        # Someone else attached it between our look and our ALTER (a session outside this
        # package: our own runs take turns): then the work is done, not failed.
        if sqlstate(error) not in _ATTACHED_MEANWHILE or not constraint_matches(operations, spec):
            raise
        log.info("%s was attached meanwhile by another session; nothing to do.", spec.describe())
        return
    if not is_offline(operations):
        log.info(
            "Attached %s (waited %.1f ms for ACCESS EXCLUSIVE, held it %.1f ms).",
            spec.describe(),
            timing.waited_ms,
            timing.held_ms,
            extra={"lock_held_ms": timing.held_ms, "lock_waited_ms": timing.waited_ms},
        )


def detach_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
    seen: IndexLook | None = None,
) -> None:
    """Replace the constraint by a unique index of the same shape, never leaving no guard."""
    table_oid = _looked_up(operations, spec, table_oid)
    if table_oid is not None and not _constraint_in_place(
        operations, spec, table_oid, exists_only=True, seen=seen
    ):
        log.info("%s is not there; only making sure its index exists.", spec.describe())
        ensure_index(operations, spec.index(), settings, table_oid=table_oid)
        return
    if table_oid is not None:
        _refuse_if_referenced(operations, spec, table_oid)
    same_name = spec.source_index_name == spec.constraint_name
    build_as = spec.scratch_index_name() if same_name else spec.source_index_name
    ensure_index(operations, spec.index(name=build_as), settings, table_oid=table_oid)
    statements: list[Any] = [DropConstraint(constraint_stub(spec))]
    if same_name:
        statements.append(RenameIndex(spec.schema, build_as, spec.source_index_name))
    what = f"Detaching {spec.describe()}"
    run_under_lock_timeout(operations, spec, statements, settings, what, table_oid=table_oid)
    log.info("Detached %s; index %s guards the table.", spec.describe(), spec.source_index_name)


def _refuse_if_referenced(
    operations: Operations, spec: UniqueConstraintSpec, table_oid: int
) -> None:
    what = f"unique constraint {spec.constraint_name!r} of {spec.qualified_table}"
    refuse_if_referenced(
        connection(operations), table_oid, spec.constraint_name, what, "or keep the constraint."
    )


def constraint_stub(spec: UniqueConstraintSpec) -> Any:
    """The constraint as ``DROP CONSTRAINT`` needs it."""
    return unique_constraint(spec.constraint_name, spec.table_name, spec.columns, spec.schema)


def _constraint_in_place(
    operations: Operations,
    spec: UniqueConstraintSpec,
    table_oid: int | None = None,
    *,
    exists_only: bool = False,
    seen: IndexLook | None = None,
) -> bool:
    """Is the constraint already there? Raises when it is there with another definition."""
    if table_oid is None:
        table_oid = require_table(connection(operations), spec.table_name, spec.schema)
    state = _constraint_index_state(operations, spec, table_oid, seen)
    return _constraint_is_there(operations, spec, table_oid, state, exists_only=exists_only)


def _constraint_index_state(
    operations: Operations, spec: UniqueConstraintSpec, table_oid: int, seen: IndexLook | None
) -> catalog.IndexState | None:
    """The index named like the constraint: as the caller saw it, or as the catalog says now."""
    if seen is not None:
        return seen.state
    return catalog.index_state(connection(operations), table_oid, spec.constraint_name)


def _constraint_is_there(
    operations: Operations,
    spec: UniqueConstraintSpec,
    table_oid: int,
    state: catalog.IndexState | None,
    *,
    exists_only: bool = False,
) -> bool:
    """``_constraint_in_place`` given what the catalog holds under the constraint's name."""
    if state is None or state.constraint_name is None or state.table_oid != table_oid:
        return False
    if exists_only:
        return True
    same = (
        state.constraint_type == "u"
        and state.deferrable == bool(spec.deferrable)
        and state.initially_deferred == (str(spec.initially or "").upper() == "DEFERRED")
        and catalog.index_shape(connection(operations), state.oid)
        == expected_shape(operations, spec.index())
    )
    if not same:
        raise IndexConflictError(
            f"Constraint {spec.constraint_name!r} already exists on {spec.qualified_table} with "
            f"another definition: {state.constraint_definition}. Wanted: {spec.describe()}"
            f"{' DEFERRABLE' if spec.deferrable else ''}. Drop it first (op.drop_constraint) or "
            "choose another name."
        )
    return True


def replace_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    previous: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
    seen: IndexLook | None = None,
) -> None:
    """Drop ``previous`` and attach ``spec``'s index under the same name, in one short step."""
    offline = is_offline(operations)
    table_oid = _looked_up(operations, spec, table_oid)
    if table_oid is not None and constraint_matches(operations, spec, table_oid, seen=seen):
        log.info("%s is already in place; nothing to swap.", spec.describe())
        if previous.index_name is not None:
            ensure_index(operations, previous.index(), settings, table_oid=table_oid)
        return
    ensure_index(operations, spec.index(), settings, table_oid=table_oid)
    if previous.index_name is not None:
        ensure_index(operations, previous.index(), settings, table_oid=table_oid)
    table = table_stub(spec.table_name, spec.schema)
    statements = [
        _intended_drop(
            table,
            spec.constraint_name,
            f"Replaced in this transaction: the old {previous.describe()}.",
        ),
        AddUniqueConstraintUsingIndex(
            table,
            spec.constraint_name,
            spec.source_index_name,
            deferrable=spec.deferrable,
            initially=spec.initially,
        ),
    ]
    what = f"Swapping in {spec.describe()}"
    run_under_lock_timeout(operations, spec, statements, settings, what, table_oid=table_oid)
    if not offline:
        log.info("Swapped in %s (was on %s).", spec.describe(), ", ".join(previous.columns))


def drop_unique_constraint(
    operations: Operations,
    spec: UniqueConstraintSpec,
    settings: Settings,
    *,
    table_oid: int | None = None,
    seen: IndexLook | None = None,
) -> None:
    """``DROP CONSTRAINT`` under a short lock_timeout; one already gone is skipped."""
    table_oid = _looked_up(operations, spec, table_oid)
    if table_oid is not None and not _constraint_in_place(
        operations, spec, table_oid, exists_only=True, seen=seen
    ):
        log.warning("%s is not there; nothing to drop.", spec.describe())
        return
    if table_oid is not None:
        _refuse_if_referenced(operations, spec, table_oid)
    table = table_stub(spec.table_name, spec.schema)
    statements = [
        _intended_drop(
            table, spec.constraint_name, f"The model no longer declares {spec.describe()}."
        ),
    ]
    what = f"Dropping {spec.describe()}"
    run_under_lock_timeout(operations, spec, statements, settings, what, table_oid=table_oid)


def constraint_matches(
    operations: Operations,
    spec: UniqueConstraintSpec,
    table_oid: int | None = None,
    *,
    seen: IndexLook | None = None,
) -> bool:
    """Is a unique constraint of this name there with exactly this shape (no error if not)?"""
    try:
        return _constraint_in_place(operations, spec, table_oid, seen=seen)
    except IndexConflictError:
        return False
