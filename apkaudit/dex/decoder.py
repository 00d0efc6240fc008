"""Dalvik instructions, decoded in one place: the cheap sweep for table references and the full decode for flows.

The site search needs only each instruction's opcode and table index (`sweep`, `make_insn`, used by
dex/file.py). Following data needs every register an instruction reads and writes and where control can go
next, including the try/catch handlers (`decode`, one method at a time). Both read the opcode table in
dex/opcodes.py and size payload pseudo-instructions with `payload_units`, which checks they fit.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from apkaudit.dex.encoding import DexError, sleb128, uleb128
from apkaudit.dex.items import Insn
from apkaudit.dex.opcodes import (
    ARG_LAYOUT,
    CONST_STRING_JUMBO,
    FILL_ARRAY_DATA,
    FILL_ARRAY_DATA_IDENT,
    FORMAT_UNITS,
    GOTOS,
    INVOKE_POLYMORPHIC,
    INVOKE_POLYMORPHIC_RANGE,
    OPCODE_FORMATS,
    OPCODE_KINDS,
    OPCODE_UNITS,
    PACKED_SWITCH,
    PACKED_SWITCH_IDENT,
    RETURN_OBJECT,
    RETURN_VOID,
    SPARSE_SWITCH,
    SPARSE_SWITCH_IDENT,
    THROW,
    span,
)

if TYPE_CHECKING:
    from apkaudit.dex.file import DexFile

_U16 = struct.Struct("<H")
_I16 = struct.Struct("<h")
_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")

# Raw tuple form of an instruction, for the sweep's speed:
# (offset in code units, opcode, kind, index, byte position in the file, size in code units)
RawInsn = tuple[int, int, str | None, int | None, int, int]


def payload_units(data: bytes, pos: int, end: int, name: str) -> int:
    """Size in code units of the payload pseudo-instruction at ``pos``; DexError unless it ends by ``end``."""
    ident = data[pos + 1]
    header = 8 if ident == FILL_ARRAY_DATA_IDENT else 4
    if pos + header > end:
        raise DexError(f"{name}: payload at 0x{pos:x} runs past the end of the code")
    width_or_size: int = _U16.unpack_from(data, pos + 2)[0]
    if ident == PACKED_SWITCH_IDENT:  # size, first_key, targets[size]
        units = 4 + 2 * width_or_size
    elif ident == SPARSE_SWITCH_IDENT:  # size, keys[size], targets[size]
        units = 2 + 4 * width_or_size
    else:  # fill-array-data-payload: element_width, size (u4), data
        count: int = _U32.unpack_from(data, pos + 4)[0]
        units = 4 + (width_or_size * count + 1) // 2
    if pos + 2 * units > end:
        raise DexError(f"{name}: payload at 0x{pos:x} runs past the end of the code")
    return units


def sweep(data: bytes, start: int, end: int, code_off: int, name: str) -> Iterator[RawInsn]:
    """Linear sweep of the instructions in ``data[start:end]``, yielding raw tuples (payloads as ident << 8)."""
    units_of = OPCODE_UNITS
    kinds = OPCODE_KINDS
    u16 = _U16.unpack_from
    u32 = _U32.unpack_from
    pos = start
    while pos < end:
        op = data[pos]
        kind = kinds[op]
        if op == 0:
            high = data[pos + 1]
            if 1 <= high <= 3:
                units = payload_units(data, pos, end, name)
                yield ((pos - start) >> 1, high << 8, None, None, pos, units)
                pos += 2 * units
                continue
            units = 1
        else:
            units = units_of[op]
        nxt = pos + 2 * units
        if nxt > end:
            raise DexError(
                f"{name}: code_item at 0x{code_off:x}: instruction 0x{op:02x} at unit "
                f"{(pos - start) >> 1} runs past the end of the code"
            )
        if kind is None:
            yield ((pos - start) >> 1, op, None, None, pos, units)
        elif op == CONST_STRING_JUMBO:
            yield ((pos - start) >> 1, op, kind, u32(data, pos + 2)[0], pos, units)
        else:
            yield ((pos - start) >> 1, op, kind, u16(data, pos + 2)[0], pos, units)
        pos = nxt


def make_insn(data: bytes, raw: RawInsn) -> Insn:
    """The instruction a raw tuple of `sweep` stands for, with its argument registers."""
    off, op, kind, index, pos, units = raw
    if op > 0xFF:
        return Insn(off, op, None, None, size=units)
    layout = ARG_LAYOUT[op]
    if layout == 0:
        return Insn(off, op, kind, index, size=units)
    count = data[pos + 1]
    proto = _U16.unpack_from(data, pos + 6)[0] if op in (INVOKE_POLYMORPHIC, INVOKE_POLYMORPHIC_RANGE) else None
    if layout == 1:
        nibbles = _U16.unpack_from(data, pos + 4)[0]
        regs = (
            nibbles & 0xF,
            (nibbles >> 4) & 0xF,
            (nibbles >> 8) & 0xF,
            nibbles >> 12,
            count & 0xF,
        )
        return Insn(off, op, kind, index, regs[: min(count >> 4, 5)], proto, units)
    first = _U16.unpack_from(data, pos + 4)[0]
    return Insn(off, op, kind, index, tuple(range(first, first + count)), proto, units)


@dataclass(frozen=True, slots=True)
class Op:
    """A decoded instruction: where it is, what it is, its registers, its table index or literal."""

    offset: int  # in 16-bit code units from the start of insns
    opcode: int
    regs: tuple[int, ...]  # operand registers in format order (invoke: the argument registers)
    index: int | None  # table index (method, field, string, type, call site) when the opcode has one
    targets: tuple[int, ...] = ()  # branch targets (code-unit offsets)
    literal: int | None = None


@dataclass
class Method:
    """A method's code: instructions, basic blocks, and the exception handlers covering each offset."""

    ops: list[Op]
    registers: int
    ins: int
    blocks: list[tuple[int, int]]  # [start index, end index) into ops
    successors: list[list[int]]  # block -> successor blocks (including exception handlers)
    # block -> [(handler block, caught type index or None for a catch-all)] of the try blocks covering it
    catches: list[list[tuple[int, int | None]]] = field(default_factory=list)

    @functools.cached_property
    def offsets(self) -> list[int]:
        """The code-unit offset of each op, ascending (for a bisect from an offset to its op)."""
        return [op.offset for op in self.ops]

    @functools.cached_property
    def block_starts(self) -> list[int]:
        """The first op index of each block, ascending."""
        return [start for start, _ in self.blocks]

    @functools.cached_property
    def order(self) -> list[int]:
        """Each block's rank in reverse postorder from the entry block (a block before its successors, but
        for loops' back edges); blocks the entry does not reach come last, in code order. A forward analysis
        that takes blocks by this rank sees most of a block's predecessors before the block itself."""
        n = len(self.blocks)
        if not n:
            return []
        successors = self.successors
        seen = [False] * n
        seen[0] = True
        post: list[int] = []
        stack = [(0, iter(successors[0]))]
        while stack:  # depth first, without recursion (methods have thousands of blocks)
            b, rest = stack[-1]
            for s in rest:
                if not seen[s]:
                    seen[s] = True
                    stack.append((s, iter(successors[s])))
                    break
            else:
                stack.pop()
                post.append(b)
        rank = [n + b for b in range(n)]
        for i, b in enumerate(reversed(post)):
            rank[b] = i
        return rank


