"""Web shells: the page an app runs, and what the native shell lets that page take (issue 15).

Many lending apps are a thin native shell (DCloud/uni-app, Cordova, Tencent X5, a WebView with a home-made
JavaScript bridge) around a web site: the decision to read the address book comes from the server at run time.
Static analysis cannot see that page, but it can see what the shell lets it do:

1. the runtime, from files and class prefixes (catalogs/webshells.yaml `runtimes`);
2. the start page (Cordova `<content src>`, DCloud `launch_path`, constant `loadUrl` arguments), whether it is
   remote and in the clear, and the origins the shell trusts (`<access origin>`, `<allow-navigation>`);
3. the powers given to the page: DCloud manifest `permissions`, Cordova `<feature>`s, every
   `@JavascriptInterface` method; each power's entry methods are entry points of kind "web page" for the
   call-path search (code.py asks `bridge_entries`), so a read the page can trigger is reached from the bridge
   and attributed to the framework that owns the plugin, not walked back through its dispatcher;
4. bundled JavaScript calling those powers (`plus.contacts`, `navigator.contacts.find`...), with file and line.

After the code analysis, `refine` renames the entry kind of such reads after the page ("remote web page",
"web page over plain HTTP") and, when the page is remote, records the flow to it: what the bridge hands the
page reaches the page's server.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from xml.etree import ElementTree

from apkaudit import catalogs
from apkaudit.analysis import servers
from apkaudit.analysis.program import Program, split_signature
from apkaudit.apk import ApkArchive
from apkaudit.facts.network_config import cleartext_permitted
from apkaudit.model import (
    DataAccess,
    Evidence,
    Flow,
    NetworkSecurity,
    Permission,
    ScriptCall,
    Site,
    WebPage,
    WebPower,
    WebShell,
)

ENTRY_PAGE = "web page"  # entry kind of a bridge method, before the page is known
ENTRY_REMOTE = "remote web page"
ENTRY_CLEARTEXT = "web page over plain HTTP"
ENTRY_KINDS = (ENTRY_PAGE, ENTRY_REMOTE, ENTRY_CLEARTEXT)
PAGE_SINK = "web page"  # the sink of a flow from a bridge back to its page

MAX_POWERS = 200
MAX_SCRIPT_FILES = 400
MAX_SCRIPT_BYTES = 4 * 1024 * 1024  # one file
MAX_SCRIPTS_TOTAL = 32 * 1024 * 1024
MAX_SCRIPT_CALLS = 200
MAX_CONFIG_BYTES = 1024 * 1024
MAX_LIST = 100
_SCRIPT = re.compile(r"^(assets|res/raw)/.*\.(js|html?|bundle)$", re.IGNORECASE)
_VOID = ")V"
_HOME_MADE = ("javascript_interface", "x5_javascript_interface")


@dataclass(frozen=True)
class Bridge:
    """A way a page calls native code: its id and name, the class and the methods the page can call."""

    id: str
    name: str
    runtime: str | None
    class_name: str  # smali descriptor
    methods: tuple[str, ...]  # smali signatures


@cache
def _catalog() -> dict[str, Any]:
    return catalogs.load("webshells").data


def _dotted(descriptor: str) -> str:
    return descriptor[1:-1].replace("/", ".") if descriptor.startswith("L") else descriptor


def _descriptor(name: str) -> str:
    return "L" + name.replace(".", "/") + ";"


# -- bridges (before the code analysis: they are entry points) -------------------------------------------


_BRIDGES: weakref.WeakKeyDictionary[Program, list[Bridge]] = weakref.WeakKeyDictionary()


def bridges(program: Program) -> list[Bridge]:
    """Every bridge of catalogs/webshells.yaml present in the program, sorted by class (memoised)."""
    if program not in _BRIDGES:
        _BRIDGES[program] = _bridges(program)
    return _BRIDGES[program]


def _bridges(program: Program) -> list[Bridge]:
    found: dict[tuple[str, str], Bridge] = {}
    annotated_done: set[str] = set()
    for b in _catalog()["bridges"]:
        if "annotation" in b:
            if b["annotation"] in annotated_done or not _referenced(program, b.get("needs")):
                continue
            annotated_done.add(b["annotation"])
            for cls, methods in _annotated(program, b["annotation"]).items():
                found.setdefault((b["id"], cls), Bridge(b["id"], b["name"], b.get("runtime"), cls, methods))
            continue
        base = b["base"]
        for sub in sorted(program.subclasses(base)):
            methods = tuple(
                m.signature
                for m in program.methods(sub)
                if m.code_off
                and not m.is_static
                and (
                    m.name in b.get("methods", ())
                    or (b.get("public_methods") and m.access_flags & 0x1 and not m.name.startswith("<"))
                )
            )
            if methods:
                found.setdefault((b["id"], sub), Bridge(b["id"], b["name"], b.get("runtime"), sub, methods))
    return sorted(found.values(), key=lambda x: (x.class_name, x.id))


def bridge_entries(program: Program) -> dict[str, str]:
    """Entry method -> "web page", for the call-path search (analysis/code.py)."""
    return {m: ENTRY_PAGE for b in bridges(program) for m in b.methods}


def _referenced(program: Program, signature: str | None) -> bool:
    if not signature:
        return True
    cls, name, proto = split_signature(signature)
    return bool(program.method_indices(cls, name, proto))


def _annotated(program: Program, annotation: str) -> dict[str, tuple[str, ...]]:
    """Class -> its methods carrying `annotation` (the first definition of each class only)."""
    out: dict[str, list[str]] = {}
    for d, dex in enumerate(program.dexes):
        if dex.find_type(annotation) is None:
            continue
        for cdef in dex.classes():
            if program.classes.get(cdef.name, (None,))[0] != d:
                continue
            for midx, items in sorted(dex.method_annotations(cdef.index).items()):
                if any(t == annotation for t, _ in items):
                    out.setdefault(cdef.name, []).append(dex.method_signature(midx))
    return {c: tuple(sorted(ms)) for c, ms in out.items()}


# -- the shell's configuration ----------------------------------------------------------------------------


@dataclass
class _Config:
    pages: list[tuple[str, str]]  # (url, found in)
    trusted: list[str]
    powers: list[tuple[str, str, str]]  # (shell, power name, declared in)
    classes: dict[tuple[str, str], str]  # (shell, power name) -> plugin class (dotted)
    notes: list[str]


def _read_text(archive: ApkArchive, name: str, notes: list[str]) -> bytes | None:
    if archive.declared_size(name) > MAX_CONFIG_BYTES:
        notes.append(f"{name}: over {MAX_CONFIG_BYTES} bytes, not read")
        return None
    try:
        return archive.read(name)
    except Exception:  # noqa: BLE001 - over a cap or broken: the archive noted it
        return None


def _xml(data: bytes) -> Any:
    """A plain or binary (compiled resource) XML document's root, or None."""
    if data[:4] == b"\x03\x00\x08\x00":
        from androguard.core.axml import AXMLPrinter

        try:
            return AXMLPrinter(data).get_xml_obj()
        except Exception:  # noqa: BLE001 - androguard raises anything on a broken file
            return None
    try:
        from defusedxml import ElementTree as SafeTree

        return SafeTree.fromstring(data)
    except ImportError:
        pass
    except Exception:  # noqa: BLE001
        return None
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return None  # no entity expansion from an APK's file
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _cordova(archive: ApkArchive, cfg: _Config) -> None:
    name = "res/xml/config.xml"
    data = _read_text(archive, name, cfg.notes) if name in archive.names else None
    root = _xml(data) if data else None
    if root is None or _local(root.tag) != "widget":
        return
    for el in root.iter():
        tag = _local(el.tag)
        if tag == "content" and el.get("src"):
            cfg.pages.append((str(el.get("src")), f"{name} <content src>"))
        elif tag == "access" and el.get("origin"):
            cfg.trusted.append(str(el.get("origin")))
        elif tag == "allow-navigation" and el.get("href"):
            cfg.trusted.append(str(el.get("href")))
        elif tag == "feature" and el.get("name"):
            feature = str(el.get("name"))
            cfg.powers.append(("cordova", feature, name))
            for param in el:
                if _local(param.tag) == "param" and param.get("name") == "android-package" and param.get("value"):
                    cfg.classes[("cordova", feature)] = str(param.get("value"))


