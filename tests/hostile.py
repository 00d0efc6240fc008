"""Builders of small hostile APKs for tests, made in memory from a real manifest."""

from __future__ import annotations

import zipfile
from pathlib import Path


def write_zip(path: Path, entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def entries_of(apk: Path, keep=lambda n: True) -> dict[str, bytes]:
    with zipfile.ZipFile(apk) as z:
        return {n: z.read(n) for n in z.namelist() if keep(n)}
