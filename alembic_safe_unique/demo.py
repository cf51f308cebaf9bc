"""Placeholder."""


def run(rows: int, url: str | None, keep: bool) -> int:
    raise NotImplementedError
