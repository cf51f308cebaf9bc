"""Lint a chain of revisions: record each function, apply the rules, drop what is suppressed."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from alembic.operations import ops as alembic_ops
from alembic.script import Script

from .checks import check_ops
from .findings import Finding
from .recording import RecordedOp, record
from .rules import NOT_READ, Rule
from .settings import LintSettings
from .state import WalkState
from .suppressions import SourceMap

_FIXABLE = {
    "ASU001": alembic_ops.CreateUniqueConstraintOp,
    "ASU002": alembic_ops.CreateIndexOp,
    "ASU004": alembic_ops.DropIndexOp,
}
"""Rules ``--fix`` rewrites, when the op was called as ``op.<name>(...)`` (not in a batch)."""


@dataclass(frozen=True)
class LintResult:
    findings: list[Finding]
    revisions: int

    @property
    def blocking(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.rule.blocking]


def _shown_path(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _fixable(rule: Rule, item: RecordedOp) -> bool:
    """What ``--fix`` can rewrite without guessing: a named op, no Alembic-only options."""
    kind = _FIXABLE.get(rule.id)
    operation = item.operation
    if kind is None or not isinstance(operation, kind) or item.batch:
        return False
    if isinstance(operation, alembic_ops.CreateUniqueConstraintOp):
        return operation.constraint_name is not None
    return getattr(operation, "if_not_exists", None) is None and (
        getattr(operation, "if_exists", None) is None
    )


def lint_revisions(revisions: Iterable[Script], settings: LintSettings) -> LintResult:
    """Findings in ``revisions`` (upgrade order); tables created earlier in them are new."""
    created: set[tuple[str | None, str]] = set()
    findings: list[Finding] = []
    count = 0
    for revision in revisions:
        count += 1
        path = revision.path
        source = SourceMap.read(Path(path).read_text())
        module = revision.module
        for name in ("upgrade", "downgrade"):
            function = getattr(module, name, None)
            if function is None:
                continue
            # Tables new to the range are new to its downgrades too (those of this revision's
            # upgrade among them: the downgrade drops them anyway).
            state = WalkState(created=set(created))
            recording = record(path, name, function)
            hits = [
                (item.line, rule, message, _fixable(rule, item))
                for item, (rule, message) in check_ops(recording.ops, state)
            ]
            if recording.stopped is not None:
                line, reason = recording.stopped
                hits.append((line, NOT_READ, f"{name}() stopped at this line: {reason}", False))
            if name == "upgrade":
                created = state.created
            for line, rule, message, fixable in hits:
                if not settings.runs(rule) or source.is_suppressed(rule, line):
                    continue
                first, _last, column = source.statement(line)
                findings.append(
                    Finding(
                        rule=rule,
                        path=_shown_path(path),
                        line=first,
                        column=column,
                        revision=revision.revision,
                        function=name,
                        message=message,
                        fixable=fixable,
                    )
                )
    findings.sort(key=Finding.sort_key)
    return LintResult(findings, count)
