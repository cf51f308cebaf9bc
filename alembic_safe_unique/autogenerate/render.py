"""How the operations render into revision files, dispatched by op class like Alembic's render.

Each renderer adds the package import to the file, so the revision registers the ops it calls
even when run by an env.py that forgot to import the package.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import renderers
from alembic.autogenerate.api import AutogenContext
from alembic.autogenerate.render import render_op
from sqlalchemy.sql.elements import ClauseElement, TextClause, conv

from alembic_safe_unique.autogenerate.blocks import AutocommitBlockOp, NoteOp
from alembic_safe_unique.autogenerate.layout import comment_lines
from alembic_safe_unique.operations.constraints import (
    AttachUniqueConstraintOp,
    CreateUniqueConstraintConcurrentlyOp,
    DetachUniqueConstraintOp,
    DropUniqueConstraintOp,
    ReplaceUniqueConstraintOp,
    UniqueConstraintOperation,
)
from alembic_safe_unique.operations.indexes import (
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
)
from alembic_safe_unique.operations.primary_keys import (
    CreatePrimaryKeyConcurrentlyOp,
    DropPrimaryKeyConcurrentlyOp,
    PrimaryKeyOperation,
)
from alembic_safe_unique.operations.timeouts import SetLocalTimeoutsOp

PACKAGE_IMPORT = "import alembic_safe_unique  # noqa: F401  (registers the op.* it calls)"


def render_name(name: Any) -> str:
    """A name as source: ``op.f('...')`` when it came from a naming convention."""
    if isinstance(name, conv):
        return "op.f(%r)" % str(name)
    return repr(name)


def render_value(autogen_context: AutogenContext, value: Any) -> str:
    """Python source for an argument: plain values by repr, SQL as ``sa.text(...)``."""
    if isinstance(value, TextClause):
        return "sa.text(%r)" % value.text
    if isinstance(value, ClauseElement):
        dialect = autogen_context.dialect or sa.create_mock_engine("postgresql://", None).dialect
        compiled = value.compile(
            dialect=dialect, compile_kwargs={"literal_binds": True, "include_table": False}
        )
        return "sa.text(%r)" % str(compiled)
    if isinstance(value, (list, tuple)):
        return "[%s]" % ", ".join(render_value(autogen_context, item) for item in value)
    return repr(value)


def _call(
    autogen_context: AutogenContext, name: str, args: list[str], kwargs: dict[str, Any]
) -> str:
    """``op.name(args, key=value, ...)``; keywords left at ``None`` are not written."""
    autogen_context.imports.add(PACKAGE_IMPORT)
    rendered = list(args)
    for key, value in kwargs.items():
        if value is not None:
            rendered.append(f"{key}={render_value(autogen_context, value)}")
    prefix = autogen_context.opts.get("alembic_module_prefix", "op.")
    return f"{prefix}{name}({', '.join(rendered)})"


def _render_constraint_op(
    autogen_context: AutogenContext,
    name: str,
    operation: UniqueConstraintOperation | PrimaryKeyOperation,
) -> str:
    """``op.<name>(constraint, table, columns, ...)``: the unique and primary-key ops alike."""
    args = [
        render_name(operation.constraint_name),
        repr(operation.table_name),
        render_value(autogen_context, operation.columns),
    ]
    return _call(autogen_context, name, args, operation.arguments())


@renderers.dispatch_for(CreateUniqueConstraintConcurrentlyOp)
def _render_create_unique_constraint_concurrently(
    autogen_context: AutogenContext, operation: CreateUniqueConstraintConcurrentlyOp
) -> str:
    return _render_constraint_op(
        autogen_context, "create_unique_constraint_concurrently", operation
    )


@renderers.dispatch_for(AttachUniqueConstraintOp)
def _render_attach_unique_constraint(
    autogen_context: AutogenContext, operation: AttachUniqueConstraintOp
) -> str:
    return _render_constraint_op(autogen_context, "attach_unique_constraint", operation)


@renderers.dispatch_for(DetachUniqueConstraintOp)
def _render_detach_unique_constraint(
    autogen_context: AutogenContext, operation: DetachUniqueConstraintOp
) -> str:
    return _render_constraint_op(autogen_context, "detach_unique_constraint", operation)


@renderers.dispatch_for(DropUniqueConstraintOp)
def _render_drop_unique_constraint(
    autogen_context: AutogenContext, operation: DropUniqueConstraintOp
) -> str:
    return _render_constraint_op(autogen_context, "drop_unique_constraint", operation)


@renderers.dispatch_for(ReplaceUniqueConstraintOp)
def _render_replace_unique_constraint(
    autogen_context: AutogenContext, operation: ReplaceUniqueConstraintOp
) -> str:
    return _render_constraint_op(autogen_context, "replace_unique_constraint", operation)


@renderers.dispatch_for(CreatePrimaryKeyConcurrentlyOp)
def _render_create_primary_key_concurrently(
    autogen_context: AutogenContext, operation: CreatePrimaryKeyConcurrentlyOp
) -> str:
    return _render_constraint_op(autogen_context, "create_primary_key_concurrently", operation)


@renderers.dispatch_for(DropPrimaryKeyConcurrentlyOp)
def _render_drop_primary_key_concurrently(
    autogen_context: AutogenContext, operation: DropPrimaryKeyConcurrentlyOp
) -> str:
    return _render_constraint_op(autogen_context, "drop_primary_key_concurrently", operation)


@renderers.dispatch_for(AutocommitBlockOp)
def _render_autocommit_block(
    autogen_context: AutogenContext, operation: AutocommitBlockOp
) -> list[str]:
    """The nested lines are not indented here: Alembic's printer indents after the ``:``
    and ends the block at the blank line, as it does for ``batch_alter_table``."""
    prefix = autogen_context.opts.get("alembic_module_prefix", "op.")
    lines = comment_lines(operation.comment or "")
    lines.append(f"with {prefix}get_context().autocommit_block():")
    for nested in operation.ops:
        lines.extend(render_op(autogen_context, nested))
    lines.append("")
    return lines


@renderers.dispatch_for(NoteOp)
def _render_note(autogen_context: AutogenContext, operation: NoteOp) -> list[str]:
    return comment_lines(operation.text)


@renderers.dispatch_for(CreateIndexConcurrentlyOp)
def _render_create_index_concurrently(
    autogen_context: AutogenContext, operation: CreateIndexConcurrentlyOp
) -> str:
    args = [
        render_name(operation.index_name),
        repr(operation.table_name),
        render_value(autogen_context, operation.columns),
    ]
    kwargs: dict[str, Any] = {
        "schema": operation.schema,
        "unique": operation.unique or None,
        "partitions_only": operation.partitions_only or None,
        "wait_timeout_s": operation.wait_timeout_s,
        "parallel_workers": operation.parallel_workers,
    }
    kwargs.update(operation.kw)
    return _call(autogen_context, "create_index_concurrently", args, kwargs)


@renderers.dispatch_for(DropIndexConcurrentlyOp)
def _render_drop_index_concurrently(
    autogen_context: AutogenContext, operation: DropIndexConcurrentlyOp
) -> str:
    args = [render_name(operation.index_name)]
    if operation.table_name is not None:
        args.append(repr(operation.table_name))
    return _call(autogen_context, "drop_index_concurrently", args, {"schema": operation.schema})


@renderers.dispatch_for(SetLocalTimeoutsOp)
def _render_set_local_timeouts(
    autogen_context: AutogenContext, operation: SetLocalTimeoutsOp
) -> list[str]:
    kwargs = {
        "lock_timeout_ms": operation.lock_timeout_ms,
        "statement_timeout_ms": operation.statement_timeout_ms,
    }
    bounds = []
    if operation.lock_timeout_ms:
        bounds.append(f"waits at most {operation.lock_timeout_ms} ms for a lock")
    if operation.statement_timeout_ms:
        bounds.append(f"runs no statement past {operation.statement_timeout_ms} ms")
    why = "Fails rather than stall the table: " + " and ".join(bounds) + "."
    return [*comment_lines(why), _call(autogen_context, "set_local_timeouts", [], kwargs)]
