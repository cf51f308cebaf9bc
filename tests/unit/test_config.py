"""``configure()``: process-wide defaults, each bad value refused with what is allowed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from alembic_safe_unique import InvalidArgumentError, Settings, configure, current_settings
from alembic_safe_unique.config import PROGRESS_MODES, reset
from alembic_safe_unique.runtime.progress import PROGRESS_VARIABLE, progress_mode


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
        ({"progress": "loud"}, "progress must be one of 'auto', 'bar', 'log', 'off'"),
        ({"progress_interval_s": 0}, "progress_interval_s must be a positive number"),
        ({"wait_timeout_s": -1}, "wait_timeout_s must be a positive number of seconds"),
        ({"retry_base_delay_s": -0.1}, "retry delays cannot be negative"),
        ({"unsafe_ops": "yes"}, "unsafe_ops must be one of 'warn', 'refuse', 'rewrite', 'off'"),
        ({"large_build_warning_mb": -1}, "large_build_warning_mb must be a whole number"),
        ({"large_build_warning_mb": "1G"}, "large_build_warning_mb must be a whole number"),
        ({"unsafe_ops_min_rows": -1}, "unsafe_ops_min_rows cannot be negative"),
    ],
)
def test_bad_values_are_refused_and_the_defaults_stay(change: dict[str, object], hint: str) -> None:
    before = current_settings()
    with pytest.raises(InvalidArgumentError, match=hint):
        configure(**change)  # type: ignore[arg-type]
    assert current_settings() is before


def test_reset_brings_back_every_default() -> None:
    with restored_settings():
        configure(lock_timeout_ms=250, progress="off", unsafe_ops="refuse")
        assert reset() == Settings()
        assert current_settings() == Settings()


def test_progress_modes_are_one_list_for_settings_and_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The setting and ALEMBIC_SAFE_UNIQUE_PROGRESS accept the same modes, from one list."""
    for mode in PROGRESS_MODES:
        monkeypatch.setenv(PROGRESS_VARIABLE, mode)
        assert progress_mode(Settings(progress=mode)) in PROGRESS_MODES
    monkeypatch.setenv(PROGRESS_VARIABLE, "loud")
    with pytest.raises(InvalidArgumentError, match="one of auto, bar, log, off"):
        progress_mode(Settings())
