"""The Dalvik opcode table: each opcode's name, format, size in code units and the kind of table entry it names.

Both decoders (the cheap reference sweep in dex/file.py and the full one in dex/decoder.py) read these tables,
from the public format description (source.android.com/docs/core/runtime/instruction-formats).
"""

from __future__ import annotations

# Named opcodes: the ones the readers and analyses test for; groups are inclusive ranges of the table below.
NOP = 0x00  # also the first byte of a payload pseudo-instruction
MOVE, MOVE_OBJECT, MOVE_OBJECT_FROM16, MOVE_OBJECT_16 = 0x01, 0x07, 0x08, 0x09
MOVE_RESULT, MOVE_RESULT_OBJECT, MOVE_EXCEPTION = 0x0A, 0x0C, 0x0D
RETURN_VOID, RETURN, RETURN_OBJECT = 0x0E, 0x0F, 0x11
CONST_4, CONST_16, CONST, CONST_HIGH16, CONST_WIDE_HIGH16 = 0x12, 0x13, 0x14, 0x15, 0x19
CONST_STRING, CONST_STRING_JUMBO, CONST_CLASS = 0x1A, 0x1B, 0x1C
MONITOR_ENTER, MONITOR_EXIT, CHECK_CAST, INSTANCE_OF, ARRAY_LENGTH = 0x1D, 0x1E, 0x1F, 0x20, 0x21
NEW_INSTANCE, NEW_ARRAY, FILLED_NEW_ARRAY, FILLED_NEW_ARRAY_RANGE = 0x22, 0x23, 0x24, 0x25
FILL_ARRAY_DATA, THROW, GOTO, GOTO_16, GOTO_32 = 0x26, 0x27, 0x28, 0x29, 0x2A
PACKED_SWITCH, SPARSE_SWITCH = 0x2B, 0x2C
CMPL_FLOAT, CMP_LONG = 0x2D, 0x31
IF_EQ, IF_LE, IF_EQZ, IF_LEZ = 0x32, 0x37, 0x38, 0x3D
AGET, AGET_SHORT, APUT, APUT_SHORT = 0x44, 0x4A, 0x4B, 0x51
IGET, IGET_SHORT, IPUT, IPUT_OBJECT, IPUT_SHORT = 0x52, 0x58, 0x59, 0x5B, 0x5F
SGET, SGET_SHORT, SPUT, SPUT_OBJECT, SPUT_SHORT = 0x60, 0x66, 0x67, 0x69, 0x6D
INVOKE_VIRTUAL, INVOKE_STATIC, INVOKE_INTERFACE = 0x6E, 0x71, 0x72
INVOKE_VIRTUAL_RANGE, INVOKE_STATIC_RANGE, INVOKE_INTERFACE_RANGE = 0x74, 0x77, 0x78
NEG_INT, INT_TO_SHORT = 0x7B, 0x8F  # unary operations
ADD_INT, REM_DOUBLE = 0x90, 0xAF  # binary operations
ADD_INT_2ADDR, REM_DOUBLE_2ADDR = 0xB0, 0xCF
ADD_INT_LIT16, XOR_INT_LIT16, ADD_INT_LIT8, USHR_INT_LIT8 = 0xD0, 0xD7, 0xD8, 0xE2
INVOKE_POLYMORPHIC, INVOKE_POLYMORPHIC_RANGE = 0xFA, 0xFB
INVOKE_CUSTOM, INVOKE_CUSTOM_RANGE = 0xFC, 0xFD
CONST_METHOD_HANDLE, CONST_METHOD_TYPE = 0xFE, 0xFF

# Payload pseudo-instructions: opcode NOP with this ident in the high byte (reported as ident << 8).
PACKED_SWITCH_IDENT, SPARSE_SWITCH_IDENT, FILL_ARRAY_DATA_IDENT = 1, 2, 3
PACKED_SWITCH_PAYLOAD = PACKED_SWITCH_IDENT << 8
SPARSE_SWITCH_PAYLOAD = SPARSE_SWITCH_IDENT << 8
FILL_ARRAY_DATA_PAYLOAD = FILL_ARRAY_DATA_IDENT << 8

FORMAT_UNITS = {
    "10x": 1, "12x": 1, "11n": 1, "11x": 1, "10t": 1,
    "20t": 2, "22x": 2, "21t": 2, "21s": 2, "21h": 2, "21c": 2,
    "23x": 2, "22b": 2, "22t": 2, "22s": 2, "22c": 2,
    "30t": 3, "32x": 3, "31i": 3, "31t": 3, "31c": 3, "35c": 3, "3rc": 3,
    "45cc": 4, "4rcc": 4,
    "51l": 5,
}  # fmt: skip

