"""Opening an APK safely: the one place that reads the archive, with caps on what it will inflate.

The central directory and local headers are parsed by apkInspector (the parser androguard itself uses,
which tolerates the header tampering Android tolerates). Inflating is ours: apkInspector and androguard
call ``zlib.decompress`` with no limit, so one zip bomb would take the whole batch down. Nothing is ever
extracted to disk.
"""

from __future__ import annotations

import hashlib
import io
import logging
import posixpath
import re
import struct
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import apkInspector
from apkInspector.headers import ZipEntry

from apkaudit.errors import BadApkError
from apkaudit.files import read_regular

# apkInspector logs every oddity of a tampered zip through the root logger (and configures it at import);
# a user of apkaudit sees our messages only: tampering is reported in the analysis notes (facts/tamper.py).
_APKINSPECTOR_DIR = str(Path(apkInspector.__file__).resolve().parent)
logging.getLogger().addFilter(lambda record: not str(Path(record.pathname).resolve()).startswith(_APKINSPECTOR_DIR))

MANIFEST = "AndroidManifest.xml"
_DEX_NAME = re.compile(r"^classes(\d*)\.dex$")


@dataclass(frozen=True)
class Limits:
    """Ceilings on what opening one APK may cost. Each is stated in the report when it is hit."""

    max_file_bytes: int = 1 << 30  # the APK file itself
    max_entry_bytes: int = 256 << 20  # inflated size of any one entry we read
    max_total_bytes: int = 1 << 30  # inflated bytes over all entries read from one APK
    max_ratio: int = 200  # inflated/compressed, checked once an entry passes ratio_floor bytes
    ratio_floor: int = 1 << 20  # small entries may compress very well (XML, zero-filled tables)
    max_entries: int = 200_000
    max_path_depth: int = 64  # folders in an entry name; deeper entries are left out, with a note
    max_name_bytes: int = 1024  # length of an entry name; longer entries are left out, with a note
    max_dex_files: int = 100  # classes*.dex read; more are left out and coverage is `partial`
    max_dex_bytes: int = 128 << 20  # inflated size of one DEX; a larger one is left out, coverage `partial`
    max_dex_strings: int = 4_000_000  # string ids in one DEX (real apps: up to ~500k)
    max_dex_methods: int = 1 << 16  # method ids in one DEX: all that invoke instructions can address
    max_analysis_seconds: float = 150.0  # code analysis; past it flows are dropped, then code, coverage `partial`


DEFAULT_LIMITS = Limits()


def _is_traversal(name: str) -> bool:
    if ".." not in name and name[1:2] != ":" and not name.startswith(("/", "\\")):
        return False  # the usual name, decided without regexes (an APK has thousands of entries)
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    parts = re.split(r"[\\/]", name)
    return ".." in parts or posixpath.normpath(name).startswith("../")


@dataclass
class Budget:
    """Inflated bytes spent so far: one per APK, or one shared by an app package and every APK inside it."""

    spent: int = 0


