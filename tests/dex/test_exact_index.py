"""On every real DEX we have, the exact reverse index answers as the decoder does, for every (kind, index).

For each DEX of the sample apps, the corpus and DroidBench: every instruction the index files (kind, index
value, position) must be exactly one the decoder's sweep meets, and every one the sweep meets must be filed,
in every code item the index decides; items the sweep refuses must be undecided. Since a question to
code_users or RefIndex.users is a look-up of those entries, this is every (kind, index) of every DEX. The
public answers are then compared with the path that decodes every candidate code item (the index built with
``exact=False``, as it was before): for every index of every kind on the samples, on random questions
elsewhere. Code items with the same instructions are decoded once (DroidBench apps share libraries).
"""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.refindex import RefIndex
from apkaudit.dex.useindex import KINDS, UseIndex, build

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
ARGS = dict(zip(KINDS, ["methods", "fields", "strings", "types", "call_sites"], strict=True))
Entries = tuple[np.ndarray, np.ndarray, np.ndarray]  # positions, kind numbers, index values


def _apks(group: str) -> list[Path]:
    if group == "samples":
        return sorted((ROOT / "samples" / "apk").glob("*.apk")) + sorted((ROOT / "samples" / "flows").rglob("*.apk"))
    if group == "corpus":
        return sorted(CORPUS.glob("*.apk"))
    return sorted((CORPUS / "droidbench").glob("*.apk"))


def _dexes(paths: list[Path]) -> Iterator[tuple[str, bytes]]:
    for path in paths:
        try:
            with zipfile.ZipFile(path) as z:
                names = sorted(n for n in z.namelist() if n.startswith("classes") and n.endswith(".dex"))
                for name in names:
                    yield f"{path.name}!{name}", z.read(name)
        except zipfile.BadZipFile:
            continue  # the tampered samples


class _Decoded:
    """The decoder's reference-taking instructions of each code item (relative positions), by content."""

    def __init__(self) -> None:
        self._cache: dict[bytes, Entries | None] = {}

    def of(self, dex: DexFile, off: int) -> Entries | None:
        """(positions, kind numbers, index values) of the item's instructions; None if the sweep refuses it."""
        size = int.from_bytes(dex.data[off + 12 : off + 16], "little")
        key = dex.data[off + 16 : off + 16 + 2 * size]
        if key not in self._cache:
            try:
                raws = [(r[4] - off, KINDS.index(r[2]), r[3]) for r in dex._raw_insns(off) if r[2] in KINDS]
                arr = np.asarray(raws, dtype=np.int64).reshape(-1, 3)
                self._cache[key] = (arr[:, 0], arr[:, 1], arr[:, 2])
            except DexError:
                self._cache[key] = None
        found = self._cache[key]
        return None if found is None else (found[0] + off, found[1], found[2])


def _filed(dex: DexFile, index: UseIndex) -> Entries:
    """Every instruction the index files in a decided code item, by position."""
    starts = np.asarray(dex.code_offsets(), dtype=np.int64)
    undecided = np.asarray(sorted(index.undecided), dtype=np.int64)
    parts = []
    for number, kind in enumerate(KINDS):
        values, positions = index._by_kind[kind]  # the whole index, as no public question asks for all of it
        pos = positions.astype(np.int64)
        decided = ~np.isin(starts[np.searchsorted(starts, pos, side="right") - 1], undecided)
        parts.append((pos[decided], np.full(int(decided.sum()), number), values[decided].astype(np.int64)))
    pos, kinds, values = (np.concatenate([p[i] for p in parts]) for i in range(3))
    order = np.argsort(pos)
    return pos[order], kinds[order], values[order]


def _check_entries(name: str, dex: DexFile, decoded: _Decoded) -> None:
    index = dex.use_index()
    assert index is not None, name
    expected: list[Entries] = []
    refused = set()
    for off in dex.code_offsets():
        found = decoded.of(dex, off)
        if found is None:
            refused.add(off)
        elif off not in index.undecided:
            expected.append(found)
    assert index.undecided == refused, name  # no real code item is too long for the vectorised pass
    filed = _filed(dex, index)
    wanted = (np.concatenate([e[i] for e in expected] or [np.zeros(0)]) for i in range(3))
    for got, want in zip(filed, wanted, strict=True):
        assert np.array_equal(got, want.astype(np.int64)), name


def _legacy(data: bytes, name: str) -> DexFile:
    """A DexFile whose index decodes every candidate code item, as before instruction starts were known."""
    dex = DexFile(data, name)
    dex._use_index, dex._use_index_built = build(data, dex.code_offsets(), dex.code_region, exact=False), True
    return dex


def _check_answers(name: str, data: bytes, every: bool, rng: random.Random) -> None:
    new, old = DexFile(data, name), _legacy(data, name)
    counts = dict(zip(KINDS, [new.method_count, new.field_count, new.string_count, new.type_count], strict=False))
    counts["call_site"] = new.call_site_count
    questions = []
    for kind, n in counts.items():
        if every:
            questions.append({ARGS[kind]: range(n)})
        questions += [{ARGS[kind]: rng.sample(range(n), min(n, k))} for k in (1, 1, 3, 30) if n]
    for q in questions:
        assert list(new.code_users(**q).items()) == list(old.code_users(**q).items()), (name, q)
    new_refs, old_refs = RefIndex(new), RefIndex(old)
    for q in questions:
        ((arg, values),) = q.items()
        kind = next(k for k, a in ARGS.items() if a == arg)
        assert list(new_refs.users(kind, values).items()) == list(old_refs.users(kind, values).items()), (name, q)


@pytest.mark.parametrize(
    "group",
    [
        pytest.param("samples", marks=pytest.mark.samples),
        pytest.param("corpus", marks=pytest.mark.corpus),
        pytest.param("droidbench", marks=pytest.mark.corpus),
    ],
)
def test_index_equals_the_decoder_on_every_dex(group: str) -> None:
    paths = _apks(group)
    if not paths:
        pytest.skip(f"no {group} APKs")
    decoded = _Decoded()
    rng = random.Random(group)
    n = 0
    for name, data in _dexes(paths):
        dex = DexFile(data, name)
        if not dex.code_offsets():
            continue
        _check_entries(name, dex, decoded)
        _check_answers(name, data, every=group == "samples", rng=rng)
        n += 1
    assert n
