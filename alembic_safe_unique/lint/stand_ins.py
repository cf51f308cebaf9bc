"""Imports a revision needs that lint's environment lacks: stood in for, so every file is read.

Revisions import the application's packages and third-party libraries (``from myapp.models
import Base``, ``import funcy``) that a lint run (a CI job, pre-commit's own environment)
does not have. Lint only records which ``op.*`` calls a revision makes, so such a module can
be replaced by a stand-in whose every attribute is another stand-in: callable, subscriptable,
iterable (empty), usable as a base class. Only imports made by the revision files themselves
(or by stand-ins) are stood in for: a real library's optional ``try: import x`` keeps its
ImportError. The files that needed a stand-in are named in a notice.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

_IMPORT_MACHINERY = ("<frozen importlib", os.path.dirname(importlib.util.__file__))


class StandIn:
    """A value from a module that is not installed here: every use of it is accepted."""

    def __init__(self, name: str) -> None:
        self._stand_in_name = name

    def __getattr__(self, attribute: str) -> StandIn:
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)
        return StandIn(f"{self._stand_in_name}.{attribute}")

    def __call__(self, *args: Any, **kwargs: Any) -> StandIn:
        return StandIn(f"{self._stand_in_name}()")

    def __getitem__(self, key: Any) -> StandIn:
        return StandIn(f"{self._stand_in_name}[...]")

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __or__(self, other: Any) -> StandIn:
        return self

    __ror__ = __or__

    def __mro_entries__(self, bases: tuple[Any, ...]) -> tuple[type, ...]:
        return (object,)

    def __repr__(self) -> str:
        return f"<stand-in for {self._stand_in_name}>"

    def __str__(self) -> str:
        return self._stand_in_name


class StandInModule(types.ModuleType):
    """A module that is not installed here."""

    def __getattr__(self, attribute: str) -> StandIn:
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)
        return StandIn(f"{self.__name__}.{attribute}")


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Last on ``sys.meta_path``: asked only for what no real finder found."""

    def __init__(self, directories: Sequence[str]) -> None:
        self.directories = tuple(os.path.realpath(path) + os.sep for path in directories)
        self.stood_in: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not self._asked_by_a_revision_or_a_stand_in(fullname):
            return None
        self.stood_in.append(fullname)
        return importlib.util.spec_from_loader(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = StandInModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing to run: every attribute is made when it is asked for."""

    def _asked_by_a_revision_or_a_stand_in(self, fullname: str) -> bool:
        parent = fullname.rpartition(".")[0]
        if parent and isinstance(sys.modules.get(parent), StandInModule):
            return True
        frame = sys._getframe(1)
        while frame is not None:
            filename = frame.f_code.co_filename
            if filename != __file__ and not filename.startswith(_IMPORT_MACHINERY):
                return os.path.realpath(filename).startswith(self.directories)
            frame = frame.f_back  # type: ignore[assignment]
        return False


@contextmanager
def stand_ins(directories: Sequence[str]) -> Iterator[list[str]]:
    """While the block runs, revision files in ``directories`` can import what is missing.

    Yields the names stood in for (filled as they are imported); afterwards the stand-ins
    leave ``sys.modules``, so nothing else in the process sees them.
    """
    finder = _Finder(directories)
    sys.meta_path.append(finder)
    try:
        yield finder.stood_in
    finally:
        sys.meta_path.remove(finder)
        for name in finder.stood_in:
            if isinstance(sys.modules.get(name), StandInModule):
                del sys.modules[name]


def stood_in_names(module: types.ModuleType) -> list[str]:
    """The stand-ins a revision module holds at its top level (what it imported)."""
    names = []
    for value in vars(module).values():
        if isinstance(value, StandInModule):
            names.append(value.__name__)
        elif isinstance(value, StandIn):
            names.append(str(value))
    return sorted(set(names))