_BRANCH_END = {THROW} | span(RETURN_VOID, RETURN_OBJECT)
_GOTO = GOTOS


def decode(dex: DexFile, code_off: int) -> Method:
    """Decode one code item fully. Raises DexError on anything malformed."""
    data = dex.data
    if code_off + 16 > len(data):
        raise DexError(f"{dex.name}: code_item at 0x{code_off:x} outside the file")
    registers, ins, _outs, tries_size = struct.unpack_from("<HHHH", data, code_off)
    (insns_size,) = _U32.unpack_from(data, code_off + 12)
    start = code_off + 16
    end = start + 2 * insns_size
    if end > len(data):
        raise DexError(f"{dex.name}: code_item at 0x{code_off:x}: instructions run past the end of the file")
    ops = _ops(dex, code_off, start, end)
    handlers = _tries(data, start + 2 * insns_size, tries_size, len(data)) if tries_size else []
    blocks, successors, catches = _cfg(ops, handlers)
    return Method(ops, registers, ins, blocks, successors, catches)


def _ops(dex: DexFile, code_off: int, start: int, end: int) -> list[Op]:
    """Every instruction of the code in ``[start, end)``, switches with their targets (payloads skipped)."""
    data = dex.data
    ops: list[Op] = []
    pos = start
    payloads: dict[int, int] = {}  # switch op offset -> payload offset
    while pos < end:
        op = data[pos]
        unit = (pos - start) >> 1
        if op == 0 and data[pos + 1] in (1, 2, 3):
            pos += 2 * payload_units(data, pos, end, dex.name)
            continue
        fmt = OPCODE_FORMATS[op]
        size = FORMAT_UNITS[fmt]
        if pos + 2 * size > end:
            raise DexError(f"{dex.name}: code_item at 0x{code_off:x}: instruction runs past the end of its code")
        regs, index, literal, branch = _operands(data, pos, fmt)
        if OPCODE_KINDS[op] is None:
            index = None
        targets: tuple[int, ...] = ()
        if branch is not None:
            if op in (PACKED_SWITCH, SPARSE_SWITCH):
                payloads[unit] = unit + branch
            elif op != FILL_ARRAY_DATA:
                targets = (unit + branch,)
        ops.append(Op(unit, op, regs, index, targets, literal))
        pos += 2 * size
    # switch targets come from their payloads
    for i, o in enumerate(ops):
        if o.offset in payloads:
            table = _switch_targets(data, start, payloads[o.offset], end)
            ops[i] = Op(o.offset, o.opcode, o.regs, o.index, tuple(o.offset + t for t in table), o.literal)
    return ops


