"""Signs that an APK's zip structure or binary manifest was tampered with to break analysers.

Android installs APKs whose zip headers lie (a compression method it does not know, the encryption flag
set, local and central headers that disagree, duplicate names) and whose binary XML carries a bogus string
pool or unknown chunks; analysers that trust the headers crash or skip them. apkaudit parses them as
Android does (apkInspector, in apk.py) and reports each trick here as evidence of intent to evade. The
checks are apkInspector's own indicators (`apkInspector.indicators`), run on the bytes already in memory;
its zip checks are re-assembled from its pieces only so that nothing is inflated outside our caps.
"""

from __future__ import annotations

import io
import struct

from apkInspector.indicators import (
    detect_path_collisions,
    local_and_central_header_discrepancies,
    manifest_tampering_indicators,
)

from apkaudit.apk import MANIFEST, ApkArchive

PREFIX = "tampering: "
_MAX_MANIFEST_CHECK = 4 << 20  # apkInspector walks odd binary XML byte by byte: bigger manifests are not checked
_MAX_LISTED = 3

_MANIFEST_SIGNS = {
    "unexpected_starting_signature_of_androidmanifest": "does not start with an XML chunk",
    "string_pool": "declares a string count its string pool does not hold (bogus string pool)",
    "unexpected_attribute_size": "has attributes with a non-standard size",
    "unexpected_attribute_start": "has attributes at a non-standard offset",
    "unexpected_attribute_names": "has attributes with empty names",
    "invalid_data_between_elements": "has junk bytes between its elements",
    "zero_size_header_for_namespace_end_nodes": "has namespace-end chunks with a zero size",
    "unknown_chunk_type": "has chunks of an unknown type",
}


def notes(archive: ApkArchive) -> list[str]:
    """One note per tampering trick found, each starting with "tampering: "; [] for a clean APK."""
    return [PREFIX + n for n in _zip_notes(archive) + _manifest_notes(archive)]


def _listed(names: list[str]) -> str:
    shown = ", ".join(repr(n) for n in sorted(names)[:_MAX_LISTED])
    more = len(names) - _MAX_LISTED
    return shown + (f" and {more} more" if more > 0 else "")


def _central_names(archive: ApkArchive) -> tuple[list[str], int]:
    """Every name in the central directory, duplicates included (apkInspector keeps the last of each)."""
    data, eocd = archive.data, archive._zip.eocd
    pos = eocd.offset_of_start_of_central_directory
    names: list[str] = []
    while data[pos : pos + 4] == b"PK\x01\x02" and len(names) <= archive.limits.max_entries:
        if pos + 46 > len(data):
            break
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        names.append(data[pos + 46 : pos + 46 + n].decode("utf-8", "replace"))
        pos += 46 + n + m + k
    return names, eocd.total_number_of_central_directory_records


def _zip_notes(archive: ApkArchive) -> list[str]:
    found: list[str] = []
    z = archive._zip
    central = z.infolist()
    local = z.local_headers
    names, declared = _central_names(archive)
    seen: set[str] = set()
    duplicates = sorted({n for n in names if n in seen or seen.add(n)})  # type: ignore[func-returns-value]
    if duplicates:
        found.append(f"duplicate zip entries {_listed(duplicates)} (analysers and Android may read different ones)")
    elif declared != len(names):
        found.append(f"the zip end record declares {declared} entries, the central directory holds {len(names)}")
    if archive.data.count(b"PK\x05\x06") > 1:
        found.append("more than one zip end-of-central-directory record")
    if any(not n for n in central):
        found.append("a zip entry with an empty name")
    missing = sorted(set(central) - set(local))
    if missing:
        found.append(f"zip entries whose local header is missing or names another file: {_listed(missing)}")
    collisions = detect_path_collisions(central)
    if collisions:
        found.append(f"zip entries that use a file name as a folder: {_listed(collisions)}")
    spoofed: list[str] = []
    encrypted: list[str] = []
    differing: dict[str, list[str]] = {}
    for name in sorted(set(central) & set(local)):
        cd, lh = central[name], local[name]
        if cd.compression_method not in (0, 8) or lh.compression_method not in (0, 8):
            spoofed.append(name)
        if (cd.general_purpose_bit_flag | lh.general_purpose_bit_flag) & 1:
            encrypted.append(name)
        keys = local_and_central_header_discrepancies(vars(cd), vars(lh), False)
        if keys:
            differing[name] = keys
    if spoofed:
        found.append(
            f"zip entries with an unknown compression method (spoofed; read as Android does): {_listed(spoofed)}"
        )
    if encrypted:
        found.append(
            f"zip entries flagged as encrypted though they are not (Android ignores the flag): {_listed(encrypted)}"
        )
    if differing:
        fields = sorted({k for keys in differing.values() for k in keys})
        found.append(f"local and central zip headers disagree ({', '.join(fields)}) for {_listed(list(differing))}")
    return found


def _manifest_notes(archive: ApkArchive) -> list[str]:
    if archive.declared_size(MANIFEST) > _MAX_MANIFEST_CHECK:
        return []
    data = archive.read_head(MANIFEST, _MAX_MANIFEST_CHECK + 1)
    if not data or len(data) > _MAX_MANIFEST_CHECK:
        return []
    try:
        signs = manifest_tampering_indicators(io.BytesIO(data))
    except Exception as exc:  # apkInspector's binary XML parser raises anything on broken input
        return [f"{MANIFEST} binary XML could not be checked for tampering ({type(exc).__name__})"]
    return [
        f"{MANIFEST} {_MANIFEST_SIGNS.get(key, key)}" for key in sorted(signs) if key in _MANIFEST_SIGNS or signs[key]
    ]
