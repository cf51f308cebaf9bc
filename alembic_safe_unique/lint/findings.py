"""What lint reports: one pattern at one place in one revision file."""

from __future__ import annotations

from dataclasses import dataclass

from .rules import Rule


@dataclass(frozen=True)
class Finding:
    rule: Rule
    path: str
    line: int
    column: int
    revision: str
    function: str
    message: str
    fixable: bool = False
    fix_note: str = ""
    """Why ``--fix`` leaves an op of the kind it rewrites as it is (empty: fixable, or not
    an op it rewrites)."""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule.id)
