# Every revision, each against the tables earlier revisions created (rows by then).
alembic-safe-unique lint
# Production is at 1975ea83b712: the revisions after it, their new tables new to them.
alembic-safe-unique lint --since 1975ea83b712
# Rewrite what can be rewritten safely, then lint again.
alembic-safe-unique lint --since 1975ea83b712 --fix