Operands = tuple[tuple[int, ...], int | None, int | None, int | None]
_Decode = Callable[[bytes, int, int, int, int], Operands]  # (data, pos, byte 1, its low nibble, its high nibble)


def _u16(data: bytes, at: int) -> int:
    return int(_U16.unpack_from(data, at)[0])


def _i16(data: bytes, at: int) -> int:
    return int(_I16.unpack_from(data, at)[0])


def _i32(data: bytes, at: int) -> int:
    return int(_I32.unpack_from(data, at)[0])


def _invoke_regs(data: bytes, pos: int, b1: int, a4: int, b4: int) -> Operands:
    word = _u16(data, pos + 4)
    regs = [word & 0xF, (word >> 4) & 0xF, (word >> 8) & 0xF, (word >> 12) & 0xF, a4][:b4]
    return tuple(regs), _u16(data, pos + 2), None, None


def _invoke_range(data: bytes, pos: int, b1: int, a4: int, b4: int) -> Operands:
    first = _u16(data, pos + 4)
    return tuple(range(first, first + b1)), _u16(data, pos + 2), None, None


# One decoder per instruction format of the Dalvik spec ("Instruction formats"): a table, not a chain of tests.
_OPERANDS: dict[str, _Decode] = {
    "10x": lambda d, p, b1, a4, b4: ((), None, None, None),
    "12x": lambda d, p, b1, a4, b4: ((a4, b4), None, None, None),
    "11n": lambda d, p, b1, a4, b4: ((a4,), None, (b4 ^ 8) - 8, None),
    "11x": lambda d, p, b1, a4, b4: ((b1,), None, None, None),
    "10t": lambda d, p, b1, a4, b4: ((), None, None, (b1 ^ 0x80) - 0x80),
    "20t": lambda d, p, b1, a4, b4: ((), None, None, _i16(d, p + 2)),
    "22x": lambda d, p, b1, a4, b4: ((b1, _u16(d, p + 2)), None, None, None),
    "21t": lambda d, p, b1, a4, b4: ((b1,), None, None, _i16(d, p + 2)),
    "21s": lambda d, p, b1, a4, b4: ((b1,), None, _i16(d, p + 2), None),
    "21h": lambda d, p, b1, a4, b4: ((b1,), None, _i16(d, p + 2), None),
    "21c": lambda d, p, b1, a4, b4: ((b1,), _u16(d, p + 2), None, None),
    "23x": lambda d, p, b1, a4, b4: ((b1, d[p + 2], d[p + 3]), None, None, None),
    "22b": lambda d, p, b1, a4, b4: ((b1, d[p + 2]), None, (d[p + 3] ^ 0x80) - 0x80, None),
    "22t": lambda d, p, b1, a4, b4: ((a4, b4), None, None, _i16(d, p + 2)),
    "22s": lambda d, p, b1, a4, b4: ((a4, b4), None, _i16(d, p + 2), None),
    "22c": lambda d, p, b1, a4, b4: ((a4, b4), _u16(d, p + 2), None, None),
    "30t": lambda d, p, b1, a4, b4: ((), None, None, _i32(d, p + 2)),
    "32x": lambda d, p, b1, a4, b4: ((_u16(d, p + 2), _u16(d, p + 4)), None, None, None),
    "31i": lambda d, p, b1, a4, b4: ((b1,), None, _i32(d, p + 2), None),
    "31t": lambda d, p, b1, a4, b4: ((b1,), None, None, _i32(d, p + 2)),
    "31c": lambda d, p, b1, a4, b4: ((b1,), int(_U32.unpack_from(d, p + 2)[0]), None, None),
    "35c": _invoke_regs,
    "45cc": _invoke_regs,
    "3rc": _invoke_range,
    "4rcc": _invoke_range,
    "51l": lambda d, p, b1, a4, b4: ((b1,), None, int(struct.unpack_from("<q", d, p + 2)[0]), None),
}


