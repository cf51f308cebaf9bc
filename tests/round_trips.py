"""Counting what a migration costs on the wire: statements sent and connections opened.

Small tables pay for every round trip, not for the build: the count is the cost there.
Listens on every engine of the process (the migration's, and any a watcher opens).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa


@dataclass
class WireCount:
    statements: list[str] = field(default_factory=list)
    connections_opened: int = 0

    baseline: WireCount | None = None

    @property
    def round_trips(self) -> int:
        """Statements sent, beyond the baseline's (an empty revision's) if there is one."""
        extra = len(self.baseline.statements) if self.baseline else 0
        return len(self.statements) - extra

    @property
    def extra_connections(self) -> int:
        extra = self.baseline.connections_opened if self.baseline else 0
        return self.connections_opened - extra


@contextmanager
def counting() -> Iterator[WireCount]:
    """Count ``before_cursor_execute`` events and new DBAPI connections in the body."""
    count = WireCount()

    def statement(conn: Any, cursor: Any, text: str, *args: Any) -> None:
        count.statements.append(" ".join(str(text).split()))

    def connected(*args: Any) -> None:
        count.connections_opened += 1

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", statement)
    sa.event.listen(sa.pool.Pool, "connect", connected)
    try:
        yield count
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", statement)
        sa.event.remove(sa.pool.Pool, "connect", connected)
