import alembic_safe_unique

# migrations/env.py: a large server with idle cores may give each build 4 parallel workers
alembic_safe_unique.configure(parallel_workers=4)
