"""The "What the web page can do" section of an app page (issue 15): every string from the APK clipped here,
escaped and cleaned by the templates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apkaudit.report.strings import Wording
from apkaudit.report.templating import clip

MAX_ROWS = 50


def webshell_view(doc: Mapping[str, Any], w: Wording) -> dict[str, Any] | None:
    shell = doc.get("webshell")
    if not isinstance(shell, Mapping):
        return None
    pages = [p for p in shell.get("pages") or [] if isinstance(p, Mapping)][:MAX_ROWS]
    remote = [p for p in pages if p.get("remote")]
    page = remote[0] if remote else None
    powers: list[dict[str, Any]] = []
    granted: set[str] = set()
    for p in (shell.get("powers") or [])[:MAX_ROWS]:
        if not isinstance(p, Mapping):
            continue
        cats = [w.category(str(c)) for c in p.get("categories") or []]
        granted.update(cats)
        powers.append(
            {
                "name": clip(p.get("name"), 120),
                "via": w.get("webshell_via", str(p.get("via")), default=clip(p.get("via"), 60)),
                "says": clip(p.get("says"), 300),
                "categories": ", ".join(cats),
                "reads": len(p.get("sites") or []),
                "where": clip(p.get("declared_in"), 200),
                "danger": bool(cats),
            }
        )
    runtimes = [clip(r.get("name"), 100) for r in shell.get("runtimes") or [] if isinstance(r, Mapping)]
    return {
        "runtimes": ", ".join(runtimes),
        "page": clip(page.get("url"), 300) if page else None,
        "page_clear": bool(page and page.get("cleartext")),
        "pages": [
            {
                "url": clip(p.get("url"), 300),
                "where": clip(p.get("found_in"), 200),
                "clear": bool(p.get("cleartext")),
                "remote": bool(p.get("remote")),
            }
            for p in pages
        ],
        "trusted": [clip(t, 200) for t in (shell.get("trusted") or [])[:MAX_ROWS]],
        "any_origin": "*" in (shell.get("trusted") or []),
        "powers": powers,
        "granted": ", ".join(sorted(granted)),
        "calls": [
            {"where": f"{clip(c.get('file'), 200)}:{c.get('line')}", "call": clip(c.get("call"), 80)}
            for c in (shell.get("script_calls") or [])[:MAX_ROWS]
            if isinstance(c, Mapping)
        ],
        "calls_total": len(shell.get("script_calls") or []),
    }
