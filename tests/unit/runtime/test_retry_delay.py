"""The pause between lock attempts: jittered and doubling, never shorter than the last wait."""

from __future__ import annotations

import dataclasses

from alembic_safe_unique.config import Settings
from alembic_safe_unique.runtime.short_steps import retry_delay


def test_a_pause_is_never_shorter_than_the_lock_timeout_it_follows() -> None:
    settings = dataclasses.replace(
        Settings(), lock_timeout_ms=1000, retry_base_delay_s=0.5, retry_max_delay_s=30.0
    )
    delays = [retry_delay(attempt, settings) for attempt in range(1, 9) for _ in range(200)]
    assert min(delays) >= 1.0
    # Later attempts still spread out, up to the doubling ceiling (64 s, capped at 30 s).
    assert max(retry_delay(8, settings) for _ in range(200)) > 10
    assert max(delays) <= 30.0


def test_retry_max_delay_stays_the_cap_for_whoever_asks_for_quick_retries() -> None:
    settings = dataclasses.replace(Settings(), lock_timeout_ms=1000, retry_max_delay_s=0.05)
    assert all(retry_delay(attempt, settings) <= 0.05 for attempt in range(1, 6))
    no_pause = dataclasses.replace(settings, retry_max_delay_s=0.0)
    assert retry_delay(3, no_pause) == 0.0
