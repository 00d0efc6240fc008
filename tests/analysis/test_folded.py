"""Names reflection looks up that a method computes from its constants (analysis/folded.py, runtime_code.py):
DroidBench's OnlyTelephony_Reverse ("dIeciveDteg" reversed) and OnlyTelephony_Substring
("pregetDeviceIdpost".substring(3, 14)) read the device id through Method.invoke."""

from __future__ import annotations

import zipfile

import pytest

from apkaudit.analysis.folded import folded_strings
from apkaudit.analysis.program import Program
from apkaudit.dex.file import DexFile
from tests.conftest import CORPUS


def _folded(name: str) -> list[str]:
    path = CORPUS / "droidbench" / f"{name}.apk"
    if not path.is_file():
        pytest.skip("DroidBench 3.0 not present (../shared/corpus/droidbench)")
    with zipfile.ZipFile(path) as apk:
        program = Program([DexFile(apk.read("classes.dex"), "classes.dex")])
    mdef = program.method("Lcom/example/onlytelephony/MainActivity;->onCreate(Landroid/os/Bundle;)V")
    assert mdef is not None
    return folded_strings(program.dexes[mdef.dex], mdef.code_off)


def test_a_reversed_builder_constant_is_folded():
    assert "getDeviceId" in _folded("OnlyTelephony_Reverse")


def test_a_constant_cut_by_constant_bounds_is_folded():
    assert "getDeviceId" in _folded("OnlyTelephony_Substring")


def test_a_plain_constant_is_not_folded_again():
    assert _folded("OnlyTelephony") == []  # no reverse() or substring(): nothing computed
