"""The HTML report: one self-contained page per app (inline CSS, icon as data: URI, no script, no requests).

Pages are built from the JSON report dict (`json_report.report_dict`), so that a page rendered from a fresh
audit and one rendered from a stored result are the same page. The view helpers here are shared with the
ratings site (`site.py`) and the diff page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from apkaudit import __version__
from apkaudit.model import Report
from apkaudit.policy import sources
from apkaudit.report import json_report, templating
from apkaudit.report.bundle_view import bundle_view
from apkaudit.report.servers_view import servers_view
from apkaudit.report.strings import Wording, wording
from apkaudit.report.summary import evidence_rank, site_endpoints, summary
from apkaudit.report.templating import http_url, image_uri
from apkaudit.report.text import short_frame
from apkaudit.report.webshell_view import webshell_view

MAX_SITES = 20  # code sites listed per finding; the JSON report has all of them

GRADE_CLASS = {"A": "g-a", "B": "g-b", "C": "g-c", "D": "g-d", "E": "g-e", "F": "g-f"}
GRADE_ORDER = ("A", "B", "C", "D", "E", "F", "incomplete")
SEVERITY_CLASS = {"info": "s-info", "low": "s-low", "medium": "s-medium", "high": "s-high", "critical": "s-critical"}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def grade_class(grade: object) -> str:
    return GRADE_CLASS.get(str(grade), "g-x")


def grade_rank(grade: object) -> int:
    return GRADE_ORDER.index(str(grade)) if str(grade) in GRADE_ORDER else len(GRADE_ORDER)


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and bool(_SHA256.match(value))


def app_name(doc: Mapping[str, Any]) -> str:
    app = doc.get("app") or {}
    return str(app.get("label") or app.get("package") or "?")


def _initial(name: str) -> str:
    for ch in name:
        if ch.isalnum():
            return ch.upper()
    return "?"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _owner_name(owner: object, sdk_names: Mapping[str, str], w: Wording) -> str:
    if not owner or owner == "first-party":
        return w("first_party")
    return sdk_names.get(str(owner), str(owner))


def _api_short(api: str) -> str:
    return short_frame(api) if api.startswith("L") and "->" in api else api


def site_view(site: Mapping[str, Any], sdk_names: Mapping[str, str], w: Wording) -> dict[str, Any]:
    path = [str(f) for f in site.get("path") or []] or [str(site.get("method") or "")]
    owners = list(site.get("path_owners") or [])
    owners += [site.get("owner")] * (len(path) - len(owners))
    api = str(site.get("api") or "")
    pattern = site.get("pattern")
    return {
        "frames": [
            {
                "short": short_frame(f),
                "full": f,
                "owner": _owner_name(o, sdk_names, w),
                "sdk": o not in (None, "first-party"),
            }
            for f, o in zip(path, owners[: len(path)], strict=True)
        ],
        "api_short": _api_short(api),
        "api_full": api,
        "entry_kind": site.get("entry_kind"),
        "pattern": w.get("pattern_values", str(pattern)) if pattern else None,
        "evidence": w.get("evidence_short", str(site.get("evidence")), default=str(site.get("evidence"))),
        "endpoints": site_endpoints(site),
        "note": site.get("note"),
    }


def _seen_view(s: object, w: Wording) -> dict[str, Any] | None:
    if not isinstance(s, Mapping) or not s.get("name"):
        return None
    kind = str(s.get("kind"))
    url = http_url(s.get("url"))
    return {
        "name": s.get("name"),
        "kind": w.get("seen_kinds", kind, default=kind),
        "url": url if url and sources.is_listed(url) else None,  # never a link to a mirror, even from an old report
    }


def citation_view(c: Mapping[str, Any], w: Wording) -> dict[str, Any]:
    """A citation with its source: the official text first (linked only on an issuer's or official database's
    site), then where the quoted wording was read, with the kind of source."""
    raw = c.get("source")
    src: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    url = http_url(c.get("url"))
    kind = str(src.get("kind") or "")
    facts = [
        w.get("kind_values", kind, default=kind) if kind else None,
        None if src.get("binding") is not False or kind == "guidance" else w("not_binding"),
        src.get("number"),
        f"{w('issued')} {src['issued']}" if src.get("issued") else None,
        f"{w('in_force')} {src['in_force']}" if src.get("in_force") else None,
        f"{w('status')} {w.get('status_values', str(src['status']), default=str(src['status']))}"
        if src.get("status")
        else None,
    ]
    own = _seen_view(c.get("seen_at"), w)
    seen = [own] if own else [x for x in (_seen_view(s, w) for s in src.get("seen_at") or []) if x]
    url_status = str(src.get("url_status") or "")
    return {
        "instrument": c.get("instrument"),
        "article": c.get("article"),
        "quote": c.get("quote"),
        "gloss": c.get("gloss") if w.lang == "en" else None,
        "confidence": c.get("confidence"),
        "confidence_words": w.get("confidence_values", str(c.get("confidence")), default=""),
        "url": url if url and sources.is_official(url) else None,
        "url_words": w.get("url_status_values", url_status, default=w("open_source"))
        if url_status
        else w("open_source"),
        "facts": [str(x) for x in facts if x],
        "seen": seen,
    }


def finding_view(f: Mapping[str, Any], sdk_names: Mapping[str, str], w: Wording) -> dict[str, Any]:
    sites = [s for s in f.get("sites") or [] if isinstance(s, Mapping)]
    perms = [str(p).rsplit(".", 1)[-1] for p in f.get("permissions") or []]
    message = f.get("message_zh") if w.lang == "zh" and f.get("message_zh") else f.get("message")
    severity = str(f.get("severity"))
    return {
        "rule": f.get("rule"),
        "severity": w.get("severity_values", severity, default=severity),
        "severity_class": SEVERITY_CLASS.get(severity, "s-info"),
        "category": _capital(w.category(str(f.get("category")))),
        "category_id": str(f.get("category")),
        "evidence": w.get("evidence_values", str(f.get("evidence")), default=str(f.get("evidence"))),
        "message": " ".join(str(message or "").split()),
        "manifest_only": None if sites else w("manifest_only", permissions=", ".join(perms) or w("nothing")),
        "sites": [site_view(s, sdk_names, w) for s in sites[:MAX_SITES]],
        "site_count": len(sites),
        "more_sites": max(0, len(sites) - MAX_SITES),
        "citation": citation_view(f.get("citation") or {}, w),
        "see_also": [citation_view(c, w) for c in f.get("see_also") or []],
        "policy": None,  # what the bundled privacy policy says of this category, filled by app_view
    }


def _permission_groups(doc: Mapping[str, Any], w: Wording) -> list[dict[str, Any]]:
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for p in doc.get("permissions") or []:
        name = str(p.get("name"))
        level = p.get("protection_level")
        groups.setdefault(p.get("category"), []).append(
            {"name": name, "short": name.rsplit(".", 1)[-1], "level": level, "dangerous": level == "dangerous"}
        )
    out = []
    for category in sorted((c for c in groups if c), key=str):
        out.append({"name": w.category(category), "permissions": groups[category]})
    if None in groups:
        out.append({"name": w("other_permissions"), "permissions": groups[None]})
    return out


def _coverage_details(analysis: Mapping[str, Any], w: Wording) -> list[str]:
    """Why the code could not all be seen: packers named and the share seen, when the report has them."""
    details = []
    packers = [str(p) for p in analysis.get("packers") or []]
    if packers:
        details.append(w("caveat_packers", names=", ".join(packers)))
    share = analysis.get("visible_share")
    if isinstance(share, (int, float)) and not isinstance(share, bool):
        details.append(w("caveat_share", share=f"{share:.0%}"))
    return details


def policy_titles(policies: Sequence[Any], lang: str) -> dict[str, str]:
    """Rule-book id -> title in the language asked for, from loaded Policy objects."""
    titles = {}
    for p in policies:
        title = p.title_zh if lang == "zh" and getattr(p, "title_zh", None) else p.ref.title
        titles[p.ref.id] = title
    return titles


def verdict_view(
    v: Mapping[str, Any], sdk_names: Mapping[str, str], w: Wording, titles: Mapping[str, str]
) -> dict[str, Any]:
    policy = v.get("policy") or {}
    grade = v.get("grade")
    return {
        "policy_id": policy.get("id"),
        "policy_title": titles.get(str(policy.get("id")), policy.get("title")),
        "policy_version": policy.get("version"),
        "grade": grade if grade in GRADE_CLASS else w("grade_incomplete"),
        "grade_letter": grade if grade in GRADE_CLASS else "–",
        "grade_class": grade_class(grade),
        "score": v.get("score"),
        "caveat": v.get("caveat"),
        "findings": [finding_view(f, sdk_names, w) for f in sorted(v.get("findings") or [], key=_gravest_first)],
        "citations": citation_counts(policy.get("citations"), w),
    }


def citation_counts(counts: object, w: Wording) -> str | None:
    """'12 citations: 3 wording checked against the text, ...' for a rule book, or None when not recorded."""
    if not isinstance(counts, Mapping) or not counts:
        return None
    parts = [
        f"{n} {w.get('confidence_values', str(k), default=str(k))}"
        for k, n in counts.items()
        if isinstance(n, int) and n
    ]
    total = sum(n for n in counts.values() if isinstance(n, int))
    return w("citation_counts", total=total, parts="; ".join(parts))


_SEVERITY_ORDER = ("critical", "high", "medium", "low", "info")


def _gravest_first(f: Mapping[str, Any]) -> tuple[int, float, str]:
    severity = str(f.get("severity"))
    rank = _SEVERITY_ORDER.index(severity) if severity in _SEVERITY_ORDER else len(_SEVERITY_ORDER)
    weight = f.get("weight")
    return (rank, -float(weight) if isinstance(weight, (int, float)) else 0.0, str(f.get("rule")))


def sdk_slug(sdk_id: object) -> str:
    """A file name for an SDK page: the catalogue id when it is plain, else a hash (ids may come from a store)."""
    import hashlib

    text = str(sdk_id)
    if re.fullmatch(r"[a-z0-9][a-z0-9_.-]{0,63}", text) and ".." not in text:
        return text
    return "sdk-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


_QUOTE_CHARS = 300  # a policy sentence quoted on a page; the JSON report has it whole
_POLICY_ORDER = ("contradicted", "undisclosed", "disclosed_unused", "consistent", None)


def _quote(sentence: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not isinstance(sentence, Mapping) or not sentence.get("text"):
        return None
    return {"text": str(sentence["text"]), "document": str(sentence.get("document") or "?")}


_CJK = re.compile(r"[\u3400-\u9fff]")


def _deciding_sentence(c: Mapping[str, Any], lang: str) -> Mapping[str, Any] | None:
    """The sentence that shows the verdict (a denial for `denied`, else a disclosing one), in the page's
    language when the policy has one (bilingual policies say it twice)."""
    wanted = "denies" if c.get("verdict") == "denied" else "discloses"
    sentences = [x for x in c.get("sentences") or [] if isinstance(x, Mapping) and x.get("stance") == wanted]
    same = [x for x in sentences if bool(_CJK.search(str(x.get("text")))) == (lang == "zh")]
    chosen = same or sentences
    return chosen[0] if chosen else None


def _strongest_site(doc: Mapping[str, Any], category: object) -> Mapping[str, Any] | None:
    """The code site that shows the category's evidence level (a bulk read before a picker)."""
    for access in doc.get("data_access") or []:
        if access.get("category") != category:
            continue
        level = access.get("evidence")
        sites = [x for x in access.get("sites") or [] if isinstance(x, Mapping) and x.get("evidence") == level]
        sites.sort(key=lambda x: x.get("pattern") == "picker")
        return sites[0] if sites else None
    return None


