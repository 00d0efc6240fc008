"""Objects, containers and request objects in the per-method data flow (mixed into the interpreter).

- Aliases: data stored into an object (an array's `aput`, a collection's `add`/`put`, a copy such as
  `System.arraycopy`) reaches the field, the outer array or the caller's object it was read from, so other
  reads of the same object see it. Only the register's own origin counts (the field it was just read from,
  the array element it is, the parameter it is), not every value it was derived from.
- Serialisers (Gson `toJson`...): an app object given to them carries what its fields were given.
- Request objects (a Volley `Request` subclass): what its `getParams()`/`getBody()`/`getHeaders()` return is
  sent when the request is queued, to the URL its constructor was given.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from apkaudit.analysis.flows.labels import (
    NO_LABELS,
    FieldValue,
    Instance,
    Label,
    Labels,
    Param,
    Returned,
    ReturnedTyped,
    Url,
    data_of,
)
from apkaudit.analysis.flows.models import (
    RequestObject,
    copies,
    mutators,
    param_types,
    request_methods,
    request_objects,
    wrappers,
)
from apkaudit.analysis.flows.rare import RareLabels
from apkaudit.analysis.flows.summary import Leak, Summary
from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.decoder import Op
from apkaudit.dex.items import MethodRef
from apkaudit.dex.opcodes import AGET, MOVE_OBJECT, MOVE_OBJECT_16, MOVE_OBJECT_FROM16

if TYPE_CHECKING:
    from apkaudit.analysis.flows.engine import FlowAnalysis
    from apkaudit.analysis.flows.heap import LocalHeap
    from apkaudit.analysis.flows.implicit import State
    from apkaudit.analysis.flows.strong import FieldSlots

AGET_OBJECT = AGET + 2  # aget, aget-wide, aget-object
ALIASING = frozenset({AGET_OBJECT, MOVE_OBJECT, MOVE_OBJECT_FROM16, MOVE_OBJECT_16})  # copy an object's origin
MAX_FIELD_DEPTH = 3  # nested app objects a serialiser is followed into

Origin = tuple[str, str | int]  # ("field", signature) | ("param", position) | ("array", register)


class ObjectsMixin:
    """Aliases, serialised app objects and request objects, for the interpreter (interpreter.py)."""

    flows: FlowAnalysis
    summary: Summary
    method: str
    this_reg: int | None
    origins: dict[int, Origin]
    slots: FieldSlots
    heap: LocalHeap
    rare: RareLabels

    # -- aliases ------------------------------------------------------------------------------------------

    def _origin(self, op: Op, field: str | None) -> None:
        """Record where the object a register holds came from (after the instruction wrote it)."""
        r = op.regs
        if field is not None:
            self.origins[r[0]] = ("field", field)
        elif op.opcode == AGET_OBJECT:
            self.origins[r[0]] = ("array", r[1])
        elif op.opcode != AGET_OBJECT and r[1] in self.origins:
            self.origins[r[0]] = self.origins[r[1]]

    def _absorb(self, reg: int, data: Labels, state: State) -> None:
        """`data` is stored into the object in `reg`: the register, and the field, outer array or caller's
        object that object is, hold it."""
        seen: set[int] = set()
        while data and reg not in seen:
            if seen:  # an object read from an element of the array in `reg` (heap.py)
                self.heap.absorb(reg, None, data, state)
            seen.add(reg)
            held = state.get(reg, NO_LABELS)
            state[reg] = grown = held | data
            self.rare.union(grown, held, data)
            origin = self.origins.get(reg)
            if origin is None:
                return
            kind, where = origin
            if kind == "field" and isinstance(where, str):
                self.summary.fields[where] |= data
                self.slots.absorb(where, data, state)  # (strong.py)
                self.heap.absorb(reg, where, data, state)
            elif kind == "param" and isinstance(where, int):
                self.summary.outs[where] |= data
            if kind != "array" or not isinstance(where, int):
                return
            reg = where

    def _container_call(self, op: Op, ref: MethodRef, static: bool, state: State) -> None:
        """A library call that stores data into an object: a copy (arraycopy) or a mutator on its receiver."""
        regs = op.regs
        copy = copies().get(ref.signature)
        if ref.signature in wrappers() and len(regs) >= 2 and not static:
            self.origins[regs[0]] = ("array", regs[1])  # what is stored into the wrapper reaches the wrapped
        elif copy is not None and max(copy) < len(regs):
            self._absorb(regs[copy[1]], data_of(state.get(regs[copy[0]], NO_LABELS)), state)
        elif not static and regs and regs[0] != self.this_reg and ref.name in mutators():
            rest = NO_LABELS.union(*(state.get(x, NO_LABELS) for x in regs[1:]))
            self._absorb(regs[0], data_of(rest), state)

    # -- serialised app objects ---------------------------------------------------------------------------

    def _object_fields(self, labels: Labels) -> Labels:
        """The labels plus what the fields of the app objects among them hold (for a serialiser)."""
        program = self.flows.program
        classes = {t for x in labels if (t := _type_of(program, x)) and program.is_app_class(t)}
        out: set[Label] = set(labels)
        seen: set[str] = set()
        for _ in range(MAX_FIELD_DEPTH):
            nested: set[str] = set()
            for cls in classes - seen:
                seen.add(cls)
                for k in [cls, *program.app_ancestors(cls)]:
                    for sig in class_fields(program, k, self.flows.class_fields):
                        out.add(FieldValue(sig))
                        t = sig.rpartition(":")[2]
                        if program.is_app_class(t):
                            nested.add(t)
            classes = nested
        return frozenset(out)

    # -- request objects ----------------------------------------------------------------------------------

    def _request_url(self, ref: MethodRef, args: list[Labels]) -> None:
        """URL constants given to a request class's constructor (or, in its constructor, to the super one)."""
        if ref.name != "<init>":
            return
        urls = frozenset(x.url for a in args[1:] for x in a if isinstance(x, Url))
        if not urls:
            return
        own = self.method.partition("->")[0]
        for cls in {ref.class_name, own} if self.method.partition("->")[2].startswith("<init>") else {ref.class_name}:
            if self.flows.request_model(cls) is not None:
                self.flows.request_urls.setdefault(cls, set()).update(urls)

    def _request_return(self, op: Op, state: State) -> None:
        """What a request object's getParams()/getBody()/getHeaders() returns is sent when it is queued."""
        cls, _, rest = self.method.partition("->")
        if rest.partition("(")[0] not in request_methods():
            return
        model: RequestObject | None = self.flows.request_model(cls)
        if model is None or rest.partition("(")[0] not in model.methods:
            return
        data = data_of(state.get(op.regs[0], NO_LABELS))
        if data:
            urls = frozenset(self.flows.request_endpoints(cls))
            self.summary.leaks.append(Leak(self.method, op.offset, model.sink, "network", data, urls))


