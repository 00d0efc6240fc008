"""Every class's methods decoded at once (apkaudit.dex.classdata) answer as DexFile's Python decode of each class.

On every real DEX (samples, corpus, DroidBench) the table must be built and give the same methods per class
and the same code_off -> owner index; on DEX files built in memory whose class data is then corrupted at
random, every answer or DexError must be the Python decode's (the table steps aside when it cannot promise it).
"""

from __future__ import annotations

import random

import pytest

from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from tests.dex.factory import dex_file
from tests.dex.test_exact_index import _apks, _dexes


def _python(data: bytes, name: str = "classes.dex") -> DexFile:
    """A DexFile that decodes each class in Python, as before the table."""
    dex = DexFile(data, name)
    dex._method_table_built = True
    return dex


def _outcome(dex: DexFile, extra: list[int] | None = None) -> object:
    """Owners of every code item (and of ``extra`` offsets), every class's methods and the owner index."""
    try:
        owners = [dex.methods_at_code(off) for off in dex.code_offsets() + (extra or [])]
        methods = [dex.methods_of(ci) for ci in range(dex.class_count)]
        return owners, methods, dex._build_owner_index(), dex._owner_info
    except DexError as exc:
        return str(exc)


@pytest.mark.parametrize(
    "group",
    [
        pytest.param("samples", marks=pytest.mark.samples),
        pytest.param("corpus", marks=pytest.mark.corpus),
        pytest.param("droidbench", marks=pytest.mark.corpus),
    ],
)
def test_table_equals_the_python_decode_on_every_dex(group: str) -> None:
    paths = _apks(group)
    if not paths:
        pytest.skip(f"no {group} APKs")
    for name, data in _dexes(paths):
        dex = DexFile(data, name)
        assert dex._methods_table() is not None, name
        assert _outcome(dex) == _outcome(_python(data, name)), name


@pytest.mark.parametrize("seed", range(60))
def test_corrupted_class_data_answers_or_fails_as_before(seed: int) -> None:
    rng = random.Random(seed)
    data = bytearray(dex_file([[0x000E] for _ in range(rng.randrange(1, 40))]))
    lo, hi = DexFile(bytes(data))._class_data_region
    for _ in range(rng.randrange(1, 4)):
        at = rng.randrange(lo, min(hi, lo + 24)) if rng.random() < 0.6 else rng.randrange(lo, hi)
        data[at] = rng.choice([0x00, 0x01, 0x7F, 0x80, 0xFF, rng.randrange(256)])
    extra = [rng.randrange(len(data)) for _ in range(3)]
    table = DexFile(bytes(data))
    assert _outcome(table, extra) == _outcome(_python(bytes(data)), extra)