# (first opcode, last opcode, format, reference kind)
_OPCODE_RANGES: tuple[tuple[int, int, str, str | None], ...] = (
    (NOP, NOP, "10x", None),  # (or a payload)
    (MOVE, MOVE, "12x", None),
    (0x02, 0x02, "22x", None),  # move/from16
    (0x03, 0x03, "32x", None),  # move/16
    (0x04, 0x04, "12x", None),  # move-wide
    (0x05, 0x05, "22x", None),
    (0x06, 0x06, "32x", None),
    (MOVE_OBJECT, MOVE_OBJECT, "12x", None),
    (MOVE_OBJECT_FROM16, MOVE_OBJECT_FROM16, "22x", None),
    (MOVE_OBJECT_16, MOVE_OBJECT_16, "32x", None),
    (MOVE_RESULT, MOVE_EXCEPTION, "11x", None),
    (RETURN_VOID, RETURN_VOID, "10x", None),
    (RETURN, RETURN_OBJECT, "11x", None),
    (CONST_4, CONST_4, "11n", None),
    (CONST_16, CONST_16, "21s", None),
    (CONST, CONST, "31i", None),
    (CONST_HIGH16, CONST_HIGH16, "21h", None),
    (0x16, 0x16, "21s", None),  # const-wide/16
    (0x17, 0x17, "31i", None),  # const-wide/32
    (0x18, 0x18, "51l", None),  # const-wide
    (CONST_WIDE_HIGH16, CONST_WIDE_HIGH16, "21h", None),
    (CONST_STRING, CONST_STRING, "21c", "string"),
    (CONST_STRING_JUMBO, CONST_STRING_JUMBO, "31c", "string"),
    (CONST_CLASS, CONST_CLASS, "21c", "type"),
    (MONITOR_ENTER, MONITOR_EXIT, "11x", None),
    (CHECK_CAST, CHECK_CAST, "21c", "type"),
    (INSTANCE_OF, INSTANCE_OF, "22c", "type"),
    (ARRAY_LENGTH, ARRAY_LENGTH, "12x", None),
    (NEW_INSTANCE, NEW_INSTANCE, "21c", "type"),
    (NEW_ARRAY, NEW_ARRAY, "22c", "type"),
    (FILLED_NEW_ARRAY, FILLED_NEW_ARRAY, "35c", "type"),
    (FILLED_NEW_ARRAY_RANGE, FILLED_NEW_ARRAY_RANGE, "3rc", "type"),
    (FILL_ARRAY_DATA, FILL_ARRAY_DATA, "31t", None),
    (THROW, THROW, "11x", None),
    (GOTO, GOTO, "10t", None),
    (GOTO_16, GOTO_16, "20t", None),
    (GOTO_32, GOTO_32, "30t", None),
    (PACKED_SWITCH, SPARSE_SWITCH, "31t", None),
    (CMPL_FLOAT, CMP_LONG, "23x", None),
    (IF_EQ, IF_LE, "22t", None),
    (IF_EQZ, IF_LEZ, "21t", None),
    (0x3E, 0x43, "10x", None),  # unused
    (AGET, APUT_SHORT, "23x", None),
    (IGET, IPUT_SHORT, "22c", "field"),
    (SGET, SPUT_SHORT, "21c", "field"),
    (INVOKE_VIRTUAL, INVOKE_INTERFACE, "35c", "method"),
    (0x73, 0x73, "10x", None),  # unused
    (INVOKE_VIRTUAL_RANGE, INVOKE_INTERFACE_RANGE, "3rc", "method"),
    (0x79, 0x7A, "10x", None),  # unused
    (NEG_INT, INT_TO_SHORT, "12x", None),
    (ADD_INT, REM_DOUBLE, "23x", None),
    (ADD_INT_2ADDR, REM_DOUBLE_2ADDR, "12x", None),
    (ADD_INT_LIT16, XOR_INT_LIT16, "22s", None),
    (ADD_INT_LIT8, USHR_INT_LIT8, "22b", None),
    (0xE3, 0xF9, "10x", None),  # unused
    (INVOKE_POLYMORPHIC, INVOKE_POLYMORPHIC, "45cc", "method"),
    (INVOKE_POLYMORPHIC_RANGE, INVOKE_POLYMORPHIC_RANGE, "4rcc", "method"),
    (INVOKE_CUSTOM, INVOKE_CUSTOM, "35c", "call_site"),
    (INVOKE_CUSTOM_RANGE, INVOKE_CUSTOM_RANGE, "3rc", "call_site"),
    (CONST_METHOD_HANDLE, CONST_METHOD_HANDLE, "21c", "method_handle"),
    (CONST_METHOD_TYPE, CONST_METHOD_TYPE, "21c", "proto"),
)


def _build_tables() -> tuple[tuple[int, ...], tuple[str | None, ...], tuple[str, ...]]:
    units = [0] * 256
    kinds: list[str | None] = [None] * 256
    formats = [""] * 256
    for first, last, fmt, kind in _OPCODE_RANGES:
        for op in range(first, last + 1):
            units[op] = FORMAT_UNITS[fmt]
            kinds[op] = kind
            formats[op] = fmt
    if 0 in units:  # pragma: no cover - guards the table above
        raise AssertionError("opcode table has holes")
    return tuple(units), tuple(kinds), tuple(formats)


OPCODE_UNITS, OPCODE_KINDS, OPCODE_FORMATS = _build_tables()
"""Per-opcode size in 16-bit code units, reference kind and instruction format."""

# Argument-register layouts: 0 = none, 1 = 35c/45cc (nibbles), 2 = 3rc/4rcc (range).
ARG_LAYOUT = tuple(1 if fmt in ("35c", "45cc") else 2 if fmt in ("3rc", "4rcc") else 0 for fmt in OPCODE_FORMATS)

# Opcode bytes per reference kind, for the byte-pattern pre-filter.
KIND_OPCODES: dict[str, bytes] = {
    kind: bytes(op for op in range(256) if OPCODE_KINDS[op] == kind)
    for kind in ("method", "field", "string", "type", "call_site", "method_handle", "proto")
}


def span(first: int, last: int) -> frozenset[int]:
    """The opcodes from ``first`` to ``last``, both included: a group of the table above by name."""
    return frozenset(range(first, last + 1))


FIELD_GETS = span(IGET, IGET_SHORT) | span(SGET, SGET_SHORT)  # iget*, sget*
FIELD_PUTS = span(IPUT, IPUT_SHORT) | span(SPUT, SPUT_SHORT)  # iput*, sput*
METHOD_INVOKES = span(INVOKE_VIRTUAL, INVOKE_INTERFACE) | span(INVOKE_VIRTUAL_RANGE, INVOKE_INTERFACE_RANGE)
RETURNS = span(RETURN, RETURN_OBJECT)
GOTOS = span(GOTO, GOTO_32)
