"""A baseline: the findings a team has accepted for now, so that only new ones fail the run.

Adopting lint on a long history means hundreds of findings in revisions that ran years ago.
``lint --write-baseline FILE`` records today's findings; ``lint --baseline FILE`` then leaves
those out (and says how many) and fails only on findings not in it. A finding is known by its
file, revision, function, rule and message, not its line: editing a file above it does not
make it new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from alembic_safe_unique.errors import SafeUniqueError

from .findings import Finding

Key = tuple[str, str, str, str, str]
_FIELDS = ("path", "revision", "function", "rule", "message")


class BaselineError(SafeUniqueError, ValueError):
    """The baseline file cannot be read."""


def _key(finding: Finding) -> Key:
    return (finding.path, finding.revision, finding.function, finding.rule.id, finding.message)


def write(path: Path, findings: Iterable[Finding]) -> int:
    """Record ``findings`` in ``path`` (JSON, sorted, one object each); returns how many."""
    entries = sorted({_key(finding) for finding in findings})
    document = {"findings": [dict(zip(_FIELDS, entry)) for entry in entries]}
    path.write_text(json.dumps(document, indent=2) + "\n")
    return len(entries)


def load(path: Path) -> set[Key]:
    try:
        document = json.loads(path.read_text())
        return {tuple(entry[field] for field in _FIELDS) for entry in document["findings"]}
    except FileNotFoundError as error:
        raise BaselineError(
            f"No baseline at {str(path)!r}: write one with lint --write-baseline {path}"
        ) from error
    except (ValueError, KeyError, TypeError) as error:
        raise BaselineError(
            f"{path} is not a baseline written by lint --write-baseline ({error}); write it again."
        ) from error


def split(findings: list[Finding], known: set[Key]) -> tuple[list[Finding], int]:
    """The findings not in the baseline, and how many were."""
    new = [finding for finding in findings if _key(finding) not in known]
    return new, len(findings) - len(new)
