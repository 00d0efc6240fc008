"""One method's bytecode with register operands, and its control-flow graph, for the data-flow analysis.

dex/file.py decodes only what the site search needs (opcode and table index). Following data needs
every register an instruction reads and writes and where control can go next, including the try/catch
handlers; this module decodes exactly that for one method at a time, from the public Dalvik
instruction-format table (source.android.com/docs/core/runtime/instruction-formats).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from apkaudit.dex.file import OPCODE_FORMATS, OPCODE_KINDS, DexError, DexFile

_U16 = struct.Struct("<H")
_I16 = struct.Struct("<h")
_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")


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


_BRANCH_END = {0x27} | set(range(0x0E, 0x12))  # throw, return*
_GOTO = {0x28, 0x29, 0x2A}


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
    ops: list[Op] = []
    pos = start
    payloads: dict[int, int] = {}  # switch op offset -> payload offset
    while pos < end:
        op = data[pos]
        unit = (pos - start) >> 1
        if op == 0 and data[pos + 1] in (1, 2, 3):
            size = _payload_size(data, pos, data[pos + 1])
            pos += 2 * size
            continue
        fmt = OPCODE_FORMATS[op]
        size = _UNITS[fmt]
        if pos + 2 * size > end:
            raise DexError(f"{dex.name}: code_item at 0x{code_off:x}: instruction runs past the end of its code")
        decoded = _operands(data, pos, fmt)
        regs, index, literal, branch = decoded
        if OPCODE_KINDS[op] is None:
            index = None
        targets: tuple[int, ...] = ()
        if branch is not None:
            if op in (0x2B, 0x2C):
                payloads[unit] = unit + branch
            elif op != 0x26:
                targets = (unit + branch,)
        ops.append(Op(unit, op, regs, index, targets, literal))
        pos += 2 * size
    # switch targets come from their payloads
    for i, o in enumerate(ops):
        if o.offset in payloads:
            table = _switch_targets(data, start, payloads[o.offset], end)
            ops[i] = Op(o.offset, o.opcode, o.regs, o.index, tuple(o.offset + t for t in table), o.literal)
    handlers = _tries(data, start + 2 * insns_size, tries_size, len(data)) if tries_size else []
    blocks, successors = _cfg(ops, handlers)
    return Method(ops, registers, ins, blocks, successors)


_UNITS = {
    "10x": 1, "12x": 1, "11n": 1, "11x": 1, "10t": 1, "20t": 2, "22x": 2, "21t": 2, "21s": 2, "21h": 2,
    "21c": 2, "23x": 2, "22b": 2, "22t": 2, "22s": 2, "22c": 2, "30t": 3, "32x": 3, "31i": 3, "31t": 3,
    "31c": 3, "35c": 3, "3rc": 3, "45cc": 4, "4rcc": 4, "51l": 5,
}  # fmt: skip


def _operands(data: bytes, pos: int, fmt: str) -> tuple[tuple[int, ...], int | None, int | None, int | None]:
    """(registers, index, literal, branch offset) of one instruction."""
    b1 = data[pos + 1]
    a4, b4 = b1 & 0xF, b1 >> 4
    if fmt == "10x":
        return (), None, None, None
    if fmt == "12x":
        return (a4, b4), None, None, None
    if fmt == "11n":
        return (a4,), None, (b4 ^ 8) - 8, None
    if fmt == "11x":
        return (b1,), None, None, None
    if fmt == "10t":
        return (), None, None, (b1 ^ 0x80) - 0x80
    if fmt == "20t":
        return (), None, None, _I16.unpack_from(data, pos + 2)[0]
    if fmt == "22x":
        return (b1, _U16.unpack_from(data, pos + 2)[0]), None, None, None
    if fmt == "21t":
        return (b1,), None, None, _I16.unpack_from(data, pos + 2)[0]
    if fmt in ("21s", "21h"):
        return (b1,), None, _I16.unpack_from(data, pos + 2)[0], None
    if fmt == "21c":
        return (b1,), _U16.unpack_from(data, pos + 2)[0], None, None
    if fmt == "23x":
        return (b1, data[pos + 2], data[pos + 3]), None, None, None
    if fmt == "22b":
        return (b1, data[pos + 2]), None, (data[pos + 3] ^ 0x80) - 0x80, None
    if fmt == "22t":
        return (a4, b4), None, None, _I16.unpack_from(data, pos + 2)[0]
    if fmt == "22s":
        return (a4, b4), None, _I16.unpack_from(data, pos + 2)[0], None
    if fmt == "22c":
        return (a4, b4), _U16.unpack_from(data, pos + 2)[0], None, None
    if fmt == "30t":
        return (), None, None, _I32.unpack_from(data, pos + 2)[0]
    if fmt == "32x":
        return (_U16.unpack_from(data, pos + 2)[0], _U16.unpack_from(data, pos + 4)[0]), None, None, None
    if fmt == "31i":
        return (b1,), None, _I32.unpack_from(data, pos + 2)[0], None
    if fmt == "31t":
        return (b1,), None, None, _I32.unpack_from(data, pos + 2)[0]
    if fmt == "31c":
        return (b1,), _U32.unpack_from(data, pos + 2)[0], None, None
    if fmt in ("35c", "45cc"):
        count = b4
        g = a4
        word = _U16.unpack_from(data, pos + 4)[0]
        regs = [word & 0xF, (word >> 4) & 0xF, (word >> 8) & 0xF, (word >> 12) & 0xF, g][:count]
        return tuple(regs), _U16.unpack_from(data, pos + 2)[0], None, None
    if fmt in ("3rc", "4rcc"):
        first = _U16.unpack_from(data, pos + 4)[0]
        return tuple(range(first, first + b1)), _U16.unpack_from(data, pos + 2)[0], None, None
    if fmt == "51l":
        return (b1,), None, struct.unpack_from("<q", data, pos + 2)[0], None
    raise DexError(f"unknown instruction format {fmt}")


def _payload_size(data: bytes, pos: int, ident: int) -> int:
    if ident == 1:  # packed-switch: ident, size, first_key(2 units), targets(2 units each)
        return 4 + 2 * _U16.unpack_from(data, pos + 2)[0]
    if ident == 2:  # sparse-switch: ident, size, keys and targets (2 units each)
        return 2 + 4 * _U16.unpack_from(data, pos + 2)[0]
    width = _U16.unpack_from(data, pos + 2)[0]
    count = _U32.unpack_from(data, pos + 4)[0]
    return 4 + (width * count + 1) // 2


def _switch_targets(data: bytes, start: int, payload_unit: int, end: int) -> list[int]:
    pos = start + 2 * payload_unit
    if pos + 4 > end:
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


def _tries(data: bytes, insns_end: int, tries_size: int, size: int) -> list[tuple[int, int, list[int]]]:
    """[(start unit, end unit, handler units)] of the try blocks."""
    pos = (insns_end + 3) & ~3
    handlers_base = pos + 8 * tries_size
    out = []
    for i in range(tries_size):
        if pos + 8 * i + 8 > size:
            break
        start_addr, count, handler_off = struct.unpack_from("<IHH", data, pos + 8 * i)
        out.append((start_addr, start_addr + count, _handler_targets(data, handlers_base + handler_off, size)))
    return out


def _handler_targets(data: bytes, pos: int, size: int) -> list[int]:
    from apkaudit.dex.file import uleb128

    try:
        raw, pos = _sleb(data, pos)
        targets = []
        for _ in range(min(abs(raw), 256)):
            _type, pos = uleb128(data, pos)
            addr, pos = uleb128(data, pos)
            targets.append(addr)
        if raw <= 0:
            addr, pos = uleb128(data, pos)
            targets.append(addr)
        return targets
    except (DexError, IndexError):
        return []


def _sleb(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    for _ in range(5):
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            if b & 0x40:
                result -= 1 << shift
            return result, pos
    raise DexError("sleb128 longer than 5 bytes")


def _cfg(ops: list[Op], tries: list[tuple[int, int, list[int]]]) -> tuple[list[tuple[int, int]], list[list[int]]]:
    if not ops:
        return [], []
    index_of = {o.offset: i for i, o in enumerate(ops)}
    leaders = {0}
    for i, o in enumerate(ops):
        if o.targets or o.opcode in _BRANCH_END or o.opcode in _GOTO:
            leaders.update(index_of[t] for t in o.targets if t in index_of)
            if i + 1 < len(ops):
                leaders.add(i + 1)
    for start, end, handlers in tries:
        leaders.update(index_of[h] for h in handlers if h in index_of)
        if start in index_of:
            leaders.add(index_of[start])
        if end in index_of:
            leaders.add(index_of[end])
    starts = sorted(leaders)
    blocks = [(s, starts[n + 1] if n + 1 < len(starts) else len(ops)) for n, s in enumerate(starts)]
    block_of = {s: n for n, (s, _) in enumerate(blocks)}
    successors: list[list[int]] = []
    for s, e in blocks:
        last = ops[e - 1]
        succ = [block_of[index_of[t]] for t in last.targets if t in index_of and index_of[t] in block_of]
        if last.opcode not in _BRANCH_END and last.opcode not in _GOTO and e < len(ops):
            succ.append(block_of[e])
        first, final = ops[s].offset, last.offset
        for t_start, t_end, handlers in tries:
            if first < t_end and final >= t_start:
                succ.extend(block_of[index_of[h]] for h in handlers if h in index_of and index_of[h] in block_of)
        successors.append(sorted(set(succ)))
    return blocks, successors
