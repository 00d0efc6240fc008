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
