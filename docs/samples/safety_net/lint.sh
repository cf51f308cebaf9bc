# Every revision; a table created earlier in the range counts as new (no rows to lock).
alembic-safe-unique lint
# Only what production has not applied yet: the revisions after 1975ea83b712.
alembic-safe-unique lint --since 1975ea83b712
# Rewrite what can be rewritten safely, then lint again.
alembic-safe-unique lint --since 1975ea83b712 --fix
