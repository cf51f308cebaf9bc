"""Servers the operations refuse before changing anything, and why."""

from __future__ import annotations

from alembic.operations import Operations

from alembic_safe_unique.errors import UnsupportedServerError
from alembic_safe_unique.postgresql.versions import (
    MINIMUM_SERVER,
    is_affected_by_concurrent_build_bug,
)
from alembic_safe_unique.runtime.connection import server_version


def refuse_unsafe_server(operations: Operations, *, needs_nulls_not_distinct: bool = False) -> None:
    """Refuse servers that cannot build concurrently safely, or lack a requested feature."""
    version = server_version(operations)
    if version is None:
        return
    shown = ".".join(str(part) for part in version)
    if version < MINIMUM_SERVER:
        raise UnsupportedServerError(
            f"alembic-safe-unique needs PostgreSQL 12 or later (progress reporting, partition "
            f"trees); this server is {shown}. Nothing was changed."
        )
    if is_affected_by_concurrent_build_bug(version):
        raise UnsupportedServerError(
            f"PostgreSQL {shown} can silently corrupt indexes built with CREATE INDEX "
            "CONCURRENTLY (fixed in 14.4). Upgrade the server to 14.4 or later before running "
            "this migration; nothing was changed."
        )
    if needs_nulls_not_distinct and version < (15,):
        raise UnsupportedServerError(
            f"NULLS NOT DISTINCT needs PostgreSQL 15 or later; this server is {shown}. "
            "Drop postgresql_nulls_not_distinct or upgrade the server; nothing was changed."
        )