def disclosure_view(doc: Mapping[str, Any], sdk_names: Mapping[str, str], w: Wording) -> dict[str, Any] | None:
    """What the bundled privacy policy says per category, the sentence quoted beside the code that reads it."""
    told = doc.get("disclosure")
    if not isinstance(told, Mapping):
        return None
    kinds = w.get("policy_kinds") or {}
    documents = [
        {
            "kind": kinds.get(str(x.get("kind")), str(x.get("kind"))),
            "path": x.get("path"),
            "title": x.get("title"),
            "language": x.get("language") or w("policy_language_unknown"),
            "chars": x.get("chars"),
        }
        for x in told.get("documents") or []
        if isinstance(x, Mapping)
    ]
    rows = []
    for c in told.get("categories") or []:
        if not isinstance(c, Mapping):
            continue
        cross = c.get("cross")
        site = _strongest_site(doc, c.get("category")) if c.get("evidence") else None
        rows.append(
            {
                "category": _capital(w.category(str(c.get("category")))),
                "says": w.get("policy_verdicts", str(c.get("verdict")), default=str(c.get("verdict"))),
                "against": w.get("policy_cross", str(cross), default=str(cross)) if cross else w("policy_not_judged"),
                "evidence": w.get("evidence_short", str(c.get("evidence")), default="") if c.get("evidence") else "",
                "bad": cross in ("contradicted", "undisclosed"),
                "quote": _quote(_deciding_sentence(c, w.lang)),
                "site": site_view(site, sdk_names, w) if site else None,
                "order": _POLICY_ORDER.index(cross) if cross in _POLICY_ORDER else len(_POLICY_ORDER),
            }
        )
    rows.sort(key=lambda r: r["order"])
    return {
        "no_text": told.get("status") == "no_text",
        "documents": documents,
        "urls": [
            {"url": str(u.get("url")), "found_in": str(u.get("found_in") or "?")}
            for u in told.get("urls") or []
            if isinstance(u, Mapping)
        ],
        "rows": rows,
        "notes": [str(n) for n in told.get("notes") or []],
    }


