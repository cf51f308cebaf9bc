"""Lint findings as text for people, JSON for tools, and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .engine import LintResult
from .findings import Finding


def text(result: LintResult) -> str:
    lines: list[str] = []
    for finding in result.findings:
        kind = "" if finding.rule.blocking else " (notice)"
        lines.append(
            f"{finding.path}:{finding.line}:{finding.column}: {finding.rule.id} "
            f"[{finding.rule.name}]{kind} {finding.message}"
        )
        lines.append(f"    why: {finding.rule.why}")
        fix = " (lint --fix does this)" if finding.fixable else ""
        if finding.fix_note:
            fix = f" (lint --fix leaves it: {finding.fix_note})"
        lines.append(f"    fix: {finding.rule.fix}{fix}")
    lines.extend(f"notice: {line}." for line in result.skipped)
    blocking = len(result.blocking)
    notices = len(result.findings) - blocking
    summary = f"{blocking} finding{'s' * (blocking != 1)} in {result.revisions} revisions"
    if notices:
        summary += f", {notices} notice{'s' * (notices != 1)}"
    fixable = sum(finding.fixable for finding in result.findings)
    if fixable:
        summary += f"; {fixable} fixable with --fix"
    if result.baselined:
        summary += f"; {result.baselined} more in the baseline, not shown"
    lines.append(summary + ".")
    return "\n".join(lines)


def _as_dict(finding: Finding) -> dict[str, object]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "rule": finding.rule.id,
        "name": finding.rule.name,
        "blocking": finding.rule.blocking,
        "revision": finding.revision,
        "function": finding.function,
        "message": finding.message,
        "why": finding.rule.why,
        "fix": finding.rule.fix,
        "fixable": finding.fixable,
        "fix_note": finding.fix_note or None,
    }


def as_json(result: LintResult) -> str:
    return json.dumps(
        {
            "revisions": result.revisions,
            "baselined": result.baselined,
            "skipped": list(result.skipped),
            "findings": [_as_dict(f) for f in result.findings],
        },
        indent=2,
    )


def _escape(value: str, *, property_value: bool = False) -> str:
    """GitHub's workflow-command escaping (``%``, newlines; ``:`` and ``,`` in properties)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(result: LintResult) -> str:
    lines: list[str] = []
    for finding in result.findings:
        level = "error" if finding.rule.blocking else "notice"
        properties: Sequence[tuple[str, object]] = (
            ("file", finding.path),
            ("line", finding.line),
            ("col", finding.column),
            ("title", f"{finding.rule.id} {finding.rule.name}"),
        )
        shown = ",".join(
            f"{key}={_escape(str(value), property_value=True)}" for key, value in properties
        )
        message = f"{finding.message}\n{finding.rule.why}\nFix: {finding.rule.fix}"
        lines.append(f"::{level} {shown}::{_escape(message)}")
    lines.extend(
        f"::notice title=alembic-safe-unique lint::{_escape(line)}" for line in result.skipped
    )
    return "\n".join(lines)


FORMATS = {"text": text, "json": as_json, "github": github}
