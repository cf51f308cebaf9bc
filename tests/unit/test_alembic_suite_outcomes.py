"""The comparison of Alembic's own suite with and without the package: what counts as a change.

Read from JUnit XML as pytest writes it (``junit_family=xunit1``, properties per test case).
"""

from __future__ import annotations

from pathlib import Path

from tests.alembic_suite import outcomes

CASE = '<testcase classname="tests.test_op.OpTest" name="{name}">{body}</testcase>'
MARKED = '<properties><property name="alembic_safe_unique" value="{marker}"/></properties>'


def report(tmp_path: Path, run: str, cases: dict[str, str], marker: str) -> Path:
    body = "".join(
        CASE.format(name=name, body=(MARKED.format(marker=marker) if end != "skip" else "") + end)
        for name, end in cases.items()
    )
    path = tmp_path / f"{run}.xml"
    path.write_text(f'<testsuites><testsuite name="pytest">{body}</testsuite></testsuites>')
    return path


FAILED = '<failure message="AssertionError: assert False">trace</failure>'
COLLATION = '<failure message="sqlalchemy.exc.ProgrammingError: collation en_US">x</failure>'
SKIP = '<skipped message="not postgresql"/>'


def test_a_test_that_fails_only_with_the_package_is_named(tmp_path: Path) -> None:
    plain = outcomes.read(report(tmp_path, "plain", {"test_a": "", "test_b": ""}, "absent"))
    imported = outcomes.read(
        report(tmp_path, "imported", {"test_a": "", "test_b": FAILED}, "installed")
    )
    assert outcomes.differences(plain, imported) == [
        "tests.test_op.OpTest::test_b: passed without the package, failed (AssertionError) with it"
    ]


def test_the_same_failure_in_both_runs_is_the_machines_not_a_difference(tmp_path: Path) -> None:
    cases = {"test_collation": COLLATION, "test_skipped": SKIP}
    plain = outcomes.read(report(tmp_path, "plain", cases, "absent"))
    imported = outcomes.read(report(tmp_path, "imported", cases, "installed"))
    assert outcomes.differences(plain, imported) == []
    assert outcomes.marker_problems(imported, "installed", "imported") == []


def test_a_failure_of_another_kind_is_a_difference(tmp_path: Path) -> None:
    plain = outcomes.read(report(tmp_path, "plain", {"test_c": COLLATION}, "absent"))
    imported = outcomes.read(report(tmp_path, "imported", {"test_c": FAILED}, "installed"))
    assert len(outcomes.differences(plain, imported)) == 1


def test_a_test_only_one_run_had_is_a_difference(tmp_path: Path) -> None:
    plain = outcomes.read(report(tmp_path, "plain", {"test_a": ""}, "absent"))
    imported = outcomes.read(report(tmp_path, "imported", {"test_a": "", "test_d": ""}, "x"))
    assert outcomes.differences(plain, imported) == [
        "tests.test_op.OpTest::test_d: not run without the package, passed with it"
    ]


def test_a_run_without_the_package_in_force_is_refused(tmp_path: Path) -> None:
    imported = outcomes.read(report(tmp_path, "imported", {"test_a": ""}, "absent"))
    problems = outcomes.marker_problems(imported, "installed", "imported")
    assert problems == [
        "1 tests of the imported run did not report alembic_safe_unique=installed: "
        "tests.test_op.OpTest::test_a (absent)"
    ]
    assert outcomes.marker_problems({}, "installed", "imported") == ["the imported run ran no test"]
