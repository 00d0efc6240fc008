"""String resources the code analysis needs: URL values by resource id, for endpoints read with getString."""

from __future__ import annotations

from typing import Any

from apkaudit.analysis.endpoint import ENDPOINT_URL  # the flow analysis's notion of an endpoint URL

MAX_URLS = 10_000  # a hostile resource table cannot make this map, or the analysis using it, unbounded


def url_strings(apk: Any) -> dict[int, str]:
    """{resource id: value} of the string resources whose default-configuration value is a URL.

    androguard resolves ids to values (ARSCParser.get_resolved_strings); a locale other than the default is
    not used: endpoints do not change with the phone's language. A table androguard cannot read gives none.
    """
    try:
        arsc = apk.get_android_resources()
        if arsc is None:
            return {}
        resolved = arsc.get_resolved_strings()
    except Exception:  # noqa: BLE001 - androguard raises many kinds on a malformed table; the label read it already
        return {}
    out: dict[int, str] = {}
    for package in sorted(resolved):
        for rid, value in sorted((resolved[package].get("DEFAULT") or {}).items()):
            if isinstance(rid, int) and isinstance(value, str) and ENDPOINT_URL.match(value.strip()):
                out.setdefault(rid, value.strip())
                if len(out) >= MAX_URLS:
                    return out
    return out
