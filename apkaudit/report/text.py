"""Wording shared by the human-readable writers: evidence in words, a call path on one line."""

from __future__ import annotations

import re

from apkaudit.model import Evidence, Finding, Site

EVIDENCE_WORDS = {
    Evidence.DECLARED: "permission requested (manifest only, no code use found)",
    Evidence.REFERENCED: "code refers to it, but no entry point reaches that code",
    Evidence.REACHABLE: "read by code the app runs",
    Evidence.TRANSMITTED: "read and sent over the network",
}

_FRAME = re.compile(r"^L(?P<cls>[^;]*);->(?P<name>[^(:]+)")


def short_frame(signature: str) -> str:
    """Lpkg/Outer$Inner;->run()V -> Outer$Inner.run"""
    m = _FRAME.match(signature)
    if not m:
        return signature
    return f"{m.group('cls').rsplit('/', 1)[-1]}.{m.group('name')}"


def path_line(site: Site) -> str:
    frames = list(site.path) or [site.method]
    line = " → ".join(short_frame(f) for f in frames)
    line += f" ⇒ {short_frame(site.api) if site.api.startswith('L') else site.api}"
    if site.owner != "first-party":
        line += f" [{site.owner}]"
    flow = flow_line(site)
    return f"{line}; {flow}" if flow else line


_TRANSMITTING = ("network", "webview")


def flow_line(site: Site) -> str | None:
    """Where the data goes, in words: the network endpoint first, else the other sink kinds."""
    sent = [f for f in site.flows if f.kind in _TRANSMITTING]
    if sent:
        f = sent[0]
        target = f.endpoint or "the network"
        return f"sent to {target} by {short_frame(f.method)} ({short_frame(f.sink)})"
    kinds = sorted({f.kind for f in site.flows})
    return f"goes to {', '.join(kinds)}" if kinds else None


def where(finding: Finding) -> str:
    """The evidence behind a finding in one line."""
    if not finding.sites:
        perms = ", ".join(p.rsplit(".", 1)[-1] for p in finding.permissions)
        return f"manifest only: {perms} requested; no code use found"
    # the most telling site first: one whose data is sent, then one with a call path
    best = min(finding.sites, key=lambda s: (not any(f.kind in _TRANSMITTING for f in s.flows), not s.path))
    line = path_line(best)
    if len(finding.sites) > 1:
        line += f" (+{len(finding.sites) - 1} more)"
    return line


def one_line(text: str) -> str:
    return " ".join(text.split())
