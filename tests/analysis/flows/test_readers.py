"""FieldReaders: the readers of a field found with its class's other fields answer as asking per field does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from apkaudit.analysis.flows import readers
from apkaudit.analysis.flows.readers import FieldReaders
from apkaudit.analysis.program import Program
from apkaudit.dex.file import DexFile
from tests.conftest import corpus_apk, sample_apk


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
    a, b = found.of("prefs:token"), found.of("prefs:phone")
    assert a == b
    assert len(found._stores) == 1
