"""``alembic-safe-unique --help``: every subcommand says what it does, every option what it is.

A new user learns the command line from ``--help``; an option without a line there is one
they must read the source for.
"""

from __future__ import annotations

import argparse

from alembic_safe_unique.cli.console import parser
from alembic_safe_unique.lint.rules import RULES


def subcommands() -> dict[str, argparse.ArgumentParser]:
    main = parser()
    action = next(a for a in main._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_subcommand_has_a_description_and_a_summary() -> None:
    main = parser()
    action = next(a for a in main._actions if isinstance(a, argparse._SubParsersAction))
    summaries = {choice.dest: choice.help for choice in action._choices_actions}
    for name, command in subcommands().items():
        assert command.description, f"{name} --help has no description"
        assert summaries.get(name), f"{name} has no one-line summary in --help"


def test_every_option_and_argument_has_help_text() -> None:
    missing = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, command in {"(main)": parser(), **subcommands()}.items()
        for action in command._actions
        if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction))
        and not action.help
    ]
    assert missing == []


def test_lint_help_lists_the_rule_ids() -> None:
    text = subcommands()["lint"].format_help()
    for rule in RULES:
        assert rule.id in text, rule.id
