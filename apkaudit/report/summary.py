"""Plain-language sentences about what an app takes, made from a JSON report dict (no jargon, no HTML).

One sentence per personal-data category, strongest evidence first: what is read, when (from the kind of entry
point the call path starts at), through whose code, and where it is sent when the report knows an endpoint.
Endpoints come from the flow evidence newer reports carry on a site (`flows[].endpoint` of network flows, or an
`endpoint`/`endpoints` key); without one the sentence says "over the internet", and without `transmitted`
evidence it says neither.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from apkaudit.report.strings import Wording

_EVIDENCE_RANK = {"declared": 0, "referenced": 1, "reachable": 2, "transmitted": 3}
# which entry kind to name when several paths lead to the same data: the most telling first
_WHEN_ORDER = (
    "application start",
    "launcher activity",
    "web page over plain HTTP",
    "remote web page",
    "boot receiver",
    "SMS receiver",
    "background service",
    "broadcast receiver",
    "exported activity",
    "activity",
    "content provider",
    "instrumentation",
    "web page",
)
_CATEGORY_ORDER = ("contacts", "call_log", "sms", "phone_ids", "phone_number", "location", "installed_apps", "accounts")


def evidence_rank(level: str | None) -> int:
    return _EVIDENCE_RANK.get(level or "", -1)


def endpoint_host(value: object) -> str | None:
    """The host of a URL an app sends to, for display; the raw text (clipped) when it is not an http(s) URL."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
        if parts.scheme in ("http", "https") and parts.hostname:
            return parts.hostname
    except ValueError:
        pass
    return text if len(text) <= 80 else text[:79] + "…"


def site_endpoints(site: Mapping[str, Any]) -> list[str]:
    """Endpoints a site's data is sent to, in whatever shape the report carries them (none in older reports)."""
    found: list[object] = []
    for key in ("endpoint", "url", "host"):
        found.append(site.get(key))
    endpoints = site.get("endpoints")
    if isinstance(endpoints, list):
        found.extend(endpoints)
    for key in ("sink", "flow"):
        sink = site.get(key)
        if isinstance(sink, Mapping):
            found.extend(sink.get(k) for k in ("endpoint", "url", "host"))
    flows = site.get("flows")
    if isinstance(flows, list):  # issue-4 flow evidence: [{kind, sink, method, path, endpoint}, ...]
        for flow in flows:
            if isinstance(flow, Mapping) and flow.get("kind") in (None, "network", "webview"):
                found.append(flow.get("endpoint"))
    hosts = [h for h in (endpoint_host(v) for v in found) if h]
    return sorted(set(hosts))


def _sdk_names(doc: Mapping[str, Any]) -> dict[str, str]:
    return {str(s.get("id")): str(s.get("name") or s.get("id")) for s in doc.get("sdks") or []}


def _when(sites: Sequence[Mapping[str, Any]], w: Wording) -> str:
    kinds = [s.get("entry_kind") for s in sites if s.get("entry_kind")]
    for kind in _WHEN_ORDER:
        if kind in kinds:
            return str(w.get("when", kind))
    return w("when_unknown")


def _owner(sites: Sequence[Mapping[str, Any]], sdk_names: Mapping[str, str], w: Wording) -> str:
    owners = {str(s.get("owner") or "first-party") for s in sites}
    sdks = sorted(sdk_names.get(o, o) for o in owners if o != "first-party")
    if not sdks:
        return ""
    joined = ", ".join(sdks)
    return w("owner_sdks", sdk=joined) if "first-party" in owners else w("owner_sdk", sdk=joined)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(access: Mapping[str, Any], doc: Mapping[str, Any], w: Wording) -> str:
    """One sentence about one data_access entry of a report."""
    category = str(access.get("category"))
    level = str(access.get("evidence"))
    sites = [s for s in access.get("sites") or [] if isinstance(s, Mapping)]
    strongest = [s for s in sites if s.get("evidence") == level] or sites
    bulk = any(s.get("pattern") == "bulk" for s in strongest)
    read = w.category(category, "read_all" if bulk else "read")
    owner = _owner(strongest, _sdk_names(doc), w)
    if level == "declared" or not sites:
        return _capital(w("sentence_declared", ask=w.category(category, "ask")))
    if level == "referenced":
        return _capital(w("sentence_referenced", read=read, owner=owner))
    when = _when(strongest, w)
    if level == "transmitted":
        obj = w.get("categories", category, "obj", default="it")
        hosts = sorted({h for s in strongest for h in site_endpoints(s)})
        if hosts:
            return _capital(
                w("sentence_sent_to", read=read, when=when, owner=owner, obj=obj, host=", ".join(hosts[:3]))
            )
        return _capital(w("sentence_sent", read=read, when=when, owner=owner, obj=obj))
    return _capital(w("sentence_reachable", read=read, when=when, owner=owner))


def _claims(access: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The access without its library-internal sites (issue 14), its evidence recomputed; None when nothing is left."""
    sites = [s for s in access.get("sites") or [] if isinstance(s, Mapping)]
    kept = [s for s in sites if not s.get("library_internal")]
    if len(kept) == len(sites):
        return access
    levels = [str(s.get("evidence")) for s in kept] + (["declared"] if access.get("permissions") else [])
    if not levels:
        return None
    return {**access, "sites": kept, "evidence": max(levels, key=evidence_rank)}


def library_internal_lines(doc: Mapping[str, Any], w: Wording) -> list[str]:
    """One line per library helper whose reads were left out: what it could read, and that the app does not
    turn it on (or that the value stays in the library)."""
    seen: dict[tuple[str, bool], list[str]] = {}
    for access in doc.get("data_access") or []:
        if not isinstance(access, Mapping):
            continue
        for s in access.get("sites") or []:
            internal = s.get("library_internal") if isinstance(s, Mapping) else None
            if isinstance(internal, Mapping) and internal.get("helper"):
                names = seen.setdefault((str(internal["helper"]), bool(internal.get("opt_in"))), [])
                name = w.category(str(access.get("category")))
                if name not in names:
                    names.append(name)
    return [
        w("library_internal_off" if opt_in else "library_internal_stays", helper=helper, name=", ".join(names))
        for (helper, opt_in), names in sorted(seen.items())
    ]


def summary(doc: Mapping[str, Any], w: Wording) -> list[str]:
    """Sentences for every category the report has evidence for, the strongest evidence and gravest data first.

    Reads that stay inside a bundled library (`library_internal` sites) are no claim: a category with no
    other evidence gets no sentence, and one line says what the library can read instead."""
    accesses = [c for a in doc.get("data_access") or [] if isinstance(a, Mapping) and (c := _claims(a)) is not None]

    def order(a: Mapping[str, Any]) -> tuple[int, int, str]:
        category = str(a.get("category"))
        rank = _CATEGORY_ORDER.index(category) if category in _CATEGORY_ORDER else len(_CATEGORY_ORDER)
        return (-evidence_rank(a.get("evidence")), rank, category)

    return [sentence(a, doc, w) for a in sorted(accesses, key=order)] + library_internal_lines(doc, w)