def _dcloud(archive: ApkArchive, cfg: _Config) -> None:
    props = "assets/data/dcloud_properties.xml"
    data = _read_text(archive, props, cfg.notes) if props in archive.names else None
    root = _xml(data) if data else None
    if root is not None:
        for el in root.iter():
            if _local(el.tag) == "feature" and el.get("name") and el.get("value"):
                cfg.classes[("dcloud", str(el.get("name")))] = str(el.get("value"))
    manifests = sorted(n for n in archive.names if re.match(r"^assets/apps/[^/]+/www/manifest\.json$", n))
    for name in manifests[:4]:
        raw = _read_text(archive, name, cfg.notes)
        try:
            doc = json.loads(raw.decode("utf-8-sig", "replace")) if raw else None
        except ValueError:
            cfg.notes.append(f"{name}: not JSON apkaudit can read")
            continue
        if not isinstance(doc, dict):
            continue
        launch = doc.get("launch_path")
        if isinstance(launch, str) and launch:
            cfg.pages.append((launch, f"{name} launch_path"))
        permissions = doc.get("permissions")
        if isinstance(permissions, dict):
            for power in sorted(permissions)[:MAX_LIST]:
                cfg.powers.append(("dcloud", str(power), name))
        for value in _whitelists(doc, 0):
            cfg.trusted.append(value)


