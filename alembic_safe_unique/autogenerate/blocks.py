"""A container of operations that a revision file runs inside ``autocommit_block()``.

It exists for rendering only: the reader of a generated revision should see that its
statements run outside a transaction, and why, without knowing this package.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic.operations.ops import MigrateOperation, OpContainer


class AutocommitBlockOp(OpContainer):
    """Operations rendered under ``with op.get_context().autocommit_block():``."""

    def __init__(
        self,
        ops: Sequence[MigrateOperation] = (),
        *,
        comment: str | None = None,
        reverse_comment: str | None = None,
    ):
        super().__init__(ops)
        self.comment = comment
        self.reverse_comment = reverse_comment if reverse_comment is not None else comment
        """What the reversed block (the downgrade) says of itself."""

    def reverse(self) -> AutocommitBlockOp:
        return AutocommitBlockOp(
            [operation.reverse() for operation in reversed(self.ops)],
            comment=self.reverse_comment,
            reverse_comment=self.comment,
        )


class NoteOp(MigrateOperation):
    """A comment for the reader of a revision file; it runs nothing."""

    def __init__(self, text: str) -> None:
        self.text = text

    def reverse(self) -> NoteOp:
        return self

    def to_diff_tuple(self) -> tuple[str, str]:
        return ("note", self.text)
