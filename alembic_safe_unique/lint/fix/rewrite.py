"""Apply a plan to the syntax tree it was read from: rename calls, add blocks, merge pairs."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from .calls import positional
from .edits import CallEdit
from .plan import Plan

_AUTOCOMMIT_BLOCK = "with op.get_context().autocommit_block():\n    pass\n"
_SET_AGAIN = "# The commit above ended the SET LOCAL: set it again for what follows."
_NO_SPACE = cst.SimpleWhitespace("")


def _without(args: Sequence[cst.Arg], names: frozenset[str]) -> list[cst.Arg]:
    """``args`` less the keywords ``names``; the new last one keeps the old last one's end."""
    kept = [arg for arg in args if not (arg.keyword and arg.keyword.value in names)]
    if kept and args and kept[-1] is not args[-1]:
        end = args[-1]
        kept[-1] = kept[-1].with_changes(
            comma=end.comma, whitespace_after_arg=end.whitespace_after_arg
        )
    return kept


def _insert(args: list[cst.Arg], at: int, new: cst.Arg) -> list[cst.Arg]:
    """``new`` at position ``at``, separated from its neighbours as they are from each other."""
    if at < len(args):
        separator = args[at - 1].comma if at else cst.MaybeSentinel.DEFAULT
        return [*args[:at], new.with_changes(comma=separator), *args[at:]]
    last = args[-1]
    between = (
        args[-2].comma
        if len(args) > 1 and isinstance(args[-2].comma, cst.Comma)
        else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    )
    moved = new.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
    return [*args[:-1], last.with_changes(comma=between, whitespace_after_arg=_NO_SPACE), moved]


def edited(call: cst.Call, edit: CallEdit) -> cst.Call:
    """``call`` as the safe op ``edit`` names, with its arguments."""
    assert isinstance(call.func, cst.Attribute)
    args = list(call.args)
    if edit.columns is not None:  # a constraint drop: (name, table, columns), type_ goes
        args = _without(args, frozenset({"type_"}))
        at = len(positional(call))
        args = _insert(args, at, cst.Arg(edit.columns))
    args = _without(args, edit.without)
    if edit.previous_columns is not None:
        equal = cst.AssignEqual(whitespace_before=_NO_SPACE, whitespace_after=_NO_SPACE)
        name = cst.Name("previous_columns")
        args = _insert(args, len(args), cst.Arg(edit.previous_columns, keyword=name, equal=equal))
    return call.with_changes(func=call.func.with_changes(attr=cst.Name(edit.name)), args=args)


class Rewriter(cst.CSTTransformer):
    """Applies ``plan`` to the module it was made from (nodes are matched by identity)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.changed: list[cst.Call] = []
        """The calls written anew, for the line-length pass."""
        self._new_blocks: set[int] = set()
        """ids of the autocommit blocks written here (consecutive ones are merged)."""
        self._gone: set[int] = set()
        """ids of stand-ins for removed lines, whose comments go to the next statement."""

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        edit = self.plan.edits.get(id(original))
        if edit is None:
            return updated
        new = edited(updated, edit)
        self.changed.append(new)
        return new

    def _touched(self, small: cst.BaseSmallStatement) -> bool:
        plan = self.plan
        return id(small) in plan.wrap or id(small) in plan.removed or id(small) in plan.again

    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        if not any(self._touched(small) for small in original.body):
            return updated
        lines = self._lines(
            original.body, updated.body, updated.leading_lines, updated.trailing_whitespace
        )
        return cst.FlattenSentinel(lines)

    def leave_SimpleStatementSuite(
        self, original: cst.SimpleStatementSuite, updated: cst.SimpleStatementSuite
    ) -> cst.BaseSuite:
        """``if x: op.create_index(...)`` becomes an indented block, as a formatter writes it."""
        rewritten = any(
            isinstance(small, cst.Expr) and id(small.value) in self.plan.edits
            for small in original.body
        )
        if not rewritten and not any(self._touched(small) for small in original.body):
            return updated
        lines = self._lines(original.body, updated.body, [], updated.trailing_whitespace)
        return cst.IndentedBlock(body=lines)

    def _lines(
        self,
        originals: Sequence[cst.BaseSmallStatement],
        smalls: Sequence[cst.BaseSmallStatement],
        leading: Sequence[cst.EmptyLine],
        trailing: cst.TrailingWhitespace,
    ) -> list[cst.BaseStatement]:
        """One line per small statement (wrapped in a block, removed, followed by SET LOCALs
        again, as planned); the line's comments stay with what is left of it."""
        out: list[cst.BaseStatement] = []
        carried = list(leading)
        for index, (original, small) in enumerate(zip(originals, smalls)):
            last = index == len(smalls) - 1
            end = trailing if last else cst.TrailingWhitespace()
            if id(original) in self.plan.removed:
                if last and trailing.comment is not None:
                    carried.append(cst.EmptyLine(comment=trailing.comment))
                continue
            line = cst.SimpleStatementLine(
                body=[small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)],
                trailing_whitespace=end,
            )
            if id(original) in self.plan.wrap:
                out.append(self._block(line, carried))
            else:
                out.append(line.with_changes(leading_lines=carried))
            carried = []
            for number, again in enumerate(self.plan.again.get(id(original), [])):
                comment = [cst.EmptyLine(comment=cst.Comment(_SET_AGAIN))] if not number else []
                body = [again.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)]
                out.append(cst.SimpleStatementLine(body=body, leading_lines=comment))
        if carried or not out:  # what went into a later statement: its comments go there too
            out.append(self._stand_in(carried))
        return out

    def _stand_in(self, comments: list[cst.EmptyLine]) -> cst.SimpleStatementLine:
        """A placeholder the enclosing block removes, handing ``comments`` to what follows."""
        stand_in = cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=comments)
        self._gone.add(id(stand_in))
        return stand_in

    def _block(self, line: cst.SimpleStatementLine, leading: list[cst.EmptyLine]) -> cst.With:
        template = cst.parse_statement(_AUTOCOMMIT_BLOCK)
        assert isinstance(template, cst.With)
        block = template.with_changes(
            body=template.body.with_changes(body=[line]), leading_lines=leading
        )
        self._new_blocks.add(id(block))
        return block

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """Blocks written one after the other become one, as autogenerate writes them; a
        removed line's comments go to the statement after it."""
        merged: list[cst.BaseStatement] = []
        carried: list[cst.EmptyLine] = []
        for statement in updated.body:
            assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
            if id(statement) in self._gone:
                carried.extend(statement.leading_lines)
                continue
            if carried:
                statement = statement.with_changes(
                    leading_lines=[*carried, *statement.leading_lines]
                )
                carried = []
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
