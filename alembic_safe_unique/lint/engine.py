"""Lint a chain of revisions: record each function, apply the rules, drop what is suppressed."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from alembic.operations import ops as alembic_ops
from alembic.script import Script

from .checks import check_ops, dropped_tables
from .dialects import POSTGRESQL
from .findings import Finding
from .fix import plan_source
from .loading import import_stop
from .project import LintProject
from .recording import RecordedOp, record
from .rules import NOT_READ, STOOD_IN, UNKNOWN_OP, Rule
from .settings import LintSettings
from .stand_ins import stood_in_names
from .state import TableKey, WalkState
from .suppressions import SourceMap

_FIXABLE = {
    "ASU001": alembic_ops.CreateUniqueConstraintOp,
    "ASU002": alembic_ops.CreateIndexOp,
    "ASU004": alembic_ops.DropIndexOp,
    "ASU006": alembic_ops.DropConstraintOp,
    "ASU007": alembic_ops.CreatePrimaryKeyOp,
}
"""Rules ``--fix`` may rewrite, for the ops it has a safe form of (not in a batch)."""


@dataclass(frozen=True)
class LintResult:
    findings: list[Finding]
    revisions: int
    baselined: int = 0
    """Findings left out because the baseline file records them."""
    skipped: tuple[str, ...] = ()
    """One line per group of revisions left out because they target another database."""

    @property
    def blocking(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.rule.blocking]


def _shown_path(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _may_fix(rule: Rule, item: RecordedOp) -> bool:
    """An op ``--fix`` has a safe form of; whether it rewrites this call, its plan decides."""
    kind = _FIXABLE.get(rule.id)
    operation = item.operation
    if kind is None or not isinstance(operation, kind) or item.batch:
        return False
    if isinstance(operation, alembic_ops.DropConstraintOp):
        return operation.constraint_type in ("unique", "primary")
    return True


def _with_fix_plan(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` marked fixable where ``--fix``'s own plan rewrites the call, and noted
    with its reason where it leaves an op it has a safe form of (one plan: never two views)."""
    candidates = {finding.line for finding in findings if finding.fixable}
    if not candidates:
        return findings
    plan = plan_source(text, candidates)
    return [
        replace(
            finding,
            fixable=finding.line in plan.fixed,
            fix_note=plan.left.get(finding.line, ""),
        )
        if finding.fixable
        else finding
        for finding in findings
    ]


def _import_line(text: str, names: list[str]) -> int:
    """The line of the first import of one of ``names`` (their top package), else 1."""
    packages = {name.split(".")[0] for name in names}
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.replace(",", " ").split()
        if words[:1] in (["import"], ["from"]) and any(
            word.split(".")[0] in packages for word in words[1:]
        ):
            return number
    return 1


def _skipped(counts: dict[tuple[str, str], int]) -> tuple[str, ...]:
    return tuple(
        f"{count} revision{'s' * (count != 1)} in {_shown_path(folder)} skipped: they target "
        f"{dialect}, and lint's rules are about PostgreSQL's locks"
        for (dialect, folder), count in sorted(counts.items())
    )


def lint_revisions(
    revisions: Iterable[Script],
    settings: LintSettings,
    *,
    unapplied: bool = False,
    project: LintProject | None = None,
) -> LintResult:
    """Findings in ``revisions`` (upgrade order).

    A table created by the revision itself is new (it has no rows to lock). One created by an
    earlier revision counts as new only when ``unapplied``: the user said where production is
    (``--since``, or a range's lower bound), so the linted revisions have not run there yet.
    Otherwise it has rows in production by the time this revision runs, as in the usual
    project whose every table Alembic created.
    """
    project = project or LintProject()
    created: set[TableKey] = set()
    findings: list[Finding] = []
    skipped: dict[tuple[str, str], int] = {}
    count = 0
    for revision in revisions:
        path = revision.path
        dialect = project.dialects.of(path)
        if dialect != POSTGRESQL:
            key = (dialect, os.path.dirname(path))
            skipped[key] = skipped.get(key, 0) + 1
            continue
        count += 1
        text = Path(path).read_text()
        source = SourceMap.read(text)
        module = revision.module
        own_created: set[TableKey] = set()
        found: list[Finding] = []
        stood_in = stood_in_names(module)
        if stood_in and settings.runs(STOOD_IN):
            line = _import_line(text, stood_in)
            findings.append(
                Finding(
                    rule=STOOD_IN,
                    path=_shown_path(path),
                    line=line,
                    column=1,
                    revision=revision.revision,
                    function="",
                    message="not installed here, stood in for: " + ", ".join(stood_in),
                )
            )
        stop = import_stop(module)
        if stop is not None and settings.runs(NOT_READ):
            line, reason = stop
            findings.append(
                Finding(
                    rule=NOT_READ,
                    path=_shown_path(path),
                    line=line,
                    column=1,
                    revision=revision.revision,
                    function="",
                    message=f"importing the file stopped at this line ({reason}): what it "
                    "defines after it was not read",
                )
            )
        for name in ("upgrade", "downgrade") if settings.downgrade else ("upgrade",):
            function = getattr(module, name, None)
            if function is None:
                continue
            # A revision's downgrade drops what its upgrade created: new to it as well.
            recording = record(path, name, function, project.config)
            state = WalkState(
                created=set(created) | (own_created if name == "downgrade" else set()),
                dropped=dropped_tables(recording.ops),
                session_lock_timeout=project.session_lock_timeout,
            )
            hits = [
                (item.line, rule, message, _may_fix(rule, item))
                for item, (rule, message) in check_ops(recording.ops, state)
            ]
            hits += [
                (line, UNKNOWN_OP, f"op.{op_name}() is no op lint knows", False)
                for line, op_name in recording.unknown
            ]
            if recording.stopped is not None:
                line, reason = recording.stopped
                hits.append((line, NOT_READ, f"{name}() stopped at this line: {reason}", False))
            if name == "upgrade":
                own_created = state.created - created
                if unapplied:
                    created = state.created
            for line, rule, message, may_fix in hits:
                if not settings.runs(rule) or source.is_suppressed(rule, line):
                    continue
                first, _last, column = source.statement(line)
                found.append(
                    Finding(
                        rule=rule,
                        path=_shown_path(path),
                        line=first,
                        column=column,
                        revision=revision.revision,
                        function=name,
                        message=message,
                        fixable=may_fix,
                    )
                )
        findings.extend(_with_fix_plan(text, found))
    findings.sort(key=Finding.sort_key)
    return LintResult(findings, count, skipped=_skipped(skipped))
