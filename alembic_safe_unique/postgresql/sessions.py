"""Other sessions as the migration role sees them, and what it may do about them.

A role without ``pg_read_all_stats`` sees another role's row of ``pg_stat_activity`` by pid and
role only: state and times NULL, query ``<insufficient privilege>``. And ``pg_cancel_backend`` /
``pg_terminate_backend`` refuse a session unless the caller is a superuser, has the privileges
of the session's role, or (for a session of a role that is not a superuser) of
``pg_signal_backend``. Advice to run either is only true for the role that may; the others
are told who must.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# What pg_stat_activity shows instead of another role's query (its state is then NULL).
HIDDEN_QUERY = "<insufficient privilege>"

TERMINATE = "pg_terminate_backend"
CANCEL = "pg_cancel_backend"

# Whether the current role may signal the session of a pg_stat_activity row aliased ``a``, as
# the server decides it (pg_signal_backend in signalfuncs.c): "yes", "superuser" (the session
# is a superuser's, or a server process: only a superuser may), or "pg_signal_backend" (a
# session of another role, which that role's privileges would allow). 'USAGE' is the test of
# having a role's privileges, which is what the server asks (MEMBER ignores NOINHERIT).
# A role that no longer exists counts as a superuser's: the server will not be asked wrongly.
MAY_SIGNAL = """
    CASE
      WHEN (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user) THEN 'yes'
      WHEN a.usesysid IS NULL
        OR coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.oid = a.usesysid), true)
        THEN 'superuser'
      WHEN pg_has_role(current_user, a.usesysid, 'USAGE')
        OR pg_has_role(current_user, 'pg_signal_backend', 'USAGE') THEN 'yes'
      ELSE 'pg_signal_backend'
    END
"""
# The session's role and MAY_SIGNAL, for a query over pg_stat_activity aliased ``a``.
ROLE_AND_MAY_SIGNAL = "a.usename::text, " + MAY_SIGNAL


@dataclass(frozen=True)
class OtherSession:
    """A session the migration waited for or found in its way."""

    pid: int
    state: str | None
    seconds: float | None
    query: str | None
    role: str | None
    may_signal: str
    """``"yes"``, ``"superuser"`` or ``"pg_signal_backend"``: see ``MAY_SIGNAL``."""

    @property
    def hidden(self) -> bool:
        """Is it another role's session whose state and query this role may not read?"""
        return self.state is None and self.query == HIDDEN_QUERY

    @property
    def whose(self) -> str:
        """``role alice``, or ``a server process`` for a session with no role."""
        return f"role {self.role}" if self.role else "a server process"

    def describe(self, lock_mode: str | None = None) -> str:
        """``pid 42 (idle in transaction for 3.0 s): 'SELECT ...'``, or who it is when hidden."""
        if self.hidden:
            held = f", holding {lock_mode}" if lock_mode else ""
            return (
                f"pid {self.pid} ({self.whose}{held}): a session of another role; its query is not "
                "visible to you (that needs pg_read_all_stats)"
            )
        age = f" for {self.seconds:.1f} s" if self.seconds is not None else ""
        held = f", {lock_mode}" if lock_mode else ""
        return f"pid {self.pid} ({self.state or 'state unknown'}{held}{age}): {self.query!r}"


def statement(function: str, pid: int) -> str:
    """The statement to paste into psql (``function`` is one of ours, the pid an integer)."""
    return f"SELECT {function}({int(pid)});"


def signal_advice(sessions: Sequence[OtherSession], function: str) -> str:
    """How to end (or cancel) ``sessions``, true for the role that reads it.

    The statement where this role may run it; otherwise why not, and who must (each piece
    ends with the statement, so a DBA can paste it).
    """
    advice = [
        statement(function, s.pid) if s.may_signal == "yes" else _someone_else(s, function)
        for s in sessions
    ]
    return " ".join(advice) or "(nothing to end)"


def _someone_else(session: OtherSession, function: str) -> str:
    run = statement(function, session.pid)
    if session.may_signal == "superuser":
        whose = (
            f"belongs to the superuser {session.role}"
            if session.role
            else "is a server process, not a client session"
        )
        return f"pid {session.pid} {whose}, which only a superuser may signal: a DBA must run {run}"
    return (
        f"pid {session.pid} belongs to role {session.role}, which this role may not signal "
        f"(that needs membership in pg_signal_backend): the session's owner or a DBA must run {run}"
    )
