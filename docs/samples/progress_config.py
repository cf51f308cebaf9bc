import alembic_safe_unique

# migrations/env.py
alembic_safe_unique.configure(progress="log", progress_interval_s=30)
