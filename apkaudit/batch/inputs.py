"""The apps a batch is given: APK files, app packages (*.xapk, *.apkm, *.apks), folders of split APKs (base.apk and
its splits, as `adb pull` leaves them), folders searched recursively for all of these, and text files listing paths."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from apkaudit.errors import BatchError
from apkaudit.package import PACKAGE_SUFFIXES, is_split_folder

ZIP_MAGIC = b"PK"
APP_SUFFIXES = (".apk", *PACKAGE_SUFFIXES)


def expand(args: Sequence[str]) -> list[str]:
    """Every app path the arguments name, in the order given (folders sorted), each once.

    A folder of split APKs is one app (one path); any other folder is searched. A file is an app when its name
    ends in .apk, .xapk, .apkm or .apks or it starts like a zip; any other file is a list: one path
    per line (blank lines and lines starting with # are skipped), relative paths taken from the list's folder.
    A path in a list that does not exist is kept: the batch records it as missing and goes on. A path given
    on the command line that does not exist is an error here, before any work.
    """
    seen: dict[str, None] = {}
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            found = iter([arg]) if is_split_folder(arg) else _walk(arg)
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
    if p.suffix.lower() in APP_SUFFIXES:
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
            if name.lower().endswith(APP_SUFFIXES):
                yield os.path.join(root, name)
        apps = [d for d in dirs if is_split_folder(os.path.join(root, d))]
        yield from (os.path.join(root, d) for d in apps)  # one app each: not searched further
        dirs[:] = [d for d in dirs if d not in apps]


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
            yield from [path] if is_split_folder(path) else _walk(path)
        else:
            yield path
