"""Per-test outcomes from a JUnit XML report, and how two runs of the same suite differ."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

MARKER = "alembic_safe_unique"


@dataclass(frozen=True)
class Outcome:
    """How one test ended: ``passed``, ``skipped``, or failed / error with the error's type."""

    result: str
    marker: str | None
    """The plugin's ``alembic_safe_unique`` property: what was in force while the test ran."""

    @property
    def ran(self) -> bool:
        """The test body ran (the plugin marks only those: skips and setup errors never do)."""
        return self.result == "passed" or self.result.startswith("failed")


def _result(case: ElementTree.Element) -> str:
    for kind in ("failure", "error"):
        problem = case.find(kind)
        if problem is not None:
            # "AssertionError: ..." -> failed (AssertionError): the same failure both times is
            # the machine's (a missing collation), not the package's.
            message = problem.get("message") or ""
            error_type = message.split(":", 1)[0].strip() or problem.get("type") or "?"
            return f"{'failed' if kind == 'failure' else 'error'} ({error_type})"
    if case.find("skipped") is not None:
        return "skipped"
    return "passed"


def _marker(case: ElementTree.Element) -> str | None:
    for prop in case.iter("property"):
        if prop.get("name") == MARKER:
            return prop.get("value")
    return None


def read(report: Path) -> dict[str, Outcome]:
    """Test id (``classname::name``) -> outcome, for every test case in ``report``."""
    outcomes: dict[str, Outcome] = {}
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        test_id = f"{case.get('classname')}::{case.get('name')}"
        outcomes[test_id] = Outcome(_result(case), _marker(case))
    return outcomes


def differences(plain: dict[str, Outcome], imported: dict[str, Outcome]) -> list[str]:
    """One line per test whose outcome differs between the runs (or that only one run had)."""
    lines = []
    for test_id in sorted(plain.keys() | imported.keys()):
        before, after = plain.get(test_id), imported.get(test_id)
        if before is None or after is None or before.result != after.result:
            lines.append(
                f"{test_id}: {before.result if before else 'not run'} without the package, "
                f"{after.result if after else 'not run'} with it"
            )
    return lines


def marker_problems(outcomes: dict[str, Outcome], expected: str, run: str) -> list[str]:
    """Tests of ``run`` whose body ran without the plugin's ``expected`` marker."""
    wrong = sorted(
        test_id
        for test_id, outcome in outcomes.items()
        if outcome.ran and outcome.marker != expected
    )
    if not any(outcome.ran for outcome in outcomes.values()):
        return [f"the {run} run ran no test"]
    if not wrong:
        return []
    sample = ", ".join(f"{test_id} ({outcomes[test_id].marker})" for test_id in wrong[:3])
    return [f"{len(wrong)} tests of the {run} run did not report {MARKER}={expected}: {sample}"]
