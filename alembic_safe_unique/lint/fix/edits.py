"""How ``--fix`` changes one call, and the calls it changes together or not at all."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst


@dataclass(frozen=True)
class CallEdit:
    """How one call changes: its new name, and arguments added or left out."""

    name: str
    columns: cst.BaseExpression | None = None
    """A drop's columns, added as its third argument (``type_=`` goes)."""
    previous_columns: cst.BaseExpression | None = None
    """``previous_columns=`` of ``op.replace_unique_constraint``."""
    without: frozenset[str] = frozenset()
    """Keywords the safe op does not take and does not need (``drop_index``'s dialect ones)."""


@dataclass(eq=False)
class Unit:
    """Calls rewritten together or not at all: one call, or a drop and create pair."""

    statements: list[cst.BaseSmallStatement]
    edits: dict[int, CallEdit]
