"""The APKs a batch is given: APK files, folders searched recursively for *.apk, and text files listing paths."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from apkaudit.errors import BatchError

ZIP_MAGIC = b"PK"


def expand(args: Sequence[str]) -> list[str]:
    """Every APK path the arguments name, in the order given (folders sorted), each once.

    A file is an APK when its name ends in .apk or it starts like a zip; any other file is a list: one path
    per line (blank lines and lines starting with # are skipped), relative paths taken from the list's folder.
    A path in a list that does not exist is kept: the batch records it as missing and goes on. A path given
    on the command line that does not exist is an error here, before any work.
    """
    seen: dict[str, None] = {}
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            found = _walk(arg)
        elif p.is_file():
            found = iter([arg]) if _is_apk(p) else _listed(p)
        elif p.exists():
            raise BatchError(f"{arg}: not a file or folder")
        else:
            raise BatchError(f"{arg}: no such file or folder")
        for path in found:
            seen.setdefault(path, None)
    return list(seen)


def _is_apk(p: Path) -> bool:
    if p.suffix.lower() == ".apk":
        return True
    try:
        with p.open("rb") as fh:
            return fh.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    except OSError as exc:
        raise BatchError(f"{p}: cannot read: {exc.strerror or exc}") from None


def _walk(folder: str) -> Iterator[str]:
    def failed(exc: OSError) -> None:
        raise BatchError(f"{exc.filename}: cannot list folder: {exc.strerror or exc}")

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".apk"):
                yield os.path.join(root, name)


def _listed(listing: Path) -> Iterator[str]:
    try:
        text = listing.read_bytes().decode("utf-8")
    except OSError as exc:
        raise BatchError(f"{listing}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BatchError(f"{listing}: neither an APK (no zip header) nor a UTF-8 text list of paths") from None
    base = listing.parent
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if "\0" in entry:
            raise BatchError(f"{listing}:{number}: not a path (NUL character)")
        path = entry if os.path.isabs(entry) else str(base / entry)
        if os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path