def _policy_lines(doc: Mapping[str, Any], w: Wording) -> dict[str, dict[str, Any]]:
    """category -> what the bundled policy says about it, for the finding cards."""
    told = doc.get("disclosure")
    if not isinstance(told, Mapping) or told.get("status") != "found":
        return {}
    out = {}
    for c in told.get("categories") or []:
        if isinstance(c, Mapping):
            verdict = str(c.get("verdict"))
            out[str(c.get("category"))] = {
                "says": w.get("policy_verdicts", verdict, default=verdict),
                "quote": _quote(_deciding_sentence(c, w.lang)),
            }
    return out


def app_view(
    doc: Mapping[str, Any], w: Wording, titles: Mapping[str, str] | None = None, root: str | None = None
) -> dict[str, Any]:
    """Everything an app page shows. `root` is the relative path to the site root when the page is in a site."""
    sdk_names = {str(s.get("id")): str(s.get("name") or s.get("id")) for s in doc.get("sdks") or []}
    analysis = doc.get("analysis") or {}
    verdicts = [verdict_view(v, sdk_names, w, titles or {}) for v in doc.get("verdicts") or []]
    policy_lines = _policy_lines(doc, w)
    for v in verdicts:
        for f in v["findings"]:
            f["policy"] = policy_lines.get(f["category_id"])
    return {
        **_identity_view(doc, w),
        **_coverage_view(analysis, w),
        "summary": summary(doc, w),
        "disclosure": disclosure_view(doc, sdk_names, w),
        "servers": servers_view(doc, sdk_names, w),
        "webshell": webshell_view(doc, w),
        "verdicts": verdicts,
        "main": verdicts[0] if verdicts else None,
        "permission_groups": _permission_groups(doc, w),
        "sdks": [_sdk_view(s, w, root) for s in doc.get("sdks") or []],
        "notes": list(analysis.get("notes") or []),
        "catalogs": sorted((str(k), str(v)) for k, v in (doc.get("catalogs") or {}).items()),
        "tool_version": (doc.get("tool") or {}).get("version"),
        "taken": [
            {
                "name": w.category(str(a.get("category"))),
                "sent": a.get("evidence") == "transmitted",
                "level": str(a.get("evidence")),
            }
            for a in doc.get("data_access") or []
            if evidence_rank(a.get("evidence")) >= evidence_rank("reachable")
        ],
    }


