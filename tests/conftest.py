"""The suite's fixtures and hooks live in tests/fixtures, loaded here as plugins.

tests/unit needs none of the servers: its fixtures start nothing unless a test asks.
"""

pytest_plugins = ["tests.fixtures.matrix", "tests.fixtures.databases", "tests.fixtures.settings"]
