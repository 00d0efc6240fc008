"""The JSON report: the machine contract, documented by schemas/report-v1.json. Deterministic bytes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from apkaudit.analysis import servers
from apkaudit.model import (
    Analysis,
    AppCategory,
    Bundle,
    Citation,
    Complaint,
    Disclosure,
    Finding,
    InstrumentSource,
    PolicySentence,
    Report,
    Seen,
    ServerFacts,
    Site,
    Verdict,
    WebShell,
)
from apkaudit.policy import sources

SCHEMA_ID = "apkaudit/report/v1"
LONG_STRING = 1024  # characters: a longer string is written once, in `long_strings`, and shown by its hash elsewhere
LONG_STRINGS_TOTAL = 8 * 1024 * 1024  # characters kept whole in `long_strings`; past it, prefix, length and hash
_PREFIX = 200  # characters of a long string left in place
_KEEP_WHOLE = frozenset({"icon"})  # the launcher icon's data: URI, already bounded by the icon reader


def site_dict(s: Site) -> dict[str, Any]:
    return {
        "method": s.method,
        "api": s.api,
        "owner": s.owner,
        "evidence": s.evidence.value,
        "entry_point": s.entry_point,
        "entry_kind": s.entry_kind,
        "path": list(s.path),
        "path_owners": list(s.path_owners),
        "pattern": s.pattern.value if s.pattern else None,
        "note": s.note,
        "flows": [
            {
                "sink": f.sink,
                "kind": f.kind,
                "method": f.method,
                "at": f.at,
                "path": list(f.path),
                "endpoint": f.endpoint,
                "destination": flow_destination(f.kind, f.endpoint),
            }
            for f in s.flows
        ],
        "flow_note": s.flow_note,
    } | (
        {
            "library_internal": {
                "library": s.library_internal.library,
                "helper": s.library_internal.helper,
                "why": s.library_internal.why,
                "opt_in": s.library_internal.opt_in,
            }
        }
        if s.library_internal is not None
        else {}
    )


def flow_destination(kind: str, endpoint: str | None) -> dict[str, Any] | None:
    """Where a network or webview flow goes: the endpoint's host and scheme, or "built at run time"."""
    if kind not in ("network", "webview"):
        return None
    parsed = servers.parse(endpoint) if endpoint else None
    return {
        "host": parsed.host if parsed else None,
        "scheme": parsed.scheme if parsed else None,
        "cleartext": bool(parsed and parsed.scheme in ("http", "ws")),
        "built_at_run_time": endpoint is None,
    }


def servers_dict(sf: ServerFacts | None) -> dict[str, Any] | None:
    if sf is None:
        return None
    n = sf.network
    return {
        "servers": [
            {
                "value": s.value,
                "kind": s.kind,
                "host": s.host,
                "scheme": s.scheme,
                "port": s.port,
                "domain": s.domain,
                "ip": s.ip,
                "country": s.country,
                "owner": s.owner,
                "collector": s.collector,
                "found_in": list(s.found_in),
                "used_by": list(s.used_by),
                "cleartext": s.cleartext,
                "cleartext_permitted": s.cleartext_permitted,
            }
            for s in sf.servers
        ],
        "total": sf.total,
        "cap": sf.cap,
        "ignored": sf.ignored,
        "destinations": [
            {
                "host": d.host,
                "built_at_run_time": d.host is None,
                "endpoints": list(d.endpoints),
                "domain": d.domain,
                "ip": d.ip,
                "country": d.country,
                "owner": d.owner,
                "collector": d.collector,
                "cleartext": d.cleartext,
                "cleartext_permitted": d.cleartext_permitted,
                "trust_all": list(d.trust_all),
                "categories": list(d.categories),
                "sites": [{"category": c, "method": m, "api": a} for c, m, a in d.sites],
            }
            for d in sf.destinations
        ],
        "network": {
            "target_sdk": n.target_sdk,
            "uses_cleartext_traffic": n.uses_cleartext_traffic,
            "config": n.config,
            "cleartext_default": n.cleartext_default,
            "cleartext_domains": list(n.cleartext_domains),
            "tls_domains": list(n.tls_domains),
            "user_certificates": n.user_certificates,
            "trust_all": list(n.trust_all),
            "notes": list(n.notes),
        },
        "notes": list(sf.notes),
    }


def seen_dict(s: Seen) -> dict[str, Any]:
    return {"name": s.name, "kind": s.kind, "url": s.url, "date": s.date}


