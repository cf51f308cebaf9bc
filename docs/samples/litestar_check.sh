litestar database make-migrations -m "unique ad day"   # writes the build and attach revisions
litestar safe-unique check               # duplicates that would fail the build (read-only)
litestar safe-unique invalid-indexes     # leftovers of failed builds (--drop removes them)
litestar database upgrade
