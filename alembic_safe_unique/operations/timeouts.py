"""``op.set_local_timeouts``: bound how long the ordinary DDL of a revision may wait and run.

Alembic's own DDL on an existing table (``ADD COLUMN``, ``SET NOT NULL``...) takes ACCESS
EXCLUSIVE; while it waits for that lock, every later query on the table waits behind it. The
rewriter puts this op first in the revision that holds such DDL, so it fails fast instead.
"""

from __future__ import annotations

from alembic.operations import MigrateOperation, Operations

from alembic_safe_unique.errors import InvalidArgumentError


@Operations.register_operation("set_local_timeouts")
class SetLocalTimeoutsOp(MigrateOperation):
    """``SET LOCAL lock_timeout`` / ``statement_timeout`` for the rest of the transaction."""

    def __init__(
        self, *, lock_timeout_ms: int | None = None, statement_timeout_ms: int | None = None
    ) -> None:
        for name, value in (
            ("lock_timeout_ms", lock_timeout_ms),
            ("statement_timeout_ms", statement_timeout_ms),
        ):
            if value is not None and (not isinstance(value, int) or value <= 0):
                raise InvalidArgumentError(
                    f"{name} must be a positive number of milliseconds, not {value!r}"
                )
        self.lock_timeout_ms = lock_timeout_ms
        self.statement_timeout_ms = statement_timeout_ms

    @classmethod
    def set_local_timeouts(
        cls,
        operations: Operations,
        *,
        lock_timeout_ms: int | None = None,
        statement_timeout_ms: int | None = None,
    ) -> None:
        """Set ``lock_timeout`` and ``statement_timeout`` until the transaction ends.

        A statement that cannot get its lock within ``lock_timeout_ms``, or runs longer than
        ``statement_timeout_ms``, fails the migration (and rolls it back) instead of stalling
        every reader and writer of the table. Run the migration again at a quieter moment, or
        raise the values. Only on PostgreSQL; elsewhere it does nothing.

        Inside ``autocommit_block()`` (Advanced-Alchemy's revision template runs every
        revision in one) there is no transaction: each statement commits on its own and
        ``SET LOCAL`` would bound nothing. There the timeouts are set for the session, bound
        every statement that follows in the block, and are put back as they were when the
        block ends (offline: ``SET``, then ``RESET`` before the block's ``BEGIN``). That
        template gives no way to run a revision in a transaction, so an error would only make
        every such revision fail; the bound is what keeps the table's queue short, and it
        holds. What differs: a statement that times out fails the migration, but the
        statements before it in the block stay committed. With a connection in autocommit
        mode and no block (``isolation_level="AUTOCOMMIT"`` in env.py), nothing would put
        the timeouts back: ``TransactionOwnershipError`` says what to change.
        """
        operations.invoke(
            cls(lock_timeout_ms=lock_timeout_ms, statement_timeout_ms=statement_timeout_ms)
        )

    def reverse(self) -> SetLocalTimeoutsOp:
        return SetLocalTimeoutsOp(
            lock_timeout_ms=self.lock_timeout_ms, statement_timeout_ms=self.statement_timeout_ms
        )

    def to_diff_tuple(self) -> tuple[str, int | None, int | None]:
        return ("set_local_timeouts", self.lock_timeout_ms, self.statement_timeout_ms)
