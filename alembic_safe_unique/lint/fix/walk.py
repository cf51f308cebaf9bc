"""The steps ``upgrade()``/``downgrade()`` run, in order, read from the syntax tree.

Which statements commit, which only set ``SET LOCAL``s, which change the database and which are
op calls ``--fix`` may rewrite: the plan decides from this walk. Helpers a function calls as a
statement are followed, and loop bodies read twice (their second pass sees the first's
changes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import libcst as cst
from libcst.metadata import CodeRange

from .calls import (
    COMMITTING_OPS,
    PLAIN_TO_SAFE,
    changes_nothing,
    code,
    is_autocommit_block,
    is_commit,
    is_set_local,
    op_method,
)

CANDIDATES = {*PLAIN_TO_SAFE, "drop_constraint"}
"""The op calls ``--fix`` may rewrite."""


@dataclass(frozen=True)
class Step:
    """Something a function runs, in order: an op statement, a block's edge, other code."""

    kind: str  # "op", "commit", "set_local", "other", "enter", "exit"
    node: cst.BaseSmallStatement | None
    line: int
    in_block: bool
    """At run time inside an autocommit block (every statement commits by itself)."""
    function: str
    """The function whose own text holds it (a helper upgrade() calls, or upgrade())."""
    top_level: bool
    body: int
    """id of the statement list it is in: a drop and create pair must share one."""
    what: str = ""

    @property
    def call(self) -> cst.Call | None:
        value = self.node.value if isinstance(self.node, cst.Expr) else None
        return value if isinstance(value, cst.Call) else None


@dataclass(frozen=True)
class WalkContext:
    function: str
    in_block: bool
    written_in_block: bool
    top_level: bool
    stack: tuple[str, ...]


class Walker:
    """The steps of ``upgrade()``/``downgrade()``, helpers they call inlined, loops twice."""

    def __init__(self, module: cst.Module, ranges: Mapping[cst.CSTNode, CodeRange]) -> None:
        self.functions = {
            statement.name.value: statement
            for statement in module.body
            if isinstance(statement, cst.FunctionDef)
        }
        self.ranges = ranges
        self.written_in_block: dict[int, bool] = {}
        """id of each small statement reached -> inside an autocommit block in its text."""

    def walk(self, name: str) -> list[Step]:
        steps: list[Step] = []
        self._suite(
            self.functions[name].body, WalkContext(name, False, False, True, (name,)), steps
        )
        return steps

    def _line(self, node: cst.CSTNode) -> int:
        found = self.ranges.get(node)
        return found.start.line if found else 0

    def _suite(self, suite: cst.BaseSuite, context: WalkContext, steps: list[Step]) -> None:
        if isinstance(suite, cst.SimpleStatementSuite):
            for small in suite.body:
                self._small(small, id(suite), context, steps)
        elif isinstance(suite, cst.IndentedBlock):
            for statement in suite.body:
                self._statement(statement, id(suite), context, steps)

    def _check(
        self,
        nodes: Sequence[cst.CSTNode],
        where: cst.CSTNode,
        context: WalkContext,
        steps: list[Step],
    ) -> None:
        """A compound statement's own code (an ``if``'s test): a step if it may change data."""
        if not all(changes_nothing(node) for node in nodes):
            line = self._line(where)
            what = f"the code on line {line}"
            steps.append(
                Step("other", None, line, context.in_block, context.function, False, 0, what)
            )

    def _statement(
        self, statement: cst.BaseStatement, body: int, context: WalkContext, steps: list[Step]
    ) -> None:
        nested = replace(context, top_level=False)
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                self._small(small, body, context, steps)
        elif isinstance(statement, cst.If):
            self._check([statement.test], statement, context, steps)
            self._suite(statement.body, nested, steps)
            if isinstance(statement.orelse, cst.If):
                self._statement(statement.orelse, body, nested, steps)
            elif isinstance(statement.orelse, cst.Else):
                self._suite(statement.orelse.body, nested, steps)
        elif isinstance(statement, (cst.For, cst.While)):
            head = statement.iter if isinstance(statement, cst.For) else statement.test
            for _turn in range(2):  # a later turn runs after what the turn before it ran
                self._check([head], statement, context, steps)
                self._suite(statement.body, nested, steps)
            if statement.orelse is not None:
                self._suite(statement.orelse.body, nested, steps)
        elif isinstance(statement, cst.With) and is_autocommit_block(statement):
            inside = replace(nested, in_block=True, written_in_block=True)
            if not context.in_block:  # a block inside a block is no commit (the run is outside)
                steps.append(Step("enter", None, 0, False, context.function, False, body))
            self._suite(statement.body, inside, steps)
            if not context.in_block:
                steps.append(Step("exit", None, 0, False, context.function, False, body))
        elif isinstance(statement, cst.With):
            self._check([item.item for item in statement.items], statement, context, steps)
            self._suite(statement.body, nested, steps)
        elif isinstance(statement, (cst.Try, cst.TryStar)):
            self._suite(statement.body, nested, steps)
            for handler in statement.handlers:
                self._suite(handler.body, nested, steps)
            for extra in (statement.orelse, statement.finalbody):
                if extra is not None:
                    self._suite(extra.body, nested, steps)
        elif not isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            self._check([statement], statement, context, steps)  # match, async for, ...

    def _small(
        self, small: cst.BaseSmallStatement, body: int, context: WalkContext, steps: list[Step]
    ) -> None:
        self.written_in_block[id(small)] = context.written_in_block
        line = self._line(small)
        value = small.value if isinstance(small, cst.Expr) else None
        call = value if isinstance(value, cst.Call) else None
        if call is not None and isinstance(call.func, cst.Name):
            helper = self.functions.get(call.func.value)
            if helper is not None and call.func.value not in context.stack:
                self._check([arg.value for arg in call.args], small, context, steps)
                name = helper.name.value
                inside = WalkContext(name, context.in_block, False, True, (*context.stack, name))
                self._suite(helper.body, inside, steps)
                return
        method = op_method(call) if call is not None else None
        step = Step("op", small, line, context.in_block, context.function, context.top_level, body)
        if method in COMMITTING_OPS or is_commit(small):
            steps.append(replace(step, kind="commit"))
        elif is_set_local(small):
            steps.append(replace(step, kind="set_local"))
        elif method in CANDIDATES:
            steps.append(replace(step, what=f"op.{method}(...) on line {line}"))
        elif not changes_nothing(small):
            what = f"{code(call.func)}(...)" if call is not None else "the statement"
            steps.append(replace(step, kind="other", what=f"{what} on line {line}"))


class Owners(cst.CSTVisitor):
    """Every small statement, with the function whose text holds it."""

    def __init__(self) -> None:
        self.small: list[tuple[cst.BaseSmallStatement, str]] = []
        self._functions: list[str] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._functions.pop()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.BaseSmallStatement):
            owner = f"{self._functions[-1]}()" if self._functions else "the module's own code"
            self.small.append((node, owner))
        return super().on_visit(node)


def op_call(small: cst.BaseSmallStatement) -> cst.Call:
    assert isinstance(small, cst.Expr) and isinstance(small.value, cst.Call)
    return small.value
