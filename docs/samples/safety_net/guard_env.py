import alembic_safe_unique

# A plain op.create_unique_constraint / op.create_index / op.add_column(unique=True) on a
# table the catalog estimates above 50,000 rows: "warn" (the default) logs it and lets it
# run, "refuse" stops the migration before it touches the table, "rewrite" runs the
# concurrent path instead when the revision has written nothing yet in its transaction.
alembic_safe_unique.configure(unsafe_ops="refuse", unsafe_ops_min_rows=50_000)
