from alembic.script import ScriptDirectory

import alembic_safe_unique


def number_revisions(context, revision, directives):
    """0001, 0002, ...: the number after the current head."""
    head = ScriptDirectory.from_config(context.config).get_current_head()
    directives[0].rev_id = "%04d" % (int(head) + 1 if head else 1)


# Either order works: the split files go on from the number the first one gets.
process_revision_directives = alembic_safe_unique.rewriter.chain(number_revisions)
