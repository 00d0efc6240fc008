"""The instruction decoder (apkaudit/dex/decoder.py) on code built in memory: operands, switches, payload bounds."""

from __future__ import annotations

import pytest

from apkaudit.dex.decoder import Method, decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import (
    CONST_4,
    CONST_STRING,
    FILL_ARRAY_DATA_PAYLOAD,
    PACKED_SWITCH,
    PACKED_SWITCH_PAYLOAD,
    RETURN_VOID,
    SPARSE_SWITCH_PAYLOAD,
)
from tests.dex.factory import dex_file


def _method(*methods: list[int]) -> tuple[DexFile, list[int]]:
    dex = DexFile(dex_file(list(methods)))
    return dex, [m.code_off for m in dex.methods_of(0)]


def test_operands_and_literals():
    dex, (code,) = _method([0x2012, 0x001A, 0x0001, 0x000E])  # const/4 v0, #2; const-string v0, 1; return-void
    ops = decode(dex, code).ops
    assert [(o.opcode, o.regs, o.index, o.literal) for o in ops] == [
        (CONST_4, (0,), None, 2),
        (CONST_STRING, (0,), 1, None),
        (RETURN_VOID, (), None, None),
    ]
    assert [(i.opcode, i.kind, i.index) for i in dex.instructions(code)] == [
        (CONST_4, None, None),
        (CONST_STRING, "string", 1),
        (RETURN_VOID, None, None),
    ]


def test_packed_switch_targets_come_from_its_payload():
    # packed-switch v0, +4; return-void; return-void; nop-padding; payload(size 2, first key 0, targets +3, +4)
    insns = [0x002B, 0x0004, 0x0000, 0x000E, 0x0100, 0x0002, 0x0000, 0x0000, 0x0003, 0x0000, 0x0004, 0x0000]
    dex, (code,) = _method(insns)
    switch = decode(dex, code).ops[0]
    assert switch.opcode == PACKED_SWITCH and switch.targets == (3, 4)
    assert PACKED_SWITCH_PAYLOAD in [i.opcode for i in dex.instructions(code)]


@pytest.mark.parametrize(
    "payload",
    [[0x0100], [0x0200], [0x0300], [0x0300, 0x0001, 0x0000], [0x0100, 0x0005], [0x0300, 0x0001, 0x0004, 0x0000]],
    ids=["packed-ident", "sparse-ident", "fill-ident", "fill-header-cut", "packed-targets-cut", "fill-data-cut"],
)
def test_payload_past_the_end_is_a_dex_error(payload):
    # found on the way: a payload header at the very end of the file made the full decoder raise struct.error,
    # which escaped the flow analysis (it catches DexError only)
    dex, (code,) = _method([0x000E, *payload])
    assert len(dex.data) == code + 16 + 2 * (1 + len(payload))  # the payload ends the file
    with pytest.raises(DexError, match="payload at 0x[0-9a-f]+ runs past the end of the code"):
        decode(dex, code)
    with pytest.raises(DexError, match="payload at 0x[0-9a-f]+ runs past the end of the code"):
        list(dex.instructions(code))


def test_payload_kinds_are_reported_by_the_sweep():
    sparse = [0x0200, 0x0000]  # a sparse-switch payload with no entries
    fill = [0x0300, 0x0001, 0x0002, 0x0000, 0x0000]  # two one-byte elements
    dex, (code,) = _method([0x000E, 0x0000, *sparse, *fill])
    kinds = [i.opcode for i in dex.instructions(code)]
    assert kinds[-2:] == [SPARSE_SWITCH_PAYLOAD, FILL_ARRAY_DATA_PAYLOAD]
    assert [o.opcode for o in decode(dex, code).ops] == [RETURN_VOID, 0]


def test_instruction_cut_short_is_a_dex_error():
    dex, (code,) = _method([0x001A])  # const-string needs two units
    with pytest.raises(DexError, match="runs past the end of its code"):
        decode(dex, code)


def test_block_order_is_reverse_postorder_with_unreachable_blocks_last():
    # 0 -> 2, 2 -> 1 and 2 -> 2 (a loop), 3 unreachable: code order would put 1 before 2
    code = Method([], 1, 0, [(0, 0)] * 4, [[2], [], [1, 2], []])
    order = code.order
    assert order[0] < order[2] < order[1]  # a block before its successors, but for the loop's back edge
    assert order[3] > max(order[0], order[1], order[2])  # never reached: after every reached block
    assert len(set(order)) == 4