@dataclass
class ApkArchive:
    """An APK held in memory, read entry by entry within `limits`."""

    path: str
    data: bytes
    sha256: str
    limits: Limits
    _zip: ZipEntry
    notes: list[str] = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)  # counted against limits.max_total_bytes
    _failed: dict[str, str] = field(default_factory=dict)  # entry -> why it cannot be read: tried once only
    deadline: float | None = None  # time.monotonic() past which the analysis stages stop (set by the audit)

    @property
    def _inflated_total(self) -> int:
        return self.budget.spent

    @_inflated_total.setter
    def _inflated_total(self, value: int) -> None:
        self.budget.spent = value

    def seconds_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    @classmethod
    def open(cls, path: str | Path, limits: Limits = DEFAULT_LIMITS) -> ApkArchive:
        """Read and index an APK; raise BadApkError for anything that cannot be audited."""
        # a FIFO or device is refused unread, and the cap is on what is read (a device's st_size is 0)
        data = read_regular(path, limits.max_file_bytes, BadApkError, "file")
        return cls.from_bytes(data, str(path), limits)

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        path: str = "<bytes>",
        limits: Limits = DEFAULT_LIMITS,
        *,
        budget: Budget | None = None,
        apk: bool = True,
    ) -> ApkArchive:
        """Index a zip held in memory: an APK, or (`apk=False`) any zip, such as an app package (package.py).

        `budget` is shared with the archive this one was read from: the inflation limits hold for both together.
        """
        if not data.startswith(b"PK"):
            raise BadApkError(f"{path}: not an APK (not a zip archive)")
        try:
            parsed = ZipEntry.parse(io.BytesIO(data), True)
        except Exception as exc:  # apkInspector raises bare ValueError/struct.error/KeyError on broken zips
            raise BadApkError(f"{path}: not an APK (broken zip structure: {exc})") from None
        entries = parsed.infolist()
        if len(entries) > limits.max_entries:
            raise BadApkError(f"{path}: {len(entries)} zip entries, over the {limits.max_entries}-entry limit")
        _read_zip64(parsed, data)
        tampering: list[str] = []
        # apkaudit never extracts, so a name that climbs out of its folder cannot hurt it: noted and left out
        bad = sorted(n for n in entries if _is_traversal(n))
        for name in bad:
            del entries[name]
        if bad:
            shown = ", ".join(map(repr, bad[:3]))
            tampering.append(f"{len(bad)} zip entries with a path-traversal or absolute name, left out: {shown}")
        tampering += _overlapping(entries, parsed)
        odd = sorted(
            n
            for n in entries
            if len(n.encode("utf-8", "replace")) > limits.max_name_bytes or n.count("/") > limits.max_path_depth
        )
        for name in odd:  # Android has no use for them; reading them is how a parser is made to choke
            del entries[name]
        if apk and MANIFEST not in entries:
            raise BadApkError(f"{path}: not an APK (no {MANIFEST} in the zip)")
        archive = cls(path, data, hashlib.sha256(data).hexdigest(), limits, parsed)
        if budget is not None:
            archive.budget = budget
        archive.notes.extend(f"tampering: {t}" for t in tampering)
        if odd:
            archive.notes.append(
                f"left out {len(odd)} zip entries whose names are over {limits.max_name_bytes} bytes "
                f"or {limits.max_path_depth} folders deep, e.g. {odd[0][:80]!r}"
            )
        archive._note_suspicious_entries()
        return archive

    # -- entries -----------------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        return sorted(self._zip.infolist())

    def dex_names(self) -> list[str]:
        """classes.dex, classes2.dex, ... in the order Android loads them."""
        found = [(int(m.group(1) or 1), n) for n in self._zip.infolist() if (m := _DEX_NAME.match(n))]
        return [n for _, n in sorted(found)]

    def declared_size(self, name: str) -> int:
        return int(self._zip.infolist()[name].uncompressed_size)

    def encrypted(self, name: str) -> bool:
        """Whether the entry is marked encrypted (general purpose flag bit 0): its bytes cannot be read."""
        return bool(int(self._zip.infolist()[name].general_purpose_bit_flag) & 1)

    def read(self, name: str, *, required: bool = False) -> bytes | None:
        """Inflate one entry within the limits.

        An entry over a limit is skipped with a note, or, when the audit cannot go on without it
        (`required`), refused with BadApkError.
        """
        if name not in self._zip.infolist():
            if required:
                raise BadApkError(f"{self.path}: entry {name!r} missing")
            return None
        if name in self._failed:  # inflated once already and failed: not again, and not noted twice
            if required:
                raise BadApkError(f"{self.path}: entry {name!r} {self._failed[name]}")
            return None
        try:
            return self._inflate(name)
        except _OverLimit as exc:
            self._failed[name] = f"{exc} (possible zip bomb)"
            message = f"{self.path}: entry {name!r} {exc} (possible zip bomb)"
            if required:
                raise BadApkError(message) from None
            self.notes.append(f"skipped zip entry {name!r}: {exc}")
            return None
        except (zlib.error, ValueError, KeyError) as exc:
            self._failed[name] = f"cannot be inflated ({exc})"
            if required:
                raise BadApkError(f"{self.path}: entry {name!r} cannot be inflated ({exc})") from None
            self.notes.append(f"skipped zip entry {name!r}: cannot be inflated ({exc})")
            return None

    def read_texts(
        self, names: Sequence[str], each: int, total: int, skipped: Callable[[str, int], str], notes: list[str]
    ) -> Iterator[tuple[str, str]]:
        """(name, text) of each entry of `names` as UTF-8 (bad bytes replaced), at most `each` bytes an entry and
        `total` in all (by declared size); an entry past either is skipped with the note `skipped(name, size)`.
        An entry that cannot be read (over a cap, broken) is left out: the archive noted why."""
        used = 0
        for name in names:
            size = self.declared_size(name)
            if size > each or used + size > total:
                notes.append(skipped(name, size))
                continue
            try:
                data = self.read(name)
            except Exception:  # noqa: BLE001 - over a cap or broken: the archive noted it
                continue
            if not data:
                continue
            used += len(data)
            yield name, data[:each].decode("utf-8", "replace")

    def read_head(self, name: str, size: int) -> bytes:
        """The first `size` bytes of an entry (fewer if it is shorter), inflating no more than that.

        For sniffing file types and sampling content without paying for whole entries. An entry that
        cannot be inflated gives b"" (nothing is noted: a full `read` of it would note the problem).
        """
        central = self._zip.infolist().get(name)
        local = self._local_header(name) if central is not None else None
        if central is None or local is None or size <= 0:
            return b""
        offset = central.relative_offset_of_local_file_header + 30 + local.file_name_length
        offset += local.extra_field_length
        compressed_size = local.compressed_size or central.compressed_size
        uncompressed_size = local.uncompressed_size or central.uncompressed_size
        if local.compression_method == 0 or (local.compression_method != 8 and compressed_size == uncompressed_size):
            out = self.data[offset : offset + min(size, uncompressed_size)]
        else:
            try:
                packed = memoryview(self.data)[offset : offset + compressed_size]
                out = zlib.decompressobj(-15).decompress(packed, size)
            except zlib.error:
                return b""
        self._inflated_total += len(out)
        return bytes(out)

    def _local_header(self, name: str) -> _LocalHeader | None:
        """The local header at the central directory's offset, as Android finds it.

        apkInspector files local headers under their own (possibly spoofed) name; a local header whose
        name disagrees with the central directory is still the one Android reads.
        """
        local: _LocalHeader | None = self._zip.local_headers.get(name)
        if local is not None:
            return local
        offset = self._zip.infolist()[name].relative_offset_of_local_file_header
        if self.data[offset : offset + 4] != b"PK\x03\x04" or offset + 30 > len(self.data):
            return None
        fields = struct.unpack_from("<HHHHHIIIHH", self.data, offset + 4)
        return _LocalHeader(fields[2], fields[6], fields[7], fields[8], fields[9])

    def _inflate(self, name: str) -> bytes:
        central = self._zip.infolist()[name]
        local = self._local_header(name)
        if local is None:
            raise ValueError("local header missing")
        offset = central.relative_offset_of_local_file_header + 30 + local.file_name_length
        offset += local.extra_field_length
        compressed_size = local.compressed_size or central.compressed_size
        uncompressed_size = local.uncompressed_size or central.uncompressed_size
        method = local.compression_method
        budget = min(self.limits.max_entry_bytes, self.limits.max_total_bytes - self._inflated_total)
        if method == 0 or (method != 8 and compressed_size == uncompressed_size):
            # STORED, or a spoofed method on stored data: Android reads these as stored.
            out = self.data[offset : offset + uncompressed_size]
            if len(out) > budget:
                raise _OverLimit(f"is {len(out)} bytes, over the {budget}-byte limit")
        else:
            # DEFLATE, or a spoofed method on deflated data: Android inflates these.
            compressed = self.data[offset : offset + compressed_size]
            return self._bounded_inflate(compressed, budget)
        self._inflated_total += len(out)
        return bytes(out)

    def _bounded_inflate(self, compressed: bytes, budget: int) -> bytes:
        inflater = zlib.decompressobj(-15)
        chunks: list[bytes] = []
        produced = 0
        step = 1 << 20
        tail = compressed
        while True:
            chunk = inflater.decompress(tail, step)
            produced += len(chunk)
            self._inflated_total += len(chunk)  # counted as it is made: a failed inflation costs the APK too
            chunks.append(chunk)
            if produced > budget:
                raise _OverLimit(f"inflates past the {budget}-byte limit")
            if produced > self.limits.ratio_floor and produced > self.limits.max_ratio * max(len(compressed), 1):
                raise _OverLimit(f"inflates past a {self.limits.max_ratio}:1 compression ratio")
            tail = inflater.unconsumed_tail
            if inflater.eof or not tail and not chunk:
                break
        if not inflater.eof:
            tail_bytes = inflater.flush()
            produced += len(tail_bytes)
            self._inflated_total += len(tail_bytes)
            if produced > budget:
                raise _OverLimit(f"inflates past the {budget}-byte limit")
            chunks.append(tail_bytes)
        return b"".join(chunks)

    def _note_suspicious_entries(self) -> None:
        """Entries whose declared sizes betray a bomb are noted now, even if the audit never reads them."""
        for name, info in sorted(self._zip.infolist().items()):
            size, packed = int(info.uncompressed_size), int(info.compressed_size)
            if size > self.limits.max_entry_bytes:
                self.notes.append(f"zip entry {name!r} declares {size} bytes, over the per-entry limit: not read")
            elif size > self.limits.ratio_floor and size > self.limits.max_ratio * max(packed, 1):
                self.notes.append(
                    f"zip entry {name!r} declares a {size // max(packed, 1)}:1 compression ratio "
                    "(possible zip bomb): not read"
                )


