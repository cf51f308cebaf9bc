"""How set_local_timeouts and deduplicate_rows run."""

from __future__ import annotations

from alembic.operations import Operations

from alembic_safe_unique.config import current_settings
from alembic_safe_unique.errors import SafeUniqueError, TransactionOwnershipError
from alembic_safe_unique.operations.dedupe import DeduplicateRowsOp, DeduplicationReport
from alembic_safe_unique.operations.timeouts import SetLocalTimeoutsOp
from alembic_safe_unique.postgresql.session_sql import (
    SetSessionSetting,
)
from alembic_safe_unique.runtime import (
    block_settings,
    deduplicate,
)
from alembic_safe_unique.runtime.connection import (
    connection,
    effective_schema,
    execute,
    in_autocommit,
    inspectable,
    is_offline,
    is_postgresql,
)
from alembic_safe_unique.runtime.toimpl.shared import ours
from alembic_safe_unique.runtime.transactions import block_depth, outside_transaction

NO_TRANSACTION_FOR_TIMEOUTS = (
    "op.set_local_timeouts: the migration's connection is in autocommit mode outside any "
    "autocommit_block() (env.py made the engine or connection with "
    "isolation_level='AUTOCOMMIT'), so there is no transaction for SET LOCAL to last and no "
    "block end to put the timeouts back at; the server would only warn. Nothing was set. "
    "Remove isolation_level='AUTOCOMMIT' from env.py so Alembic runs the revision in a "
    "transaction, or put the statements to bound under "
    "`with op.get_context().autocommit_block():` and call op.set_local_timeouts inside it "
    "(the timeouts then last until the block ends)."
)


@Operations.implementation_for(SetLocalTimeoutsOp)
@ours
def set_local_timeouts(operations: Operations, operation: SetLocalTimeoutsOp) -> None:
    """``SET LOCAL`` in a transaction; in an autocommit block, set until the block ends.

    Advanced-Alchemy's template runs every revision in an autocommit block, where ``SET
    LOCAL`` would bound nothing: the values are set for the block instead
    (``block_settings``), so each statement that follows still fails fast rather than queue
    readers and writers behind it. An error instead would fail every revision the rewriter
    writes with this op in that template, for no gain in safety.
    """
    if not is_postgresql(operations):
        return
    wanted = {
        name: value
        for name, value in (
            ("lock_timeout", operation.lock_timeout_ms),
            ("statement_timeout", operation.statement_timeout_ms),
        )
        if value is not None
    }
    if block_depth(operations.get_context()):
        block_settings.set_for_block(operations, wanted)
        return
    conn = None if is_offline(operations) else inspectable(operations.get_bind())
    if conn is not None and in_autocommit(conn):
        raise TransactionOwnershipError(NO_TRANSACTION_FOR_TIMEOUTS)
    for name, value in wanted.items():
        execute(operations, SetSessionSetting(name, value, local=True))


@Operations.implementation_for(DeduplicateRowsOp)
@ours
def deduplicate_rows(
    operations: Operations, operation: DeduplicateRowsOp
) -> DeduplicationReport | None:
    if not is_postgresql(operations):
        raise SafeUniqueError(
            "op.deduplicate_rows works on PostgreSQL only (it relies on ctid and row locks); "
            f"on {operations.get_context().dialect.name}, delete the duplicates with op.execute."
        )
    operation = deduplicate.in_schema(operation, effective_schema(operations, operation.schema))
    if is_offline(operations):
        return deduplicate.deduplicate(operations, operation, current_settings())
    found = deduplicate.check_target(connection(operations), operation)
    # From here on the op names the schema the table lives in: statements and messages.
    operation = deduplicate.in_schema(operation, found.schema)
    with outside_transaction(operations):
        return deduplicate.deduplicate(operations, operation, current_settings())
