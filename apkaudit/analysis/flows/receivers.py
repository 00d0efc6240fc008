"""The class a call's receiver is known to have, to pick the override a virtual or interface call runs.

Only a register the method writes once (and that is no parameter) is typed: the verifier makes that one write
reach every read, so what wrote it tells the type. A `new-instance C` gives exactly C; the result of an app
method whose every `return-object` returns a `new-instance` of one class C gives exactly C; the result of any
other invoke gives the type it is declared to return (the value is that class or a subclass of it).
"""

from __future__ import annotations

from typing import NamedTuple

from apkaudit.analysis.flows.ops import BINARY, BINARY_2ADDR, CALLS, STATIC_CALLS, UNARY, WRITES_A
from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.decoder import Method, decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import (
    INVOKE_INTERFACE,
    INVOKE_INTERFACE_RANGE,
    INVOKE_VIRTUAL,
    INVOKE_VIRTUAL_RANGE,
    MOVE_RESULT_OBJECT,
    NEW_INSTANCE,
    RETURN_OBJECT,
)

INVOKE_DIRECT, INVOKE_DIRECT_RANGE = 0x70, 0x76
# Writes that may be of a register pair: move-wide*, move-result-wide, const-wide*, aget/iget/sget-wide and
# (without telling them apart) all unary and binary arithmetic
_MAY_BE_WIDE = (
    frozenset({0x04, 0x05, 0x06, 0x0B, 0x16, 0x17, 0x18, 0x19, 0x45, 0x53, 0x61}) | UNARY | BINARY | BINARY_2ADDR
)
ABSTRACT = 0x0400  # ACC_ABSTRACT, which every interface has as well
DISPATCHED = frozenset({INVOKE_VIRTUAL, INVOKE_VIRTUAL_RANGE, INVOKE_INTERFACE, INVOKE_INTERFACE_RANGE})


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
    writes = [
        i for i, op in enumerate(code.ops) if op.regs and op.opcode in WRITES_A and _writes(op.opcode, op.regs[0], reg)
    ]
    return writes[0] if len(writes) == 1 else None


def receiver_type(program: Program, dex: DexFile, code: Method, reg: int) -> Known | None:
    """What `reg` holds wherever the method reads it, if its one write says."""
    at = single_write(code, reg)
    if at is None:
        return None
    op = code.ops[at]
    if op.opcode == NEW_INSTANCE and op.index is not None:
        return Known(dex.type_name(op.index), True)
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
    if mdef is None or not mdef.code_off:
        return None
    dex = program.dexes[mdef.dex]
    try:
        code = decode(dex, mdef.code_off)
    except DexError:
        return None
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
