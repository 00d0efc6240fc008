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


def _central_records(data: bytes) -> tuple[int, list[bytearray], bytes]:
    """(offset of the central directory, its records, the end record) of a zip without a comment."""
    import struct

    eocd = data.rfind(b"PK\x05\x06")
    count, _, start = struct.unpack_from("<HII", data, eocd + 10)
    records, pos = [], start
    for _ in range(count):
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        records.append(bytearray(data[pos : pos + 46 + n + m + k]))
        pos += 46 + n + m + k
    return start, records, data[eocd:]


def _rebuild(data: bytes, start: int, records: list[bytearray], eocd: bytes) -> bytes:
    import struct

    central = b"".join(records)
    end = bytearray(eocd)
    struct.pack_into("<HHII", end, 8, len(records), len(records), len(central), start)
    return data[:start] + central + bytes(end)


def zip64_central(data: bytes, name: str) -> bytes:
    """The zip with `name`'s central record in standard Zip64 form: sizes 0xFFFFFFFF, the real ones in a
    Zip64 extra field (what zip tools write for big entries, and some write always)."""
    import struct

    start, records, eocd = _central_records(data)
    for rec in records:
        n, m = struct.unpack_from("<HH", rec, 28)
        if rec[46 : 46 + n].decode() != name:
            continue
        packed, size = struct.unpack_from("<II", rec, 20)
        extra = struct.pack("<HHQQ", 1, 16, size, packed)
        struct.pack_into("<II", rec, 20, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<H", rec, 30, m + len(extra))
        rec[46 + n + m : 46 + n + m] = extra
    return _rebuild(data, start, records, eocd)


def overlapping_central(data: bytes, name: str, copies: int) -> bytes:
    """The zip with `copies` more central records, under other names, pointing at `name`'s local entry."""
    import struct

    start, records, eocd = _central_records(data)
    original = next(r for r in records if r[46 : 46 + struct.unpack_from("<H", r, 28)[0]].decode() == name)
    n = struct.unpack_from("<H", original, 28)[0]
    for i in range(copies):
        alias = f"assets/copy{i:04d}".encode()
        rec = bytearray(original[:46]) + alias + original[46 + n :]
        struct.pack_into("<H", rec, 28, len(alias))
        records.append(rec)
    return _rebuild(data, start, records, eocd)
