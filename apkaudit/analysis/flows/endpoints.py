"""Where the data is sent: URL constants in fields, Retrofit services and their base URL, a method's first URL.

The interpreter labels URL string constants as they flow; this module resolves the ones that do not travel
with the data in a register: a String field's initial or constructor-stored URL, the endpoint of a Retrofit
service method (its annotation's path joined to the base URL the app gives Retrofit's builder), and the first
URL constant of the method that calls a sink.
"""

from __future__ import annotations

import urllib.parse
from collections import defaultdict
from collections.abc import Callable

from apkaudit.analysis.endpoint import ENDPOINT_URL
from apkaudit.analysis.flows.labels import Label, Url
from apkaudit.analysis.flows.models import base_setters, service_annotations
from apkaudit.analysis.flows.ops import OBJECT_MOVES, OBJECT_PUTS, REPLACES_A, STRING_CONSTS
from apkaudit.analysis.owners import FIRST_PARTY, owner_of
from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.decoder import decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile

_URL = ENDPOINT_URL  # a constant the app sends to


class Endpoints:
    """URL constants of one app, each resolved once. `summarise(method)` runs the interpreter on a method, which
    records in `base_args` the URL constants it passes to a base-URL setter."""

    def __init__(self, program: Program, summarise: Callable[[str], object]) -> None:
        self.program = program
        self.summarise = summarise
        self.base_args: dict[str, set[str]] = defaultdict(set)  # method -> URLs it passes to a base-URL setter
        self._field_urls: dict[str, dict[str, frozenset[Label]]] = {}  # class -> field -> Url labels
        self._services: dict[str, dict[str, tuple[str, str]]] = {}  # class -> {method: (verb, path)}
        self._base_urls: list[str] | None = None

    def field_urls(self, field_sig: str) -> frozenset[Label]:
        """Url labels of the URL constants an app String field holds: its static initial value (a `static final`
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
                for sig, value in stored_constants(self.program.dexes[m.dex], m.code_off):
                    urls[sig].add(value)
        return {sig: frozenset(Url(u) for u in found) for sig, found in urls.items()}

    def service_call(self, signature: str) -> tuple[str, str] | None:
        """(verb, endpoint) when the method is an HTTP call of a Retrofit service interface (see the RETROFIT NOTE
        in catalogs/sinks.yaml): the annotation's path, joined to the app's base URL when there is one."""
        cls = signature.partition("->")[0]
        if cls not in self._services:
            self._services[cls] = self._service_methods(cls)
        return self._services[cls].get(signature)

    def _service_methods(self, cls: str) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        entry = self.program.classes.get(cls)
        if entry is None:
            return found
        verbs = service_annotations()
        d, cdef = entry
        dex = self.program.dexes[d]
        try:
            annotated = dex.method_annotations(cdef.index)
        except DexError:
            annotated = {}
        for method_idx, found_annotations in annotated.items():
            for kind, elements in found_annotations:
                if kind in verbs:
                    verb = verbs[kind] or elements.get("method", "HTTP")
                    path = elements.get("value", elements.get("path", ""))
                    found[dex.method_signature(method_idx)] = (verb, self._join_base(path))
        return found

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
        for ref in base_setters():
            cls, name, proto = split_signature(ref)
            for d, idx in self.program.method_indices(cls, name, proto):
                dex = self.program.dexes[d]
                for code_off in dex.code_users(methods=[idx]):
                    callers.update(self.program.signatures_at(d, code_off))
        own = sorted(c for c in callers if owner_of(c) == FIRST_PARTY) or sorted(callers)
        bases: set[str] = set()
        for caller in own:
            self.summarise(caller)  # its interpretation records what reaches the setter in self.base_args
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


def stored_constants(dex: DexFile, code_off: int) -> list[tuple[str, str]]:
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
        if o in STRING_CONSTS and op.index is not None:
            text = dex.string(op.index)
            if _URL.match(text):
                held[op.regs[0]] = text
            else:
                held.pop(op.regs[0], None)
        elif o in OBJECT_MOVES and op.regs[1] in held:
            held[op.regs[0]] = held[op.regs[1]]
        elif o in OBJECT_PUTS and op.index is not None and op.regs[0] in held:  # iput-object, sput-object
            found.append((dex.field_ref(op.index).signature, held[op.regs[0]]))
        elif o in REPLACES_A and op.regs:
            held.pop(op.regs[0], None)
    return found
