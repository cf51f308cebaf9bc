"""``alembic-safe-unique``: check pending uniques, clean up invalid indexes, see the demo.

It reads the project's ``alembic.ini`` (``-c``, ``-n``, ``-x`` as the ``alembic`` command does)
and reaches the database through the project's own ``env.py``, so URL, driver, search_path and
async engines are exactly those the migrations use.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TypeVar

from alembic.config import Config
from alembic.operations import Operations
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from alembic.util import CommandError as AlembicCommandError

from alembic_safe_unique.cli import dedupe_revision, preflight, wire
from alembic_safe_unique.cli import invalid_indexes as doctor
from alembic_safe_unique.cli.pending import plan
from alembic_safe_unique.cli.quiet import alembic_runtime_notices_off
from alembic_safe_unique.cli.report import CheckedRun, print_check_runs, print_invalid_indexes
from alembic_safe_unique.config import current_settings
from alembic_safe_unique.errors import SafeUniqueError
from alembic_safe_unique.lint.command import add_parser as add_lint_parser
from alembic_safe_unique.runtime.connection import run_schema
from alembic_safe_unique.util import alembic_internals

T = TypeVar("T")

EXIT_OK = 0
EXIT_WOULD_FAIL = 1
EXIT_USAGE = 2
EXIT_UNCHECKED = 3


class CommandError(SafeUniqueError):
    """A problem with how the command was called or with the project; exits with status 2."""


def _config(args: argparse.Namespace) -> Config:
    ready = getattr(args, "alembic_config", None)  # from `flask safe-unique` (flask_cli.py)
    if isinstance(ready, Config):
        return ready
    path = args.config or os.environ.get("ALEMBIC_CONFIG", "alembic.ini")
    if not os.path.isfile(path):
        raise CommandError(f"No Alembic configuration at {path!r}; point -c at your alembic.ini.")
    return Config(path, ini_section=args.name, cmd_opts=argparse.Namespace(x=args.x))


def _in_every_run(
    config: Config, work: Callable[[MigrationContext, ScriptDirectory], T]
) -> list[T]:
    """Run ``work`` inside the project's env.py, on its connection, as ``alembic current`` does:
    once for every ``context.run_migrations()`` env.py makes (a tenant loop makes one per
    tenant, a multi-database env.py one per database)."""
    script = ScriptDirectory.from_config(config)
    results: list[T] = []

    def run(_revision: Any, context: MigrationContext) -> list[Any]:
        if context.as_sql or context.connection is None:
            raise CommandError("env.py ran in offline mode; this command needs the database.")
        results.append(work(context, script))
        return []

    with EnvironmentContext(config, script, fn=run, dont_mutate=True):
        script.run_env()
    if not results:
        raise CommandError("env.py never called context.run_migrations(); nothing was checked.")
    return results


def _in_migration_context(
    config: Config, work: Callable[[MigrationContext, ScriptDirectory], T]
) -> T:
    """``work`` in the first run of env.py (a command that writes one revision file)."""
    return _in_every_run(config, work)[0]


def _pending_revisions(
    context: MigrationContext, script: ScriptDirectory, revision_range: str | None
) -> tuple[list[Script], str]:
    if revision_range:
        if ":" not in revision_range:
            raise CommandError(
                f"A range looks like 'lower:upper' (e.g. 'ae10:head'), not {revision_range!r}."
            )
        lower_text, upper = revision_range.split(":", 1)
        lower: Any = lower_text or context.get_current_heads() or "base"
    else:
        lower, upper = context.get_current_heads() or "base", "heads"
    revisions = list(script.iterate_revisions(upper or "heads", lower))
    revisions.reverse()
    shown_lower = ", ".join(lower) if isinstance(lower, tuple) else lower
    return revisions, f"{shown_lower} -> {upper or 'heads'}"


def run_check(args: argparse.Namespace) -> int:
    def work(context: MigrationContext, script: ScriptDirectory) -> CheckedRun:
        revisions, span = _pending_revisions(context, script, args.range)
        pending = plan(revisions)
        connection = context.connection
        assert connection is not None
        preflight.start_read_only(connection, args.statement_timeout_ms, args.lock_timeout_ms)
        results = [preflight.check(connection, item, args.samples) for item in pending.uniques]
        return CheckedRun(
            run_schema(connection), span, len(revisions), results, pending.notes, pending.attaches
        )

    runs = _in_every_run(_config(args), work)
    print_check_runs(runs)
    results = [result for run in runs for result in run.results]
    if any(result.fails for result in results):
        return EXIT_WOULD_FAIL
    if any(result.status == "unchecked" for result in results):
        return EXIT_UNCHECKED
    return EXIT_OK


def run_invalid_indexes(args: argparse.Namespace) -> int:
    seen: set[tuple[str, int]] = set()
    lines: list[str] = []

    def work(context: MigrationContext, _script: ScriptDirectory) -> list[doctor.InvalidIndex]:
        connection = context.connection
        assert connection is not None
        # Every run of env.py is asked (one database each, in a multi-database env.py); the
        # runs of a tenant loop share a database, whose indexes are listed once.
        database = connection.engine.url.render_as_string(hide_password=True)
        found = [
            index
            for index in doctor.invalid_indexes(connection)
            if (database, index.oid) not in seen
        ]
        seen.update((database, index.oid) for index in found)
        if args.index:
            wanted = set(args.index)
            found = [index for index in found if index.index in wanted]
        if not args.drop:
            return found
        operations = Operations(context)
        # As Alembic runs a step: with transaction_per_migration=True, env.py's own
        # begin_transaction() owns nothing, and the drops must leave a transaction Alembic owns.
        with alembic_internals.step_transaction(context):
            for index in found:
                if not index.droppable:
                    lines.append(f"Skipped {index.schema}.{index.index}: {index.note}.")
                    continue
                doctor.drop_invalid(operations, index, current_settings())
                lines.append(f"Dropped {index.schema}.{index.index} (DROP INDEX CONCURRENTLY).")
        return found

    found = [index for run in _in_every_run(_config(args), work) for index in run]
    print_invalid_indexes(found)
    for line in lines:
        print(line)
    if args.drop:
        return EXIT_OK
    return EXIT_OK if not found else EXIT_WOULD_FAIL


def run_dedupe_revision(args: argparse.Namespace) -> int:
    def work(context: MigrationContext, script: ScriptDirectory) -> int:
        written, build = dedupe_revision.write(
            context,
            script,
            args.unique,
            keep=args.keep,
            order_by=args.order_by or [],
            message=args.message,
        )
        print(f"Wrote {written.path} (revision {written.revision}).")
        print(f"Revision {build.revision} (the build of {args.unique}) now revises it.")
        return EXIT_OK

    return _in_migration_context(_config(args), work)


def run_wire(args: argparse.Namespace) -> int:
    if args.env_py is not None:
        env_py = Path(args.env_py)
    else:
        env_py = Path(ScriptDirectory.from_config(_config(args)).env_py_location)
    return wire.wire_file(env_py, write=args.write, migration_lock=args.migration_lock)


def run_init(args: argparse.Namespace) -> int:
    # As `alembic init` builds its Config: alembic.ini (-c), and pyproject.toml for the
    # pyproject templates.
    config = Config(
        args.config or os.environ.get("ALEMBIC_CONFIG", "alembic.ini"),
        toml_file="pyproject.toml",
        ini_section=args.name,
    )
    try:
        return wire.init(
            Path(args.directory),
            args.template,
            config,
            package=args.package,
            migration_lock=args.migration_lock,
        )
    except AlembicCommandError as error:
        raise CommandError(f"alembic init: {error}") from None


def run_demo(args: argparse.Namespace) -> int:
    from alembic_safe_unique.demo.command import run  # the demo loads only when asked for
    from alembic_safe_unique.demo.errors import DemoError

    try:
        return run(rows=args.rows, url=args.url, keep=args.keep, plot=args.plot)
    except DemoError as error:
        print(f"alembic-safe-unique demo: {error}", file=sys.stderr)
        return EXIT_USAGE


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="alembic-safe-unique",
        description="Check and operate the unique-constraint migrations of an Alembic project.",
    )
    main.add_argument("-c", "--config", help="alembic.ini to read (default: ./alembic.ini)")
    main.add_argument("-n", "--name", default="alembic", help="ini section (default: alembic)")
    main.add_argument(
        "-x", action="append", default=[], help="extra argument for env.py, as alembic -x"
    )
    commands = main.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check",
        help="count the duplicates that would make pending unique builds fail",
        description="For each unique index or constraint the pending revisions would build, "
        "count the duplicate key groups on the live table (read-only), in every run of env.py "
        "(each tenant of a tenant loop). Exit status 1 when a build would fail in any run, 3 "
        "when a target could not be checked.",
    )
    check.add_argument("range", nargs="?", help="revisions 'lower:upper' (default: current:heads)")
    check.add_argument("--samples", type=int, default=5, help="duplicate groups shown (5)")
    check.add_argument(
        "--statement-timeout-ms",
        type=int,
        default=300_000,
        help="statement_timeout of the duplicate scans, ms (300000): a scan of a huge table "
        "stops there and its target is reported as unchecked",
    )
    check.add_argument(
        "--lock-timeout-ms",
        type=int,
        default=2_000,
        help="lock_timeout of the scans, ms (2000): they never queue for long behind a "
        "session waiting for the table's lock",
    )
    check.set_defaults(handler=run_check)

    invalid = commands.add_parser(
        "invalid-indexes",
        help="list indexes left invalid by failed builds; drop them concurrently with --drop",
        description="List the indexes of the database that are not valid: what failed or "
        "cancelled concurrent builds leave behind (a ready unique one still rejects colliding "
        "writes). With --drop, drop each leftover with DROP INDEX CONCURRENTLY; an index another "
        "session may be building is left alone and named. Exit status 1 when some are listed "
        "(without --drop).",
    )
    invalid.add_argument("--drop", action="store_true", help="DROP INDEX CONCURRENTLY each one")
    invalid.add_argument("--index", action="append", help="only this index (repeatable)")
    invalid.set_defaults(handler=run_invalid_indexes)

    dedupe = commands.add_parser(
        "dedupe-revision",
        help="write an op.deduplicate_rows revision just before the build of a unique",
        description="Write a revision that keeps one row per key of the unique NAME "
        "(op.deduplicate_rows) and place it just before the revision that builds it: the "
        "build revision's down_revision is relinked to it.",
    )
    dedupe.add_argument(
        "unique", metavar="NAME", help="the unique constraint or index (as check names it)"
    )
    dedupe.add_argument(
        "--keep",
        choices=("newest", "oldest"),
        default="newest",
        help="which row of each duplicate group stays, by --order-by (default: newest)",
    )
    dedupe.add_argument(
        "--order-by",
        action="append",
        help="column that says which row is newest (repeatable; default: the primary key, "
        "which offline --sql runs cannot look up)",
    )
    dedupe.add_argument("-m", "--message", help="revision message")
    dedupe.set_defaults(handler=run_dedupe_revision)

    demo = commands.add_parser(
        "demo",
        help="plain Alembic vs alembic-safe-unique on a million-row table, under load",
        description="Start a throwaway PostgreSQL 18, fill a table, then add the same unique "
        "constraint with plain Alembic and with this package, each under the same steady reads "
        "and writes, and show side by side what the load felt.",
    )
    demo.add_argument(
        "--rows", type=int, default=1_000_000, help="rows in the demo's table (1000000)"
    )
    demo.add_argument("--url", help="use this PostgreSQL server instead of an embedded one")
    demo.add_argument("--keep", action="store_true", help="keep the throwaway project")
    demo.add_argument(
        "--plot",
        type=Path,
        metavar="FILE",
        help="also write the load's latency over time, both migrations, as an SVG to FILE",
    )
    demo.set_defaults(handler=run_demo)

    init = commands.add_parser(
        "init",
        help="alembic init, with the env.py it writes already wired",
        description="Run Alembic's own `alembic init DIRECTORY -t TEMPLATE` (same templates: "
        "generic, async, multidb, pyproject, ...), then wire the env.py it wrote as `wire` "
        "does: the package import and the rewriter in every context.configure(...).",
    )
    init.add_argument("directory", metavar="DIRECTORY", help="the migrations folder to create")
    init.add_argument(
        "-t",
        "--template",
        default="generic",
        help="Alembic's template (generic, async, multidb, pyproject, ...; default: generic)",
    )
    init.add_argument(
        "--package", action="store_true", help="write __init__.py files too, as alembic init"
    )
    init.add_argument(
        "--migration-lock",
        action="store_true",
        help="also wrap the online run in alembic_safe_unique.migration_lock(connection)",
    )
    init.set_defaults(handler=run_init)

    wire_parser = commands.add_parser(
        "wire",
        help="show (and with --write, make) the env.py changes the package needs",
        description="Edit env.py's syntax tree: `import alembic_safe_unique` after the alembic "
        "imports and process_revision_directives=alembic_safe_unique.rewriter in every "
        "context.configure(...); a hook already passed there (or in a **dict, as "
        "Flask-Migrate does) is chained. Prints the diff; writes only with --write. An env.py "
        "already wired is left as it is.",
    )
    wire_parser.add_argument(
        "env_py",
        metavar="ENV_PY",
        nargs="?",
        help="the env.py to wire (default: the one of the project alembic.ini names)",
    )
    wire_parser.add_argument("--write", action="store_true", help="write the changes to ENV_PY")
    wire_parser.add_argument(
        "--migration-lock",
        action="store_true",
        help="also wrap `with engine.connect() as connection:` around context.configure(...) "
        "in alembic_safe_unique.migration_lock(connection), where env.py has one",
    )
    wire_parser.set_defaults(handler=run_wire)

    add_lint_parser(commands)
    return main


# The commands that run env.py only for its connection: Alembic's notices are noise there.
_QUIET_HANDLERS = ("run_check", "run_invalid_indexes", "run_dedupe_revision")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    quiet = args.handler.__name__ in _QUIET_HANDLERS
    try:
        with alembic_runtime_notices_off() if quiet else nullcontext():
            return int(args.handler(args))
    except SafeUniqueError as error:  # said plainly, no traceback: the message says what to do
        print(f"alembic-safe-unique: {error}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
