"""The one patch on Alembic: ``MigrationContext.autocommit_block``, wrapped by ``install()``.

Alembic's block keeps no state and only asserts when it does not own the transaction or when
blocks nest. The wrapper refuses the first case with the env.py change to make; it counts how
deep the run is, so a block inside another (every block of a revision written from
Advanced-Alchemy's template, which wraps the whole body in one) simply runs: online the
connection is in autocommit mode already, offline a second ``COMMIT``/``BEGIN`` pair would
leave a stray transaction in the script. It stamps downgrade steps before their commit, puts
back the timeouts ``op.set_local_timeouts`` set for the block, and keeps the real error when
the connection died inside.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import PendingRollbackError

from alembic_safe_unique.runtime import block_settings, run_state
from alembic_safe_unique.runtime.connection import inspectable, log
from alembic_safe_unique.runtime.stamps import stamped_before_commit
from alembic_safe_unique.runtime.transactions import (
    BLOCK_DEPTH,
    block_depth,
    refuse_foreign_transaction,
)

_MARK = "_alembic_safe_unique"


def is_installed() -> bool:
    return bool(getattr(MigrationContext.autocommit_block, _MARK, False))


def install() -> None:
    """Wrap ``MigrationContext.autocommit_block`` once (see the module's docstring for why).

    Offline there is no connection to ask whether the run is already outside a transaction,
    so the wrapper counts how deep it is (``BLOCK_DEPTH``), online too.
    """
    original = MigrationContext.autocommit_block
    if is_installed():
        return

    @contextmanager
    def stamped_block(context: MigrationContext) -> Iterator[None]:
        with stamped_before_commit(context), original(context):
            yield

    @contextmanager
    def autocommit_block(self: MigrationContext) -> Iterator[None]:
        if not self.as_sql and inspectable(self.connection) is None:
            with original(self):  # a mocked or proxied connection: Alembic's block, untouched
                yield
            return
        if block_depth(self):  # already outside any transaction: nothing to leave, no commit
            with _one_block_deeper(self):
                yield
            return
        refuse_foreign_transaction(self)
        state = run_state.of(self)
        # Whatever the revision changed so far is committed now: errors must say so.
        conn = self.connection
        if state is not None and conn is not None and state.revision_wrote(conn):
            state.committed_earlier_statements = True
        block = stamped_block(self)
        block.__enter__()
        try:
            with _one_block_deeper(self):
                yield
        except BaseException as error:
            _restore_settings_after_failure(self)
            _leave_after_failure(self, block, error)
            raise
        else:
            block_settings.restore_after_block(self)
            block.__exit__(None, None, None)

    autocommit_block.__doc__ = original.__doc__
    autocommit_block.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(autocommit_block, _MARK, True)
    MigrationContext.autocommit_block = autocommit_block  # type: ignore[method-assign]


@contextmanager
def _one_block_deeper(context: MigrationContext) -> Iterator[None]:
    setattr(context, BLOCK_DEPTH, block_depth(context) + 1)
    try:
        yield
    finally:
        setattr(context, BLOCK_DEPTH, block_depth(context) - 1)


def _restore_settings_after_failure(context: MigrationContext) -> None:
    """Put back the block's timeouts on the way out of a failure, keeping the failure's error."""
    try:
        block_settings.restore_after_block(context)
    except Exception as restore_error:
        log.warning("Could not put back the timeouts set for the block: %s", restore_error)


def _leave_after_failure(
    context: MigrationContext, block: AbstractContextManager[None], error: BaseException
) -> None:
    """Leave Alembic's block after ``error``; if the connection is dead, keep ``error``.

    Alembic's block goes back to the migration's transaction on the way out; on a lost
    connection that fails with ``PendingRollbackError``, which would hide the real cause
    (the crash, the terminated backend, Ctrl-C) under a follow-on error.
    """
    try:
        block.__exit__(type(error), error, error.__traceback__)
    except BaseException as exit_error:
        conn = context.connection
        lost = conn is None or conn.invalidated or conn.closed
        if exit_error is error or not (lost or isinstance(exit_error, PendingRollbackError)):
            raise
        log.debug("Leaving the autocommit block on a lost connection failed: %s", exit_error)
