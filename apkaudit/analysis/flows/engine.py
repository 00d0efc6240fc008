"""Does the data leave the phone? Taint flows from the values sources return to the sinks that send them.

Each method reached by the data gets one summary, computed once from its bytecode by a forward
data-flow over its control-flow graph. Values are tracked as sets of symbolic labels: what the method
received in parameter i, what a callee returned, what a field held, what a source produced, which URL
constant an object was built from. A summary says where each label ends up: the return value, a
parameter object, a field, an app callee's parameter, or a sink. Flows are then followed from each
source across summaries, computed on demand, so only the code the data actually reaches is decoded.

Modelled, beyond plain register moves: framework calls carry taint from arguments to the result and
into the receiver (StringBuilder.append, JSONObject.put, List.add, Intent.putExtra, RequestBody.create);
objects a sink returns (a connection's output stream) leak what is later written into them; fields are
tracked per field, not per object; SharedPreferences values are tracked per key; AsyncTask.execute and
Handler.sendMessage reach doInBackground and handleMessage. Where the analysis stops (native code,
reflection, the budget), it says so instead of guessing.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from apkaudit import catalogs
from apkaudit.analysis.endpoint import ENDPOINT_URL
from apkaudit.analysis.flows.labels import (
    EXTERNAL,
    ActionTarget,
    ClassConst,
    Delivered,
    External,
    FieldValue,
    Label,
    OutParam,
    Param,
    Returned,
    SinkObject,
    SourceValue,
    StoreWriter,
    Target,
    Url,
    data_of,
    urls_of,
)
from apkaudit.analysis.owners import FIRST_PARTY, is_library, owner_of
from apkaudit.analysis.program import ACC_STATIC, MethodDef, Program, split_signature
from apkaudit.dex.decoder import Method, decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile

MAX_SUMMARIES = 6000  # methods decoded per APK before the flow search stops
MAX_NODES = 60_000
MAX_CALL_DEPTH = 6  # callee summaries computed inside a caller's, before assuming data comes back

ACC_NATIVE = 0x0100
_URL = ENDPOINT_URL  # a constant the app sends to


@dataclass(frozen=True)
class Leak:
    """Data with `labels` reaches a sink in `method`."""

    method: str
    offset: int
    sink: str  # smali signature of the sink API
    kind: str  # network | file | log | sms | ipc | webview | native | reflection
    labels: frozenset[Label]
    endpoints: frozenset[str]
    targets: frozenset[str] = frozenset()  # app components an ipc sink delivers the Intent to


@dataclass
class Summary:
    """Where each label a method sees ends up."""

    ret: set[Label] = field(default_factory=set)
    outs: dict[int, set[Label]] = field(default_factory=lambda: defaultdict(set))
    fields: dict[str, set[Label]] = field(default_factory=lambda: defaultdict(set))
    calls: list[tuple[str, int, frozenset[Label]]] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)
    # data in an explicit Intent handed to app components: not a leak (it stays in the app), followed there
    handoffs: list[tuple[frozenset[Label], frozenset[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class Flow:
    """One path from a source site to a sink."""

    site: tuple[str, str]  # (method, api) of the source site
    sink: str
    kind: str
    method: str  # where the sink is called
    path: tuple[str, ...]  # methods and fields the data passes through, source method first
    endpoint: str | None
    at: int = 0  # code-unit offset of the sink call in `method`


@dataclass(frozen=True)
class _Sink:
    kind: str
    carrier: bool
    delivers: bool = False  # hands its Intent argument to the component the Intent names


@functools.lru_cache(maxsize=1)
def _sinks() -> tuple[dict[str, _Sink], dict[str, _Sink]]:
    """(full signature -> sink, 'Lcls;->name' -> sink) from catalogs/sinks.yaml."""
    full: dict[str, _Sink] = {}
    short: dict[str, _Sink] = {}
    for e in catalogs.load("sinks").data["entries"]:
        sink = _Sink(e["kind"], e.get("role") in ("carrier", "bridge", "store"), bool(e.get("delivers")))
        (full if "(" in e["signature"] else short)[e["signature"]] = sink
    return full, short


def sink_of(signature: str) -> _Sink | None:
    full, short = _sinks()
    return full.get(signature) or short.get(signature.split("(", 1)[0])


_PREFS_PUT = re.compile(r"^Landroid/content/SharedPreferences\$Editor;->put")
_PREFS_GET = re.compile(r"^Landroid/content/SharedPreferences;->get(String|Int|Long|Boolean|Float|StringSet)\(")
# Stores the analysis tracks like fields: SharedPreferences values by key, app-private files by name.
_PSEUDO_READERS = {
    "prefs": ("getString", "getInt", "getLong", "getBoolean", "getFloat", "getStringSet"),
    "file": ("openFileInput",),
}
_NO_VALUE = (")V", ")Lcom/google/android/gms/tasks/Task;")
_REFLECT = {"Ljava/lang/reflect/Method;->invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"}


@functools.lru_cache(maxsize=1)
def _intent_receivers() -> frozenset[tuple[str, str]]:
    """(name, proto) of component methods the system calls with the delivered Intent (catalogs/dispatch.yaml)."""
    return frozenset((e["name"], e["proto"]) for e in catalogs.load("dispatch").data.get("intent_receivers", []))


@functools.lru_cache(maxsize=1)
def _base_setters() -> frozenset[str]:
    """Methods that set a Retrofit service's base URL (catalogs/sinks.yaml service_base_url)."""
    return frozenset(catalogs.load("sinks").data.get("service_base_url", []))


