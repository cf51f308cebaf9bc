"""Alembic's run-time notices, left out of the read-only commands' output.

``check``, ``invalid-indexes`` and ``dedupe-revision`` run the project's env.py (for its
connection) and read revisions offline; Alembic then logs "Context impl PostgresqlImpl.",
"Will assume transactional DDL." and "Generating static SQL" each time, which say nothing
about what these commands report. A filter on that one logger drops its INFO records while
the command runs (a filter, because env.py's ``fileConfig`` resets the logger's level).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

_RUNTIME_LOGGER = "alembic.runtime.migration"


def _warnings_and_above(record: logging.LogRecord) -> bool:
    return record.levelno >= logging.WARNING


@contextmanager
def alembic_runtime_notices_off() -> Iterator[None]:
    logger = logging.getLogger(_RUNTIME_LOGGER)
    logger.addFilter(_warnings_and_above)
    try:
        yield
    finally:
        logger.removeFilter(_warnings_and_above)
