import alembic_safe_unique


def mark_reviewed(context, revision, directives):
    for script in directives:
        script.message = "[reviewed] " + (script.message or "")


# in run_migrations_online(): your hook sees every revision the split wrote
process_revision_directives = alembic_safe_unique.rewriter.chain(mark_reviewed)