@functools.lru_cache(maxsize=1)
def _service_annotations() -> dict[str, str | None]:
    """Retrofit HTTP annotation type -> verb (None: the annotation names it), from catalogs/sinks.yaml."""
    return {e["type"]: e["verb"] for e in catalogs.load("sinks").data.get("service_annotations", [])}


@functools.lru_cache(maxsize=1)
def _dispatch() -> dict[str, tuple[str, int]]:
    """Framework method -> (app callback name, argument position) from catalogs/dispatch.yaml."""
    return {e["signature"]: (e["callback"], e["argument"]) for e in catalogs.load("dispatch").data["entries"]}


class FlowAnalysis:
    """Summaries of the methods data reaches, and the flows from each source site."""

    def __init__(
        self,
        program: Program,
        sources: dict[str, dict[tuple[str, int], str]],
        callbacks: dict[str, tuple[int, str]],
        resource_urls: Mapping[int, str] | None = None,
        intent_actions: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """`sources`: method -> {(kind, dex index) -> api} of the source uses in it (kind method|field|string);
        `callbacks`: method -> (parameter, api) for callback sources such as onLocationChanged(Location);
        `resource_urls`: string resource id -> its URL value (default configuration), for endpoints the app
        reads with getString(R.string.x); `intent_actions`: intent-filter action -> the app's components (class
        descriptors) declaring it, for implicit Intents the app sends to itself."""
        self.program = program
        self.sources = sources
        self.callbacks = callbacks
        self.resource_urls = {k: v for k, v in (resource_urls or {}).items() if _URL.match(v)}
        self._field_urls: dict[str, dict[str, frozenset[Label]]] = {}  # class -> field -> U labels
        self.intent_actions = {a: tuple(sorted(c)) for a, c in (intent_actions or {}).items()}
        self._delivered: set[str] = set()  # components whose Intent entry points are linked
        self._services: dict[str, dict[str, tuple[str, str]]] = {}  # class -> {method: (verb, path)}
        self._base_urls: list[str] | None = None
        self.base_args: dict[str, set[str]] = defaultdict(set)  # method -> URLs it passes to a base-URL setter
        self._static_strings: dict[str, dict[str, str]] = {}
        self._summaries: dict[str, Summary | None] = {}
        self._edges: dict[Label, list[tuple[Label | Leak, str]]] = defaultdict(list)
        self._field_readers: dict[str, list[str]] | None = None
        self.exhausted = False

    # -- following flows -------------------------------------------------------------------------------

    def flows_from(self, site: tuple[str, str]) -> list[Flow]:
        """Every sink the value read at `site` reaches, with one shortest path each."""
        start: Label = SourceValue(site)
        self._summary(site[0])
        prev: dict[Label, tuple[Label, str] | None] = {start: None}
        queue = deque([start])
        found: dict[tuple[str, int, str], Flow] = {}
        while queue:
            node = queue.popleft()
            if len(prev) > MAX_NODES:
                self.exhausted = True
                break
            for target, where in self._out_edges(node):
                if isinstance(target, Leak):
                    key = (target.method, target.offset, target.sink)
                    if key not in found:
                        path = self._path(prev, node, where) + (target.method,)
                        found[key] = Flow(
                            site,
                            target.sink,
                            target.kind,
                            target.method,
                            _dedupe(path),
                            min(target.endpoints) if target.endpoints else None,
                            target.offset,
                        )
                elif target not in prev:
                    prev[target] = (node, where)
                    queue.append(target)
        return sorted(found.values(), key=lambda f: (f.kind, f.method, f.at, f.sink))

    def _path(self, prev: dict[Label, tuple[Label, str] | None], node: Label, where: str) -> tuple[str, ...]:
        frames = [where]
        while True:
            if isinstance(node, FieldValue):
                frames.append(node.field)  # the field (or preference key) the data passed through
            step = prev[node]
            if step is None:
                break
            node, w = step
            if w:
                frames.append(w)
        return tuple(reversed(frames))

    def _out_edges(self, node: Label) -> list[tuple[Label | Leak, str]]:
        """Edges leaving a label; computes the summaries that can mention it first."""
        if isinstance(node, SourceValue):
            self._summary(node.site[0])
        elif isinstance(node, Param):
            self._summary(node.method)
        elif isinstance(node, (Returned, OutParam)):
            for caller in sorted(self.program.callers([node.method])[node.method]):
                self._summary(caller)
        elif isinstance(node, FieldValue):
            for reader in self._readers(node.field):
                self._summary(reader)
        elif isinstance(node, Delivered):
            self._deliver(node.component)
        return self._edges.get(node, [])

    def _deliver(self, component: str) -> None:
        """Link an Intent sent to an app component to where the component reads it: the Intent parameter of the
        methods the system calls with it (catalogs/dispatch.yaml intent_receivers: onStartCommand, onReceive,
        onHandleIntent, onNewIntent...), and getIntent() in its methods (labelled by the interpreter)."""
        if component in self._delivered:
            return
        self._delivered.add(component)
        node: Label = Delivered(component)
        receivers = _intent_receivers()
        for k in [component, *self.program.app_ancestors(component)]:
            if k != component:  # getIntent() in an app base class reads the Intent this component got
                self._edges[node].append((Delivered(k), ""))  # no frame of its own in the path
            for m in self.program.methods(k):
                if m.is_static or not m.code_off:
                    continue
                if (m.name, m.proto) in receivers:
                    position = _param_types(m.proto).index(_INTENT) + 1  # 0 is `this`
                    self._edges[node].append((Param(m.signature, position), m.signature))
                elif self._calls_get_intent(m):
                    self._summary(m.signature)

    def _calls_get_intent(self, m: MethodDef) -> bool:
        dex = self.program.dexes[m.dex]
        return any(
            kind == "method" and dex.method_ref(index).name == "getIntent"
            for _, kind, index in dex.references(m.code_off)
        )

    def _readers(self, field_sig: str) -> list[str]:
        """Methods that read a field (iget/sget), or a SharedPreferences value, over every DEX."""
        if self._field_readers is None:
            self._field_readers = {}
        pseudo = _PSEUDO_READERS.get(field_sig.partition(":")[0]) if "->" not in field_sig else None
        if pseudo is not None and field_sig not in self._field_readers:
            readers: set[str] = set()
            for dex in self.program.dexes:
                idxs = [i for name in pseudo for i in dex.find_methods_named(name)]
                for code_off in dex.code_users(methods=idxs) if idxs else {}:
                    readers.update(dex.method_ref(em.method_idx).signature for em in dex.methods_at_code(code_off))
            self._field_readers[field_sig] = sorted(readers)
        if field_sig not in self._field_readers:
            cls, _, rest = field_sig.partition("->")
            name = rest.partition(":")[0]
            readers = set()
            for dex in self.program.dexes:
                idxs = dex.find_fields(cls, name)
                if not idxs:
                    continue
                for code_off, insns in dex.code_users(fields=idxs).items():
                    if any(0x52 <= i.opcode <= 0x58 or 0x60 <= i.opcode <= 0x66 for i in insns):
                        readers.update(dex.method_ref(em.method_idx).signature for em in dex.methods_at_code(code_off))
            self._field_readers[field_sig] = sorted(readers)
        return self._field_readers[field_sig]

    # -- summaries --------------------------------------------------------------------------------------

    def callee_summary(self, method: str, depth: int) -> Summary | None:
        """A callee's summary for a caller's interpretation; None while it is being computed (recursion)."""
        if depth > MAX_CALL_DEPTH:
            return None
        return self._summary(method, depth)

    def _summary(self, method: str, depth: int = 0) -> Summary | None:
        if method in self._summaries:
            return self._summaries[method]
        if len(self._summaries) >= MAX_SUMMARIES:
            self.exhausted = True
            return None
        self._summaries[method] = None
        mdef = self.program.method(method)
        if mdef is None:
            return None
        dex = self.program.dexes[mdef.dex]
        if not mdef.code_off:
            return None
        try:
            code = decode(dex, mdef.code_off)
        except DexError:
            return None
        summary = _Interpreter(self, method, dex, code, bool(mdef.access_flags & ACC_STATIC), depth).run()
        self._summaries[method] = summary
        self._index(method, summary)
        return summary

    def _index(self, method: str, s: Summary) -> None:
        for label in s.ret:
            if not _own_param(label, method):  # parameter-to-return is applied at each call site instead
                self._edges[label].append((Returned(method), method))
        for i, labels in s.outs.items():
            for label in labels:
                if not _own_param(label, method):
                    self._edges[label].append((OutParam(method, i), method))
        for f, written in s.fields.items():
            for label in written:
                self._edges[label].append((FieldValue(f), method))
        for target, i, passed in s.calls:
            for label in passed:
                self._edges[label].append((Param(target, i), method))
        for leak in s.leaks:
            for label in leak.labels:
                self._edges[label].append((leak, method))
                for target in sorted(leak.targets):  # and on into the app's components that receive it too
                    self._edges[label].append((Delivered(target), method))
        for carried, targets in s.handoffs:
            for label in carried:
                for target in sorted(targets):
                    self._edges[label].append((Delivered(target), method))

    def field_urls(self, field_sig: str) -> frozenset[Label]:
        """U labels of the URL constants an app String field holds: its static initial value (a `static final`
        javac left as a field, such as BuildConfig's read from another module), or a URL constant stored
        into it by its class's static initialiser or constructors (`static String BASE = "https://..."`)."""
        if not field_sig.endswith(":Ljava/lang/String;"):
            return frozenset()
        cls = field_sig.partition("->")[0]
        if cls not in self._field_urls:
            self._field_urls[cls] = self._class_field_urls(cls)  # each class's initialisers decoded once
        return self._field_urls[cls].get(field_sig, frozenset())

    def _class_field_urls(self, cls: str) -> dict[str, frozenset[Label]]:
        entry = self.program.classes.get(cls)
        if entry is None:
            return {}
        d, cdef = entry
        dex = self.program.dexes[d]
        urls: dict[str, set[str]] = defaultdict(set)
        try:
            for sig, value in dex.static_strings(cdef.index).items():
                if _URL.match(value):
                    urls[sig].add(value)
        except DexError:
            pass
        for m in self.program.methods(cls):
            if m.name in ("<clinit>", "<init>") and m.code_off:
                for sig, value in _stored_constants(self.program.dexes[m.dex], m.code_off):
                    urls[sig].add(value)
        return {sig: frozenset(Url(u) for u in found) for sig, found in urls.items()}

    def service_call(self, signature: str) -> tuple[str, str] | None:
        """(verb, endpoint) when the method is an HTTP call of a Retrofit service interface (see the RETROFIT NOTE
        in catalogs/sinks.yaml): the annotation's path, joined to the app's base URL when there is one."""
        cls = signature.partition("->")[0]
        if cls not in self._services:
            self._services[cls] = {}
            entry = self.program.classes.get(cls)
            verbs = _service_annotations()
            if entry is not None:
                d, cdef = entry
                dex = self.program.dexes[d]
                try:
                    annotated = dex.method_annotations(cdef.index)
                except DexError:
                    annotated = {}
                for method_idx, annotations in annotated.items():
                    for kind, elements in annotations:
                        if kind in verbs:
                            verb = verbs[kind] or elements.get("method", "HTTP")
                            path = elements.get("value", elements.get("path", ""))
                            sig = dex.method_ref(method_idx).signature
                            self._services[cls][sig] = (verb, self._join_base(path))
        return self._services[cls].get(signature)

    def _join_base(self, path: str) -> str:
        if _URL.match(path):
            return path
        if self._base_urls is None:
            self._base_urls = self._find_base_urls()
        if len(self._base_urls) == 1:
            return urllib.parse.urljoin(self._base_urls[0], path)
        return path or "(path not a constant)"

    def _find_base_urls(self) -> list[str]:
        """The URL constants the app's own code (an SDK's when the app has none) passes to Retrofit's base-URL
        setters: a string, a BuildConfig or other constant field, a string resource, as the interpreter sees
        them; the first URL constant of the calling method when none reaches the call."""
        callers: set[str] = set()
        for ref in _base_setters():
            cls, name, proto = split_signature(ref)
            for d, idx in self.program.method_indices(cls, name, proto):
                dex = self.program.dexes[d]
                for code_off in dex.code_users(methods=[idx]):
                    callers.update(dex.method_ref(em.method_idx).signature for em in dex.methods_at_code(code_off))
        own = sorted(c for c in callers if owner_of(c) == FIRST_PARTY) or sorted(callers)
        bases: set[str] = set()
        for caller in own:
            self._summary(caller)  # its interpretation records what reaches the setter in self.base_args
            seen = self.base_args.get(caller)
            if seen:
                bases |= seen
            elif (url := self.url_in(caller)) is not None:
                bases.add(url)
        return sorted(bases)

    def url_in(self, method: str) -> str | None:
        """The first URL constant a method's code holds: the endpoint when none travelled with the data."""
        mdef = self.program.method(method)
        if mdef is None or not mdef.code_off:
            return None
        dex = self.program.dexes[mdef.dex]
        urls = sorted(
            text
            for _, kind, index in dex.references(mdef.code_off)
            if kind == "string" and _URL.match(text := dex.string(index))
        )
        return urls[0] if urls else None

    def framework_refs(self, signature: str) -> list[str]:
        """The reference itself, then the same method on the framework types an app class extends.

        javac records the static receiver type, so MainActivity.openFileOutput(...) is Context's method.
        """
        cls, name, proto = split_signature(signature)
        refs = [signature]
        if self.program.is_app_class(cls):
            for k in [cls, *self.program.app_ancestors(cls)]:
                for s in self.program.supertypes(k):
                    if not self.program.is_app_class(s):
                        refs.append(f"{s}->{name}{proto}")
            refs += [f"{s}->{name}{proto}" for s in ("Landroid/content/Context;", "Landroid/content/ContextWrapper;")]
        return refs

    def sink_for(self, cls: str, name: str, proto: str) -> _Sink | None:
        """The catalogue sink a reference calls, looking through app classes to the framework type they extend."""
        for ref in self.framework_refs(f"{cls}->{name}{proto}"):
            sink = sink_of(ref)
            if sink is not None:
                return sink
        return None

    def implementations(self, signature: str) -> list[str]:
        """App methods an invoke of this reference may run: the declaring class's and overriding ones."""
        cls, name, proto = split_signature(signature)
        found = []
        for k in [cls, *self.program.app_ancestors(cls)]:
            if any(m.name == name and m.proto == proto for m in self.program.methods(k)):
                found.append(f"{k}->{name}{proto}")
                break
        for sub in sorted(self.program.subclasses(cls)):
            if any(m.name == name and m.proto == proto for m in self.program.methods(sub)):
                found.append(f"{sub}->{name}{proto}")
        return found


def _dedupe(frames: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for f in frames:
        if not out or out[-1] != f:
            out.append(f)
    return tuple(out)


_INTENT = "Landroid/content/Intent;"
_COMPONENT = "Landroid/content/ComponentName;"
_data = data_of
_urls = urls_of


def _own_param(label: Label, method: str) -> bool:
    return isinstance(label, Param) and label.method == method


class _Interpreter:
    """Forward data-flow over one method's CFG: register -> labels, joined by union at block entries."""

    def __init__(
        self, flows: FlowAnalysis, method: str, dex: DexFile, code: Method, is_static: bool, depth: int = 0
    ) -> None:
        self.flows = flows
        self.depth = depth
        self.method = method
        self.dex = dex
        self.code = code
        self.summary = Summary()
        self.params = self._param_registers(is_static)
        self.this_reg = None if is_static else code.registers - code.ins
        self.consts: dict[int, str] = {}  # register -> string constant, for prefs keys (flow-insensitive)
        self.ints: dict[int, int] = {}  # register -> int constant, for resource ids (flow-insensitive)

    def _param_registers(self, is_static: bool) -> list[tuple[int, int]]:
        """[(register, parameter position)], position 0 = this for instance methods."""
        _, _, proto = split_signature(self.method)
        params = _param_types(proto)
        reg = self.code.registers - self.code.ins
        out = []
        pos = 0
        if not is_static:
            out.append((reg, 0))
            reg += 1
            pos = 1
        for t in params:
            out.append((reg, pos))
            reg += 2 if t in ("J", "D") else 1
            pos += 1
        return out

    def run(self) -> Summary:
        code = self.code
        if not code.blocks:
            return self.summary
        entry: dict[int, frozenset[Label]] = {}
        callback = self.flows.callbacks.get(self.method)
        for reg, pos in self.params:
            labels: set[Label] = {Param(self.method, pos)}
            if callback and callback[0] == pos:
                labels.add(SourceValue((self.method, callback[1])))
            entry[reg] = frozenset(labels)
        regions = _control_regions(code)
        dependents: dict[int, list[int]] = defaultdict(list)  # block -> branch blocks it depends on
        for x, region in regions.items():
            for y in region:
                dependents[y].append(x)
        conditions: dict[int, frozenset[Label]] = {}
        states: list[dict[int, frozenset[Label]] | None] = [None] * len(code.blocks)
        states[0] = entry
        work = deque([0])
        queued = {0}
        rounds = 0
        while work and rounds < 30 * len(code.blocks) + 50:
            rounds += 1
            b = work.popleft()
            queued.discard(b)
            state = dict(states[b] or {})
            implicit = frozenset().union(*(conditions.get(x, frozenset()) for x in dependents.get(b, ())))
            start, end = code.blocks[b]
            for op in code.ops[start:end]:
                self._step(op, state)
                if implicit and op.opcode in _IMPLICIT_WRITES:
                    dst = _written(op)
                    if dst is not None and dst in state:
                        state[dst] = state[dst] | implicit
                    elif dst is not None:
                        state[dst] = implicit
            last = code.ops[end - 1]
            if b in regions:
                cond = _data(frozenset().union(*(state.get(r, frozenset()) for r in _condition_regs(last))))
                if not cond <= conditions.get(b, frozenset()):
                    conditions[b] = conditions.get(b, frozenset()) | cond
                    for y in regions[b]:  # values assigned under this branch now carry its condition
                        if y not in queued and states[y] is not None:
                            work.append(y)
                            queued.add(y)
            for succ in code.successors[b]:
                old = states[succ]
                if old is None:
                    states[succ] = dict(state)
                    changed = True
                else:
                    merged = dict(old)
                    changed = False
                    for r, here in state.items():
                        cur = merged.get(r, frozenset())
                        if not here <= cur:
                            merged[r] = cur | here
                            changed = True
                    if changed:
                        states[succ] = merged
                if changed and succ not in queued:
                    work.append(succ)
                    queued.add(succ)
        return self.summary

    # -- one instruction ---------------------------------------------------------------------------------

    def _step(self, op, state: dict[int, frozenset[Label]]) -> None:  # type: ignore[no-untyped-def]
        o = op.opcode
        r = op.regs
        get = state.get
        empty: frozenset[Label] = frozenset()
        if r and o in _WRITES_A and o != 0x1F:  # a register written (check-cast keeps the value): its constants go
            self.consts.pop(r[0], None)
            self.ints.pop(r[0], None)
        if 0x01 <= o <= 0x09:  # move*
            state[r[0]] = get(r[1], empty)
        elif 0x0A <= o <= 0x0C:  # move-result*
            state[r[0]] = state.pop(-1, empty)
        elif o == 0x0D:
            state[r[0]] = empty
        elif 0x0F <= o <= 0x11:  # return
            self.summary.ret |= get(r[0], empty)
        elif 0x12 <= o <= 0x19 or o in (0x1C, 0x22, 0x23, 0xFE, 0xFF):  # consts, new-instance, new-array
            state[r[0]] = empty
            self.consts.pop(r[0], None)
            if o == 0x1C and op.index is not None and self.flows.program.is_app_class(self.dex.type_name(op.index)):
                state[r[0]] = frozenset({ClassConst(self.dex.type_name(op.index))})  # X.class of an app class
            if 0x13 <= o <= 0x15 and op.literal is not None:  # const/16, const, const/high16: maybe R.string.x
                self.ints[r[0]] = (op.literal << 16 if o == 0x15 else op.literal) & 0xFFFFFFFF
            else:
                self.ints.pop(r[0], None)
        elif o in (0x1A, 0x1B):
            self._const_string(op, state)
        elif o in (0x20, 0x21):  # instance-of, array-length
            state[r[0]] = get(r[1], empty)
        elif o in (0x24, 0x25):  # filled-new-array
            state[-1] = frozenset().union(*(get(x, empty) for x in r))
        elif 0x2D <= o <= 0x31:
            state[r[0]] = get(r[1], empty) | get(r[2], empty)
        elif 0x44 <= o <= 0x4A:  # aget
            state[r[0]] = get(r[1], empty)
        elif 0x4B <= o <= 0x51:  # aput: the array absorbs the value
            state[r[1]] = get(r[1], empty) | get(r[0], empty)
        elif 0x52 <= o <= 0x58 or 0x60 <= o <= 0x66:  # iget, sget
            assert op.index is not None
            f = self.dex.field_ref(op.index).signature
            labels: set[Label] = {FieldValue(f)} | self.flows.field_urls(f)
            api = self.flows.sources.get(self.method, {}).get(("field", op.index))
            if api is not None:
                labels.add(SourceValue((self.method, api)))
            state[r[0]] = frozenset(labels)
        elif 0x59 <= o <= 0x5F or 0x67 <= o <= 0x6D:  # iput, sput
            assert op.index is not None
            f = self.dex.field_ref(op.index).signature
            self.summary.fields[f] |= _data(get(r[0], empty)) | _urls(get(r[0], empty))
        elif 0x6E <= o <= 0x72 or 0x74 <= o <= 0x78 or o in (0xFA, 0xFB):
            self._invoke(op, state)
        elif o in (0xFC, 0xFD):  # invoke-custom: a lambda captures its arguments
            state[-1] = frozenset().union(*(get(x, empty) for x in r))
        elif 0x7B <= o <= 0x8F or 0xB0 <= o <= 0xCF:  # unop, binop/2addr
            state[r[0]] = get(r[0], empty) | get(r[1], empty) if o >= 0xB0 else get(r[1], empty)
        elif 0x90 <= o <= 0xAF:
            state[r[0]] = get(r[1], empty) | get(r[2], empty)
        elif 0xD0 <= o <= 0xE2:
            state[r[0]] = get(r[1], empty)

    def _const_string(self, op, state: dict[int, frozenset[Label]]) -> None:  # type: ignore[no-untyped-def]
        assert op.index is not None
        text = self.dex.string(op.index)
        labels: set[Label] = set()
        if _URL.match(text):
            labels.add(Url(text))
        api = self.flows.sources.get(self.method, {}).get(("string", op.index))
        if api is not None:
            labels.add(SourceValue((self.method, api)))
        state[op.regs[0]] = frozenset(labels)
        self.consts[op.regs[0]] = text

    def _invoke(self, op, state: dict[int, frozenset[Label]]) -> None:  # type: ignore[no-untyped-def]
        assert op.index is not None
        ref = self.dex.method_ref(op.index)
        sig = ref.signature
        empty: frozenset[Label] = frozenset()
        args = [state.get(x, empty) for x in op.regs]
        static = op.opcode in (0x71, 0x77)
        result: set[Label] = set()
        api = self.flows.sources.get(self.method, {}).get(("method", op.index))
        if api is not None and not ref.proto.endswith(_NO_VALUE):
            result.add(SourceValue((self.method, api)))  # (a registration or a Task hands the data to a callback)
        if ref.class_name in (_INTENT, _COMPONENT) and not static and op.regs:
            self._intent_target(ref.class_name, ref.name, ref.proto, op.regs, args, state)
            args = [state.get(x, empty) for x in op.regs]
        elif ref.name == "getIntent" and ref.proto == "()" + _INTENT and op.regs and op.regs[0] == self.this_reg:
            result.add(Delivered(self.method.partition("->")[0]))  # the Intent this component was started with
        if ref.name in ("getString", "getText") and ref.proto.startswith("(I)") and len(op.regs) == 2:
            url = self.flows.resource_urls.get(self.ints.get(op.regs[1], -1))
            if url is not None:  # getString(R.string.api_url): the URL is the resource's value
                result.add(Url(url))
        if sig in _base_setters() and len(args) >= 2:
            self.flows.base_args[self.method] |= {x.url for x in args[1] if isinstance(x, Url)}
        sink = self.flows.sink_for(ref.class_name, ref.name, ref.proto)
        incoming = frozenset().union(*args) if args else empty
        service = self.flows.service_call(sig) if sink is None else None
        if service is not None:
            # a Retrofit service method: the proxy sends its arguments; what it returns (a Call, an Observable,
            # the response of a suspend function) continues this request (Call.execute is not a second one)
            if _data(incoming):
                # the service's own endpoint, not the base URL that travelled with the proxy object
                self._leak(op, sig, "network", _data(incoming) | {Url(service[1])})
            state[-1] = frozenset({x for x in incoming if not isinstance(x, SinkObject)} | {SinkObject(sig, "network")})
            return
        # A catalogue sink is a sink even when the library that implements it is bundled in the APK, and
        # bundled libraries (OkHttp, Gson, androidx...) are modelled like the framework, not walked into.
        implementations = (
            self.flows.implementations(sig)
            if sink is None and self.flows.program.is_app_class(ref.class_name) and not is_library(ref.class_name)
            else []
        )
        if sink is not None and not sink.carrier:
            # a sink called on what an earlier sink of the same kind returned (Call.execute on newCall's
            # Call, a stream's write) continues that transmission rather than starting another
            continues = (
                bool(args)
                and not static
                and any(isinstance(x, SinkObject) and x.kind == sink.kind for x in args[0])
                and _data(incoming) <= _data(args[0])
            )
            if _data(incoming) and not continues:
                explicit = (
                    frozenset(x.component for x in incoming if isinstance(x, Target)) if sink.delivers else frozenset()
                )
                by_action = (
                    frozenset(x.component for x in incoming if isinstance(x, ActionTarget))
                    if sink.delivers
                    else frozenset()
                )
                if explicit and not by_action and EXTERNAL not in incoming:
                    # an Intent naming the app's own component on every path: the data stays in the app
                    self.summary.handoffs.append((_data(incoming), explicit))
                else:
                    self._leak(op, sig, sink.kind, incoming, explicit | by_action)
            # the object a sink returns (a connection's stream) is that sink's alone: what it writes is sent by
            # this sink, not once more by every sink whose object it came from
            result |= {x for x in incoming if not isinstance(x, SinkObject)} | {SinkObject(sig, sink.kind)}
            if not static and args:
                self._store(args[0], _data(incoming))
            self._models(sig, op, args, state, result)
        elif implementations:
            positional = self._positional(args, ref.proto, static)
            regs = self._positional_regs(op.regs, ref.proto, static)
            for target in implementations:
                tdef = self.flows.program.method(target)
                if tdef is not None and tdef.access_flags & ACC_NATIVE:
                    if _data(incoming):
                        self._leak(op, target, "native", incoming)
                    continue
                result.add(Returned(target))
                for i, labels in enumerate(positional):
                    if labels:
                        self.summary.calls.append((target, i, _data(labels) | _urls(labels)))
                for i, reg in enumerate(regs):
                    if reg is not None and reg != self.this_reg:
                        state[reg] = state.get(reg, empty) | {OutParam(target, i)}
                # What the callee hands back from its own parameters is applied here, at this call, so the
                # data returns to this caller only (not to every caller of the callee).
                makes_intent = ref.proto.endswith(")" + _INTENT) or ref.proto.endswith(")" + _COMPONENT)
                wanted = _data(incoming) or makes_intent
                callee = self.flows.callee_summary(target, self.depth + 1) if wanted else None
                if callee is None:
                    if _data(incoming):
                        result |= incoming  # recursion or budget: assume the data comes back
                    continue
                # an Intent made by an app factory method (MyService.intent(ctx)) names what it named there
                result |= {label for label in callee.ret if isinstance(label, (Target, ActionTarget, External))}
                for label in callee.ret:
                    if isinstance(label, Param) and label.method == target and label.index < len(positional):
                        result |= positional[label.index]
                for j, outs in callee.outs.items():
                    out_reg = regs[j] if j < len(regs) else None
                    if out_reg is not None and out_reg != self.this_reg:
                        for label in outs:
                            if isinstance(label, Param) and label.method == target and label.index < len(positional):
                                state[out_reg] = state.get(out_reg, empty) | positional[label.index]
        elif sig in _REFLECT:
            if _data(incoming):
                self._leak(op, sig, "reflection", incoming)
            result |= incoming
        else:
            result |= incoming
            if not static and op.regs and op.regs[0] != self.this_reg:
                receiver = args[0]
                rest = frozenset().union(*args[1:]) if len(args) > 1 else empty
                sink_objects = [x for x in receiver if isinstance(x, SinkObject)]
                if sink_objects and _data(rest):
                    k = min(sink_objects)  # one leak per instruction
                    self._leak(op, k.sink, k.kind, rest | receiver)
                self._store(receiver, _data(rest))
                if rest:
                    state[op.regs[0]] = receiver | rest
                if ref.name.startswith("read") and receiver:
                    # InputStream.read(byte[]), Reader.read(char[]): the stream fills the array it is given
                    for reg, t in zip(op.regs[1:], _param_types(ref.proto), strict=False):
                        if t.startswith("["):
                            state[reg] = state.get(reg, empty) | receiver
            self._models(sig, op, args, state, result)
        state[-1] = frozenset(result)

    def _models(self, sig, op, args, state, result) -> None:  # type: ignore[no-untyped-def]
        """SharedPreferences by key, and framework calls that run app callbacks with the arguments."""
        if sig.endswith("->openFileOutput(Ljava/lang/String;I)Ljava/io/FileOutputStream;") and len(op.regs) >= 2:
            result.add(StoreWriter(f"file:{self.consts.get(op.regs[1], '*')}"))
        elif sig.endswith("->openFileInput(Ljava/lang/String;)Ljava/io/FileInputStream;") and len(op.regs) >= 2:
            result.add(FieldValue(f"file:{self.consts.get(op.regs[1], '*')}"))
        elif _PREFS_PUT.match(sig) and len(op.regs) >= 3:
            key = self.consts.get(op.regs[1], "*")
            self.summary.fields[f"prefs:{key}"] |= _data(args[2])
        elif _PREFS_GET.match(sig) and len(op.regs) >= 2:
            key = self.consts.get(op.regs[1], "*")
            result.add(FieldValue(f"prefs:{key}"))
        hook = next((_dispatch()[f] for f in self.flows.framework_refs(sig) if f in _dispatch()), None)
        if hook is not None and op.regs:
            name, arg = hook
            if arg < len(args) and _data(args[arg]):
                for cls in self._receiver_classes(op.regs[0]):
                    for m in self.flows.program.methods(cls):
                        if m.name == name and not m.is_static:
                            self.summary.calls.append((m.signature, 1, _data(args[arg])))

    def _store(self, receiver: frozenset[Label], data: frozenset[Label]) -> None:
        """Data written into a store writer (a file opened by name) is kept under the store's name."""
        if data:
            for w in receiver:
                if isinstance(w, StoreWriter):
                    self.summary.fields[w.store] |= data

    def _receiver_classes(self, reg: int) -> list[str]:
        """App classes an object in `reg` may be: those instantiated in this method (a cheap type guess)."""
        found = []
        for op in self.code.ops:
            if op.opcode == 0x22 and op.regs and op.regs[0] == reg and op.index is not None:
                name = self.dex.type_name(op.index)
                if self.flows.program.is_app_class(name):
                    found.append(name)
        return found

    def _positional(self, args: list[frozenset[Label]], proto: str, static: bool) -> list[frozenset[Label]]:
        """Argument labels by parameter position (wide arguments take two registers)."""
        out = []
        types = ([] if static else ["L"]) + _param_types(proto)
        i = 0
        for t in types:
            out.append(args[i] if i < len(args) else frozenset())
            i += 2 if t in ("J", "D") else 1
        return out

    def _positional_regs(self, regs: tuple[int, ...], proto: str, static: bool) -> list[int | None]:
        out: list[int | None] = []
        types = ([] if static else ["L"]) + _param_types(proto)
        i = 0
        for t in types:
            out.append(regs[i] if i < len(regs) and t[0] in "L[" else None)
            i += 2 if t in ("J", "D") else 1
        return out

    def _leak(  # type: ignore[no-untyped-def]
        self, op, sink: str, kind: str, labels: frozenset[Label], targets: frozenset[str] = frozenset()
    ) -> None:
        endpoints = frozenset(x.url for x in labels if isinstance(x, Url))
        self.summary.leaks.append(Leak(self.method, op.offset, sink, kind, _data(labels), endpoints, targets))

    def _intent_target(  # type: ignore[no-untyped-def]
        self, cls: str, name: str, proto: str, regs: tuple[int, ...], args: list[frozenset[Label]], state
    ) -> None:
        """Which app components an Intent names, as labels of its register (so that branches merge them):
        ("T", cls) for an explicit class (new Intent(ctx, X.class), setClass, setClassName, setComponent with a
        ComponentName(ctx, X.class)), ("A", cls) for a component of the app whose intent-filter declares the
        Intent's action (new Intent("a.b.UPLOAD"), setAction), and ("X",) for an action, which other apps may
        also receive. A ComponentName gets the same ("T", cls) labels as the Intent it will go into."""
        types = _param_types(proto)
        params = list(zip(regs[1:], args[1:], types, strict=False))
        strings = [reg for reg, _, t in params if t == "Ljava/lang/String;"]
        found: set[Label] = set()
        for _, labels, t in params:
            if t == "Ljava/lang/Class;" or (t == _COMPONENT and name == "setComponent"):
                found |= {
                    Target(x.cls if isinstance(x, ClassConst) else x.component)
                    for x in labels
                    if isinstance(x, (ClassConst, Target))
                }
        if strings and (name == "setClassName" or (cls == _COMPONENT and name == "<init>")):
            text = self.consts.get(strings[-1], "")  # the class name is the last String argument
            target = "L" + text.lstrip(".").replace(".", "/") + ";"
            if text and self.flows.program.is_app_class(target):
                found.add(Target(target))
        elif strings and cls == _INTENT and name in ("<init>", "setAction") and strings[0] in self.consts:
            action = self.consts[strings[0]]
            if not any(isinstance(x, Target) for x in args[0] | found):  # a named component decides, not the action
                found |= {ActionTarget(c) for c in self.flows.intent_actions.get(action, ())} | {EXTERNAL}
        if found:
            state[regs[0]] = state.get(regs[0], frozenset()) | frozenset(found)


def _stored_constants(dex: DexFile, code_off: int) -> list[tuple[str, str]]:
    """(field, URL) for each URL string constant a method stores into a String field (const-string then
    sput/iput-object, straight-line)."""
    try:
        code = decode(dex, code_off)
    except DexError:
        return []
    held: dict[int, str] = {}
    found = []
    for op in code.ops:
        o = op.opcode
        if o in (0x1A, 0x1B) and op.index is not None:
            text = dex.string(op.index)
            if _URL.match(text):
                held[op.regs[0]] = text
            else:
                held.pop(op.regs[0], None)
        elif o in (0x07, 0x08, 0x09) and op.regs[1] in held:  # move-object
            held[op.regs[0]] = held[op.regs[1]]
        elif (o in (0x5B, 0x69)) and op.index is not None and op.regs[0] in held:  # iput-object, sput-object
            found.append((dex.field_ref(op.index).signature, held[op.regs[0]]))
        elif o in _WRITES_A and op.regs and o != 0x1F:
            held.pop(op.regs[0], None)
    return found


_WRITES_A = (
    set(range(0x01, 0x0E)) | set(range(0x12, 0x1D)) | {0x1F, 0x20, 0x21, 0x22, 0x23}
    | set(range(0x2D, 0x32)) | set(range(0x44, 0x4B)) | set(range(0x52, 0x59)) | set(range(0x60, 0x67))
    | set(range(0x7B, 0xE3))
)  # fmt: skip
_INVOKES = set(range(0x6E, 0x73)) | set(range(0x74, 0x79)) | {0x24, 0x25, 0xFA, 0xFB, 0xFC, 0xFD}


# Implicit flows taint only numbers and characters computed under a tainted condition (a counter, a
# substituted character): enough to follow value-by-value re-encodings of an id, without making every
# string, object or log line written under `if (cursor.moveToNext())` or in a catch block carry the data.
_IMPLICIT_WRITES = set(range(0x12, 0x1A)) | set(range(0x7B, 0xE3))


def _written(op) -> int | None:  # type: ignore[no-untyped-def]
    """The register an instruction writes (-1: the pending invoke result), or None."""
    if op.opcode in _WRITES_A and op.regs:
        return int(op.regs[0])
    if op.opcode in _INVOKES:
        return -1
    return None


def _condition_regs(op) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """Registers a conditional branch tests for implicit flows (if-*, switch), else ().

    if-eqz/if-nez are left out: javac emits them for `x != null` and `if (flag)`, which reveal
    nothing of the value, and counting them would taint every constant set under a null check.
    """
    if 0x32 <= op.opcode <= 0x37 or 0x3A <= op.opcode <= 0x3D or op.opcode in (0x2B, 0x2C):
        return tuple(op.regs)
    return ()


def _control_regions(code: Method) -> dict[int, set[int]]:
    """Block -> the blocks control-dependent on it, for blocks that end in a conditional branch.

    Post-dominators by the iterative bit-set algorithm (a virtual exit after every return and throw);
    y depends on branch x when y post-dominates a successor of x but does not strictly post-dominate x.
    """
    n = len(code.blocks)
    branches = [b for b in range(n) if _condition_regs(code.ops[code.blocks[b][1] - 1])]
    if not branches:
        return {}
    exit_bit = 1 << n
    full = (1 << (n + 1)) - 1
    pdom = [full] * n
    changed = True
    while changed:
        changed = False
        for b in reversed(range(n)):
            succ = code.successors[b]
            meet = full
            if not succ:
                meet = exit_bit
            for s_ in succ:
                meet &= pdom[s_]
            new = meet | (1 << b)
            if new != pdom[b]:
                pdom[b] = new
                changed = True
    regions = {}
    for x in branches:
        strict = pdom[x] & ~(1 << x)
        reach = 0
        for s_ in code.successors[x]:
            reach |= pdom[s_]
        region = reach & ~strict & ~exit_bit
        regions[x] = {y for y in range(n) if region >> y & 1}
    return regions


def _param_types(proto: str) -> list[str]:
    inner = proto[1 : proto.index(")")]
    out = []
    i = 0
    while i < len(inner):
        j = i
        while inner[j] == "[":
            j += 1
        if inner[j] == "L":
            j = inner.index(";", j)
        out.append(inner[i : j + 1])
        i = j + 1
    return out
