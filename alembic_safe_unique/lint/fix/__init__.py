"""``lint --fix``: rewrite the plain ops lint found into their safe forms, with libcst.

A concrete syntax tree keeps the file as it was (formatting, comments, quotes) apart from the
calls it rewrites:

- ``op.create_unique_constraint(name, table, cols, ...)`` becomes
  ``op.create_unique_constraint_concurrently(...)`` with the same arguments, and
  ``op.create_primary_key(...)`` ``op.create_primary_key_concurrently(...)``. A
  ``op.drop_constraint(name, table, type_="unique")`` becomes its safe inverse,
  ``op.drop_unique_constraint(name, table, cols)`` (``"primary"``:
  ``op.drop_primary_key_concurrently``), the columns taken from the create it undoes.
- A unique constraint dropped and created again under the same name in one function becomes
  one ``op.replace_unique_constraint(name, table, cols, previous_columns=...)``: two committed
  steps would leave the table unguarded in between.
- ``op.create_index(...)`` / ``op.drop_index(...)`` become ``op.create_index_concurrently`` /
  ``op.drop_index_concurrently`` under ``with op.get_context().autocommit_block():``. The
  package's ops rather than ``postgresql_concurrently=True``: they heal the invalid index a
  failed or cancelled build leaves (a plain re-run would fail on it), switch timeouts off for
  the build only, and report duplicate keys; the block shows the reader that what ran before
  it in the revision is committed first, as the revisions autogenerate writes do.

What is rewritten is decided once, by ``plan`` (lint's "fixable" reads the same plan), and
what is left is left with a reason: a call the fixer cannot rewrite without guessing, or whose
rewrite would commit something before it that a failed build could not be re-run over.
Rewritten calls that outgrow the project's line length are wrapped as a formatter would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ..findings import Finding
from .layout import DEFAULT_LINE_LENGTH, ensure_package_import, line_length, wrap_long_calls
from .plan import Plan, plan_fixes
from .rewrite import Rewriter


@dataclass(frozen=True)
class Fixed:
    """A file after ``--fix``: its new text, the lines rewritten, those left and why."""

    source: str
    fixed: set[int] = field(default_factory=set)
    left: dict[int, str] = field(default_factory=dict)


def _planned(source: str, lines: Iterable[int]) -> tuple[MetadataWrapper | None, Plan]:
    wanted = set(lines)
    try:
        wrapper = MetadataWrapper(cst.parse_module(source))
    except cst.ParserSyntaxError as error:  # Python that libcst's parser does not know yet
        reason = f"libcst cannot read this file ({error.message}), so --fix cannot edit it"
        return None, Plan(left=dict.fromkeys(wanted, reason))
    return wrapper, plan_fixes(wrapper.module, wrapper.resolve(PositionProvider), wanted)


def plan_source(source: str, lines: Iterable[int]) -> Plan:
    """Which of the ops on ``lines`` ``--fix`` rewrites, and why it leaves the others."""
    return _planned(source, lines)[1]


def fix_source(
    source: str, lines: Iterable[int], *, max_line_length: int = DEFAULT_LINE_LENGTH
) -> Fixed:
    """``source`` with the plain ops on ``lines`` rewritten as planned."""
    wrapper, plan = _planned(source, lines)
    if wrapper is None or not plan.fixed:
        return Fixed(source, set(), plan.left)
    rewriter = Rewriter(plan)
    module = ensure_package_import(wrapper.module.visit(rewriter))
    module = wrap_long_calls(module, rewriter.changed, max_line_length)
    return Fixed(module.code, plan.fixed, plan.left)


def fix_findings(findings: Sequence[Finding]) -> dict[str, Fixed]:
    """Rewrite every fixable finding in place; what was done to each file, by path."""
    by_path: dict[str, set[int]] = defaultdict(set)
    for finding in findings:
        if finding.fixable:
            by_path[finding.path].add(finding.line)
    done: dict[str, Fixed] = {}
    for path, lines in by_path.items():
        file = Path(path)
        source = file.read_text()
        result = fix_source(source, lines, max_line_length=line_length(file))
        if result.source != source:
            file.write_text(result.source)
        done[path] = result
    return done


__all__ = ["Fixed", "Plan", "fix_findings", "fix_source", "plan_source"]
