"""What the load saw in a window of time: latency percentiles and statements per second.

A statement counts in a window if it overlapped it: one stalled across the whole migration
counts with its whole wait, the stall a user of the application would have seen. Throughput
counts the statements that completed inside the window.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pgbench_load import Transaction
from server_log import ServerStatement


@dataclass(frozen=True)
class LatencyStats:
    """Client-side latency of the load's statements in one window, and the server's view."""

    seconds: float
    statements: int
    per_second: float
    p50_ms: float
    p99_ms: float
    p999_ms: float
    max_ms: float
    slow_client: int  # statements slower than the threshold, as the clients timed them
    slow_server: int | None  # ... as the server timed them (None: no server log)
    max_server_ms: float | None  # the slowest load statement as the server timed it


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values (0 for none)."""
    if not ordered:
        return 0.0
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def window_stats(
    transactions: Sequence[Transaction],
    start: float,
    end: float,
    slow_ms: float,
    server: Sequence[ServerStatement] | None,
) -> LatencyStats:
    overlapping = sorted(
        t.latency_ms for t in transactions if t.started <= end and t.ended >= start
    )
    completed = sum(1 for t in transactions if start <= t.ended <= end)
    seconds = end - start
    server_slow: list[float] | None = None
    if server is not None:
        server_slow = [s.duration_ms for s in server if s.started <= end and s.ended >= start]
    return LatencyStats(
        seconds=seconds,
        statements=completed,
        per_second=completed / seconds if seconds > 0 else 0.0,
        p50_ms=percentile(overlapping, 0.50),
        p99_ms=percentile(overlapping, 0.99),
        p999_ms=percentile(overlapping, 0.999),
        max_ms=overlapping[-1] if overlapping else 0.0,
        slow_client=sum(1 for ms in overlapping if ms > slow_ms),
        slow_server=None if server_slow is None else len(server_slow),
        max_server_ms=None if server_slow is None else max(server_slow, default=0.0),
    )
