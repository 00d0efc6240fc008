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
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from apkaudit.analysis.endpoint import ENDPOINT_URL
from apkaudit.analysis.flows.endpoints import Endpoints
from apkaudit.analysis.flows.interpreter import Interpreter
from apkaudit.analysis.flows.jsinterface import ADD_BRIDGE, JsBridges
from apkaudit.analysis.flows.labels import (
    Delivered,
    FieldValue,
    KeyedRead,
    KeyedWrite,
    Label,
    OutParam,
    Param,
    ReadThrough,
    Returned,
    ReturnedTyped,
    SourceValue,
    Thrown,
    Url,
    data_of,
)
from apkaudit.analysis.flows.messenger import wrapped_handlers
from apkaudit.analysis.flows.models import (
    CHANGED_KEY,
    INTENT,
    PAGE_KEY,
    RequestObject,
    Sink,
    changed_keys,
    first_callbacks,
    intent_receivers,
    is_serialiser,
    param_types,
    request_objects,
    saved_state,
    sink_of,
    view_handlers,
)
from apkaudit.analysis.flows.objects import request_model, runs
from apkaudit.analysis.flows.providers import Providers
from apkaudit.analysis.flows.readers import FieldReaders
from apkaudit.analysis.flows.results import result_receivers
from apkaudit.analysis.flows.strong import BEFORE_FIRST
from apkaudit.analysis.flows.summary import Leak, Summary
from apkaudit.analysis.program import ACC_STATIC, MethodDef, Program, split_signature

# Methods the flow search decodes per APK before it stops (and says so): at least MIN_SUMMARIES, and up to one
# code item in SUMMARY_SHARE, so that the budget grows with the app. The 24.6 MB Yosemite.apk (93,839 code items)
# needed 8,971 summaries while storage paths and cameras were followed and ZXing and the RabbitMQ client walked
# into (a fixed 6,000 cut the search short then); 2,220 now that they are handles (sources.yaml `handle`) and
# modelled libraries (libraries.yaml).
MIN_SUMMARIES = 6000
SUMMARY_SHARE = 4
MAX_NODES = 60_000
MAX_CALL_DEPTH = 6  # callee summaries computed inside a caller's, before assuming data comes back
HELPER_DEPTH = 16  # and store helpers (storehelpers.py) handing their keys on, below that

_URL = ENDPOINT_URL  # a constant the app sends to


class _Node(NamedTuple):
    """A node of flows_from's search: a label, and whether it carries the data yet (not only an address)."""

    label: Label
    data: bool


_CONTEXTS = ("Landroid/content/Context;", "Landroid/content/ContextWrapper;")


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


