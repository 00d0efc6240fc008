"""The methods of every class of a DEX, decoded from all class_data_items at once with numpy.

Walking callers names the methods that own code items (a code_off -> method index) and lists the methods of
thousands of classes; decoding each class_data_item in Python (four ULEB128 counts, the fields skipped, three
ULEB128 values per method) costs ~0.3 s on a 50,000-method DEX. A class_data_item is nothing but ULEB128
values, and a value ends at every byte below 0x80, so the whole class_data section splits into values in one
pass wherever it is entered: a class's values are those from its class_data_off on.

:func:`build` returns ``None`` unless it can promise the answers of DexFile's Python decode (``_raw_methods``)
for every class: a class_data_off outside the section or not at a value boundary, a value longer than five
bytes where the decoder reads one, counts beyond the id tables or the file, a method index out of range, or
values past the section. The caller then decodes in Python, which raises the same errors as before.
"""

from __future__ import annotations

import bisect

import numpy as np

from apkaudit.dex.arrays import nonzero_u32

_MAX_ULEB = 5  # bytes; the decoder refuses a longer ULEB128 where it reads a value (fields are only skipped)


class MethodTable:
    """Per class (by class_def index): its direct then virtual methods as (method index, flags, code_off)."""

    def __init__(self, first: np.ndarray, method: np.ndarray, flags: np.ndarray, code: np.ndarray) -> None:
        self._first = first.tolist()  # class i's rows are [first[i], first[i + 1])
        self._method, self._flags, self._code = method, flags, code
        self.code_value_index = np.zeros(0, dtype=np.int64)  # where each row's code_off is among the values
        self.searchable = False
        """True when DexFile's search of the class data for a code_off's bytes would find exactly the owners
        this table holds (every code_off in its shortest encoding, no two classes' data overlapping)."""
        self._by_code: tuple[np.ndarray, ...] | None = None
        self._code_list: list[int] = []

    def owners_at(self, code_off: int) -> list[tuple[int, int, int]]:
        """Sorted (method index, flags, class index) of the methods whose code is at ``code_off`` (not 0)."""
        if self._by_code is None:
            classes = np.repeat(np.arange(len(self._first) - 1), np.diff(self._first))
            has = np.flatnonzero(self._code != 0)
            code, method, flags, classes = self._code[has], self._method[has], self._flags[has], classes[has]
            order = np.lexsort((classes, flags, method, code))
            self._by_code = (code[order], method[order], flags[order], classes[order])
            self._code_list = self._by_code[0].tolist()  # bisect on a list: numpy's per-call cost is 10x
        lo = bisect.bisect_left(self._code_list, code_off)
        hi = bisect.bisect_right(self._code_list, code_off, lo)
        if hi - lo == 1:  # the usual answer: one method per code item (numpy slices cost ~1 us each)
            _code, method, flags, classes = self._by_code
            return [(int(method[lo]), int(flags[lo]), int(classes[lo]))]
        _code, method, flags, classes = self._by_code
        return list(zip(method[lo:hi].tolist(), flags[lo:hi].tolist(), classes[lo:hi].tolist(), strict=True))

    def rows(self, class_index: int) -> list[tuple[int, int, int]]:
        """(method index, access flags, code_off) of the class's methods, as DexFile._raw_methods."""
        lo, hi = self._first[class_index], self._first[class_index + 1]
        method, flags, code = self._method[lo:hi].tolist(), self._flags[lo:hi].tolist(), self._code[lo:hi].tolist()
        return list(zip(method, flags, code, strict=True))

    def owners(self) -> tuple[list[int], list[tuple[int, int, int]]]:
        """Code offsets (sorted) and their (method index, flags, class index), for methods with code.

        In the order of sorting (code_off, method index, flags, class index) tuples, as the Python index did.
        """
        self.owners_at(0)  # sorts them
        assert self._by_code is not None
        code, method, flags, classes = self._by_code
        return code.tolist(), list(zip(method.tolist(), flags.tolist(), classes.tolist(), strict=True))


class _Values:
    """The ULEB128 values the section splits into, read at the indices asked for.

    Only where each value ends is kept (uint32): this is built where the audit's memory peaks, and most values
    are the fields', which are only skipped (synth-2's classes2.dex: 150,510 values, 7,506 methods), so int64
    arrays of every value's start, length and value took 6.0 MB there, for a few thousand read.
    """

    def __init__(self, section: np.ndarray) -> None:
        self.section = section
        self.ends = nonzero_u32(section < 0x80)

    def __len__(self) -> int:
        return len(self.ends)

    def first_of(self, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index of the value starting at each offset, whether one starts there) for offsets in the section."""
        # the values ending before it, searched in the ends' own dtype (another would convert the whole array)
        index = np.searchsorted(self.ends, offsets.astype(np.uint32))
        prev = self.section[np.maximum(offsets - 1, 0)]
        return index, (index < len(self.ends)) & ((offsets == 0) | (prev < 0x80))

    def end(self, i: np.ndarray) -> np.ndarray:
        """Offset just past each value (int64)."""
        after: np.ndarray = self.ends[i].astype(np.int64) + 1
        return after

    def read(self, i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(lengths, values) of these values (int64), those of at most five bytes as the decoder reads them: the
        fifth byte's bits above 32 dropped."""
        starts = np.where(i > 0, self.ends[np.maximum(i - 1, 0)].astype(np.int64) + 1, 0)
        lengths = self.end(i) - starts
        section = self.section
        values = (section[starts] & 0x7F).astype(np.int64)
        for j in range(1, _MAX_ULEB):
            more = np.flatnonzero(lengths > j)
            if not len(more):
                break
            values[more] |= (section[starts[more] + j] & 0x7F).astype(np.int64) << (7 * j)
        return lengths, values & 0xFFFFFFFF


