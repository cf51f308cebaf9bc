"""Which unique indexes the pending revisions would build, found by running them on paper.

Each revision's ``upgrade()`` runs against an offline migration context whose ``op`` records
every operation instead of executing it (Alembic dispatches every ``op.*`` through
``Operations.invoke``). Nothing reaches the database; code that needs a live connection
(``op.get_bind()``) stops that revision's recording, and the report says so.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from alembic.operations import MigrateOperation, Operations
from alembic.operations import ops as alembic_ops
from alembic.runtime.migration import MigrationContext
from alembic.script import Script

from alembic_safe_unique.operations.constraints import (
    AttachUniqueConstraintOp,
    CreateUniqueConstraintConcurrentlyOp,
    ReplaceUniqueConstraintOp,
)
from alembic_safe_unique.operations.dedupe import DeduplicateRowsOp
from alembic_safe_unique.operations.indexes import CreateIndexConcurrentlyOp
from alembic_safe_unique.postgresql.shapes import IndexSpec
from alembic_safe_unique.util.alembic_internals import installed_op_proxy


@dataclass(frozen=True)
class PlannedUnique:
    """A unique index a pending revision would build, and what else the range does first."""

    revision: str
    operation: str
    spec: IndexSpec
    deduplicated_by: str | None = None


@dataclass
class PendingPlan:
    uniques: list[PlannedUnique] = field(default_factory=list)
    """The unique indexes to build: each one can fail on duplicates."""
    attaches: list[PlannedUnique] = field(default_factory=list)
    """Constraints made from an index built earlier in the range: nothing left to fail on."""
    notes: list[str] = field(default_factory=list)


@contextmanager
def _recording_op() -> Iterator[list[MigrateOperation]]:
    """Point ``alembic.op`` at operations that record instead of run, then put it back.

    Alembic keeps one ``op`` proxy per Operations class, so the recorder is an Operations whose
    ``invoke`` is replaced; whatever proxy was installed before (the live migration's, when
    this runs inside env.py) is reinstated afterwards.
    """
    context = MigrationContext.configure(
        dialect_name="postgresql", opts={"as_sql": True, "output_buffer": io.StringIO()}
    )
    operations = Operations(context)
    recorded: list[MigrateOperation] = []

    def invoke(operation: MigrateOperation) -> Any:
        recorded.append(operation)
        return None

    operations.invoke = invoke  # type: ignore[method-assign]
    with installed_op_proxy(operations):
        yield recorded


def record(revision: Script) -> tuple[list[MigrateOperation], str | None]:
    """The operations ``revision.upgrade()`` asks for, and why recording stopped early if it did."""
    with _recording_op() as recorded:
        try:
            revision.module.upgrade()
        except Exception as error:  # the revision's own code: report it, do not crash the check
            return recorded, f"{type(error).__name__}: {error}"
    return recorded, None


def _unique_spec(operation: MigrateOperation) -> IndexSpec | None:
    """The unique index an operation builds, as the build itself would define it."""
    if isinstance(
        operation,
        (CreateUniqueConstraintConcurrentlyOp, AttachUniqueConstraintOp, ReplaceUniqueConstraintOp),
    ):
        return operation.spec().index()
    if isinstance(operation, CreateIndexConcurrentlyOp):
        spec = operation.spec()
        return spec if spec.unique else None
    if isinstance(operation, alembic_ops.CreateUniqueConstraintOp):
        options = {
            key: value
            for key, value in operation.kw.items()
            if key in ("postgresql_nulls_not_distinct", "postgresql_include")
        }
        return IndexSpec.build(
            str(operation.constraint_name or "(unnamed)"),
            operation.table_name,
            list(operation.columns),
            schema=operation.schema,
            unique=True,
            options=options,
        )
    if isinstance(operation, alembic_ops.CreateIndexOp) and operation.unique:
        return IndexSpec.build(
            operation.index_name or "(unnamed)",
            operation.table_name,
            list(operation.columns),
            schema=operation.schema,
            unique=True,
            options={k: v for k, v in operation.kw.items() if k.startswith("postgresql_")},
        )
    return None


def unique_builds(revision: Script) -> list[IndexSpec]:
    """The unique indexes ``revision.upgrade()`` builds (attaches of built indexes excluded)."""
    recorded, _stopped = record(revision)
    return [
        spec
        for operation in recorded
        if not isinstance(operation, _ATTACHES)
        for spec in [_unique_spec(operation)]
        if spec is not None
    ]


def _same_key(dedupe: DeduplicateRowsOp, spec: IndexSpec) -> bool:
    return (
        dedupe.table_name == spec.table_name
        and dedupe.schema == spec.schema
        and set(dedupe.columns) == {c for c in spec.columns if isinstance(c, str)}
        and len(dedupe.columns) == len(spec.columns)
    )


def plan(revisions: Iterable[Script]) -> PendingPlan:
    """What ``revisions`` (in upgrade order) would build, skipping tables they create."""
    result = PendingPlan()
    created: set[tuple[str | None, str]] = set()
    dedupes: list[tuple[str, DeduplicateRowsOp]] = []
    built: set[tuple[str | None, str, str]] = set()
    for revision in revisions:
        recorded, stopped = record(revision)
        if stopped is not None:
            result.notes.append(
                f"{revision.revision}: stopped reading upgrade() at code that needs the live "
                f"database ({stopped}); operations after it are not checked."
            )
        for operation in recorded:
            if isinstance(operation, alembic_ops.CreateTableOp):
                created.add((operation.schema, operation.table_name))
            elif isinstance(operation, DeduplicateRowsOp):
                dedupes.append((revision.revision, operation))
                if not operation.order_by:
                    result.notes.append(
                        f"{revision.revision}: op.deduplicate_rows on "
                        f"{operation.qualified_table} has no order_by: online it keeps rows by "
                        "the primary key; offline (--sql) it needs order_by=[...]."
                    )
            elif isinstance(operation, alembic_ops.ExecuteSQLOp):
                result.notes.append(
                    f"{revision.revision}: runs SQL through op.execute; a unique index it "
                    "creates is not checked."
                )
            spec = _unique_spec(operation)
            if spec is None or (spec.schema, spec.table_name) in created:
                continue
            deduplicated_by = next(
                (rev for rev, dedupe in dedupes if _same_key(dedupe, spec)), None
            )
            planned = PlannedUnique(revision.revision, _op_name(operation), spec, deduplicated_by)
            index = (spec.schema, spec.table_name, spec.name)
            if isinstance(operation, _ATTACHES) and index in built:
                result.attaches.append(planned)
                continue
            built.add(index)
            result.uniques.append(planned)
    return result


_ATTACHES = (AttachUniqueConstraintOp, ReplaceUniqueConstraintOp)


def _op_name(operation: MigrateOperation) -> str:
    names = {
        CreateUniqueConstraintConcurrentlyOp: "create_unique_constraint_concurrently",
        AttachUniqueConstraintOp: "attach_unique_constraint",
        ReplaceUniqueConstraintOp: "replace_unique_constraint",
        CreateIndexConcurrentlyOp: "create_index_concurrently",
        alembic_ops.CreateUniqueConstraintOp: "create_unique_constraint",
        alembic_ops.CreateIndexOp: "create_index",
    }
    return names.get(type(operation), type(operation).__name__)
