"""How set_local_timeouts and deduplicate_rows run."""

from __future__ import annotations

from alembic.operations import Operations

from alembic_safe_unique.config import current_settings
from alembic_safe_unique.errors import SafeUniqueError
from alembic_safe_unique.operations.dedupe import DeduplicateRowsOp, DeduplicationReport
from alembic_safe_unique.operations.timeouts import SetLocalTimeoutsOp
from alembic_safe_unique.postgresql.session_sql import (
    SetSessionSetting,
)
from alembic_safe_unique.runtime import (
    deduplicate,
)
from alembic_safe_unique.runtime.connection import (
    connection,
    effective_schema,
    execute,
    is_offline,
    is_postgresql,
)
from alembic_safe_unique.runtime.toimpl.shared import ours
from alembic_safe_unique.runtime.transactions import outside_transaction


@Operations.implementation_for(SetLocalTimeoutsOp)
@ours
def set_local_timeouts(operations: Operations, operation: SetLocalTimeoutsOp) -> None:
    if not is_postgresql(operations):
        return
    for name, value in (
        ("lock_timeout", operation.lock_timeout_ms),
        ("statement_timeout", operation.statement_timeout_ms),
    ):
        if value is not None:
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