def _whitelists(value: Any, depth: int) -> Iterable[str]:
    """Strings under keys that name a whitelist or allowed navigation in a DCloud manifest, bounded."""
    if depth > 8 or not isinstance(value, dict):
        return
    for key, sub in list(value.items())[:MAX_LIST]:
        if re.search(r"whitelist|allow_?navigation|allownavigation", str(key), re.IGNORECASE):
            items = sub if isinstance(sub, list) else [sub]
            yield from (str(i) for i in items[:MAX_LIST] if isinstance(i, str))
        elif isinstance(sub, dict):
            yield from _whitelists(sub, depth + 1)


def _load_urls(program: Program) -> list[tuple[str, str]]:
    """(URL, method) for string constants in the methods that call a WebView's loadUrl."""
    out: list[tuple[str, str]] = []
    for d, dex in enumerate(program.dexes):
        wanted = {
            i
            for cls in ("Landroid/webkit/WebView;", "Lcom/tencent/smtt/sdk/WebView;")
            for d2, i in program.method_indices_by_name(cls, "loadUrl")
            if d2 == d
        }
        if not wanted:
            continue
        for code_off in sorted(dex.code_users(methods=wanted)):
            callers = program.signatures_at(d, code_off)
            for _op, kind, index in dex.references(code_off):
                if kind != "string":
                    continue
                value = dex.string(index)
                if re.match(r"^(https?://|file:///android_asset/)", value, re.IGNORECASE) and len(value) < 4096:
                    out.extend((value, c) for c in callers[:1])
    return out


# -- the powers -------------------------------------------------------------------------------------------


def _power_entry(shell: str, name: str) -> dict[str, Any] | None:
    return next((p for p in _catalog()["powers"] if p["shell"] == shell and p["name"] == name), None)


def _categories(raw: Sequence[str], permissions: Sequence[Permission]) -> tuple[str, ...]:
    if "any" in raw:  # Native.js: whatever the app's permissions let its code read
        return tuple(sorted({p.category for p in permissions if p.category}))
    return tuple(sorted(set(raw)))


def _sites_from(entries: Iterable[str], accesses: Sequence[DataAccess]) -> tuple[tuple[str, str, str], ...]:
    wanted = set(entries)
    return tuple(
        sorted(
            (a.category, s.method, s.api)
            for a in accesses
            for s in a.sites
            if s.entry_point in wanted and s.library_internal is None
        )
    )


