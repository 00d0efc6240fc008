"""Where the instructions of every code item of a DEX start, found for all code items at once with numpy.

The reverse index (dex/useindex.py) files every even byte whose value is a reference-taking opcode; most are
instructions, but some are operands, literals or payload data. Deciding which used to take a Python decode of
each candidate code item per question. Here the linear sweep of dex/decoder.py (``sweep``: an instruction's
size from its opcode, a payload pseudo-instruction's from its header, an error when either runs past the end
of the code) is run for every code item together, so the index can keep only real instructions.

No library decodes Dalvik code as arrays (androguard decodes one method at a time in Python, slower than our
own sweep), hence this module. Two phases, both a few numpy operations per step:

1. every code item's instruction pointer advances together, one instruction per step, while many items are
   still running (most methods are a few dozen instructions long);
2. the few long items left are finished by pointer doubling: each position of their remaining code points to
   the next instruction as if one started there; marking what the item's current pointer reaches through
   jumps of 1, 2, 4... instructions, in about log2(length) rounds, marks exactly the instructions the sweep
   would meet.

An item is *undecided* when the sweep of it would raise (an instruction or payload running past its end, code
past the end of the file) or when it is too long to double cheaply; callers decode those as before, so their
answers and errors stay those of the sweep.
"""

from __future__ import annotations

import numpy as np

from apkaudit.dex.arrays import unique
from apkaudit.dex.opcodes import FILL_ARRAY_DATA_IDENT, OPCODE_UNITS, PACKED_SWITCH_IDENT, SPARSE_SWITCH_IDENT

# size in units of the instruction a code unit opens (opcode in its low byte), 0 for a payload's first unit
_UNIT_SIZES = np.tile(np.asarray(OPCODE_UNITS, dtype=np.uint8), 256)
_UNIT_SIZES[[ident << 8 for ident in (PACKED_SWITCH_IDENT, SPARSE_SWITCH_IDENT, FILL_ARRAY_DATA_IDENT)]] = 0
# Phase 1 runs while more items than this are running and for at most this many steps; each step costs a
# dozen numpy calls whatever the number of items, so the long tail is cheaper by doubling (measured).
_TAIL_ITEMS = 64
_MAX_STEPS = 1024
# Phase 2 doubles about this many code units at once (~30 bytes of arrays each), and leaves an item longer than
# _LONGEST_ITEM units to decode (512 KB of code in one method: javac refuses a method over 64 KB of bytecode).
_DOUBLING_UNITS = 1 << 17
_LONGEST_ITEM = 1 << 18


class _Widths:
    """Each code unit's instruction size if an instruction started there, as the sweep sizes it.

    Sizes of ordinary instructions are one byte per unit (uint8, 1 to 5); a payload pseudo-instruction, whose
    size is in its header, is 0 there and found in a short sorted table.
    """

    def __init__(self, buf: np.ndarray, lo: int, n_units: int) -> None:
        code = buf[lo : lo + 2 * n_units].view("<u2")  # whole code units: one contiguous look-up
        self.units = _UNIT_SIZES[code]
        self.payloads = np.flatnonzero(self.units == 0)
        self.payload_units = _payload_units(buf, lo + 2 * self.payloads.astype(np.int64))

    def at(self, unit: np.ndarray) -> np.ndarray:
        """Sizes (int64) of the instructions starting at these units (relative to ``lo``)."""
        width: np.ndarray = self.units[unit].astype(np.int64)
        payload = np.flatnonzero(width == 0)
        if len(payload):
            width[payload] = self.payload_units[np.searchsorted(self.payloads, unit[payload])]
        return width


