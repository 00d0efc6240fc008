"""Objects a method makes itself, followed field by field and element by element (a local heap).

An object made here whose allocation runs at most once per call (not in a loop) is an allocation site: a
`new-instance` of an app class, a `new-array`, a `new-instance` of a java.util list, and `this` in a
constructor. Registers, the fields strong.py keeps in the flow state and the fields of sites say which sites
they may point to (`Alloc` labels in pseudo-registers, `Elsewhere` for any other object). A read through a
register that points only to sites no code outside the method can have changed sees what was stored in that
site's field, or in that element at a constant index, not everything the field or array holds anywhere: a
bean's field read before it is set, an array or list with one personal and one plain element, a field
overwritten through an alias.

A site escapes, and reads of it fall back to the field-based flows, when it is handed to a call other than
its own constructor and the list calls modelled here, stored where the method does not follow it, or kept in
a field an app call may read. A constructor whose `this` does not escape says in its summary what it stored
in `this`'s fields, so `new Bean(x)` gives the site's fields at the call.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from apkaudit.analysis.flows.labels import ELSEWHERE, NO_LABELS, Alloc, Count, Label, Labels, Param
from apkaudit.analysis.flows.ops import (
    ARITHMETIC,
    ARRAY_GETS,
    ARRAY_PUTS,
    CUSTOM_CALLS,
    FILLED_ARRAYS,
    NUMBER_CONSTS,
    OBJECT_MOVES,
    WRITES_A,
)
from apkaudit.analysis.flows.strong import FieldSlots
from apkaudit.analysis.flows.summary import Summary
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.file import DexFile
from apkaudit.dex.items import MethodRef
from apkaudit.dex.opcodes import (
    CHECK_CAST,
    CONST,
    CONST_4,
    CONST_16,
    CONST_HIGH16,
    FIELD_GETS,
    FIELD_PUTS,
    MOVE_RESULT,
    NEW_ARRAY,
    NEW_INSTANCE,
    RETURN_VOID,
    THROW,
)

State = dict[int, Labels]
THIS = -1  # the site of `this` in a constructor
_PTR = -100_000  # pseudo-register of what register r points to: _PTR - r
_ESCAPED = -99_999  # the sites that escaped on this path
_COMPANION = -300_000  # what a strong.py field slot points to: slot + _COMPANION
_SLOTS = -400_000  # a site's field, field pointer, element or size: _SLOTS - n
_STATIC = range(0x60, 0x6E)  # sget* and sput*
_INDEX_CONSTS = frozenset({CONST_4, CONST_16, CONST, CONST_HIGH16})
_LISTS = frozenset({"Ljava/util/ArrayList;", "Ljava/util/LinkedList;", "Ljava/util/Vector;"})
_LIST_REFS = _LISTS | {"Ljava/util/List;", "Ljava/util/AbstractList;", "Ljava/util/Collection;"}
_POINTER_WRITES = OBJECT_MOVES | FIELD_GETS | {NEW_INSTANCE, NEW_ARRAY, CHECK_CAST}  # may leave a site in vA
# writes that may be of a register pair: move-wide*, move-result-wide, const-wide*, aget/iget/sget-wide, arithmetic
_WIDE = frozenset({0x04, 0x05, 0x06, 0x0B, 0x16, 0x17, 0x18, 0x19, 0x45, 0x53, 0x61}) | ARITHMETIC
_HANDED_ON = FILLED_ARRAYS | CUSTOM_CALLS | {THROW}
_ADD = "add(Ljava/lang/Object;)Z"
_GET = "get(I)Ljava/lang/Object;"
_KEEP = frozenset({"<init>()V", "<init>(I)V", "size()I", "isEmpty()Z"})  # list calls that move no element
Key = tuple[str, str | int | None]  # ("f", field) | ("p", field: the sites it holds) | ("e", index) | ("n", None)
# (target, its summary, arguments by position, its store-helper reads as this call made them: calls._keyed_at_call)
Constructor = Callable[[], tuple[str, Summary | None, list[Labels], dict[Label, Label]]]
Returns = Callable[[str], int | None]  # the int constant an app method returns, if known


class LocalHeap:
    """The allocation sites of one method and the pseudo-registers of their fields and elements."""

    def __init__(self, code: Method, dex: DexFile, is_app_class: Callable[[str], bool], strong: FieldSlots) -> None:
        self.code = code
        self.dex = dex
        self.strong = strong
        self.is_app_class = is_app_class
        self.kinds: dict[int, str] = {}  # site -> object | array | list
        self.classes: dict[int, str] = {}  # site -> the class it is made of
        self.tracked: set[int] = set()  # registers that may hold a site
        self.slot_ids: dict[tuple[int, Key], int] = {}
        self.keys_of: dict[int, set[Key]] = defaultdict(set)
        self.this_reg: int | None = None
        self.this_out: dict[str, set[Label]] = defaultdict(set)
        self.this_lost = False
        looping = _looping_ops(code)
        for i, op in enumerate(code.ops):
            if op.opcode not in (NEW_INSTANCE, NEW_ARRAY) or i in looping or op.index is None:
                continue
            made = dex.type_name(op.index)
            kind = "array" if op.opcode == NEW_ARRAY else "object" if is_app_class(made) else "list"
            if kind != "list" or made in _LISTS:
                self.kinds[op.offset] = kind
                self.classes[op.offset] = made
        self.block_start: list[int] = []  # op index -> index of the first op of its block (when needed)

    def constructor(self, this_reg: int) -> None:
        """`this` of a constructor is a site (fields null until the constructor sets them)."""
        if not any(op.regs and op.opcode in WRITES_A and op.regs[0] == this_reg for op in self.code.ops):
            self.kinds[THIS] = "object"
            self.this_reg = this_reg

    def start(self, state: State, params: Iterable[int]) -> None:
        """Entry: what the parameters and strong.py's field slots point to is unknown."""
        if not self.kinds:
            return
        for op in self.code.ops:
            if op.regs and op.opcode in _POINTER_WRITES:
                self.tracked.add(op.regs[0])
        for reg in params:
            if reg in self.tracked:
                state[_PTR - reg] = frozenset({ELSEWHERE})
        if self.this_reg is not None:
            self.tracked.add(self.this_reg)
            state[_PTR - self.this_reg] = frozenset({Alloc(THIS)})
        for slot in self.strong.slots.values():
            state[slot + _COMPANION] = frozenset({ELSEWHERE})

    # -- slots --------------------------------------------------------------------------------------------

    def _slot(self, site: int, key: Key) -> int:
        slot = self.slot_ids.get((site, key))
        if slot is None:
            slot = self.slot_ids[(site, key)] = _SLOTS - len(self.slot_ids)
            self.keys_of[site].add(key)
        return slot

    def _read(self, state: State, sites: Iterable[int], keys: Callable[[int], Iterable[Key]]) -> Labels:
        return NO_LABELS.union(*(state.get(self._slot(s, k), NO_LABELS) for s in sites for k in keys(s)))

    def ptr(self, state: State, reg: int) -> Labels:
        return state.get(_PTR - reg, NO_LABELS) if reg in self.tracked else NO_LABELS

    def sites(self, state: State, reg: int, kind: str) -> list[int] | None:
        """The sites `reg` points to, when it points only to sites of `kind` that did not escape."""
        p = self.ptr(state, reg)
        if not p:
            return None
        escaped = state.get(_ESCAPED, NO_LABELS)
        out = []
        for x in p:
            if not isinstance(x, Alloc) or x in escaped or self.kinds.get(x.site) != kind:
                return None
            out.append(x.site)
        return out

    def exact_class(self, state: State, reg: int) -> str | None:
        """The one class of the objects made here that `reg` points to, when it points to nothing else."""
        made = {self.classes.get(x.site) if isinstance(x, Alloc) else None for x in self.ptr(state, reg)}
        return made.pop() if len(made) == 1 else None

    def escape(self, state: State, ptr: Iterable[Label]) -> None:
        """The sites in `ptr`, and those their fields point to, may be changed by code outside the method."""
        escaped = state.get(_ESCAPED, NO_LABELS)
        todo = [x for x in ptr if isinstance(x, Alloc) and x not in escaped]
        if not todo:
            return
        out = set(escaped)
        while todo:
            a = todo.pop()
            if a in out:
                continue
            out.add(a)
            for key in self.keys_of.get(a.site, ()):
                if key[0] == "p":
                    todo.extend(x for x in state.get(self._slot(a.site, key), NO_LABELS) if isinstance(x, Alloc))
        state[_ESCAPED] = frozenset(out)

    # -- instructions -------------------------------------------------------------------------------------

    def step(self, op: Op, state: State, at: int, returns: Returns) -> Labels | None:
        """Before `op` runs: what it does to sites and pointers; for a read of a site's field or element, what
        the read gives (else None)."""
        o = op.opcode
        if o in FIELD_GETS:
            return self._get_field(op, state)
        if o in FIELD_PUTS:
            self._put_field(op, state)
        elif o in ARRAY_GETS:
            return self._get_element(op, state, self.constant(at, op.regs[2], returns))
        elif o in ARRAY_PUTS:
            self._put_element(op, state, self.constant(at, op.regs[2], returns))
        elif o == RETURN_VOID and self.this_reg is not None:
            self._returned(state)
        elif o in _HANDED_ON:  # into an array or a lambda's captures, or thrown: changed where it is not seen
            for r in op.regs:
                self.escape(state, self.ptr(state, r))
        elif op.regs and o in WRITES_A and op.regs[0] in self.tracked:
            self._write(op, state)
        return None

    def _write(self, op: Op, state: State) -> None:
        o, r = op.opcode, op.regs[0]
        if o == CHECK_CAST:
            return
        ptr: Labels = frozenset({ELSEWHERE})
        if o in (NEW_INSTANCE, NEW_ARRAY) and op.offset in self.kinds:
            ptr = frozenset({Alloc(op.offset)})
            if self.kinds[op.offset] == "list":
                state[self._slot(op.offset, ("n", None))] = frozenset({Count(0)})
        elif o in OBJECT_MOVES:
            ptr = self.ptr(state, op.regs[1])
        elif o in NUMBER_CONSTS:
            ptr = NO_LABELS  # null (or a number)
        state[_PTR - r] = ptr

    def _field_key(self, op: Op) -> str:
        assert op.index is not None
        return self.dex.field_ref(op.index).signature.partition("->")[2]  # name:type, as any subclass names it

    def _get_field(self, op: Op, state: State) -> Labels | None:
        override: Labels | None = None
        ptr: Labels = frozenset({ELSEWHERE})
        sites = self.sites(state, op.regs[1], "object") if op.opcode not in _STATIC and len(op.regs) > 1 else None
        if sites is not None:
            k = self._field_key(op)
            override = self._read(state, sites, lambda s: [("f", k)])
            ptr = self._read(state, sites, lambda s: [("p", k)])
        elif self.strong.slots and (key := self.strong.key(op, self.dex)) in self.strong.slots:
            ptr = state.get(self.strong.slots[key] + _COMPANION, ptr)
        if op.regs[0] in self.tracked:
            state[_PTR - op.regs[0]] = ptr
        return override

    def _put_field(self, op: Op, state: State) -> None:
        value, value_ptr = state.get(op.regs[0], NO_LABELS), self.ptr(state, op.regs[0])
        if op.opcode not in _STATIC and len(op.regs) > 1:
            base = self.ptr(state, op.regs[1])
            sites = [x.site for x in base if isinstance(x, Alloc) and self.kinds.get(x.site) == "object"]
            strong = len(base) == 1 and len(sites) == 1 and self.sites(state, op.regs[1], "object") is not None
            k = self._field_key(op)
            for s in sites:
                for slot, new in ((self._slot(s, ("f", k)), value), (self._slot(s, ("p", k)), value_ptr)):
                    state[slot] = new if strong else state.get(slot, NO_LABELS) | new
            if self.sites(state, op.regs[1], "object") is not None:
                return  # reachable only through the sites
        if self.strong.slots and (key := self.strong.key(op, self.dex)) in self.strong.slots:
            state[self.strong.slots[key] + _COMPANION] = value_ptr or frozenset({ELSEWHERE})
            return  # escapes at the next app call (calls)
        self.escape(state, value_ptr)

    def _element_keys(self, site: int, index: int | None) -> list[Key]:
        if index is None:
            return [k for k in self.keys_of.get(site, ()) if k[0] == "e"]
        return [("e", index), ("e", None)]

    def _get_element(self, op: Op, state: State, index: int | None) -> Labels | None:
        sites = self.sites(state, op.regs[1], "array")
        if op.regs[0] in self.tracked:
            state[_PTR - op.regs[0]] = frozenset({ELSEWHERE})  # elements are not followed as sites
        if sites is None:
            return None
        return self._read(state, sites, lambda s: self._element_keys(s, index))

    def _put_element(self, op: Op, state: State, index: int | None) -> None:
        base = self.ptr(state, op.regs[1])
        sites = [x.site for x in base if isinstance(x, Alloc) and self.kinds.get(x.site) == "array"]
        strong = index is not None and len(base) == 1 and self.sites(state, op.regs[1], "array") is not None
        value = state.get(op.regs[0], NO_LABELS)
        for s in sites:
            slot = self._slot(s, ("e", index))
            state[slot] = value if strong else state.get(slot, NO_LABELS) | value
        self.escape(state, self.ptr(state, op.regs[0]))

    def absorb(self, reg: int, field: str | None, data: Labels, state: State) -> None:
        """Data stored into an object read from an element of the array in `reg` (or from `field` of a site):
        the element (or that field of every site) may hold it now."""
        if field is not None:
            k = field.partition("->")[2]
            for (_, key), slot in list(self.slot_ids.items()):
                if key == ("f", k):
                    state[slot] = state.get(slot, NO_LABELS) | data
            return
        for x in self.ptr(state, reg):
            if isinstance(x, Alloc) and self.kinds.get(x.site) in ("array", "list"):
                slot = self._slot(x.site, ("e", None))
                state[slot] = state.get(slot, NO_LABELS) | data

    def _returned(self, state: State) -> None:
        if Alloc(THIS) in state.get(_ESCAPED, NO_LABELS):
            self.this_lost = True
            return
        for k in self.keys_of.get(THIS, ()):
            if k[0] == "f" and isinstance(k[1], str):
                self.this_out[k[1]] |= state.get(self._slot(THIS, k), NO_LABELS)

    def this_fields(self) -> dict[str, frozenset[Label]] | None:
        """What a constructor stored in `this`'s fields, when `this` did not escape it."""
        if self.this_reg is None or self.this_lost:
            return None
        return {k: frozenset(v) for k, v in self.this_out.items()}

    # -- invokes ------------------------------------------------------------------------------------------

    def call(
        self, op: Op, at: int, ref: MethodRef, state: State, app: bool, ctor: Constructor, returns: Returns
    ) -> None:
        """After an invoke: its arguments escape, except a site given to its own constructor (whose summary
        sets the site's fields) and a list site given to add/get/size; an app call may change what fields
        the method keeps in its state point to."""
        if not self.kinds:
            return
        kept: set[int] = set()
        member = ref.name + ref.proto
        receiver = op.regs[0] if op.regs else None
        if receiver is not None and ref.name == "<init>" and (sites := self.sites(state, receiver, "object")):
            if len(sites) == 1 and self._construct(ref, sites[0], state, ctor, app):
                kept.add(0)
        elif receiver is not None and ref.class_name in _LIST_REFS and (sites := self.sites(state, receiver, "list")):
            index = self.constant(at, op.regs[-1], returns)
            if len(sites) == 1 and self._list_call(op, sites[0], member, state, index):
                kept.add(0)
        for pos, r in enumerate(op.regs):
            if pos not in kept:
                self.escape(state, self.ptr(state, r))
        if app:
            for slot in self.strong.slots.values():
                self.escape(state, state.get(slot + _COMPANION, NO_LABELS))
                state[slot + _COMPANION] = frozenset({ELSEWHERE})

    def _construct(self, ref: MethodRef, site: int, state: State, ctor: Constructor, app: bool) -> bool:
        """A site's constructor: a framework one leaves the app's fields null; an app one sets what its summary
        says (its parameters replaced by this call's arguments)."""
        if not app:
            return not self.is_app_class(ref.class_name)  # (a bundled library's: not followed)
        target, summary, args, keyed = ctor()
        fields = summary.this_fields if summary is not None else None
        if fields is None:
            return False
        for k, labels in fields.items():
            value: set[Label] = set()
            for x in labels:
                if isinstance(x, Param) and x.method == target:
                    value |= args[x.index] if x.index < len(args) else NO_LABELS
                else:
                    value.add(keyed.get(x, x))
            state[self._slot(site, ("f", k))] = frozenset(value)
            state[self._slot(site, ("p", k))] = frozenset({ELSEWHERE})
        return True

    def _list_call(self, op: Op, site: int, member: str, state: State, index: int | None) -> bool:
        """add(x) puts x at the list's known size; get(i) of a constant i reads that element."""
        size = self._slot(site, ("n", None))
        if member == _ADD and len(op.regs) == 2:
            counts = state.get(size, NO_LABELS)
            known = [x.n for x in counts if isinstance(x, Count)]
            n = known[0] if len(counts) == 1 and known else None
            slot = self._slot(site, ("e", n))
            value = state.get(op.regs[1], NO_LABELS)
            state[slot] = value if n is not None else state.get(slot, NO_LABELS) | value
            state[size] = frozenset({Count(n + 1)}) if n is not None else frozenset({ELSEWHERE})
            return True
        if member == _GET and len(op.regs) == 2:
            state[-1] = self._read(state, [site], lambda s: self._element_keys(s, index))
            return True
        return member in _KEEP

    # -- constants ----------------------------------------------------------------------------------------

    def _last_write(self, at: int, reg: int) -> int | None:
        """The op before `at` in its block that last writes `reg` (None: none, or maybe a wide pair's half)."""
        if not self.block_start:
            self.block_start = [0] * len(self.code.ops)
            for s, e in self.code.blocks:
                self.block_start[s:e] = [s] * (e - s)
        for i in range(at - 1, self.block_start[at] - 1, -1):
            w = self.code.ops[i]
            if w.regs and w.opcode in WRITES_A and (reg == w.regs[0] or (reg == w.regs[0] + 1 and w.opcode in _WIDE)):
                return i if reg == w.regs[0] else None
        return None

    def constant(self, at: int, reg: int, returns: Returns) -> int | None:
        """The int constant `reg` holds at op `at`: its last write in the block is a constant, or the result of
        an app method that returns one (`returns`)."""
        i = self._last_write(at, reg)
        w = self.code.ops[i] if i is not None else None
        if w is None or i is None:
            return None
        if w.opcode in _INDEX_CONSTS and w.literal is not None:
            return w.literal << 16 if w.opcode == CONST_HIGH16 else w.literal
        if w.opcode == MOVE_RESULT and i > self.block_start[at]:
            call = self.code.ops[i - 1]
            return returns(self.dex.method_signature(call.index)) if call.index is not None else None
        return None

    def safe(self, at: int, op: Op) -> bool:
        """A new-array of a constant size that is not negative, or an access at a constant index within the
        length of an array the block just made: neither throws an exception the program catches."""
        if op.opcode == NEW_ARRAY:
            size = self.constant(at, op.regs[1], _no_calls)
            return size is not None and size >= 0
        made = self._last_write(at, op.regs[1])
        if made is None or self.code.ops[made].opcode != NEW_ARRAY:
            return False
        size = self.constant(made, self.code.ops[made].regs[1], _no_calls)
        index = self.constant(at, op.regs[2], _no_calls)
        return size is not None and index is not None and 0 <= index < size


def _no_calls(sig: str) -> int | None:
    return None


def _looping_ops(code: Method) -> set[int]:
    """Indices of the ops in blocks that lie on a cycle of the control-flow graph (Tarjan's algorithm)."""
    n = len(code.blocks)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    looping: set[int] = set()
    counter = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            succ = code.successors[v]
            if i < len(succ):
                work.append((v, i + 1))
                w = succ[i]
                if index[w] < 0:
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], index[w])
                continue
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    component.append(w)
                    if w == v:
                        break
                if len(component) > 1 or v in succ:
                    looping.update(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return {i for b in looping for i in range(*code.blocks[b])}
