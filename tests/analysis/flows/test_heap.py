"""Objects a method makes itself (analysis/flows/heap.py) and int constants folded from an app method's body
(branches.constant_return), on code built in memory with tests/dex/factory.py."""

from __future__ import annotations

from apkaudit.analysis.flows.branches import constant_return
from apkaudit.analysis.flows.heap import _looping_ops
from apkaudit.analysis.flows.labels import SourceValue
from apkaudit.analysis.program import Program
from apkaudit.dex.decoder import decode
from apkaudit.dex.file import DexFile
from tests.analysis.flows.one_method import METHOD, returned
from tests.dex.factory import dex_file

SOURCES = {METHOD: {("string", 1): "api"}}  # the constant stands for a source's value
DATA = {SourceValue((METHOD, "api"))}


def _ret(code_units: list[int]) -> set:
    return returned(code_units, SOURCES, registers=4)


def _row(read: list[int]) -> list[int]:
    """v1 = new Object[2]; v1[1] = <the source's value>; v1[0] stays null; then `read` (into v2); return v2."""
    return [
        0x2012,  # const/4 v0, 2
        0x0123, 0x0001,  # new-array v1, v0, Object[]
        0x021A, 0x0001,  # const-string v2, string@1 (the source)
        0x1312,  # const/4 v3, 1
        0x024D, 0x0301,  # aput-object v2, v1, v3
        *read,
        0x0211,  # return-object v2
    ]  # fmt: skip


def test_an_element_at_a_constant_index_is_the_one_stored_there():
    assert _ret(_row([0x1312, 0x0246, 0x0301])) == DATA  # v3 = 1; v2 = v1[v3]


def test_another_constant_index_does_not_see_it():
    assert _ret(_row([0x0312, 0x0246, 0x0301])) == set()  # v3 = 0; v2 = v1[v3]


def test_an_index_not_known_sees_every_element():
    # v3 = 0; v3 += 0 (computed: not a constant the heap folds); v2 = v1[v3]
    assert _ret(_row([0x0312, 0x03D8, 0x0003, 0x0246, 0x0301])) == DATA


def test_an_array_made_in_a_loop_is_no_site():
    # new-array v1, v0; goto back to it: one site would stand for many arrays, so there is none
    dex = DexFile(dex_file([[0x0123, 0x0001, 0xFE28, 0x000E]], registers=4))
    assert _looping_ops(decode(dex, dex.methods_of(0)[0].code_off)) == {0, 1}
    straight = DexFile(dex_file([_row([0x0312, 0x0246, 0x0301])], registers=4))
    assert _looping_ops(decode(straight, straight.methods_of(0)[0].code_off)) == set()


def _constant(body: list[int]) -> int | None:
    program = Program([DexFile(dex_file([body], registers=2))])
    return constant_return(program, [program.methods("LA;")[0].signature])


def test_an_int_computed_from_constants_without_a_branch_is_folded():
    # v0 = 1; v0 += 1; v0 *= 5; v0 %= 10; v0 += 4; return v0  (DroidBench ArrayAccess2's calculateIndex)
    body = [0x1012, 0x00D8, 0x0100, 0x00DA, 0x0500, 0x00DC, 0x0A00, 0x00D8, 0x0400, 0x000F]
    assert _constant(body) == 4


def test_division_truncates_toward_zero_and_by_zero_is_no_constant():
    assert _constant([0xF012, 0x00DB, 0x0200, 0x000F]) == 0  # v0 = -1; v0 /= 2 -> 0 (Java), not -1
    assert _constant([0x7012, 0x00DB, 0x0000, 0x000F]) is None  # v0 = 7; v0 /= 0 throws
