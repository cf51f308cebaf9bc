"""Errors raised by alembic-safe-unique.

Each one is written for the person reading a failed deploy log: what happened, on which table and
index, and what to run next.
"""

from __future__ import annotations

from alembic.util import CommandError


class SafeUniqueError(CommandError):
    """Base class: every refusal or failure of this package.

    An Alembic ``CommandError``, because each one is the user's to act on and its message says
    how: the ``alembic`` command line then prints ``FAILED: <message>`` and no traceback, as it
    does for its own errors (Flask-Migrate and Litestar print it likewise); ``alembic
    --raiseerr`` shows the whole chain, the driver's error included.

    ``str()`` starts with the error's name (``DuplicateKeysError: ...``): the one word of
    that line a reader can look up (docs/troubleshooting.md is arranged by it).
    """

    def __str__(self) -> str:
        return f"{type(self).__name__}: {super().__str__()}"


class UnsafeShapeError(SafeUniqueError, ValueError):
    """The requested unique constraint cannot be attached ``USING INDEX``."""


class IdentifierTooLongError(SafeUniqueError, ValueError):
    """A new name would be silently truncated by PostgreSQL (63 bytes)."""


class UnsupportedServerError(SafeUniqueError):
    """The server version cannot do this safely (or at all)."""


class TransactionOwnershipError(SafeUniqueError):
    """env.py handed Alembic a connection in a transaction state the operation cannot use:
    inside a transaction Alembic does not own, or in autocommit mode with none at all."""


class TransactionPoolingError(SafeUniqueError):
    """The connection goes through a pooler that hands each transaction to another server
    session (PgBouncer ``pool_mode = transaction`` and the like): session state cannot hold."""


class IndexConflictError(SafeUniqueError):
    """An index or constraint of that name exists with another definition."""


class TableNotFoundError(SafeUniqueError):
    """The target table does not exist."""


class DuplicateKeysError(SafeUniqueError):
    """The table holds rows that violate the requested uniqueness."""


class DiskFullError(SafeUniqueError):
    """A build ran out of disk space in the tablespace its index (or its sort) goes to."""


class LockNotAcquiredError(SafeUniqueError):
    """The short ``ACCESS EXCLUSIVE`` step never got its lock within the retries."""


class BuildInProgressError(SafeUniqueError):
    """Another session is still building the same index."""


class PartitionKeyError(SafeUniqueError, ValueError):
    """A unique key on a partitioned table that PostgreSQL would refuse on the parent."""


class PartitionedTableError(SafeUniqueError):
    """An operation this package cannot yet run safely on a partitioned table."""


class InvalidArgumentError(SafeUniqueError, TypeError, ValueError):
    """An operation was called with an argument it cannot use; nothing ran."""


class ColumnNotFoundError(SafeUniqueError, ValueError):
    """An operation names a column the table does not have."""


class NotAConnectionError(SafeUniqueError, TypeError):
    """An operation that reads the catalog was given something other than a live Connection."""


class NotATableError(SafeUniqueError):
    """The named relation is a view, materialized view, foreign table or other non-table."""


class NameInUseError(IndexConflictError):
    """The new constraint's name is taken by another constraint or relation."""


class ConcurrentMigrationError(SafeUniqueError):
    """Another migration run was doing the same work at the same time."""


class WaitTimeoutError(SafeUniqueError):
    """A concurrent build or drop waited longer than ``wait_timeout_s`` for other sessions."""


class InsufficientPrivilegeError(SafeUniqueError):
    """The migration role lacks a privilege a step needs; the message names it and the GRANT."""


class ConnectionLostError(SafeUniqueError):
    """The migration's connection died (server crash, terminated backend, network)."""


class BuildInterruptedError(SafeUniqueError):
    """The user interrupted a concurrent build (Ctrl-C)."""


class UncommittedChangesError(SafeUniqueError):
    """The revision changed the schema before an operation that must commit to run."""


class UnsafeOperationError(SafeUniqueError):
    """The run-time guard stopped a plain op that would lock a large table (``unsafe_ops``)."""


class PrimaryKeyExistsError(IndexConflictError):
    """The table already has a primary key (another one than the op asks for)."""


class NullValuesError(SafeUniqueError):
    """A primary key's column holds NULLs: the rows must be fixed before the key can exist."""


class ConstraintInUseError(SafeUniqueError):
    """Foreign keys depend on the constraint (on its index): dropping it would fail."""
