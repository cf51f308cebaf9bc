"""The rewritten file as its project formats it: the package import in its place, calls that
grew past the project's line length wrapped the way black and ruff format them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from alembic_safe_unique.autogenerate.render import PACKAGE_IMPORT

from .calls import code

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.9 and 3.10
    import tomli as tomllib

DEFAULT_LINE_LENGTH = 88
"""ruff's and black's default."""


def line_length(revision: Path) -> int:
    """The line length the project formats with: ``line-length`` of ruff, else black, in the
    nearest configuration above ``revision`` that sets one (88 when none does)."""
    for folder in revision.resolve().parents:
        for name, section in (
            (".ruff.toml", ()),
            ("ruff.toml", ()),
            ("pyproject.toml", ("tool", "ruff")),
            ("pyproject.toml", ("tool", "black")),
        ):
            found = _setting(folder / name, section)
            if found is not None:
                return found
    return DEFAULT_LINE_LENGTH


def _setting(path: Path, section: tuple[str, ...]) -> int | None:
    if not path.is_file():
        return None
    try:
        table: object = tomllib.loads(path.read_text())
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return None  # not ours to judge: the formatter would say
    for key in section:
        table = table.get(key) if isinstance(table, dict) else None
    value = table.get("line-length") if isinstance(table, dict) else None
    return value if isinstance(value, int) and value > 0 else None


# -- the package import ----------------------------------------------------------------------
def _imports_package(module: cst.Module) -> bool:
    class Finder(cst.CSTVisitor):
        found = False

        def visit_Import(self, node: cst.Import) -> None:
            self.found |= any(
                code(alias.name).split(".")[0] == "alembic_safe_unique" for alias in node.names
            )

        def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
            module_name = code(node.module) if node.module is not None else ""
            self.found |= module_name.split(".")[0] == "alembic_safe_unique"

    finder = Finder()
    module.visit(finder)
    return finder.found


def _brings_op(small: cst.BaseSmallStatement) -> bool:
    """``from alembic import op`` (any spelling), ``import alembic``: where ``op`` comes from."""
    if isinstance(small, cst.ImportFrom) and small.module is not None:
        if code(small.module) != "alembic":
            return False
        names = small.names
        return isinstance(names, cst.ImportStar) or any(code(alias.name) == "op" for alias in names)
    if isinstance(small, cst.Import):
        return any(code(alias.name).split(".")[0] == "alembic" for alias in small.names)
    return False


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _is_future(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(small, cst.ImportFrom)
        and small.module is not None
        and code(small.module) == "__future__"
        for small in statement.body
    )


def ensure_package_import(module: cst.Module) -> cst.Module:
    """The safe ops exist once the package is imported: import it right under the import that
    brings ``op`` (else after the docstring and ``__future__`` imports, which must come first)."""
    if _imports_package(module):
        return module
    body = list(module.body)
    new = cst.parse_statement(PACKAGE_IMPORT + "\n")
    at = next(
        (
            index + 1
            for index, statement in enumerate(body)
            if isinstance(statement, cst.SimpleStatementLine)
            and any(_brings_op(small) for small in statement.body)
        ),
        None,
    )
    if at is None:
        at = 1 if body and _is_docstring(body[0]) else 0
        while at < len(body) and _is_future(body[at]):
            at += 1
        if at < len(body):  # take the blank lines above the statement it goes before
            new = new.with_changes(leading_lines=body[at].leading_lines)
            body[at] = body[at].with_changes(leading_lines=[])
        elif at:
            new = new.with_changes(leading_lines=[cst.EmptyLine()])
    body.insert(at, new)
    return module.with_changes(body=body)


# -- line length --------------------------------------------------------------------------
def _comment_after(whitespace: cst.BaseParenthesizableWhitespace | None) -> cst.Comment | None:
    if isinstance(whitespace, cst.ParenthesizedWhitespace):
        return whitespace.first_line.comment
    return None


def _own_line_comments(whitespace: cst.BaseParenthesizableWhitespace | None) -> bool:
    return isinstance(whitespace, cst.ParenthesizedWhitespace) and any(
        line.comment is not None for line in whitespace.empty_lines
    )


def _break(comment: cst.Comment | None, indent: str) -> cst.ParenthesizedWhitespace:
    """A line end (with ``comment``), then the next line at the statement's indent + ``indent``."""
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(
            whitespace=cst.SimpleWhitespace("  " if comment else ""), comment=comment
        ),
        empty_lines=[],
        indent=True,
        last_line=cst.SimpleWhitespace(indent),
    )


def _wrapped(call: cst.Call, indent: int, limit: int, unit: str) -> cst.Call | None:
    """``call`` with its arguments on one line of their own if that fits, else one a line
    with a trailing comma (``None``: comments or multi-line arguments a person should place)."""
    args = list(call.args)
    if not args or _own_line_comments(call.whitespace_before_args):
        return None
    texts: list[str] = []
    comments: list[cst.Comment | None] = []
    for arg in args:
        after = arg.comma.whitespace_after if isinstance(arg.comma, cst.Comma) else None
        if _own_line_comments(after) or _own_line_comments(arg.whitespace_after_arg):
            return None
        comments.append(_comment_after(after) or _comment_after(arg.whitespace_after_arg))
        text = code(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=_NONE))
        if "\n" in text:
            return None
        texts.append(text.strip())
    opening = _comment_after(call.whitespace_before_args)
    last = comments[-1]
    body = indent + len(unit) + len(", ".join(texts)) + (len(last.value) + 2 if last else 0)
    magic_comma = isinstance(args[-1].comma, cst.Comma)
    if body <= limit and not magic_comma and opening is None and not any(comments[:-1]):
        one_line = [
            arg.with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
                whitespace_after_arg=_NONE,
            )
            for arg in args[:-1]
        ]
        final = args[-1].with_changes(
            comma=cst.MaybeSentinel.DEFAULT, whitespace_after_arg=_break(last, "")
        )
        return call.with_changes(whitespace_before_args=_break(None, unit), args=[*one_line, final])
    per_line = [
        arg.with_changes(
            comma=cst.Comma(whitespace_after=_break(comment, "" if arg is args[-1] else unit)),
            whitespace_after_arg=_NONE,
        )
        for arg, comment in zip(args, comments)
    ]
    return call.with_changes(whitespace_before_args=_break(opening, unit), args=per_line)


_NONE = cst.SimpleWhitespace("")


class _Swap(cst.CSTTransformer):
    def __init__(self, calls: dict[int, cst.Call]) -> None:
        self.calls = calls

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        return self.calls.get(id(original), updated)


def wrap_long_calls(module: cst.Module, calls: Sequence[cst.Call], limit: int) -> cst.Module:
    """``module`` with each of ``calls`` that has a line longer than ``limit`` wrapped; every
    other line stays as it was."""
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    lines = module.code.splitlines()
    unit = module.default_indent
    swaps: dict[int, cst.Call] = {}
    for call in calls:
        where = positions.get(call)
        if where is None:
            continue
        spanned = lines[where.start.line - 1 : where.end.line]
        if all(len(line) <= limit for line in spanned):
            continue
        first = spanned[0]
        wrapped = _wrapped(call, len(first) - len(first.lstrip()), limit, unit)
        if wrapped is not None:
            swaps[id(call)] = wrapped
    return module.visit(_Swap(swaps)) if swaps else module
