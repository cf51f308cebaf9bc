alembic upgrade head --sql > migration.sql
squawk migration.sql
