"""Alembic's own test suite, run without and with ``alembic_safe_unique`` imported, compared.

``python -m tests.alembic_suite --db sqlite`` (or ``--db postgresql``) is the nox session
``alembic_suite``: importing the package must change no outcome of Alembic's own tests.
"""
