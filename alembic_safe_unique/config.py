"""Process-wide defaults for how the operations run, overridable per operation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from alembic_safe_unique.errors import InvalidArgumentError

PROGRESS_MODES = ("auto", "bar", "log", "off")
UNSAFE_OPS_MODES = ("warn", "refuse", "rewrite", "off")


@dataclass(frozen=True)
class Settings:
    """Defaults for the short-lock steps and for waiting on other builds.

    ``short_statement_timeout_ms`` bounds the whole short step once it holds its lock (it is
    catalog-only and takes milliseconds).
    ``lock_timeout_ms`` bounds how long readers and writers can queue behind a waiting
    ``ACCESS EXCLUSIVE`` request; the step is retried ``lock_attempts`` times with exponential
    backoff (``retry_base_delay_s`` doubling up to ``retry_max_delay_s``) and full jitter, each
    pause at least ``lock_timeout_ms`` long so the queue drains between attempts.
    ``progress`` is ``"auto"`` (a bar on a terminal, log lines otherwise), ``"bar"``, ``"log"``
    or ``"off"``; log lines come on each phase change and every ``progress_interval_s``.
    ``wait_timeout_s`` bounds how long a concurrent build may wait for other sessions (old
    snapshots, writers idle in transaction); ``None`` waits as long as it takes.
    ``commit_earlier_changes`` lets an operation that must leave the transaction commit what
    the same revision changed before it (refused by default: a failure after that commit
    would leave half a revision applied and unstamped).
    ``unsafe_ops`` is what the run-time guard does when a plain ``op.create_unique_constraint``
    / ``op.create_index`` / ``op.add_column(unique=True)`` is about to lock a table holding
    more than ``unsafe_ops_min_rows`` rows (estimated from the catalog): ``"warn"`` (log and
    run it), ``"refuse"`` (raise before touching anything), ``"rewrite"`` (run the concurrent
    path instead, when nothing else of the revision would be committed with it) or ``"off"``.
    ``idle_in_transaction_timeout_ms`` bounds, in the server, how long a short step's
    transaction may sit idle between statements (``SET LOCAL
    idle_in_transaction_session_timeout``): a client frozen or cut off after its ``ACCESS
    EXCLUSIVE`` lock was granted cannot keep the table locked past it, as the server ends that
    session. ``None``: three times ``lock_timeout_ms``, at least a second.
    ``parallel_workers`` is the build session's ``max_parallel_maintenance_workers``, set for
    the build and restored after it: ``0`` (a single process, which on a small server leaves
    the CPUs to the application and stalls it least) or more; ``None`` leaves the server's
    setting alone.
    ``large_build_warning_mb``: a build whose index is estimated at this size or more is
    announced with a warning saying how much room it takes and where, before it starts
    (PostgreSQL cannot say how much is free); ``None`` never warns.
    """

    lock_timeout_ms: int = 1000
    short_statement_timeout_ms: int = 30000
    lock_attempts: int = 8
    retry_base_delay_s: float = 0.5
    retry_max_delay_s: float = 30.0
    other_build_wait_s: float = 600.0
    client_check_interval_ms: int = 1000
    progress: str = "auto"
    progress_interval_s: float = 10.0
    commit_earlier_changes: bool = False
    wait_timeout_s: float | None = None
    unsafe_ops: str = "warn"
    unsafe_ops_min_rows: int = 100_000
    parallel_workers: int | None = 0
    idle_in_transaction_timeout_ms: int | None = None
    large_build_warning_mb: int | None = 1024

    @property
    def short_step_idle_timeout_ms(self) -> int:
        """``idle_in_transaction_timeout_ms``, or what it defaults to."""
        if self.idle_in_transaction_timeout_ms is not None:
            return self.idle_in_transaction_timeout_ms
        return max(3 * self.lock_timeout_ms, 1000)

    def __post_init__(self) -> None:
        if self.lock_timeout_ms <= 0:
            raise InvalidArgumentError("lock_timeout_ms must be a positive number of milliseconds")
        if self.lock_attempts < 1:
            raise InvalidArgumentError("lock_attempts must be at least 1")
        if self.progress not in PROGRESS_MODES:
            raise InvalidArgumentError(f"progress must be one of {_listed(PROGRESS_MODES)}")
        if self.progress_interval_s <= 0:
            raise InvalidArgumentError("progress_interval_s must be a positive number of seconds")
        if self.wait_timeout_s is not None and self.wait_timeout_s <= 0:
            raise InvalidArgumentError("wait_timeout_s must be a positive number of seconds")
        if self.retry_base_delay_s < 0 or self.retry_max_delay_s < 0:
            raise InvalidArgumentError("retry delays cannot be negative")
        if self.unsafe_ops not in UNSAFE_OPS_MODES:
            raise InvalidArgumentError(f"unsafe_ops must be one of {_listed(UNSAFE_OPS_MODES)}")
        if self.unsafe_ops_min_rows < 0:
            raise InvalidArgumentError("unsafe_ops_min_rows cannot be negative")
        check_parallel_workers(self.parallel_workers, allow_none=True)
        large = self.large_build_warning_mb
        if large is not None and (
            isinstance(large, bool) or not isinstance(large, int) or large < 0
        ):
            raise InvalidArgumentError(
                "large_build_warning_mb must be a whole number of megabytes (or None: never "
                f"warn), got {large!r}"
            )
        idle = self.idle_in_transaction_timeout_ms
        if idle is not None and (isinstance(idle, bool) or not isinstance(idle, int) or idle <= 0):
            raise InvalidArgumentError(
                "idle_in_transaction_timeout_ms must be a positive number of milliseconds (or "
                f"None: three times lock_timeout_ms), got {idle!r}"
            )


MAX_PARALLEL_WORKERS = 1024  # PostgreSQL's own upper bound for max_parallel_maintenance_workers


def check_parallel_workers(value: object, *, allow_none: bool) -> None:
    """A worker count PostgreSQL accepts, refused before the migration touches anything."""
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        leave = " or None (leave the server's setting as it is)" if allow_none else ""
        raise InvalidArgumentError(
            f"parallel_workers must be a whole number of workers (0 builds in one process)"
            f"{leave}, got {value!r}. Nothing was changed."
        )
    if not 0 <= value <= MAX_PARALLEL_WORKERS:
        raise InvalidArgumentError(
            f"parallel_workers must be between 0 and {MAX_PARALLEL_WORKERS} (PostgreSQL's "
            f"limit for max_parallel_maintenance_workers), got {value}. Nothing was changed."
        )


_current = Settings()


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(repr(value) for value in values)


def configure(**changes: float | str | None) -> Settings:
    """Change the process-wide defaults (for example from env.py) and return the new ones."""
    global _current
    known = {field.name for field in dataclasses.fields(Settings)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise InvalidArgumentError(
            f"configure() has no setting {', '.join(map(repr, unknown))}; the settings are "
            f"{', '.join(sorted(known))}."
        )
    _current = dataclasses.replace(_current, **changes)  # type: ignore[arg-type]
    return _current


def reset() -> Settings:
    """Back to the package's defaults (a test, or a second project in one process)."""
    global _current
    _current = Settings()
    return _current


def current_settings() -> Settings:
    """The defaults in force now."""
    return _current
