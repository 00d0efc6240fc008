"""The reverse index of the code (apkaudit.dex.useindex) answers code_users exactly as the regex scan does.

DEX files are built in memory (tests/dex/factory.py) from random instruction streams that mix every
reference-taking instruction with literals and payload data that look like opcodes, so candidates that are
not instructions exist; the index-backed answer must equal the scan's, in the same order. The corpus is
compared too when ../shared/corpus is there.
"""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.useindex import KINDS
from tests.dex.factory import dex_file

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

FIELD_OPS = [0x52, 0x54, 0x59, 0x5B, 0x60, 0x62, 0x67, 0x69, 0x6D]
TYPE_OPS = [0x1C, 0x1F, 0x20, 0x22, 0x23, 0x24, 0x25]
INVOKE_OPS = [0x6E, 0x6F, 0x70, 0x71, 0x72, 0x74, 0x78]


def _insn(rng: random.Random, n_idx: int) -> list[int]:
    """One random instruction (16-bit units) among the reference-taking ones and a few look-alikes."""
    idx = rng.randrange(n_idx)
    choice = rng.randrange(9)
    if choice == 0:
        return [rng.choice(FIELD_OPS) | (rng.randrange(256) << 8), idx]
    if choice == 1:
        return [0x1A | (rng.randrange(256) << 8), idx]  # const-string
    if choice == 2:
        big = idx | (rng.randrange(3) << 16)
        return [0x1B | (rng.randrange(256) << 8), big & 0xFFFF, big >> 16]  # const-string/jumbo
    if choice == 3:
        op = rng.choice(TYPE_OPS)
        return [op | (rng.randrange(256) << 8), idx] + ([0] if op in (0x24, 0x25) else [])  # 35c/3rc: 3 units
    if choice == 4:
        return [rng.choice(INVOKE_OPS) | (0x10 << 8), idx, 0]  # 35c/3rc: three units
    if choice == 5:
        return [0xFC | (0x10 << 8), idx, 0]  # invoke-custom
    if choice == 6:  # const/16 whose literal looks like a field or string opcode
        return [0x13 | (rng.randrange(256) << 8), rng.choice(FIELD_OPS + [0x1A, 0x22, 0x6E]) | (idx & 0xFF) << 8]
    if choice == 7:  # const-wide/16: a literal again
        return [0x16, rng.choice(FIELD_OPS) | (rng.randrange(256) << 8)]
    return [0x0000]  # nop


def _method(rng: random.Random, n_idx: int) -> list[int]:
    units: list[int] = []
    for _ in range(rng.randrange(0, 40)):
        units += _insn(rng, n_idx)
    if rng.random() < 0.3:  # fill-array-data with a payload of opcode-looking bytes
        data = bytes(rng.choice(FIELD_OPS + [0x1A, 0x1B, 0x22, 0x6E, 0xFC, 3]) for _ in range(2 * rng.randrange(1, 12)))
        here = len(units)
        units += [0x0026, 0, 0, 0x000E]
        if len(units) % 2:
            units.append(0)
        rel = len(units) - here
        units[here + 1], units[here + 2] = rel & 0xFFFF, rel >> 16
        units += [0x0300, 1, len(data) & 0xFFFF, len(data) >> 16] + list(struct.unpack(f"<{len(data) // 2}H", data))
    return units + [0x000E]


def _scanned(dex: DexFile, **wanted: Any) -> dict[int, Any]:
    """code_users answered by the regex scan (the index disabled)."""
    dex._use_index_built, dex._use_index = True, None
    try:
        return dex.code_users(**wanted)
    finally:
        dex._use_index_built = False


def _question(rng: random.Random, n_idx: int) -> dict[str, list[int]]:
    kinds = rng.sample(["methods", "fields", "strings", "types", "call_sites"], rng.randrange(1, 4))
    wide = {k: 16 if k == "strings" and rng.random() < 0.2 else 0 for k in kinds}  # jumbo string indices
    return {k: [rng.randrange((n_idx + 3) << wide[k]) for _ in range(3)] for k in kinds}


