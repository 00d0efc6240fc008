"""An evidence pack for one app, one rule book and one complaint channel: cover letter, evidence annex,
reproduction note and what static analysis cannot show (issue 20).

The pack is built from the JSON report dict (`json_report.report_dict`, or a report file, or the batch store), so
a pack made from a fresh audit and one made from a stored result are the same pack. The wording is data
(`strings.yaml` next to this module, one table per language, one letter per channel kind); the channel's
language, route and limits come from the rule book (`complaints[].pack`). Everything from the APK is bounded here
(`text.bounded`) and escaped where it is written: by the shared jinja2 environment (autoescape, invisible
characters made visible) for HTML, by `markdown.esc` for Markdown.
"""

from __future__ import annotations

import functools
import hashlib
import shlex
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from apkaudit import __version__
from apkaudit.errors import ApkAuditError
from apkaudit.policy import sources
from apkaudit.policy.load import Policy
from apkaudit.report import html, json_report, templating
from apkaudit.report.strings import Wording, wording, wording_table
from apkaudit.report.summary import summary
from apkaudit.report.templating import http_url
from apkaudit.report.text import MAX_ENDPOINT, MAX_FRAME, MAX_SHOWN, bounded

LETTER_LANGS = ("en", "zh")
KINDS = ("regulator", "platform", "police")
MAX_SITES = 10  # code sites shown per finding; the JSON report has all of them
MAX_QUOTE = 300  # characters of a privacy-policy sentence quoted
SEVERITIES = ("info", "low", "medium", "high", "critical")


class ComplaintError(ApkAuditError):
    """A pack cannot be made as asked (no such channel, no verdict under that rule book...)."""


def _table() -> dict[str, Any]:
    return wording_table("complaint/strings.yaml")


def pack_wording(lang: str) -> Wording:
    if lang not in LETTER_LANGS:
        raise ComplaintError(f"no letter wording in {lang!r} (known: {', '.join(LETTER_LANGS)})")
    return Wording(lang, _table()[lang])


def language_name(code: str, lang: str) -> str:
    names = _table()["languages"].get(code) or {}
    return str(names.get(lang) or names.get("en") or code)


# -- choosing the channel, the verdict and the language ---------------------------------------------------------


def channel_ids(policy: Policy) -> list[str]:
    return [str(c.get("id") or f"channel-{n + 1}") for n, c in enumerate(policy.channels)]


def find_channel(policy: Policy, wanted: str | None) -> dict[str, Any]:
    """The channel named by id, telephone number or name; without one, the first channel with a pack."""
    channels = list(policy.channels)
    if not channels:
        raise ComplaintError(f"rule book {policy.ref.id} lists no complaint channel")
    ids = channel_ids(policy)
    if wanted is None:
        for c, cid in zip(channels, ids, strict=True):
            if "pack" in c:
                return {**c, "id": cid}
        return {**channels[0], "id": ids[0]}
    key = wanted.strip().lower()
    for c, cid in zip(channels, ids, strict=True):
        names = {cid, str(c.get("phone") or "").lower(), str(c.get("name") or "").lower()}
        if key in names:
            return {**c, "id": cid}
    raise ComplaintError(f"rule book {policy.ref.id} has no channel {wanted!r} (its channels: {', '.join(ids)})")


def letter_language(channel: Mapping[str, Any], lang: str | None) -> str:
    """--lang if given, else the channel's language when there is a letter in it, else English."""
    if lang:
        return lang
    own = str((channel.get("pack") or {}).get("language") or "en")
    return own if own in LETTER_LANGS else "en"


def verdict_for(doc: Mapping[str, Any], policy_id: str) -> Mapping[str, Any]:
    for v in doc.get("verdicts") or []:
        if isinstance(v, Mapping) and (v.get("policy") or {}).get("id") == policy_id:
            return v
    judged = [str((v.get("policy") or {}).get("id")) for v in doc.get("verdicts") or [] if isinstance(v, Mapping)]
    raise ComplaintError(f"the report has no verdict under {policy_id} (judged under: {', '.join(judged) or 'none'})")


# -- the view: everything the templates show, bounded, in one language ------------------------------------------


def _pick(text: object, lang: str) -> str | None:
    """A {en: ..., zh: ...} text of a rule book in `lang`, else English."""
    if isinstance(text, Mapping):
        value = text.get(lang) or text.get("en")
        return " ".join(str(value).split()) if value else None
    return str(text) if text else None


def transport(url: object) -> str:
    """'cleartext' for http://, 'encrypted' for https://, 'unknown' for anything else (an unresolved address)."""
    if not isinstance(url, str):
        return "unknown"
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return "unknown"
    return {"http": "cleartext", "https": "encrypted", "ws": "cleartext", "wss": "encrypted"}.get(scheme, "unknown")


