"""Branches that can never be taken: a sink behind an always-false condition is no leak.

Within one basic block, int registers get a range when their value is plain to see: a constant,
`Random.nextInt(n)` (0..n-1 for a constant n), an app method whose whole body returns one constant, and
those plus or minus a literal. When the block ends in an `if-*` or a switch on such registers whose outcome
the ranges decide, the edges it cannot take are dropped from the method's data flow. Anything else keeps
every edge: a range is only known from instructions in the same block, so a loop or a join never narrows it.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from apkaudit.analysis.flows.ops import CALLS, WRITES_A
from apkaudit.analysis.program import Program
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import (
    ADD_INT_LIT8,
    ADD_INT_LIT16,
    CONST,
    CONST_4,
    CONST_16,
    CONST_HIGH16,
    IF_EQ,
    IF_EQZ,
    IF_LE,
    IF_LEZ,
    MOVE,
    MOVE_RESULT,
    PACKED_SWITCH,
    RETURN,
    SPARSE_SWITCH,
    span,
)

Range = tuple[int, int]
_INT_CONSTS = frozenset({CONST_4, CONST_16, CONST, CONST_HIGH16})
_IF_TWO = span(IF_EQ, IF_LE)  # if-eq, if-ne, if-lt, if-ge, if-gt, if-le
_IF_ZERO = span(IF_EQZ, IF_LEZ)
DECISIONS = _IF_TWO | _IF_ZERO | {PACKED_SWITCH, SPARSE_SWITCH}  # what a block may end in to be decided here
_NEXT_INT = "Ljava/util/Random;->nextInt(I)I"
_I32 = struct.Struct("<i")


def infeasible(
    method: Method,
    dex: DexFile,
    code_off: int,
    constant_call: Callable[[str], int | None],
) -> set[tuple[int, int]]:
    """(block, successor) edges the method can never take. `constant_call(signature)`: the one int an invoke
    of that method returns, if it always returns the same constant."""
    dead: set[tuple[int, int]] = set()
    block_at = {method.ops[s].offset: n for n, (s, _) in enumerate(method.blocks)}
    for b, (start, end) in enumerate(method.blocks):
        last = method.ops[end - 1]
        if (
            last.opcode not in _IF_TWO
            and last.opcode not in _IF_ZERO
            and last.opcode not in (PACKED_SWITCH, SPARSE_SWITCH)
        ):
            continue
        ranges = _ranges(method.ops[start : end - 1], dex, constant_call)
        if not any(r in ranges for r in last.regs):
            continue
        fall = b + 1 if b + 1 < len(method.blocks) else None
        taken = _taken(last, ranges, dex, code_off)
        if taken is None:
            continue
        targets = {block_at[t] for t in last.targets if t in block_at}
        possible = {block_at[t] for t in taken if t in block_at}
        candidates = targets | ({fall} if fall is not None else set())
        if None in taken and fall is not None:
            possible.add(fall)
        dead |= {(b, s) for s in candidates - possible}
    return dead


def _ranges(ops: list[Op], dex: DexFile, constant_call: Callable[[str], int | None]) -> dict[int, Range]:
    ranges: dict[int, Range] = {}
    pending: Range | None = None
    for op in ops:
        o, r = op.opcode, op.regs
        value: Range | None = None
        if o in _INT_CONSTS and op.literal is not None:
            v = op.literal << 16 if o == CONST_HIGH16 else op.literal
            value = (v, v)
        elif o == MOVE and len(r) > 1:
            value = ranges.get(r[1])
        elif o in (ADD_INT_LIT8, ADD_INT_LIT16) and len(r) > 1 and r[1] in ranges and op.literal is not None:
            lo, hi = ranges[r[1]]
            value = (lo + op.literal, hi + op.literal)
        elif o == MOVE_RESULT and r:
            value, pending = pending, None
        elif o in CALLS and op.index is not None:
            sig = dex.method_signature(op.index)
            c = constant_call(sig)
            pending = (c, c) if c is not None else _next_int(sig, op, ranges)
            continue
        if r and (o in WRITES_A or o == MOVE_RESULT):
            if value is None:
                ranges.pop(r[0], None)
            else:
                ranges[r[0]] = value
    return ranges


def _next_int(sig: str, op: Op, ranges: dict[int, Range]) -> Range | None:
    """Random.nextInt(n) with a constant n > 0 is in 0..n-1."""
    if sig == _NEXT_INT and len(op.regs) == 2:
        bound = ranges.get(op.regs[1])
        if bound is not None and bound[0] == bound[1] and bound[0] > 0:
            return (0, bound[0] - 1)
    return None


def _taken(last: Op, ranges: dict[int, Range], dex: DexFile, code_off: int) -> set[int | None] | None:
    """The branch targets (None: fall through) the block's last op can take, or None when any can."""
    o = last.opcode
    if o in _IF_TWO or o in _IF_ZERO:
        a = ranges.get(last.regs[0])
        b = ranges.get(last.regs[1]) if o in _IF_TWO else (0, 0)
        if a is None or b is None:
            return None
        kind = (o - IF_EQ) if o in _IF_TWO else (o - IF_EQZ)
        verdict = _compare(kind, a, b)
        if verdict is None:
            return None
        return {last.targets[0]} if verdict else {None}
    value = ranges.get(last.regs[0])
    keys = _switch_keys(last, dex, code_off)
    if value is None or keys is None or len(keys) != len(last.targets):
        return None
    lo, hi = value
    out: set[int | None] = {t for k, t in zip(keys, last.targets, strict=True) if lo <= k <= hi}
    if hi - lo + 1 > len({k for k in keys if lo <= k <= hi}):
        out.add(None)  # some value matches no case
    return out


