"""Wire an ``env.py`` as the README's "Wiring: env.py" says, by editing its syntax tree.

The import after the alembic imports, ``process_revision_directives=alembic_safe_unique.rewriter``
in every ``context.configure(...)``, an existing hook chained rather than replaced (a
``**conf_args`` dict too, as Flask-Migrate's env.py passes it), and optionally the deploy lock.
libcst keeps every comment and blank line the user wrote; a wired file is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from alembic_safe_unique.errors import SafeUniqueError

PACKAGE = "alembic_safe_unique"
REWRITER = f"{PACKAGE}.rewriter"
HOOK = "process_revision_directives"
LOCK = f"{PACKAGE}.migration_lock"


class WiringError(SafeUniqueError):
    """The env.py cannot be wired automatically; the message says what to add by hand."""


@dataclass
class Wired:
    """The wired source and what could not be done (said to the user, not an error)."""

    code: str
    notes: list[str] = field(default_factory=list)


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


def _is_configure(node: cst.BaseExpression) -> bool:
    func = node.func if isinstance(node, cst.Call) else None
    return (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == "context"
        and func.attr.value == "configure"
    )


def _line_break(base: str, deeper: int) -> cst.ParenthesizedWhitespace:
    return cst.ParenthesizedWhitespace(
        indent=True, last_line=cst.SimpleWhitespace(base + "    " * deeper)
    )


def _space() -> cst.SimpleWhitespace:
    return cst.SimpleWhitespace(" ")


def _merged_dict(name: cst.BaseExpression, base: str | None) -> cst.Dict:
    """``{**name, "process_revision_directives": rewriter.chain(name.get(...))}``: a new dict,
    so the caller's (Flask-Migrate's configure_args) is never changed between runs."""
    source = _code(name)
    get = cst.parse_expression(f'{source}.get("{HOOK}")')
    if base is None:
        return cst.ensure_type(
            cst.parse_expression(f'{{**{source}, "{HOOK}": {REWRITER}.chain({_code(get)})}}'),
            cst.Dict,
        )
    chain = cst.Call(
        func=cst.parse_expression(f"{REWRITER}.chain"),
        args=[cst.Arg(value=get, whitespace_after_arg=_line_break(base, 1))],
        whitespace_before_args=_line_break(base, 2),
    )
    return cst.Dict(
        lbrace=cst.LeftCurlyBrace(whitespace_after=_line_break(base, 1)),
        elements=[
            cst.StarredDictElement(
                value=name, comma=cst.Comma(whitespace_after=_line_break(base, 1))
            ),
            cst.DictElement(
                key=cst.SimpleString(f'"{HOOK}"'),
                value=chain,
                whitespace_after_colon=_space(),
                comma=cst.Comma(whitespace_after=_line_break(base, 0)),
            ),
        ],
    )


def _append(call: cst.Call, new: cst.Arg) -> cst.Call:
    """``new`` as the last argument, laid out as the call's arguments are (one a line or not)."""
    args = list(call.args)
    if not args:
        return call.with_changes(args=[new])
    multiline = isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace)
    separator = cst.Comma(whitespace_after=call.whitespace_before_args if multiline else _space())
    last = args[-1]
    between: cst.Comma | cst.MaybeSentinel = last.comma
    if isinstance(last.comma, cst.Comma):  # a trailing comma: it moves to the new argument
        new = new.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
        # and the last argument is followed as the others are (not by the closing line)
        previous = args[-2].comma if len(args) > 1 else None
        between = previous if isinstance(previous, cst.Comma) else separator
    elif multiline:  # one argument a line, with the trailing comma such calls have
        closing = last.whitespace_after_arg
        new = new.with_changes(comma=cst.Comma(whitespace_after=closing))
    else:
        new = new.with_changes(whitespace_after_arg=last.whitespace_after_arg)
    args[-1] = last.with_changes(comma=between, whitespace_after_arg=cst.SimpleWhitespace(""))
    args = [
        arg
        if isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
        else arg.with_changes(comma=separator)
        for arg in args
    ]
    return call.with_changes(args=[*args, new])


class _Wiring(cst.CSTTransformer):
    """Wires every ``context.configure(...)``; wraps ``with X.connect() as c:`` if asked."""

    def __init__(self, migration_lock: bool) -> None:
        self.migration_lock = migration_lock
        self.configure_calls = 0
        self.locked = 0

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if not _is_configure(updated):
            return updated
        self.configure_calls += 1
        if REWRITER in _code(updated):
            return updated
        args = list(updated.args)
        for index, arg in enumerate(args):
            if arg.keyword is not None and arg.keyword.value == HOOK:
                chained = cst.parse_expression(f"{REWRITER}.chain({_code(arg.value)})")
                args[index] = arg.with_changes(value=chained)
                return updated.with_changes(args=args)
        spread = [index for index, arg in enumerate(args) if arg.star == "**"]
        if len(spread) > 1:
            raise WiringError(
                "a context.configure(...) call spreads several dicts (**a, **b); add "
                f"{HOOK}={REWRITER} (or {REWRITER}.chain(<your hook>)) to it by hand."
            )
        if spread:
            before = updated.whitespace_before_args
            base = (
                before.last_line.value if isinstance(before, cst.ParenthesizedWhitespace) else None
            )
            arg = args[spread[0]]
            args[spread[0]] = arg.with_changes(value=_merged_dict(arg.value, base))
            return updated.with_changes(args=args)
        hook = cst.Arg(
            keyword=cst.Name(HOOK),
            value=cst.parse_expression(REWRITER),
            equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""),
                whitespace_after=cst.SimpleWhitespace(""),
            ),
        )
        return _append(updated, hook)

    def leave_With(self, original: cst.With, updated: cst.With) -> cst.With:
        if not self.migration_lock or original.asynchronous is not None:
            return updated
        if LOCK in _code(updated.items[-1]) or not _holds_configure(original.body):
            return updated
        connection = _connected_name(updated.items)
        if connection is None:
            return updated
        self.locked += 1
        items = list(updated.items)
        items[-1] = items[-1].with_changes(comma=cst.Comma(whitespace_after=_space()))
        lock = cst.WithItem(item=cst.parse_expression(f"{LOCK}({connection})"))
        return updated.with_changes(items=[*items, lock])


