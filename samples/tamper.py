#!/usr/bin/env python3
"""Build one tampered APK per evasion trick from a clean sample: samples/tampered/<trick>.apk.

Malware authors tamper with the zip structure and the binary manifest of their APKs so that analysers crash
or skip them while Android still installs them. Each output here applies one trick to
samples/apk/harvest-loan.apk (a lending app that harvests contacts), byte by byte, so the tests can check
that apkaudit reads what Android reads and notes the tampering. Deterministic: the same input gives the
same bytes. Usage: python samples/tamper.py [CLEAN.apk] [OUT_DIR]
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "apk" / "harvest-loan.apk"
DECOY = HERE / "apk" / "compliant-loan.apk"
OUT = HERE / "tampered"
MANIFEST = "AndroidManifest.xml"

LOCAL, CENTRAL, END = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"


def _end_offset(data: bytes) -> int:
    return data.rindex(END)


def _central_headers(data: bytes) -> list[tuple[int, str, int]]:
    """(offset, name, local header offset) of each central directory record."""
    end = _end_offset(data)
    pos = struct.unpack_from("<I", data, end + 16)[0]
    out = []
    while data[pos : pos + 4] == CENTRAL:
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        name = data[pos + 46 : pos + 46 + n].decode()
        out.append((pos, name, struct.unpack_from("<I", data, pos + 42)[0]))
        pos += 46 + n + m + k
    return out


def _put16(buf: bytearray, off: int, value: int) -> None:
    struct.pack_into("<H", buf, off, value)


def spoofed_compression(data: bytes) -> bytes:
    """Every entry claims compression method 0x1337; Android reads deflated data as deflated anyway."""
    buf = bytearray(data)
    for cd, _name, lh in _central_headers(data):
        _put16(buf, cd + 10, 0x1337)
        _put16(buf, lh + 8, 0x1337)
    return bytes(buf)


def encryption_flag(data: bytes) -> bytes:
    """Every entry sets the "encrypted" bit (0) of its flags; Android ignores it, many tools give up."""
    buf = bytearray(data)
    for cd, _name, lh in _central_headers(data):
        _put16(buf, cd + 8, buf[cd + 8] | 1 | buf[cd + 9] << 8)
        _put16(buf, lh + 6, buf[lh + 6] | 1 | buf[lh + 7] << 8)
    return bytes(buf)


def header_mismatch(data: bytes) -> bytes:
    """Local headers disagree with the central directory (names, versions, times); Android trusts the central one."""
    buf = bytearray(data)
    for _cd, name, lh in _central_headers(data):
        _put16(buf, lh + 4, 0x0A)  # version needed to extract
        _put16(buf, lh + 10, 0x1234)  # modification time
        if name != MANIFEST:
            n = struct.unpack_from("<H", data, lh + 26)[0]
            buf[lh + 30 : lh + 30 + n] = bytes(
                c ^ 0x20 if 0x61 <= c <= 0x7A else c for c in data[lh + 30 : lh + 30 + n]
            )
    return bytes(buf)


def duplicate_entry(data: bytes) -> bytes:
    """A second classes.dex (a harmless app's code) appended: tools disagree about which one is the code."""
    with zipfile.ZipFile(DECOY) as z:
        decoy = z.read("classes.dex")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info, body in entries:
            z.writestr(info, body, compress_type=info.compress_type)
        fake = zipfile.ZipInfo("classes.dex", date_time=entries[0][0].date_time)
        with _quiet():
            z.writestr(fake, decoy, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def two_end_records(data: bytes) -> bytes:
    """A fake end-of-central-directory record stored in an asset, for tools that take the first one they find."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        fake = zipfile.ZipInfo("assets/end.bin", date_time=entries[0][0].date_time)
        z.writestr(fake, END + b"\x00" * 18, compress_type=zipfile.ZIP_STORED)
        for info, body in entries:
            z.writestr(info, body, compress_type=info.compress_type)
    return out.getvalue()


def _rezip(data: bytes, manifest: bytes) -> bytes:
    """The same APK with another AndroidManifest.xml, other entries copied as they were."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = manifest if info.filename == MANIFEST else src.read(info.filename)
            dst.writestr(info, body, compress_type=info.compress_type)
    return out.getvalue()


def _manifest(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(MANIFEST)


def bogus_string_pool(data: bytes) -> bytes:
    """The manifest's string pool claims more strings than it holds (a classic AXML parser crash)."""
    axml = bytearray(_manifest(data))
    assert struct.unpack_from("<H", axml, 8)[0] == 0x0001, "string pool expected right after the XML header"
    count = struct.unpack_from("<I", axml, 16)[0]
    struct.pack_into("<I", axml, 16, count + 0x40)
    return _rezip(data, bytes(axml))


def unknown_chunk(data: bytes) -> bytes:
    """An unknown chunk type (0x0666) inserted between the manifest's resource map and its first element."""
    axml = bytearray(_manifest(data))
    pos = 8
    while pos < len(axml):
        kind, _hsize, size = struct.unpack_from("<HHI", axml, pos)
        if kind == 0x0180:  # resource map: the unknown chunk goes after it
            pos += size
            break
        pos += size
    chunk = struct.pack("<HHI", 0x0666, 8, 16) + b"\xde\xad\xbe\xef" * 2
    axml[pos:pos] = chunk
    struct.pack_into("<I", axml, 4, len(axml))
    return _rezip(data, bytes(axml))


def junk_between_elements(data: bytes) -> bytes:
    """Junk bytes (not a chunk) between the manifest's resource map and its first element."""
    axml = bytearray(_manifest(data))
    pos = 8
    while pos < len(axml):
        kind, _hsize, size = struct.unpack_from("<HHI", axml, pos)
        pos += size
        if kind == 0x0180:
            break
    axml[pos:pos] = b"\xff\xff\x00\x00" * 2
    struct.pack_into("<I", axml, 4, len(axml))
    return _rezip(data, bytes(axml))


class _quiet:
    """zipfile warns about the duplicate name it is asked to write on purpose."""

    def __enter__(self) -> None:
        import warnings

        self._w = warnings.catch_warnings()
        self._w.__enter__()
        warnings.simplefilter("ignore")

    def __exit__(self, *exc: object) -> None:
        self._w.__exit__(*exc)


TRICKS: dict[str, Callable[[bytes], bytes]] = {
    "spoofed-compression": spoofed_compression,
    "encryption-flag": encryption_flag,
    "header-mismatch": header_mismatch,
    "duplicate-entry": duplicate_entry,
    "two-end-records": two_end_records,
    "bogus-string-pool": bogus_string_pool,
    "unknown-chunk": unknown_chunk,
    "junk-between-elements": junk_between_elements,
}


def main(argv: list[str]) -> int:
    clean = Path(argv[0]) if argv else CLEAN
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    data = clean.read_bytes()
    for name, trick in TRICKS.items():
        (out / f"{name}.apk").write_bytes(trick(data))
        print(f"{out / name}.apk")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
