"""Strings a method computes from its own constants, for the names reflection looks up (runtime_code.py).

Only the shapes that hide a constant name in plain sight: `new StringBuilder("dIeciveDteg").reverse()
.toString()` (also StringBuffer) and `"pregetDeviceIdpost".substring(3, 14)` with constant ints. A value is
followed within one basic block, from the constants the block sets, so every folded string is one the
method really computes when that block runs.
"""

from __future__ import annotations

from apkaudit.dex.decoder import decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import CONST, CONST_4, CONST_16, CONST_STRING, CONST_STRING_JUMBO, MOVE_RESULT_OBJECT

_BUILDERS = frozenset({"Ljava/lang/StringBuilder;", "Ljava/lang/StringBuffer;"})
_INVOKES = frozenset(range(0x6E, 0x73)) | frozenset(range(0x74, 0x79))  # invoke-* and their /range forms
FOLDING_CALLS = frozenset({"reverse", "substring"})  # a method calling one of these is worth decoding


def folded_strings(dex: DexFile, code_off: int) -> list[str]:
    """The strings the method at `code_off` computes by reversing or cutting its constants."""
    try:
        code = decode(dex, code_off)
    except DexError:
        return []
    found: list[str] = []
    for start, end in code.blocks:
        texts: dict[int, str] = {}
        ints: dict[int, int] = {}
        pending: str | None = None
        for op in code.ops[start:end]:
            o, r = op.opcode, op.regs
            if o in _INVOKES and op.index is not None:
                pending = _call(dex, op.index, r, texts, ints)
                continue
            if o == MOVE_RESULT_OBJECT and pending is not None:
                texts[r[0]] = pending
                found.append(pending)
            elif o in (CONST_STRING, CONST_STRING_JUMBO) and op.index is not None:
                texts[r[0]] = dex.string(op.index)
            elif o in (CONST_4, CONST_16, CONST) and op.literal is not None:
                ints[r[0]] = op.literal
            elif r:
                texts.pop(r[0], None)
                ints.pop(r[0], None)
            pending = None
    return found


def _call(dex: DexFile, index: int, regs: tuple[int, ...], texts: dict[int, str], ints: dict[int, int]) -> str | None:
    """What a call on known strings gives (None: not known); a builder's constructor records its text."""
    ref = dex.method_ref(index)
    receiver = texts.get(regs[0]) if regs else None
    if ref.class_name in _BUILDERS:
        if ref.name == "<init>" and ref.proto == "(Ljava/lang/String;)V" and len(regs) == 2 and regs[1] in texts:
            texts[regs[0]] = texts[regs[1]]
        elif ref.name == "reverse" and receiver is not None:
            texts[regs[0]] = receiver[::-1]
            return receiver[::-1]
        elif ref.name == "toString":
            return receiver
        elif regs:
            texts.pop(regs[0], None)  # append, insert...: no longer the constant
        return None
    if ref.class_name == "Ljava/lang/String;" and ref.name == "substring" and receiver is not None:
        bounds = [ints.get(x) for x in regs[1:]]
        if None in bounds or not bounds:
            return None
        begin, end = bounds[0], bounds[1] if len(bounds) > 1 else len(receiver)
        if begin is not None and end is not None and 0 <= begin <= end <= len(receiver):
            return receiver[begin:end]
    return None
