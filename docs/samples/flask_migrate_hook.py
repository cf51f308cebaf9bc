import alembic_safe_unique


def process_revision_directives(context, revision, directives):
    # What Flask-Migrate's env.py already has: no empty revision when nothing changed.
    if getattr(config.cmd_opts, "autogenerate", False):
        script = directives[0]
        if script.upgrade_ops.is_empty():
            directives[:] = []
            print("No changes in schema detected.")
    # The one line to add:
    alembic_safe_unique.rewriter(context, revision, directives)
