"""Who may be building an index that is not valid yet: a leftover is only what nobody builds.

``pg_stat_progress_create_index`` names the index a build works on only to roles that may read
the builder's statistics (the same role, ``pg_read_all_stats``, a superuser); to others its row
shows the pid alone. ``REINDEX CONCURRENTLY`` reports the *old* index while it builds
``<name>_ccnew``. What every role can see is ``pg_locks``: a build holds a lock on its table
(and on its indexes) for as long as it runs, whoever runs it. So an index counts as someone's
work in progress when the progress view names it, or when a session in that view holds a lock
on the index or its table and the view does not show it busy with another index.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from alembic_safe_unique.postgresql.sessions import MAY_SIGNAL

_BUILDER = sa.text(
    """
    SELECT p.pid, a.usename::text, p.command, coalesce(p.index_relid = :index_oid, false), """
    + MAY_SIGNAL
    + """
      FROM pg_stat_progress_create_index p
      LEFT JOIN pg_stat_activity a ON a.pid = p.pid
     WHERE p.pid <> pg_backend_pid()
       AND p.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND (p.index_relid = :index_oid
            OR ((p.relid IS NULL OR p.relid = :table_oid)
                AND (p.index_relid IS NULL OR p.index_relid = 0
                     OR p.command LIKE 'REINDEX%')
                AND EXISTS (SELECT 1 FROM pg_locks l
                             WHERE l.pid = p.pid AND l.database = p.datid
                               AND l.relation IN (:index_oid, :table_oid))))
     ORDER BY 4 DESC, 1
     LIMIT 1
    """
)


@dataclass(frozen=True)
class Builder:
    """A session that is, or may be, building the index."""

    pid: int
    role: str | None
    command: str | None
    """``CREATE INDEX CONCURRENTLY``, ``REINDEX CONCURRENTLY``...; ``None`` when not visible."""
    certain: bool
    """The progress view names this very index (else: a build on its table that may be it)."""
    may_signal: str
    """May this role cancel it: ``"yes"``, ``"superuser"`` or ``"pg_signal_backend"``."""

    def describe(self) -> str:
        who = f"pid {self.pid}" + (f", role {self.role}" if self.role else "")
        if self.certain:
            return f"being built by another session ({who}, {self.command or 'CREATE INDEX'})"
        if self.command and self.command.startswith("REINDEX"):
            return (
                f"possibly being built by another session ({who}), which is running "
                f"{self.command} on this table: that builds indexes named <index>_ccnew"
            )
        return (
            f"possibly being built by another session ({who}): it is building an index on this "
            "table, and this role cannot see which (that needs pg_read_all_stats)"
        )


def builder(connection: Connection, index_oid: int, table_oid: int) -> Builder | None:
    """The session that is (or may be) building ``index_oid``, if any: then it is not a leftover."""
    row = connection.execute(_BUILDER, {"index_oid": index_oid, "table_oid": table_oid}).first()
    if row is None:
        return None
    return Builder(int(row[0]), row[1], row[2], bool(row[3]), str(row[4]))
