"""The advisory-lock key: the same on every machine and run, so two deploys meet on it."""

from __future__ import annotations

from alembic_safe_unique.runtime.migration_lock import DEFAULT_KEY, lock_key


def test_integer_keys_are_used_as_given_and_strings_hash_stably_to_a_signed_bigint() -> None:
    assert lock_key(42) == 42
    assert lock_key("deploy") == -5597095468959799802  # blake2b-64 of the text, pinned
    assert lock_key("deploy") != lock_key("deploy2")
    assert -(2**63) <= lock_key(DEFAULT_KEY) < 2**63
