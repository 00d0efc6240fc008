"""Wording shared by the human-readable writers: evidence in words, a call path on one line."""

from __future__ import annotations

import re

from typing_extensions import assert_never  # typing.assert_never is Python 3.11+

from apkaudit.model import Evidence, Finding, Site


def evidence_words(evidence: Evidence) -> str:
    """The evidence level in words (every level handled: mypy checks with assert_never)."""
    match evidence:
        case Evidence.DECLARED:
            return "permission requested (manifest only, no code use found)"
        case Evidence.REFERENCED:
            return "code refers to it, but no entry point reaches that code"
        case Evidence.REACHABLE:
            return "read by code the app runs"
        case Evidence.TRANSMITTED:
            return "read and sent over the network"
        case _:
            assert_never(evidence)


EVIDENCE_WORDS = {e: evidence_words(e) for e in Evidence}

MAX_SHOWN = 400  # characters of one APK string a person reads before it is clipped (table, Markdown, HTML)
MAX_ENDPOINT = 200  # characters of an endpoint URL inside a sentence or a call path
MAX_FRAME = 200  # characters of one frame (class and method name) of a call path
MAX_PATH = 4000  # characters of a whole call path line: its frames are bounded one by one first


def bounded(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` cut to `limit` characters with an ellipsis and its full length.

    Every string in an APK is its author's and may be megabytes long; a person reads the first few hundred
    characters, and the table writer's word wrapping is superlinear in the length of an unbroken word
    (a 256 KB URL took a minute). The JSON report keeps each string whole (once).
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters)"


_FRAME = re.compile(r"^L(?P<cls>[^;]*);->(?P<name>[^(:]+)")


def short_frame(signature: str) -> str:
    """Lpkg/Outer$Inner;->run()V -> Outer$Inner.run"""
    m = _FRAME.match(signature)
    if not m:
        return bounded(signature, MAX_FRAME)
    return bounded(f"{m.group('cls').rsplit('/', 1)[-1]}.{m.group('name')}", MAX_FRAME)


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
        target = bounded(f.endpoint, MAX_ENDPOINT) if f.endpoint else "the network"
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
