alembic-safe-unique invalid-indexes          # list them: ready, size, rejects writes
alembic-safe-unique invalid-indexes --drop   # DROP INDEX CONCURRENTLY each one
