"""Sessions: ``ci`` is what CI runs.

They run in the environment nox itself runs in (the README's ``.venv``), through
``sys.executable -m`` so nothing needs to be on PATH.
"""

from __future__ import annotations

import sys

import nox

nox.options.sessions = ["ci"]
nox.options.default_venv_backend = "none"


@nox.session
def lint(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "ruff", "check", ".")
    session.run(sys.executable, "-m", "ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "mypy")


@nox.session
def tests(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "pytest", *session.posargs)


@nox.session
def ci(session: nox.Session) -> None:
    """Lint, type check, then the whole suite on the embedded PostgreSQL 18."""
    lint(session)
    typecheck(session)
    tests(session)


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmark: figures, not pass/fail (``-- --rows 10000000`` for 10M rows)."""
    session.run(sys.executable, "benchmarks/run.py", *session.posargs)
