"""Framework models of the flow engine, looked up by signature here and read from the catalogues.

catalogs/sinks.yaml: the sinks (where data leaves the app), the Retrofit HTTP annotations and base-URL setters.
catalogs/dispatch.yaml: framework calls that run an app callback with an argument (AsyncTask.execute,
Handler.sendMessage), the component methods the system calls with a delivered Intent, the app stores tracked
like fields (SharedPreferences by key, app-private files by name) and the reflective calls. How an Intent
names its target component is modelled here too (`intent_targets`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from apkaudit import catalogs
from apkaudit.analysis.flows.labels import (
    EXTERNAL,
    NO_LABELS,
    ActionTarget,
    ClassConst,
    Label,
    Labels,
    Target,
)

INTENT = "Landroid/content/Intent;"
COMPONENT = "Landroid/content/ComponentName;"
# results that carry no value of the source: a registration, or a Task that hands the data to a callback
NO_VALUE = (")V", ")Lcom/google/android/gms/tasks/Task;")


@dataclass(frozen=True)
class Sink:
    kind: str
    carrier: bool
    delivers: bool = False  # hands its Intent argument to the component the Intent names
    receiver_only: bool = False  # sends what its receiver holds, not its arguments (Call.enqueue(Callback))
    resolves_one: bool = False  # an implicit Intent starts one component (an activity), not every match
    to_caller: bool = False  # hands its Intent back to whoever started this activity for a result (setResult)
    to_host: bool = False  # sends to a host named elsewhere (a socket's, a broker's), never to an http(s) URL


@functools.lru_cache(maxsize=1)
def _sinks() -> tuple[dict[str, Sink], dict[str, Sink]]:
    """(full signature -> sink, 'Lcls;->name' -> sink) from catalogs/sinks.yaml."""
    full: dict[str, Sink] = {}
    short: dict[str, Sink] = {}
    for e in catalogs.load("sinks").data["entries"]:
        carrier = e.get("role") in ("carrier", "bridge", "store")
        sink = Sink(
            e["kind"],
            carrier,
            bool(e.get("delivers")),
            e.get("sends") == "receiver",
            e.get("resolves") == "one",
            e.get("to") == "caller",
            e.get("to") == "host",
        )
        (full if "(" in e["signature"] else short)[e["signature"]] = sink
    return full, short


def sink_of(signature: str) -> Sink | None:
    full, short = _sinks()
    return full.get(signature) or short.get(signature.split("(", 1)[0])


@functools.lru_cache(maxsize=1)
def intent_receivers() -> frozenset[tuple[str, str]]:
    """(name, proto) of component methods the system calls with the delivered Intent (catalogs/dispatch.yaml)."""
    return frozenset((e["name"], e["proto"]) for e in catalogs.load("dispatch").data.get("intent_receivers", []))


Hand = tuple[str, str, int]  # (method name, proto, parameter position: 1 = the first parameter)


@functools.lru_cache(maxsize=1)
def saved_state() -> dict[tuple[str, str], tuple[int, tuple[Hand, ...]]]:
    """(name, proto) of a lifecycle method whose Bundle parameter the system hands on -> (its position, the
    later callbacks of the same instance that receive it) (catalogs/dispatch.yaml saved_state)."""
    out: dict[tuple[str, str], tuple[int, tuple[Hand, ...]]] = {}
    for e in catalogs.load("dispatch").data.get("saved_state", []):
        src = e["from"]
        out[(src["name"], src["proto"])] = (src["param"], tuple((t["name"], t["proto"], t["param"]) for t in e["to"]))
    return out


CHANGED_KEY = "(changed key)"  # the pseudo-key of a store read under the key a change listener was called with
PROVIDER = "provider"  # the store of the app's own ContentProviders (dispatch.yaml stores), keyed by URI


@dataclass(frozen=True)
class ChangedKey:
    """A listener callback whose parameter `key` names the store entry just written (dispatch.yaml changed_keys)."""

    store: str
    key: int
    registered_by: str


@functools.lru_cache(maxsize=1)
def changed_keys() -> dict[tuple[str, str], ChangedKey]:
    """(name, proto) of the listener callback -> its model."""
    return {
        (e["name"], e["proto"]): ChangedKey(e["store"], e["key"], e["registered_by"])
        for e in catalogs.load("dispatch").data.get("changed_keys", [])
    }


@functools.lru_cache(maxsize=1)
def first_callbacks() -> tuple[frozenset[str], dict[tuple[str, str], str]]:
    """(names of the methods that run before them, (name, proto) -> the framework class whose first lifecycle
    method it is) from catalogs/dispatch.yaml first_callbacks."""
    data = catalogs.load("dispatch").data.get("first_callbacks", {})
    entries = {(e["name"], e["proto"]): e["class"] for e in data.get("entries", [])}
    return frozenset(data.get("before", [])), entries


@functools.lru_cache(maxsize=1)
def view_handlers() -> dict[tuple[str, str], int]:
    """(name, proto) of a callback called with the same View each time -> that parameter's position
    (catalogs/dispatch.yaml view_handlers)."""
    return {(e["name"], e["proto"]): e["param"] for e in catalogs.load("dispatch").data.get("view_handlers", [])}


@functools.lru_cache(maxsize=1)
def base_setters() -> frozenset[str]:
    """Methods that set a Retrofit service's base URL (catalogs/sinks.yaml service_base_url)."""
    return frozenset(catalogs.load("sinks").data.get("service_base_url", []))


