import alembic_safe_unique

# migrations/env.py: a build may wait 10 minutes for other sessions, then it is cancelled.
alembic_safe_unique.configure(wait_timeout_s=600)
