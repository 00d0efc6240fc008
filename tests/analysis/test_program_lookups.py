"""Program's quick look-ups answer as listing a class's methods does, on every class of real APKs.

The walk to entry points asks `method(signature)`, `defines(class, name, proto)` and `method_indices` for
thousands of classes; they are answered from the method_ids naming the class (sorted by class, then name)
without listing the class's methods with their signatures, and for the methods it visits from the method_ids
it looks up for their callers. These tests compare each answer with the listing
(`Program.methods`) on a fresh Program, for every class of the sample apps and the public corpus, and on a
DEX whose class data names another class's method (malformed: the listing must then answer).
"""

from __future__ import annotations

import zipfile
from array import array
from pathlib import Path

import pytest

from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.file import DexFile
from apkaudit.dex.header import read_header
from apkaudit.dex.items import ClassDef

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def _dexes(path: Path) -> list[DexFile]:
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if n.startswith("classes") and n.endswith(".dex")), key=_dex_order)
        return [DexFile(z.read(n), f"{path.name}!{n}") for n in names]


def _dex_order(name: str) -> int:
    digits = name[len("classes") : -len(".dex")]
    return int(digits) if digits else 1


def _listed(dexes: list[DexFile]) -> dict[str, dict[str, object]]:
    """class -> signature -> the first listed MethodDef with it."""
    program = Program(dexes)
    out: dict[str, dict[str, object]] = {}
    for cls in program.classes:
        by_sig: dict[str, object] = {}
        for m in program.methods(cls):
            by_sig.setdefault(m.signature, m)
        out[cls] = by_sig
    return out


def _check(dexes: list[DexFile], classes: list[str] | None = None) -> int:
    listed = _listed(dexes)
    quick = Program(dexes)  # nothing listed yet: every answer comes from the method_ids
    # the walk finds each method it visits from the method_ids it looks up for its callers (_walked_method)
    walked = Program(dexes)
    walked.callers([sig for cls in classes or listed for sig in listed[cls] if sig.startswith(cls + "->")])
    checked = 0
    for cls in classes if classes is not None else sorted(listed):
        for sig, m in listed[cls].items():
            if not sig.startswith(cls + "->"):
                continue  # a malformed row naming another class's method: not one of this class's signatures
            _, name, proto = split_signature(sig)
            assert quick.defines(cls, name, proto), sig
            assert quick.method(sig) == m, sig
            assert walked.method(sig) == m, sig
            named = [(d, dexes[d].find_methods(cls, name, proto)) for d, _ in quick.type_indices(cls)]
            expected = tuple((d, i) for d, found in named for i in found)
            assert quick.method_indices(cls, name, proto) == expected, sig
            checked += 1
        absent = f"{cls}->apkauditNoSuchMethod()V"
        assert quick.method(absent) is None
        assert not quick.defines(cls, "apkauditNoSuchMethod", "()V")
    return checked


@pytest.mark.parametrize("path", sorted((ROOT / "samples" / "apk").glob("*.apk")), ids=lambda p: p.name)
def test_samples_answer_as_the_listing(path: Path) -> None:
    assert _check(_dexes(path)) > 0


@pytest.mark.parametrize("name", ["ApiDemos-debug.apk", "appium-settings-8.0.10.apk"])
def test_corpus_answers_as_the_listing(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip("the public corpus (../shared/corpus) is not here")
    assert _check(_dexes(path)) > 1000


def _foreign_row(dex: DexFile) -> tuple[bytes, ClassDef] | None:
    """The DEX with one class's first method renamed, in its class data, to a method_id of another class (one
    ULEB128 byte, same length), and that class; None if no class has such a byte to change."""
    data = bytearray(dex.data)
    for cdef in dex.classes():
        if not cdef.class_data_off:
            continue
        pos = cdef.class_data_off
        counts = []
        for _ in range(4):
            counts.append(data[pos])
            if data[pos] & 0x80:
                break
            pos += 1
        else:
            static, instance, direct, _virtual = counts
            if static or instance or not direct or data[pos] & 0x80:
                continue
            own = data[pos]
            for other in range(0x7F):
                if other != own and dex.method_ref(other).class_name != cdef.name:
                    data[pos] = other
                    return bytes(data), cdef
    return None


def test_a_row_naming_another_class_is_answered_by_the_listing() -> None:
    for path in sorted((ROOT / "samples" / "apk").glob("*.apk")):
        dex = _dexes(path)[0]
        found = _foreign_row(dex)
        if found is None:
            continue
        data, cdef = found
        mutated = DexFile(data, "mutated.dex")
        foreign = mutated.method_ref(mutated.methods_of(cdef.index)[0].method_idx)
        assert foreign.class_name != cdef.name
        assert _check([mutated], [cdef.name]) >= 0
        quick = Program([mutated])
        listed = Program([mutated])
        listed.methods(cdef.name)
        assert quick.defines(cdef.name, foreign.name, foreign.proto) == listed.defines(
            cdef.name, foreign.name, foreign.proto
        )
        return
    pytest.fail("no sample class has a one-byte first method index to change")


def test_an_unsorted_method_table_is_answered_by_the_listing() -> None:
    """method_ids out of the (class, name) order the format requires: the quick look-ups are not used."""
    dex = _dexes(ROOT / "samples" / "apk" / "harvest-loan.apk")[0]
    keys, _protos = dex.method_id_keys()
    last = next(i for i in range(len(keys) - 1, 0, -1) if keys[i] > keys[0])
    data = bytearray(dex.data)
    off = read_header(dex.data, dex.name).method_ids_off
    first, other = bytes(data[off : off + 8]), bytes(data[off + 8 * last : off + 8 * last + 8])
    data[off : off + 8], data[off + 8 * last : off + 8 * last + 8] = other, first  # the largest key first
    mutated = DexFile(bytes(data), "unsorted.dex")
    assert Program([mutated])._method_table(0) == (array("Q"), array("H"))  # the quick look-ups step aside
    assert _check([mutated]) > 0


def test_decoded_code_is_kept_for_the_methods_asked_last_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Program.decoded gives the code decode() gives, the same object when asked again soon, and keeps no more
    instructions than DECODED_OPS (the oldest dropped first); drop_walk_caches forgets it."""
    from apkaudit.analysis import program as program_module
    from apkaudit.dex.decoder import decode

    dexes = _dexes(ROOT / "samples" / "apk" / "harvest-loan.apk")
    program = Program(dexes)
    offs = sorted({m.code_off for cls in program.classes for m in program.methods(cls) if m.code_off and m.dex == 0})
    assert len(offs) > 10
    first = program.decoded(0, offs[0])
    assert first.ops == decode(dexes[0], offs[0]).ops and first.blocks == decode(dexes[0], offs[0]).blocks
    assert program.decoded(0, offs[0]) is first
    monkeypatch.setattr(program_module, "DECODED_OPS", max(len(decode(dexes[0], o).ops) for o in offs))
    for off in offs:
        program.decoded(0, off)
    assert program._decoded_ops <= program_module.DECODED_OPS
    assert program._decoded_ops == sum(len(c.ops) for c in program._decoded.values())
    assert (0, offs[-1]) in program._decoded and (0, offs[0]) not in program._decoded
    assert program.decoded(0, offs[0]) is not first
    program.drop_walk_caches()
    assert not program._decoded and program._decoded_ops == 0
