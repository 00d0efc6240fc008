"""The app's string resources, read once through one bounded reader for every fact that needs them.

Two views of androguard's resource table (ARSCParser, androguard 4.1.4 pinned):
- `string_entries`: (name, locale, value) of every package and locale in file order, bounded: the category
  detector (facts/category.py) and the policy-text search (facts/disclosure) read these;
- `default_strings`: (resource id, value) of the default configuration, references resolved, bounded: the URL
  values the flow analysis resolves getString calls to (`url_strings`) and the server inventory
  (analysis/servers.py) read these.
Both raise what androguard raises on a malformed table; each caller decides whether that is a note or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from apkaudit.analysis.endpoint import ENDPOINT_URL  # the flow analysis's notion of an endpoint URL

MAX_URLS = 10_000  # a hostile resource table cannot make this map, or the analysis using it, unbounded
MAX_DEFAULT_STRINGS = 200_000  # default-configuration strings looked at, whatever the table declares


class StringResource(NamedTuple):
    name: str
    locale: str  # "" for the default configuration
    value: str


def string_entries(apk: Any, limit: int) -> list[StringResource]:
    """The string resources of every package and locale of an APK opened with androguard, at most `limit`, in
    file order; none when it has no resource table."""
    arsc = apk.get_android_resources()
    if arsc is None:
        return []
    out: list[StringResource] = []
    arsc._analyse()  # androguard 4.1.4 (pinned): fills arsc.values, as resolving the label already did
    for package in arsc.get_packages_names():
        for locale, kinds in arsc.values.get(package, {}).items():
            for entry in kinds.get("string", ()):
                if len(out) >= limit:
                    return out
                if len(entry) > 1 and isinstance(entry[0], str) and isinstance(entry[1], str):
                    out.append(StringResource(entry[0], locale.strip("\x00"), entry[1]))
    return out


def default_strings(apk: Any) -> Iterator[tuple[Any, str]]:
    """(resource id, value) of the default configuration's string resources, by package then id, at most
    MAX_DEFAULT_STRINGS; none when the APK has no resource table."""
    arsc = apk.get_android_resources()
    if arsc is None:
        return
    resolved = arsc.get_resolved_strings()
    seen = 0
    for package in sorted(resolved):
        for rid, value in sorted((resolved[package].get("DEFAULT") or {}).items()):
            if seen >= MAX_DEFAULT_STRINGS:
                return
            seen += 1
            if isinstance(value, str):
                yield rid, value


def resource_name(apk: Any, rid: object) -> str:
    """'@string/name' of a resource id, for showing where a value was found."""
    try:
        name = apk.get_android_resources().get_resource_xml_name(rid)
        if name:
            text = str(name)
            return ("@" + text.split(":", 1)[1] if ":" in text else text)[:120]
    except Exception:  # noqa: BLE001 - a name is a nicety
        pass
    return f"resource 0x{rid:08x}" if isinstance(rid, int) else "resources"


def url_strings(apk: Any) -> dict[int, str]:
    """{resource id: value} of the string resources whose default-configuration value is a URL.

    androguard resolves ids to values (ARSCParser.get_resolved_strings); a locale other than the default is
    not used: endpoints do not change with the phone's language. A table androguard cannot read gives none.
    """
    out: dict[int, str] = {}
    try:
        for rid, value in default_strings(apk):
            if isinstance(rid, int) and ENDPOINT_URL.match(value.strip()):
                out.setdefault(rid, value.strip())
                if len(out) >= MAX_URLS:
                    return out
    except Exception:  # noqa: BLE001 - androguard raises many kinds on a malformed table; the label read it already
        return {}
    return out


_STRING_TYPE = 3  # Res_value::TYPE_STRING


def raw_string_prefix(apk: Any, reference: str, limit: int) -> str | None:
    """The first `limit` characters of the string resource `reference` ("@7F020000") read from the raw pool.

    androguard gives "" for a UTF-8 pool string whose length does not fit the pool's 15-bit length field (aapt
    writes it anyway: a label of tens of thousands of characters): its reader then finds no terminator where
    the length says. Here the bytes are read from the string's start up to its terminator, at most 4 bytes a
    character, and decoded leniently. None when the reference is not a string of a UTF-8 pool.
    """
    if not reference.startswith("@"):
        return None
    arsc = apk.get_android_resources()
    if arsc is None:
        return None
    configs = arsc.get_res_configs(int(reference[1:], 16))
    if not configs:
        return None
    value = configs[0][1].key  # the default (first) configuration's value
    pool = arsc.stringpool_main
    if value.get_data_type() != _STRING_TYPE or not pool.m_isUTF8 or value.get_data() >= len(pool.m_stringOffsets):
        return None
    buffer = pool.m_charbuff
    start = pool.m_stringOffsets[value.get_data()]
    for _ in range(2):  # the UTF-16 length, then the UTF-8 length: one byte, or two when the high bit is set
        start += 2 if start < len(buffer) and buffer[start] & 0x80 else 1
    raw = bytes(buffer[start : start + 4 * limit])
    end = raw.find(b"\0")
    text = raw[: end if end >= 0 else len(raw)].decode("utf-8", errors="ignore")
    return text[:limit] or None


MAX_LAYOUTS = 4_000  # layout files read for android:onClick handlers
MAX_LAYOUT_BYTES = 32 * 1024 * 1024


def layouts(archive: Any) -> list[bytes]:
    """The compiled layout files (res/layout*/), bounded: where android:onClick names the activity methods a
    button runs (analysis/code.py reads their string pools for the names of the app's click handlers)."""
    out: list[bytes] = []
    total = 0
    for name in archive.names:
        if not (name.startswith("res/layout") and name.endswith(".xml")) or len(out) >= MAX_LAYOUTS:
            continue
        if archive.encrypted(name):
            continue
        data = archive.read(name)
        if data is not None:
            total += len(data)
            if total > MAX_LAYOUT_BYTES:
                break
            out.append(data)
    return out
