"""Which rules run: ``[tool.alembic-safe-unique.lint]`` in pyproject.toml, ``[alembic-safe-unique]``
in alembic.ini, then the command line.

pyproject.toml::

    [tool.alembic-safe-unique.lint]
    select = ["ASU001", "ASU002"]     # default: every rule
    ignore = ["drop-index-not-concurrent"]
    since = "ae1027a6acf"             # lint only the revisions after this one
    downgrade = false                 # leave downgrade() functions out
    dialect = "sqlite"                # the database the revisions target (default: postgresql)
    plugins = ["alembic_utils"]       # modules that register ops (env.py imports them)

    [tool.alembic-safe-unique.lint.dialects]  # per version location, relative to this file
    "migrations/versions/sqlite" = "sqlite"

alembic.ini::

    [alembic-safe-unique]
    lint_select = ASU001, ASU002
    lint_ignore = ASU004
    lint_since = ae1027a6acf
    lint_downgrade = false
    lint_dialect = sqlite
    lint_plugins = alembic_utils
    lint_dialects = migrations/versions/sqlite = sqlite
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from configparser import ConfigParser
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic_safe_unique.errors import SafeUniqueError

from .dialects import normalized
from .rules import RULES, Rule, find_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.9 and 3.10
    import tomli as tomllib

INI_SECTION = "alembic-safe-unique"


class LintConfigError(SafeUniqueError, ValueError):
    """The lint configuration names a rule that does not exist, or is malformed."""


@dataclass(frozen=True)
class LintSettings:
    rules: tuple[Rule, ...] = RULES
    since: str | None = None
    downgrade: bool = True
    """Lint ``downgrade()`` too (rarely run in production; half the findings of a history)."""
    dialect: str | None = None
    """The database the project's revisions target, if the configuration says."""
    dialects: tuple[tuple[str, str], ...] = ()
    """(absolute version location, dialect) pairs the configuration declares."""
    plugins: tuple[str, ...] = ()
    """Modules that register ops (as env.py imports them), imported before revisions are read."""

    def runs(self, rule: Rule) -> bool:
        return rule in self.rules


def _rules(references: Iterable[str], source: str) -> set[Rule]:
    found: set[Rule] = set()
    for reference in references:
        if not reference.strip():
            continue
        rule = find_rule(reference)
        if rule is None:
            known = ", ".join(f"{rule.id} ({rule.name})" for rule in RULES)
            raise LintConfigError(f"{source}: no lint rule {reference!r}. The rules are: {known}.")
        found.add(rule)
    return found


def _split(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").split() if part]


def _pyproject(start: Path) -> tuple[dict[str, Any], str] | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                document = tomllib.loads(candidate.read_text())
            except tomllib.TOMLDecodeError as error:
                raise LintConfigError(f"{candidate}: not valid TOML ({error})") from error
            section = document.get("tool", {}).get("alembic-safe-unique", {}).get("lint")
            return (section, str(candidate)) if isinstance(section, dict) else None
    return None


def _list(value: Any, source: str, key: str, items: str = "rule ids or names") -> list[str]:
    if isinstance(value, str):
        return _split(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise LintConfigError(f"{source}: {key} must be a list of {items}")


def _ini_dialects(text: str, folder: Path) -> list[tuple[str, str]]:
    """``path = dialect`` items, one a line or comma-separated."""
    pairs = []
    for item in text.replace(",", "\n").splitlines():
        path, _equals, dialect = item.rpartition("=")
        if path.strip() and dialect.strip():
            pairs.append((str(folder / path.strip()), normalized(dialect)))
    return pairs


def _toml_dialects(value: Any, source: str, folder: Path) -> list[tuple[str, str]]:
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise LintConfigError(f"{source}: dialects maps version locations to dialect names")
    return [(str(folder / path), normalized(dialect)) for path, dialect in value.items()]


def load(
    ini_path: Path | None,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    since: str | None = None,
    downgrade: bool | None = None,
) -> LintSettings:
    """Settings from the files next to ``alembic.ini`` (and above it), then the arguments."""
    selected: set[Rule] | None = None
    ignored: set[Rule] = set()
    chosen_since: str | None = None
    chosen_downgrade = True
    dialect: str | None = None
    dialects: list[tuple[str, str]] = []
    plugins: list[str] = []
    if ini_path is not None and ini_path.is_file():
        parser = ConfigParser()
        parser.read(ini_path)
        if parser.has_section(INI_SECTION):
            source = f"{ini_path} [{INI_SECTION}]"
            section = parser[INI_SECTION]
            if "lint_select" in section:
                selected = _rules(_split(section["lint_select"]), source)
            ignored |= _rules(_split(section.get("lint_ignore", "")), source)
            chosen_since = section.get("lint_since") or None
            if "lint_downgrade" in section:
                try:
                    chosen_downgrade = bool(section.getboolean("lint_downgrade"))
                except ValueError as error:
                    raise LintConfigError(f"{source}: lint_downgrade: {error}") from error
            if section.get("lint_dialect", "").strip():
                dialect = normalized(section["lint_dialect"])
            dialects += _ini_dialects(section.get("lint_dialects", ""), ini_path.resolve().parent)
            plugins += _split(section.get("lint_plugins", ""))
    start = ini_path.resolve().parent if ini_path is not None else Path.cwd()
    found = _pyproject(start)
    if found is not None:
        table, path = found
        source = f"{path} [tool.alembic-safe-unique.lint]"
        if "select" in table:
            selected = _rules(_list(table["select"], source, "select"), source)
        ignored |= _rules(_list(table.get("ignore", []), source, "ignore"), source)
        chosen_since = table.get("since", chosen_since)
        value = table.get("downgrade", chosen_downgrade)
        if not isinstance(value, bool):
            raise LintConfigError(f"{source}: downgrade must be true or false, not {value!r}")
        chosen_downgrade = value
        if "dialect" in table:
            if not isinstance(table["dialect"], str):
                raise LintConfigError(f'{source}: dialect must be a name, like "sqlite"')
            dialect = normalized(table["dialect"])
        folder = Path(path).parent
        dialects += _toml_dialects(table.get("dialects", {}), source, folder)
        plugins += _list(table.get("plugins", []), source, "plugins", "module names")
    if select:
        selected = _rules(select, "--select")
    ignored |= _rules(ignore or [], "--ignore")
    rules = tuple(
        rule for rule in RULES if (selected is None or rule in selected) and rule not in ignored
    )
    return LintSettings(
        rules,
        since or chosen_since,
        chosen_downgrade if downgrade is None else downgrade,
        dialect,
        tuple(dialects),
        tuple(dict.fromkeys(plugins)),
    )
