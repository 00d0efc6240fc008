"""All DEX files of an APK seen as one program: classes, their hierarchy, and who calls a method.

Callers are found on demand, a batch of methods at a time, from each DEX's reverse index of the code
(`DexFile.use_index`, built in one numpy pass) and an exact decode of the code items it names: we never
decode the whole program. Besides invoke instructions, a method is "called" through the implicit edges
Android code relies on (DESIGN.md, evidence levels): an overriding callback (Runnable.run,
AsyncTask.doInBackground, View.OnClickListener.onClick, Handler.handleMessage, a desugared lambda's
run...) is reached from every method that instantiates its class (so is a @JavascriptInterface method, which
the page of a WebView calls), a static initialiser from every method
that uses its class, and a lambda body from the invoke-custom that creates it.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from apkaudit.dex.decoder import Method, decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.items import ClassDef, EncodedMethod
from apkaudit.dex.refindex import RefIndex

ACC_STATIC = 0x0008
ACC_PRIVATE = 0x0002
OBJECT = "Ljava/lang/Object;"
JS_INTERFACE = "Landroid/webkit/JavascriptInterface;"  # a method a WebView's page may call (API 17+)


@dataclass(frozen=True, slots=True)
class MethodDef:
    """A method defined in the app, by signature."""

    signature: str
    class_name: str
    name: str
    proto: str
    access_flags: int
    dex: int
    method_idx: int
    code_off: int = 0  # 0 for abstract and native methods

    @property
    def is_static(self) -> bool:
        return bool(self.access_flags & ACC_STATIC)


_Slots = tuple[tuple[int, int, bool, int], ...]  # Program._owners
# callers of one method that many others share (every Kotlin lambda's invoke answers Function1.invoke's ~1,500
# callers on ApiDemos): one sorted tuple for all of them, compared by content; smaller sets are sorted each
_SHARED_CALLERS = 64
DECODED_OPS = 20_000  # instructions of recently decoded code kept (Program.decoded), about 3 MB


def split_signature(signature: str) -> tuple[str, str, str]:
    """'Lpkg/C;->name(I)V' -> ('Lpkg/C;', 'name', '(I)V')"""
    cls, _, rest = signature.partition("->")
    paren = rest.index("(")
    return cls, rest[:paren], rest[paren:]


class Program:
    """The app's code over every DEX file, in the order Android loads them (first definition wins)."""

    def __init__(self, dexes: list[DexFile]) -> None:
        self.dexes = dexes
        self.classes: dict[str, tuple[int, ClassDef]] = {}
        for i, dex in enumerate(dexes):
            for cdef in dex.classes():
                self.classes.setdefault(cdef.name, (i, cdef))
        self._subclasses: dict[str, set[str]] | None = None
        self._methods: dict[str, list[MethodDef]] = {}
        self._by_signature: dict[str, dict[str, MethodDef]] = {}  # class -> its methods by signature
        self._one: dict[str, MethodDef | None] = {}  # signature -> method(), for classes not listed (_one_method)
        self._rows: dict[str, dict[int, tuple[int, int, int]] | None] = {}  # class -> _rows_of
        self._name_protos: dict[str, frozenset[tuple[str, str]]] = {}  # class -> (name, proto) it defines
        # per DEX: code_off -> signatures of its methods (a dict per DEX: the walk asks ~19,000 times on ApiDemos)
        self._code_owners: list[dict[int, list[str]]] = [{} for _ in dexes]
        self._callers: dict[str, tuple[str, ...]] = {}
        self._shared_callers: dict[frozenset[str], tuple[str, ...]] = {}  # long caller sets -> one sorted tuple
        self._extra_callers: dict[str, frozenset[str]] = {}  # edges other analyses found (add_callers)
        self._framework_super: dict[str, bool] = {}
        self._js_bridges: dict[str, frozenset[str]] = {}
        # the hierarchy queries the walk repeats for every method of a class: memoised
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._subclass_closure: dict[str, frozenset[str]] = {}
        self._lambda_sites: list[dict[int, list[int]] | None] = [None for _ in dexes]  # impl method -> call sites
        # id-table look-ups are binary searches over MUTF-8 strings: memoised, as the walk repeats them
        self._type_table: dict[str, list[tuple[int, int]]] | None = None
        self._ref_index: list[RefIndex | None] = [None for _ in dexes]
        # (dex, code_off, type index) -> the method makes instances of the type that never run callbacks
        # (registered and taken back at once: analysis/registrations.py, set by analysis/code.py)
        self.quiet_instances: Callable[[int, int, int], bool] | None = None
        self._type_found: list[dict[int, bool]] = [{} for _ in dexes]  # per DEX: _runs_answer
        self._owner_slots: dict[str, tuple[_Slots, _Slots, tuple[str, ...]]] = {}  # class -> _owners
        self._instance_types: dict[str, tuple[tuple[int, int], ...]] = {}  # class -> its and its subclasses' type ids
        self._method_keys: list[tuple[array[int], array[int]] | None] = [None for _ in dexes]
        # (dex, code_off) -> decoded code, the most recent first out: the flow search decodes a method to
        # summarise it and again to ask what it returns or makes (branches, receivers), 42% of Yosemite.apk's
        # 4,245 decodes repeated one before; the ops held are bounded (DECODED_OPS)
        self._decoded: OrderedDict[tuple[int, int], Method] = OrderedDict()
        self._decoded_ops = 0

    def drop_walk_caches(self) -> None:
        """Forget what only the walk to entry points and the flow search ask again (callers, method_id look-ups,
        the decoded reverse indexes): the facts gathered after the code analysis then reuse that memory instead
        of adding to the peak. Asking again recomputes them."""
        self._callers.clear()
        self._shared_callers.clear()
        for owners in self._code_owners:
            owners.clear()
        self._owner_slots.clear()
        self._instance_types.clear()
        self._ref_index = [None for _ in self.dexes]
        self._method_keys = [None for _ in self.dexes]
        self._decoded.clear()
        self._decoded_ops = 0
        for dex in self.dexes:  # the walk built each DEX's dict of method_id runs (_method_ids_naming)
            dex.forget_method_runs()

    def code_using(self, d: int, kind: str, indices: Iterable[int]) -> dict[int, set[int]]:
        """code_off -> the wanted (kind, index) entries of DEX d its code really uses ("method", "type" for
        new-instance, "call_site"): from the DEX's exact reverse index."""
        return self._index(d).users(kind, indices)

    def _index(self, d: int) -> RefIndex:
        if self._ref_index[d] is None:
            self._ref_index[d] = RefIndex(self.dexes[d])
        index = self._ref_index[d]
        assert index is not None
        return index

    def _types(self) -> dict[str, list[tuple[int, int]]]:
        """Type descriptor -> [(dex, type index)] over every DEX, built on first use."""
        if self._type_table is None:
            table: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for d, dex in enumerate(self.dexes):
                for i in range(dex.type_count):
                    table[dex.type_name(i)].append((d, i))
            self._type_table = dict(table)
        return self._type_table

    def type_indices(self, descriptor: str) -> list[tuple[int, int]]:
        """[(dex, type index)] of every DEX that refers to this type."""
        return self._types().get(descriptor, [])

    def method_indices_by_name(self, cls: str, name: str) -> list[tuple[int, int]]:
        """[(dex, method index)] of every overload of cls->name."""
        return [(d, i) for d, _ in self.type_indices(cls) for i in self.dexes[d].find_methods(cls, name)]

    def method_indices(self, cls: str, name: str, proto: str) -> tuple[tuple[int, int], ...]:
        """((dex, method index), ...) of every method_id naming cls->name proto."""
        return tuple(self._method_ids_naming((cls,), name, proto))

    def _method_ids_naming(self, owners: Iterable[str], name: str, proto: str) -> list[tuple[int, int]]:
        """[(dex, method index)] of every method_id naming owner->name proto, owner by owner."""
        return [(d, i) for _, d, i in self._ids_naming(self._slots(owners), name, proto)]

    def _slots(self, types: Iterable[str]) -> _Slots:
        """(dex, type index, can the DEX's runs of method_ids answer for it, position of the type in `types`) of
        every DEX that refers to each type, sorted by DEX: `_ids_naming` looks up each DEX's name index once."""
        return tuple(
            sorted(
                (d, t, self._runs_answer(d, t), k) for k, name in enumerate(types) for d, t in self.type_indices(name)
            )
        )

    def _owners(self, cls: str) -> tuple[_Slots, _Slots, tuple[str, ...]]:
        """Where the method_ids naming a method of the class on its owners may be: the slots of the class and its
        app-defined supertypes, then of the subclasses that are not among those, and those subclasses. What
        `_want_callers_of` asks of every method it visits (~30,000 asks on ApiDemos, three in four for a name
        the class never has): memoised per class."""
        found = self._owner_slots.get(cls)
        if found is None:
            owners = tuple(dict.fromkeys((cls, *self._app_ancestors(cls))))  # the class first: tag 0 (_walked_method)
            subs = tuple(sorted(self._subclasses_of(cls).difference(owners)))
            found = self._owner_slots[cls] = (self._slots(owners), self._slots(subs), subs)
        return found

    def _ids_naming(self, slots: _Slots, name: str, proto: str) -> list[tuple[int, int, int]]:
        """(tag, dex, method index) of the method_ids naming name+proto on the types in these slots."""
        found: list[tuple[int, int, int]] = []
        last = -1
        runs: dict[int, int] | None = None  # DEX `last`'s runs, None when it has no string `name`
        name_key = 0
        for d, tidx, answered, tag in slots:
            if not answered:  # method_ids or type_ids not sorted as required: DexFile searches
                dex = self.dexes[d]
                found.extend((tag, d, i) for i in dex.find_methods(dex.type_name(tidx), name, proto))
                continue
            if d != last:
                last, dex = d, self.dexes[d]
                name_idx = dex.find_string(name)
                runs = dex.method_runs() if name_idx is not None else None
                name_key = name_idx or 0
                protos = self._method_table(d)[1]
            if runs is None:
                continue
            run = runs.get(tidx << 32 | name_key)
            if run:  # the run's method_ids with this proto (nearly every run is one method_id)
                for i in range(run >> 32, run & 0xFFFFFFFF):
                    if dex.proto(protos[i]) == proto:
                        found.append((tag, d, i))
        return found

    def _dex_method_indices(self, d: int, class_idx: int, name: str, proto: str) -> list[int]:
        """DexFile.find_methods(class, name, proto) in DEX d, answered as `_method_ids_naming` does."""
        slot = (d, class_idx, self._runs_answer(d, class_idx), 0)
        return [i for _, _, i in self._ids_naming((slot,), name, proto)]

    def _runs_answer(self, d: int, class_idx: int) -> bool:
        """Can DEX d's runs of sorted method_ids (DexFile.method_runs) answer for this class? Not when the table
        is unsorted (`_method_table` is then empty), or the type_ids are such that DexFile.find_type resolves
        the class's name to another index."""
        trusted = self._type_found[d]
        ok = trusted.get(class_idx)
        if ok is None:
            dex = self.dexes[d]
            ok = trusted[class_idx] = bool(self._method_table(d)[0] or not dex.method_count) and (
                dex.find_type(dex.type_name(class_idx)) == class_idx
            )
        return ok

    def _method_table(self, d: int) -> tuple[array[int], array[int]]:
        """(class_idx << 32 | name_idx, proto_idx) of DEX d's method_ids, read straight from the section with numpy
        into arrays (8 and 2 bytes an entry; bisect reads them without numpy's per-call overhead); empty when
        the table is not sorted as the format requires (DexFile.find_methods then answers, as before). Memoised."""
        found = self._method_keys[d]
        if found is not None:
            return found
        keys, protos = self.dexes[d].method_id_keys()
        table = (array("Q"), array("H"))  # unsorted: marked by being empty
        if not (len(keys) > 1 and bool(np.any(keys[1:] < keys[:-1]))):
            table = (array("Q", keys.astype("=u8").tobytes()), array("H", protos.astype("=u2").tobytes()))
        self._method_keys[d] = table
        return table

    # -- classes -------------------------------------------------------------------------------------

    def is_app_class(self, descriptor: str) -> bool:
        return descriptor in self.classes

    def supertypes(self, descriptor: str) -> tuple[str, ...]:
        """Direct superclass and interfaces."""
        entry = self.classes.get(descriptor)
        if entry is None:
            return ()
        cdef = entry[1]
        return ((cdef.superclass,) if cdef.superclass else ()) + cdef.interfaces

    def app_ancestors(self, descriptor: str) -> list[str]:
        """Every app-defined supertype, transitively (not the class itself)."""
        return list(self._app_ancestors(descriptor))

    def _app_ancestors(self, descriptor: str) -> tuple[str, ...]:
        cached = self._ancestors.get(descriptor)
        if cached is None:
            seen: dict[str, None] = {}  # insertion-ordered: the order of the depth-first search
            stack = list(self.supertypes(descriptor))
            while stack:
                t = stack.pop()
                if t in seen or not self.is_app_class(t):
                    continue
                seen[t] = None
                stack.extend(self.supertypes(t))
            cached = self._ancestors[descriptor] = tuple(seen)
        return cached

    def has_framework_supertype(self, descriptor: str) -> bool:
        """Does the class extend or implement a type the app does not define (besides Object)?

        Such a class's instance methods may be called back by the framework (Runnable.run, onClick...).
        """
        cached = self._framework_super.get(descriptor)
        if cached is not None:
            return cached
        result = False
        for t in (descriptor, *self._app_ancestors(descriptor)):
            if any(s != OBJECT and not self.is_app_class(s) for s in self.supertypes(t)):
                result = True
                break
        self._framework_super[descriptor] = result
        return result

    def js_bridge_methods(self, descriptor: str) -> frozenset[str]:
        """Signatures of the class's own methods annotated @JavascriptInterface: a page shown in a WebView the
        object is added to (addJavascriptInterface) calls them, and reads what they return."""
        cached = self._js_bridges.get(descriptor)
        if cached is not None:
            return cached
        found: set[str] = set()
        entry = self.classes.get(descriptor)
        # an annotation names its type in the DEX's type table: without it there is none to read
        if entry is not None and any(d == entry[0] for d, _ in self.type_indices(JS_INTERFACE)):
            dex = self.dexes[entry[0]]
            try:
                annotated = dex.method_annotations(entry[1].index)
            except DexError:
                annotated = {}
            for idx, annotations in annotated.items():
                if any(t == JS_INTERFACE for t, _ in annotations):
                    found.add(dex.method_signature(idx))
        self._js_bridges[descriptor] = frozenset(found)
        return self._js_bridges[descriptor]

    def subclasses(self, descriptor: str) -> set[str]:
        """App classes that extend or implement this type, transitively."""
        return set(self._subclasses_of(descriptor))

    def _subclasses_of(self, descriptor: str) -> frozenset[str]:
        cached = self._subclass_closure.get(descriptor)
        if cached is not None:
            return cached
        if self._subclasses is None:
            direct: dict[str, set[str]] = defaultdict(set)
            for name in self.classes:
                for s in self.supertypes(name):
                    direct[s].add(name)
            self._subclasses = direct
        out: set[str] = set()
        stack = [descriptor]
        while stack:
            for sub in self._subclasses.get(stack.pop(), ()):
                if sub not in out:
                    out.add(sub)
                    stack.append(sub)
        self._subclass_closure[descriptor] = frozen = frozenset(out)
        return frozen

    def methods(self, descriptor: str) -> list[MethodDef]:
        """Methods the class defines (not inherited ones)."""
        if descriptor in self._methods:
            return self._methods[descriptor]
        found: list[MethodDef] = []
        entry = self.classes.get(descriptor)
        if entry is not None:
            i, cdef = entry
            dex = self.dexes[i]
            for em in dex.methods_of(cdef.index):
                ref = dex.method_ref(em.method_idx)
                found.append(
                    MethodDef(
                        ref.signature, descriptor, ref.name, ref.proto, em.access_flags, i, em.method_idx, em.code_off
                    )
                )
        self._methods[descriptor] = found
        return found

    def method(self, signature: str) -> MethodDef | None:
        cls = signature.partition("->")[0]
        by_sig = self._by_signature.get(cls)
        if by_sig is None and cls not in self._methods and "(" in signature:
            # the walk asks for one method in each of ~1,300 classes on ApiDemos: found through the method_ids
            # naming the class rather than by listing all of its methods with their signatures
            if signature in self._one:
                return self._one[signature]
            entry = self.classes.get(cls)
            if entry is None:
                return None
            d, cdef = entry
            if self._runs_answer(d, cdef.type_idx):
                found = self._one[signature] = self._one_method(entry, signature)
                return found
        if by_sig is None:
            by_sig = self._by_signature[cls] = {}
            for m in self.methods(cls):
                by_sig.setdefault(m.signature, m)  # the first, as a scan of methods() finds
        return by_sig.get(signature)

    def _one_method(
        self, entry: tuple[int, ClassDef], signature: str, wanted: list[int] | None = None
    ) -> MethodDef | None:
        """The first of the class's methods with that signature, found from the method_ids naming the class
        (`wanted`, when the caller has them: the method_ids of its DEX naming the signature)."""
        d, cdef = entry
        cls, name, proto = split_signature(signature)
        if wanted is None:
            wanted = self._dex_method_indices(d, cdef.type_idx, name, proto)
        rows = self._rows_of(entry) if wanted else None
        if rows is None:
            return None
        first = min((rows[i] + (i,) for i in wanted if i in rows), default=None)
        if first is None:
            return None
        _, flags, code_off, midx = first
        return MethodDef(signature, cls, name, proto, flags, d, midx, code_off)

    def _rows_of(self, entry: tuple[int, ClassDef]) -> dict[int, tuple[int, int, int]] | None:
        """method index -> (position, access flags, code_off) of the class's first row naming it; None when a row
        names a method_id of another class (a malformed DEX: only listing its methods answers as before)."""
        d, cdef = entry
        if cdef.name in self._rows:
            return self._rows[cdef.name]
        keys = self._method_table(d)[0]
        rows: dict[int, tuple[int, int, int]] = {}
        for position, (midx, flags, code_off) in enumerate(self.dexes[d].method_rows(cdef.index)):
            if midx >= len(keys) or keys[midx] >> 32 != cdef.type_idx:
                self._rows[cdef.name] = None
                return None
            rows.setdefault(midx, (position, flags, code_off))
        self._rows[cdef.name] = rows
        return rows

    def code(self, m: MethodDef | None) -> Method | None:
        """The decoded code of an app method; None for an abstract or native one, or code the decoder refuses."""
        if m is None or not m.code_off:
            return None
        try:
            return self.decoded(m.dex, m.code_off)
        except DexError:
            return None

    def decoded(self, d: int, code_off: int) -> Method:
        """The code item at code_off in DEX d, decoded (recent ones kept: not to be changed). Raises DexError."""
        key = (d, code_off)
        code = self._decoded.get(key)
        if code is not None:
            self._decoded.move_to_end(key)
            return code
        code = decode(self.dexes[d], code_off)
        self._decoded[key] = code
        self._decoded_ops += len(code.ops)
        while self._decoded_ops > DECODED_OPS and len(self._decoded) > 1:
            self._decoded_ops -= len(self._decoded.popitem(last=False)[1].ops)
        return code

    def defines(self, descriptor: str, name: str, proto: str) -> bool:
        """Does the class itself define name+proto?"""
        keys = self._name_protos.get(descriptor)
        if keys is None:
            entry = self.classes.get(descriptor)
            if descriptor not in self._methods and entry is not None and self._rows_of(entry) is not None:
                # asked for subclasses in the walk: found from the method_ids as method() does, not by listing
                return self.method(f"{descriptor}->{name}{proto}") is not None
            keys = self._name_protos[descriptor] = frozenset((m.name, m.proto) for m in self.methods(descriptor))
        return (name, proto) in keys

    def signatures_at(self, d: int, code_off: int) -> list[str]:
        """Signatures of the methods whose code is at code_off in DEX d (memoised: callers share code)."""
        known = self._code_owners[d]
        found = known.get(code_off)
        if found is None:
            found = known[code_off] = self.dexes[d].signatures_at(code_off)
        return found

    def owner_of_code(self, dex_index: int, code_off: int) -> list[EncodedMethod]:
        return self.dexes[dex_index].methods_at_code(code_off)

    # -- callers ---------------------------------------------------------------------------------------

    def callers(self, signatures: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Methods that call (directly or through an implicit edge) each of these methods, sorted. Memoised (as
        tuples: most are short, and a frozenset weighs 216 bytes even when empty; 5 MB on ApiDemos)."""
        todo = [s for s in dict.fromkeys(signatures) if s not in self._callers]
        if todo:
            self._compute_callers(todo)
        return {s: self._with_extra(s) for s in signatures}

    def _with_extra(self, signature: str) -> tuple[str, ...]:
        found = self._callers[signature]
        extra = self._extra_callers.get(signature)
        return tuple(sorted(extra.union(found))) if extra else found

    def add_callers(self, edges: Iterable[tuple[str, str]]) -> None:
        """Call edges (caller, callee) that no invoke names: reflection with constant names (runtime_code.py)."""
        extra: dict[str, set[str]] = defaultdict(set)
        for caller, callee in edges:
            if caller != callee:
                extra[callee].add(caller)
        for callee, callers in extra.items():
            self._extra_callers[callee] = self._extra_callers.get(callee, frozenset()) | callers

    def _compute_callers(self, targets: list[str]) -> None:
        found: dict[str, set[str]] = {t: set() for t in targets}
        per_dex_methods: list[dict[int, set[str]]] = [defaultdict(set) for _ in self.dexes]
        per_dex_types: list[dict[int, set[str]]] = [defaultdict(set) for _ in self.dexes]
        for target in targets:
            self._want_callers_of(target, per_dex_methods, per_dex_types)
        for d in range(len(self.dexes)):
            self._find_wanted(d, per_dex_methods[d], per_dex_types[d], found)
        shared = self._shared_callers  # targets answered through one supertype share callers, level after level
        for target, callers_of in found.items():
            callers_of.discard(target)
            if len(callers_of) < _SHARED_CALLERS:
                self._callers[target] = tuple(sorted(callers_of)) if callers_of else ()
                continue
            key = frozenset(callers_of)
            known = shared.get(key)
            if known is None:
                known = shared[key] = tuple(sorted(key))
            self._callers[target] = known

    def _want_callers_of(
        self, target: str, per_dex_methods: list[dict[int, set[str]]], per_dex_types: list[dict[int, set[str]]]
    ) -> None:
        """Note, per DEX, the method and type ids whose users call `target` (directly or implicitly)."""
        cls, name, proto = split_signature(target)
        named, inherited = self._ids_running(cls, name, proto)
        for d, idx in [(d, idx) for _, d, idx in named] + inherited:
            per_dex_methods[d][idx].add(target)
        # the method's own definition (flags) is read only when it decides something: for a static initialiser,
        # or a method that may be a callback (most visited methods are neither)
        if name == "<clinit>":
            if self._walked_method(target, cls, named) is not None:
                self._want_class_users(cls, target, per_dex_methods, per_dex_types)
        elif name != "<init>" and (self.has_framework_supertype(cls) or target in self.js_bridge_methods(cls)):
            mdef = self._walked_method(target, cls, named)
            if mdef is not None and not mdef.is_static and not mdef.access_flags & ACC_PRIVATE:
                # A callback: reached from wherever an instance is made.
                for d, tidx in self._instances_of(cls):
                    per_dex_types[d][tidx].add(target)

    def method_ids_running(self, signature: str) -> list[tuple[int, int]]:
        """(dex, method index) of the method_ids a call may name to run this app method, as callers() finds them."""
        named, inherited = self._ids_running(*split_signature(signature))
        return [(d, idx) for _, d, idx in named] + inherited

    def _ids_running(self, cls: str, name: str, proto: str) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
        """The method_ids naming the method on its class or an app-defined supertype it is dispatched through
        (`_ids_naming`'s tags), and those naming it on a subclass that inherits it (one that overrides it has its
        own): what a direct call names, the static type of its receiver."""
        owners, subclasses, subs = self._owners(cls)
        named = self._ids_naming(owners, name, proto)
        # whether a subclass inherits the method matters only if some code names it on that subclass: asked
        # first, as reading a class's methods (for `defines`) costs more than a method_id look-up
        inherits: dict[int, bool] = {}
        inherited: list[tuple[int, int]] = []
        for k, d, idx in self._ids_naming(subclasses, name, proto) if subclasses else ():
            if k not in inherits:
                inherits[k] = not self.defines(subs[k], name, proto)
            if inherits[k]:
                inherited.append((d, idx))
        return named, inherited

    def _walked_method(self, signature: str, cls: str, named: list[tuple[int, int, int]]) -> MethodDef | None:
        """method(signature), answered from the method_ids `_ids_naming` found naming it on its class (tag 0 of
        `_owners`) when method() would look them up again in the class's DEX."""
        if signature in self._one or cls in self._by_signature or cls in self._methods:
            return self.method(signature)
        entry = self.classes.get(cls)
        if entry is None:
            return None
        d, cdef = entry
        if not self._runs_answer(d, cdef.type_idx):
            return self.method(signature)
        found = self._one[signature] = self._one_method(entry, signature, [i for k, e, i in named if not k and e == d])
        return found

    def _instances_of(self, cls: str) -> tuple[tuple[int, int], ...]:
        """(dex, type index) of the class and its subclasses, in every DEX that refers to them. Memoised."""
        found = self._instance_types.get(cls)
        if found is None:
            found = self._instance_types[cls] = tuple(
                slot for t in sorted({cls} | self._subclasses_of(cls)) for slot in self.type_indices(t)
            )
        return found

    def _find_wanted(
        self,
        d: int,
        wanted_methods: dict[int, set[str]],
        wanted_types: dict[int, set[str]],
        found: dict[str, set[str]],
    ) -> None:
        """Add to `found` the methods of DEX `d` that use a wanted method, type or call site."""
        call_sites = self._wanted_call_sites(d, wanted_methods)
        if not (wanted_methods or wanted_types or call_sites):
            return
        index = self._index(d)
        quiet = self.quiet_instances
        for kind, wanted in (("method", wanted_methods), ("type", wanted_types), ("call_site", call_sites)):
            if not wanted:
                continue
            # the callers of each wanted index first, then each target takes those of its indices: an index that
            # many targets want (Function1.invoke, which every Kotlin lambda's invoke answers) has ~1,500 callers
            by_index: dict[int, list[str]] = defaultdict(list)
            statics_only: dict[int, list[str]] = defaultdict(list)  # callers that only run static initialisers
            silence = quiet if kind == "type" else None
            for code_off, hits in index.users(kind, wanted).items():
                callers = self.signatures_at(d, code_off)
                for i in hits:
                    if silence is not None and silence(d, code_off, i):
                        statics_only[i].extend(callers)
                    else:
                        by_index[i].extend(callers)
            # a method is not its own caller: dropped in _compute_callers
            for i, callers in by_index.items():
                for target in wanted[i]:
                    found[target].update(callers)
            for i, callers in statics_only.items():
                for target in wanted[i]:
                    if "-><clinit>(" in target:  # a registered-and-removed instance still runs its static initialiser
                        found[target].update(callers)

    def _wanted_call_sites(self, d: int, wanted_methods: dict[int, set[str]]) -> dict[int, set[str]]:
        """The call sites (invoke-custom) of DEX d that make a lambda of a wanted method, and who wants each."""
        call_sites: dict[int, set[str]] = defaultdict(set)
        if self.dexes[d].call_site_count and wanted_methods:
            lambdas = self._lambdas(d)
            for impl in wanted_methods.keys() & lambdas.keys():
                for cs in lambdas[impl]:
                    call_sites[cs] |= wanted_methods[impl]
        return call_sites

    def _lambdas(self, d: int) -> dict[int, list[int]]:
        """Lambda implementation method index -> the call sites (invoke-custom) that make it, in DEX d: read once,
        not once per level of the walk (DexFile.call_sites_for_methods decodes every call site each time)."""
        found = self._lambda_sites[d]
        if found is None:
            dex = self.dexes[d]
            found = defaultdict(list)
            for cs in range(dex.call_site_count):
                impl = dex.call_site_method_index(cs)
                if impl is not None:
                    found[impl].append(cs)
            self._lambda_sites[d] = found = dict(found)
        return found

    def _want_class_users(
        self,
        cls: str,
        target: str,
        per_dex_methods: list[dict[int, set[str]]],
        per_dex_types: list[dict[int, set[str]]],
    ) -> None:
        """A static initialiser runs when its class is first instantiated or a static method is called."""
        statics = [m for m in self.methods(cls) if m.is_static and m.name != "<clinit>"]
        for d, tidx in self.type_indices(cls):
            per_dex_types[d][tidx].add(target)
        for m in statics:
            for d, idx in self.method_indices(cls, m.name, m.proto):
                per_dex_methods[d][idx].add(target)