def _compare(kind: int, a: Range, b: Range) -> bool | None:
    """eq, ne, lt, ge, gt, le of two ranges: always true, always false, or None (either)."""
    (alo, ahi), (blo, bhi) = a, b
    lt = True if ahi < blo else False if alo >= bhi else None
    gt = True if alo > bhi else False if ahi <= blo else None
    eq = True if alo == ahi == blo == bhi else False if ahi < blo or alo > bhi else None
    verdicts = [eq, _not(eq), lt, _not(lt), gt, _not(gt)]
    return verdicts[kind]


def _not(v: bool | None) -> bool | None:
    return None if v is None else not v


def _switch_keys(op: Op, dex: DexFile, code_off: int) -> list[int] | None:
    """The case keys of a packed- or sparse-switch, from its payload."""
    data = dex.data
    insns = code_off + 16
    pos = insns + 2 * op.offset
    if pos + 6 > len(data):
        return None
    payload = insns + 2 * (op.offset + _I32.unpack_from(data, pos + 2)[0])
    if payload < insns or payload + 8 > len(data):
        return None
    size = struct.unpack_from("<H", data, payload + 2)[0]
    if op.opcode == PACKED_SWITCH:
        first = _I32.unpack_from(data, payload + 4)[0]
        return [first + i for i in range(size)]
    if payload + 4 + 4 * size > len(data):
        return None
    return [_I32.unpack_from(data, payload + 4 + 4 * i)[0] for i in range(size)]


def constant_return(program: Program, implementations: list[str]) -> int | None:
    """The int constant an app method returns when its whole body computes it from constants without a branch
    (`const`, int arithmetic, `return`) and no override can run instead (`implementations`: the app methods
    the invoke may reach)."""
    if len(implementations) != 1:
        return None
    code = program.code(program.method(implementations[0]))
    if code is None:
        return None
    ops = code.ops
    if len(ops) > _MAX_FOLDED:
        return None
    values: dict[int, int] = {}
    for op in ops:
        if op.opcode == RETURN:
            return values.get(op.regs[0])
        if not _fold(op, values):
            return None
    return None


_MAX_FOLDED = 16  # instructions of a body folded to a constant
_LIT_OPS = ("add", "rsub", "mul", "div", "rem", "and", "or", "xor", "shl", "shr", "ushr")
_BIN_OPS = ("add", "sub", "mul", "div", "rem", "and", "or", "xor", "shl", "shr", "ushr")


def _fold(op: Op, values: dict[int, int]) -> bool:
    """Apply one int instruction to the known register values; False when it is not a constant computation."""
    o, r = op.opcode, op.regs
    if o in _INT_CONSTS and op.literal is not None:
        values[r[0]] = _int32(op.literal << 16 if o == CONST_HIGH16 else op.literal)
        return True
    if o == MOVE and r[1] in values:
        values[r[0]] = values[r[1]]
        return True
    if 0xD0 <= o <= 0xE2 and op.literal is not None and r[1] in values:  # binop/lit16 (8 ops), binop/lit8 (11)
        name = _LIT_OPS[o - 0xD0] if o <= 0xD7 else _LIT_OPS[o - 0xD8]
        got = _arith(name, values[r[1]], op.literal)
    elif 0x90 <= o <= 0x9A and r[1] in values and r[2] in values:  # add-int .. ushr-int
        got = _arith(_BIN_OPS[o - 0x90], values[r[1]], values[r[2]])
    elif 0xB0 <= o <= 0xBA and r[0] in values and r[1] in values:  # add-int/2addr .. ushr-int/2addr
        got = _arith(_BIN_OPS[o - 0xB0], values[r[0]], values[r[1]])
    else:
        return False
    if got is None:
        return False
    values[r[0]] = got
    return True


def _arith(name: str, a: int, b: int) -> int | None:
    """Java int arithmetic (32-bit, division truncating toward zero); None for a division by zero."""
    if name in ("div", "rem"):
        if b == 0:
            return None
        q = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)
        return _int32(q if name == "div" else a - q * b)
    shift = b & 31
    table = {
        "add": a + b, "sub": a - b, "rsub": b - a, "mul": a * b, "and": a & b, "or": a | b, "xor": a ^ b,
        "shl": a << shift, "shr": a >> shift, "ushr": (a & 0xFFFFFFFF) >> shift,
    }  # fmt: skip
    return _int32(table[name])


def _int32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v