class FlowAnalysis:
    """Summaries of the methods data reaches, and the flows from each source site."""

    def __init__(
        self,
        program: Program,
        sources: dict[str, dict[tuple[str, int], str]],
        callbacks: dict[str, tuple[int, str]],
        resource_urls: Mapping[int, str] | None = None,
        intent_actions: Mapping[str, Iterable[str]] | None = None,
        components: Mapping[str, bool] | None = None,
        layout_handlers: Iterable[str] = (),
        authorities: Mapping[str, str] | None = None,
        address_reads: Mapping[str, tuple[int, ...]] | None = None,
    ) -> None:
        """`sources`: method -> {(kind, dex index) -> api} of the source uses in it (kind method|field|string);
        `callbacks`: method -> (parameter, api) for callback sources such as onLocationChanged(Location);
        `resource_urls`: string resource id -> its URL value (default configuration), for endpoints the app
        reads with getString(R.string.x); `intent_actions`: intent-filter action -> the app's components (class
        descriptors) declaring it, for implicit Intents the app sends to itself; `components`: the class
        descriptors of the manifest's components -> exported (None: not known, every app class may be one).
        `layout_handlers`: the methods a layout's android:onClick names (called with the clicked View, as
        onClick is). `authorities`: the authorities of the app's own providers -> their class (providers.py).
        `address_reads`: calls that read through an address they are given (a smali signature, or `Lcls;->name`
        for every overload) -> the positions of the address among its arguments (0 = the first after `this`):
        ContentResolver.query's content URI, Settings.Secure.getString's name (sources.yaml resolvers, used_with)."""
        self.program = program
        self.sources = sources
        self.callbacks = callbacks
        self.resource_urls = {k: v for k, v in (resource_urls or {}).items() if _URL.match(v)}
        self.intent_actions = {a: tuple(sorted(c)) for a, c in (intent_actions or {}).items()}
        self.private_actions = frozenset(a for a, c in self.intent_actions.items() if _in_own_namespace(a, c))
        self._delivered: set[str] = set()  # components whose Intent entry points are linked
        self.components = dict(components) if components else None
        self.endpoints = Endpoints(program, self._summary)
        self.bridges = JsBridges(program)
        self._page_reads: dict[str, tuple[str, ...]] = {}  # store -> its page readers (_page_readers)
        self._paged: set[str] = set()  # the store keys given an edge to what a page may read
        self._summaries: dict[str, Summary | None] = {}
        self._code_items: int | None = None  # counted when MIN_SUMMARIES is reached
        self._edges: dict[Label, list[tuple[Label | Leak, str]]] = defaultdict(list)
        self.readers = FieldReaders(program)  # who reads a field or a store key (readers.py)
        self.exhausted = False
        self.class_fields: dict[str, list[str]] = {}  # app class -> its field signatures (objects.py)
        self.request_urls: dict[str, set[str]] = {}  # request class -> URL constants its constructor got
        self._request_models: dict[str, RequestObject | None] = {}
        self._request_creators: set[str] = set()
        self._messenger_handlers: dict[str, list[str]] = {}
        self._registered: dict[str, bool] = {}
        self.layout_handlers = frozenset(layout_handlers)
        self.address_reads = dict(address_reads or {})
        self._reads_through: dict[str, tuple[int, ...] | None] = {}
        self.providers = Providers(program, authorities)
        self._result_receivers: dict[str, list[str]] = {}
        # what the program's classes answer for a method reference, asked again at every call site of it
        self._framework_refs: dict[str, tuple[str, ...]] = {}
        self._implementations: dict[str, tuple[str, ...]] = {}
        self._serialisers: dict[str, bool] = {}

    # -- following flows -------------------------------------------------------------------------------

    def flows_from(self, site: tuple[str, str], address: bool = False) -> list[Flow]:
        """Every sink the value read at `site` reaches, with one shortest path each. The value of an `address` site
        (a content URI, a settings name) is not the user's data: it is followed to the calls that read through it
        (ReadThrough: ContentResolver.query...), and only what they read is followed on to sinks."""
        start = _Node(SourceValue(site), not address)
        self._summary(site[0])
        prev: dict[_Node, tuple[_Node, str] | None] = {start: None}
        queue: deque[_Node] = deque([start])
        found: dict[tuple[str, int, str], Flow] = {}
        while queue:
            node = queue.popleft()
            if len(prev) > MAX_NODES:
                self.exhausted = True
                break
            data = node.data
            for target, where in self._out_edges(node.label):
                if isinstance(target, Leak):
                    key = (target.method, target.offset, target.sink)
                    if data and key not in found:
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
                    continue
                if isinstance(target, ReadThrough) and data:
                    continue  # (what the call read is in its result already)
                step = _Node(target, data or isinstance(target, ReadThrough))
                if step not in prev:
                    prev[step] = (node, where)
                    queue.append(step)
        return sorted(found.values(), key=lambda f: (f.kind, f.method, f.at, f.sink))

    def reads_through(self, signature: str) -> tuple[int, ...] | None:
        """The positions of the address a call reads through (`address_reads`), looking through app classes to the
        framework type they extend; None when it reads through none."""
        if signature not in self._reads_through:
            reads = self.address_reads
            self._reads_through[signature] = next(
                (
                    found
                    for ref in self.framework_refs(signature)
                    if (found := reads.get(ref) or reads.get(ref.split("(", 1)[0])) is not None
                ),
                None,
            )
        return self._reads_through[signature]

    def close(self) -> None:
        """Free the summaries, edges and memos now. The engine points at itself through its endpoint resolver
        (Endpoints.summarise), and a search the time budget stops is held by the exception's traceback, so without
        this they wait for a full pass of the cyclic collector, which may not come before the report is built: on
        the 24.6 MB Yosemite.apk that kept 180 MB through the rest of the audit."""
        memos = (
            self._summaries,
            self._edges,
            self._framework_refs,
            self._implementations,
            self._serialisers,
            self._reads_through,
            self._page_reads,
            self._paged,
            self.class_fields,
        )
        for memo in memos:
            memo.clear()
        self.readers = FieldReaders(self.program)  # and the readers found, with their per-class indexes

    def _path(self, prev: dict[_Node, tuple[_Node, str] | None], node: _Node, where: str) -> tuple[str, ...]:
        frames = [where]
        while True:
            if isinstance(node.label, FieldValue):  # the field (or preference key) it went through
                frames.append(node.label.field.removesuffix(BEFORE_FIRST))
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
        elif isinstance(node, (Returned, OutParam, Thrown, KeyedWrite)):
            for caller in sorted(self.program.callers([node.method])[node.method]):
                summary = self._summary(caller)
                if summary is not None and node in summary.dispatched:  # its callers choose the override
                    for outer in sorted(self.program.callers([caller])[caller]):
                        self._summary(outer)
        elif isinstance(node, FieldValue):
            store, _, key = node.field.partition(":")
            for reader in self._page_readers(store) if key == PAGE_KEY else self.readers.of(node.field):
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
        receivers = intent_receivers()
        for k in [component, *self.program.app_ancestors(component)]:
            if k != component:  # getIntent() in an app base class reads the Intent this component got
                self._edges[node].append((Delivered(k), ""))  # no frame of its own in the path
            for m in self.program.methods(k):
                if m.is_static or not m.code_off:
                    continue
                if (m.name, m.proto) in receivers:
                    position = param_types(m.proto).index(INTENT) + 1  # 0 is `this`
                    self._edges[node].append((Param(m.signature, position), m.signature))
                elif self._calls_get_intent(m):
                    self._summary(m.signature)

    def declared(self, classes: frozenset[str]) -> frozenset[str]:
        """The classes among these that the manifest declares as components (all of them when not known)."""
        if self.components is None:
            return classes
        return frozenset(c for c in classes if c in self.components)

    def exported(self, component: str) -> bool:
        """May another app start this component (manifest `exported`, or an intent-filter)? Unknown: no."""
        return bool(self.components and self.components.get(component))

    def first_callback(self, method: str) -> bool:
        """Is the method the lifecycle method the system calls first on an instance of its class (onCreate of an
        Activity or Service subclass: catalogs/dispatch.yaml first_callbacks)?"""
        cls, name, proto = split_signature(method)
        framework = first_callbacks()[1].get((name, proto))
        return framework is not None and any(
            framework in self.program.supertypes(k) for k in [cls, *self.program.app_ancestors(cls)]
        )

    def registered(self, signature: str) -> bool:
        """Does any app code call this framework method (a listener's registration)?"""
        if signature not in self._registered:
            cls, name, proto = split_signature(signature)
            self._registered[signature] = any(
                self.program.dexes[d].code_users(methods=[i]) for d, i in self.program.method_indices(cls, name, proto)
            )
        return self._registered[signature]

    def _calls_get_intent(self, m: MethodDef) -> bool:
        dex = self.program.dexes[m.dex]
        return any(
            kind == "method" and dex.method_ref(index).name == "getIntent"
            for _, kind, index in dex.references(m.code_off)
        )

    # -- summaries --------------------------------------------------------------------------------------

    def callee_summary(self, method: str, depth: int) -> Summary | None:
        """A callee's summary for a caller's interpretation; None while it is being computed (recursion)."""
        if depth > MAX_CALL_DEPTH and (depth > MAX_CALL_DEPTH + HELPER_DEPTH or not self.readers.is_helper(method)):
            return None  # (a store helper is applied deeper: it reads and writes the key its caller names, calls.py)
        return self._summary(method, depth)

    def _summary(self, method: str, depth: int = 0) -> Summary | None:
        if method in self._summaries:
            return self._summaries[method]
        if len(self._summaries) >= MIN_SUMMARIES and len(self._summaries) >= self._budget():
            self.exhausted = True
            return None
        self._summaries[method] = None
        mdef = self.program.method(method)
        code = self.program.code(mdef)
        if mdef is None or code is None:
            return None
        dex = self.program.dexes[mdef.dex]
        summary = Interpreter(self, method, dex, code, bool(mdef.access_flags & ACC_STATIC), depth).run()
        self._bridge_return(method, summary)
        self._summaries[method] = summary
        self._index(method, summary)
        summary.indexed()
        return summary

    def _budget(self) -> int:
        return max(MIN_SUMMARIES, self.code_items() // SUMMARY_SHARE)

    def code_items(self) -> int:
        """The app's code items (methods with code), which the budget is a share of."""
        if self._code_items is None:
            self._code_items = sum(dex.code_item_count for dex in self.program.dexes)
        return self._code_items

    def budget_note(self) -> str:
        """What the report says when the search stopped at its budget, and how far it had gone."""
        return (
            f"data-flow search stopped at its budget of {self._budget():,} decoded methods (the app has "
            f"{self.code_items():,} with code): some flows may be missing"
        )

    def _page_readers(self, store: str) -> tuple[str, ...]:
        """The @JavascriptInterface methods a page can call (jsinterface.py) that read the store under a key they
        are given: the page names it, so they may read what the app keeps under any key (engine._index)."""
        found = self._page_reads.get(store)
        if found is None:
            helpers = self.readers.read_helpers(store) if self.bridges.any() else {}
            found = self._page_reads[store] = tuple(m for m in sorted(helpers) if self.bridges.registrar(m))
        return found

    def _bridge_return(self, method: str, s: Summary) -> None:
        """What a registered @JavascriptInterface method returns goes to the page (jsinterface.py)."""
        data = data_of(s.ret)
        registrar = self.bridges.registrar(method) if data else None
        if registrar is not None:
            url = self.url_in(registrar)
            endpoints = frozenset(x.url for x in s.ret if isinstance(x, Url)) or frozenset([url] if url else [])
            s.leaks.append(Leak(method, 0, ADD_BRIDGE, "webview", data, endpoints))

    def _index(self, method: str, s: Summary) -> None:
        for label in s.ret:
            if not _at_calls(label, method):  # parameter-to-return is applied at each call site instead
                self._edges[label].append((Returned(method), method))
        for label in s.thrown:
            self._edges[label].append((Thrown(method), method))
        for typed in s.typed:
            if isinstance(typed, ReturnedTyped):
                self._index_typed(typed)
        for i, labels in s.outs.items():
            for label in labels:
                if not _at_calls(label, method):
                    self._edges[label].append((OutParam(method, i), method))
        listened = {k.store for k in changed_keys().values()}
        before = split_signature(method)[1] in first_callbacks()[0]  # a constructor: seen by onCreate (strong.py)
        for f, written in s.fields.items():
            store, _, key = f.partition(":")
            changed = FieldValue(f"{store}:{CHANGED_KEY}") if "->" not in f and store in listened else None
            if "->" not in f and key != PAGE_KEY and f not in self._paged and self._page_readers(store):
                self._paged.add(f)  # what a page may ask a bridge for: from the key's value, so the path names it
                self._edges[FieldValue(f)].append((FieldValue(f"{store}:{PAGE_KEY}"), ""))
            for label in written:
                self._edges[label].append((FieldValue(f), method))
                if changed is not None and key != CHANGED_KEY:  # what a change listener reads (calls.py)
                    self._edges[label].append((changed, method))
                if before and "->" in f:
                    self._edges[label].append((FieldValue(f + BEFORE_FIRST), method))
        self._index_calls(method, s)
        self._index_saved_state(method, s)
        self._index_same_view(method, s)
        self._index_leaks(method, s)

    def _index_calls(self, method: str, s: Summary) -> None:
        """What the method passes to app callees, and the addresses its reads go through (a content URI queried)."""
        for target, i, passed in s.calls:
            for label in passed:
                self._edges[label].append((Param(target, i), method))
        for read, address in s.reads.items():
            for label in address:
                self._edges[label].append((read, method))
        for callee_read, reads_here in s.keyed_reads.items():  # the key's value, into the helper's own uses of it
            for label in reads_here:
                self._edges[label].append((callee_read, method))
        # each helper read also meets what computed keys hold: a key no caller names (a callback's) is read as a
        # direct read under an unknown key is; so a value kept under a computed key reaches every helper's own uses
        # of what it reads (a log in the helper), as it reaches such reads
        page = self.bridges.registrar(method) is not None if s.keyed_made else False
        for read in s.keyed_made:
            self._edges[FieldValue(f"{read.store}:*")].append((read, method))
            if page:  # a page's bridge method: the page names the key, any key the app writes
                self._edges[FieldValue(f"{read.store}:{PAGE_KEY}")].append((read, method))
        for (store, index), written in s.keyed.items():  # its own data, written at each call under the caller's key
            for label in written:
                if not _own_param(label, method) and not (isinstance(label, KeyedRead) and label.method == method):
                    self._edges[label].append((KeyedWrite(method, store, index), method))

    def _index_same_view(self, method: str, s: Summary) -> None:
        """A click handler gets the same View at every click: what one call stores into it (setHint, setTag) the
        next call reads (dispatch.yaml view_handlers, and the layout's android:onClick handlers)."""
        _, name, proto = split_signature(method)
        position = 1 if method in self.layout_handlers else view_handlers().get((name, proto))
        if position is not None and s.outs.get(position):
            self._edges[OutParam(method, position)].append((Param(method, position), method))

    def _index_saved_state(self, method: str, s: Summary) -> None:
        """What a component puts into the Bundle of onSaveInstanceState comes back, when the same instance is
        recreated or restored, as the Bundle of its onCreate, onRestoreInstanceState... (dispatch.yaml
        saved_state): the class's own, an app base class's or a subclass's (the object may be either)."""
        cls, name, proto = split_signature(method)
        hand = saved_state().get((name, proto))
        if hand is None or not s.outs.get(hand[0]):
            return
        later = {(n, p): i for n, p, i in hand[1]}
        node = OutParam(method, hand[0])
        for k in sorted({cls, *self.program.app_ancestors(cls), *self.program.subclasses(cls)}):
            for m in self.program.methods(k):
                position = later.get((m.name, m.proto))
                if position is not None and m.code_off and not m.is_static:
                    self._edges[node].append((Param(m.signature, position), m.signature))

    def _index_typed(self, typed: ReturnedTyped) -> None:
        """What the callee returns reaches a call whose argument's class is known, less what virtual calls on
        that parameter return from overrides an object of that class does not run."""
        callee = self._summary(typed.method)
        if callee is None:
            self._edges[Returned(typed.method)].append((typed, ""))
            return
        for label in callee.ret:
            if _at_calls(label, typed.method):
                continue
            if isinstance(label, Returned) and callee.dispatched.get(label) == typed.index:
                name = label.method.partition("->")[2]
                if runs(self.program, typed.cls, name) != label.method:
                    continue
            self._edges[label].append((typed, typed.method))

    def _index_leaks(self, method: str, s: Summary) -> None:
        for leak in s.leaks:
            for label in leak.labels:
                self._edges[label].append((leak, method))
                for target in sorted(leak.targets):  # and on into the app's components that receive it too
                    self._edges[label].append((Delivered(target), method))
        for carried, targets in s.handoffs:
            for label in carried:
                for target in sorted(targets):
                    self._edges[label].append((Delivered(target), method))

    @functools.cached_property
    def posts_bodies(self) -> bool:
        """Is any app class a request-body class whose writer sends what is written into it (sinks.yaml
        request_objects with `writes`), bundled or extended? When none is, no call can post such a body
        (bodies.note_body_urls: asked of every call, it looked through each argument's labels)."""
        program = self.program
        bodies = [m.cls for m in request_objects().values() if m.writes]
        return any(program.is_app_class(c) or program.subclasses(c) for c in bodies)

    def request_model(self, cls: str) -> RequestObject | None:
        """The request-object model of an app class (a Volley Request subclass), if it is one."""
        if cls not in self._request_models:
            self._request_models[cls] = request_model(self.program, cls)
        return self._request_models[cls]

    def request_endpoints(self, cls: str) -> set[str]:
        """URL constants a request class was built with: its constructors and the methods creating it are
        interpreted first (they record the URLs they pass, objects.py)."""
        if cls not in self._request_creators:
            self._request_creators.add(cls)
            inits = [m.signature for m in self.program.methods(cls) if m.name == "<init>"]
            for init in inits:
                self._summary(init)
            for callers in self.program.callers(inits).values():
                for caller in sorted(callers):
                    self._summary(caller)
        return self.request_urls.get(cls, set())

    def result_receivers(self, activity: str) -> list[str]:
        """The onActivityResult methods an activity's result reaches (results.py), found once per activity."""
        if activity not in self._result_receivers:
            self._result_receivers[activity] = result_receivers(self, activity)
        return self._result_receivers[activity]

    def messenger_handlers(self, wraps: str, callback: str) -> list[str]:
        """The app Handler callbacks a Messenger.send reaches (messenger.py), found once per APK."""
        if wraps not in self._messenger_handlers:
            self._messenger_handlers[wraps] = wrapped_handlers(self.program, wraps, callback)
        return self._messenger_handlers[wraps]

    def field_urls(self, field_sig: str) -> frozenset[Label]:
        """Url labels of the URL constants an app String field holds (endpoints.py)."""
        return self.endpoints.field_urls(field_sig)

    def url_in(self, method: str) -> str | None:
        """The first URL constant a method's code holds: the endpoint when none travelled with the data."""
        return self.endpoints.url_in(method)

    def framework_refs(self, signature: str) -> list[str]:
        """The reference itself, then the same method on the framework types an app class extends.

        javac records the static receiver type, so MainActivity.openFileOutput(...) is Context's method.
        """
        found = self._framework_refs.get(signature)
        if found is None:
            cls, name, proto = split_signature(signature)
            refs = [signature]
            if self.program.is_app_class(cls):
                for k in [cls, *self.program.app_ancestors(cls)]:
                    for s in self.program.supertypes(k):
                        if not self.program.is_app_class(s):
                            refs.append(f"{s}->{name}{proto}")
                refs += [f"{s}->{name}{proto}" for s in _CONTEXTS]
            found = self._framework_refs[signature] = tuple(refs)
        return list(found)

    def serialiser(self, signature: str) -> bool:
        """Does the call write every field of the app objects it is given (catalogs/dispatch.yaml serialisers)?
        Also through the app classes that inherit the method: `message.toByteArray()` names the message class
        protoc generated, and runs AbstractMessageLite's."""
        found = self._serialisers.get(signature)
        if found is None:
            cls, name, proto = split_signature(signature)
            found = is_serialiser(signature) or (
                self.program.is_app_class(cls)
                and any(is_serialiser(f"{k}->{name}{proto}") for k in self.program.app_ancestors(cls))
            )
            self._serialisers[signature] = found
        return found

    def sink_for(self, cls: str, name: str, proto: str) -> Sink | None:
        """The catalogue sink a reference calls, looking through app classes to the framework type they extend."""
        for ref in self.framework_refs(f"{cls}->{name}{proto}"):
            sink = sink_of(ref)
            if sink is not None:
                return sink
        return None

    def implementations(self, signature: str) -> list[str]:
        """App methods an invoke of this reference may run: the declaring class's and overriding ones."""
        known = self._implementations.get(signature)
        if known is None:
            cls, name, proto = split_signature(signature)
            found = []
            for k in [cls, *self.program.app_ancestors(cls)]:
                if any(m.name == name and m.proto == proto for m in self.program.methods(k)):
                    found.append(f"{k}->{name}{proto}")
                    break
            for sub in sorted(self.program.subclasses(cls)):
                if any(m.name == name and m.proto == proto for m in self.program.methods(sub)):
                    found.append(f"{sub}->{name}{proto}")
            known = self._implementations[signature] = tuple(found)
        return list(known)


def _dedupe(frames: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for f in frames:
        if not out or out[-1] != f:
            out.append(f)
    return tuple(out)


def _own_param(label: Label, method: str) -> bool:
    return isinstance(label, Param) and label.method == method


def _at_calls(label: Label, method: str) -> bool:
    """Does each caller apply this label of what the method returns or writes out, at its call (calls._apply): one
    of its parameters, or what it read through an address given only in its parameters?"""
    if isinstance(label, ReadThrough):
        return label.method == method and label.given
    if isinstance(label, KeyedRead):
        return label.method == method
    return _own_param(label, method)


def _in_own_namespace(action: str, components: Iterable[str]) -> bool:
    """Is the action named in the Java package of a component declaring it (`a.b.UPLOAD` of `La/b/X;`)?
    Other apps have no reason to declare it, unlike a platform action (SEND, VIEW) or another app's."""
    for c in components:
        package = c[1:-1].rpartition("/")[0].replace("/", ".")
        if package and action.startswith(package + "."):
            return True
    return False
