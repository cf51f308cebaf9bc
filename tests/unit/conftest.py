"""The unit tier: no PostgreSQL server, no Alembic project on disk, seconds to run.

Nothing here starts or imports a server: every test compiles SQL for the PostgreSQL dialect,
or runs operations through an offline (``--sql``) MigrationContext, as Alembic's own suite
does. The tier must also pass with ``--noconftest``, so its helpers are plain functions in
``tests/unit/offline.py``, not fixtures.
"""
