"""The class a call's receiver is known to have (analysis/flows/receivers.py), on the listener_owner micro apps:
a listener keeps, in a field, the activity that made it (`new Watcher(this)`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from apkaudit.analysis.flows.receivers import Known, field_type
from apkaudit.analysis.program import Program
from apkaudit.apk import ApkArchive
from apkaudit.audit import load_dex
from apkaudit.dex.decoder import Method, Op
from tests.conftest import corpus_apk

FLOWS = Path(__file__).resolve().parents[3] / "samples" / "flows" / "apk"


def _program(case: str) -> Program:
    return Program(load_dex(ApkArchive.open(FLOWS / f"{case}.apk")))


@pytest.mark.samples
@pytest.mark.parametrize("case, maker", [("listener_owner", "MainActivity"), ("listener_owner_other", "MapActivity")])
def test_a_field_stored_from_a_constructor_parameter_has_the_class_its_callers_pass(case, maker):
    pkg = f"Lorg/apkaudit/flows/{case}"
    owner = field_type(_program(case), f"{pkg}/Watcher;->owner:{pkg}/Owner;")
    assert owner == Known(f"{pkg}/{maker};", False)  # `this` of the maker: that class or a subclass


@pytest.mark.samples
def test_a_field_with_no_app_store_or_of_a_framework_class_is_not_typed():
    program = _program("listener_owner")
    assert field_type(program, "Landroid/os/Message;->obj:Ljava/lang/Object;") is None
    assert field_type(program, "Lorg/apkaudit/flows/listener_owner/Watcher;->missing:Ljava/lang/Object;") is None


def _code(ops: list[Op]) -> Method:
    return Method(ops, registers=4, ins=1, blocks=[(0, len(ops))], successors=[[]])


def test_the_write_a_read_sees_is_the_last_one_before_it_in_its_block():
    from apkaudit.analysis.flows.receivers import reaching_write, single_write

    ops = [
        Op(0, 0x22, (1,), 5),  # new-instance v1, A
        Op(2, 0x70, (1,), 7),  # invoke-direct {v1}, A.<init>
        Op(5, 0x12, (1,), None),  # const/4 v1, 0
        Op(6, 0x22, (1,), 6),  # new-instance v1, B
        Op(8, 0x1F, (1,), 6),  # check-cast v1, B (keeps the value)
        Op(10, 0x6E, (1,), 9),  # invoke-virtual {v1}, B.m
        Op(13, 0x0B, (0,), None),  # move-result-wide v0 (writes v0 and v1)
        Op(14, 0x6E, (1,), 9),  # invoke-virtual {v1}: half of a wide value, no object
    ]
    code = _code(ops)
    assert single_write(code, 1) is None  # written four times in the method
    assert reaching_write(code, 1, 10) == 3
    assert reaching_write(code, 1, 2) == 0
    assert reaching_write(code, 1, 14) is None


def test_single_write_answers_as_a_scan_of_the_method_on_every_register_of_a_real_app():
    """single_write answers from a table made once per method (the 64 methods asked last): the same as scanning
    the method for each question, on every register of 600 methods of a corpus app, asked twice."""
    from apkaudit.analysis.flows.ops import WRITES_A
    from apkaudit.analysis.flows.receivers import _MAY_BE_WIDE, single_write

    def scanned(code: Method, reg: int) -> int | None:
        if reg >= code.registers - code.ins:
            return None
        writes = [
            i
            for i, op in enumerate(code.ops)
            if op.regs and op.opcode in WRITES_A and reg in (op.regs[0], op.regs[0] + (op.opcode in _MAY_BE_WIDE))
        ]
        return writes[0] if len(writes) == 1 else None

    program = Program(load_dex(ApkArchive.open(corpus_apk("appium-settings-8.0.10.apk"))))
    codes = [c for cls in sorted(program.classes) for m in program.methods(cls) if (c := program.code(m))][:600]
    assert len(codes) > 64  # more methods than the table keeps: some are asked again after being dropped
    answers = [[single_write(c, r) for r in range(c.registers + 1)] for c in codes]
    assert answers == [[scanned(c, r) for r in range(c.registers + 1)] for c in codes]
    assert answers == [[single_write(c, r) for r in range(c.registers + 1)] for c in codes]
    assert any(a is not None for per in answers for a in per)
