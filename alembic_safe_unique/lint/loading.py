"""Revision files that stop while Alembic imports them: kept as far as they ran.

Alembic imports every revision file to build the history, so one file whose module-level code
fails (it needs the application running, like Flask's ``current_app``, or a name that a
stood-in ``from x import *`` could not provide) would stop the whole run. While lint loads
them, such a file is kept as far as it ran: its identifiers, set near the top of every
revision file, place it in the history; the functions defined before the failing line are
still read; and a notice says where it stopped. A file that stops before its ``revision``
line fails as it does for Alembic.
"""

from __future__ import annotations

import importlib.util
import os
import re
import traceback
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic_safe_unique.util.alembic_internals import replaced_revision_loader

from .recording import no_file_writes

IMPORT_STOP = "__alembic_safe_unique_import_stop__"
"""Set on a revision module that stopped while it was imported: (line, reason)."""


def import_stop(module: types.ModuleType) -> tuple[int, str] | None:
    """Where and why importing ``module`` stopped, if it did."""
    stop: tuple[int, str] | None = getattr(module, IMPORT_STOP, None)
    return stop


def _stop(error: Exception, path: str) -> tuple[int, str]:
    lines = [
        line
        for frame, line in traceback.walk_tb(error.__traceback__)
        if os.path.realpath(frame.f_code.co_filename) == path
    ]
    message = str(error).strip().splitlines()
    reason = type(error).__name__ + (f": {message[0]}" if message else "")
    return (lines[-1] if lines else 1, reason)


def _kept_as_far_as_it_ran(path: Path) -> types.ModuleType:
    """The module, as Alembic loads it, or as far as it ran if it stopped after ``revision``."""
    spec = importlib.util.spec_from_file_location(re.sub(r"\W", "_", path.name), path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    try:
        with no_file_writes():
            spec.loader.exec_module(module)
    except Exception as error:  # the file's own module-level code
        if not hasattr(module, "revision"):
            raise
        setattr(module, IMPORT_STOP, _stop(error, os.path.realpath(path)))
    return module


@contextmanager
def lenient_loading(directories: Sequence[str]) -> Iterator[None]:
    """While the block runs, revision source files in ``directories`` load as far as they run."""
    prefixes = tuple(os.path.realpath(path) + os.sep for path in directories)

    def wrap(load: Callable[..., types.ModuleType]) -> Callable[..., types.ModuleType]:
        def load_revision(directory: Any, filename: Any) -> types.ModuleType:
            path = Path(directory) / Path(filename).name
            if path.suffix != ".py" or not path.is_file():
                return load(directory, filename)
            if not os.path.realpath(path).startswith(prefixes):
                return load(directory, filename)
            return _kept_as_far_as_it_ran(path)

        return load_revision

    with replaced_revision_loader(wrap):
        yield
