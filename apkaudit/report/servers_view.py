"""The "Where your data goes" section of the HTML report and the site: destinations, cleartext, the inventory.

Built from the JSON report dict (`facts.servers`), like every view; every string is bounded here and escaped by
the templates (autoescape, templating.clean).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apkaudit.report.strings import Wording
from apkaudit.report.templating import clip

MAX_DESTINATIONS = 50  # rows of the destinations table
MAX_INVENTORY = 100  # rows of the server inventory shown; the JSON report has them all (up to its own cap)
MAX_HOST = 200


def owner_words(owner: object, collector: object, sdk_names: Mapping[str, str], w: Wording) -> str:
    """Who is behind a server, in words: the app, an SDK, or an SDK's collector."""
    if collector:
        return w("dest_collector", sdk=sdk_names.get(str(collector), str(collector)))
    if owner in (None, "first-party"):
        return w("dest_app")
    if owner == "unknown":
        return w("dest_unused")
    return sdk_names.get(str(owner), str(owner))


def _how(d: Mapping[str, Any], w: Wording) -> tuple[str, bool]:
    """How the data travels, and whether that is bad."""
    if d.get("built_at_run_time"):
        return w("dest_how_unknown"), False
    if d.get("cleartext"):
        return w("dest_how_clear"), True
    if d.get("trust_all"):
        return w("dest_how_trust_all"), True
    return w("dest_how_tls"), False


def servers_view(doc: Mapping[str, Any], sdk_names: Mapping[str, str], w: Wording) -> dict[str, Any] | None:
    sf = doc.get("servers")
    if not isinstance(sf, Mapping):
        return None
    rows = []
    for d in (sf.get("destinations") or [])[:MAX_DESTINATIONS]:
        if not isinstance(d, Mapping):
            continue
        how, bad = _how(d, w)
        host = d.get("host")
        rows.append(
            {
                "where": clip(host, MAX_HOST) if host else w("dest_run_time"),
                "ip": bool(d.get("ip")),
                "country": clip(d.get("country"), 8) if d.get("country") else None,
                "owner": owner_words(d.get("owner"), d.get("collector"), sdk_names, w),
                "what": ", ".join(w.category(str(c)) for c in d.get("categories") or []),
                "how": how,
                "bad": bad or bool(d.get("ip")),
                "endpoints": [clip(e, 300) for e in (d.get("endpoints") or [])[:3]],
            }
        )
    net = sf.get("network") or {}
    clear_domains = [clip(x, MAX_HOST) for x in (net.get("cleartext_domains") or [])[:20]]
    servers = [s for s in sf.get("servers") or [] if isinstance(s, Mapping)]
    inventory = [
        {
            "value": clip(s.get("value"), 300),
            "kind": str(s.get("kind")),
            "owner": owner_words(s.get("owner"), s.get("collector"), sdk_names, w),
            "found_in": clip(", ".join(str(x) for x in (s.get("found_in") or [])[:3]), 160),
            "plain_http": bool(s.get("cleartext")),
            "ip": bool(s.get("ip")),
        }
        for s in servers[:MAX_INVENTORY]
    ]
    total = int(sf.get("total") or 0)
    return {
        "rows": rows,
        "cleartext_default": bool(net.get("cleartext_default")),
        "cleartext_domains": clear_domains,
        "user_certificates": bool(net.get("user_certificates")),
        "trust_all": len(net.get("trust_all") or []),
        "inventory": inventory,
        "shown": len(inventory),
        "total": total,
        "ignored": int(sf.get("ignored") or 0),
    }
