"""``configure()``: process-wide defaults, each bad value refused with what is allowed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from alembic_safe_unique import InvalidArgumentError, Settings, configure, current_settings


@contextmanager
def restored_settings() -> Iterator[None]:
    before = current_settings()
    try:
        yield
    finally:
        configure(**dataclasses.asdict(before))


def test_configure_changes_the_defaults_the_ops_use() -> None:
    with restored_settings():
        settings = configure(lock_timeout_ms=250, progress="log")
        assert current_settings() is settings
        assert (settings.lock_timeout_ms, settings.progress) == (250, "log")
        assert settings.lock_attempts == Settings().lock_attempts  # the others are kept


def test_an_unknown_setting_is_refused_with_the_list_of_settings() -> None:
    hint = r"no setting 'lock_timeout'; the settings are .*lock_timeout_ms"
    before = current_settings()
    with pytest.raises(InvalidArgumentError, match=hint):
        configure(lock_timeout=250)
    assert current_settings() is before


@pytest.mark.parametrize(
    ("change", "hint"),
    [
        ({"lock_timeout_ms": 0}, "lock_timeout_ms must be a positive number of milliseconds"),
        ({"lock_attempts": 0}, "lock_attempts must be at least 1"),
        ({"progress": "loud"}, "progress must be 'auto', 'bar', 'log' or 'off'"),
        ({"progress_interval_s": 0}, "progress_interval_s must be a positive number"),
        ({"wait_timeout_s": -1}, "wait_timeout_s must be a positive number of seconds"),
        ({"retry_base_delay_s": -0.1}, "retry delays cannot be negative"),
        ({"unsafe_ops": "yes"}, "unsafe_ops must be 'warn', 'refuse', 'rewrite' or 'off'"),
        ({"unsafe_ops_min_rows": -1}, "unsafe_ops_min_rows cannot be negative"),
    ],
)
def test_bad_values_are_refused_and_the_defaults_stay(change: dict[str, object], hint: str) -> None:
    before = current_settings()
    with pytest.raises(InvalidArgumentError, match=hint):
        configure(**change)  # type: ignore[arg-type]
    assert current_settings() is before
