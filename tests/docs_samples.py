"""The code samples the documentation includes (docs/samples), for the tests that run them."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "docs" / "samples"


def sample(name: str) -> str:
    """The text of ``docs/samples/<name>``, exactly as the docs show it."""
    return (SAMPLES / name).read_text()


def commands(name: str) -> list[list[str]]:
    """The command lines of a shell sample, split as the shell would, comments dropped."""
    lines = (shlex.split(line, comments=True) for line in sample(name).splitlines())
    return [line for line in lines if line]


def _shape(line: str) -> str:
    """A line with its figures, sizes and spacing blurred: what stays the same run to run."""
    line = re.sub(r"\d[\d,.]*( (bytes|kB|MB|GB))?", "#", line)
    line = re.sub(r"-{2,}", "-", line)
    return " ".join(line.split())


def _matches(pattern: str, line: str) -> bool:
    parts = [re.escape(part) for part in pattern.split("...")]
    return re.fullmatch(".*".join(parts), line) is not None


def assert_output_as_documented(name: str, output: str) -> None:
    """Every line of the documented output sample has a line of the same shape in ``output``.

    ``...`` in a sample line stands for text the docs leave out.
    """
    real = [_shape(line) for line in output.splitlines()]
    for line in sample(name).splitlines():
        if line.strip():
            wanted = _shape(line)
            assert any(_matches(wanted, got) for got in real), (
                f"docs/samples/{name}: no line of this shape in the real output:\n"
                f"  {line}\n--- output ---\n{output}"
            )
