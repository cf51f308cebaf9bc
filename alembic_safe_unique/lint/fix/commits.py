"""What the commit a rewrite adds would commit with it, read from a function's steps.

Every safe op leaves Alembic's transaction. Run on paper, the steps say what is uncommitted
at each such commit (a rewrite there is unsafe: a failure would leave half a revision) and
which ``SET LOCAL``s it ends, to be set again after it.
"""

from __future__ import annotations

from collections.abc import Mapping

import libcst as cst

from .edits import Unit
from .walk import Step


def _uncommitted(step: Step) -> str:
    return (
        f"{step.what} changes the database before it in the same transaction: the safe op "
        "would commit that first, so if it then failed, the re-run would fail on what line "
        f"{step.line} did (the package's concurrent ops refuse to run there: "
        "UncommittedChangesError); move this op into a revision of its own"
    )


def find_unsafe_commits(
    steps: list[Step],
    units: Mapping[int, Unit],
    unsafe: dict[int, tuple[Unit, str]],
    again: dict[int, list[cst.BaseSmallStatement]],
) -> None:
    """Run ``steps`` on paper: what is uncommitted at each commit a rewrite adds."""
    pending: list[Step] = []
    set_locals: list[Step] = []
    lost: tuple[Step, list[Step]] | None = None
    """The last commit a rewrite adds, and the SET LOCALs it ended (set again after it
    once something runs that they bound)."""

    def set_again() -> None:
        nonlocal lost
        if lost is not None:
            again[id(lost[0].node)] = [s.node for s in lost[1] if s.node is not None]
            lost = None

    for step in steps:
        if step.in_block:
            continue  # each statement commits by itself: nothing waits for a commit
        if step.kind in ("enter", "exit", "commit"):  # the revision commits here itself
            pending, set_locals, lost = [], [], None
            continue
        unit = units.get(id(step.node)) if step.node is not None else None
        if unit is None:  # past the last rewrite: its lost SET LOCALs bound this step
            set_again()
            (set_locals if step.kind == "set_local" else pending).append(step)
            continue
        if step.node is not unit.statements[-1]:
            continue  # a drop merged into its replace
        if pending:
            unsafe.setdefault(id(unit), (unit, _uncommitted(pending[0])))
        for set_local in set_locals:
            if set_local.function != step.function or not set_local.top_level:
                reason = (
                    f"the SET LOCAL on line {set_local.line} ends at the commit the safe op "
                    "makes, and --fix cannot set it again there (it is conditional, or in "
                    "another function); move this op into a revision of its own"
                )
                unsafe.setdefault(id(unit), (unit, reason))
        assert step.node is not None
        if lost is not None and lost[0].body != step.body:
            set_again()  # the later commit may not run (an if) or ran apart: set both
        lost = (step, list(set_locals)) if set_locals else None
        pending = []
