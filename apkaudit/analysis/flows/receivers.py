"""The class a call's receiver is known to have, to pick the override a virtual or interface call runs.

A register is typed by the one write its read sees: the last write before the read in its basic block (a
`check-cast` keeps the value), else the register's only write in the method when it has one (and is no
parameter: the verifier makes that write reach every read). A `new-instance C` gives exactly C; the result of an app
method whose every `return-object` returns a `new-instance` of one class C gives exactly C; the result of any
other invoke gives the type it is declared to return (the value is that class or a subclass of it). A read of
an app field gives the class of everything the app stores into it, when every store agrees: a `new-instance`,
the storing method's own `this` (that class or a subclass), or a constructor's parameter whose every caller
passes one of those (a listener that keeps the activity it was made by: `new L(this)`).
"""

from __future__ import annotations

import bisect
import weakref
from typing import NamedTuple

from apkaudit.analysis.flows.models import param_types
from apkaudit.analysis.flows.ops import BINARY, BINARY_2ADDR, CALLS, STATIC_CALLS, UNARY, WRITES_A
from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.decoder import Method
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import (
    CHECK_CAST,
    FIELD_PUTS,
    IGET,
    INVOKE_INTERFACE,
    INVOKE_INTERFACE_RANGE,
    INVOKE_VIRTUAL,
    INVOKE_VIRTUAL_RANGE,
    MOVE_RESULT_OBJECT,
    NEW_INSTANCE,
    RETURN_OBJECT,
    SGET,
)

INVOKE_DIRECT, INVOKE_DIRECT_RANGE = 0x70, 0x76
# Writes that may be of a register pair: move-wide*, move-result-wide, const-wide*, aget/iget/sget-wide and
# (without telling them apart) all unary and binary arithmetic
_MAY_BE_WIDE = (
    frozenset({0x04, 0x05, 0x06, 0x0B, 0x16, 0x17, 0x18, 0x19, 0x45, 0x53, 0x61}) | UNARY | BINARY | BINARY_2ADDR
)
ABSTRACT = 0x0400  # ACC_ABSTRACT, which every interface has as well
DISPATCHED = frozenset({INVOKE_VIRTUAL, INVOKE_VIRTUAL_RANGE, INVOKE_INTERFACE, INVOKE_INTERFACE_RANGE})
_IGET_OBJECT, _SGET_OBJECT = IGET + 2, SGET + 2
_CONSTS = frozenset({0x12, 0x13, 0x14})  # const/4, const/16, const
MAX_STORES = 8  # stores into one field (and callers of one constructor) looked at before giving up


class Known(NamedTuple):
    """The receiver's class, and whether it is exactly that class (else that class or a subclass)."""

    cls: str
    exact: bool


def _writes(opcode: int, first: int, reg: int) -> bool:
    return reg == first or (opcode in _MAY_BE_WIDE and reg == first + 1)


def single_write(code: Method, reg: int) -> int | None:
    """The one op that writes `reg` (a wide write counts for both its registers), if there is one and `reg`
    is no parameter (defined on entry too)."""
    if reg >= code.registers - code.ins:
        return None
    return _written(code).single.get(reg)


def param_at(code: Method, reg: int, at: int, static: bool, proto: str) -> int | None:
    """The position (0: `this` of an instance method) of the parameter `reg` still holds at op `at`: a parameter's
    register (the verifier defines it on entry) that no write reaches `at` through, none before it in its block
    and none in a block from which its block can be reached. (Release builds reuse a parameter's register once
    its value is dead: `move-result-object p1` after `getString(p1, "")`.) None for any other register."""
    first = code.registers - code.ins
    if reg < first:
        return None
    writes = _written(code).writers.get(reg)
    if writes and _reaches(code, writes, at):
        return None
    place, position = first, 0
    if not static:
        if reg == place:
            return 0
        place, position = place + 1, 1
    for t in param_types(proto):
        if reg == place:
            return position
        place += 2 if t in ("J", "D") else 1
        position += 1
    return None


def _reaches(code: Method, writes: list[int], at: int) -> bool:
    """May one of these ops (indices) run before op `at` on some path from the method's entry?"""
    starts = code.block_starts
    block = bisect.bisect_right(starts, at) - 1
    if any(starts[block] <= w < at for w in writes):
        return True
    before = _blocks_before(code, block)
    return any(bisect.bisect_right(starts, w) - 1 in before for w in writes)


def _blocks_before(code: Method, block: int) -> set[int]:
    """The blocks from which `block` can be reached (itself when it is in a loop)."""
    preds = _written(code).predecessors(code)
    seen: set[int] = set()
    todo = list(preds[block])
    while todo:
        b = todo.pop()
        if b not in seen:
            seen.add(b)
            todo.extend(preds[b])
    return seen


