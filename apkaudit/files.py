"""The one place apkaudit reads an input file or writes an output path.

Inputs are regular files only: a FIFO, a device or a folder named as an input is refused before anything
is read from it (a FIFO is opened non-blocking, so naming one never hangs), and no more than a stated
number of bytes is ever read, whatever the file declares.

Outputs: `-o -` (or /dev/stdout) is standard output; a device or FIFO (or a symlink to one) is written
through, never replaced; anything else is a regular file written all or nothing (a temporary file in the
same folder, then renamed over the target) with the mode a new file gets under the umask. An output path
that is one of the command's inputs is refused. A site folder is built beside its target and swapped in.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from apkaudit.errors import ApkAuditError

STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
SITE_MARKER = ".apkaudit-site"  # written at the top of every site folder: `site -o` may replace such a folder


class OutputError(ApkAuditError):
    """An output path that apkaudit will not write to."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str], error: type[ApkAuditError] = ApkAuditError, what: str = "file") -> int:
    """A read-only descriptor on a regular file; anything else raises `error` with a one-line message."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise error(f"{path}: is {_kind(mode)}, not a regular file")
    return fd


def read_regular(
    path: str | os.PathLike[str], limit: int, error: type[ApkAuditError] = ApkAuditError, what: str = "file"
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (at most limit + 1 are read to tell)."""
    fd = open_regular(path, error, what)
    try:
        # read(limit + 1) would allocate limit + 1 bytes up front: read what the file holds, in pieces
        chunks = []
        left = limit + 1
        with os.fdopen(fd, "rb", closefd=False) as fh:
            while left > 0 and (chunk := fh.read(min(left, max(os.fstat(fd).st_size + 1, 1 << 16)))):
                chunks.append(chunk)
                left -= len(chunk)
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(f"{path}: {what} is over the {limit}-byte limit")
    return data


def check_regular(path: str | os.PathLike[str], error: type[ApkAuditError] = ApkAuditError) -> None:
    """Refuse anything but a readable regular file, without reading it."""
    os.close(open_regular(path, error))


# -- outputs -------------------------------------------------------------------------------------------------


def hash_file(digest: Any, path: Path) -> None:
    """Add a file's bytes to a hashlib digest, 64 KB at a time: a megabyte-sized buffer read whole and freed at
    once leaves glibc's mmap threshold raised, and the audit's later arrays then fragment its heap (the compiled
    APKiD rules, 4.7 MB, raised one audit's peak by 3 MB; androguard's twelve permission tables by 4 MB)."""
    with path.open("rb") as fh:
        while piece := fh.read(1 << 16):
            digest.update(piece)


def is_stdout(output: str | None) -> bool:
    return output is None or output in STDOUT_NAMES


def new_file_mode() -> int:
    """0o666 less the umask: the mode `open()` gives a new file (mkstemp's 0600 is not what a user expects)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_output(output: str | None, inputs: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Refuse an output path that would destroy an input, name a folder, or sit in a missing folder."""
    if is_stdout(output):
        return
    assert output is not None
    for source in inputs:
        if _same_file(output, os.fspath(source)):
            raise OutputError(f"{output}: is the input {os.fspath(source)}; refusing to write over it")
    try:
        st = os.stat(output)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{output}: is a folder, not a file")
    if st is not None and stat.S_ISSOCK(st.st_mode):
        raise OutputError(f"{output}: is a socket, not a file")
    if st is None or stat.S_ISREG(st.st_mode):
        folder = os.path.dirname(os.path.realpath(output)) or "."
        if not os.path.isdir(folder):
            raise OutputError(f"{output}: folder {os.path.dirname(output)!r} does not exist")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(f"{output}: folder {os.path.dirname(output) or '.'!r} is not writable")


def write_output(
    output: str | None,
    chunks: Iterable[str],
    inputs: Sequence[str | os.PathLike[str]] = (),
    *,
    errors: str = "strict",
    newline: str | None = None,
) -> bool:
    """Write `chunks` to `output` (see the module docs); False when it is standard output (the caller echoes)."""
    check_output(output, inputs)
    if is_stdout(output):
        return False
    assert output is not None
    try:
        st: os.stat_result | None = os.stat(output)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):  # a device or FIFO: written through, never replaced
        with open(output, "w", encoding="utf-8", errors=errors, newline=newline) as fh:
            fh.writelines(chunks)
        return True
    target = os.path.realpath(output)  # a symlink to a regular file stays a symlink
    mode = stat.S_IMODE(st.st_mode) if st is not None else new_file_mode()
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", errors=errors, newline=newline) as fh:
            fh.writelines(chunks)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def check_site_folder(output: str) -> str:
    """Refuse a site folder that is not new, empty or an earlier apkaudit site (checked before any work)."""
    root = os.path.abspath(output)
    if os.path.lexists(root):
        if os.path.islink(root) or not os.path.isdir(root):
            raise OutputError(f"{output}: not a folder")
        listing = os.listdir(root)
        if listing and SITE_MARKER not in listing:
            raise OutputError(f"{output}: folder is not empty and is not an apkaudit site; refusing to replace it")
    parent = os.path.dirname(root)
    if not os.path.isdir(parent):
        raise OutputError(f"{output}: folder {parent!r} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{output}: folder {parent!r} is not writable")
    return root


def write_site(output: str, pages: dict[str, str]) -> int:
    """Build every page in a fresh folder beside `output` and swap it in: a reader never sees half a site.

    An existing `output` must be empty or a previous apkaudit site (it holds SITE_MARKER); its pages are
    replaced as a whole, so pages of apps no longer in the batch disappear.
    """
    root = check_site_folder(output)
    parent = os.path.dirname(root)
    tmp = tempfile.mkdtemp(dir=parent, prefix=f".{os.path.basename(root)}.", suffix=".tmp")
    old = None
    try:
        file_mode = new_file_mode()
        dir_mode = file_mode | ((file_mode & 0o444) >> 2)  # x wherever r
        os.chmod(tmp, dir_mode)
        for rel, text in {SITE_MARKER: "apkaudit site\n", **pages}.items():
            parts = rel.split("/")
            if any(part in ("", ".", "..") for part in parts):  # names come from SHA-256s and catalogue ids
                raise OutputError(f"{output}: refusing to write page {rel!r}")
            target = os.path.join(tmp, *parts)
            folder = os.path.dirname(target)
            if not os.path.isdir(folder):
                os.makedirs(folder)
                os.chmod(folder, dir_mode)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), file_mode)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
        if os.path.isdir(root):
            old = tempfile.mkdtemp(dir=parent, prefix=f".{os.path.basename(root)}.", suffix=".old")
            os.rename(root, os.path.join(old, "site"))
        os.rename(tmp, root)
    except BaseException:
        if old is not None and not os.path.exists(root):
            with contextlib.suppress(OSError):
                os.rename(os.path.join(old, "site"), root)
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return len(pages)
