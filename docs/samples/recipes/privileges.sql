-- Run as a superuser (or the database's owner): a migration role and no more than it needs.
CREATE ROLE migrator LOGIN PASSWORD 'change me';
-- alembic_version, new tables: CREATE on the schema (PostgreSQL 15+ no longer gives it to all).
GRANT USAGE, CREATE ON SCHEMA public TO migrator;
-- CREATE INDEX CONCURRENTLY, ALTER TABLE ... ADD CONSTRAINT ... USING INDEX: the table's owner.
ALTER TABLE ad_counter OWNER TO migrator;
-- Optional: end sessions of other (non-superuser) roles that hold a build up.
-- GRANT pg_signal_backend TO migrator;
-- Optional: see what other roles' sessions are running, in progress lines and errors.
-- GRANT pg_read_all_stats TO migrator;
