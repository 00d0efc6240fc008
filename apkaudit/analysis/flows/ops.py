"""Opcode groups the flow engine tests for, named from the opcode table in apkaudit/dex/opcodes.py."""

from __future__ import annotations

from apkaudit.dex.opcodes import (
    ADD_INT,
    ADD_INT_2ADDR,
    ADD_INT_LIT16,
    AGET,
    AGET_SHORT,
    APUT,
    APUT_SHORT,
    ARRAY_LENGTH,
    CHECK_CAST,
    CMP_LONG,
    CMPL_FLOAT,
    CONST_4,
    CONST_16,
    CONST_CLASS,
    CONST_HIGH16,
    CONST_METHOD_HANDLE,
    CONST_METHOD_TYPE,
    CONST_STRING,
    CONST_STRING_JUMBO,
    CONST_WIDE_HIGH16,
    FIELD_GETS,
    FILLED_NEW_ARRAY,
    FILLED_NEW_ARRAY_RANGE,
    IF_EQ,
    IF_EQZ,
    IF_LE,
    IF_LEZ,
    INSTANCE_OF,
    INT_TO_SHORT,
    INVOKE_CUSTOM,
    INVOKE_CUSTOM_RANGE,
    INVOKE_POLYMORPHIC,
    INVOKE_POLYMORPHIC_RANGE,
    INVOKE_STATIC,
    INVOKE_STATIC_RANGE,
    IPUT_OBJECT,
    METHOD_INVOKES,
    MOVE,
    MOVE_EXCEPTION,
    MOVE_OBJECT,
    MOVE_OBJECT_16,
    MOVE_RESULT,
    MOVE_RESULT_OBJECT,
    NEG_INT,
    NEW_ARRAY,
    NEW_INSTANCE,
    PACKED_SWITCH,
    REM_DOUBLE,
    REM_DOUBLE_2ADDR,
    RETURN,
    RETURN_OBJECT,
    SPARSE_SWITCH,
    SPUT_OBJECT,
    USHR_INT_LIT8,
    span,
)

MOVES = span(MOVE, MOVE_OBJECT_16)  # move, move-wide, move-object and their /from16, /16 forms
MOVE_RESULTS = span(MOVE_RESULT, MOVE_RESULT_OBJECT)
RETURNS = span(RETURN, RETURN_OBJECT)  # (not return-void)
NUMBER_CONSTS = span(CONST_4, CONST_WIDE_HIGH16)
INT_CONSTS = span(CONST_16, CONST_HIGH16)  # const/16, const, const/high16: maybe a resource id
STRING_CONSTS = frozenset({CONST_STRING, CONST_STRING_JUMBO})
# instructions that make a value with no data in it: constants, X.class, new objects and arrays, handles
# (array-length too: an array's size is no element of it)
FRESH_VALUES = NUMBER_CONSTS | {CONST_CLASS, NEW_INSTANCE, NEW_ARRAY, CONST_METHOD_HANDLE, CONST_METHOD_TYPE}
FRESH_VALUES |= {ARRAY_LENGTH}
COPIES = frozenset({INSTANCE_OF})  # the result is derived from one operand
FILLED_ARRAYS = frozenset({FILLED_NEW_ARRAY, FILLED_NEW_ARRAY_RANGE})
COMPARES = span(CMPL_FLOAT, CMP_LONG)
ARRAY_GETS = span(AGET, AGET_SHORT)
ARRAY_PUTS = span(APUT, APUT_SHORT)
OBJECT_MOVES = span(MOVE_OBJECT, MOVE_OBJECT_16)
OBJECT_PUTS = frozenset({IPUT_OBJECT, SPUT_OBJECT})
CALLS = METHOD_INVOKES | {INVOKE_POLYMORPHIC, INVOKE_POLYMORPHIC_RANGE}  # invokes of a method reference
STATIC_CALLS = frozenset({INVOKE_STATIC, INVOKE_STATIC_RANGE})
CUSTOM_CALLS = frozenset({INVOKE_CUSTOM, INVOKE_CUSTOM_RANGE})  # invoke-custom: a lambda captures its arguments
UNARY = span(NEG_INT, INT_TO_SHORT)
BINARY = span(ADD_INT, REM_DOUBLE)
BINARY_2ADDR = span(ADD_INT_2ADDR, REM_DOUBLE_2ADDR)
BINARY_LITERAL = span(ADD_INT_LIT16, USHR_INT_LIT8)
ARITHMETIC = UNARY | BINARY | BINARY_2ADDR | BINARY_LITERAL

# Instructions whose first register is the one written (vA), and those leaving a pending invoke result.
WRITES_A = (
    span(MOVE, MOVE_EXCEPTION) | span(CONST_4, CONST_CLASS)
    | span(CHECK_CAST, NEW_ARRAY) | COMPARES | ARRAY_GETS | FIELD_GETS | ARITHMETIC
)  # fmt: skip
# ...whose vA gets a new value: all but check-cast, which keeps the value and narrows its type (what the
# interpreter, the register constants and the endpoint scan forget about a register when it is written)
REPLACES_A = WRITES_A - {CHECK_CAST}
INVOKES = METHOD_INVOKES | FILLED_ARRAYS | span(INVOKE_POLYMORPHIC, INVOKE_CUSTOM_RANGE)

# Conditional branches whose operands reveal the value: if-* comparing two registers, if-ltz..if-lez, and
# switches. if-eqz/if-nez are left out: javac emits them for `x != null` and `if (flag)`.
CONDITIONS = span(IF_EQ, IF_LE) | span(IF_EQZ + 2, IF_LEZ) | {PACKED_SWITCH, SPARSE_SWITCH}
