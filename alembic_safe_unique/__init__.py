"""alembic-safe-unique: add unique constraints to big PostgreSQL tables without downtime.

Importing the package registers ``op.create_unique_constraint_concurrently`` and its companions
with Alembic, and their autogenerate renderers; ``rewriter`` is the autogenerate hook.
"""

from __future__ import annotations

from alembic_safe_unique.autogenerate import render  # noqa: F401  (registration happens on import)
from alembic_safe_unique.autogenerate.rewriting import (
    RevisionMessages,
    SafeUniqueRewriter,
    rewriter,
)
from alembic_safe_unique.config import Settings, configure, current_settings
from alembic_safe_unique.errors import (
    BuildInProgressError,
    BuildInterruptedError,
    ColumnNotFoundError,
    ConcurrentMigrationError,
    ConnectionLostError,
    ConstraintInUseError,
    DiskFullError,
    DuplicateKeysError,
    IdentifierTooLongError,
    IndexConflictError,
    InsufficientPrivilegeError,
    InvalidArgumentError,
    LockNotAcquiredError,
    NameInUseError,
    NotAConnectionError,
    NotATableError,
    NullValuesError,
    PartitionedTableError,
    PartitionKeyError,
    PrimaryKeyExistsError,
    SafeUniqueError,
    TableNotFoundError,
    TransactionOwnershipError,
    TransactionPoolingError,
    UncommittedChangesError,
    UnsafeOperationError,
    UnsafeShapeError,
    UnsupportedServerError,
    WaitTimeoutError,
)
from alembic_safe_unique.operations.constraints import (
    AttachUniqueConstraintOp,
    CreateUniqueConstraintConcurrentlyOp,
    DetachUniqueConstraintOp,
    DropUniqueConstraintOp,
    ReplaceUniqueConstraintOp,
)
from alembic_safe_unique.operations.dedupe import DeduplicateRowsOp, DeduplicationReport
from alembic_safe_unique.operations.indexes import (
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
)
from alembic_safe_unique.operations.primary_keys import (
    CreatePrimaryKeyConcurrentlyOp,
    DropPrimaryKeyConcurrentlyOp,
)
from alembic_safe_unique.operations.timeouts import SetLocalTimeoutsOp
from alembic_safe_unique.runtime import patches, toimpl  # noqa: F401  (toimpl registers on import)
from alembic_safe_unique.runtime.guard import assume_safe
from alembic_safe_unique.runtime.migration_lock import migration_lock

patches.install()

__version__ = "0.1.0"


__all__ = [
    "AttachUniqueConstraintOp",
    "BuildInProgressError",
    "BuildInterruptedError",
    "ColumnNotFoundError",
    "ConcurrentMigrationError",
    "ConnectionLostError",
    "ConstraintInUseError",
    "CreateIndexConcurrentlyOp",
    "CreatePrimaryKeyConcurrentlyOp",
    "CreateUniqueConstraintConcurrentlyOp",
    "DeduplicateRowsOp",
    "DeduplicationReport",
    "DetachUniqueConstraintOp",
    "DiskFullError",
    "DropIndexConcurrentlyOp",
    "DropPrimaryKeyConcurrentlyOp",
    "DropUniqueConstraintOp",
    "DuplicateKeysError",
    "IdentifierTooLongError",
    "IndexConflictError",
    "InsufficientPrivilegeError",
    "InvalidArgumentError",
    "LockNotAcquiredError",
    "NameInUseError",
    "NotAConnectionError",
    "NotATableError",
    "NullValuesError",
    "PartitionKeyError",
    "PartitionedTableError",
    "PrimaryKeyExistsError",
    "ReplaceUniqueConstraintOp",
    "RevisionMessages",
    "SafeUniqueError",
    "SafeUniqueRewriter",
    "SetLocalTimeoutsOp",
    "Settings",
    "TableNotFoundError",
    "TransactionOwnershipError",
    "TransactionPoolingError",
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
