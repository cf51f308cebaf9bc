"""``lint --fix`` on revision sources: what the file says afterwards, line for line."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from alembic_safe_unique.lint.fix import fix_source, plan_source
from alembic_safe_unique.lint.fix.layout import line_length

IMPORT = "import alembic_safe_unique  # noqa: F401  (registers the op.* it calls)"


def revision(head: str, upgrade: str) -> str:
    body = textwrap.indent(textwrap.dedent(upgrade).strip(), "    ")
    return f'{textwrap.dedent(head).strip()}\n\nrevision = "r1"\n\n\ndef upgrade():\n{body}\n'


def line_of(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def fixed(source: str, *texts: str) -> str:
    return fix_source(source, [line_of(source, text) for text in texts]).source


@pytest.mark.parametrize(
    ("imports", "after"),
    [
        ("from alembic import context, op", "from alembic import context, op"),
        ("from alembic import op as op\nimport sqlalchemy as sa", "from alembic import op as op"),
        ("import sqlalchemy as sa\nfrom alembic import (\n    op,\n)", ")"),
    ],
)
def test_the_package_import_goes_under_the_import_that_brings_op_and_the_docstring_stays(
    imports: str, after: str
) -> None:
    source = revision(f'"""add ix_hits"""\n{imports}', 'op.create_index("ix", "t", ["a"])')
    text = fixed(source, "create_index")
    assert ast.get_docstring(ast.parse(text)) == "add ix_hits"
    lines = text.splitlines()
    assert lines[lines.index(after) + 1] == IMPORT


def test_without_an_alembic_import_the_package_import_follows_docstring_and_future_imports() -> (
    None
):
    source = revision(
        '"""add ix_hits"""\n\nfrom __future__ import annotations\n\nfrom app.migrations import op',
        'op.create_index("ix", "t", ["a"])',
    )
    text = fixed(source, "create_index")
    assert text.startswith(
        f'"""add ix_hits"""\n\nfrom __future__ import annotations\n\n{IMPORT}\n'
        "from app.migrations import op\n"
    )
    compile(text, "r1.py", "exec")  # __future__ still comes first


def test_a_revision_that_imports_the_package_already_gets_no_second_import() -> None:
    source = revision(
        "from alembic import op\nfrom alembic_safe_unique import assume_safe",
        'op.create_index("ix", "t", ["a"])',
    )
    assert IMPORT not in fixed(source, "create_index")


def test_a_one_line_if_becomes_a_block_holding_the_autocommit_block() -> None:
    source = revision(
        "from alembic import op",
        'if op.get_context().dialect.name == "postgresql": op.create_index("ix", "t", ["a"])',
    )
    assert fixed(source, "create_index").endswith(
        '    if op.get_context().dialect.name == "postgresql":\n'
        "        with op.get_context().autocommit_block():\n"
        '            op.create_index_concurrently("ix", "t", ["a"])\n'
    )


def test_a_drop_index_keeps_its_arguments_but_the_dialect_ones_drop_index_never_uses() -> None:
    source = revision(
        "from alembic import op\nimport sqlalchemy as sa",
        'op.drop_index("ix", table_name="t", postgresql_where=sa.text("a > 0"))',
    )
    assert fixed(source, "drop_index").endswith(
        "    with op.get_context().autocommit_block():\n"
        '        op.drop_index_concurrently("ix", table_name="t")\n'
    )


def test_an_op_in_a_helper_upgrade_calls_is_fixed_and_one_in_an_uncalled_helper_is_left() -> None:
    source = revision(
        "from alembic import op",
        """
        with op.get_context().autocommit_block():
            _indexes()
        """,
    ) + textwrap.dedent(
        """

        def _indexes():
            op.create_index("ix_a", "t", ["a"])


        def _never_called():
            op.create_index("ix_b", "t", ["b"])
        """
    )
    plan = plan_source(source, [line_of(source, "ix_a"), line_of(source, "ix_b")])
    assert plan.fixed == {line_of(source, "ix_a")}
    assert plan.left == {
        line_of(source, "ix_b"): "it is in _never_called(), which upgrade() and downgrade() "
        "do not call as a statement: --fix cannot tell what runs before it"
    }


def test_a_build_after_a_schema_change_in_a_loop_is_left_the_first_turn_too() -> None:
    source = revision(
        "from alembic import op\nimport sqlalchemy as sa",
        """
        for name in ("a", "b"):
            op.create_index(f"ix_{name}", "t", [name])
            op.add_column("t", sa.Column(f"{name}_2", sa.Text))
        """,
    )
    line = line_of(source, "create_index")
    reason = plan_source(source, [line]).left[line]
    assert reason.startswith(f"op.add_column(...) on line {line + 1} changes the database before")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, 88),
        ({"pyproject.toml": "[tool.black]\nline-length = 100\n"}, 100),
        (
            {"pyproject.toml": "[tool.ruff]\nline-length = 79\n[tool.black]\nline-length = 100\n"},
            79,
        ),
        (
            {
                "migrations/pyproject.toml": "[project]\nname = 'x'\n",
                "pyproject.toml": "[tool.ruff]\nline-length = 120\n",
            },
            120,
        ),
        ({"ruff.toml": "line-length = 99\n"}, 99),
    ],
)
def test_the_line_length_is_the_one_the_project_formats_with(
    tmp_path: Path, files: dict[str, str], expected: int
) -> None:
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    assert line_length(versions / "r1.py") == expected


def test_a_build_after_a_raw_commit_is_fixed_as_what_ran_before_is_committed() -> None:
    source = revision(
        "from alembic import op\nimport sqlalchemy as sa",
        """
        op.add_column("t", sa.Column("b", sa.Text))
        op.execute("COMMIT")
        op.create_index("ix_b", "t", ["b"])
        """,
    )
    assert plan_source(source, [line_of(source, "ix_b")]).fixed == {line_of(source, "ix_b")}
