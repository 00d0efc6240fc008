"""Listeners registered and taken back at once: an object whose callbacks can never run from where it is made.

The reachability walk treats a callback (onClick, onLocationChanged...) as called from every method that makes
an instance of its class (program.py). That edge is false when the method only makes the object to register
it and then takes it back in the instructions right after (catalogs/dispatch.yaml registrations): the framework
runs listeners later, on the main thread, never between two instructions that cannot run app code. Only such
a method, whose every use of the class is that, loses the edge; a listener kept anywhere (a field, a return, any
other call) keeps it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from apkaudit import catalogs
from apkaudit.analysis.flows.ops import WRITES_A
from apkaudit.dex.decoder import Method, decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import FIELD_GETS, FIELD_PUTS, NEW_INSTANCE

if TYPE_CHECKING:
    from apkaudit.analysis.program import Program

INVOKE_DIRECT, INVOKE_DIRECT_RANGE = 0x70, 0x76
# what may sit between a registration and its cancelling call: moves and constants (none runs app code)
_INERT = frozenset(range(0x01, 0x0E)) | frozenset(range(0x12, 0x1C))
_INVOKES = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79))  # invoke-kind and invoke-kind/range
_TYPE_OPS = frozenset({NEW_INSTANCE, 0x1C, 0x1F, 0x20, 0x23, 0x24, 0x25})  # the ops naming a type
_FIELD_OPS = FIELD_GETS | FIELD_PUTS
_STRAIGHT = _INERT | _INVOKES | _FIELD_OPS | frozenset({NEW_INSTANCE})  # ops that fall through to the next


@dataclass(frozen=True)
class Registration:
    listener: int  # position among the invoke's registers
    cancel: str  # "replace", or name+proto of the call that removes it
    removed: int = 1  # position of the listener in the removing call


@functools.lru_cache(maxsize=1)
def registrations() -> dict[str, Registration]:
    """name+proto of a registering call -> its model (catalogs/dispatch.yaml registrations)."""
    return {
        e["name"] + e["proto"]: Registration(e["listener"], e["cancel"], e.get("removed", 1))
        for e in catalogs.load("dispatch").data.get("registrations", [])
    }


class Silencer:
    """never_runs(dex index, code_off, type index) for Program.quiet_instances, memoised."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self._seen: dict[tuple[int, int, int], bool] = {}
        self._registering: dict[int, frozenset[int]] = {}  # dex -> code items calling a registration

    def __call__(self, d: int, code_off: int, type_idx: int) -> bool:
        key = (d, code_off, type_idx)
        if key not in self._seen:
            dex = self.program.dexes[d]
            if d not in self._registering:
                self._registering[d] = frozenset(self.program.code_using(d, "method", _registration_calls(dex)))
            # rarely true: checked first, and only where a registering call is (the walk asks ~700 times on ApiDemos)
            quiet = code_off in self._registering[d] and never_runs(dex, code_off, type_idx)
            self._seen[key] = quiet and _keeps_itself(self.program, dex.type_name(type_idx))
        return self._seen[key]


def _registration_calls(dex: DexFile) -> list[int]:
    """The method_ids of the DEX that name a registering call (any class: the name and proto decide)."""
    models = registrations()
    names = sorted({key.partition("(")[0] for key in models})
    return [i for name in names for i in dex.find_methods_named(name) if _name_proto(dex, i) in models]


def _name_proto(dex: DexFile, method_idx: int) -> str:
    ref = dex.method_ref(method_idx)
    return ref.name + ref.proto


def never_runs(dex: DexFile, code_off: int, type_idx: int) -> bool:
    """Does the method at code_off make instances of this type only to register them and take them back at once?

    Asked only of code that calls a registration (Silencer finds those from the DEX's reverse index)."""
    try:
        code = decode(dex, code_off)
    except DexError:
        return False
    uses = [i for i, op in enumerate(code.ops) if op.index == type_idx and op.opcode in _TYPE_OPS]
    if not uses or any(code.ops[i].opcode != NEW_INSTANCE for i in uses):
        return False  # a check-cast, instance-of or const-class: the class is used some other way
    return all(_registered_and_cancelled(dex, code, i) for i in uses)


