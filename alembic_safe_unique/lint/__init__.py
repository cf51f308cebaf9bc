"""``alembic-safe-unique lint``: find (and ``--fix``) revisions that lock tables.

One module per job: ``revisions`` picks the files, ``project`` reads what surrounds them
(``dialects``, what ``env_script`` finds in env.py), ``recording`` runs their functions on
paper (against ``offline_bind``), ``checks``, ``sql`` and ``plpgsql`` apply the ``rules``,
``suppressions`` and ``settings`` decide what is reported, ``output`` formats it, ``fix``
rewrites sources with libcst.
"""

from __future__ import annotations

from .engine import LintResult, lint_revisions
from .findings import Finding
from .rules import RULES, Rule
from .settings import LintSettings

__all__ = ["RULES", "Finding", "LintResult", "LintSettings", "Rule", "lint_revisions"]
