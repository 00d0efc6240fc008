"""FieldReaders: the readers of a field found with its class's other fields answer as asking per field does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from apkaudit.analysis.flows import readers
from apkaudit.analysis.flows.engine import FlowAnalysis
from apkaudit.analysis.flows.labels import FieldValue
from apkaudit.analysis.flows.models import CHANGED_KEY, PAGE_KEY
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
    FLOW_SAMPLES / "prefs_helper.apk",
    FLOW_SAMPLES / "prefs_helper_other.apk",
    FLOW_SAMPLES / "prefs_helper_shapes.apk",
    FLOW_SAMPLES / "prefs_helper_shapes_other.apk",
    FLOW_SAMPLES / "js_prefs_item.apk",
    FLOW_SAMPLES / "prefs_key_paths.apk",
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
                store, _, key = label.field.partition(":")
                listed = analysis._page_readers(store) if key == PAGE_KEY else read.of(label.field)
                assert {where for _, where in edges if where} <= set(listed), (path.name, label)
                checked.add(label.field)
    assert {"prefs:*", f"prefs:{CHANGED_KEY}", f"prefs:{PAGE_KEY}"} < checked  # constant keys, and the three others


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


def test_a_helper_that_reads_under_its_callers_key_makes_its_callers_readers_of_that_key() -> None:
    """SpUtil.getString(context, key) reads the key its caller names: Uploader.upload, which names "device_id", is
    a reader of prefs:device_id though it calls no SharedPreferences method; the helper itself is not (it names no
    key), and neither is a caller that names another key. File stores stay as they were (no helpers)."""
    from apkaudit.analysis.flows.models import keyed_by_helpers

    pkg = "Lorg/apkaudit/flows/prefs_helper"
    found = FieldReaders(_program(FLOW_SAMPLES / "prefs_helper.apk"))
    assert found.of("prefs:device_id") == [f"{pkg}/Uploader;->upload(Landroid/content/Context;)V"]
    assert found.of("prefs:theme") == []
    helpers = found._helpers["prefs"].helpers
    assert helpers == {f"{pkg}/SpUtil;->getString(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;": {1}}
    assert keyed_by_helpers("prefs") and not keyed_by_helpers("file") and not keyed_by_helpers("provider")


def test_a_parameter_is_the_key_where_no_write_of_its_register_reaches_the_read() -> None:
    from apkaudit.analysis.flows.receivers import param_at
    from apkaudit.dex.decoder import Method, Op

    # static (Context, String, long, Object) in v2..v6: p0=v2, p1=v3, p2=v4-v5, p3=v6; v6 is written at op 0
    code = Method([Op(0, 0x1F, (6,), 1), Op(2, 0x0E, (), None)], registers=7, ins=5, blocks=[(0, 2)], successors=[[]])
    proto = "(Landroid/content/Context;Ljava/lang/String;JLjava/lang/Object;)V"
    assert [param_at(code, r, 1, True, proto) for r in range(7)] == [None, None, 0, 1, 2, None, None]
    assert param_at(code, 6, 0, True, proto) == 3  # before the write: still the parameter
    # the same as an instance method: this in v2, then p1=v3, p2=v4, p3=v5-v6, p4=v7 (written)
    instance = Method(
        [Op(0, 0x1F, (7,), 1), Op(2, 0x0E, (), None)], registers=8, ins=6, blocks=[(0, 2)], successors=[[]]
    )
    assert [param_at(instance, r, 1, False, proto) for r in range(2, 8)] == [0, 1, 2, 3, None, None]
    # read at op 1 in a loop (block 1 -> block 1) whose later op 2 reuses the register: written on the way back
    reuse = [Op(0, 0x00, (), None), Op(1, 0x71, (3,), 9), Op(4, 0x0C, (3,), None), Op(5, 0x28, (), None, (1,))]
    looping = Method(reuse, registers=4, ins=2, blocks=[(0, 1), (1, 4)], successors=[[1], [1]])
    straight = Method(reuse[:3], registers=4, ins=2, blocks=[(0, 1), (1, 3)], successors=[[1], []])
    assert param_at(looping, 3, 1, True, "(Landroid/content/Context;Ljava/lang/String;)V") is None
    assert param_at(straight, 3, 1, True, "(Landroid/content/Context;Ljava/lang/String;)V") == 1
