"""How the command line prints what it found: plain text a person reads, aligned columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from alembic_safe_unique.cli.invalid_indexes import InvalidIndex
from alembic_safe_unique.cli.pending import PlannedUnique
from alembic_safe_unique.cli.preflight import CheckResult, TableSize
from alembic_safe_unique.util.text_table import table


def size(count: float) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")


def _key(values: tuple[Any, ...]) -> str:
    """A key as psql would take it back: ``(7, 'sku-7', '2024-01-31', NULL)``."""
    return "(" + ", ".join(_literal(value) for value in values) + ")"


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)
    return "'" + text.replace("'", "''") + "'"


def _rows(table_size: TableSize) -> str:
    if table_size.estimated_rows is None:
        return "rows not counted yet (never vacuumed or analysed)"
    return f"about {table_size.estimated_rows:,} rows"


@dataclass(frozen=True)
class CheckedRun:
    """What ``check`` found in one run of env.py (one tenant of a tenant loop)."""

    schema: str
    span: str
    revision_count: int
    results: Sequence[CheckResult]
    notes: Sequence[str]
    attaches: Sequence[PlannedUnique]

    @property
    def fails(self) -> bool:
        return any(result.fails for result in self.results)


def print_check_runs(runs: Sequence[CheckedRun]) -> None:
    """One report per run of env.py, each under its schema when there are several."""
    for number, run in enumerate(runs, 1):
        if len(runs) > 1:
            if number > 1:
                print()
            print(f"== Run {number} of {len(runs)}: schema {run.schema}")
        print_check(run.span, run.revision_count, run.results, run.notes, run.attaches)
    failing = [run.schema for run in runs if run.fails]
    if len(runs) > 1:
        print()
        if failing:
            shown = ", ".join(failing)
            verb = "has" if len(failing) == 1 else "have"
            print(
                f"{len(failing)} of {len(runs)} runs {verb} unique builds that would fail "
                f"(schemas: {shown})."
            )
        else:
            print(f"No pending unique build would fail on duplicates in any of {len(runs)} runs.")


def print_check(
    span: str,
    revision_count: int,
    results: Sequence[CheckResult],
    notes: Sequence[str],
    attaches: Sequence[PlannedUnique] = (),
) -> None:
    """One section per unique index to build; the attaches that follow them on their own."""
    print(
        f"Pending revisions {span}: {revision_count}; unique indexes to build: {len(results)}; "
        f"constraints to attach: {len(attaches)}."
    )
    for result in results:
        planned = result.planned
        print()
        print(f"{planned.revision}  op.{planned.operation}: {planned.spec.describe()}")
        if result.size is not None:
            print(
                f"  table: {_rows(result.size)}, "
                f"{size(result.size.heap_bytes)} heap, {size(result.size.total_bytes)} with indexes"
            )
        estimate = result.estimated_build_seconds
        if estimate is not None:
            print(
                f"  build estimate: about {estimate:,.1f} s "
                f"(the check's own scan took {result.check_seconds:,.2f} s)"
            )
        print("  " + _verdict(result))
        for key, rows in result.samples:
            print(f"    {_key(key)}: {rows:,} rows")
        if result.query:
            print("  every group: " + " ".join(result.query.split()) + ";")
        if result.fails:
            print(
                "  remove them first: alembic-safe-unique dedupe-revision "
                f"{planned.spec.name} --keep newest"
            )
    if attaches:
        print("\nAttaches (each from an index built above: no build, no duplicates to fail on):")
        for planned in attaches:
            print(f"{planned.revision}  op.{planned.operation}: {planned.spec.describe()}")
    for note in notes:
        print(f"\nnote: {note}")
    failing = sum(result.fails for result in results)
    print()
    if failing:
        print(
            f"{failing} of {len(results)} unique index builds would fail on duplicate keys. Remove "
            "them first (op.deduplicate_rows in a revision before the unique), then check again."
        )
    else:
        print("No pending unique build would fail on duplicates.")


def _verdict(result: CheckResult) -> str:
    if result.status == "ok":
        return "duplicates: none; the build can succeed"
    if result.status == "exists":
        return f"nothing to build: {result.detail}"
    if result.status == "unchecked":
        return f"NOT CHECKED: {result.detail}"
    text = f"{result.groups:,} duplicate key groups ({result.rows_in_groups:,} rows)"
    if result.status == "deduplicated":
        return f"{text}; removed first: {result.detail}"
    return f"DUPLICATES: {text}; the build would fail. Largest groups:"


def print_invalid_indexes(found: Sequence[InvalidIndex]) -> None:
    if not found:
        print("No invalid indexes.")
        return
    rows = [
        (
            index.schema,
            index.table,
            index.index,
            "yes" if index.ready else "no",
            size(index.size_bytes),
            "yes" if index.rejects_writes else "no",
            index.note,
        )
        for index in found
    ]
    headers = ("schema", "table", "index", "ready", "size", "rejects writes", "note")
    print(table(headers, rows))
    print(
        f"\n{len(found)} invalid index(es). `alembic-safe-unique invalid-indexes --drop` removes "
        "the leftovers with DROP INDEX CONCURRENTLY (reads and writes go on)."
    )