def build(
    buf: np.ndarray, class_data_offs: np.ndarray, region: tuple[int, int], n_fields: int, n_methods: int
) -> MethodTable | None:
    """Every class's methods from the class_data section ``region``, or ``None`` (see the module docstring)."""
    offs = class_data_offs.astype(np.int64)
    lo, hi = region
    has = np.flatnonzero(offs)
    if len(has) and (hi <= lo or offs[has].min() < lo or offs[has].max() >= hi):
        return None
    if not len(has):
        return MethodTable(np.zeros(len(offs) + 1, dtype=np.int64), *(np.zeros(0, dtype=np.int64) for _ in range(3)))
    values = _Values(buf[lo:hi])
    if not len(values):
        return None
    k, starts_there = values.first_of(offs[has] - lo)  # each class's first value
    if np.any(k + 4 > len(values)) or not np.all(starts_there):
        return None
    header = [values.read(k + j) for j in range(4)]  # static fields, instance fields, direct methods, virtual
    counts = [value for _length, value in header]
    header_long = np.any([length > _MAX_ULEB for length, _value in header], axis=0)
    after = lo + values.end(k + 3)  # where the decoder stands after the counts
    fields, direct, virtual = counts[0] + counts[1], counts[2], counts[3]
    bad = (
        header_long
        | (np.maximum(counts[0], counts[1]) > n_fields)
        | (np.maximum(direct, virtual) > n_methods)
        | (2 * fields + 3 * (direct + virtual) > len(buf) - after)
        | (k + 4 + 2 * fields + 3 * (direct + virtual) > len(values))
    )
    if np.any(bad):
        return None
    made = _table(len(offs), has, k + 4 + 2 * fields, direct, virtual, values, n_methods)
    if made is None:
        return None
    table, code_length = made
    end = k + 4 + 2 * fields + 3 * (direct + virtual) - 1  # each class's last value
    last = values.section[values.end(table.code_value_index) - 1]
    table.searchable = _disjoint(offs[has], lo + values.end(end)) and _canonical(table._code, code_length, last)
    return table


def _disjoint(begin: np.ndarray, end: np.ndarray) -> bool:
    """Do the classes' data [begin, end) lie apart from each other?"""
    order = np.argsort(begin, kind="stable")
    return bool(np.all(end[order][:-1] <= begin[order][1:]))


def _canonical(value: np.ndarray, length: np.ndarray, last: np.ndarray) -> bool:
    """Are these values (of these lengths, ending in these bytes) written in their shortest encoding (as
    DexFile's search for a code_off writes it)?"""
    shortest = 1 + sum((value >= 1 << (7 * j)).astype(np.int64) for j in range(1, _MAX_ULEB))
    return bool(np.all((length == shortest) & ((length < _MAX_ULEB) | (last <= 0x0F))))


def _table(
    n_classes: int,
    has: np.ndarray,
    first_value: np.ndarray,
    direct: np.ndarray,
    virtual: np.ndarray,
    values: _Values,
    n_methods: int,
) -> tuple[MethodTable, np.ndarray] | None:
    """The rows of the classes ``has`` whose method values start at ``first_value``, and the lengths of their
    code_off values."""
    per_class = np.zeros(n_classes, dtype=np.int64)
    per_class[has] = direct + virtual
    first = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(per_class)])
    n_rows = int(first[-1])
    if n_rows > n_methods:  # each method is defined once: classes sharing their data, say (hostile files)
        return None
    owner = np.repeat(np.arange(len(has)), direct + virtual)  # position in ``has`` of each row's class
    row = np.arange(n_rows, dtype=np.int64) - first[has][owner]  # row within its class
    at = first_value[owner] + 3 * row  # value index of (index diff, flags, code_off)
    (diff_length, diff), (flags_length, flags), (code_length, code) = (values.read(at + j) for j in range(3))
    if np.any(diff_length > _MAX_ULEB) or np.any(flags_length > _MAX_ULEB) or np.any(code_length > _MAX_ULEB):
        return None
    # method indices restart from 0 in each class's direct and then virtual list: a cumulative sum per group
    group_first = first[has][owner] + np.where(row >= direct[owner], direct[owner], 0)
    total = np.cumsum(diff)
    method = total - total[group_first] + diff[group_first]
    if n_rows and method.max() >= n_methods:
        return None
    table = MethodTable(first, method, flags, code)
    table.code_value_index = at + 2
    return table, code_length
