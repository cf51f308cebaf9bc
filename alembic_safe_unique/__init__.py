"""alembic-safe-unique: add unique constraints to big PostgreSQL tables without downtime.

Importing the package registers ``op.create_unique_constraint_concurrently`` and its companions
with Alembic, and their autogenerate renderers; ``rewriter`` is the autogenerate hook.
"""

from __future__ import annotations

from . import guard, render, run_state, toimpl  # noqa: F401  (registration happens on import)
from .config import Settings, configure, current_settings
from .dedupe_ops import DeduplicateRowsOp, DeduplicationReport
from .errors import (
    BuildInProgressError,
    BuildInterruptedError,
    ColumnNotFoundError,
    ConcurrentMigrationError,
    ConnectionLostError,
    DuplicateKeysError,
    IdentifierTooLongError,
    IndexConflictError,
    InvalidArgumentError,
    LockNotAcquiredError,
    NameInUseError,
    NotATableError,
    PartitionedTableError,
    PartitionKeyError,
    SafeUniqueError,
    TableNotFoundError,
    TransactionOwnershipError,
    UncommittedChangesError,
    UnsafeOperationError,
    UnsafeShapeError,
    UnsupportedServerError,
    WaitTimeoutError,
)
from .guard import assume_safe
from .index_ops import CreateIndexConcurrentlyOp, DropIndexConcurrentlyOp
from .migration_lock import migration_lock
from .ops import (
    AttachUniqueConstraintOp,
    CreateUniqueConstraintConcurrentlyOp,
    DetachUniqueConstraintOp,
)
from .replace_ops import DropUniqueConstraintOp, ReplaceUniqueConstraintOp
from .rewriter import RevisionMessages, SafeUniqueRewriter, rewriter
from .timeout_ops import SetLocalTimeoutsOp

guard.install()  # the run-time guard on plain Alembic ops (configure(unsafe_ops=...))

__version__ = "0.1.0"

run_state.install()

__all__ = [
    "AttachUniqueConstraintOp",
    "BuildInProgressError",
    "BuildInterruptedError",
    "ColumnNotFoundError",
    "ConcurrentMigrationError",
    "ConnectionLostError",
    "CreateIndexConcurrentlyOp",
    "CreateUniqueConstraintConcurrentlyOp",
    "DeduplicateRowsOp",
    "DeduplicationReport",
    "DetachUniqueConstraintOp",
    "DropIndexConcurrentlyOp",
    "DropUniqueConstraintOp",
    "DuplicateKeysError",
    "IdentifierTooLongError",
    "IndexConflictError",
    "InvalidArgumentError",
    "LockNotAcquiredError",
    "NameInUseError",
    "NotATableError",
    "PartitionKeyError",
    "PartitionedTableError",
    "ReplaceUniqueConstraintOp",
    "RevisionMessages",
    "SafeUniqueError",
    "SafeUniqueRewriter",
    "SetLocalTimeoutsOp",
    "Settings",
    "TableNotFoundError",
    "TransactionOwnershipError",
    "UncommittedChangesError",
    "UnsafeOperationError",
    "UnsafeShapeError",
    "UnsupportedServerError",
    "WaitTimeoutError",
    "assume_safe",
    "configure",
    "current_settings",
    "migration_lock",
    "rewriter",
]
