"""FieldReaders: the readers of a field found with its class's other fields answer as asking per field does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from apkaudit.analysis.flows import readers
from apkaudit.analysis.flows.engine import FlowAnalysis
from apkaudit.analysis.flows.labels import FieldValue
from apkaudit.analysis.flows.models import CHANGED_KEY
from apkaudit.analysis.flows.readers import FieldReaders
from apkaudit.analysis.program import Program
from apkaudit.dex.file import DexFile
from tests.conftest import CORPUS, ROOT, corpus_apk, sample_apk


def _program(path: Path) -> Program:
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if n.startswith("classes") and n.endswith(".dex"))
        names.sort(key=lambda n: int(n[len("classes") : -len(".dex")] or 1))
        return Program([DexFile(z.read(n), f"{path.name}!{n}") for n in names])


def _fields(program: Program) -> list[str]:
    """Every field the app's DEX files name, with the classes of many fields first."""
    seen: dict[str, None] = {}
    for dex in program.dexes:
        for i in range(dex.field_count):
            seen.setdefault(dex.field_ref(i).signature, None)
    return list(seen)


@pytest.mark.parametrize("which", ["sample", "corpus"])
def test_readers_of_a_class_at_once_are_those_asked_one_by_one(which: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_apk("harvest-loan") if which == "sample" else corpus_apk("appium-settings-8.0.10.apk")
    program = _program(path)
    fields = _fields(program)
    monkeypatch.setattr(readers, "MANY", 10**9)
    one_by_one = FieldReaders(program)
    expected = {f: one_by_one.of(f) for f in fields}
    monkeypatch.setattr(readers, "MANY", 1)
    at_once = FieldReaders(program)
    assert {f: at_once.of(f) for f in fields} == expected
    assert any(expected.values())  # some field is read somewhere: the comparison is not of empty lists
    assert at_once._classes and all(v is not None for v in at_once._classes.values())


def test_store_keys_share_one_question() -> None:
    program = _program(sample_apk("harvest-loan"))
    found = FieldReaders(program)
    found.of("prefs:token"), found.of("prefs:phone"), found.of("prefs:*")
    assert len(found._stores) == 1


FLOW_SAMPLES = ROOT / "samples" / "flows" / "apk"
DROIDBENCH = CORPUS / "droidbench"


# apps that read SharedPreferences under constant keys, under keys that are not constants, and in a change listener
STORE_APPS = [
    FLOW_SAMPLES / "prefs_listener.apk",
    FLOW_SAMPLES / "prefs_listener_unregistered.apk",
    *(
        DROIDBENCH / f"{name}.apk"
        for name in (
            "SharedPreferences1",
            "SharedPreferenceChanged1",
            "Reflection_ICC_SharedPreferences1",
            "PrivateDataLeak3",
            "PlayStore2",
        )
    ),
]


def test_a_store_keys_readers_are_every_method_that_reads_it() -> None:
    """The readers of a store key are narrowed to the calls the interpreter takes for reads of that store and, for
    a key named by a constant, to the code holding the constant (a change listener's key: to the listeners). With
    every method of these apps summarised, each method in which a store key's value appears is among them."""
    apks = [p for p in STORE_APPS if p.is_file()]
    if len(apks) < len(STORE_APPS):
        pytest.skip("DroidBench (../shared/corpus/droidbench) is not here")
    checked: set[str] = set()
    for path in apks:
        program = _program(path)
        analysis = FlowAnalysis(program, {}, {})
        for dex in program.dexes:
            for off in dex.code_offsets():
                for method in program.signatures_at(program.dexes.index(dex), off):
                    analysis._summary(method)
        read = FieldReaders(program)
        for label, edges in analysis._edges.items():
            if isinstance(label, FieldValue) and "->" not in label.field:
                assert {where for _, where in edges if where} <= set(read.of(label.field)), (path.name, label)
                checked.add(label.field)
    assert {"prefs:*", f"prefs:{CHANGED_KEY}"} < checked  # constant keys, and the two others


def test_a_computed_keys_readers_are_the_methods_whose_reads_may_not_name_a_key() -> None:
    """`prefs:*` is read only where a read's key is not a string constant (calls._store_key): a method whose every
    read has its const-string key just before it is not summarised for it, though it reads that key. A key that
    is a constant only by an earlier block (prefs_key_paths' sync) keeps its method, as the cheap check does not
    follow paths."""
    droidbench = DROIDBENCH / "SharedPreferences1.apk"
    if not droidbench.is_file():
        pytest.skip("DroidBench (../shared/corpus/droidbench) is not here")
    program = _program(droidbench)
    found = FieldReaders(program)
    constant_reader = "Ledu/mit/shared_preferences/AnotherActivity;->onCreate(Landroid/os/Bundle;)V"
    assert found.of("prefs:imei") == [constant_reader]  # getString("imei", "")
    assert found.of("prefs:*") == []
    kept = FieldReaders(_program(FLOW_SAMPLES / "prefs_key_paths.apk"))
    assert kept.of("prefs:*") == [
        "Lorg/apkaudit/flows/prefs_key_paths/Config;->sync(Landroid/content/SharedPreferences;Z)V"
    ]
