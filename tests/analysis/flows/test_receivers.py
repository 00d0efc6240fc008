"""The class a call's receiver is known to have (analysis/flows/receivers.py), on the listener_owner micro apps:
a listener keeps, in a field, the activity that made it (`new Watcher(this)`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from apkaudit.analysis.flows.receivers import Known, field_type
from apkaudit.analysis.program import Program
from apkaudit.apk import ApkArchive
from apkaudit.audit import load_dex

pytestmark = pytest.mark.samples

FLOWS = Path(__file__).resolve().parents[3] / "samples" / "flows" / "apk"


def _program(case: str) -> Program:
    return Program(load_dex(ApkArchive.open(FLOWS / f"{case}.apk")))


@pytest.mark.parametrize("case, maker", [("listener_owner", "MainActivity"), ("listener_owner_other", "MapActivity")])
def test_a_field_stored_from_a_constructor_parameter_has_the_class_its_callers_pass(case, maker):
    pkg = f"Lorg/apkaudit/flows/{case}"
    owner = field_type(_program(case), f"{pkg}/Watcher;->owner:{pkg}/Owner;")
    assert owner == Known(f"{pkg}/{maker};", False)  # `this` of the maker: that class or a subclass


def test_a_field_with_no_app_store_or_of_a_framework_class_is_not_typed():
    program = _program("listener_owner")
    assert field_type(program, "Landroid/os/Message;->obj:Ljava/lang/Object;") is None
    assert field_type(program, "Lorg/apkaudit/flows/listener_owner/Watcher;->missing:Ljava/lang/Object;") is None