@functools.lru_cache(maxsize=1)
def service_annotations() -> dict[str, str | None]:
    """Retrofit HTTP annotation type -> verb (None: the annotation names it), from catalogs/sinks.yaml."""
    return {e["type"]: e["verb"] for e in catalogs.load("sinks").data.get("service_annotations", [])}


@functools.lru_cache(maxsize=1)
def dispatch() -> dict[str, tuple[str, int]]:
    """Framework method -> (app callback name, argument position) from catalogs/dispatch.yaml."""
    return {e["signature"]: (e["callback"], e["argument"]) for e in catalogs.load("dispatch").data["entries"]}


@functools.lru_cache(maxsize=1)
def reflective() -> frozenset[str]:
    """Calls that run a method named at run time (catalogs/dispatch.yaml reflective)."""
    return frozenset(e["signature"] for e in catalogs.load("dispatch").data.get("reflective", []))


@dataclass(frozen=True)
class Store:
    """A call that writes (put, writer) or reads (get) an app store under the key in register `key`."""

    store: str  # prefs | file: the prefix of the pseudo-field `<store>:<key>`
    role: str  # put | get | writer
    key: int
    value: int | None = None  # the register of the value a put stores

    def registers(self) -> int:
        """How many registers the invoke needs for the model to apply."""
        return max(self.key, self.value or 0) + 1


def _matches(entry: Mapping[str, Any], signature: str) -> bool:
    cls, _, rest = signature.partition("->")
    if "method" in entry:
        return bool(rest == entry["method"])
    if cls != entry["class"]:
        return False
    if "prefix" in entry:
        return rest.startswith(entry["prefix"])
    return rest.partition("(")[0] in entry["names"]


@functools.lru_cache(maxsize=1)
def _store_entries() -> tuple[tuple[Mapping[str, Any], Store], ...]:
    return tuple(
        (e, Store(e["store"], e["role"], e["key"], e.get("value"))) for e in catalogs.load("dispatch").data["stores"]
    )


_STORES: dict[str, Store | None] = {}


def store_of(signature: str) -> Store | None:
    """The store model of a call, if any (catalogs/dispatch.yaml stores)."""
    try:
        return _STORES[signature]
    except KeyError:
        found = next((store for e, store in _store_entries() if _matches(e, signature)), None)
        _STORES[signature] = found
        return found


# the key a store read in a web page's bridge method is given by the page (engine._page_readers): any key
PAGE_KEY = "(a key the page names)"


@functools.cache
def store_names() -> tuple[str, ...]:
    """The app stores dispatch.yaml models (prefs, file, provider)."""
    return tuple(sorted({model.store for _, model in _store_entries()}))


