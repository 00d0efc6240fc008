"""Register constants at each block's start (constants.py): those every path there leaves, whatever the order in
which the interpreter visits the blocks."""

from __future__ import annotations

from apkaudit.analysis.flows.constants import KnownConstants
from apkaudit.dex.decoder import Method, decode
from apkaudit.dex.file import DexFile
from tests.dex.factory import dex_file

CONST_STRING_V0_LA = [0x001A, 0]  # const-string v0, "LA;" (string 0 of the factory's DEX)
IF_EQZ_V1 = 0x0138  # if-eqz v1, +offset
CONST16_V0_9 = [0x0013, 9]  # const/16 v0, #9
CONST16_V1_9 = [0x0113, 9]  # const/16 v1, #9
NOP, RETURN_VOID = 0x0000, 0x000E


def _known(units: list[int]) -> tuple[KnownConstants, list[tuple[int, int]]]:
    dex = DexFile(dex_file([units]))
    code = decode(dex, dex.methods_of(0)[0].code_off)
    return KnownConstants(code, dex), code.blocks


def test_a_constant_one_path_overwrites_is_not_known_where_the_paths_meet():
    # v0 = "LA;"; if (v1 == 0) goto end; v0 = 9; end: return
    known, blocks = _known([*CONST_STRING_V0_LA, IF_EQZ_V1, 4, *CONST16_V0_9, RETURN_VOID])
    assert len(blocks) == 3
    assert known.at_entry(0) == {}
    assert known.at_entry(1) == {0: "LA;"}  # the branch not taken: v0 still holds the key
    assert known.at_entry(2) == {}  # "LA;" on one path, 9 on the other


def test_a_constant_every_path_keeps_is_known_where_they_meet():
    # v0 = "LA;"; if (v1 == 0) goto end; nop; end: return
    known, _ = _known([*CONST_STRING_V0_LA, IF_EQZ_V1, 3, NOP, RETURN_VOID])
    assert known.at_entry(2) == {0: "LA;"}


def test_an_int_constant_is_known_too_and_a_dead_edge_does_not_count():
    # v0 = 9; if (v1 == 0) goto end; v0 = "LA;"; end: return  -- the fall-through edge 0 -> 1 cannot be taken
    dex = DexFile(dex_file([[*CONST16_V0_9, IF_EQZ_V1, 4, *CONST_STRING_V0_LA, RETURN_VOID]]))
    code = decode(dex, dex.methods_of(0)[0].code_off)
    assert KnownConstants(code, dex).at_entry(2) == {}
    assert KnownConstants(code, dex, dead={(0, 1)}).at_entry(2) == {0: 9}


def test_an_exception_handler_gets_only_the_constants_its_try_block_does_not_write():
    # B0: v0 = "LA;" | B1 (in a try block caught by B3): v1 = 9 | B2: return | B3 (the handler): return
    dex = DexFile(dex_file([[*CONST_STRING_V0_LA, *CONST16_V1_9, RETURN_VOID, RETURN_VOID]]))
    ops = decode(dex, dex.methods_of(0)[0].code_off).ops
    code = Method(ops, 2, 0, [(0, 1), (1, 2), (2, 3), (3, 4)], [[1], [2, 3], [], []], [[], [(3, None)], [], []])
    known = KnownConstants(code, dex)
    assert known.at_entry(2) == {0: "LA;", 1: 9}  # after the try block
    assert known.at_entry(3) == {0: "LA;"}  # the throw may come before v1 = 9