@pytest.mark.parametrize("seed", range(40))
def test_index_answers_equal_the_scan(seed: int) -> None:
    rng = random.Random(seed)
    n_idx = rng.choice([4, 40, 300, 70000])
    d = DexFile(dex_file([_method(rng, min(n_idx, 65536)) for _ in range(rng.randrange(1, 30))]))
    assert d.use_index() is not None
    for _ in range(25):
        q = _question(rng, min(n_idx, 65536))
        indexed = d.code_users(**q)
        assert list(indexed.items()) == list(_scanned(DexFile(d.data), **q).items()), q


def test_every_index_value_has_the_same_users() -> None:
    """Exhaustively: for each kind and each index used, index and scan agree (and find something)."""
    rng = random.Random(7)
    d = DexFile(dex_file([_method(rng, 50) for _ in range(60)]))
    scan = DexFile(d.data)
    found = 0
    for kind, arg in zip(KINDS, ["methods", "fields", "strings", "types", "call_sites"], strict=True):
        for i in range(60):
            indexed = d.code_users(**{arg: [i]})
            assert indexed == _scanned(scan, **{arg: [i]}), (kind, i)
            found += bool(indexed)
    assert found > 100


def test_type_users_by_opcode() -> None:
    """code_items(opcodes=...) keeps only the given instructions (new-instance among the type users)."""
    d = DexFile(dex_file([[0x1022, 5, 0x000E], [0x101C, 5, 0x000E], [0x1022, 6, 0x000E]]))
    index = d.use_index()
    assert index is not None
    starts = d.code_offsets()
    assert index.code_items("type", [5]) == starts[:2]
    assert index.code_items("type", [5, 6], opcodes=[0x22]) == [starts[0], starts[2]]
    assert index.code_items("field", [5]) == [] and index.code_items("type", []) == []


def test_a_truncated_candidate_item_still_raises() -> None:
    """A candidate code item whose instructions run past its end raises DexError, as with the scan."""
    d = DexFile(dex_file([[0x0E], [0x0000, 0x1060, 9]]))  # nop, sget: the sget's index unit is cut off below
    raw = bytearray(d.data)
    last = d.code_offsets()[-1]
    struct.pack_into("<I", raw, last + 12, 2)  # insns_size 2: the sget's index lies past the code region
    broken = DexFile(bytes(raw))
    assert broken.code_users(fields=[9]) == {}  # the candidate index lies past the insns: not a candidate
    struct.pack_into("<I", raw, last + 12, 3)
    raw[last + 16 : last + 22] = struct.pack("<3H", 0x1060, 9, 0x006E)  # then invoke-virtual needs 3 units
    broken = DexFile(bytes(raw))
    with pytest.raises(DexError):
        broken.code_users(fields=[9])
    with pytest.raises(DexError):
        _scanned(DexFile(bytes(raw)), fields=[9])


def test_overlapping_code_items_fall_back_to_the_scan() -> None:
    d = DexFile(dex_file([[0x1060, 3, 0x0E], [0x1060, 3, 0x0E]]))
    raw = bytearray(d.data)
    first = d.code_offsets()[0]
    struct.pack_into("<I", raw, first + 12, 8)  # the first item's insns now run over the second's header

    def outcome(dex: DexFile, scan: bool) -> object:
        dex._code_starts, dex._code_region = d.code_offsets(), d.code_region
        try:
            return _scanned(dex, fields=[3]) if scan else dex.code_users(fields=[3])
        except DexError as exc:
            return str(exc)

    overlapping = DexFile(bytes(raw))
    assert outcome(overlapping, False) == outcome(DexFile(bytes(raw)), True)
    assert overlapping.use_index() is None


@pytest.mark.corpus
@pytest.mark.parametrize("apk", ["ApiDemos-debug.apk", "appium-settings-8.0.10.apk"])
def test_corpus_index_equals_scan(apk: str) -> None:
    path = CORPUS / apk
    if not path.is_file():
        pytest.skip("no corpus")
    rng = random.Random(apk)
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if n.startswith("classes") and n.endswith(".dex"))
        for name in names[:3]:
            d = DexFile(z.read(name), name)
            scan = DexFile(d.data, name)
            sizes = {"methods": d.method_count, "fields": d.field_count, "strings": d.string_count}
            sizes |= {"types": d.type_count}
            for arg, n in sizes.items():
                if n:
                    q = {arg: rng.sample(range(n), min(n, 200))}
                    assert list(d.code_users(**q).items()) == list(_scanned(scan, **q).items())