def _powers(
    cfg: _Config, found: Sequence[Bridge], accesses: Sequence[DataAccess], permissions: Sequence[Permission]
) -> list[WebPower]:
    by_class: dict[str, list[Bridge]] = {}
    for b in found:
        by_class.setdefault(b.class_name, []).append(b)
    plugin_classes = {(p["shell"], p["power"]): p["class"] for p in _catalog()["plugin_classes"]}
    out: list[WebPower] = []
    claimed: set[str] = set()
    for shell, name, declared in sorted(set(cfg.powers)):
        entry = _power_entry(shell, name)
        cls = cfg.classes.get((shell, name)) or plugin_classes.get((shell, name))
        entries: tuple[str, ...] = ()
        if cls:
            claimed.add(_descriptor(cls))
            entries = tuple(m for b in by_class.get(_descriptor(cls), ()) for m in b.methods)
        sites = _sites_from(entries, accesses)
        categories = _categories(entry["categories"] if entry else (), permissions)
        categories = tuple(sorted(set(categories) | {c for c, _, _ in sites}))
        if entry is None and not sites:
            continue  # a plugin that opens no personal data (a splash screen, a status bar)
        via = "dcloud_permission" if shell == "dcloud" else "cordova_plugin"
        says = entry["says"] if entry else f"call the {name} plugin ({cls or 'class not found'})"
        out.append(WebPower(name, via, says, categories, declared, entries, sites))
    for b in found:
        if b.class_name in claimed:
            continue
        for m in b.methods:
            sites = _sites_from((m,), accesses)
            if b.id in ("javascript_interface", "x5_javascript_interface"):
                cls, method, _ = split_signature(m)
                name = f"{_dotted(cls).rpartition('.')[2]}.{method}"
                says = "a method of the app's own JavaScript bridge, callable by any script on the page"
                via = "javascript_interface"
            elif not sites:
                continue  # a framework plugin no configuration names and that reads nothing
            else:
                name = _dotted(b.class_name)
                says = f"a {b.name} the page can call"
                via = "dcloud_plugin" if b.runtime == "dcloud" else "cordova_plugin"
            categories = tuple(sorted({c for c, _, _ in sites}))
            out.append(WebPower(name, via, says, categories, _dotted(b.class_name), (m,), sites))
    return out[:MAX_POWERS]


def _script_calls(archive: ApkArchive, permissions: Sequence[Permission], notes: list[str]) -> list[ScriptCall]:
    calls = _catalog()["js_calls"]
    names = [n for n in archive.names if _SCRIPT.match(n)]
    if len(names) > MAX_SCRIPT_FILES:
        notes.append(f"{len(names)} script files: only the first {MAX_SCRIPT_FILES} scanned for bridge calls")
        names = names[:MAX_SCRIPT_FILES]
    out: list[ScriptCall] = []

    def skipped(name: str, size: int) -> str:
        return f"{name}: {size} bytes, past the script budget: not scanned"

    for name, text in archive.read_texts(sorted(names), MAX_SCRIPT_BYTES, MAX_SCRIPTS_TOTAL, skipped, notes):
        if not any(c["text"] in text for c in calls):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            for c in calls:
                at = line.find(c["text"])
                if at < 0:
                    continue
                excerpt = line[max(0, at - 60) : at + 100].strip()
                out.append(ScriptCall(name, number, c["text"], _categories(c["categories"], permissions), excerpt))
                if len(out) >= MAX_SCRIPT_CALLS:
                    notes.append(f"more than {MAX_SCRIPT_CALLS} bridge calls in scripts: the first are listed")
                    return out
    return out


# -- putting it together ----------------------------------------------------------------------------------


@cache  # the catalogue's patterns: a few
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex matching what any of the patterns matches (compiled once: searched over every entry name)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _runtimes(archive: ApkArchive, program: Program | None) -> list[dict[str, Any]]:
    names = archive.names
    found = []
    for r in _catalog()["runtimes"]:
        files = _any_of(tuple(r.get("files", ())))
        by_file = files is not None and any(files.search(n) for n in names)
        by_class = False
        if not by_file and program is not None and r.get("classes"):
            prefixes = tuple("L" + p.replace(".", "/") for p in r["classes"])
            by_class = any(c.startswith(prefixes) for c in program.classes)
        if by_file or by_class:
            found.append(r)
    return found


def _page(url: str, found_in: str, network: NetworkSecurity | None) -> WebPage:
    parsed = servers.parse(url) if re.match(r"^(https?|wss?)://", url, re.IGNORECASE) else None
    remote = parsed is not None or bool(re.match(r"^https?://", url, re.IGNORECASE))
    clear = remote and url.lower().startswith("http://")
    host = parsed.host if parsed else None
    permitted = cleartext_permitted(network, host) if clear and network is not None else None
    return WebPage(url, found_in, remote, clear, permitted)


