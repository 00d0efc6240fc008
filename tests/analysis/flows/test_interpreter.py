"""The per-method data flow and implicit flows (analysis/flows/interpreter.py, implicit.py) on code built in
memory with tests/dex/factory.py."""

from __future__ import annotations

from apkaudit.analysis.flows.implicit import ImplicitFlows, control_regions
from apkaudit.analysis.flows.labels import SourceValue
from apkaudit.dex.decoder import decode
from apkaudit.dex.file import DexFile
from tests.analysis.flows.one_method import METHOD, returned
from tests.dex.factory import dex_file

CONST_STRING_V0 = [0x001A, 0x0001]  # const-string v0, string@1
SOURCES = {METHOD: {("string", 1): "api"}}  # the constant stands for a source's value


def _summary(code_units: list[int], sources: dict) -> set:
    return returned(code_units, sources)


def test_a_source_value_returned_is_in_the_summary():
    assert _summary([*CONST_STRING_V0, 0x0011], SOURCES) == {SourceValue((METHOD, "api"))}  # return-object v0


def test_a_constant_that_is_no_source_carries_nothing():
    assert _summary([*CONST_STRING_V0, 0x0011], {METHOD: {("string", 2): "api"}}) == set()


def test_a_move_keeps_the_label_and_an_overwrite_drops_it():
    assert _summary([*CONST_STRING_V0, 0x0107, 0x0111], SOURCES) == {SourceValue((METHOD, "api"))}  # move-object v1, v0
    assert _summary([*CONST_STRING_V0, 0x0012, 0x0011], SOURCES) == set()  # const/4 v0, #0


# v1 = 0; if (v0 < v1) skip; v1 = 1; return v1: v1 depends on the data v0 holds
BRANCH_ON_DATA = [*CONST_STRING_V0, 0x0112, 0x1034, 0x0003, 0x1112, 0x010F]
# the same with if-eqz v0: a null check reveals nothing of the value
NULL_CHECK = [*CONST_STRING_V0, 0x0112, 0x0038, 0x0003, 0x1112, 0x010F]


def test_a_number_set_under_a_branch_on_the_data_carries_it():
    assert _summary(BRANCH_ON_DATA, SOURCES) == {SourceValue((METHOD, "api"))}


def test_a_number_set_under_a_null_check_does_not():
    assert _summary(NULL_CHECK, SOURCES) == set()


def test_control_regions_cover_the_branch_body_only():
    dex = DexFile(dex_file([BRANCH_ON_DATA, NULL_CHECK], registers=2))
    on_data, null_check = (decode(dex, m.code_off) for m in dex.methods_of(0))
    regions = control_regions(on_data)
    assert list(regions) == [0] and regions[0] == {1}  # block 1 is `v1 = 1`
    assert control_regions(null_check) == {}
    implicit = ImplicitFlows(on_data)
    assert implicit.branch(0, {0: frozenset({SourceValue((METHOD, "api"))})}) == {1}
    assert implicit.under(1) == {SourceValue((METHOD, "api"))} and implicit.under(2) == frozenset()