def _operands(data: bytes, pos: int, fmt: str) -> Operands:
    """(registers, index, literal, branch offset) of one instruction."""
    decode = _OPERANDS.get(fmt)
    if decode is None:
        raise DexError(f"unknown instruction format {fmt}")
    b1 = data[pos + 1]
    return decode(data, pos, b1, b1 & 0xF, b1 >> 4)


def _switch_targets(data: bytes, start: int, payload_unit: int, end: int) -> list[int]:
    pos = start + 2 * payload_unit
    if pos < start or pos + 4 > end:  # a switch whose payload offset points before its code (a mutated DEX)
        return []
    ident, size = data[pos + 1], _U16.unpack_from(data, pos + 2)[0]
    if ident == 1:
        base = pos + 8
    elif ident == 2:
        base = pos + 4 + 4 * size
    else:
        return []
    if base + 4 * size > end:
        return []
    return [_I32.unpack_from(data, base + 4 * i)[0] for i in range(size)]


Handlers = list[tuple[int | None, int]]  # (caught type index, None for a catch-all; handler unit)


def _tries(data: bytes, insns_end: int, tries_size: int, size: int) -> list[tuple[int, int, Handlers]]:
    """[(start unit, end unit, handlers)] of the try blocks."""
    pos = (insns_end + 3) & ~3
    handlers_base = pos + 8 * tries_size
    out = []
    for i in range(tries_size):
        if pos + 8 * i + 8 > size:
            break
        start_addr, count, handler_off = struct.unpack_from("<IHH", data, pos + 8 * i)
        out.append((start_addr, start_addr + count, _handler_targets(data, handlers_base + handler_off, size)))
    return out


def _handler_targets(data: bytes, pos: int, size: int) -> Handlers:
    try:
        raw, pos = sleb128(data, pos)
        targets: Handlers = []
        for _ in range(min(abs(raw), 256)):
            caught, pos = uleb128(data, pos)
            addr, pos = uleb128(data, pos)
            targets.append((caught, addr))
        if raw <= 0:
            addr, pos = uleb128(data, pos)
            targets.append((None, addr))
        return targets
    except (DexError, IndexError):
        return []


def _cfg(
    ops: list[Op], tries: list[tuple[int, int, Handlers]]
) -> tuple[list[tuple[int, int]], list[list[int]], list[list[tuple[int, int | None]]]]:
    if not ops:
        return [], [], []
    index_of = {o.offset: i for i, o in enumerate(ops)}
    leaders = {0}
    for i, o in enumerate(ops):
        if o.targets or o.opcode in _BRANCH_END or o.opcode in _GOTO:
            leaders.update(index_of[t] for t in o.targets if t in index_of)
            if i + 1 < len(ops):
                leaders.add(i + 1)
    for start, end, handlers in tries:
        leaders.update(index_of[h] for _, h in handlers if h in index_of)
        if start in index_of:
            leaders.add(index_of[start])
        if end in index_of:
            leaders.add(index_of[end])
    starts = sorted(leaders)
    blocks = [(s, starts[n + 1] if n + 1 < len(starts) else len(ops)) for n, s in enumerate(starts)]
    block_of = {s: n for n, (s, _) in enumerate(blocks)}
    successors: list[list[int]] = []
    catches: list[list[tuple[int, int | None]]] = []
    for s, e in blocks:
        last = ops[e - 1]
        succ = [block_of[index_of[t]] for t in last.targets if t in index_of and index_of[t] in block_of]
        if last.opcode not in _BRANCH_END and last.opcode not in _GOTO and e < len(ops):
            succ.append(block_of[e])
        first, final = ops[s].offset, last.offset
        caught = [
            (block_of[index_of[h]], t)
            for t_start, t_end, handlers in tries
            if first < t_end and final >= t_start
            for t, h in handlers
            if h in index_of and index_of[h] in block_of
        ]
        succ.extend(b for b, _ in caught)
        successors.append(sorted(set(succ)))
        catches.append(caught)
    return blocks, successors, catches
