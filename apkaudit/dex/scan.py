"""The regex scan for candidate uses of table indices, for a DEX whose code layout the reverse index refuses.

DexFile.code_users answers from the reverse index (dex/useindex.py); when code items are odd-aligned or
overlap (only malformed files), it scans the code region with a compiled ``bytes`` regex instead: an opcode of
a wanted family at an even position of some code item's instructions, then a wanted index in little-endian.
The code items found are then decoded to confirm, as the index's undecided ones are.
"""

from __future__ import annotations

import bisect
import functools
import re
import struct
from collections.abc import Mapping

from apkaudit.dex.opcodes import CONST_STRING_JUMBO, KIND_OPCODES, OPCODE_KINDS

_U16 = struct.Struct("<H")
_U32 = struct.Struct("<I")


def scan_candidates(
    data: bytes, region: tuple[int, int], starts: list[int], wanted: Mapping[str | None, frozenset[int]]
) -> list[int]:
    """Code items that may use a wanted index: a regex scan of the code region (for malformed layouts)."""
    region_lo, region_hi = region
    size = len(data)

    opcodes = b"".join(KIND_OPCODES[kind] for kind in wanted if kind is not None)
    low16 = frozenset(v & 0xFFFF for values in wanted.values() for v in values)
    pattern = _scan_pattern(opcodes, low16)

    kinds = OPCODE_KINDS
    u16 = _U16.unpack_from
    u32 = _U32.unpack_from
    candidates: set[int] = set()
    last_start = -1
    last_lo = last_hi = 0
    for match in pattern.finditer(data, region_lo, region_hi):
        pos = match.start()
        op = data[pos]
        ref_kind = kinds[op]
        if ref_kind not in wanted or pos + (6 if op == CONST_STRING_JUMBO else 4) > size:
            continue
        index = u32(data, pos + 2)[0] if op == CONST_STRING_JUMBO else u16(data, pos + 2)[0]
        if index not in wanted[ref_kind]:
            continue
        if not last_lo <= pos < last_hi:
            j = bisect.bisect_right(starts, pos) - 1
            if j < 0:
                continue
            last_start = starts[j]
            if last_start + 16 > size:
                continue
            last_lo = last_start + 16
            last_hi = last_lo + 2 * u32(data, last_start + 12)[0]
            if not last_lo <= pos < last_hi:
                last_hi = 0
                continue
        if (pos - last_lo) & 1 == 0:
            candidates.add(last_start)
    return sorted(candidates)


# Above this many distinct 16-bit index values an alternation costs more to compile
# and run than checking every opcode position against a set (measured).
_MAX_ALTERNATION_VALUES = 5000


@functools.lru_cache(maxsize=64)
def _scan_pattern(opcodes: bytes, low16: frozenset[int]) -> re.Pattern[bytes]:
    """Regex for candidate uses: an opcode in ``opcodes``, any byte, then a wanted u16 (LE).

    Only the opcode byte is consumed (the rest is a lookahead) so overlapping
    candidates are all reported.  The alternation is grouped by the low byte,
    so it has at most 256 branches, and is preceded by a cheap character-class
    test of that low byte.  For very large sets only the opcode and length are
    matched and the caller's set check does the filtering.
    """
    ops = b"[" + _class_body(opcodes) + b"]"
    if len(low16) > _MAX_ALTERNATION_VALUES:
        return re.compile(ops + b"(?=...)", re.DOTALL)
    by_low: dict[int, list[int]] = {}
    for value in low16:
        by_low.setdefault(value & 0xFF, []).append(value >> 8)
    branches = []
    for low in sorted(by_low):
        highs = bytes(sorted(by_low[low]))
        high_re = re.escape(highs) if len(highs) == 1 else b"[" + _class_body(highs) + b"]"
        branches.append(re.escape(bytes([low])) + high_re)
    lows = b"[" + _class_body(bytes(by_low)) + b"]"
    source = ops + b"(?=." + lows + b")(?=.(?:" + b"|".join(branches) + b"))"
    return re.compile(source, re.DOTALL)


def _class_body(values: bytes) -> bytes:
    """Body of a regex character class matching exactly the given byte values."""
    return b"".join(re.escape(bytes([v])) for v in sorted(set(values)))
