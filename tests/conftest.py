"""The suite's fixtures and hooks live in tests/fixtures, loaded here as plugins.

tests/unit needs none of the servers: its fixtures start nothing unless a test asks.
"""

pytest_plugins = ["tests.fixtures.matrix", "tests.fixtures.databases", "tests.fixtures.settings"]

# Other projects' Alembic histories, read by tests/integration/test_lint_corpus.py: never
# collected (a Fides revision is named 530fb8533ca4_test.py).
collect_ignore = ["corpus"]
