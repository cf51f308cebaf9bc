"""What PostgreSQL said, read from whichever driver raised the error."""

from __future__ import annotations


def sqlstate(error: BaseException) -> str | None:
    """The SQLSTATE of a driver error, whichever driver raised it."""
    original = getattr(error, "orig", error)
    for attribute in ("sqlstate", "pgcode"):
        code = getattr(original, attribute, None)
        if isinstance(code, str):
            return code
    return None


def error_detail(error: BaseException) -> str | None:
    """PostgreSQL's DETAIL line (``Key (a, b)=(1, 2) is duplicated.``), where the driver has it."""
    original = getattr(error, "orig", error)
    diag = getattr(original, "diag", None)
    detail = getattr(diag, "message_detail", None) or getattr(original, "detail", None)
    if detail:
        return str(detail)
    for line in str(original).splitlines():
        if line.startswith("DETAIL:"):
            return line[len("DETAIL:") :].strip()
    return None
