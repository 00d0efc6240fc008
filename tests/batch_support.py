"""Helpers for the batch tests: distinct copies of real APKs, and places that cannot be written."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest


def distinct_copy(src: Path, dst: Path, tag: str) -> Path:
    """A copy of an APK with different bytes (a tag in the zip comment): the same app, another SHA-256."""
    data = src.read_bytes()
    eocd = data.rfind(b"PK\x05\x06")
    assert eocd != -1, src
    old = int.from_bytes(data[eocd + 20 : eocd + 22], "little")
    comment = data[eocd + 22 : eocd + 22 + old] + tag.encode()
    dst.write_bytes(data[: eocd + 20] + len(comment).to_bytes(2, "little") + comment)
    return dst


def in_tiny_mount(tmp_path: Path, options: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run command with `tmp_path/mnt` a fresh tmpfs mounted with options, in a private mount namespace (root only)."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare to mount a small file system")
    mnt = tmp_path / "mnt"
    mnt.mkdir(exist_ok=True)
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here")
    script = f'mount -t tmpfs -o {options} tmpfs "{mnt}" && exec "$@"'
    proc = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", *command], capture_output=True, text=True, check=False, timeout=120
    )
    if "mount:" in proc.stderr and proc.returncode != 0 and "apkaudit" not in proc.stderr:
        pytest.skip(f"cannot mount tmpfs: {proc.stderr.strip()}")
    return proc


def memory_hog_apk(path: Path, good: Path, mib: int) -> Path:
    """A real app plus a second DEX that inflates to `mib` MiB at a ratio under the zip-bomb limit: reading it
    costs that much memory before anything can tell it is not a DEX."""
    block = b"\0" * (150 << 10)
    data = b"".join(os.urandom(1024) + block for _ in range((mib << 20) // (len(block) + 1024)))
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for name in src.namelist():
            out.writestr(name, src.read(name))
        out.writestr("classes2.dex", data)
    return path
