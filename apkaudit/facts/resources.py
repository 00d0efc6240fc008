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
