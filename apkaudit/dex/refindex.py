"""Who calls, instantiates or makes a lambda of given methods and types in one DEX.

The answers come from the DEX's reverse index (DexFile.use_index, shared with code_users), which holds only
real instructions: no code item is decoded, except those the index leaves undecided (a code item the decoder
refuses, or one too long for its pass), whose candidates are confirmed by decoding as before. For a DEX whose
code layout is malformed (odd or overlapping code items) there is no such index; this module then builds its
own, of candidates only, as described below.

Walking callers backwards asks "who calls these methods?" once per level of the walk; answering each
question with a fresh regex scan of the code (DexFile.code_users) costs ~50 ms per DEX per level, and
a walk through a large library (netty, okhttp) can go 40 levels deep over 16 DEX files. Here every
even byte position in the code region whose opcode byte is a reference-taking instruction is read
with numpy at once and grouped by the 16-bit index that follows; a question is then a lookup plus an
exact decode of the few code items it points into (cached), which confirms the hit and discards
positions that were data or the middle of another instruction.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np

from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import NEW_INSTANCE, OPCODE_KINDS
from apkaudit.dex.useindex import UseIndex

_KINDS = ("method", "type", "call_site")


class RefIndex:
    """The code items using each (kind, index) of one DEX: from its exact index, else candidates decoded."""

    def __init__(self, dex: DexFile) -> None:
        self.dex = dex
        self._starts = dex.code_offsets()
        self._candidates: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._decoded: dict[int, frozenset[tuple[str, int]]] = {}
        # the DEX's own reverse index (shared with code_users), unless its layout is malformed
        self._shared = dex.use_index() if self._starts else None
        if self._starts and self._shared is None:
            self._build()

    def _build(self) -> None:
        lo, hi = self.dex.code_region
        data = np.frombuffer(self.dex.data, dtype=np.uint8, count=hi - lo, offset=lo)
        # instructions start at even offsets (code items are 4-byte aligned, insns 16 bytes in)
        ops = data[: max(0, len(data) - 4) : 2]
        for kind in _KINDS:
            opcodes = [op for op in range(256) if OPCODE_KINDS[op] == kind]
            if kind == "type":
                opcodes = [NEW_INSTANCE]  # only instantiation makes a callback reachable
            rel = np.nonzero(np.isin(ops, opcodes))[0] * 2
            index = data[rel + 2].astype(np.uint32) | (data[rel + 3].astype(np.uint32) << 8)
            order = np.argsort(index, kind="stable")
            self._candidates[kind] = (index[order], rel[order] + lo)

    def users(self, kind: str, indices: Iterable[int]) -> dict[int, set[int]]:
        """code_off -> the wanted indices of this kind that its code really references."""
        wanted = sorted(set(indices))
        if not wanted:
            return {}
        if self._shared is not None:
            return self._indexed(self._shared, kind, wanted) if kind in _KINDS else {}
        if kind not in self._candidates:
            return {}
        keys, positions = self._candidates[kind]
        want = np.asarray(wanted, dtype=np.uint32)
        left = np.searchsorted(keys, want, side="left")
        right = np.searchsorted(keys, want, side="right")
        code_offs: set[int] = set()
        for a, b in zip(left.tolist(), right.tolist(), strict=True):
            for pos in positions[a:b].tolist():
                j = bisect.bisect_right(self._starts, pos) - 1
                if j >= 0:
                    code_offs.add(self._starts[j])
        return self._confirmed(kind, code_offs, set(wanted))

    def _indexed(self, index: UseIndex, kind: str, wanted: list[int]) -> dict[int, set[int]]:
        """users() from the DEX's exact index; its undecided code items are confirmed by decoding."""
        pos, values, items = index.sites(kind, wanted, [NEW_INSTANCE] if kind == "type" else None)
        out: dict[int, set[int]] = {}
        undecided: set[int] = set()
        skip = index.undecided
        for value, item in zip(values.tolist(), items.tolist(), strict=True):
            if skip and item in skip:
                undecided.add(item)
                continue
            found = out.get(item)  # not setdefault(item, set()): a set made for every site (the walk's 20,000)
            if found is None:
                out[item] = {value}
            else:
                found.add(value)
        if undecided:
            out.update(self._confirmed(kind, sorted(undecided), set(wanted)))
            out = dict(sorted(out.items()))
        return out

    def _confirmed(self, kind: str, code_offs: Iterable[int], wanted: set[int]) -> dict[int, set[int]]:
        out: dict[int, set[int]] = {}
        for off in code_offs:
            hits = {i for k, i in self._refs(off) if k == kind and i in wanted}
            if hits:
                out[off] = hits
        return out

    def _refs(self, code_off: int) -> frozenset[tuple[str, int]]:
        refs = self._decoded.get(code_off)
        if refs is None:
            found = set()
            for opcode, kind, index in self.dex.references(code_off):
                if kind in ("method", "call_site"):
                    found.add((kind, index))
                elif opcode == NEW_INSTANCE:
                    found.add(("type", index))
            refs = self._decoded[code_off] = frozenset(found)
        return refs