def source_dict(s: InstrumentSource | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "kind": s.kind,
        "kind_words": sources.KIND_WORDS.get(s.kind, s.kind),
        "binding": s.binding,
        "issuer": s.issuer,
        "number": s.number,
        "issued": s.issued,
        "in_force": s.in_force,
        "status": s.status,
        "url": s.url,
        "url_status": s.url_status,
        "seen_at": [seen_dict(x) for x in s.seen_at],
    }


def citation_dict(c: Citation) -> dict[str, Any]:
    return {
        "instrument": c.instrument,
        "article": c.article,
        "quote": c.quote,
        "gloss": c.gloss,
        "confidence": c.confidence,
        "url": c.url,
        "source": source_dict(c.source),
        "seen_at": seen_dict(c.seen_at) if c.seen_at else None,
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "category": f.category,
        "evidence": f.evidence.value,
        "message": f.message,
        "message_zh": f.message_zh,
        "citation": citation_dict(f.citation),
        "see_also": [citation_dict(c) for c in f.see_also],
        "weight": f.weight,
        "permissions": list(f.permissions),
        "sites": [site_dict(s) for s in f.sites],
        "messages": dict(f.messages),
        "quotes": [sentence_dict(q) for q in f.quotes],
    }


def sentence_dict(s: PolicySentence) -> dict[str, Any]:
    return {"document": s.document, "text": s.text, "term": s.term, "stance": s.stance.value}


def disclosure_dict(d: Disclosure | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "status": d.status.value,
        "documents": [
            {"path": x.path, "kind": x.kind, "language": x.language, "chars": x.chars, "title": x.title}
            for x in d.documents
        ],
        "urls": [{"url": u.url, "found_in": u.found_in} for u in d.urls],
        "categories": [
            {
                "category": c.category,
                "verdict": c.verdict.value,
                "cross": c.cross.value if c.cross else None,
                "evidence": c.evidence.value if c.evidence else None,
                "sentences": [sentence_dict(s) for s in c.sentences],
            }
            for c in d.categories
        ],
        "notes": list(d.notes),
    }


def complaint_dict(c: Complaint) -> dict[str, Any]:
    return {
        "name": c.name,
        "name_local": c.name_local,
        "for": c.conduct,
        "for_local": c.conduct_local,
        "phone": c.phone,
        "url": c.url,
        "email": c.email,
        "source": c.source,
        "source_url": c.source_url,
        "confidence": c.confidence,
    }


def category_dict(c: AppCategory | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "id": c.id,
        "confidence": c.confidence,
        "score": c.score,
        "evidence": [
            {"signal": e.signal, "value": e.value, "keyword": e.keyword, "language": e.language, "weight": e.weight}
            for e in c.evidence
        ],
    }


def analysis_dict(a: Analysis) -> dict[str, Any]:
    return {
        "coverage": a.coverage.value,
        "notes": list(a.notes),
        "packers": list(a.packers),
        "visible_share": a.visible_share,
        "dex_bytes": a.dex_bytes,
        "payload_bytes": a.payload_bytes,
        "declared_classes": a.declared_classes,
        "missing_classes": list(a.missing_classes),
        "signals": [{"kind": x.kind, "name": x.name, "detail": x.detail, "location": x.location} for x in a.signals],
    }


def verdict_dict(v: Verdict) -> dict[str, Any]:
    return {
        "policy": {
            "id": v.policy.id,
            "version": v.policy.version,
            "sha256": v.policy.sha256,
            "title": v.policy.title,
            "jurisdiction": v.policy.jurisdiction,
            "citations": dict(v.policy.citations),
        },
        "findings": [finding_dict(f) for f in v.findings],
        "score": v.score,
        "grade": v.grade,
        "caveat": v.caveat,
        "warnings": list(v.warnings),
        "complaints": [complaint_dict(c) for c in v.complaints],
    }


def bundle_dict(b: Bundle) -> dict[str, Any]:
    """The files of an app package (present only for one): which were audited, which left out and why."""
    return {
        "format": b.format,
        "members": [
            {"name": m.name, "size": m.size, "role": m.role, "sha256": m.sha256, "split": m.split, "note": m.note}
            for m in b.members
        ],
    }


