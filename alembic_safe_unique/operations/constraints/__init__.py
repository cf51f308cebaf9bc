"""The five unique-constraint operations, sharing one base and one keyword set (``options``).

Each op and its inverse live in one module (create/drop, attach/detach, replace), so no module
needs another's: importing this package registers ``op.<name>`` for all five, once (Alembic
1.17.2+ refuses a second registration). Nothing here runs SQL; ``runtime.toimpl`` does.
"""

from __future__ import annotations

from alembic_safe_unique.operations.constraints.attach_detach import (
    AttachUniqueConstraintOp,
    DetachUniqueConstraintOp,
)
from alembic_safe_unique.operations.constraints.create_drop import (
    CreateUniqueConstraintConcurrentlyOp,
    DropUniqueConstraintOp,
)
from alembic_safe_unique.operations.constraints.options import (
    SHARED_OPTIONS,
    UniqueConstraintOperation,
)
from alembic_safe_unique.operations.constraints.replace import (
    ReplaceUniqueConstraintOp,
    staging_index_name,
)

__all__ = [
    "SHARED_OPTIONS",
    "AttachUniqueConstraintOp",
    "CreateUniqueConstraintConcurrentlyOp",
    "DetachUniqueConstraintOp",
    "DropUniqueConstraintOp",
    "ReplaceUniqueConstraintOp",
    "UniqueConstraintOperation",
    "staging_index_name",
]
