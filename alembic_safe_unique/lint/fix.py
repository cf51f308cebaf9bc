"""``lint --fix``: rewrite the plain ops lint found into their safe forms, with libcst.

A concrete syntax tree keeps the file as it was (formatting, comments, quotes) apart from the
calls it rewrites:

- ``op.create_unique_constraint(name, table, cols, ...)`` becomes
  ``op.create_unique_constraint_concurrently(...)`` with the same arguments; a
  ``op.drop_constraint(name, table, type_="unique")`` of the same name in the file becomes its
  safe inverse, ``op.drop_unique_constraint(name, table, cols)``.
- ``op.create_primary_key(name, table, cols, ...)`` becomes
  ``op.create_primary_key_concurrently(...)``, and a ``op.drop_constraint(name, table,
  type_="primary")`` of the same name becomes ``op.drop_primary_key_concurrently(name, table,
  cols)`` (the columns stay NOT NULL, as after the plain drop).
- ``op.create_index(...)`` / ``op.drop_index(...)`` become ``op.create_index_concurrently`` /
  ``op.drop_index_concurrently`` under ``with op.get_context().autocommit_block():``. The
  package's ops rather than ``postgresql_concurrently=True``: they heal the invalid index a
  failed or cancelled build leaves (a plain re-run would fail on it), switch timeouts off for
  the build only, and report duplicate keys; the block shows the reader that what ran before
  it in the revision is committed first, as the revisions autogenerate writes do.

A call the fixer cannot rewrite without guessing (an unnamed constraint, positional options,
arguments only Alembic's op knows) is left alone and still reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from alembic_safe_unique.autogenerate.render import PACKAGE_IMPORT

from .findings import Finding

_AUTOCOMMIT_BLOCK = "with op.get_context().autocommit_block():\n    pass\n"
_PLAIN_TO_SAFE = {
    "create_unique_constraint": "create_unique_constraint_concurrently",
    "create_primary_key": "create_primary_key_concurrently",
    "create_index": "create_index_concurrently",
    "drop_index": "drop_index_concurrently",
}
_NEEDS_BLOCK = {"create_index", "drop_index"}
# Keywords the safe op takes as well: anything else and the call is left for a person.
_KNOWN_KEYWORDS = {
    "create_unique_constraint": {
        "schema",
        "deferrable",
        "initially",
        "postgresql_nulls_not_distinct",
        "postgresql_include",
    },
    "create_primary_key": {"schema"},
    "create_index": {"schema", "unique", "table_name", "index_name", "columns"},
    "drop_index": {"schema", "table_name", "index_name"},
}
_INDEX_OPTIONS_PREFIX = "postgresql_"
# A rewritten constraint op -> (the drop_constraint type_ of its plain inverse, the safe inverse).
_INVERSES = {
    "create_unique_constraint": ("unique", "drop_unique_constraint"),
    "create_primary_key": ("primary", "drop_primary_key_concurrently"),
}


def _op_method(call: cst.Call) -> str | None:
    func = call.func
    if (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == "op"
    ):
        return func.attr.value
    return None


def _keyword(call: cst.Call, name: str) -> cst.Arg | None:
    return next((arg for arg in call.args if arg.keyword and arg.keyword.value == name), None)


def _rewritable(call: cst.Call, method: str) -> bool:
    positional = [arg for arg in call.args if arg.keyword is None]
    most = 2 if method == "drop_index" else 3
    if any(arg.star for arg in call.args) or len(positional) > most:
        return False
    if method in _INVERSES and (not positional or _code(positional[0].value) == "None"):
        return False
    for arg in call.args:
        if arg.keyword is None:
            continue
        name = arg.keyword.value
        if name in _KNOWN_KEYWORDS[method]:
            continue
        if method == "create_index" and name.startswith(_INDEX_OPTIONS_PREFIX):
            if name == "postgresql_concurrently":
                return False
            continue
        return False
    return True


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


class _Fixer(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, lines: set[int], wrapper: MetadataWrapper) -> None:
        self.lines = lines
        self.positions = wrapper.resolve(PositionProvider)
        self.fixed = 0
        self.columns: dict[tuple[str, str, str], cst.BaseExpression] = {}
        """(name code, table code, constraint type) of each rewritten constraint -> columns."""
        self._statement_lines: list[tuple[int, int]] = []
        self._wrap_next: list[bool] = []
        self._block_depth = 0
        self._new_blocks: set[int] = set()
        """ids of the autocommit blocks this fixer wrote (their statements may be merged)."""

    def visit_With(self, node: cst.With) -> None:
        self._block_depth += _is_autocommit_block(node)

    def leave_With(self, original: cst.With, updated: cst.With) -> cst.BaseStatement:
        self._block_depth -= _is_autocommit_block(original)
        return updated

    # Statements: remember the span, so a call on any of its lines matches a finding line.
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        position = self.positions[node]
        self._statement_lines.append((position.start.line, position.end.line))
        self._wrap_next.append(False)

    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.BaseStatement:
        self._statement_lines.pop()
        if not self._wrap_next.pop():
            return updated
        template = cst.parse_statement(_AUTOCOMMIT_BLOCK)
        assert isinstance(template, cst.With)
        body = template.body.with_changes(body=[updated.with_changes(leading_lines=[])])
        block = template.with_changes(body=body, leading_lines=updated.leading_lines)
        self._new_blocks.add(id(block))
        return block

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """Statements wrapped one after the other share one block, as autogenerate writes."""
        merged: list[cst.BaseStatement] = []
        for statement in updated.body:
            previous = merged[-1] if merged else None
            if (
                isinstance(previous, cst.With)
                and isinstance(statement, cst.With)
                and id(previous) in self._new_blocks
                and id(statement) in self._new_blocks
                and not statement.leading_lines
            ):
                assert isinstance(previous.body, cst.IndentedBlock)
                assert isinstance(statement.body, cst.IndentedBlock)
                joined = previous.with_changes(
                    body=previous.body.with_changes(
                        body=[*previous.body.body, *statement.body.body]
                    )
                )
                self._new_blocks.add(id(joined))
                merged[-1] = joined
                continue
            merged.append(statement)
        return updated.with_changes(body=merged)

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        method = _op_method(updated)
        if method not in _PLAIN_TO_SAFE or not self._statement_lines:
            return updated
        first, last = self._statement_lines[-1]
        if not any(first <= line <= last for line in self.lines):
            return updated
        if not _rewritable(updated, method):
            return updated
        assert isinstance(updated.func, cst.Attribute)
        self.fixed += 1
        if method in _INVERSES:
            positional = [arg for arg in updated.args if arg.keyword is None]
            if len(positional) == 3:
                kind = _INVERSES[method][0]
                key = (_code(positional[0].value), _code(positional[1].value), kind)
                self.columns[key] = positional[2].value
        if method in _NEEDS_BLOCK and not self._block_depth:
            self._wrap_next[-1] = True
        return updated.with_changes(
            func=updated.func.with_changes(attr=cst.Name(_PLAIN_TO_SAFE[method]))
        )


def _is_autocommit_block(node: cst.With) -> bool:
    return any(
        isinstance(item.item, cst.Call)
        and isinstance(item.item.func, cst.Attribute)
        and item.item.func.attr.value == "autocommit_block"
        for item in node.items
    )


class _InverseFixer(cst.CSTTransformer):
    """``op.drop_constraint(name, table, type_=...)`` of a rewritten constraint."""

    def __init__(self, columns: dict[tuple[str, str, str], cst.BaseExpression]) -> None:
        self.columns = columns
        self.fixed = 0

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if _op_method(updated) != "drop_constraint":
            return updated
        positional = [arg for arg in updated.args if arg.keyword is None]
        kind = _keyword(updated, "type_")
        if len(positional) != 2 or kind is None:
            return updated
        type_ = _code(kind.value).strip("'\"")
        key = (_code(positional[0].value), _code(positional[1].value), type_)
        if key not in self.columns:
            return updated
        inverse = next(safe for plain, safe in _INVERSES.values() if plain == type_)
        others = [
            arg
            for arg in updated.args
            if arg.keyword is not None and arg.keyword.value not in ("type_",)
        ]
        if any(arg.keyword and arg.keyword.value != "schema" for arg in others):
            return updated
        assert isinstance(updated.func, cst.Attribute)
        self.fixed += 1
        second = positional[1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        columns = cst.Arg(self.columns[key])
        return updated.with_changes(
            func=updated.func.with_changes(attr=cst.Name(inverse)),
            args=[positional[0], second, columns, *others],
        )


def _ensure_package_import(module: cst.Module) -> cst.Module:
    """The safe ops exist once the package is imported: make the revision import it."""
    if "import alembic_safe_unique" in module.code:
        return module
    body = list(module.body)
    at = next(
        (
            index + 1
            for index, statement in enumerate(body)
            if "from alembic import op" in module.code_for_node(statement)
        ),
        0,
    )
    body.insert(at, cst.parse_statement(PACKAGE_IMPORT + "\n"))
    return module.with_changes(body=body)


def fix_source(source: str, lines: Iterable[int]) -> tuple[str, int]:
    """``source`` with the plain ops on ``lines`` rewritten, and how many were."""
    wrapper = MetadataWrapper(cst.parse_module(source))
    fixer = _Fixer(set(lines), wrapper)
    module = wrapper.visit(fixer)
    if not fixer.fixed:
        return source, 0
    inverse = _InverseFixer(fixer.columns)
    module = _ensure_package_import(module.visit(inverse))
    return module.code, fixer.fixed


def fix_findings(findings: Sequence[Finding]) -> dict[str, int]:
    """Rewrite every fixable finding in place; ``{path: number of calls rewritten}``."""
    by_path: dict[str, set[int]] = defaultdict(set)
    for finding in findings:
        if finding.fixable:
            by_path[finding.path].add(finding.line)
    fixed: dict[str, int] = {}
    for path, lines in by_path.items():
        file = Path(path)
        source = file.read_text()
        new_source, count = fix_source(source, lines)
        if count:
            file.write_text(new_source)
            fixed[path] = count
    return fixed
