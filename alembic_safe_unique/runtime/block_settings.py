"""Timeouts asked for inside an autocommit block: set for the block, put back when it ends.

Inside ``autocommit_block()`` every statement is a transaction of its own, so ``SET LOCAL``
lasts for nothing: the server warns "SET LOCAL can only be used in transaction blocks" and
nothing is bounded. Advanced-Alchemy's revision template runs every revision in such a block.
There the timeouts are set for the session instead, bound each statement that follows in the
block, and the outermost block puts them back before the connection returns to Alembic's
transaction: online to the exact values they had, offline (``--sql``) with ``RESET``.
"""

from __future__ import annotations

from collections.abc import Mapping

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext

from alembic_safe_unique.postgresql.session_sql import (
    ResetSessionSetting,
    SetSessionSetting,
    apply_session_settings,
    swap_session_settings,
)
from alembic_safe_unique.runtime.connection import connection, execute, inspectable, is_offline

_SAVED = "_alembic_safe_unique_block_settings"


def _saved(context: MigrationContext) -> dict[str, str]:
    saved = getattr(context, _SAVED, None)
    return saved if isinstance(saved, dict) else {}


def set_for_block(operations: Operations, values: Mapping[str, int]) -> None:
    """``SET`` each setting for the session, keeping what it was before the block changed it.

    Online, the old values are read and the new ones set in one statement.
    """
    if not values:
        return
    context = operations.get_context()
    saved = _saved(context)
    if is_offline(operations):
        for name, value in values.items():
            execute(operations, SetSessionSetting(name, value))
        previous = ["" for _ in values]
    else:
        swap = swap_session_settings({name: str(value) for name, value in values.items()})
        previous = list(connection(operations).execute(swap).one())
    for name, old in zip(values, previous):
        saved.setdefault(name, str(old))  # a second call keeps the value from before the block
    setattr(context, _SAVED, saved)


def restore_after_block(context: MigrationContext) -> None:
    """Put back what ``set_for_block`` changed (nothing if it changed nothing).

    On a lost connection there is nothing to put back: the session is gone with it.
    """
    saved = _saved(context)
    if not saved:
        return
    setattr(context, _SAVED, None)
    if context.as_sql:
        for name in saved:
            context.impl.execute(ResetSessionSetting(name))
        return
    conn = inspectable(context.connection)
    if conn is None or conn.invalidated or conn.closed:
        return
    conn.execute(apply_session_settings(saved))