def gather(
    archive: ApkArchive,
    program: Program | None,
    accesses: Sequence[DataAccess],
    permissions: Sequence[Permission],
    network: NetworkSecurity | None,
) -> WebShell | None:
    """The shell and its page's powers; None when the app is no shell and has no bridge."""
    runtimes = _runtimes(archive, program)
    found = bridges(program) if program is not None else []
    if not runtimes and not found:
        return None
    cfg = _Config([], [], [], {}, [])
    ids = {r["id"] for r in runtimes}
    if "cordova" in ids:
        _cordova(archive, cfg)
    if ids & {"dcloud", "uniapp"}:
        _dcloud(archive, cfg)
    if program is not None and (found or any(r.get("webview") for r in runtimes)):
        cfg.pages += _load_urls(program)
    if found and not any(r.get("webview") for r in runtimes):
        runtimes.append({"id": "plain_webview", "name": "WebView with a JavaScript bridge"})
    pages = tuple(_page(u, w, network) for u, w in dict.fromkeys(cfg.pages))[:MAX_LIST]
    notes = list(cfg.notes)
    calls = _script_calls(archive, permissions, notes)
    powers = _powers(cfg, found, accesses, permissions)
    return WebShell(
        runtimes=tuple(r["id"] for r in runtimes),
        names=tuple(r["name"] for r in runtimes),
        pages=pages,
        trusted=tuple(dict.fromkeys(cfg.trusted))[:MAX_LIST],
        powers=tuple(powers),
        script_calls=tuple(calls),
        notes=tuple(n[:200] for n in notes),
    )


def page_kind(shell: WebShell | None) -> tuple[str, WebPage | None]:
    """The entry kind a read the page can trigger gets, and the page it answers to (the riskiest remote one)."""
    if shell is None:
        return ENTRY_PAGE, None
    remote = [p for p in shell.pages if p.remote]
    clear = [p for p in remote if p.cleartext and p.cleartext_permitted is not False]
    if clear:
        return ENTRY_CLEARTEXT, clear[0]
    if remote:
        return ENTRY_REMOTE, remote[0]
    return ENTRY_PAGE, None


def refine(
    shell: WebShell | None, sites: Mapping[str, Sequence[Site]], bridge_methods: Mapping[str, str]
) -> dict[str, list[Site]]:
    """Sites reached from a bridge: entry kind named after the page, and (remote page) the flow to it.

    `bridge_methods`: entry signature -> bridge id. A home-made bridge method hands the page what it returns
    (a void one is not taken to send anything); a plugin answers through its callback.
    """
    kind, page = page_kind(shell)
    out: dict[str, list[Site]] = {}
    for category, found in sites.items():
        updated = []
        for s in found:
            bridge = bridge_methods.get(s.entry_point or "")
            if bridge is None or s.entry_kind != ENTRY_PAGE:
                updated.append(s)
                continue
            s = replace(s, entry_kind=kind)
            returns = bridge not in _HOME_MADE or not (s.entry_point or "").endswith(_VOID)
            followed = any(f.kind == "webview" and f.method == s.entry_point for f in s.flows)  # the flow engine's
            if page is not None and returns and s.library_internal is None and not followed:
                assert s.entry_point is not None
                flow = Flow(PAGE_SINK, "webview", s.entry_point, tuple(reversed(s.path)), page.url)
                s = replace(s, flows=(*s.flows, flow), evidence=Evidence.TRANSMITTED)
            updated.append(s)
        out[category] = updated
    return out


def bridge_ids(program: Program) -> dict[str, str]:
    """Entry signature -> bridge id."""
    return {m: b.id for b in bridges(program) for m in b.methods}


def coverage_notes(shell: WebShell | None) -> tuple[str, ...]:
    """Why the code evidence is incomplete because of the runtime (Flutter's Dart compiled to native code)."""
    if shell is None:
        return ()
    return tuple(str(r["opaque"]) for r in _catalog()["runtimes"] if r["id"] in shell.runtimes and r.get("opaque"))
