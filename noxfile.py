"""Sessions: ``ci`` is what CI runs (in the current environment, set up by the README line)."""

from __future__ import annotations

import nox

nox.options.sessions = ["ci"]
nox.options.default_venv_backend = "none"


@nox.session
def lint(session: nox.Session) -> None:
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.run("mypy")


@nox.session
def tests(session: nox.Session) -> None:
    session.run("pytest", *session.posargs)


@nox.session
def ci(session: nox.Session) -> None:
    """Lint, type check, then the whole suite on the embedded PostgreSQL 18."""
    lint(session)
    typecheck(session)
    tests(session)
