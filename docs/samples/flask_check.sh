flask db migrate -m "unique ad day"   # writes the build and attach revisions
flask safe-unique check               # duplicates that would fail the build (read-only)
flask safe-unique invalid-indexes     # leftovers of failed builds (--drop removes them)
flask db upgrade
