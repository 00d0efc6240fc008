"""The reverse index of one DEX's code: which code items may use each string, type, field, method and call site.

The questions the analysis keeps asking ("who reads this field?", "who loads this string?", "who calls this
method?") used to be answered by a regex scan of the whole code region per question, and the flow search asks
hundreds of them (the readers of every field the data passes through). Here the code region is read once
with numpy: every even byte position whose byte is a reference-taking opcode and that lies inside some code
item's instructions is a *candidate*; it is filed under its kind (``field``, ``string``...) and the index
literal that follows it (u16, or u32 for const-string/jumbo). A question is then a binary search per wanted
index and the list of code items the candidates fall in; the caller decodes those items exactly, which drops
candidates that were operands or payload data rather than instructions.

The candidates are exactly those the scan of :meth:`DexFile.code_users` finds (same opcode bytes, same
bounds, same code item per position), so the answers are the same, in the same order. :func:`build` returns
``None`` when that equivalence cannot be promised cheaply (a code item at an odd offset, or code items whose
instructions overlap, as only malformed files have): the caller then scans as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from apkaudit.dex.opcodes import CONST_STRING_JUMBO, OPCODE_KINDS

KINDS = ("method", "field", "string", "type", "call_site")
_KIND_ID = {kind: i + 1 for i, kind in enumerate(KINDS)}
_LUT = np.zeros(256, dtype=np.uint8)
for _op in range(256):
    _kind = OPCODE_KINDS[_op]
    if _kind in _KIND_ID:  # const-method-handle and const-method-type are never asked about
        _LUT[_op] = _KIND_ID[_kind]


class UseIndex:
    """Per kind: the candidates' index values (sorted), their code items and opcodes."""

    def __init__(self, starts: np.ndarray, by_kind: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]) -> None:
        self._starts = starts
        self._by_kind = by_kind

    @property
    def nbytes(self) -> int:
        """Memory held by the index arrays."""
        return int(self._starts.nbytes + sum(a.nbytes + b.nbytes + c.nbytes for a, b, c in self._by_kind.values()))

    def code_items(self, kind: str, indices: Iterable[int], opcodes: Sequence[int] | None = None) -> list[int]:
        """Sorted offsets of the code items holding a candidate of this kind for any of ``indices``.

        ``opcodes`` restricts the candidates to those instructions (e.g. only new-instance among type users).
        """
        entry = self._by_kind.get(kind)
        if entry is None:
            return []
        keys, items, ops = entry
        # the keys' own dtype: searching with another would convert (copy) the whole key array each time
        want = np.unique(np.fromiter((i for i in indices if 0 <= i < 1 << 32), dtype=np.uint32))
        if not len(want) or not len(keys):
            return []
        left = np.searchsorted(keys, want, side="left")
        right = np.searchsorted(keys, want, side="right")
        has = right > left
        left, right = left[has], right[has]
        if not len(left):
            return []
        lengths = right - left
        # the positions [left[i], right[i]) of every wanted index, concatenated
        offsets = np.repeat(left - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
        found = items[offsets]
        if opcodes is not None:
            found = found[np.isin(ops[offsets], np.asarray(list(opcodes), dtype=np.uint8))]
        return [int(x) for x in self._starts[np.unique(found)]]

    def users(self, wanted: Mapping[str | None, Iterable[int]]) -> list[int]:
        """Sorted offsets of the code items holding a candidate for any wanted (kind, index)."""
        found: set[int] = set()
        for kind, values in wanted.items():
            if kind is not None:
                found.update(self.code_items(kind, values))
        return sorted(found)


def build(data: bytes, starts: Sequence[int], region: tuple[int, int]) -> UseIndex | None:
    """One pass over the code region; ``None`` when the code items are odd-aligned or overlap (malformed)."""
    size = len(data)
    starts_arr = np.asarray(starts, dtype=np.int64)
    empty = {k: (np.zeros(0, np.uint32), np.zeros(0, np.int32), np.zeros(0, np.uint8)) for k in KINDS}
    if not len(starts_arr):
        return UseIndex(starts_arr, empty)
    if np.any(starts_arr & 1) or np.any(np.diff(starts_arr) <= 0):
        return None
    buf = np.frombuffer(data, dtype=np.uint8)
    # each code item's instructions [ilo, ihi); a header past the end of the file makes an empty range
    whole = starts_arr + 16 <= size
    ilo = starts_arr + 16
    safe = np.where(whole, starts_arr + 12, 0)
    insns = (
        buf[safe].astype(np.int64)
        | (buf[safe + 1].astype(np.int64) << 8)
        | (buf[safe + 2].astype(np.int64) << 16)
        | (buf[safe + 3].astype(np.int64) << 24)
    )
    ihi = np.where(whole, ilo + 2 * insns, ilo)
    if np.any(ihi[:-1] > starts_arr[1:]):
        return None  # overlapping code items: the scan's answer depends on the order it meets them
    lo, hi = region
    if hi - lo < 4:
        return UseIndex(starts_arr, empty)
    # candidate opcode positions: even (code items are), lo <= p and p + 4 <= hi, as the scan's regex
    kind_ids = _LUT[buf[lo : hi - 3 : 2]]
    rel = np.flatnonzero(kind_ids)
    pos = lo + 2 * rel.astype(np.int64)
    kind_of = kind_ids[rel]
    item = np.searchsorted(starts_arr, pos, side="right") - 1
    inside = item >= 0
    item_c = np.where(inside, item, 0)
    inside &= (ilo[item_c] <= pos) & (pos < ihi[item_c])
    pos, kind_of, item = pos[inside], kind_of[inside], item[inside]
    ops = buf[pos]
    index = buf[pos + 2].astype(np.uint32) | (buf[pos + 3].astype(np.uint32) << 8)
    jumbo = ops == CONST_STRING_JUMBO
    if np.any(jumbo):
        ok = ~jumbo | (pos + 6 <= size)
        pos, kind_of, item, ops, index, jumbo = pos[ok], kind_of[ok], item[ok], ops[ok], index[ok], jumbo[ok]
        jp = pos[jumbo]
        index[jumbo] |= (buf[jp + 4].astype(np.uint32) << 16) | (buf[jp + 5].astype(np.uint32) << 24)
    by_kind = {}
    for kind in KINDS:
        sel = kind_of == _KIND_ID[kind]
        k_index, k_item, k_ops = index[sel], item[sel].astype(np.int32), ops[sel]
        order = np.argsort(k_index, kind="stable")
        by_kind[kind] = (k_index[order], k_item[order], k_ops[order])
    return UseIndex(starts_arr, by_kind)