def _identity_view(doc: Mapping[str, Any], w: Wording) -> dict[str, Any]:
    app = doc.get("app") or {}
    signer = app.get("signer")
    name = app_name(doc)
    return {
        "name": name,
        "initial": _initial(name),
        "package": app.get("package"),
        "version_name": app.get("version_name"),
        "version_code": app.get("version_code"),
        "sha256": app.get("sha256"),
        "signer": signer.get("subject") if isinstance(signer, Mapping) else None,
        "min_sdk": app.get("min_sdk"),
        "target_sdk": app.get("target_sdk"),
        "icon": image_uri(app.get("icon")),
        "bundle": bundle_view(doc, w),  # the files of an app package (issue 21); None for one APK
    }


def _coverage_view(analysis: Mapping[str, Any], w: Wording) -> dict[str, Any]:
    coverage = str(analysis.get("coverage") or "complete")
    return {
        "coverage": coverage,
        "coverage_words": w.get("coverage_values", coverage, default=coverage),
        "caveat": (
            w("caveat_opaque") if coverage == "opaque" else w("caveat_partial") if coverage == "partial" else None
        ),
        "caveat_details": _coverage_details(analysis, w) if coverage != "complete" else [],
    }


def _sdk_view(s: Mapping[str, Any], w: Wording, root: str | None) -> dict[str, Any]:
    return {
        "name": s.get("name"),
        "vendor": s.get("vendor"),
        "kind": s.get("kind"),
        "reads": [w.category(str(c)) for c in s.get("categories") or []],
        "href": f"{root}sdks/{sdk_slug(s.get('id'))}.html" if root is not None else None,
    }


