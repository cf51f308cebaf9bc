"""Facts about PostgreSQL releases that decide what the operations may do."""

from __future__ import annotations

# Progress reporting (pg_stat_progress_create_index) and pg_partition_tree arrived in 12.
MINIMUM_SERVER = (12,)


def is_affected_by_concurrent_build_bug(server_version: tuple[int, ...]) -> bool:
    """PostgreSQL 14.0 to 14.3 can corrupt indexes built CONCURRENTLY (fixed in 14.4)."""
    return (14, 0) <= tuple(server_version[:2]) < (14, 4)
