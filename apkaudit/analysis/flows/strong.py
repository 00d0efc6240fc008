"""Strong updates of fields within one method: a field overwritten before it is read no longer holds the
first value there.

Fields are tracked per field across the app (a read sees every write). Inside one method, a field of
`this`, a static field, or a field of an object created once in the method (its register written only
by its `new-instance`) gets a slot in the flow state: its entry value is everything the field may hold
(`FieldValue`), an `iput`/`sput` replaces it, and a read there sees the slot. A call into the app's own
code may write any of them, so it puts every slot back to everything the field may hold.

In the lifecycle method the system calls first on a component instance (Activity.onCreate, Service.onCreate:
catalogs/dispatch.yaml first_callbacks), the instance fields read on `this` get slots too, whose entry value
is only what the constructors wrote (`FieldValue(f + BEFORE_FIRST)`, linked by engine.py): the instance's
listeners and later callbacks, which write the same fields, run after it returns.
"""

from __future__ import annotations

from apkaudit.analysis.flows.labels import NO_LABELS, FieldValue, Label
from apkaudit.analysis.flows.ops import WRITES_A
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import FIELD_GETS, FIELD_PUTS, NEW_INSTANCE

State = dict[int, frozenset[Label]]
_BASE = -1000  # slot pseudo-registers: -1000, -1001, ... (below the interpreter's own -1, -2)
_STATIC = range(0x60, 0x6E)  # sget* and sput*
BEFORE_FIRST = "@before-first"  # suffix of the field label: what was written before the first lifecycle method


class FieldSlots:
    """Slot pseudo-registers of the fields one method writes on objects it can name."""

    def __init__(self, code: Method, dex: DexFile, this_reg: int | None, first: bool = False) -> None:
        written: dict[int, int] = {}
        fresh: set[int] = set()
        for op in code.ops:
            if op.regs and op.opcode in WRITES_A:
                written[op.regs[0]] = written.get(op.regs[0], 0) + 1
                if op.opcode == NEW_INSTANCE:
                    fresh.add(op.regs[0])
        self.owners = {r for r in fresh if written.get(r) == 1}  # registers naming one object each
        if this_reg is not None and this_reg not in written:
            self.owners.add(this_reg)
        self.slots: dict[tuple[int | None, str], int] = {}
        self.first = this_reg if first and this_reg in self.owners else None  # `this` of a first callback
        for op in code.ops:
            read_first = op.opcode in FIELD_GETS and self.first is not None and op.regs[1:2] == (self.first,)
            if (op.opcode in FIELD_PUTS or read_first) and op.index is not None:
                key = self.key(op, dex)
                if key is not None and key not in self.slots:
                    self.slots[key] = _BASE - len(self.slots)

    def key(self, op: Op, dex: DexFile) -> tuple[int | None, str] | None:
        """(object register or None for a static field, field signature) of a field access, if slotted."""
        assert op.index is not None
        f = dex.field_ref(op.index).signature
        if op.opcode in _STATIC or len(op.regs) < 2:
            return (None, f)
        return (op.regs[1], f) if op.regs[1] in self.owners else None

    def entry(self, state: State) -> None:
        for (obj, f), slot in self.slots.items():
            before = self.first is not None and obj == self.first
            state[slot] = frozenset({FieldValue(f + BEFORE_FIRST if before else f)})

    def put(self, op: Op, dex: DexFile, value: frozenset[Label], state: State) -> None:
        slot = self.slots.get(key) if self.slots and (key := self.key(op, dex)) else None
        if slot is not None:
            state[slot] = value

    def get(self, op: Op, dex: DexFile, state: State) -> frozenset[Label] | None:
        """What the field read holds here, when a slot knows it."""
        slot = self.slots.get(key) if self.slots and (key := self.key(op, dex)) else None
        return state.get(slot, NO_LABELS) if slot is not None else None

    def forget(self, state: State) -> None:
        """An app call may write the fields: every slot holds whatever the field may hold again."""
        for (_, f), slot in self.slots.items():
            state[slot] = state.get(slot, NO_LABELS) | {FieldValue(f)}

    def absorb(self, field: str, data: frozenset[Label], state: State) -> None:
        """Data stored into the object a field holds: the slots of that field hold it too."""
        for (_, f), slot in self.slots.items():
            if f == field:
                state[slot] = state.get(slot, NO_LABELS) | data
