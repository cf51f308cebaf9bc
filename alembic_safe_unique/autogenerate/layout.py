"""Where each database's share of a split revision lands, across the hook's calls.

Alembic calls the autogenerate hook once per database (``alembic init -t multidb``,
``flask db init --multidb``); each call adds that database's operations to the last script
the earlier calls left, after those were already split. The layout remembers every
database's share (ordinary changes, concurrent builds, attaches) and lays all of them out
again into the same chain of scripts, each share under its own ``upgrade_<name>()``.

Scripts after the first are :class:`LinkedScript`: their ``down_revision`` is whatever id
the script before them ends up with, so a hook that renumbers revisions (``0007``,
``0008``) may run before or after the split.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from alembic import util
from alembic.operations import ops
from alembic.operations.ops import MigrateOperation

from alembic_safe_unique.operations.constraints import (
    AttachUniqueConstraintOp,
    DropUniqueConstraintOp,
    ReplaceUniqueConstraintOp,
)
from alembic_safe_unique.operations.indexes import (
    CreateIndexConcurrentlyOp,
    DropIndexConcurrentlyOp,
)

ROLES = ("schema", "build", "attach")
"""The order of a split: ordinary changes, then concurrent builds, then attaches."""

_LAYOUT = "_alembic_safe_unique_layout"

Part = tuple[list[MigrateOperation], list[MigrateOperation]]
"""A share's upgrade and downgrade operations in one revision of the split."""


class FoundDiffsUpgradeOps(ops.UpgradeOps):
    """The last revision of a split: ``alembic check`` reads only it, so it answers for all.

    ``as_diffs()`` returns what autogenerate found before the split, so ``alembic check``
    reports every pending change, not only those that landed in the last file.
    """

    def __init__(
        self, operations: list[MigrateOperation], found: list[Any], upgrade_token: str
    ) -> None:
        super().__init__(operations, upgrade_token=upgrade_token)
        self.found = found

    def as_diffs(self) -> Any:
        return list(self.found)


@dataclass
class Share:
    """One database's operations: as a whole revision, and split by role (when it splits)."""

    upgrade_token: str
    downgrade_token: str
    found: list[Any]
    whole: tuple[ops.UpgradeOps, ops.DowngradeOps]
    parts: dict[str, Part] = field(default_factory=dict)


def _following(revision_id: str | None) -> str | None:
    """``0008`` after ``0007``: numbered ids go on numbering, width kept."""
    if revision_id and revision_id.isdigit():
        return str(int(revision_id) + 1).zfill(len(revision_id))
    return None


class LinkedScript(ops.MigrationScript):
    """A split script: revises the script before it, under whatever id that one gets."""

    def __init__(self, previous: ops.MigrationScript, version_path: str | None) -> None:
        self.previous = previous
        self._own_id = util.rev_id()
        self._chosen_id: str | None = None
        super().__init__(
            None,
            ops.UpgradeOps([]),
            ops.DowngradeOps([]),
            imports=set(),
            version_path=version_path,
        )

    @property
    def rev_id(self) -> str:
        return self._chosen_id or _following(self.previous.rev_id) or self._own_id

    @rev_id.setter
    def rev_id(self, value: str | None) -> None:
        self._chosen_id = value

    @property
    def head(self) -> str | None:
        return self.previous.rev_id

    @head.setter
    def head(self, value: str | None) -> None:
        """Set by ``MigrationScript.__init__``; the link always follows ``previous``."""


