alembic-safe-unique check                 # current -> heads
alembic-safe-unique check ae10:4f2b       # a range, as Alembic writes it
alembic-safe-unique -c deploy/alembic.ini -n staging -x tenant=eu check