def _u16(buf: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Little-endian u16 at each position (clamped into the buffer: such a payload runs past its end anyway)."""
    at = np.minimum(at, len(buf) - 2)
    value: np.ndarray = buf[at].astype(np.int64) | (buf[at + 1].astype(np.int64) << 8)
    return value


def _payload_units(buf: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Size in units of each payload pseudo-instruction (decoder.payload_units).

    The header check of payload_units needs no test of its own: a payload is at least as long as its header,
    so a header past the end of the code means a payload past it too, which the caller flags.
    """
    ident = buf[pos + 1]
    width_or_size = _u16(buf, pos + 2)
    count = _u16(buf, pos + 4) | (_u16(buf, pos + 6) << 16)
    return np.where(
        ident == PACKED_SWITCH_IDENT,
        4 + 2 * width_or_size,
        np.where(ident == SPARSE_SWITCH_IDENT, 2 + 4 * width_or_size, 4 + (width_or_size * count + 1) // 2),
    )


def find(buf: np.ndarray, ilo: np.ndarray, ihi: np.ndarray, lo: int) -> tuple[np.ndarray, np.ndarray]:
    """(is_start, undecided): instruction starts as a mask over the code units from ``lo``, per item a flag.

    ``ilo``/``ihi`` (int64): each code item's instructions [ilo, ihi), not overlapping, even, from ``lo`` on.
    ``is_start[(p - lo) >> 1]`` is true for every instruction start ``p`` of every decided item.
    """
    undecided = ihi > len(buf)  # instructions past the end of the file: the decoder refuses the item
    n_units = (int(np.max(np.where(undecided, lo, ihi), initial=lo)) - lo) // 2
    widths = _Widths(buf, lo, n_units)
    is_start = np.zeros(n_units, dtype=bool)
    item = np.flatnonzero(~undecided & (ihi > ilo))
    unit, end = (ilo[item] - lo) >> 1, (ihi[item] - lo) >> 1
    for _ in range(_MAX_STEPS):
        if len(item) <= _TAIL_ITEMS:
            break
        is_start[unit] = True
        nxt = unit + widths.at(unit)
        bad = nxt > end
        if bad.any():
            undecided[item[bad]] = True
        going = nxt < end
        item, unit, end = item[going], nxt[going], end[going]
    if len(item):
        _double(widths, item, unit, end, is_start, undecided)
    return is_start, undecided


def _double(
    widths: _Widths, item: np.ndarray, unit: np.ndarray, end: np.ndarray, is_start: np.ndarray, undecided: np.ndarray
) -> None:
    """Phase 2: finish the items still running from ``unit``, in batches of about _DOUBLING_UNITS units."""
    units = end - unit
    too_long = units > _LONGEST_ITEM
    undecided[item[too_long]] = True
    keep = np.flatnonzero(~too_long)
    batch = np.cumsum(units[keep]) // _DOUBLING_UNITS  # consecutive items, about _DOUBLING_UNITS units each
    for b in unique(batch):
        sel = keep[batch == b]
        _double_batch(widths, item[sel], unit[sel], end[sel], is_start, undecided)


def _double_batch(
    widths: _Widths, item: np.ndarray, unit: np.ndarray, end: np.ndarray, is_start: np.ndarray, undecided: np.ndarray
) -> None:
    """Mark what the sweep from each ``unit`` meets before its ``end``, by pointer doubling over every unit."""
    units = end - unit
    total = int(units.sum())
    first = np.cumsum(units) - units  # each item's first unit in the batch
    owner = np.repeat(np.arange(len(item)), units)
    here = np.arange(total, dtype=np.int64)
    at = unit[owner] + (here - first[owner])  # every unit of the items' remaining code
    nxt = at + widths.at(at)
    bad = nxt > end[owner]
    sink = total  # past the end (or running past it): absorbing
    jump = np.where(nxt >= end[owner], sink, here + (nxt - at)).astype(np.int32)
    jump = np.append(jump, np.int32(sink))
    reached = np.zeros(total + 1, dtype=bool)
    reached[first] = True
    rounds = int(units.max()).bit_length()
    for r in range(rounds):
        # here reached holds what lies fewer than 2**r instructions on from a start, jump leads 2**r on
        reached[jump[reached]] = True
        if r + 1 < rounds:
            jump = jump[jump]
    reached = reached[:total]
    undecided[item[unique(owner[reached & bad])]] = True
    is_start[at[reached]] = True