def _destinations(site: Mapping[str, Any]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for flow in site.get("flows") or []:
        if not isinstance(flow, Mapping) or flow.get("kind") not in ("network", "webview"):
            continue
        endpoint = flow.get("endpoint")
        key = str(endpoint)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "endpoint": bounded(str(endpoint), MAX_ENDPOINT) if endpoint else "",
                "transport": transport(endpoint),
                "sink": bounded(str(flow.get("sink") or ""), MAX_FRAME),
            }
        )
    return out


def _site(site: Mapping[str, Any], sdk_names: Mapping[str, str], w: Wording) -> dict[str, Any]:
    path = [bounded(str(f), MAX_FRAME) for f in site.get("path") or []]
    owner = site.get("owner")
    return {
        "method": bounded(str(site.get("method") or ""), MAX_FRAME),
        "api": bounded(str(site.get("api") or ""), MAX_FRAME),
        "path": path,
        "entry_kind": site.get("entry_kind"),
        "owner": w("first_party") if owner in (None, "first-party") else bounded(sdk_names.get(str(owner), str(owner))),
        "destinations": _destinations(site),
        "sent": any(
            isinstance(f, Mapping) and f.get("kind") in ("network", "webview") for f in site.get("flows") or []
        ),
    }


def _denials(doc: Mapping[str, Any], finding: Mapping[str, Any]) -> list[dict[str, str]]:
    """The bundled privacy-policy sentences that say the app does not collect what this finding shows it reads."""
    sentences: list[Mapping[str, Any]] = [q for q in finding.get("quotes") or [] if isinstance(q, Mapping)]
    told = doc.get("disclosure")
    if isinstance(told, Mapping):
        for c in told.get("categories") or []:
            if (
                isinstance(c, Mapping)
                and c.get("category") == finding.get("category")
                and c.get("cross") == ("contradicted")
            ):
                sentences += [s for s in c.get("sentences") or [] if isinstance(s, Mapping)]
    out: list[dict[str, str]] = []
    for s in sentences:
        if s.get("stance") != "denies" or not s.get("text"):
            continue
        item = {"text": bounded(str(s["text"]), MAX_QUOTE), "document": bounded(str(s.get("document") or "?"), 200)}
        if item not in out:
            out.append(item)
    return out


def _instrument_name(policy: Policy, instrument_id: object, lang: str) -> str:
    instrument = policy.instruments.get(str(instrument_id))
    if instrument is None:
        return str(instrument_id)
    if lang == "en" and instrument.name_en:
        return f"{instrument.name_en} ({instrument.name})"
    return instrument.name


def _citation(c: Mapping[str, Any], policy: Policy, rw: Wording) -> dict[str, Any]:
    view = html.citation_view(c, rw)
    view["name"] = _instrument_name(policy, c.get("instrument"), rw.lang)
    view["gloss"] = c.get("gloss") if rw.lang == "en" else None
    return view


def _finding(
    n: int, f: Mapping[str, Any], doc: Mapping[str, Any], policy: Policy, w: Wording, rw: Wording
) -> dict[str, Any]:
    sdk_names = {str(s.get("id")): str(s.get("name") or s.get("id")) for s in doc.get("sdks") or []}
    sites = [s for s in f.get("sites") or [] if isinstance(s, Mapping)]
    # the most telling sites first: data sent, then a call path
    sites.sort(key=lambda s: (not _destinations(s), not s.get("path")))
    messages = f.get("messages") if isinstance(f.get("messages"), Mapping) else {}
    message = (messages or {}).get(rw.lang) or (f.get("message_zh") if rw.lang == "zh" else None) or f.get("message")
    severity = str(f.get("severity"))
    evidence = str(f.get("evidence"))
    perms = ", ".join(str(p).rsplit(".", 1)[-1] for p in f.get("permissions") or [])
    return {
        "n": n,
        "rule": str(f.get("rule")),
        "severity": rw.get("severity_values", severity, default=severity),
        "severity_id": severity,
        "category": rw.category(str(f.get("category"))),
        "category_id": str(f.get("category")),
        "evidence": rw.get("evidence_values", evidence, default=evidence),
        "message": " ".join(str(message or "").split()),
        "manifest_only": None if sites else w.get("annex", "manifest_only").format(permissions=perms or "–"),
        "sites": [_site(s, sdk_names, rw) for s in sites[:MAX_SITES]],
        "more_sites": max(0, len(sites) - MAX_SITES),
        "citation": _citation(f.get("citation") or {}, policy, rw),
        "see_also": [_citation(c, policy, rw) for c in f.get("see_also") or [] if isinstance(c, Mapping)],
        "denials": _denials(doc, f),
    }


def _rules_broken(findings: Sequence[Mapping[str, Any]]) -> list[str]:
    out: list[str] = []
    for f in findings:
        c = f["citation"]
        line = f"{c['name']}, {c['article']}" if c.get("article") else str(c["name"])
        if line not in out:
            out.append(line)
    return out