@functools.cache
def keyed_by_helpers(store: str) -> bool:
    """Are the store's reads and writes through a helper followed under the key each caller names (calls._given_key)?
    For a store written only by `put` calls (prefs): a `writer` store (a file opened by name) hands its writes to
    a stream, which may leave the helper, so its keys stay '*' (a computed key), reads and writes alike."""
    roles = {model.role for _, model in _store_entries() if model.store == store}
    return store != PROVIDER and "writer" not in roles


@functools.cache
def store_readers(store: str) -> tuple[str, ...]:
    """Names of the methods that read a store: where a `<store>:<key>` pseudo-field is read."""
    return store_methods(store, "get")


@functools.cache
def store_methods(store: str, role: str) -> tuple[str, ...]:
    """Names of the store's methods of one role (get, put, writer). An entry naming its methods by a prefix has no
    list to give: the index of callers needs names (dispatch.yaml lists SharedPreferences.Editor's puts)."""
    names: list[str] = []
    for e, model in _store_entries():
        if model.store == store and model.role == role:
            if "prefix" in e:
                raise ValueError(f"dispatch.yaml stores: the {store} {role} entry names its methods by a prefix")
            names += [e["method"].partition("(")[0]] if "method" in e else list(e["names"])
    return tuple(names)


def param_types(proto: str) -> list[str]:
    """'(I[Ljava/lang/String;J)V' -> ['I', '[Ljava/lang/String;', 'J']. A malformed descriptor (a mutated DEX
    names types as it likes) is split as far as it goes, never raising."""
    end = proto.find(")")
    inner = proto[1:end] if end >= 0 else proto[1:]
    out = []
    i = 0
    while i < len(inner):
        j = i
        while j < len(inner) - 1 and inner[j] == "[":
            j += 1
        if inner[j] == "L":
            semi = inner.find(";", j)
            j = semi if semi >= 0 else len(inner) - 1
        out.append(inner[i : j + 1])
        i = j + 1
    return out


def positional(args: list[Labels], proto: str, static: bool) -> list[Labels]:
    """Argument labels by parameter position (wide arguments take two registers)."""
    out = []
    types = ([] if static else ["L"]) + param_types(proto)
    i = 0
    for t in types:
        out.append(args[i] if i < len(args) else frozenset())
        i += 2 if t in ("J", "D") else 1
    return out


def positional_regs(regs: tuple[int, ...], proto: str, static: bool) -> list[int | None]:
    """Argument registers by parameter position, None for primitives."""
    out: list[int | None] = []
    types = ([] if static else ["L"]) + param_types(proto)
    i = 0
    for t in types:
        out.append(regs[i] if i < len(regs) and t[0] in "L[" else None)
        i += 2 if t in ("J", "D") else 1
    return out


@dataclass(frozen=True)
class IntentCall:
    """A call on an Intent or a ComponentName: the reference, its registers and argument labels."""

    cls: str
    name: str
    proto: str
    regs: tuple[int, ...]
    args: list[Labels]


def intent_targets(
    call: IntentCall,
    consts: Mapping[int, str],
    is_app_class: Any,
    intent_actions: Mapping[str, tuple[str, ...]],
    private_actions: frozenset[str] = frozenset(),
) -> set[Label]:
    """Which app components an Intent names, as labels of its register (so that branches merge them):
    Target(cls) for an explicit class (new Intent(ctx, X.class), setClass, setClassName, setComponent with a
    ComponentName(ctx, X.class)), ActionTarget(cls) for a component of the app whose intent-filter declares the
    Intent's action (new Intent("a.b.UPLOAD"), setAction), and EXTERNAL for an action other apps may also
    declare: one not in `private_actions` (those the app declares in its own package's namespace, as the
    Intent documentation asks action names to be). A private action still reaches other apps when it is
    broadcast (every matching receiver gets it): the sink decides (Sink.resolves_one). A ComponentName gets
    the same Target labels as the Intent it will go into."""
    types = param_types(call.proto)
    params = list(zip(call.regs[1:], call.args[1:], types, strict=False))
    strings = [reg for reg, _, t in params if t == "Ljava/lang/String;"]
    found: set[Label] = set()
    for _, labels, t in params:
        if t == "Ljava/lang/Class;" or (t == COMPONENT and call.name == "setComponent"):
            found |= {
                Target(x.cls) if isinstance(x, ClassConst) else x for x in labels if isinstance(x, (ClassConst, Target))
            }
    if strings and (call.name == "setClassName" or (call.cls == COMPONENT and call.name == "<init>")):
        text = consts.get(strings[-1], "")  # the class name is the last String argument
        target = "L" + text.lstrip(".").replace(".", "/") + ";"
        if text and is_app_class(target):
            found.add(Target(target))
    elif strings and call.cls == INTENT and call.name in ("<init>", "setAction") and strings[0] in consts:
        action = consts[strings[0]]
        if not any(isinstance(x, Target) for x in call.args[0] | found):  # a named component decides, not the action
            found |= {ActionTarget(c) for c in intent_actions.get(action, ())}
            if action not in private_actions:
                found.add(EXTERNAL)
    elif strings and call.cls == INTENT and call.name in ("<init>", "setAction"):
        # an action an app method returned (one of its constants, labelled where it was loaded)
        found |= {
            x for _, labels, t in params if t == "Ljava/lang/String;" for x in labels if isinstance(x, ActionTarget)
        }
    return found


