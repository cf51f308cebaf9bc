# from the revision production is at (alembic current) to head:
alembic upgrade ae1000000001:head --sql > migration.sql
squawk migration.sql
