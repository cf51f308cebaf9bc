"""What env.py sets for the whole run, read from its source (never run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alembic_safe_unique.lint.env_script import sets_session_lock_timeout


@pytest.mark.parametrize(
    ("source", "bounded"),
    [
        ("connection.execute(text(\"SET lock_timeout = '2s'\"))", True),
        ("connection.exec_driver_sql('SET lock_timeout TO 2000')", True),
        ("context.execute(\"SET SESSION lock_timeout = '5s'\")", True),
        ("create_engine(url, connect_args={'options': '-c lock_timeout=2s'})", True),
        ("create_engine(url, connect_args=dict(options='-clock_timeout=2s -c x=1'))", True),
        ("connect(url, options='--lock-timeout=2s')", True),
        ("connection.execute(text(\"SET LOCAL lock_timeout = '2s'\"))", False),
        ("connection.execute(text('SET lock_timeout = 0'))", False),
        ("connection.execute(text('RESET lock_timeout'))", False),
        ("connection.execute(text(\"SET statement_timeout = '2s'\"))", False),
        ("print(\"SET lock_timeout = '2s'\")", False),  # not executed
        ("create_engine(url, connect_args={'options': '-c statement_timeout=2s'})", False),
        ("def broken(:", False),
    ],
)
def test_a_session_lock_timeout_set_in_env_py_is_found(
    tmp_path: Path, source: str, bounded: bool
) -> None:
    env_py = tmp_path / "env.py"
    env_py.write_text(source + "\n")
    assert sets_session_lock_timeout(env_py) is bounded


def test_a_project_without_env_py_sets_nothing(tmp_path: Path) -> None:
    assert sets_session_lock_timeout(tmp_path / "env.py") is False