def render_app_page(
    doc: Mapping[str, Any], lang: str = "en", titles: Mapping[str, str] | None = None, root: str | None = None
) -> str:
    w = wording(lang)
    view = app_view(doc, w, titles, root)
    return templating.render(
        "app.html",
        w=w,
        app=view,
        title=view["name"],
        tool_version=view["tool_version"],
        nav=root is not None,
        root=root or "",
        with_script=False,
    )


def render_docs(docs: Sequence[Mapping[str, Any]], lang: str = "en") -> str:
    """One report is one page; several reports are shown one after another on one page."""
    if len(docs) == 1:
        return render_app_page(docs[0], lang)
    w = wording(lang)
    views = [app_view(d, w) for d in docs]
    return templating.render(
        "apps.html",
        w=w,
        apps=views,
        title=" · ".join(v["name"] for v in views),
        tool_version=views[0]["tool_version"] if views else None,
        nav=False,
        root="",
        with_script=False,
    )


def render(reports: Sequence[Report], lang: str = "en") -> str:
    return render_docs([json_report.report_dict(r) for r in reports], lang)


def render_diff(d: Any, lang: str = "en") -> str:
    """The page of `apkaudit diff --format html`: what changed between two versions of an app."""
    w = wording(lang)

    def side(s: Any) -> dict[str, Any]:
        return {
            "name": s.name,
            "package": s.package,
            "version": f"{s.version_name or '?'} ({s.version_code if s.version_code is not None else '?'})",
            "sha256": s.sha256,
            "grade_letter": s.grade if s.grade in GRADE_CLASS else "–",
            "grade_class": grade_class(s.grade),
            "score": s.score,
        }

    categories = [
        {
            "name": _capital(w.category(c.category)),
            "old": w.get("evidence_short", str(c.old), default="–") if c.old else "–",
            "new": w.get("evidence_short", str(c.new), default="–") if c.new else "–",
            "direction": w("diff_" + c.direction),
            "worse": c.direction in ("new", "rose"),
        }
        for c in d.categories
    ]
    old, new = side(d.old), side(d.new)
    return templating.render(
        "diff.html",
        w=w,
        d=d,
        old=old,
        new=new,
        categories=categories,
        title=w("diff_title", old=f"{old['name']} {old['version']}", new=f"{new['name']} {new['version']}"),
        tool_version=__version__,
        nav=False,
        root="",
        with_script=False,
    )
