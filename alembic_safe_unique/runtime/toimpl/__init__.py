"""How each operation runs, dispatched by op class like Alembic's toimpl.

Importing this package registers an implementation for every op of the package, once."""

from __future__ import annotations

from alembic_safe_unique.runtime.toimpl import (
    constraints,
    indexes,
    primary_keys,
    rows_and_timeouts,
)

__all__ = ["constraints", "indexes", "primary_keys", "rows_and_timeouts"]
