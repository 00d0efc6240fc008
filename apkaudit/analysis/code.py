"""Code evidence: every method that reads personal data, who owns it, and a call path from an entry point.

1. Find sites: one `code_users` scan per DEX for the catalogue's source methods, fields and URI strings.
2. Classify: a provider read of a whole table is `bulk`; a system picker, or a query on the row a picker
   returned, is `picker`. A query whose URI is not in the method is attributed from nearby evidence.
3. Reach: walk callers backwards from each site, a level at a time over all sites, to the manifest's
   entry points (component lifecycle and callback methods), through the implicit edges of `Program`.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from apkaudit.analysis import owners, registrations, runtime_code, webshell
from apkaudit.analysis.claims import Libraries, keeps_site, method_code
from apkaudit.analysis.flows.engine import Flow as _EngineFlow
from apkaudit.analysis.flows.engine import FlowAnalysis
from apkaudit.analysis.flows.reflection import REFLECTED_SOURCE
from apkaudit.analysis.owners import FIRST_PARTY, owner_of, sdk_of_class
from apkaudit.analysis.program import Program, split_signature
from apkaudit.analysis.runtime_code import RuntimeCode
from apkaudit.analysis.sources import (
    DexSources,
    Source,
    address_reads,
    compile_for,
    describe,
    handle_of,
    is_address,
)
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import FIELD_GETS
from apkaudit.model import AccessPattern, Component, Evidence, Flow, SdkUse, Site, sink_kind

_FIELD_READS = FIELD_GETS  # iget*, sget*
_ACC_PUBLIC = 0x0001
MAX_DEPTH = 40  # call-path length at which reachability gives up
MAX_FRONTIER = 20_000  # methods visited per site before giving up

_PROVIDER_CALLS = {"query", "insert", "update", "delete", "getType", "call", "openFile", "onCreate"}
_ENTRY_EXTRA = {"<init>", "<clinit>", "attachBaseContext"} | _PROVIDER_CALLS


@dataclass(frozen=True)
class _Hit:
    source: Source
    api: str


@dataclass
class CodeFacts:
    """Sites by category, and the SDKs present in the code."""

    sites: dict[str, list[Site]]
    sdks: tuple[SdkUse, ...]
    notes: tuple[str, ...]
    program: Program | None = None  # the program the sites were found in, for facts/packing.py
    runtime: RuntimeCode | None = None  # class loaders, native loads and reflection (analysis/runtime_code.py)


def descriptor(class_name: str) -> str:
    return "L" + class_name.replace(".", "/") + ";"


def analyse(
    dexes: list[DexFile],
    components: Iterable[Component],
    *,
    flows: bool = True,
    resource_urls: Mapping[int, str] | None = None,
    package: str | None = None,
    program: Program | None = None,
    progress: dict[str, int | str] | None = None,
    layouts: Sequence[bytes] = (),
) -> CodeFacts:
    """`package`: the manifest package, whose classes are the app's own even inside an SDK vendor's namespace.
    `program`: the Program over `dexes` when the caller has built it already (audit.py builds it once).
    `progress` (if given) is kept up to date: the stage reached and the reachable sites whose flows were followed.
    `layouts`: the compiled layout files, for the activity methods their android:onClick attributes name."""
    progress = {} if progress is None else progress
    progress["stage"] = "finding sites"
    program = program if program is not None else Program(dexes)
    components = list(components)
    with owners.attribution(program, package):
        return _analyse(program, components, flows, resource_urls, progress, layouts)


def _analyse(
    program: Program,
    components: list[Component],
    flows: bool,
    resource_urls: Mapping[int, str] | None,
    progress: dict[str, int | str],
    layouts: Sequence[bytes] = (),
) -> CodeFacts:
    if program.quiet_instances is None:  # listeners registered and taken back at once run no callback
        program.quiet_instances = registrations.Silencer(program)
    source_uses: dict[str, dict[tuple[str, int], str]] = {}
    raw = _find_sites(program, source_uses)
    raw += _receiver_sites(program, components)
    runtime = runtime_code.scan(program)
    program.add_callers(runtime.calls)  # app methods run by Method.invoke with constant names
    raw += runtime.sites  # reads found through reflection
    _reflective_sources(runtime, source_uses)
    callbacks = _callback_sites(program)
    raw += [(category, site) for category, site, _ in callbacks]
    entries = _entry_points(program, components)
    clicks = _click_handlers(program, components, layouts)
    for method, kind in clicks.items():
        entries.setdefault(method, kind)
    for method, kind in webshell.bridge_entries(program).items():  # what a web page can call (issue 15)
        entries.setdefault(method, kind)
    progress["stage"] = "walking callers to entry points"
    paths = _reach({s.method for _, s in raw}, program, entries)
    callback_sources = {s.method: (param, s.api) for _, s, param in callbacks}
    actions: dict[str, set[str]] = defaultdict(set)
    for c in components:
        for action in c.actions:
            actions[action].add(descriptor(c.name))
    declared = {descriptor(c.name): c.exported for c in components if c.kind != "application"}
    authorities = {a: descriptor(c.name) for c in components for a in c.authorities}
    flow_analysis = FlowAnalysis(
        program,
        source_uses,
        callback_sources,
        resource_urls=resource_urls,
        intent_actions=actions,
        components=declared,
        layout_handlers=clicks,
        authorities=authorities,
        address_reads=address_reads(),
    )
    progress.update(stage="following data flows", sources=sum(s.method in paths for _, s in raw), followed=0)
    try:
        sites = _placed(raw, paths, entries, flow_analysis if flows else None, Libraries(program), progress)
        notes = (flow_analysis.budget_note(),) if flow_analysis.exhausted else ()
    finally:  # also when the time budget stops the search: the audit's retry without flows starts without it
        flow_analysis.close()
    return CodeFacts(sites, _sdks(program, sites), notes, program, runtime)


def _placed(
    raw: list[tuple[str, Site]],
    paths: Mapping[str, tuple[str, ...]],
    entries: Mapping[str, str],
    analysis: FlowAnalysis | None,
    libraries: Libraries,
    progress: dict[str, int | str],
) -> dict[str, list[Site]]:
    """Each site by category: its path from an entry point when it has one, the flows from it (unless `analysis`
    is None), and whether its value stays inside a bundled library."""
    by_category: dict[str, dict[tuple[str, str], Site]] = defaultdict(dict)
    for category, site in raw:
        path = paths.get(site.method)
        if path is not None:
            site = replace(
                site,
                evidence=Evidence.REACHABLE,
                entry_point=path[0],
                entry_kind=entries[path[0]],
                path=path,
                path_owners=tuple(owner_of(f) for f in path),
            )
            if analysis is not None:
                site = _with_flows(site, analysis)
                progress["followed"] = int(progress["followed"]) + 1
        site = _library_internal(site, category, libraries)
        by_category[category].setdefault((site.method, site.api), site)
    return {c: sorted(v.values(), key=lambda s: (s.method, s.api)) for c, v in by_category.items()}


_TRANSMITTING = ("network", "webview")


def _reflective_sources(runtime: RuntimeCode, source_uses: dict[str, dict[tuple[str, int], str]]) -> None:
    """A read found through reflection (runtime_code.py) is the value Method.invoke returns in that method: keyed
    ("reflect", n) for the flows (flows/reflection.py), one key per API the method names."""
    for _, site in runtime.sites:
        uses = source_uses.setdefault(site.method, {})
        if site.api not in uses.values():
            uses[(REFLECTED_SOURCE, len(uses))] = site.api


def _library_internal(site: Site, category: str, libraries: Libraries) -> Site:
    """Mark a read whose value stays inside a bundled library (libraries.yaml internal_reads); an R8-renamed
    copy of the library class is the library's, not the app's."""
    # a note that the flows stopped (native code, reflection) may mean the value left; a handle's note does not
    stopped = site.flow_note is not None and handle_of(site.api) is None
    internal = libraries.internal(category, site.method, bool(site.flows) or stopped)
    if internal is None:
        return site
    owner = site.owner if site.owner != FIRST_PARTY else internal.library
    return replace(site, library_internal=internal, owner=owner)


def _with_flows(site: Site, analysis: FlowAnalysis) -> Site:
    """Follow the value a reachable site reads to its sinks; network sinks make it `transmitted`. A handle (a shared
    storage folder's path, a camera device: sources.yaml `handle`) is not the user's data and is not followed."""
    handle = handle_of(site.api)
    if handle is not None:
        return replace(site, flow_note=f"not followed: {handle}")
    found = analysis.flows_from((site.method, site.api), is_address(site.api))
    if not found:
        return site
    flows = tuple(
        Flow(f.sink, sink_kind(f.kind), f.method, f.path, _endpoint(f, analysis), f.at)
        for f in _first_native_per_method(found)
        if f.kind != "reflection"
    )
    stops = sorted({f"{f.kind} ({f.sink})" for f in found if f.kind in ("native", "reflection")})
    note = f"the data is also passed to {', '.join(stops)}, where the analysis cannot follow it" if stops else None
    evidence = Evidence.TRANSMITTED if any(f.kind in _TRANSMITTING for f in flows) else site.evidence
    return replace(site, flows=flows, flow_note=note, evidence=evidence)


def _endpoint(f: _EngineFlow, analysis: FlowAnalysis) -> str | None:
    """Where a sent flow goes: the URL constant that travelled with the data, else the first URL constant of the
    method that sends it, unless the sink sends to a host named elsewhere (a socket, a broker: sinks.yaml `to`)."""
    if f.kind not in _TRANSMITTING:
        return None
    if f.endpoint:
        return f.endpoint
    sink = analysis.sink_for(*split_signature(f.sink))
    return None if sink is not None and sink.to_host else analysis.url_in(f.method)


def _first_native_per_method(found: list[_EngineFlow]) -> list[_EngineFlow]:
    """Data handed to native code may leave unseen: one `native` flow per method that hands it over (the first
    native call there), reported as such and never as sent; the other flows as found."""
    seen: set[str] = set()
    out = []
    for f in sorted(found, key=lambda f: (f.kind != "native", f.method, f.at)):
        if f.kind == "native":
            if f.method in seen:
                continue
            seen.add(f.method)
        out.append(f)
    return sorted(out, key=lambda f: (f.kind, f.method, f.at, f.sink))


def _callback_sites(program: Program) -> list[tuple[str, Site, int]]:
    """App overrides of framework callbacks that receive personal data (onLocationChanged...)."""
    from apkaudit.analysis.sources import entries

    out = []
    for src in entries():
        if src.kind != "callback" or not src.signature or not src.category:
            continue
        cls, name, proto = split_signature(src.signature)
        for sub in sorted(program.subclasses(cls)):
            for m in program.methods(sub):
                if m.name == name and m.proto == proto and m.code_off:
                    site = Site(m.signature, src.signature, owner_of(m.signature), Evidence.REFERENCED)
                    out.append((src.category, site, src.param or 1))
    return out


# -- finding sites ---------------------------------------------------------------------------------------


def _find_sites(program: Program, source_uses: dict[str, dict[tuple[str, int], str]]) -> list[tuple[str, Site]]:
    """Every site, and (into source_uses) the instructions whose value is personal data, for the flows."""
    found: list[tuple[str, Site]] = []
    for dex in program.dexes:
        table = compile_for(dex)
        if not table and not table.used_with:
            continue
        per_method, code_at = _uses_by_method(dex, table)
        class_evidence: dict[str, list[tuple[str, Source]]] = defaultdict(list)
        hits_by_method: dict[str, list[_Hit]] = {}
        enabled_by_method: dict[str, set[str]] = {}
        for method, uses in per_method.items():
            hits, enabled = _hits_in_method(dex, table, method, uses, code_at[method], source_uses)
            hits_by_method[method] = hits
            enabled_by_method[method] = enabled
            cls = method.partition("->")[0]
            for h in hits:
                if h.source.category and h.source.kind in ("field", "uri", "picker"):
                    class_evidence[cls].append((method, h.source))
        for method in sorted(hits_by_method):
            found += _sites_in_method(method, hits_by_method[method], enabled_by_method[method], class_evidence)
    return found


_Use = tuple[str, Source | None, str, int]


def _uses_by_method(dex: DexFile, table: DexSources) -> tuple[dict[str, list[_Use]], dict[str, int]]:
    """The catalogue entries each method's instructions use (kind, source, method, index), and its code offset."""
    users = dex.code_users(
        methods=set(table.methods) | set(table.used_with),
        fields=table.fields,
        strings=table.strings,
        types=table.types,
    )
    per_method: dict[str, list[_Use]] = defaultdict(list)
    code_at: dict[str, int] = {}
    for code_off, insns in users.items():
        for method in dex.signatures_at(code_off):
            code_at[method] = code_off
            for insn in insns:
                assert insn.index is not None and insn.kind is not None
                if insn.kind == "field" and insn.opcode not in _FIELD_READS:
                    continue  # writing a URI constant (an SDK's own <clinit>) reads nothing
                src = _lookup(table, insn.kind, insn.index)
                per_method[method].append((insn.kind, src, method, insn.index))
    return per_method, code_at


def _hits_in_method(
    dex: DexFile,
    table: DexSources,
    method: str,
    uses: list[_Use],
    code_off: int,
    source_uses: dict[str, dict[tuple[str, int], str]],
) -> tuple[list[_Hit], set[str]]:
    """One method's hits and the string sources its calls enable; records its personal-data uses in source_uses."""
    hits: list[_Hit] = []
    enabled: set[str] = set()
    for kind, _src, _, index in uses:
        if kind == "method" and index in table.used_with:
            enabled |= table.used_with[index]
    code = None
    for kind, src, _, index in uses:
        if src is None:
            continue
        if src.conditional:
            if code is None:
                code = method_code(dex, code_off)
            if not keeps_site((src.inventory_when, src.own_state_in), src.returns, code, method):
                continue  # one Intent's handlers, the app's own folder: no claim
        hits.append(_Hit(src, describe(src, dex, kind, index)))
        if src.category and (src.kind in ("method", "field", "uri") or src.id in enabled):
            source_uses.setdefault(method, {})[(kind, index)] = hits[-1].api
    return hits, enabled


def _lookup(table: DexSources, kind: str, index: int) -> Source | None:
    if kind == "method":
        return table.methods.get(index)
    if kind == "field":
        return table.fields.get(index)
    if kind == "string":
        return table.strings.get(index)
    if kind == "type":
        return table.types.get(index)
    return None


def _sites_in_method(
    method: str,
    hits: list[_Hit],
    enabled: set[str],
    class_evidence: dict[str, list[tuple[str, Source]]],
) -> list[tuple[str, Site]]:
    owner = owner_of(method)
    resolvers = [h for h in hits if h.source.kind == "resolver"]
    pickers = [h for h in hits if h.source.kind == "picker"]
    picker_action = any(h.source.category is None for h in pickers)
    out: list[tuple[str, Site]] = []

    def site(category: str, h: _Hit, pattern: AccessPattern | None, note: str | None = None) -> None:
        out.append((category, Site(method, h.api, owner, Evidence.REFERENCED, pattern=pattern, note=note)))

    direct = False
    for h in hits:
        s = h.source
        if s.category is None:
            continue
        if s.kind in ("field", "uri"):
            direct = True
            if picker_action and not resolvers:
                # new Intent(ACTION_PICK, Contacts.CONTENT_URI): the URI names what the user picks from
                site(s.category, h, AccessPattern.PICKER)
            elif s.table is False:
                site(s.category, h, None)
            else:
                site(s.category, h, AccessPattern.BULK if resolvers or s.table else None)
        elif s.kind == "picker":
            direct = True
            site(s.category, h, AccessPattern.PICKER)
        elif s.kind == "string":
            if s.id in enabled:
                direct = True
                site(s.category, h, None)
        elif s.kind in ("method", "intent_action"):
            direct = True
            site(s.category, h, None)
    if resolvers and not direct:
        # The URI is not in this method: take the category from the strongest evidence in the same class.
        cls = method.partition("->")[0]
        nearby = [(m, s) for m, s in class_evidence.get(cls, []) if m != method]
        pick = [(m, s) for m, s in nearby if s.kind == "picker" and s.category]
        if pick:
            m, s = sorted(pick, key=lambda x: (x[0], x[1].id))[0]
            assert s.category is not None
            note = f"URI not resolved in this method; the class launches the {s.category} picker in {m}"
            site(s.category, resolvers[0], AccessPattern.PICKER, note)
        else:
            tables = sorted({(s.category, m) for m, s in nearby if s.kind in ("field", "uri") and s.category})
            for category, m in tables[:1]:
                note = f"URI not resolved in this method; attributed from {m} in the same class"
                site(category, resolvers[0], AccessPattern.BULK, note)
    return out


def _receiver_sites(program: Program, components: list[Component]) -> list[tuple[str, Site]]:
    """A receiver the manifest registers for a personal-data broadcast (SMS_RECEIVED) reads it on delivery."""
    from apkaudit.analysis.sources import entries

    actions = {s.value: s for s in entries() if s.kind == "intent_action" and s.value and s.category}
    out = []
    for c in components:
        if c.kind != "receiver":
            continue
        for action in c.actions:
            src = actions.get(action)
            if src is None or src.category is None:
                continue
            cls = descriptor(c.name)
            on_receive = next(
                (
                    m.signature
                    for k in [cls, *program.app_ancestors(cls)]
                    for m in program.methods(k)
                    if m.name == "onReceive"
                ),
                f"{cls}->onReceive(Landroid/content/Context;Landroid/content/Intent;)V",
            )
            site = Site(on_receive, action, owner_of(on_receive), Evidence.REFERENCED)
            out.append((src.category, site))
    return out


# -- reachability ----------------------------------------------------------------------------------------


def _entry_kind(c: Component) -> str:
    if c.kind == "application":
        return "application start"
    if c.kind == "activity":
        return "launcher activity" if c.launcher else ("exported activity" if c.exported else "activity")
    if c.kind == "service":
        return "background service"
    if c.kind == "provider":
        return "content provider"
    if c.kind == "instrumentation":
        return "instrumentation"
    if "android.intent.action.BOOT_COMPLETED" in c.actions:
        return "boot receiver"
    if any("SMS_RECEIVED" in a for a in c.actions):
        return "SMS receiver"
    return "broadcast receiver"


def _entry_points(program: Program, components: list[Component]) -> dict[str, str]:
    """Entry method signature -> the kind of entry point, for every manifest component."""
    entries: dict[str, str] = {}
    for c in sorted(components, key=lambda c: (c.kind != "application", not c.launcher, c.kind, c.name)):
        cls = descriptor(c.name)
        for k in [cls, *program.app_ancestors(cls)]:
            for m in program.methods(k):
                if (m.name.startswith("on") and not m.is_static) or m.name in _ENTRY_EXTRA:
                    entries.setdefault(m.signature, _entry_kind(c))
    return entries


_CLICK_PROTO = "(Landroid/view/View;)V"


def _click_handlers(program: Program, components: list[Component], layouts: Sequence[bytes]) -> dict[str, str]:
    """Activity methods a layout's android:onClick names: public `void name(View)` methods of an activity (or
    its app base classes) whose name is a string of some compiled layout's string pool (UTF-8 or UTF-16, with
    its length before and its terminator after, so a longer string holding the name does not count)."""
    if not layouts:
        return {}
    pools = _Layouts(layouts)
    out: dict[str, str] = {}
    for c in components:
        if c.kind != "activity":
            continue
        cls = descriptor(c.name)
        for k in [cls, *program.app_ancestors(cls)]:
            for m in program.methods(k):
                handler = m.proto == _CLICK_PROTO and not m.is_static and m.access_flags & _ACC_PUBLIC and m.code_off
                if handler and m.signature not in out and pools.has_string(m.name):
                    out[m.signature] = _entry_kind(c)
    return out


class _Layouts:
    """The compiled layouts joined into one buffer, searched once per form rather than once per layout (ApiDemos:
    hundreds of layouts, hundreds of handler names); a match counts only inside one layout, as before."""

    def __init__(self, layouts: Sequence[bytes]) -> None:
        self._blob = b"".join(layouts)
        self._ends = list(itertools.accumulate(len(data) for data in layouts))

    def has_string(self, name: str) -> bool:
        utf8 = name.encode("utf-8")
        utf16 = name.encode("utf-16-le")
        if len(utf8) >= 0x80 or len(name) >= 0x8000:
            return False
        forms = (bytes([len(name), len(utf8)]) + utf8 + b"\0", len(name).to_bytes(2, "little") + utf16 + b"\0\0")
        return any(self._within_one(form) for form in forms)

    def _within_one(self, form: bytes) -> bool:
        at = self._blob.find(form)
        while at >= 0:
            layout = bisect.bisect_right(self._ends, at)  # the layout the match starts in
            if at + len(form) <= self._ends[layout]:
                return True
            at = self._blob.find(form, at + 1)
        return False


_LONG_CALLERS = 32  # _reach: a caller tuple this long is gone through once per target


def _reach(targets: set[str], program: Program, entries: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Shortest path entry ... target for every target some entry point reaches (level-synchronous BFS)."""
    paths: dict[str, tuple[str, ...]] = {}
    # per target: predecessor map (towards the target) and current frontier
    state: dict[str, tuple[dict[str, str | None], list[str]]] = {}
    # per target: the long caller tuples it has gone through (by id, each kept alive here so that its id stays its
    # own). Once gone through, every caller in one is in the predecessor map, which only grows: going through it
    # again adds nothing. Program.callers hands one tuple to the methods that share their callers (the ~1,500
    # callers of Function1.invoke, for each Kotlin lambda the walk meets on ApiDemos).
    done: dict[str, dict[int, tuple[str, ...]]] = defaultdict(dict)
    for t in sorted(targets):
        if t in entries:
            paths[t] = (t,)
        else:
            state[t] = ({t: None}, [t])
    depth = 0
    while state and depth < MAX_DEPTH:
        depth += 1
        frontier = sorted({m for _, f in state.values() for m in f})
        callers = program.callers(frontier)  # sorted
        for t in list(state):
            succ, current = state[t]
            nxt: list[str] = []
            reached = None
            gone_through = done[t]
            for m in current:
                found = callers[m]
                if len(found) >= _LONG_CALLERS:
                    if id(found) in gone_through:
                        continue
                    gone_through[id(found)] = found
                for caller in found:
                    if caller in succ:
                        continue
                    succ[caller] = m
                    if caller in entries:
                        reached = reached or caller
                    nxt.append(caller)
            if reached is not None:
                path = [reached]
                while (step := succ[path[-1]]) is not None:
                    path.append(step)
                paths[t] = tuple(path)
                del state[t], done[t]
            elif not nxt or len(succ) > MAX_FRONTIER:
                del state[t], done[t]
            else:
                state[t] = (succ, nxt)
    return paths


def _sdks(program: Program, sites: dict[str, list[Site]]) -> tuple[SdkUse, ...]:
    present: dict[str, SdkUse] = {}
    for name in program.classes:
        sdk = sdk_of_class(name)
        if sdk is not None and sdk.id not in present:
            present[sdk.id] = SdkUse(sdk.id, sdk.name, sdk.vendor, sdk.kind)
    reads: dict[str, set[str]] = defaultdict(set)
    for category, found in sites.items():
        for s in found:
            if s.owner != FIRST_PARTY:
                reads[s.owner].add(category)
    return tuple(
        replace(u, categories=tuple(sorted(reads.get(u.id, ())))) for u in sorted(present.values(), key=lambda u: u.id)
    )
