"""``alembic-safe-unique dedupe-revision``: a deduplicate_rows revision just before a build.

When ``check`` or a failed build finds duplicates, the fix is a revision that runs
``op.deduplicate_rows`` on the unique's key *before* the revision that builds it. Alembic's
own tools take two steps (``alembic revision --splice`` from the build's parent, then a hand
edit of the build's ``down_revision``); this writes the revision with Alembic's template and
relinks the build revision to it with libcst, so the chain stays one line.
"""

from __future__ import annotations

import os
from typing import Any

import libcst as cst
from alembic import util
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy.sql.elements import ClauseElement, TextClause

from alembic_safe_unique.autogenerate.render import PACKAGE_IMPORT
from alembic_safe_unique.cli.pending import unique_builds
from alembic_safe_unique.errors import SafeUniqueError
from alembic_safe_unique.operations.constraints import staging_index_name
from alembic_safe_unique.postgresql.shapes import IndexSpec


class DedupeRevisionError(SafeUniqueError):
    """The dedupe revision cannot be placed (no such build, already applied, ...)."""


def find_build(script: ScriptDirectory, name: str) -> tuple[Script, IndexSpec]:
    """The first revision (in upgrade order) that builds the unique index ``name``."""
    wanted = {name, staging_index_name(name)}
    for revision in reversed(list(script.walk_revisions())):
        for spec in unique_builds(revision):
            if spec.name in wanted:
                return revision, spec
    raise DedupeRevisionError(
        f"No revision builds a unique index or constraint named {name!r}. Give the name "
        "`alembic-safe-unique check` or the failed build printed."
    )


def _refuse_applied(context: MigrationContext, script: ScriptDirectory, build: Script) -> None:
    for head in context.get_current_heads():
        applied = {revision.revision for revision in script.iterate_revisions(head, "base")}
        if build.revision in applied:
            raise DedupeRevisionError(
                f"Revision {build.revision} is already applied to this database, so a revision "
                "placed before it would never run here. Deduplicate in a new revision at the "
                "head instead (op.deduplicate_rows), or downgrade below it first."
            )


def _where(spec: IndexSpec) -> str | None:
    where = spec.option_map.get("postgresql_where")
    if where is None:
        return None
    if isinstance(where, TextClause):
        return where.text
    if isinstance(where, ClauseElement):
        return str(where.compile(compile_kwargs={"literal_binds": True}))
    return str(where)


# Comment lines, then ``pass``: a template puts the first line under ``def downgrade():``.
DOWNGRADE_BODY = (
    "# The rows op.deduplicate_rows() deleted do not come back: this downgrade only\n"
    "    # moves the version back. To keep them, copy them aside in upgrade() first\n"
    "    # (op.execute('CREATE TABLE ... AS SELECT ...') above the call).\n"
    "    pass"
)


def dedupe_call(spec: IndexSpec, keep: str, order_by: list[str]) -> str:
    """``op.deduplicate_rows(...)`` for the key of ``spec``, as source."""
    columns = [column for column in spec.columns if isinstance(column, str)]
    if len(columns) != len(spec.columns):
        raise DedupeRevisionError(
            f"{spec.name!r} is on expressions, not only columns; op.deduplicate_rows takes "
            "column names. Write the deduplicating revision by hand."
        )
    arguments = [repr(spec.table_name), repr(columns), f"keep={keep!r}"]
    keywords: dict[str, Any] = {
        "order_by": order_by or None,
        "where": _where(spec),
        "nulls_not_distinct": spec.option_map.get("postgresql_nulls_not_distinct") or None,
        "schema": spec.schema,
    }
    arguments += [f"{key}={value!r}" for key, value in keywords.items() if value is not None]
    return "op.deduplicate_rows(%s)" % ", ".join(arguments)


class _DownRevision(cst.CSTTransformer):
    """Points the module-level ``down_revision`` at another revision."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        self.changed = 0

    def _is_down_revision(self, target: cst.BaseExpression) -> bool:
        return isinstance(target, cst.Name) and target.value == "down_revision"

    def leave_Assign(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        if any(self._is_down_revision(target.target) for target in updated.targets):
            self.changed += 1
            return updated.with_changes(value=cst.SimpleString(repr(self.revision)))
        return updated

    def leave_AnnAssign(self, original: cst.AnnAssign, updated: cst.AnnAssign) -> cst.AnnAssign:
        if self._is_down_revision(updated.target):
            self.changed += 1
            return updated.with_changes(value=cst.SimpleString(repr(self.revision)))
        return updated


def relink(build: Script, revision: str) -> None:
    """Make the build revision revise ``revision`` (its file, and its docstring's Revises:)."""
    with open(build.path, encoding="utf-8") as source:
        module = cst.parse_module(source.read())
    transformer = _DownRevision(revision)
    module = module.visit(transformer)
    if transformer.changed != 1:
        raise DedupeRevisionError(
            f"{build.path}: expected one `down_revision = ...` line, found "
            f"{transformer.changed}; nothing was changed."
        )
    code = module.code.replace(f"Revises: {build.down_revision}", f"Revises: {revision}", 1)
    with open(build.path, "w", encoding="utf-8") as target:
        target.write(code)


def write(
    context: MigrationContext,
    script: ScriptDirectory,
    name: str,
    *,
    keep: str,
    order_by: list[str],
    message: str | None,
) -> tuple[Script, Script]:
    """Write the revision before the build of ``name``; returns (new revision, build)."""
    build, spec = find_build(script, name)
    if isinstance(build.down_revision, (tuple, list)):
        raise DedupeRevisionError(
            f"Revision {build.revision} merges several revisions; place the deduplicating "
            "revision by hand."
        )
    _refuse_applied(context, script, build)
    call = dedupe_call(spec, keep, order_by)
    written = script.generate_revision(
        util.rev_id(),
        message or f"deduplicate {spec.table_name} before {name}",
        head=build.down_revision or "base",
        splice=True,
        upgrades=call,
        downgrades=DOWNGRADE_BODY,
        imports=PACKAGE_IMPORT,
    )
    assert written is not None
    with open(written.path, encoding="utf-8") as source:
        rendered = "op.deduplicate_rows(" in source.read()
    if not rendered:  # a template without ${upgrades}: multidb's upgrade_<engine>() functions
        os.remove(written.path)
        raise DedupeRevisionError(
            "This project's script.py.mako has no single upgrade() to put the call in (a "
            "multi-database template?); nothing was written. Add this to the database's "
            f"upgrade_<name>() in a revision placed before {build.revision}:\n\n    {call}"
        )
    relink(build, written.revision)
    return written, build