def _type_of(program: Program, label: Label) -> str | None:
    """The declared type of what a label stands for, when known."""
    if isinstance(label, Instance):
        return label.cls
    if isinstance(label, FieldValue) and "->" in label.field:
        return label.field.rpartition(":")[2]
    if isinstance(label, Param):
        mdef = program.method(label.method)
        if mdef is None:
            return None
        types = param_types(mdef.proto)
        i = label.index if mdef.is_static else label.index - 1  # position 0 of an instance method is `this`
        return types[i] if 0 <= i < len(types) else None
    if isinstance(label, (Returned, ReturnedTyped)):
        return split_signature(label.method)[2].rpartition(")")[2]
    return None


def class_fields(program: Program, cls: str, cache: dict[str, list[str]]) -> list[str]:
    """Signatures of the fields of `cls` named in the DEX files (field_ids, sorted by class)."""
    if cls in cache:
        return cache[cls]
    found: list[str] = []
    for dex in program.dexes:
        tidx = dex.find_type(cls)
        if tidx is None:
            continue
        n = dex.field_count
        lo = bisect.bisect_left(range(n), tidx, key=lambda i: dex._field_id(i)[0])
        for i in range(lo, n):
            if dex._field_id(i)[0] != tidx:
                break
            found.append(dex.field_ref(i).signature)
    cache[cls] = found
    return found


def inherited_names(program: Program, field_sig: str) -> list[str]:
    """The other names of an app class's field: javac names a field through the class of the reference it is
    read from (`ConcreteClass.imei` for a field BaseClass declares), so a write is kept under the names the
    app's base classes and subclasses give it too."""
    cls, _, rest = field_sig.partition("->")
    if not program.is_app_class(cls):
        return []
    return [f"{k}->{rest}" for k in sorted({*program.app_ancestors(cls), *program.subclasses(cls)}) if k != cls]


def request_model(program: Program, cls: str) -> RequestObject | None:
    """The request-object model of an app class, from the library request class it extends."""
    models = request_objects()
    for k in [cls, *program.app_ancestors(cls)]:
        for s in (k, *program.supertypes(k)):
            if s in models:
                return models[s]
    return None


def runs(program: Program, cls: str, member: str) -> str | None:
    """The app method an object of exactly `cls` runs for `member` (name and proto): its class's or the nearest
    app superclass's (None past the app's classes)."""
    k: str | None = cls
    while k is not None and program.is_app_class(k):
        if program.method(f"{k}->{member}") is not None:
            return f"{k}->{member}"
        k = program.classes[k][1].superclass or None
    return None