def webshell_dict(w: WebShell | None) -> dict[str, Any] | None:
    """The web shell and what its page may take (issue 15)."""
    if w is None:
        return None
    return {
        "runtimes": [{"id": i, "name": n} for i, n in zip(w.runtimes, w.names, strict=False)],
        "pages": [
            {
                "url": p.url,
                "found_in": p.found_in,
                "remote": p.remote,
                "cleartext": p.cleartext,
                "cleartext_permitted": p.cleartext_permitted,
            }
            for p in w.pages
        ],
        "trusted": list(w.trusted),
        "powers": [
            {
                "name": p.name,
                "via": p.via,
                "says": p.says,
                "categories": list(p.categories),
                "declared_in": p.declared_in,
                "entries": list(p.entries),
                "sites": [{"category": c, "method": m, "api": a} for c, m, a in p.sites],
            }
            for p in w.powers
        ],
        "script_calls": [
            {"file": c.file, "line": c.line, "call": c.call, "categories": list(c.categories), "excerpt": c.excerpt}
            for c in w.script_calls
        ],
        "notes": list(w.notes),
    }


def report_dict(r: Report) -> dict[str, Any]:
    facts = r.facts
    app = facts.app
    first = verdict_dict(r.verdicts[0]) if r.verdicts else None
    return _long_strings_once(
        {
            "schema": SCHEMA_ID,
            "tool": {"name": "apkaudit", "version": r.tool_version},
            "catalogs": dict(facts.catalogs),
            "app": {
                "path": app.path,
                "sha256": app.sha256,
                "package": app.package,
                "label": app.label,
                "version_name": app.version_name,
                "version_code": app.version_code,
                "min_sdk": app.min_sdk,
                "target_sdk": app.target_sdk,
                "signer": {"sha256": app.signer.sha256, "subject": app.signer.subject} if app.signer else None,
                "icon": app.icon,
                "category": category_dict(app.category),
                **({"bundle": bundle_dict(app.bundle)} if app.bundle is not None else {}),
            },
            "permissions": [
                {"name": p.name, "protection_level": p.protection_level, "category": p.category}
                for p in facts.permissions
            ],
            "components": [
                {
                    "kind": c.kind,
                    "name": c.name,
                    "exported": c.exported,
                    "launcher": c.launcher,
                    "actions": list(c.actions),
                }
                for c in facts.components
            ],
            "data_access": [
                {
                    "category": d.category,
                    "evidence": d.evidence.value,
                    "permissions": list(d.permissions),
                    "sites": [site_dict(s) for s in d.sites],
                }
                for d in facts.data_access
            ],
            "sdks": [
                {"id": s.id, "name": s.name, "vendor": s.vendor, "kind": s.kind, "categories": list(s.categories)}
                for s in facts.sdks
            ],
            "analysis": analysis_dict(facts.analysis),
            "disclosure": disclosure_dict(facts.disclosure),
            "servers": servers_dict(facts.servers),
            "webshell": webshell_dict(facts.webshell),
            "policy": first["policy"] if first else None,
            "findings": first["findings"] if first else [],
            "score": first["score"] if first else None,
            "grade": first["grade"] if first else None,
            "caveat": first["caveat"] if first else None,
            "verdicts": [verdict_dict(v) for v in r.verdicts],
        }
    )


def _long_strings_once(doc: dict[str, Any]) -> dict[str, Any]:
    """The report with every string past LONG_STRING characters stored once, under its SHA-256, in `long_strings`.

    An app's strings are its author's: a 1 MB URL constant sent by every flow of an app made a 25 MB report.
    In place, such a string keeps its first characters, its length and its key in `long_strings`, where the
    whole text is (up to LONG_STRINGS_TOTAL characters in all; past that only the length and hash remain).
    """
    table: dict[str, str] = {}
    budget = [LONG_STRINGS_TOTAL]

    def walk(value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if not isinstance(value, str) or len(value) <= LONG_STRING or key in _KEEP_WHOLE:
            return value
        digest = "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
        if digest not in table and len(value) <= budget[0]:
            table[digest] = value
            budget[0] -= len(value)
        where = f"long_strings[{digest}]" if digest in table else f"not kept, {digest}"
        return f"{value[:_PREFIX]}… [{len(value)} characters; {where}]"

    out: dict[str, Any] = walk(doc, None)
    if table:
        out["long_strings"] = dict(sorted(table.items()))
    return out


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def render(reports: Sequence[Report]) -> str:
    """One report as an object; several as an array, in the order given."""
    docs = [report_dict(r) for r in reports]
    return dumps(docs[0] if len(docs) == 1 else docs)
