"""The ratings site: a static site built from a batch of JSON report dicts, as {relative path: HTML text}.

Pages: index.html (the ratings table, sortable and filterable in the browser and readable without script, and
the market charts as inline SVG), apps/<sha256>.html (one report page per app), sdks/<id>.html (which apps carry
an SDK and what its code reads), methodology.html (generated from the rule books themselves). File names come
from the APK's SHA-256 and from catalogue ids, never from strings an app's author wrote. Writing the files is
the CLI's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from apkaudit.catalogs import CATEGORIES
from apkaudit.errors import ApkAuditError
from apkaudit.model import Citation
from apkaudit.policy.load import Instrument, Policy
from apkaudit.report import templating
from apkaudit.report.html import (
    GRADE_CLASS,
    GRADE_ORDER,
    app_name,
    app_view,
    citation_counts,
    citation_view,
    grade_class,
    grade_rank,
    is_sha256,
    policy_titles,
    render_app_page,
    sdk_slug,
)
from apkaudit.report.json_report import citation_dict
from apkaudit.report.strings import Wording, wording
from apkaudit.report.summary import evidence_rank

TOP_SDKS = 10
_CHART_WIDTH = 400  # SVG user units; labels sit above their bars so the chart reads on a phone
_BAR_LEFT = 0
_BAR_MAX = 240


class SiteError(ApkAuditError):
    """The reports given cannot make a site (not apkaudit reports, or none at all)."""


def app_path(doc: Mapping[str, Any]) -> str:
    return f"apps/{doc['app']['sha256']}.html"


def _checked(reports: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One report per APK (the first given), each with the SHA-256 its page is named after."""
    seen: set[str] = set()
    out = []
    for n, doc in enumerate(reports):
        app = doc.get("app") if isinstance(doc, Mapping) else None
        sha = app.get("sha256") if isinstance(app, Mapping) else None
        if not is_sha256(sha):
            raise SiteError(f"report {n + 1}: not an apkaudit report (no app.sha256)")
        assert isinstance(sha, str)
        if sha in seen:
            continue
        seen.add(sha)
        out.append(doc)
    return out


def _taken(doc: Mapping[str, Any], level: str) -> set[str]:
    return {
        str(a.get("category"))
        for a in doc.get("data_access") or []
        if evidence_rank(a.get("evidence")) >= evidence_rank(level)
    }


def _row(doc: Mapping[str, Any], w: Wording) -> dict[str, Any]:
    app = doc.get("app") or {}
    grade = doc.get("grade")
    view = app_view(doc, w)
    return {
        "href": app_path(doc),
        "name": app_name(doc),
        "initial": view["initial"],
        "icon": view["icon"],
        "package": app.get("package"),
        "version": app.get("version_name"),
        "grade_letter": grade if grade in GRADE_CLASS else "–",
        "grade_key": grade if grade in GRADE_CLASS else "incomplete",
        "grade_class": grade_class(grade),
        "grade_rank": grade_rank(grade),
        "score": doc.get("score"),
        "taken": view["taken"],
        "sdk_count": len(doc.get("sdks") or []),
        "search": " ".join(str(x) for x in (app_name(doc), app.get("package") or "")).casefold(),
    }


def _bars(items: Sequence[tuple[str, int, str | None, str]], total: int, w: Wording) -> dict[str, Any]:
    """Geometry of a one-bar-per-item chart: (label, count, href, css class) -> positioned rectangles."""
    rows = []
    for i, (label, count, href, cls) in enumerate(items):
        share = count / total if total else 0.0
        y = i * 40
        rows.append(
            {
                "label": templating.clip(label, 40),
                "href": href,
                "cls": cls,
                "label_y": y + 14,
                "bar_y": y + 20,
                "width": round(max(share * _BAR_MAX, 1.5 if count else 0), 1),
                "value_x": round(_BAR_LEFT + max(share * _BAR_MAX, 0) + 6, 1),
                "value_y": y + 32,
                "value": f"{share:.0%} · {w('chart_apps_count', count=count, total=total)}",
            }
        )
    return {"rows": rows, "width": _CHART_WIDTH, "height": max(len(rows) * 40 + 4, 40), "track": _BAR_MAX}