def _connected_name(items: Sequence[cst.WithItem]) -> str | None:
    """``connection`` in ``with engine.connect() as connection:``."""
    for item in items:
        call = item.item
        if (
            isinstance(call, cst.Call)
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "connect"
            and item.asname is not None
            and isinstance(item.asname.name, cst.Name)
        ):
            return item.asname.name.value
    return None


def _holds_configure(body: cst.BaseSuite) -> bool:
    """A ``context.configure(...)`` statement directly in this block."""
    if not isinstance(body, cst.IndentedBlock):
        return False
    return any(
        isinstance(line, cst.SimpleStatementLine)
        and any(isinstance(s, cst.Expr) and _is_configure(s.value) for s in line.body)
        for line in body.body
    )


def _imports(line: cst.CSTNode, module: str) -> bool:
    """Whether a top-level line imports ``module`` (or, for ``alembic``, anything under it)."""
    if not isinstance(line, cst.SimpleStatementLine):
        return False
    for statement in line.body:
        if isinstance(statement, cst.Import):
            names = [_code(alias.name) for alias in statement.names if alias.asname is None]
            if module == PACKAGE and PACKAGE in names:
                return True
            if module != PACKAGE and any(n.split(".")[0] == module for n in names):
                return True
        if module != PACKAGE and isinstance(statement, cst.ImportFrom):
            source = _code(statement.module) if statement.module is not None else ""
            if source.split(".")[0] == module:
                return True
    return False


def _with_import(module: cst.Module) -> cst.Module:
    """``import alembic_safe_unique`` after the last alembic import (or the last import)."""
    body = list(module.body)
    if any(_imports(line, PACKAGE) for line in body):
        return module
    anchors = [i for i, line in enumerate(body) if _imports(line, "alembic")]
    if not anchors:
        anchors = [
            i
            for i, line in enumerate(body)
            if isinstance(line, cst.SimpleStatementLine)
            and any(isinstance(s, (cst.Import, cst.ImportFrom)) for s in line.body)
        ]
    at = anchors[-1] + 1 if anchors else 0
    line = cst.SimpleStatementLine(body=[cst.Import(names=[cst.ImportAlias(cst.Name(PACKAGE))])])
    return module.with_changes(body=[*body[:at], line, *body[at:]])


def _calls_rewriter_itself(module: cst.Module) -> bool:
    """A hook of the user's own that calls ``alembic_safe_unique.rewriter(...)`` (as the docs
    show for Flask-Migrate): chaining it too would rewrite every revision twice."""
    found = False

    class Finder(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            nonlocal found
            found = found or _code(node.func) in (
                REWRITER,
                f"{REWRITER}.process_revision_directives",
            )

    module.visit(Finder())
    return found


def wire_source(source: str, *, migration_lock: bool = False, where: str = "env.py") -> Wired:
    """``source`` (an env.py) wired; the same text when it already is."""
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        raise WiringError(f"{where} is not valid Python ({error.message}); fix it first.") from None
    notes: list[str] = []
    wiring = _Wiring(migration_lock)
    if _calls_rewriter_itself(module):
        wiring.configure_calls = -1  # the hook is the user's: leave configure() alone
        if migration_lock:
            module = module.visit(_LockOnly(wiring))
    else:
        module = module.visit(wiring)
        if wiring.configure_calls == 0:
            raise WiringError(
                f"{where} has no context.configure(...) call to wire. Add "
                f"`{HOOK}={REWRITER}` to the context.configure(...) of run_migrations_online() "
                'and run_migrations_offline() by hand (README.md, "Wiring: env.py").'
            )
    if migration_lock and not wiring.locked and LOCK not in source:
        notes.append(
            f"--migration-lock left out: no `with <engine>.connect() as connection:` in {where} "
            "directly holds context.configure(...). Wrap the online run in "
            f"`with {LOCK}(connection):` by hand (docs/getting-started.md, "
            '"A deploy lock in env.py").'
        )
    if _opens_its_own_transaction(module):
        notes.append(
            f"{where} opens a transaction of its own (`.begin()` on an engine or connection, "
            "as the multidb template does): autogenerate works, but an upgrade cannot leave "
            "that transaction for the concurrent build. Migrate each database in a transaction "
            'Alembic owns (docs/getting-started.md, "Multiple databases").'
        )
    return Wired(_with_import(module).code, notes)


def _opens_its_own_transaction(module: cst.Module) -> bool:
    """A ``<something>.begin()`` call: a transaction env.py owns, not Alembic."""
    found = False

    class Finder(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            nonlocal found
            func = node.func
            if isinstance(func, cst.Attribute) and func.attr.value == "begin":
                found = True

    module.visit(Finder())
    return found


class _LockOnly(cst.CSTTransformer):
    """Only the deploy lock, for an env.py whose own hook calls the rewriter."""

    def __init__(self, wiring: _Wiring) -> None:
        self.wiring = wiring

    def leave_With(self, original: cst.With, updated: cst.With) -> cst.With:
        return self.wiring.leave_With(original, updated)
