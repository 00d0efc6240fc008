"""numpy helpers for the DEX layer's whole-file indexes, which are built where the audit's memory peaks."""

from __future__ import annotations

import numpy as np

_CHUNK = 1 << 16  # mask entries per flatnonzero (512 KB of int64 at most)


def nonzero_u32(mask: np.ndarray) -> np.ndarray:
    """``np.flatnonzero(mask)`` as uint32 (the mask shorter than 2**32), a chunk at a time: flatnonzero's own
    int64 array of them all would be twice the result, on top of it."""
    out = np.empty(int(np.count_nonzero(mask)), dtype=np.uint32)
    at = 0
    for first in range(0, len(mask), _CHUNK):
        found = np.flatnonzero(mask[first : first + _CHUNK])
        out[at : at + len(found)] = found + first
        at += len(found)
    return out


def unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` for a 1-d array: sorted, without repeats. Ours because numpy 2's first call of
    np.unique imports numpy.ma (15-25 ms), which nothing else in an audit needs: a fresh process paid it."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
