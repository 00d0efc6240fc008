"""The evidence pack in Markdown, from the same view as the HTML pack: every value is escaped (`markdown.esc`)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from apkaudit.complaint.pack import pack_wording
from apkaudit.report.markdown import _MD_SPECIAL
from apkaudit.report.text import MAX_PATH, MAX_SHOWN, bounded, one_line


def esc(text: object, limit: int = MAX_SHOWN) -> str:
    """As `report.markdown.esc` (one line, bounded, Markdown and HTML escaped), but quotes are left alone: they are
    harmless outside attributes, and an escaped `&#x27;` whose `#` is then Markdown-escaped would show literally."""
    if text is None:
        return "–"
    flat = "".join(ch if ch.isprintable() else " " for ch in one_line(str(text)))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(bounded(flat, limit), quote=False))


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in the text, so the text cannot end it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _f(field: Mapping[str, Any]) -> str:
    """A filled value, or a blank marked so that nobody can miss it."""
    if field["blank"]:
        return f"**{esc(field['text'])}**"
    return esc(field["text"], 6000)


def _citation(c: Mapping[str, Any], w: Any) -> list[str]:
    head = f"**{esc(c['name'])}**" + (f", {esc(c['article'])}" if c.get("article") else "")
    out = [head, ""]
    if c.get("quote"):
        out += [f"> {esc(c['quote'], 2000)}", ""]
    if c.get("gloss"):
        out += [f"*{esc(c['gloss'], 2000)}*", ""]
    meta = w.get("annex", "quote_note").format(confidence=c.get("confidence_words") or "")
    if c.get("facts"):
        meta += " " + " · ".join(c["facts"]) + "."
    out += [esc(meta, 2000), ""]
    if c.get("url"):
        out += [f"{esc(w.get('annex', 'official'))}: <{c['url']}>", ""]
    for s in c.get("seen") or []:
        link = f" <{s['url']}>" if s.get("url") else ""
        out += [f"{esc(w.get('annex', 'wording_seen'))}: {esc(s['name'])} ({esc(s['kind'])}){link}", ""]
    return out


def render_markdown(v: Mapping[str, Any]) -> str:
    w = pack_wording(str(v["lang"]))
    out = _letter(v["letter"], w)
    out += _channel(v["channel"], w)
    out += _annex(v, w)
    out += _repro(v, w)
    out += _limits(v, w)
    out += [f"*{esc(v['footer'], 1000)}*"]
    return "\n".join(out) + "\n"


def _letter(letter: Mapping[str, Any], w: Any) -> list[str]:
    out = [f"# {esc(letter['subject'], 1000)}", "", f"*{esc(w.get('sections', 'letter'))}*", ""]
    out += [f"**{esc(letter['to'], 1000)}**", "", esc(letter["salutation"]), "", esc(letter["intro"], 2000), ""]
    out += [esc(letter["app_line"], 2000), ""]
    out += [f"{esc(w.get('letter', 'developer_line'))} {_f(letter['developer'])}", ""]
    out += [f"{esc(w.get('letter', 'store_line'))} {_f(letter['store_url'])}", ""]
    if letter["no_findings"]:
        out += [esc(w.get("letter", "no_findings"), 1000), ""]
    out += [f"## {esc(w.get('letter', 'conduct_head'))}", ""] + [f"- {esc(s, 1000)}" for s in letter["conduct"]] + [""]
    out += [f"## {esc(w.get('letter', 'rules_head'))}", ""] + [f"- {esc(r, 1000)}" for r in letter["rules"]] + [""]
    out += [f"## {esc(w.get('letter', 'harm_head'))}", "", _f(letter["harm"]), ""]
    out += [f"## {esc(w.get('letter', 'ask_head'))}", ""]
    out += [f"{n}. {esc(x, 1000)}" for n, x in enumerate(letter["ask"], 1)] + [""]
    out += [esc(w.get("letter", "evidence_line"), 1000), "", esc(w.get("letter", "closing")), ""]
    for label, key in (
        ("name_label", "name"),
        ("contact_label", "contact"),
        ("relation_label", "relation"),
        ("attached_label", "evidence"),
    ):
        out += [f"- {esc(w.get('letter', label))}: {_f(letter[key])}"]
    out += [f"- {esc(w.get('letter', 'date_label'))}: {_f(letter['date'])} {_f(letter['place'])}", ""]
    return out


def _channel(ch: Mapping[str, Any], w: Any) -> list[str]:
    c = w.get("channel")
    out = ["---", "", f"## {esc(w.get('sections', 'channel'))}", ""]
    name = esc(ch["name"]) + (f" ({esc(ch['name_en'])})" if ch["name"] != ch["name_en"] else "")
    out += [f"- {esc(c['name'])}: {name}"]
    phone = esc(ch["phone"]) if ch.get("phone") else ""
    email = esc(ch["email"]) if ch.get("email") else ""
    contact = " ".join(x for x in (phone, f"<{ch['url']}>" if ch.get("url") else "", email) if x)
    out += [f"- {esc(c['contact'])}: {contact.strip() or '–'}"]
    if ch.get("accepts"):
        out += [f"- {esc(c['accepts'])}: {esc(ch['accepts'], 2000)}"]
    if ch["has_pack"]:
        note = f". {esc(ch['attachment_note'], 2000)}" if ch.get("attachment_note") else ""
        limit = c["max_chars_value"].format(n=ch["max_chars"]) if ch.get("max_chars") else c["max_chars_unknown"]
        out += [f"- {esc(c['route'])}: {esc(ch['route'], 2000)}"]
        out += [f"- {esc(c['attachments'])}: {esc(ch['attachments'])}{note}"]
        out += [f"- {esc(c['max_chars'])}: {esc(limit, 1000)}"]
    else:
        out += [f"- {esc(c['route'])}: {esc(c['no_pack'], 1000)}"]
    src = f" <{ch['source_url']}>" if ch.get("source_url") else ""
    out += [f"- {esc(c['source'])}: {esc(ch['source'], 2000)} ({esc(ch['confidence'])}){src}", ""]
    if ch.get("language_note"):
        out += [esc(ch["language_note"], 1000), ""]
    return out


def _annex(v: Mapping[str, Any], w: Any) -> list[str]:
    a = w.get("annex")
    app, verdict = v["app"], v["verdict"]
    out = ["---", "", f"## {esc(w.get('sections', 'annex'))}", "", f"### {esc(a['build'])}", "", "| | |", "|---|---|"]
    rows = [
        (a["file"], app["file"]),
        (a["sha256"], app["sha256"]),
        (a["package"], app["package"]),
        (a["version"], app["version"]),
        (a["signer"], app["signer_sha256"] or a["unsigned"]),
    ]
    if app.get("signer_subject"):
        rows.append((a["signer_subject"], app["signer_subject"]))
    rows += [
        (a["rule_book"], f"{verdict['policy_title']} ({verdict['policy_id']} {verdict['policy_version']})"),
        (a["grade"], f"{verdict['grade']} ({verdict['score']}/100)"),
    ]
    out += [f"| {esc(k)} | {esc(x)} |" for k, x in rows] + ["", f"### {esc(a['findings'])}", ""]
    if not v["findings"]:
        out += [esc(a["no_findings"]), ""]
    for f in v["findings"]:
        out += _finding(f, w)
    if v["no_policy_text"]:
        out += [esc(a["policy_none"], 1000), ""]
    return out


def _finding(f: Mapping[str, Any], w: Any) -> list[str]:
    a = w.get("annex")
    out = [f"#### {esc(a['finding'].format(n=f['n'], rule=f['rule']))}", ""]
    out += [
        f"{esc(a['severity'])}: **{esc(f['severity'])}** · {esc(a['data'])}: {esc(f['category'])} · "
        f"{esc(a['evidence'])}: {esc(f['evidence'])}",
        "",
        esc(f["message"], 2000),
        "",
    ]
    if f.get("manifest_only"):
        out += [esc(f["manifest_only"], 2000), ""]
    for s in f["sites"]:
        out += _site(s, a)
    if f["more_sites"]:
        out += [esc(a["more_sites"].format(count=f["more_sites"]))]
    out += ["", f"##### {esc(a['legal'])}", ""] + _citation(f["citation"], w)
    for cit in f["see_also"]:
        out += [f"{esc(a['also'])}:", ""] + _citation(cit, w)
    if f["denials"]:
        out += [f"##### {esc(a['policy_contradicted'])}", ""]
        for q in f["denials"]:
            out += [f"> {esc(q['text'])} ({esc(q['document'])})", ""]
    return out


def _site(s: Mapping[str, Any], a: Mapping[str, Any]) -> list[str]:
    out = [f"- {esc(a['method'])}: {esc(s['method'])}", f"  - {esc(a['api'])}: {esc(s['api'])}"]
    if s["path"]:
        out += [f"  - {esc(a['path'])}: " + esc(" → ".join(s["path"]), MAX_PATH)]
    if s.get("entry_kind"):
        out += [f"  - {esc(a['entry'])}: {esc(s['entry_kind'])}"]
    out += [f"  - {esc(a['owner'])}: {esc(s['owner'])}"]
    if s["destinations"]:
        for d in s["destinations"]:
            out += [f"  - {esc(a['destination'])}: {esc(d['endpoint'] or '–')} ({esc(a[d['transport']])})"]
    else:
        out += [f"  - {esc(a['destination'])}: {esc(a['no_destination'])}"]
    return out


def _repro(v: Mapping[str, Any], w: Any) -> list[str]:
    r = w.get("repro")
    rep, verdict = v["repro"], v["verdict"]
    out = ["---", "", f"## {esc(w.get('sections', 'repro'))}", "", esc(r["intro"], 1000), ""]
    out += [
        f"- {esc(r['tool'])}: {esc(rep['tool'])}",
        f"- {esc(r['rule_book'])}: {esc(verdict['policy_id'])} {esc(verdict['policy_version'])} "
        f"sha256:{esc(verdict['policy_sha256'])}",
        f"- {esc(r['catalogs'])}: " + "; ".join(f"{esc(k)}: {esc(x)}" for k, x in rep["catalogs"]),
        f"- {esc(r['report_sha256'])}: `{rep['report_sha256']}`",
        "",
        esc(r["command"], 1000),
        "",
        f"{_fence(rep['command'])}sh",
        rep["command"],
        _fence(rep["command"]),
        "",
        esc(r["check"], 1000),
        "",
    ]
    if rep.get("drift"):
        out += [esc(rep["drift"], 1000), ""]
    return out


def _limits(v: Mapping[str, Any], w: Any) -> list[str]:
    lim = w.get("limits")
    out = ["---", "", f"## {esc(w.get('sections', 'limits'))}", "", esc(lim["intro"], 1000), ""]
    out += [f"- {esc(x, 1000)}" for x in lim["items"]] + [""]
    if v["limits"].get("coverage"):
        out += [esc(v["limits"]["coverage"], 2000), ""]
    return out
