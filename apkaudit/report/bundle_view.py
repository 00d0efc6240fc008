"""The files of an app package (issue 21: XAPK, APKM, APKS, split APKs) as the identity section shows them.

Built from the JSON report dict (`app.bundle`, present only for a package), like every view; every string from
the package is clipped here and escaped by each writer (jinja autoescape, Markdown `esc`, the table's `_clean`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from apkaudit.report.strings import Wording
from apkaudit.report.templating import clip

MAX_MEMBERS = 100  # rows of the package's files shown; the JSON report has them all
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _member(m: Mapping[str, Any], w: Wording) -> dict[str, Any]:
    role = str(m.get("role"))
    size = m.get("size")
    sha = m.get("sha256")
    return {
        "name": clip(m.get("name"), 200),
        "role": w.get("bundle_roles", role, default=clip(role, 40)),
        "audited": role in ("base", "split"),
        "size": f"{size:,}" if isinstance(size, int) and not isinstance(size, bool) else "?",
        "sha256": sha if isinstance(sha, str) and _SHA256.match(sha) else None,
        "split": clip(m.get("split"), 120) if m.get("split") else None,
        "note": clip(m.get("note"), 300) if m.get("note") else None,
    }


def bundle_view(doc: Mapping[str, Any], w: Wording) -> dict[str, Any] | None:
    """The package's format and its files in the report's order, or None for a single APK."""
    app = doc.get("app")
    bundle = app.get("bundle") if isinstance(app, Mapping) else None
    if not isinstance(bundle, Mapping):
        return None
    members = [m for m in bundle.get("members") or [] if isinstance(m, Mapping)]
    fmt = str(bundle.get("format"))
    return {
        "title": w("bundle_title", format=w.get("bundle_formats", fmt, default=clip(fmt, 20))),
        "members": [_member(m, w) for m in members[:MAX_MEMBERS]],
        "more": max(0, len(members) - MAX_MEMBERS),
    }