@dataclass
class Layout:
    """The shares seen so far and the scripts they were laid out into."""

    message: str | None
    scripts: list[ops.MigrationScript]
    shares: list[Share] = field(default_factory=list)

    @classmethod
    def of(cls, directives: list[ops.MigrationScript]) -> Layout | None:
        layout = getattr(directives[0], _LAYOUT, None)
        return layout if isinstance(layout, Layout) else None

    @classmethod
    def start(cls, script: ops.MigrationScript, current_token: str) -> Layout:
        """A layout for a script no call has split yet; its other databases' shares as is."""
        layout = cls(script.message, [script])
        for upgrade, downgrade in zip(script.upgrade_ops_list, script.downgrade_ops_list):
            if upgrade.upgrade_token != current_token:
                layout.shares.append(as_is(upgrade, downgrade))
        setattr(script, _LAYOUT, layout)
        return layout

    def splits(self) -> bool:
        return any(share.parts for share in self.shares)

    def arrange(self, messages: dict[str, str], notes: dict[str, MigrateOperation]) -> None:
        """Lay every share out into the scripts (reused across calls, added when needed)."""
        if not self.splits():
            script = self.scripts[0]
            del self.scripts[1:]
            script.upgrade_ops = [
                FoundDiffsUpgradeOps(list(share.whole[0].ops), share.found, share.upgrade_token)
                for share in self.shares
            ]
            script.downgrade_ops = [share.whole[1] for share in self.shares]
            script.message = self.message
            return
        parts = [share.parts or _whole_as_schema(share) for share in self.shares]
        roles = [role for role in ROLES if any(role in part for part in parts)]
        while len(self.scripts) < len(roles):
            first = self.scripts[0]
            self.scripts.append(LinkedScript(self.scripts[-1], first.version_path))
        del self.scripts[len(roles) :]
        for number, (role, script) in enumerate(zip(roles, self.scripts)):
            last = number == len(roles) - 1
            upgrades: list[ops.UpgradeOps] = []
            downgrades: list[ops.DowngradeOps] = []
            operations: list[MigrateOperation] = []
            for share, share_parts in zip(self.shares, parts):
                upgrade, downgrade = share_parts.get(role, ([], []))
                if upgrade and role in notes and share.parts:
                    upgrade = [notes[role], *upgrade]
                operations.extend(upgrade)
                upgrades.append(
                    FoundDiffsUpgradeOps(upgrade, share.found, share.upgrade_token)
                    if last
                    else ops.UpgradeOps(upgrade, upgrade_token=share.upgrade_token)
                )
                downgrades.append(
                    ops.DowngradeOps(downgrade, downgrade_token=share.downgrade_token)
                )
            script.upgrade_ops = upgrades
            script.downgrade_ops = downgrades
            script.message = _fit(
                messages[role].format(
                    message=self.message or "empty message", names=names(operations)
                )
            )


def as_is(upgrade: ops.UpgradeOps, downgrade: ops.DowngradeOps) -> Share:
    """A share left exactly as autogenerate wrote it (another dialect)."""
    return Share(
        str(upgrade.upgrade_token),
        str(downgrade.downgrade_token),
        list(upgrade.as_diffs()),
        (upgrade, downgrade),
    )


def take_share(
    script: ops.MigrationScript, upgrade_token: str
) -> tuple[ops.UpgradeOps, ops.DowngradeOps] | None:
    """Remove this call's database's operations from the script Alembic put them in."""
    upgrades, downgrades = script.upgrade_ops_list, script.downgrade_ops_list
    for position, upgrade in enumerate(upgrades):
        if upgrade.upgrade_token == upgrade_token:
            downgrade = downgrades[position]
            script.upgrade_ops = upgrades[:position] + upgrades[position + 1 :]
            script.downgrade_ops = downgrades[:position] + downgrades[position + 1 :]
            return upgrade, downgrade
    return None


def _whole_as_schema(share: Share) -> dict[str, Part]:
    upgrade, downgrade = share.whole
    return {"schema": (list(upgrade.ops), list(downgrade.ops))} if upgrade.ops else {}


_VERBS: dict[type[MigrateOperation], str] = {
    CreateIndexConcurrentlyOp: "build",
    DropIndexConcurrentlyOp: "drop",
    AttachUniqueConstraintOp: "attach",
    ReplaceUniqueConstraintOp: "swap in",
    DropUniqueConstraintOp: "drop",
}


def names(operations: list[MigrateOperation]) -> str:
    """``build uq_a, ix_b; drop ix_c``: what a file does, for its message."""
    by_verb: dict[str, list[str]] = {}
    for operation in _leaves(operations):
        verb = _VERBS.get(type(operation))
        if verb is None:
            continue
        name = getattr(operation, "constraint_name", None) or getattr(operation, "index_name", "")
        by_verb.setdefault(verb, []).append(str(name))
    return "; ".join(verb + " " + ", ".join(found) for verb, found in by_verb.items())


def _leaves(operations: list[MigrateOperation]) -> list[MigrateOperation]:
    leaves: list[MigrateOperation] = []
    for operation in operations:
        if isinstance(operation, ops.OpContainer):
            leaves.extend(_leaves(list(operation.ops)))
        else:
            leaves.append(operation)
    return leaves


DOCSTRING_WIDTH = 79
"""pycodestyle's line length: every line the package writes into a revision fits in it."""


def _fit(message: str) -> str:
    """Wrap each line of a message; the first one leaves room for the opening quotes."""
    lines: list[str] = []
    for number, line in enumerate(message.split("\n")):
        if not line.strip():
            lines.append(line)
            continue
        width = DOCSTRING_WIDTH - (3 if number == 0 else 0)
        lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


def comment_lines(text: str, indent: int = 4) -> list[str]:
    """``# ...`` lines for a comment at ``indent`` that fit in the docstring width."""
    width = DOCSTRING_WIDTH - indent - 2
    return ["# " + line for line in textwrap.wrap(" ".join(text.split()), width)]
