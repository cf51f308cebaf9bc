"""What ``--fix`` rewrites in a revision and why it leaves the rest, read from the syntax tree.

lint marks a finding fixable from this plan and ``--fix`` applies the same plan, so the two
cannot disagree. Every safe op leaves Alembic's transaction, which commits what ran before it
in the revision. So a call is rewritten only where what runs before it in its function is
committed already (an autocommit block, another op of the package) or changes nothing: a
plain ``op.add_column`` before it would be committed first and, if the build then failed,
make the re-run fail on the column. ``SET LOCAL`` statements before it are set again right
after it (the commit ended them). A unique constraint dropped and created again under the
same name becomes one ``op.replace_unique_constraint``, which never leaves the table
unguarded; its previous columns come from the other function (the downgrade re-creates what
the upgrade dropped, and drops what it created).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import CodeRange

from .calls import (
    CONSTRAINT_CREATES,
    CONSTRAINT_DROPS,
    CONSTRAINT_OPS,
    NEEDS_BLOCK,
    PLAIN_TO_SAFE,
    SAFE_DROPS,
    code,
    constraint_key,
    constraint_type,
    keyword,
    literal_names,
    not_rewritable,
    op_method,
    positional,
)
from .commits import find_unsafe_commits
from .edits import CallEdit, Unit
from .walk import CANDIDATES, Owners, Walker, op_call

FUNCTIONS = ("upgrade", "downgrade")
Key = tuple[str, str, str]


@dataclass
class Plan:
    edits: dict[int, CallEdit] = field(default_factory=dict)
    """id of an original call -> how it changes."""
    wrap: set[int] = field(default_factory=set)
    """ids of small statements to put under ``with op.get_context().autocommit_block():``."""
    removed: set[int] = field(default_factory=set)
    """ids of small statements merged into a later one (a drop into its replace)."""
    again: dict[int, list[cst.BaseSmallStatement]] = field(default_factory=dict)
    """id of a small statement -> the ``SET LOCAL`` statements to run again after it."""
    fixed: set[int] = field(default_factory=set)
    """The given lines whose calls are rewritten."""
    left: dict[int, str] = field(default_factory=dict)
    """The given lines left as they are -> why."""


def _other(function: str) -> str:
    return "downgrade" if function == "upgrade" else "upgrade"


class _Planner:
    def __init__(
        self, module: cst.Module, ranges: Mapping[cst.CSTNode, CodeRange], lines: set[int]
    ):
        self.ranges = ranges
        self.plan = Plan()
        walker = Walker(module, ranges)
        self.steps = {name: walker.walk(name) for name in FUNCTIONS if name in walker.functions}
        self.written_in_block = walker.written_in_block
        self.units: dict[int, Unit] = {}
        """id of a small statement -> the unit rewriting it."""
        self.lines_of: dict[int, list[int]] = {}
        """id of a candidate small statement -> the given lines pointing at it."""
        self.candidates: list[tuple[cst.BaseSmallStatement, str]] = []
        self._find(module, lines)

    def _find(self, module: cst.Module, lines: set[int]) -> None:
        owners = Owners()
        module.visit(owners)
        for line in sorted(lines):
            hit = False
            for small, owner in owners.small:
                where = self.ranges.get(small)
                if where is None or not where.start.line <= line <= where.end.line:
                    continue
                value = small.value if isinstance(small, cst.Expr) else None
                if op_method(value) in CANDIDATES if value is not None else False:
                    if id(small) not in self.lines_of:
                        self.candidates.append((small, owner))
                    self.lines_of.setdefault(id(small), []).append(line)
                    hit = True
            if not hit:
                self.plan.left[line] = (
                    "--fix rewrites an op only when the call is a statement of its own "
                    "(op.create_index(...) on its line), not part of an expression"
                )

    def _leave(self, small: cst.BaseSmallStatement, reason: str) -> None:
        for line in self.lines_of.get(id(small), []):
            self.plan.left.setdefault(line, reason)

    def _places(self, small: cst.BaseSmallStatement) -> list[tuple[str, int]]:
        """Where ``small`` runs: (upgrade or downgrade, index in its steps), every time."""
        return [
            (function, index)
            for function, steps in self.steps.items()
            for index, step in enumerate(steps)
            if step.node is small
        ]

    def _add(self, statements: list[cst.BaseSmallStatement], edits: dict[int, CallEdit]) -> None:
        unit = Unit(statements, edits)
        for small in statements:
            self.units[id(small)] = unit

    # -- what each candidate becomes, before asking what runs before it ------------------
    def decide(self) -> Plan:
        # Creates first: a drop paired with a create is decided with it.
        ordered = sorted(
            self.candidates, key=lambda item: op_method(op_call(item[0])) == "drop_constraint"
        )
        for small, owner in ordered:
            if id(small) in self.units or any(
                line in self.plan.left for line in self.lines_of[id(small)]
            ):
                continue
            reason = self._decide(small, owner)
            if reason:
                self._leave(small, reason)
        self._settle()
        return self.plan

    def _decide(self, small: cst.BaseSmallStatement, owner: str) -> str | None:
        call = op_call(small)
        method = op_method(call)
        assert method is not None
        places = self._places(small)
        if not places:
            return (
                f"it is in {owner}, which upgrade() and downgrade() do not call as a "
                "statement: --fix cannot tell what runs before it"
            )
        reason = not_rewritable(call, method)
        if reason:
            return reason
        if method == "drop_constraint":
            return self._drop(small, call, places)
        if method in CONSTRAINT_CREATES:
            return self._create(small, call, method, places)
        without = frozenset(
            arg.keyword.value
            for arg in call.args
            if method == "drop_index"
            and arg.keyword
            and arg.keyword.value.startswith("postgresql_")
        )
        self._add([small], {id(call): CallEdit(PLAIN_TO_SAFE[method], without=without)})
        return None

    def _create(
        self,
        small: cst.BaseSmallStatement,
        call: cst.Call,
        method: str,
        places: list[tuple[str, int]],
    ) -> str | None:
        kind = CONSTRAINT_CREATES[method]
        key = constraint_key(call)
        found = [self._paired_drop(function, index, key, kind) for function, index in places]
        if all(drop is None for drop in found):
            self._add([small], {id(call): CallEdit(PLAIN_TO_SAFE[method])})
            return None
        name = code(positional(call)[0].value)
        drop = next(drop for drop in found if drop is not None)
        line, drop_small = drop
        reason: str | None
        if any(other is None or other[1] is not drop_small for other in found):
            reason = f"{name} is dropped before it in one place it runs from and not in another"
        elif kind == "primary":
            reason = (
                f"primary key {name} is dropped on line {line} and created again here: no op "
                "swaps a primary key in place, and two committed steps would leave the table "
                "without one in between"
            )
        elif drop_small is None:
            reason = (
                f"{name} is dropped on line {line} and created again here with other code "
                "between them: --fix makes the pair one op.replace_unique_constraint only when "
                "nothing runs between the two"
            )
        else:
            function = places[0][0]
            reason = not_rewritable(op_call(drop_small), "drop_constraint")
            previous = None if reason else self._columns_left_by(_other(function), key, kind)
            if reason is None and previous is None:
                reason = (
                    f"{name} is dropped on line {line} and created again here; "
                    "op.replace_unique_constraint would swap the two without a gap, but the "
                    f"columns it had are not known ({_other(function)}() creates no {name} "
                    "with a list of column names)"
                )
            if reason is None:
                edit = CallEdit("replace_unique_constraint", previous_columns=previous)
                self._add([drop_small, small], {id(call): edit})
                return None
        if drop_small is not None:
            self._leave(drop_small, reason)
        return reason

    def _paired_drop(
        self, function: str, index: int, key: Key | None, kind: str
    ) -> tuple[int, cst.BaseSmallStatement | None] | None:
        """The drop of this constraint before its create at ``index``, if it is dropped there:
        (line, the drop; ``None`` when other code runs between the two, or they sit apart)."""
        steps = self.steps[function]
        between = False
        for step in reversed(steps[:index]):
            call = step.call
            if call is not None and constraint_key(call) == key:
                method = op_method(call)
                if method == "drop_constraint" and constraint_type(call) == kind:
                    apart = between or step.body != steps[index].body
                    return step.line, None if apart else step.node
                if method in CONSTRAINT_OPS or method in CONSTRAINT_DROPS:
                    return None
            between = True
        return None

    def _columns_left_by(
        self, function: str, key: Key | None, kind: str
    ) -> cst.BaseExpression | None:
        """The columns ``function`` leaves the constraint with: its last create of it (not
        dropped after), when written as a list of names another function can hold too."""
        found: cst.BaseExpression | None = None
        for step in self.steps.get(function, []):
            call = step.call
            if call is None or constraint_key(call) != key:
                continue
            method = op_method(call)
            dropped = method == "drop_constraint" and constraint_type(call) == kind
            if dropped or CONSTRAINT_DROPS.get(method or "") == kind:
                found = None
            elif CONSTRAINT_OPS.get(method or "") == kind:
                found = _literal_columns(call)
        return found

    def _drop(
        self, small: cst.BaseSmallStatement, call: cst.Call, places: list[tuple[str, int]]
    ) -> str | None:
        kind = constraint_type(call)
        if kind not in SAFE_DROPS:
            return "it drops no unique constraint or primary key (type_= says which)"
        key = constraint_key(call)
        name = code(positional(call)[0].value)
        columns: list[cst.BaseExpression] = []
        for function, index in places:
            later = self._built_after(function, index, key)
            if later is not None:
                line, same = later
                if same:
                    return (
                        f"{name} is created again on line {line}, which --fix leaves as it "
                        "is: it rewrites such a drop and create together or not at all"
                    )
                return (
                    f"a unique index or constraint on the same table is built after it (line "
                    f"{line}): dropping first in a committed step would leave the table "
                    "unguarded until that build ends; use op.replace_unique_constraint, or move "
                    "the build into a revision of its own"
                )
            found = self._columns_before(function, index, key, kind)
            found = (
                found if found is not None else self._columns_left_by(_other(function), key, kind)
            )
            if found is None:
                creator = (
                    "op.create_primary_key" if kind == "primary" else "op.create_unique_constraint"
                )
                return (
                    f"the columns of {name} are not known (no {creator} of it with a list of "
                    "column names in this revision), and the safe drop needs them to be "
                    "reversible"
                )
            columns.append(found)
        if len({code(found) for found in columns}) > 1:
            return f"{name} has other columns in each place it runs from"
        edit = CallEdit(SAFE_DROPS[kind], columns=columns[0])
        self._add([small], {id(call): edit})
        return None

    def _built_after(self, function: str, index: int, key: Key | None) -> tuple[int, bool] | None:
        """A unique build on the same table later in ``function``: (its line, same name?)."""
        assert key is not None
        for step in self.steps[function][index + 1 :]:
            call = step.call
            other = constraint_key(call) if call is not None else None
            if call is None or other is None or other[1:] != key[1:]:
                continue
            method = op_method(call)
            if method in CONSTRAINT_OPS:
                return step.line, other == key
            unique = keyword(call, "unique")
            if method in ("create_index", "create_index_concurrently") and (
                unique is not None and code(unique.value) == "True"
            ):
                return step.line, False
        return None

    def _columns_before(
        self, function: str, index: int, key: Key | None, kind: str
    ) -> cst.BaseExpression | None:
        """The columns of the create this drop undoes, earlier in the same function."""
        for step in reversed(self.steps[function][:index]):
            call = step.call
            if (
                call is not None
                and constraint_key(call) == key
                and CONSTRAINT_OPS.get(op_method(call) or "") == kind
            ):
                return _literal_columns(call)
        return None

    # -- what runs before each rewrite ----------------------------------------------------
    def _settle(self) -> None:
        """Leave the units whose commit would commit something unsafe, until none is left."""
        while True:
            unsafe: dict[int, tuple[Unit, str]] = {}
            again: dict[int, list[cst.BaseSmallStatement]] = {}
            for steps in self.steps.values():
                find_unsafe_commits(steps, self.units, unsafe, again)
            if not unsafe:
                break
            for unit, reason in unsafe.values():
                for small in unit.statements:
                    del self.units[id(small)]
                    self._leave(small, reason)
        for unit in self.units.values():
            self.plan.edits.update(unit.edits)
            last = unit.statements[-1]
            self.plan.fixed.update(self.lines_of.get(id(last), []))
            if len(unit.statements) > 1:
                self.plan.removed.add(id(unit.statements[0]))
                self.plan.fixed.update(self.lines_of.get(id(unit.statements[0]), []))
            method = op_method(op_call(last))
            if method in NEEDS_BLOCK and not self.written_in_block.get(id(last), False):
                self.plan.wrap.add(id(last))
        self.plan.again = again


def _literal_columns(call: cst.Call) -> cst.BaseExpression | None:
    args = positional(call)
    return args[2].value if len(args) > 2 and literal_names(args[2].value) else None


def plan_fixes(
    module: cst.Module, ranges: Mapping[cst.CSTNode, CodeRange], lines: set[int]
) -> Plan:
    """The plan for the calls on ``lines`` of ``module`` (``ranges``: its nodes' positions)."""
    return _Planner(module, ranges, lines).decide()