def _channel_view(channel: Mapping[str, Any], lang: str, w: Wording) -> dict[str, Any]:
    pack = channel.get("pack") if isinstance(channel.get("pack"), Mapping) else None
    name = channel.get("name_local") if lang != "en" and channel.get("name_local") else channel.get("name")
    attachments = str((pack or {}).get("attachments") or "unknown")
    own_lang = str((pack or {}).get("language") or "")
    source_url = http_url((pack or {}).get("source_url") or channel.get("source_url"))
    return {
        "id": channel.get("id"),
        "kind": channel.get("kind") if channel.get("kind") in KINDS else "regulator",
        "name": str(name),
        "name_en": str(channel.get("name")),
        "phone": channel.get("phone"),
        "url": http_url(channel.get("url")),
        "email": channel.get("email"),
        "has_pack": pack is not None,
        "accepts": _pick((pack or {}).get("accepts"), lang)
        or _pick({"en": channel.get("for"), lang: _local_for(channel, lang)}, lang),
        "route": _pick((pack or {}).get("route"), lang),
        "attachments": w.get("channel", "attachments_values", attachments, default=attachments),
        "attachment_note": _pick((pack or {}).get("attachment_note"), lang),
        "max_chars": (pack or {}).get("max_chars"),
        "source": str((pack or {}).get("source") or channel.get("source") or ""),
        "source_url": source_url if source_url and sources.is_official(source_url) else None,
        "confidence": str((pack or {}).get("confidence") or channel.get("confidence") or "unverified"),
        "language_note": w.get("channel", "letter_language").format(
            language=language_name(own_lang, lang), letter_language=language_name(lang, lang)
        )
        if own_lang and own_lang != lang
        else None,
    }


def _local_for(channel: Mapping[str, Any], lang: str) -> str | None:
    text = channel.get("for")
    return str(text.get(lang)) if isinstance(text, Mapping) and text.get(lang) else None


def _blank(w: Wording, key: str) -> dict[str, Any]:
    return {"blank": True, "text": w("blank", what=w.get("blanks", key))}


def _filled(complainant: Mapping[str, Any], key: str, w: Wording) -> dict[str, Any]:
    value = complainant.get(key)
    if value:
        return {"blank": False, "text": value if isinstance(value, str) else "; ".join(value)}
    return _blank(w, key)


def report_sha256(doc: Mapping[str, Any]) -> str:
    """SHA-256 of the report exactly as `apkaudit scan --format json` writes it."""
    return hashlib.sha256(json_report.dumps(doc).encode("utf-8")).hexdigest()


def scan_command(doc: Mapping[str, Any], policy_args: Sequence[str]) -> str:
    path = str((doc.get("app") or {}).get("path") or "APP.apk")
    parts = ["apkaudit", "scan", path]
    for p in policy_args:
        parts += ["--policy", p]
    parts += ["--format", "json", "-o", "report.json"]
    return " ".join(shlex.quote(bounded(x, MAX_SHOWN)) for x in parts)