class _Writes:
    """The register writes of one method, and its blocks' predecessors once asked."""

    def __init__(self, writers: dict[int, list[int]]) -> None:
        self.writers = writers  # register -> the ops writing it (a wide write counts for both registers)
        self.single = {r: ops[0] for r, ops in writers.items() if len(ops) == 1}
        self._preds: list[list[int]] | None = None

    def predecessors(self, code: Method) -> list[list[int]]:
        if self._preds is None:
            self._preds = [[] for _ in code.blocks]
            for b, succs in enumerate(code.successors):
                for succ in succs:
                    self._preds[succ].append(b)
        return self._preds


_WRITES: dict[int, tuple[Method, _Writes]] = {}  # id(code) -> (code, its writes)


def _written(code: Method) -> _Writes:
    """The register writes of one of the methods asked last. (A scan of the method per question was 0.19 s on
    Yosemite.apk: a dispatched call asks single_write for its receiver in every method.)"""
    entry = _WRITES.get(id(code))
    if entry is None or entry[0] is not code:
        writers: dict[int, list[int]] = {}
        for i, op in enumerate(code.ops):
            if op.regs and op.opcode in WRITES_A:
                for r in (op.regs[0], op.regs[0] + 1) if op.opcode in _MAY_BE_WIDE else (op.regs[0],):
                    writers.setdefault(r, []).append(i)
        if len(_WRITES) >= 64:
            _WRITES.clear()
        entry = _WRITES[id(code)] = (code, _Writes(writers))
    return entry[1]


def reaching_write(code: Method, reg: int, offset: int | None) -> int | None:
    """The op whose write of `reg` the instruction at code-unit `offset` reads: the last write before it in its
    basic block (no other can reach it), else the register's one write in the method."""
    if offset is not None:
        at = bisect.bisect_left(code.offsets, offset)
        starts = code.block_starts
        block = bisect.bisect_right(starts, at) - 1
        for i in range(at - 1, (starts[block] if block >= 0 else 0) - 1, -1):
            op = code.ops[i]
            if op.opcode == CHECK_CAST:
                continue  # keeps the value
            if op.regs and op.opcode in WRITES_A and _writes(op.opcode, op.regs[0], reg):
                return i if op.regs[0] == reg else None  # the second half of a wide value: not an object
    return single_write(code, reg)


def receiver_type(program: Program, dex: DexFile, code: Method, reg: int, offset: int | None = None) -> Known | None:
    """What `reg` holds where the instruction at `offset` (or anywhere the method) reads it, if its write says."""
    at = reaching_write(code, reg, offset)
    if at is None:
        return None
    op = code.ops[at]
    if op.opcode == NEW_INSTANCE and op.index is not None:
        return Known(dex.type_name(op.index), True)
    if op.opcode in (_IGET_OBJECT, _SGET_OBJECT) and op.index is not None:
        return field_type(program, dex.field_ref(op.index).signature)
    if op.opcode != MOVE_RESULT_OBJECT or at == 0:
        return None
    call = code.ops[at - 1]
    if call.opcode not in CALLS or call.index is None:
        return None
    ref = dex.method_ref(call.index)
    if call.opcode in STATIC_CALLS or call.opcode in (INVOKE_DIRECT, INVOKE_DIRECT_RANGE):
        made = _made_class(program, ref.signature)  # no override runs instead: its body tells
        if made is not None:
            return Known(made, True)
    returned = ref.proto.rpartition(")")[2]
    return Known(returned, False) if returned.startswith("L") else None


def _made_class(program: Program, signature: str) -> str | None:
    """The one class every `return-object` of an app method returns a fresh `new-instance` of."""
    mdef = program.method(signature)
    code = program.code(mdef)
    if mdef is None or code is None:
        return None
    dex = program.dexes[mdef.dex]
    made: set[str] = set()
    for op in code.ops:
        if op.opcode != RETURN_OBJECT:
            continue
        at = single_write(code, op.regs[0])
        index = code.ops[at].index if at is not None and code.ops[at].opcode == NEW_INSTANCE else None
        if index is None:
            return None
        made.add(dex.type_name(index))
    return made.pop() if len(made) == 1 else None


def resolve(program: Program, known: Known, signature: str) -> list[str] | None:
    """The app methods a virtual call of `signature` on a receiver of the known class runs, or None when the
    class does not narrow them (not a subtype of the reference's class, or the method is not the app's)."""
    cls, name, proto = split_signature(signature)
    if not program.is_app_class(known.cls) or (known.cls != cls and cls not in program.app_ancestors(known.cls)):
        return None
    found: list[str] = []
    chain = [known.cls] if known.exact else [known.cls, *sorted(program.subclasses(known.cls))]
    for k in chain:
        if program.classes[k][1].access_flags & ABSTRACT:  # (an interface too): no object is exactly one
            continue
        owner = _resolved(program, k, name, proto)
        if owner is None:
            return None
        if owner not in found:
            found.append(owner)
    return found or None


