"""Advice about other sessions is true for the role that reads it; hidden sessions read as such."""

from __future__ import annotations

from alembic_safe_unique.postgresql.sessions import (
    CANCEL,
    HIDDEN_QUERY,
    TERMINATE,
    OtherSession,
    signal_advice,
)

MINE = OtherSession(7, "idle in transaction", 3.0, "SELECT 1", "Mig Role", "yes")
DBAS = OtherSession(8, None, None, HIDDEN_QUERY, "postgres", "superuser")
PEERS = OtherSession(9, None, None, HIDDEN_QUERY, "App Role", "pg_signal_backend")
SERVER = OtherSession(10, None, None, HIDDEN_QUERY, None, "superuser")


def test_a_visible_session_shows_its_state_age_and_query() -> None:
    assert MINE.describe() == "pid 7 (idle in transaction for 3.0 s): 'SELECT 1'"
    assert MINE.describe("RowExclusiveLock") == (
        "pid 7 (idle in transaction, RowExclusiveLock for 3.0 s): 'SELECT 1'"
    )


def test_a_hidden_session_says_whose_it_is_not_the_servers_placeholder() -> None:
    assert DBAS.describe("AccessShareLock") == (
        "pid 8 (role postgres, holding AccessShareLock): a session of another role; its query "
        "is not visible to you (that needs pg_read_all_stats)"
    )
    assert SERVER.describe().startswith("pid 10 (a server process): a session of another role")


def test_the_statement_only_where_this_role_may_run_it() -> None:
    assert signal_advice([MINE], TERMINATE) == "SELECT pg_terminate_backend(7);"
    assert signal_advice([MINE, DBAS, PEERS], CANCEL) == (
        "SELECT pg_cancel_backend(7); pid 8 belongs to the superuser postgres, which only a "
        "superuser may signal: a DBA must run SELECT pg_cancel_backend(8); pid 9 belongs to "
        "role App Role, which this role may not signal (that needs membership in "
        "pg_signal_backend): the session's owner or a DBA must run SELECT pg_cancel_backend(9);"
    )
    assert signal_advice([SERVER], TERMINATE).startswith(
        "pid 10 is a server process, not a client session, which only a superuser may signal"
    )
    assert signal_advice([], TERMINATE) == "(nothing to end)"
