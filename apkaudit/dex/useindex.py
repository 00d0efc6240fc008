"""The reverse index of one DEX's code: which instructions use each string, type, field, method and call site.

The questions the analysis keeps asking ("who reads this field?", "who loads this string?", "who calls this
method?") used to be answered by a regex scan of the whole code region per question, then by an index of
*candidates* confirmed by a Python decode of each code item they fell in, and the flow search and the walk
back to entry points ask thousands of them. Here the code region is read once with numpy: every even byte
position whose byte is a reference-taking opcode and that lies inside some code item's instructions is a
candidate, and dex/starts.py finds every code item's real instruction starts, so only the candidates that are
instructions, exactly as the decoder's sweep meets them, are kept. Each is filed under its kind (``field``,
``string``...) and the index literal that follows it (u16, or u32 for const-string/jumbo). A question is then
a binary search per wanted index; no code item is decoded.

A code item the sweep would refuse (an instruction running past its end) or that is too long to finish cheaply
is *undecided*: its candidates are all kept, and the caller decodes it as before, so the answers (and the
DexError) are those of the decoder. :func:`build` returns ``None`` when the candidates cannot be tied to code
items cheaply (a code item at an odd offset, or code items whose instructions overlap, as only malformed files
have): the caller then scans as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from apkaudit.dex import starts as instruction_starts
from apkaudit.dex.arrays import nonzero_u32, unique
from apkaudit.dex.decoder import RawInsn
from apkaudit.dex.opcodes import CONST_STRING_JUMBO, OPCODE_KINDS, OPCODE_UNITS

KINDS = ("method", "field", "string", "type", "call_site")
_KIND_ID = {kind: i + 1 for i, kind in enumerate(KINDS)}
_LUT = np.zeros(256, dtype=np.uint8)
for _op in range(256):
    _kind = OPCODE_KINDS[_op]
    if _kind in _KIND_ID:  # const-method-handle and const-method-type are never asked about
        _LUT[_op] = _KIND_ID[_kind]
_IS_REF = _LUT != 0


class UseIndex:
    """Per kind: the instructions' index values (sorted) and their file positions; the undecided code items."""

    def __init__(
        self, data: bytes, starts: np.ndarray, by_kind: dict[str, tuple[np.ndarray, np.ndarray]], undecided: np.ndarray
    ) -> None:
        self._data = data
        self._buf = np.frombuffer(data, dtype=np.uint8)
        self._starts = starts
        self._by_kind = by_kind
        self._undecided = undecided
        self.undecided = frozenset(int(x) for x in undecided)
        """Offsets of the code items whose candidates are not confirmed: decode them to know."""

    @property
    def nbytes(self) -> int:
        """Memory held by the index arrays."""
        arrays = [self._starts, self._undecided] + [a for pair in self._by_kind.values() for a in pair]
        return int(sum(a.nbytes for a in arrays))

    def sites(
        self, kind: str, indices: Iterable[int], opcodes: Sequence[int] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(file positions, index values, code item offsets) of the instructions of this kind using ``indices``.

        In file order; ``opcodes`` restricts them to those instructions (e.g. only new-instance among the type
        users). An undecided code item's candidates are included: they may be operands or payload data.
        """
        empty = np.zeros(0, dtype=np.int64)
        entry = self._by_kind.get(kind)
        if entry is None:
            return empty, empty, empty
        keys, positions = entry
        # the keys' own dtype: searching with another would convert (copy) the whole key array each time
        want = unique(np.fromiter((i for i in indices if 0 <= i < 1 << 32), dtype=np.uint32))
        if not len(want) or not len(keys):
            return empty, empty, empty
        left = np.searchsorted(keys, want, side="left")
        right = np.searchsorted(keys, want, side="right")
        lengths = right - left
        # the positions [left[i], right[i]) of every wanted index, concatenated
        at = np.repeat(left - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
        pos = positions[at].astype(np.int64)
        if opcodes is not None:
            allowed = np.zeros(256, dtype=bool)  # a table of the 256 opcodes: np.isin sorts both arrays each call
            allowed[list(opcodes)] = True
            mine = allowed[self._buf[pos]]
            pos, at = pos[mine], at[mine]
        order = np.argsort(pos, kind="stable")
        pos = pos[order]
        items = self._starts[np.searchsorted(self._starts, pos, side="right") - 1]
        return pos, keys[at[order]].astype(np.int64), items

    def instructions(self, wanted: Mapping[str | None, Iterable[int]]) -> tuple[dict[int, list[RawInsn]], list[int]]:
        """The instructions using any wanted (kind, index), as the decoder's sweep yields them.

        Returns ``({code_off: [raw instruction, ...]}, undecided)``: the decided code items (sorted) with their
        instructions in order, and the sorted undecided code items holding a candidate (decode them to know).
        """
        found: list[tuple[int, int, int]] = []  # (code item, position, index value)
        undecided: set[int] = set()
        for kind, values in wanted.items():
            if kind is None:
                continue
            for pos, value, item in zip(*(a.tolist() for a in self.sites(kind, values)), strict=True):
                if item in self.undecided:
                    undecided.add(item)
                else:
                    found.append((item, pos, value))
        found.sort()
        data = self._data
        result: dict[int, list[RawInsn]] = {}
        for item, pos, value in found:
            op = data[pos]
            raw = ((pos - item - 16) >> 1, op, OPCODE_KINDS[op], value, pos, OPCODE_UNITS[op])
            result.setdefault(item, []).append(raw)
        return result, sorted(undecided)

    def code_items(self, kind: str, indices: Iterable[int], opcodes: Sequence[int] | None = None) -> list[int]:
        """Sorted offsets of the code items holding an instruction of this kind for any of ``indices``.

        Undecided code items count when they hold a candidate (decode them to know).
        """
        return [int(x) for x in unique(self.sites(kind, indices, opcodes)[2])]

    def users(self, wanted: Mapping[str | None, Iterable[int]]) -> list[int]:
        """Sorted offsets of the code items holding an instruction (or candidate) for any wanted (kind, index)."""
        found: set[int] = set()
        for kind, values in wanted.items():
            if kind is not None:
                found.update(self.code_items(kind, values))
        return sorted(found)


def build(data: bytes, starts: Sequence[int], region: tuple[int, int], exact: bool = True) -> UseIndex | None:
    """One pass over the code region; ``None`` when the code items are odd-aligned or overlap (malformed).

    With ``exact`` false every code item is undecided, as the index was before instruction starts were known.
    """
    size = len(data)
    starts_arr = np.asarray(starts, dtype=np.int64)
    empty = {k: (np.zeros(0, np.uint32), np.zeros(0, np.uint32)) for k in KINDS}
    if not len(starts_arr):
        return UseIndex(data, starts_arr, empty, starts_arr)
    if np.any(starts_arr & 1) or np.any(np.diff(starts_arr) <= 0) or size >= 1 << 32:  # positions are uint32
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
        return UseIndex(data, starts_arr, empty, starts_arr[:0])
    if not exact:
        return UseIndex(data, starts_arr, _by_kind(buf, _candidates(buf, starts_arr, ilo, ihi, region)), starts_arr)
    is_start, undecided = instruction_starts.find(buf, ilo, ihi, lo)
    is_start &= _IS_REF[buf[lo : lo + 2 * len(is_start) : 2]]  # the starts of reference-taking instructions
    pos = _positions(is_start, lo)
    del is_start
    if np.any(undecided):  # their candidates instead of what the pass saw of their instructions
        pos = pos[~undecided[np.searchsorted(starts_arr, pos, side="right") - 1]]
        u = np.flatnonzero(undecided)
        pos = np.concatenate([pos, _candidates(buf, starts_arr[u], ilo[u], ihi[u], region)])
    return UseIndex(data, starts_arr, _by_kind(buf, pos), starts_arr[undecided])


def _positions(mask: np.ndarray, lo: int) -> np.ndarray:
    """``lo + 2 * i`` for every true ``mask[i]``, as uint32 (built where the audit's memory peaks)."""
    out = nonzero_u32(mask)
    out <<= 1
    out += np.uint32(lo)
    return out


def _candidates(
    buf: np.ndarray, starts: np.ndarray, ilo: np.ndarray, ihi: np.ndarray, region: tuple[int, int]
) -> np.ndarray:
    """Positions of the candidates in these code items: a reference-taking opcode at an even position of the
    item's instructions, with its index inside the file (lo <= p and p + 4 <= hi, as the scan's regex)."""
    lo, hi = region
    pos = lo + 2 * np.flatnonzero(_LUT[buf[lo : hi - 3 : 2]]).astype(np.int64)
    item = np.searchsorted(starts, pos, side="right") - 1
    inside = item >= 0
    item_c = np.where(inside, item, 0)
    inside &= (ilo[item_c] <= pos) & (pos < ihi[item_c])
    pos = pos[inside]
    found: np.ndarray = pos[(buf[pos] != CONST_STRING_JUMBO) | (pos + 6 <= len(buf))]
    return found.astype(np.uint32)


def _by_kind(buf: np.ndarray, pos: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per kind: the index values (sorted, then by position) and the positions (both uint32).

    ``pos`` (uint32, even) are the instructions' positions, in any order. Built at the audit's peak of memory,
    so each kind is one uint64 key per instruction (index value << 32 | position) sorted in place, both arrays
    read back from it: an argsort would add int64 indices and two gathers (synth-2: 13 -> 5 MB at the peak).
    Positions are unique, so the order is the stable one by index value of the positions in file order.
    """
    units = buf[: len(buf) & ~1].view("<u2")  # the index literal is the code unit after the opcode's
    kind_of = _LUT[buf[pos]]
    by_kind = {}
    for kind in KINDS:
        k_pos = pos[kind_of == _KIND_ID[kind]]
        at = k_pos >> 1
        at += 1
        value = units[at]
        del at
        key = value.astype(np.uint64)
        del value
        key <<= 32
        if kind == "string":  # const-string/jumbo: a u32 index, its high half in the next unit
            jumbo = np.flatnonzero(buf[k_pos] == CONST_STRING_JUMBO)
            key[jumbo] |= units[(k_pos[jumbo] >> 1) + 2].astype(np.uint64) << 48
        key |= k_pos
        key.sort()
        np.copyto(k_pos, key, casting="unsafe")  # the low 32 bits: the positions
        key >>= 32
        by_kind[kind] = (key.astype(np.uint32), k_pos)
        del key
    return by_kind
