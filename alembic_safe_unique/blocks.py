"""A container of operations that a revision file runs inside ``autocommit_block()``.

It exists for rendering only: the reader of a generated revision should see that its
statements run outside a transaction, and why, without knowing this package.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic.operations.ops import MigrateOperation, OpContainer


class AutocommitBlockOp(OpContainer):
    """Operations rendered under ``with op.get_context().autocommit_block():``."""

    def __init__(self, ops: Sequence[MigrateOperation] = (), *, comment: str | None = None):
        super().__init__(ops)
        self.comment = comment

    def reverse(self) -> AutocommitBlockOp:
        return AutocommitBlockOp(
            [operation.reverse() for operation in reversed(self.ops)], comment=self.comment
        )