def _pair_bars(items: Sequence[tuple[str, int, int]], total: int, w: Wording) -> dict[str, Any]:
    """Two bars per item (reads, sends)."""
    rows = []
    for i, (label, reads, sends) in enumerate(items):
        y = i * 52
        r_share, s_share = (reads / total, sends / total) if total else (0.0, 0.0)
        rows.append(
            {
                "label": label,
                "label_y": y + 14,
                "reads_y": y + 20,
                "sends_y": y + 34,
                "reads_w": round(max(r_share * _BAR_MAX, 1.5 if reads else 0), 1),
                "sends_w": round(max(s_share * _BAR_MAX, 1.5 if sends else 0), 1),
                "reads_x": round(r_share * _BAR_MAX + 6, 1),
                "sends_x": round(s_share * _BAR_MAX + 6, 1),
                "reads_v": f"{r_share:.0%} {w('chart_reads')}",
                "sends_v": f"{s_share:.0%} {w('chart_sends')}",
            }
        )
    return {"rows": rows, "width": _CHART_WIDTH, "height": max(len(rows) * 52 + 4, 40), "track": _BAR_MAX}


def _sdk_table(docs: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """SDK id -> its catalogue fields and the apps that carry it (with what its code reads in each)."""
    found: dict[str, dict[str, Any]] = {}
    for doc in docs:
        for s in doc.get("sdks") or []:
            sid = str(s.get("id"))
            entry = found.setdefault(
                sid,
                {"id": sid, "name": s.get("name") or sid, "vendor": s.get("vendor"), "kind": s.get("kind"), "apps": []},
            )
            entry["apps"].append((doc, [str(c) for c in s.get("categories") or []]))
    return found


def _charts(docs: Sequence[Mapping[str, Any]], sdks: Mapping[str, dict[str, Any]], w: Wording) -> dict[str, Any]:
    total = len(docs)
    grades = Counter(d.get("grade") if d.get("grade") in GRADE_CLASS else "incomplete" for d in docs)
    grade_items = [
        (g if g != "incomplete" else w("grade_incomplete"), grades[g], None, "g" + (g if g in GRADE_CLASS else "X"))
        for g in GRADE_ORDER
        if g in GRADE_CLASS or grades[g]
    ]
    reads = Counter(c for d in docs for c in _taken(d, "reachable"))
    sends = Counter(c for d in docs for c in _taken(d, "transmitted"))
    known = [c for c in CATEGORIES if reads[c]] + sorted(c for c in reads if c not in CATEGORIES)
    category_items = [(w.category(c), reads[c], sends[c]) for c in known]
    ranked = sorted(sdks.values(), key=lambda s: (-len(s["apps"]), str(s["name"]), s["id"]))[:TOP_SDKS]
    sdk_items = [(str(s["name"]), len(s["apps"]), f"sdks/{sdk_slug(s['id'])}.html", "bar") for s in ranked]
    dest_items = [(label, n, None, "bar") for label, n in destination_counts(docs, sdks)[:TOP_SDKS]]
    return {
        "grades": _bars(grade_items, total, w),
        "categories": _pair_bars(category_items, total, w) if category_items else None,
        "sdks": _bars(sdk_items, total, w) if sdk_items else None,
        "destinations": _bars(dest_items, total, w) if dest_items else None,
    }


def destination_counts(docs: Sequence[Mapping[str, Any]], sdks: Mapping[str, dict[str, Any]]) -> list[tuple[str, int]]:
    """Where personal data goes across apps: (an SDK's collector, a registrable domain or an IP, apps sending there),
    most apps first. A collector many apps feed is the site's strongest aggregate (issue 19)."""
    apps: Counter[str] = Counter()
    for doc in docs:
        sf = doc.get("servers")
        if not isinstance(sf, Mapping):
            continue
        seen = set()
        for d in sf.get("destinations") or []:
            if not isinstance(d, Mapping) or not d.get("host"):
                continue
            collector = d.get("collector")
            if collector:
                name = str((sdks.get(str(collector)) or {}).get("name") or collector)
                seen.add(f"{name}: {d.get('domain') or d.get('host')}")
            else:
                seen.add(str(d.get("domain") or d.get("host")))
        apps.update(seen)
    return sorted(apps.items(), key=lambda kv: (-kv[1], kv[0]))


def _index(
    docs: Sequence[Mapping[str, Any]],
    sdks: Mapping[str, dict[str, Any]],
    errors: Sequence[Mapping[str, Any]],
    w: Wording,
    tool_version: str | None,
) -> str:
    rows = sorted(
        (_row(d, w) for d in docs),
        key=lambda r: (
            r["grade_rank"] == len(GRADE_ORDER) - 1,
            r["score"] if r["score"] is not None else 101,
            r["name"].casefold(),
            r["href"],
        ),
    )
    grades_present = [g for g in GRADE_ORDER if any(r["grade_key"] == g for r in rows)]
    return templating.render(
        "index.html",
        w=w,
        rows=rows,
        total=len(rows),
        grades=[(g, g if g != "incomplete" else w("grade_incomplete")) for g in grades_present],
        charts=_charts(docs, sdks, w),
        errors=[{"path": e.get("path"), "message": e.get("message")} for e in errors],
        title=w("site_title", count=len(rows)),
        tool_version=tool_version,
        nav=True,
        root="",
        with_script=True,
    )


def _sdk_page(sdk: Mapping[str, Any], total: int, w: Wording, tool_version: str | None) -> str:
    apps = []
    for doc, categories in sorted(sdk["apps"], key=lambda x: (app_name(x[0]).casefold(), x[0]["app"]["sha256"])):
        view = app_view(doc, w)
        apps.append(
            {
                "href": "../" + app_path(doc),
                "name": view["name"],
                "initial": view["initial"],
                "icon": view["icon"],
                "package": view["package"],
                "grade_letter": view["main"]["grade_letter"] if view["main"] else "–",
                "grade_class": view["main"]["grade_class"] if view["main"] else "g-x",
                "reads": [w.category(c) for c in categories],
            }
        )
    reads = Counter(c for _, categories in sdk["apps"] for c in categories)
    return templating.render(
        "sdk.html",
        w=w,
        sdk=sdk,
        apps=apps,
        reads=[(w.category(c), n) for c, n in sorted(reads.items(), key=lambda x: (-x[1], x[0]))],
        count=len(apps),
        total=total,
        title=w("sdk_page_title", name=sdk["name"]),
        tool_version=tool_version,
        nav=True,
        root="../",
        with_script=False,
    )


def _rule_view(rule: Any, w: Wording) -> dict[str, Any]:
    def cite(c: Citation) -> dict[str, Any]:
        return citation_view(citation_dict(c), w)  # the same fields as in the JSON report

    message = rule.message_zh if w.lang == "zh" and rule.message_zh else rule.message_en
    condition = rule.condition_zh if w.lang == "zh" and rule.condition_zh else rule.condition_en
    return {
        "id": rule.id,
        "category": w.category(rule.category),
        "verdict": w.get("verdict_values", rule.verdict, default=rule.verdict),
        "weight": f"{rule.weight:g}",
        "severity": [
            (w.get("evidence_short", e.value, default=e.value), w.get("severity_values", s.value, default=s.value))
            for e, s in rule.severity.items()
        ],
        "message": " ".join(message.split()),
        "condition": " ".join(condition.split()) if condition else None,
        "citation": cite(rule.citation),
        "see_also": [cite(c) for c in rule.see_also],
    }


def _instrument_view(i: Instrument, w: Wording) -> dict[str, Any]:
    """An instrument as the methodology page lists it: the same source facts and links as next to a citation."""
    c = citation_view(citation_dict(Citation(i.name, "", "", url=i.url, source=i.source)), w)
    return {
        "name": i.name,
        "name_en": i.name_en,
        "facts": c["facts"],
        "url": c["url"],
        "url_words": c["url_words"],
        "seen": c["seen"],
    }


def _methodology(
    docs: Sequence[Mapping[str, Any]], policies: Sequence[Policy], w: Wording, tool_version: str | None
) -> str:
    books = []
    for p in policies:
        s = p.scoring
        judged = [d for d in docs if (d.get("policy") or {}).get("id") == p.ref.id]
        mismatched = sum(1 for d in judged if (d.get("policy") or {}).get("sha256") != p.ref.sha256)
        books.append(
            {
                "id": p.ref.id,
                "version": p.ref.version,
                "sha256": p.ref.sha256,
                "title": p.title_zh if w.lang == "zh" and p.title_zh else p.ref.title,
                "description": " ".join(p.description.split()),
                "scoring": " ".join(s.description.split()),
                "factors": [
                    (w.get("evidence_values", e.value, default=e.value), f"{f:g}") for e, f in s.evidence_factor.items()
                ],
                "grades": [(g, f"{m:g}", meaning, GRADE_CLASS.get(g, "g-x")) for g, m, meaning in s.grades],
                "caps": [
                    w("cap_line", severity=w.get("severity_values", sev.value, default=sev.value), grade=g)
                    for sev, g in s.severity_caps.items()
                ],
                "rules": [_rule_view(r, w) for r in p.rules],
                "instruments": [_instrument_view(i, w) for i in p.instruments.values()],
                "citations": citation_counts(dict(p.ref.citations), w),
                "mismatch": w("policy_mismatch", count=mismatched) if mismatched else None,
            }
        )
    tools = sorted({str((d.get("tool") or {}).get("version")) for d in docs})
    catalogs = sorted({(str(k), str(v)) for d in docs for k, v in (d.get("catalogs") or {}).items()})
    return templating.render(
        "methodology.html",
        w=w,
        books=books,
        tools=tools,
        catalogs=catalogs,
        title=w("methodology_title"),
        tool_version=tool_version,
        nav=True,
        root="",
        with_script=False,
    )


def build_site(
    reports: Iterable[Mapping[str, Any]],
    policies: Sequence[Policy],
    lang: str = "en",
    errors: Iterable[Mapping[str, Any]] = (),
) -> dict[str, str]:
    """Every page of the site, keyed by its path relative to the site folder ('/'-separated)."""
    w = wording(lang)
    docs = _checked(reports)
    if not docs:
        raise SiteError("no reports to build a site from")
    tool_version = max((str((d.get("tool") or {}).get("version")) for d in docs), default=None)
    titles = policy_titles(policies, lang)
    sdks = _sdk_table(docs)
    pages = {
        "index.html": _index(docs, sdks, list(errors), w, tool_version),
        "methodology.html": _methodology(docs, policies, w, tool_version),
    }
    for doc in docs:
        pages[app_path(doc)] = render_app_page(doc, lang, titles, root="../")
    for sdk in sdks.values():
        pages[f"sdks/{sdk_slug(sdk['id'])}.html"] = _sdk_page(sdk, len(docs), w, tool_version)
    return dict(sorted(pages.items()))


def load_inputs(db: str | None, report_files: Sequence[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The reports (and the errors) to build a site from: a batch results database and/or JSON report files."""
    from apkaudit.report.document import read_reports

    docs: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    if db:
        try:
            from apkaudit.batch.store import Store
        except ImportError:
            raise SiteError(f"{db}: the batch results store is not part of this installation") from None
        store = Store(db)
        try:
            docs.extend(store.reports())
            errors.extend(store.errors())
        finally:
            store.close()
    for f in report_files:
        docs.extend(read_reports(f))
    return docs, errors
