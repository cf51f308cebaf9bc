"""``alembic-safe-unique lint``: the subcommand's arguments and what it runs."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError as AlembicCommandError

from alembic_safe_unique.errors import SafeUniqueError

from . import baseline, output, revisions, settings
from .database_position import CURRENT, applied_in, current_heads
from .engine import LintResult, lint_revisions
from .findings import Finding
from .fix import fix_findings
from .loading import lenient_loading
from .locations import resolve_in_checkout
from .project import read_project
from .rules import NOT_ANALYSED, RULES
from .sql import parser_available
from .stand_ins import stand_ins

EXIT_CLEAN = 0
EXIT_FINDINGS = 1


class LintUsageError(SafeUniqueError):
    """The project or the arguments cannot be linted as given."""


def add_parser(commands: Any) -> None:
    """Register ``lint`` on the console script's subcommands."""
    lint = commands.add_parser(
        "lint",
        help="find revisions that lock tables while building unique constraints or indexes",
        description="Read the revision files (no database needed) and report, with file:line, "
        "each operation that would lock a table that already exists, why, and the safe "
        "replacement. Exit status 1 when something is found.",
        epilog="rules: "
        + "; ".join(f"{rule.id} {rule.name}" for rule in RULES)
        + ". --select and --ignore take ids or names.",
    )
    lint.add_argument(
        "targets",
        nargs="*",
        metavar="range-or-files",
        help="revisions 'lower:upper', or revision files (default: every revision)",
    )
    lint.add_argument(
        "--since",
        metavar="REVISION",
        help="lint only the revisions after this one; 'current': those the database env.py "
        "connects to has not run (asked as `alembic current` does)",
    )
    lint.add_argument(
        "--format",
        choices=sorted(output.FORMATS),
        default="text",
        help="text (default), json (one object per finding), or github (workflow annotations)",
    )
    lint.add_argument("--select", action="append", help="only these rules (id or name)")
    lint.add_argument("--ignore", action="append", help="skip these rules (id or name)")
    lint.add_argument(
        "--fix", action="store_true", help="rewrite what can be rewritten safely, then re-lint"
    )
    lint.add_argument(
        "--no-downgrade",
        dest="downgrade",
        action="store_false",
        default=None,
        help="leave downgrade() functions out (config: downgrade = false)",
    )
    lint.add_argument(
        "--baseline",
        metavar="FILE",
        help="leave out the findings recorded in FILE: only new ones are shown and fail",
    )
    lint.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record today's findings in FILE (for --baseline) and exit 0",
    )
    lint.set_defaults(handler=run_lint)


def _split(values: list[str] | None) -> list[str]:
    return [part for value in values or [] for part in value.replace(",", " ").split()]


def _scripts(ini: Path, section: str) -> tuple[Config, list[ScriptDirectory]]:
    """The project's configuration and revision histories, as ``alembic`` reads them.

    Flask-Migrate writes no ``script_location``: its alembic.ini sits in the migrations
    folder beside env.py, and ``flask db`` points Alembic at that folder. Lint does the same.
    A package resource (``myapp:migrations``) of a package not installed here is read from
    the checkout; revisions kept in one subfolder of ``versions`` per database are read as a
    history each.
    """
    config = Config(str(ini), ini_section=section)
    if config.get_main_option("script_location") is None and (ini.parent / "env.py").is_file():
        config.set_main_option("script_location", str(ini.parent))
    resolve_in_checkout(config, ini)
    try:
        scripts = ScriptDirectory.from_config(config)
        missing = [
            path for path in revisions.version_directories(scripts) if not os.path.isdir(path)
        ]
    except AlembicCommandError as error:  # no script_location, no such folder
        raise LintUsageError(f"{ini}: {error}") from error
    except ModuleNotFoundError as error:  # a package resource found nowhere
        raise LintUsageError(
            f"{ini}: {error}: script_location or version_locations names a package resource; "
            "lint looks for it in the checkout around alembic.ini too (myapp/, src/myapp/), "
            "and did not find the folder there"
        ) from error
    if missing:  # Alembic passes over it: lint would report a clean run of no revisions
        raise LintUsageError(
            f"{ini}: no such folder of revisions: {', '.join(missing)} (a relative "
            "version_locations entry is read from the directory lint runs in, as Alembic reads it)"
        )
    return config, revisions.histories(scripts)