@functools.lru_cache(maxsize=1)
def copies() -> dict[str, tuple[int, int]]:
    """Calls that copy one argument's contents into another: signature -> (from, to) register positions."""
    return {e["signature"]: (e["from"], e["to"]) for e in catalogs.load("dispatch").data.get("copies", [])}


@functools.lru_cache(maxsize=1)
def wrappers() -> frozenset[str]:
    """Constructors whose object writes into the one given as their first argument (catalogs/dispatch.yaml)."""
    return frozenset(e["signature"] for e in catalogs.load("dispatch").data.get("wrappers", []))


@functools.lru_cache(maxsize=1)
def no_data() -> frozenset[str]:
    """`name(proto)` of calls whose result carries none of their receiver's or arguments' data (dispatch.yaml)."""
    return frozenset(e["method"] for e in catalogs.load("dispatch").data.get("no_data", []))


@functools.lru_cache(maxsize=1)
def selectors() -> frozenset[str]:
    """Library classes whose methods return one of their arguments and keep nothing (catalogs/dispatch.yaml)."""
    return frozenset(e["class"] for e in catalogs.load("dispatch").data.get("selectors", []))


def selected(args: list[Labels], proto: str, static: bool) -> Labels:
    """What a selector's call returns: the arguments of its return type (visitInt(ZIZI)I: the two ints)."""
    returned = proto.rpartition(")")[2]
    params = positional(args, proto, static)[0 if static else 1 :]
    return NO_LABELS.union(*(a for a, t in zip(params, param_types(proto), strict=False) if t == returned))


@functools.lru_cache(maxsize=1)
def mutators() -> frozenset[str]:
    """Names of library methods that store their arguments into their receiver (catalogs/dispatch.yaml)."""
    return frozenset(catalogs.load("dispatch").data.get("mutators", {}).get("names", []))


@functools.lru_cache(maxsize=1)
def _serialisers() -> tuple[frozenset[str], frozenset[str]]:
    entries = [e["signature"] for e in catalogs.load("dispatch").data.get("serialisers", [])]
    return frozenset(s for s in entries if "(" in s), frozenset(s for s in entries if "(" not in s)


def is_serialiser(signature: str) -> bool:
    """Does the call write every field of the app objects it is given (Gson.toJson...)?"""
    full, short = _serialisers()
    return signature in full or signature.split("(", 1)[0] in short


@dataclass(frozen=True)
class RequestObject:
    """A library request class whose app subclasses return what is sent from `methods`, or write it into the
    first parameter of `writes` (catalogs/sinks.yaml)."""

    cls: str
    methods: frozenset[str]
    sink: str
    writes: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def request_objects() -> dict[str, RequestObject]:
    """Library request class -> its model (catalogs/sinks.yaml request_objects)."""
    return {
        e["class"]: RequestObject(e["class"], frozenset(e["methods"]), e["sink"], frozenset(e.get("writes", ())))
        for e in catalogs.load("sinks").data.get("request_objects", [])
    }


@functools.lru_cache(maxsize=1)
def request_methods() -> frozenset[str]:
    """Names of the methods of every request-object model."""
    return frozenset(m for model in request_objects().values() for m in model.methods)
