"""Builders of app packages for tests (XAPK, APKM, APKS, split folders), made from the committed samples.

code-patterns.apk has two DEX files; its classes2.dex alone reads the location. Cut in two, it is a base APK
(manifest, resources, signature, classes.dex) and a feature split carrying classes2.dex as its classes.dex:
the location is found only if the audit reads the split.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

from tests.conftest import sample_apk
from tests.hostile import entries_of

PATTERNS = "org.apkaudit.sample.patterns"


def axml(tag: str, attrs: dict[str, str]) -> bytes:
    """Android's binary XML of one element with plain (namespace-less) string attributes."""
    strings: list[str] = []

    def idx(s: str) -> int:
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    for k, v in attrs.items():
        idx(k)
        idx(v)
    idx(tag)
    data, offsets = b"", []
    for s in strings:
        offsets.append(len(data))
        data += struct.pack("<H", len(s)) + s.encode("utf-16-le") + b"\0\0"
    data += b"\0" * (-len(data) % 4)
    start = 28 + 4 * len(strings)
    pool = struct.pack("<HHIIIIII", 1, 28, start + len(data), len(strings), 0, 0, start, 0)
    pool += b"".join(struct.pack("<I", o) for o in offsets) + data
    body = b"".join(struct.pack("<IIIHBBI", 0xFFFFFFFF, idx(k), idx(v), 8, 0, 3, idx(v)) for k, v in attrs.items())
    element = struct.pack("<IIIIHHHHHH", 1, 0xFFFFFFFF, 0xFFFFFFFF, idx(tag), 20, 20, len(attrs), 0, 0, 0) + body
    chunks = pool + struct.pack("<HHI", 0x0180, 8, 8)  # an empty resource map: no android: attributes
    chunks += struct.pack("<HHI", 0x0102, 16, 8 + len(element)) + element
    chunks += struct.pack("<HHIIIII", 0x0103, 16, 24, 1, 0xFFFFFFFF, 0xFFFFFFFF, idx(tag))
    return struct.pack("<HHI", 3, 8, 8 + len(chunks)) + chunks


def zip_bytes(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def split_apk(package: str, split: str, entries: dict[str, bytes] | None = None) -> bytes:
    return zip_bytes({"AndroidManifest.xml": axml("manifest", {"package": package, "split": split}), **(entries or {})})


def patterns_parts() -> tuple[bytes, bytes]:
    """(base APK, feature split APK) cut from code-patterns.apk."""
    whole = entries_of(sample_apk("code-patterns"))
    base = zip_bytes({n: d for n, d in whole.items() if n != "classes2.dex"})
    feature = split_apk(PATTERNS, "feature_second", {"classes.dex": whole["classes2.dex"]})
    return base, feature


def config_split(package: str = PATTERNS) -> bytes:
    """An ABI config split: a native library and a split manifest, no code."""
    return split_apk(package, "config.arm64_v8a", {"lib/arm64-v8a/libhello.so": b"\x7fELF" + b"\0" * 60})


def write(path: Path, entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> Path:
    path.write_bytes(zip_bytes(entries, compression))
    return path


def xapk(path: Path, base: bytes, *splits: tuple[str, bytes], extra: dict[str, bytes] | None = None) -> Path:
    manifest = {"package_name": PATTERNS, "split_apks": [{"file": "base.apk", "id": "base"}]}
    manifest["split_apks"] += [{"file": name, "id": name[:-4]} for name, _ in splits]  # type: ignore[operator]
    entries = {"manifest.json": json.dumps(manifest).encode(), "base.apk": base, **dict(splits)}
    return write(path, {**entries, "icon.png": b"\x89PNG\r\n\x1a\n", **(extra or {})})


def apks(path: Path, base: bytes, *splits: tuple[str, bytes]) -> Path:
    entries = {"toc.pb": b"\x0a\x00", "splits/base-master.apk": base}
    entries.update({f"splits/{name}": data for name, data in splits})
    entries["standalones/standalone-arm64_v8a.apk"] = base
    return write(path, entries)
