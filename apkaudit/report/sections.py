"""The sections the table and Markdown writers share with the HTML report: where the data goes (issue 19), what a
web shell's page can do (issue 15) and the files of an app package (issue 21).

Each is the HTML report's own view (`servers_view`, `webshell_view`, `bundle_view`) of the JSON report's dict of a
Report, in the English wording of strings.yaml, so that every writer states the same facts in the same words.
The views clip every string from the APK; the writers escape it (Markdown `esc`, the table's `_clean`).
"""

from __future__ import annotations

from typing import Any

from apkaudit.model import Report
from apkaudit.report import json_report
from apkaudit.report.bundle_view import bundle_view
from apkaudit.report.servers_view import servers_view
from apkaudit.report.strings import Wording, wording
from apkaudit.report.text import short_frame
from apkaudit.report.webshell_view import webshell_view

MAX_INVENTORY_TEXT = 20  # servers of the inventory a text report lists; the HTML report lists 100, the JSON all
MAX_CALLS_TEXT = 20  # bundled script calls a text report lists
MAX_TRUST_ALL = 10  # accept-any-certificate methods named


def words() -> Wording:
    return wording("en")


def servers(r: Report) -> dict[str, Any] | None:
    """The "Where your data goes" view, or None when the report has no server facts or nothing to say."""
    sf = r.facts.servers
    if sf is None:
        return None
    net = sf.network
    if not (sf.destinations or sf.servers or net.cleartext_domains or net.user_certificates or net.trust_all):
        return None
    sdk_names = {u.id: u.name for u in r.facts.sdks}
    view = servers_view({"servers": json_report.servers_dict(sf)}, sdk_names, words())
    if view is None:  # pragma: no cover - servers_dict of ServerFacts is a mapping
        return None
    view["trust_all_code"] = [short_frame(m) for m in net.trust_all[:MAX_TRUST_ALL]]
    view["trust_all_more"] = max(0, len(net.trust_all) - MAX_TRUST_ALL)
    view["notes"] = [*sf.notes, *net.notes]
    return view


def network_lines(view: dict[str, Any]) -> list[str]:
    """The app's network settings in sentences, as the HTML report words them."""
    w = words()
    lines = [w("net_clear_default") if view["cleartext_default"] else w("net_tls_default")]
    if view["cleartext_domains"]:
        lines.append(f"{w('net_clear_domains')} {', '.join(view['cleartext_domains'])}.")
    if view["user_certificates"]:
        lines.append(w("net_user_cas"))
    if view["trust_all"]:
        code = ", ".join(view["trust_all_code"])
        more = f", {w('more_rows', count=view['trust_all_more'])}" if view["trust_all_more"] else ""
        lines.append(f"{w('net_trust_all', count=view['trust_all'])} {w('net_trust_all_code')} {code}{more}")
    return lines


def inventory_heading(view: dict[str, Any]) -> str:
    shown = min(len(view["inventory"]), MAX_INVENTORY_TEXT)
    return words()("inventory_summary", shown=shown, total=view["total"], ignored=view["ignored"])


def inventory_line(s: dict[str, Any]) -> str:
    """One server of the inventory: the value, whose it is, plain HTTP or not, and where it was found."""
    w = words()
    clear = f" · {w('dest_how_clear')}" if s["plain_http"] else ""
    ip = f" · {w('dest_bare_ip')}" if s["ip"] else ""
    found = f" ({s['found_in']})" if s["found_in"] else ""
    return f"{s['value']} — {s['owner']}{ip}{clear}{found}"


def destination_where(row: dict[str, Any]) -> str:
    """The destination cell: host or IP (or "an address built at run time"), bare IP and country marked."""
    w = words()
    ip = f" ({w('dest_bare_ip')})" if row["ip"] else ""
    country = f" ({row['country']})" if row["country"] else ""
    return f"{row['where']}{ip}{country}"


def webshell(r: Report) -> dict[str, Any] | None:
    if r.facts.webshell is None:
        return None
    return webshell_view({"webshell": json_report.webshell_dict(r.facts.webshell)}, words())


def page_line(page: dict[str, Any]) -> str:
    """A start page: its URL, remote or bundled, plain HTTP, and where the shell names it."""
    w = words()
    how = [w("webshell_remote") if page["remote"] else w("webshell_bundled")]
    if page["clear"]:
        how.append(w("webshell_clear"))
    where = f" ({w('webshell_found_in')} {page['where']})" if page["where"] else ""
    return f"{page['url']}: {'; '.join(how)}{where}"


def webshell_facts(view: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, text) lines of the shell: runtime, start pages, trusted sites, what the page may take."""
    w = words()
    out = [(w("webshell_runtime"), view["runtimes"] or w("nothing"))]
    out += [(w("webshell_start"), page_line(p)) for p in view["pages"]]
    if view["trusted"]:
        out.append((w("webshell_trusted_label"), ", ".join(view["trusted"])))
    if view["any_origin"]:
        out.append(("", w("webshell_any_origin")))
    if view["granted"]:
        out.append(("", w("webshell_granted", categories=view["granted"])))
    return out


def power_row(p: dict[str, Any]) -> list[str]:
    return [p["name"], p["via"], p["categories"] or words()("nothing"), str(p["reads"]), p["where"], p["says"]]


def power_headers() -> list[str]:
    w = words()
    return [
        w("webshell_col_power"),
        w("webshell_col_via"),
        w("webshell_col_data"),
        w("webshell_col_reads"),
        w("webshell_col_where"),
        w("webshell_col_says"),
    ]


def bundle(r: Report) -> dict[str, Any] | None:
    if r.facts.app.bundle is None:
        return None
    return bundle_view({"app": {"bundle": json_report.bundle_dict(r.facts.app.bundle)}}, words())


def bundle_headers() -> list[str]:
    w = words()
    cols = ("bundle_col_name", "bundle_col_role", "bundle_col_size", "sha256", "bundle_col_split", "bundle_col_note")
    return [w(c) for c in cols]


def member_row(m: dict[str, Any]) -> list[str]:
    nothing = words()("nothing")
    return [m["name"], m["role"], m["size"], m["sha256"] or nothing, m["split"] or nothing, m["note"] or nothing]