def _linted(
    found: tuple[Config, list[ScriptDirectory]], targets: list[str], chosen: settings.LintSettings
) -> LintResult:
    """The findings, with missing imports stood in for and whatever the revisions print
    while they load or run sent to stderr (stdout carries the report, JSON included)."""
    config, histories = found
    _import_plugins(chosen.plugins)
    project = read_project(config, histories[0], chosen)
    directories = [path for scripts in histories for path in revisions.version_directories(scripts)]
    # Production is at the range's lower bound or at --since: the rest has not run there.
    unapplied = bool(chosen.since) or any(":" in target for target in targets)
    with stand_ins(directories), lenient_loading(directories), redirect_stdout(sys.stderr):
        heads = current_heads(config, histories[0]) if chosen.since == CURRENT else []
        selections = revisions.select_each(
            histories, targets, chosen.since, lambda history: applied_in(history, heads)
        )
        results = [
            lint_revisions(selected, chosen, unapplied=unapplied, project=project)
            for selected in selections
        ]
    if len(results) == 1:
        return results[0]
    return LintResult(
        sorted(
            (finding for result in results for finding in result.findings), key=Finding.sort_key
        ),
        sum(result.revisions for result in results),
        skipped=tuple(line for result in results for line in result.skipped),
    )


def _import_plugins(modules: tuple[str, ...]) -> None:
    """Import the modules that register the project's own ops, as its env.py does."""
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception as error:
            raise LintUsageError(
                f"plugins: cannot import {module!r} ({type(error).__name__}: {error}). Lint "
                "imports the modules listed under plugins so the ops they register are known; "
                "install it where lint runs, or take it off the list."
            ) from error


def _without(result: LintResult, known: set[baseline.Key]) -> LintResult:
    if not known:
        return result
    findings, hidden = baseline.split(result.findings, known)
    return LintResult(findings, result.revisions, baselined=hidden, skipped=result.skipped)


def _fix(result: LintResult) -> None:
    """Rewrite what the plan rewrites; say what it left on each file's lines, and why."""
    done = fix_findings(result.findings)
    left: dict[str, dict[int, str]] = {}
    for finding in result.findings:
        if finding.fix_note:
            left.setdefault(finding.path, {})[finding.line] = finding.fix_note
    for path, fixed in done.items():
        left.setdefault(path, {}).update(fixed.left)
    for path in sorted(set(done) | set(left)):
        count = len(done[path].fixed) if path in done else 0
        if count:
            print(f"Fixed {count} finding{'s' * (count != 1)} in {path}", file=sys.stderr)
        for line, reason in sorted(left.get(path, {}).items()):
            print(f"{path}: left line {line}: {reason}", file=sys.stderr)


def run_lint(args: argparse.Namespace) -> int:
    ini = Path(args.config or os.environ.get("ALEMBIC_CONFIG", "alembic.ini"))
    if not ini.is_file():
        raise LintUsageError(
            f"No Alembic configuration at {str(ini)!r}; point -c at your alembic.ini."
        )
    chosen = settings.load(
        ini,
        select=_split(args.select),
        ignore=_split(args.ignore),
        since=args.since,
        downgrade=args.downgrade,
    )
    result = _linted(_scripts(ini, args.name), args.targets, chosen)
    if args.write_baseline:
        target = Path(args.write_baseline)
        count = baseline.write(target, result.findings)
        print(
            f"Recorded {count} finding{'s' * (count != 1)} in {target}: "
            f"lint --baseline {target} shows and fails on new ones only.",
            file=sys.stderr,
        )
        return EXIT_CLEAN
    known = baseline.load(Path(args.baseline)) if args.baseline else set()
    result = _without(result, known)
    if args.fix:
        _fix(result)
        # Read the files again: the rewritten revisions are new modules.
        result = _without(_linted(_scripts(ini, args.name), args.targets, chosen), known)
    rendered = output.FORMATS[args.format](result)
    if rendered:
        print(rendered)
    unread_sql = any(finding.rule is NOT_ANALYSED for finding in result.findings)
    if unread_sql and not parser_available() and args.format == "text":
        print(
            "Raw SQL was not analysed: install the package with its `lint` extra (pglast), "
            "from a checkout: pip install './alembic-safe-unique[lint]'",
            file=sys.stderr,
        )
    return EXIT_FINDINGS if result.blocking else EXIT_CLEAN