def _keeps_itself(program: Program, cls: str) -> bool:
    """Do the class's constructors (and its app superclasses') use `this` only to set its own fields and call
    the next constructor, so that no one else gets hold of the object there?"""
    for k in [cls, *program.app_ancestors(cls)]:
        for m in program.methods(k):
            if m.name != "<init>" or not m.code_off:
                continue
            code = program.code(m)
            if code is None:  # refused by the decoder
                return False
            this = code.registers - code.ins
            for op in code.ops:
                if this not in op.regs:
                    continue
                own_field = op.opcode in _FIELD_OPS and op.regs[1:2] == (this,) and op.regs[0] != this
                super_init = op.opcode in (INVOKE_DIRECT, INVOKE_DIRECT_RANGE) and op.regs[:1] == (this,)
                if not (own_field or super_init) or (super_init and this in op.regs[1:]):
                    return False
    return True


def _registered_and_cancelled(dex: DexFile, code: Method, made: int) -> bool:
    """Follow the new object's register down the straight-line code after its `new-instance` until it is
    overwritten: its constructor, then registrations taken back at once, and nothing else may use it."""
    reg = code.ops[made].regs[0]
    registered = False
    at = made + 1
    while at < len(code.ops):
        op = code.ops[at]
        if reg not in op.regs:
            if op.opcode not in _STRAIGHT:
                return False  # a branch, a return, a throw: the object may go on elsewhere
            at += 1
            continue
        if op.opcode in (INVOKE_DIRECT, INVOKE_DIRECT_RANGE) and op.regs[0] == reg and op.index is not None:
            if dex.method_ref(op.index).name != "<init>" or reg in op.regs[1:]:
                return False
            at += 1  # its constructor
            continue
        if op.opcode in WRITES_A and op.regs[0] == reg and reg not in op.regs[1:]:
            return registered  # overwritten: the register no longer holds it
        cancel = _cancelled_after(dex, code, at, reg)
        if cancel is None:
            return False
        registered = True
        if any(code.ops[k].regs[:1] == (reg,) for k in range(at + 1, cancel)):
            return True  # the register was reused for the replacing value: the object is gone
        at = cancel + 1
    return False


def _cancelled_after(dex: DexFile, code: Method, at: int, reg: int) -> int | None:
    """If the op at `at` registers `reg` and the next app-code-free instructions take it back: where."""
    op = code.ops[at]
    if op.index is None or op.opcode not in _INVOKES:
        return None
    registering = _name_proto(dex, op.index)
    model = registrations().get(registering)
    if model is None or model.listener >= len(op.regs) or op.regs.count(reg) != 1 or op.regs[model.listener] != reg:
        return None
    overwritten = False  # the listener's register reused (for the replacing value)
    for j in range(at + 1, len(code.ops)):
        nxt = code.ops[j]
        if nxt.opcode in _INERT:
            if nxt.regs and (nxt.regs[0] == op.regs[0] or (nxt.regs[0] == reg and model.cancel != "replace")):
                return None  # the receiver (or the listener to remove) overwritten: not the same objects
            overwritten = overwritten or nxt.regs[:1] == (reg,)
            continue
        if nxt.index is None or nxt.opcode not in _INVOKES or not nxt.regs or nxt.regs[0] != op.regs[0]:
            return None
        other = _name_proto(dex, nxt.index)
        if model.cancel == "replace":
            replaced = other == registering and (overwritten or reg not in nxt.regs)
            return j if replaced else None
        removed = model.removed < len(nxt.regs) and nxt.regs[model.removed] == reg
        return j if other == model.cancel and removed else None
    return None
