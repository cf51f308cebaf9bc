"""Who holds a table, as any role may see it, and which holders give way to a waiting lock.

An autovacuum worker holds SHARE UPDATE EXCLUSIVE on the table it works on, and the server
cancels it for a lock request that has waited longer than ``deadlock_timeout`` (unless it runs
to prevent transaction ID wraparound). A request that gives up at ``lock_timeout`` no longer
than that never makes it yield: checked on PostgreSQL 15 with both at 1 s (the default), the
request timed out while the worker went on; at 1.1 s the worker was cancelled and the lock
granted after about 1.03 s.

A role without ``pg_read_all_stats`` sees neither the worker's ``backend_type`` nor its
query; its row still has no role (a server process, not a client), which with that lock mode
is what tells a worker apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.postgresql.sessions import ROLE_AND_MAY_SIGNAL, OtherSession

AUTOVACUUM = "autovacuum"
"""An autovacuum worker that gives way to a lock request waiting past deadlock_timeout."""
WRAPAROUND = "autovacuum to prevent wraparound"
"""An autovacuum worker that does not give way."""

_LOCK_HOLDERS = sa.text(
    """
    SELECT DISTINCT a.pid, a.state,
           extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::float8,
           left(a.query, 200), """
    + ROLE_AND_MAY_SIGNAL
    + """, l.mode,
           CASE WHEN a.usesysid IS NULL AND l.mode = 'ShareUpdateExclusiveLock' THEN
                CASE WHEN a.query LIKE '%(to prevent wraparound)%' THEN :wraparound
                     ELSE :autovacuum END
           END
      FROM pg_locks l
      JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.relation = :table_oid AND l.granted AND l.pid <> pg_backend_pid()
     ORDER BY 3 DESC NULLS LAST
    """
)
# In milliseconds whatever the unit it was set in.
_DEADLOCK_TIMEOUT = sa.text("SELECT setting::int FROM pg_settings WHERE name = 'deadlock_timeout'")


@dataclass(frozen=True)
class LockHolder(OtherSession):
    """A session holding a lock on a table, the lock's mode, and whether it is autovacuum."""

    mode: str = ""
    worker: str | None = None
    """``AUTOVACUUM``, ``WRAPAROUND``, or ``None`` for any other session."""

    @property
    def gives_way(self) -> bool:
        """Does the server cancel it for a lock request that waits past deadlock_timeout?"""
        return self.worker == AUTOVACUUM

    def describe(self, lock_mode: str | None = None) -> str:
        if self.worker is None:
            return super().describe(lock_mode or self.mode)
        if self.hidden:
            return (
                f"pid {self.pid} ({self.mode}): an autovacuum worker (its table and whether it "
                "runs to prevent wraparound are not visible to you)"
            )
        return f"pid {self.pid} ({self.worker}, {self.mode}): {self.query!r}"


def lock_holders(connection: Connection, table_oid: int) -> list[LockHolder]:
    """Sessions holding any lock on the table: each one blocks an ACCESS EXCLUSIVE request."""
    parameters = {"table_oid": table_oid, "autovacuum": AUTOVACUUM, "wraparound": WRAPAROUND}
    return [LockHolder(*row) for row in connection.execute(_LOCK_HOLDERS, parameters)]


def deadlock_timeout_ms(connection: Connection) -> int:
    """How long a lock request waits before the server checks it, and cancels autovacuum."""
    return int(connection.execute(_DEADLOCK_TIMEOUT).scalar_one())
