import alembic_safe_unique

# migrations/env.py: wait up to 2 s per attempt, 20 attempts, for the short attach step.
alembic_safe_unique.configure(lock_timeout_ms=2000, lock_attempts=20)
