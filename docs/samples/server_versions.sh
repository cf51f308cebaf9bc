.venv/bin/nox -s "pg(major='13')"    # the whole suite on PostgreSQL 13, Alembic projects on psycopg 3
ALEMBIC_SAFE_UNIQUE_TEST_POSTGRES=13 .venv/bin/python -m pytest -q    # the same, without nox
