"""Inline suppressions: ``# alembic-safe-unique: ignore[ASU001] reason`` on the statement.

The comment may sit on any line of the statement that holds the op call (a call spread over
several lines can carry it on its first or last line). ``ignore[all]`` silences every rule.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field

from .rules import Rule

_MARKER = re.compile(r"alembic-safe-unique:\s*ignore\[([^\]]*)\]\s*(.*)")

_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
)


@dataclass
class SourceMap:
    """Where statements start and end, and which lines carry suppressions."""

    spans: list[tuple[int, int, int]] = field(default_factory=list)
    """``(first line, last line, column)`` of each simple statement."""
    ignored: dict[int, set[str]] = field(default_factory=dict)
    """Line -> rule references (lower case) suppressed on it."""

    @classmethod
    def read(cls, source: str) -> SourceMap:
        result = cls()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.stmt) and not isinstance(node, _COMPOUND):
                end = node.end_lineno or node.lineno
                result.spans.append((node.lineno, end, node.col_offset + 1))
        result.spans.sort(key=lambda span: span[1] - span[0])
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        for token in tokens:
            if token.type != tokenize.COMMENT:
                continue
            match = _MARKER.search(token.string)
            if match:
                references = {part.strip().lower() for part in match[1].split(",")}
                result.ignored.setdefault(token.start[0], set()).update(references)
        return result

    def statement(self, line: int) -> tuple[int, int, int]:
        """The innermost simple statement holding ``line`` (or the line alone)."""
        for first, last, column in self.spans:
            if first <= line <= last:
                return first, last, column
        return line, line, 1

    def is_suppressed(self, rule: Rule, line: int) -> bool:
        first, last, _column = self.statement(line)
        wanted = {"all", rule.id.lower(), rule.name}
        return any(wanted & self.ignored.get(number, set()) for number in range(first, last + 1))