_ZIP64_MARK = 0xFFFFFFFF


def _read_zip64(parsed: ZipEntry, data: bytes) -> None:
    """Sizes and offsets a central record leaves at 0xFFFFFFFF, read from its Zip64 extra field (id 1) in the
    order the zip format gives them, as Android does; a local header's 0xFFFFFFFF sizes take the central ones."""
    for name, entry in parsed.infolist().items():
        wanted = [f for f in ("uncompressed_size", "compressed_size") if getattr(entry, f) == _ZIP64_MARK]
        if entry.relative_offset_of_local_file_header == _ZIP64_MARK:
            wanted.append("relative_offset_of_local_file_header")
        if not wanted:
            continue
        start = int(entry.offset_in_central_directory) + 46 + int(entry.file_name_length)
        extra = data[start : start + int(entry.extra_field_length)]  # apkInspector keeps it as text
        pos = 0
        while pos + 4 <= len(extra):
            tag, size = struct.unpack_from("<HH", extra, pos)
            if tag == 1:
                values = extra[pos + 4 : pos + 4 + size]
                for n, key in enumerate(wanted[: len(values) // 8]):
                    setattr(entry, key, struct.unpack_from("<Q", values, 8 * n)[0])
                break
            pos += 4 + size
        local = parsed.local_headers.get(name)
        if local is not None:
            for key in ("uncompressed_size", "compressed_size"):
                if getattr(local, key) == _ZIP64_MARK:
                    setattr(local, key, getattr(entry, key))


def _overlapping(entries: dict[str, object], parsed: ZipEntry) -> list[str]:
    """Central records that point at one local entry: the one named by the local header (else the first) is
    kept, the others are left out and named as tampering (each would inflate the same bytes again)."""
    by_offset: dict[int, list[str]] = {}
    for name, entry in entries.items():
        by_offset.setdefault(int(getattr(entry, "relative_offset_of_local_file_header", -1)), []).append(name)
    dropped: list[str] = []
    for names in by_offset.values():
        if len(names) < 2:
            continue
        keep = next((n for n in names if n in parsed.local_headers), names[0])
        dropped += [n for n in names if n != keep]
    for name in dropped:
        del entries[name]
    if not dropped:
        return []
    shown = ", ".join(repr(n) for n in sorted(dropped)[:3])
    return [f"{len(dropped)} zip entries point at the local entry of another one, left out: {shown}"]


@dataclass(frozen=True)
class _LocalHeader:
    """The fields of a local file header that locate and size its data (apkInspector's names)."""

    compression_method: int
    compressed_size: int
    uncompressed_size: int
    file_name_length: int
    extra_field_length: int


class _OverLimit(Exception):
    pass


class BoundedZip(ZipEntry):
    """apkInspector's ZipEntry whose `read` goes through ApkArchive's caps, handed to androguard."""

    def __init__(self, archive: ApkArchive) -> None:
        z = archive._zip
        super().__init__(z.zip, z.eocd, z.central_directory, z.local_headers)
        self._archive = archive

    def read(self, name: str, save: bool = False) -> bytes:  # noqa: ARG002 - signature of the parent
        data = self._archive.read(name)
        if data is None:
            raise KeyError(name)
        return data

    def namelist(self) -> list[str]:
        # apkInspector's namelist turns every central directory entry into a dict first (2% of an ApiDemos audit,
        # for androguard's one look for resources.arsc): the same names, in the same order
        return list(self.central_directory.entries)
