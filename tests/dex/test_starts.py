"""Instruction starts found for all code items at once (apkaudit.dex.starts) are the decoder's sweep's.

DEX files are built in memory (tests/dex/factory.py) from random code units biased towards payload
pseudo-instructions, reference-taking opcodes and sizes that run past the end of the code, so some items do
not decode. Every code item the pass decides must have exactly the sweep's instruction starts, every item the
sweep refuses must be undecided, and code_users must answer as the regex scan does, whichever phase (stepping
together, pointer doubling in one or many batches, or an item left undecided for its length) finishes an item.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from apkaudit.dex import starts
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from tests.dex.factory import dex_file
from tests.dex.test_useindex import _method, _question, _scanned

# (tail items, max steps, doubling batch units, longest item) for each phase of the pass
PHASES = {
    "default": (starts._TAIL_ITEMS, starts._MAX_STEPS, starts._DOUBLING_UNITS, starts._LONGEST_ITEM),
    "stepping only": (0, 1 << 30, starts._DOUBLING_UNITS, starts._LONGEST_ITEM),
    "doubling only": (1 << 30, 0, starts._DOUBLING_UNITS, starts._LONGEST_ITEM),
    "many batches": (1 << 30, 2, 16, starts._LONGEST_ITEM),
    "long items undecided": (1 << 30, 3, 64, 24),
}


def _set_phase(monkeypatch: pytest.MonkeyPatch, phase: str) -> None:
    names = ("_TAIL_ITEMS", "_MAX_STEPS", "_DOUBLING_UNITS", "_LONGEST_ITEM")
    for name, value in zip(names, PHASES[phase], strict=True):
        monkeypatch.setattr(starts, name, value)


def _unit(rng: random.Random) -> list[int]:
    """A few code units: a payload header, a reference-taking or wide instruction, or anything."""
    choice = rng.randrange(6)
    if choice == 0:  # packed-switch, sparse-switch or fill-array-data payload, sometimes longer than the code
        ident = rng.choice([1, 2, 3])
        return [ident << 8, rng.randrange(6)] + ([rng.randrange(4), 0] if ident == 3 else [])
    if choice == 1:
        return [rng.choice([0x1A, 0x1B, 0x22, 0x52, 0x60, 0x6E, 0x74, 0xFA, 0xFC]) | (0x10 << 8), rng.randrange(8)]
    if choice == 2:
        return [rng.choice([0x18, 0x14, 0x2B, 0x2C, 0x26]) | (rng.randrange(256) << 8)]  # 5- and 3-unit formats
    return [rng.randrange(1 << 16)]


def _random_code(rng: random.Random) -> list[int]:
    units: list[int] = []
    for _ in range(rng.choice([0, 1, 3, 10, 40, 200])):
        units += _unit(rng)
    return units


def _truth(dex: DexFile) -> tuple[dict[int, list[int]], set[int]]:
    """Per code item its instruction starts by the sweep, and the items the sweep refuses."""
    found: dict[int, list[int]] = {}
    refused: set[int] = set()
    for off in dex.code_offsets():
        try:
            found[off] = [raw[4] for raw in dex._raw_insns(off)]
        except DexError:
            refused.add(off)
    return found, refused


def _check(dex: DexFile) -> None:
    offs = np.asarray(dex.code_offsets(), dtype=np.int64)
    buf = np.frombuffer(dex.data, dtype=np.uint8)
    sizes = np.asarray([int.from_bytes(dex.data[o + 12 : o + 16], "little") for o in offs.tolist()], dtype=np.int64)
    lo = int(offs[0])
    is_start, undecided = starts.find(buf, offs + 16, offs + 16 + 2 * sizes, lo)
    found, refused = _truth(dex)
    assert refused <= set(offs[undecided].tolist())
    for off, decided in zip(offs.tolist(), (~undecided).tolist(), strict=True):
        if decided:
            first, last = (off + 16 - lo) >> 1, (off + 16 - lo) // 2 + int(sizes[offs == off][0])
            marked = [lo + 2 * int(u) for u in np.flatnonzero(is_start[first:last]) + first]
            assert marked == found[off], off


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("seed", range(12))
def test_starts_are_the_sweeps(monkeypatch: pytest.MonkeyPatch, phase: str, seed: int) -> None:
    _set_phase(monkeypatch, phase)
    rng = random.Random(seed)
    dex = DexFile(dex_file([_random_code(rng) for _ in range(rng.randrange(1, 90))]))
    _check(dex)


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("seed", range(6))
def test_code_users_equal_the_scan_in_every_phase(monkeypatch: pytest.MonkeyPatch, phase: str, seed: int) -> None:
    _set_phase(monkeypatch, phase)
    rng = random.Random(seed)
    methods = [_method(rng, 40) for _ in range(rng.randrange(1, 80))]
    d = DexFile(dex_file(methods))
    for _ in range(20):
        q = _question(rng, 40)
        assert list(d.code_users(**q).items()) == list(_scanned(DexFile(d.data), **q).items()), q


def test_refused_items_still_raise_from_code_users() -> None:
    """An item the sweep refuses stays undecided, and asking for its candidates raises as the scan does."""
    d = DexFile(dex_file([[0x1060, 9, 0x000E], [0x1060, 9, 0x0100, 40]]))  # sget; then a packed-switch too long
    index = d.use_index()
    assert index is not None and index.undecided == {d.code_offsets()[1]}
    with pytest.raises(DexError):
        d.code_users(fields=[9])
    with pytest.raises(DexError):
        _scanned(DexFile(d.data), fields=[9])
