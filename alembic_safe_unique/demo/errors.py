"""What the demo raises: its own failures (no server, a failed run), not the library's errors."""

from __future__ import annotations


class DemoError(Exception):
    """The demo could not run or finish; the message says what to do."""