def build_view(
    doc: Mapping[str, Any],
    policy: Policy,
    channel: Mapping[str, Any],
    lang: str,
    complainant: Mapping[str, Any] | None = None,
    policy_args: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Everything a pack shows, in one language, with every APK string bounded (escaping is the writer's)."""
    w = pack_wording(lang)
    rw = wording(lang)
    verdict = verdict_for(doc, policy.ref.id)
    ch = _channel_view(channel, lang, w)
    app = _app_view(doc)
    findings_raw = sorted(
        (f for f in verdict.get("findings") or [] if isinstance(f, Mapping)),
        key=html._gravest_first,  # noqa: SLF001 - the report's own order of gravity
    )
    findings = [_finding(n + 1, f, doc, policy, w, rw) for n, f in enumerate(findings_raw)]
    vpolicy = verdict.get("policy") or {}
    ids = [str((v.get("policy") or {}).get("id")) for v in doc.get("verdicts") or [] if isinstance(v, Mapping)]
    return {
        "lang": lang,
        "lang_attr": w("lang_attr"),
        "title": w("title", app=app["name"]),
        "kind": ch["kind"],
        "channel": ch,
        "letter": _letter_view(doc, ch, app, findings, complainant or {}, w, rw),
        "app": app,
        "verdict": {
            "policy_id": vpolicy.get("id"),
            "policy_title": policy.title_zh if lang == "zh" and policy.title_zh else vpolicy.get("title"),
            "policy_version": vpolicy.get("version"),
            "policy_sha256": vpolicy.get("sha256"),
            "grade": verdict.get("grade"),
            "score": verdict.get("score"),
        },
        "findings": findings,
        "no_policy_text": not isinstance(doc.get("disclosure"), Mapping)
        or (doc.get("disclosure") or {}).get("status") != "found",
        "repro": _repro_view(doc, policy, vpolicy, policy_args or ids, w),
        "limits": {"coverage": _coverage_limit(doc, w, rw)},
        "footer": w("footer", version=__version__),
    }


def _app_view(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The app as the pack names it: every string bounded."""
    app = doc.get("app") or {}
    signer = app.get("signer") if isinstance(app.get("signer"), Mapping) else None
    return {
        "name": bounded(html.app_name(doc)),
        "file": bounded(PurePath(str(app.get("path") or "?")).name, 300),
        "path": bounded(str(app.get("path") or "?")),
        "sha256": app.get("sha256"),
        "package": bounded(str(app.get("package") or "?")),
        "version": bounded(f"{app.get('version_name') or '?'} ({app.get('version_code', '?')})", 200),
        "signer_sha256": signer.get("sha256") if signer else None,
        "signer_subject": bounded(str(signer.get("subject"))) if signer and signer.get("subject") else None,
    }


def _letter_view(
    doc: Mapping[str, Any],
    ch: Mapping[str, Any],
    app: Mapping[str, Any],
    findings: Sequence[Mapping[str, Any]],
    who: Mapping[str, Any],
    w: Wording,
    rw: Wording,
) -> dict[str, Any]:
    letter = w.get("letter")
    kind_words = letter[ch["kind"]]
    name, package = app["name"], app["package"]
    return {
        "to": kind_words["to"].format(channel=ch["name"]),
        "subject": kind_words["subject"].format(app=name, package=package),
        "salutation": kind_words["salutation"],
        "intro": kind_words["intro"],
        "ask": list(kind_words["ask"]),
        "app_line": letter["app_line"].format(
            app=name, package=package, version=app["version"], sha256=(doc.get("app") or {}).get("sha256") or "?"
        ),
        "developer": _filled(who, "developer", w),
        "store_url": _filled(who, "store_url", w),
        "conduct": [bounded(s, 1000) for s in summary(doc, rw)],
        "rules": _rules_broken(findings),
        "harm": _filled(who, "harm", w),
        "name": _filled(who, "name", w),
        "contact": _filled(who, "contact", w),
        "relation": _filled(who, "relation", w),
        "evidence": _filled(who, "evidence", w),
        "date": _filled(who, "date", w),
        "place": _filled(who, "place", w),
        "no_findings": not findings,
    }


def _repro_view(
    doc: Mapping[str, Any], policy: Policy, vpolicy: Mapping[str, Any], policy_args: Sequence[str], w: Wording
) -> dict[str, Any]:
    return {
        "tool": f"apkaudit {(doc.get('tool') or {}).get('version')}",
        "catalogs": sorted((str(k), str(v)) for k, v in (doc.get("catalogs") or {}).items()),
        "report_sha256": report_sha256(doc),
        "command": scan_command(doc, policy_args),
        "drift": w.get("repro", "drift").format(now=policy.ref.sha256[:16], then=str(vpolicy.get("sha256"))[:16])
        if vpolicy.get("sha256") != policy.ref.sha256
        else None,
    }


def _coverage_limit(doc: Mapping[str, Any], w: Wording, rw: Wording) -> str | None:
    """What the pack says of code the audit could not see, or None when it saw it all."""
    analysis = doc.get("analysis") or {}
    coverage = str(analysis.get("coverage") or "complete")
    if coverage == "opaque":
        return str(w.get("limits", "coverage_opaque"))
    if coverage == "partial":
        details = "; ".join(html._coverage_details(analysis, rw)) or rw("caveat_partial")  # noqa: SLF001
        return str(w.get("limits", "coverage_partial").format(details=details))
    return None


# -- writers ------------------------------------------------------------------------------------------------------


@functools.cache
def pack_css() -> Markup:
    return Markup(resources.files("apkaudit").joinpath("report/templates/complaint.css").read_text("utf-8"))


def render_html(view: Mapping[str, Any]) -> str:
    w = pack_wording(str(view["lang"]))
    return templating.render("complaint.html", v=view, w=w, pack_css=pack_css(), csp=templating.csp(False))


def render_index(rows: Sequence[Mapping[str, Any]], lang: str, selection: str, db: str) -> str:
    w = pack_wording(lang)
    return templating.render(
        "complaint_index.html",
        rows=rows,
        w=w,
        selection=selection,
        db=bounded(PurePath(db).name, 200),
        pack_css=pack_css(),
        csp=templating.csp(False),
        footer=w("footer", version=__version__),
    )


def render_pdf(html_text: str) -> bytes:
    """The HTML pack printed to A4 by headless Chromium through Playwright, when both are installed."""
    from apkaudit.complaint.pdf import print_pdf

    return print_pdf(html_text)