def _resolved(program: Program, cls: str, name: str, proto: str) -> str | None:
    """The app method an object of exactly `cls` runs for name+proto: its own or its nearest superclass's."""
    k: str | None = cls
    while k is not None and program.is_app_class(k):
        mdef = program.method(f"{k}->{name}{proto}")
        if mdef is not None:
            return mdef.signature if mdef.code_off else None  # abstract: no narrowing
        entry = program.classes[k][1]
        k = entry.superclass or None
    return None


_FIELD_TYPES: weakref.WeakKeyDictionary[Program, dict[str, Known | None]] = weakref.WeakKeyDictionary()


def field_type(program: Program, field_sig: str) -> Known | None:
    """The class of every object the app stores into an app field, when all its stores agree on one."""
    cache = _FIELD_TYPES.setdefault(program, {})
    if field_sig not in cache:
        cache[field_sig] = None  # a field stored from its own read gives up rather than recurse
        cache[field_sig] = _stored_type(program, field_sig)
    return cache[field_sig]


def _stored_type(program: Program, field_sig: str) -> Known | None:
    cls, _, rest = field_sig.partition("->")
    if not program.is_app_class(cls):
        return None
    name = rest.partition(":")[0]
    found: set[Known] = set()
    for d, dex in enumerate(program.dexes):
        idxs = dex.find_fields(cls, name)
        users = dex.code_users(fields=idxs) if idxs else {}
        for code_off, insns in users.items():
            if not any(i.opcode in FIELD_PUTS for i in insns):
                continue
            for writer in dex.signatures_at(code_off):
                stored = _stored_by(program, d, code_off, writer, field_sig)
                found |= {Known("", False)} if stored is None else stored  # "": a store of unknown class
            if len(found) > 1:
                return None
    known = found.pop() if len(found) == 1 else None
    return known if known is not None and known.cls else None


def _stored_by(program: Program, d: int, code_off: int, writer: str, field_sig: str) -> set[Known] | None:
    """The classes of what one method stores into the field, or None when one of them is unknown."""
    dex = program.dexes[d]
    mdef = program.method(writer)
    try:
        code = program.decoded(d, code_off)
    except DexError:
        return None
    out: set[Known] = set()
    for op in code.ops:
        if op.opcode not in FIELD_PUTS or op.index is None or dex.field_ref(op.index).signature != field_sig:
            continue
        at = reaching_write(code, op.regs[0], op.offset)
        if at is not None and code.ops[at].opcode in _CONSTS and not code.ops[at].literal:
            continue  # null (listener = null when it is released): no object, no class
        known = _value_type(program, dex, code, op.regs[0], writer, mdef is not None and mdef.is_static, op.offset)
        if known is None:
            return None
        out.add(known)
    return out


def _value_type(
    program: Program, dex: DexFile, code: Method, reg: int, method: str, static: bool, offset: int
) -> Known | None:
    """What a register holds at the instruction at `offset` (a store, a call): a fresh object, the method's
    `this`, or a constructor parameter."""
    first = code.registers - code.ins
    if reg < first:
        at = reaching_write(code, reg, offset)
        op = code.ops[at] if at is not None else None
        if op is None or op.opcode != NEW_INSTANCE or op.index is None:
            return None
        return Known(dex.type_name(op.index), True)
    if any(op.regs and op.opcode in WRITES_A and _writes(op.opcode, op.regs[0], reg) for op in code.ops):
        return None  # a parameter the method overwrites
    if not static and reg == first:
        return Known(split_signature(method)[0], False)
    cls, name, proto = split_signature(method)
    if name != "<init>" or static:
        return None  # a method's parameter: its callers may be the framework's
    return _passed_type(program, method, reg - first)


def _passed_type(program: Program, init: str, slot: int) -> Known | None:
    """The class every caller of a constructor passes in its argument register `slot` (0 = the object)."""
    callers = sorted(program.callers([init])[init])
    if not callers or len(callers) > MAX_STORES:
        return None
    found: set[Known] = set()
    for caller in callers:
        mdef = program.method(caller)
        code = program.code(mdef)
        if mdef is None or code is None:
            return None
        dex = program.dexes[mdef.dex]
        for op in code.ops:
            direct = op.opcode in (INVOKE_DIRECT, INVOKE_DIRECT_RANGE) and op.index is not None
            if direct and op.index is not None and dex.method_signature(op.index) == init and slot < len(op.regs):
                known = _value_type(program, dex, code, op.regs[slot], caller, mdef.is_static, op.offset)
                if known is None or (found and known not in found):
                    return None
                found.add(known)
    return found.pop() if len(found) == 1 else None
