"""A small, lazy reader for Dalvik Executable (``.dex``) files.

Why this exists
---------------
androguard (the reference parser) decodes *everything* up front: every string,
every class, every method and its code.  For a large multi-dex app that is
about 4 s of pure parsing (and ``AnalyzeAPK`` needs ~18 s / 1.2 GB), while the
auditor only needs to answer narrow questions:

* "which methods call one of these ~50 sensitive framework methods, read one
  of these ~20 fields or load one of these strings?", and then
* "who calls *that* method?", walking callers backward on demand.

Both are index look-ups.  The DEX id tables are sorted (strings in UTF-16
code-unit order, types by string index, fields and methods by ``(class, name,
type/proto)``), so a reference can be found by binary search without decoding
the tables.  Instructions that reference a table entry carry the index as a
little-endian literal right after the opcode byte and one register byte, so
the reverse index of the code (dex/useindex.py, with dex/starts.py finding
where every code item's instructions start) is built with numpy in one pass
and holds exactly the instructions the decoder would meet; a malformed layout
is scanned with a ``bytes`` regex instead (dex/scan.py).  The code item
offsets come from walking the map's code_item section (a few tens of
milliseconds even for 50,000 methods, checked against a sample of class data).
Naming the method that owns a code item, and listing a class's methods, read a
table of every class's methods decoded at once (dex/classdata.py); the
class data is searched for the offset's uleb128 bytes, or decoded class by
class, only when that table cannot promise the same answer.

This module therefore reads only the header and checks the bounds of the id
tables when a :class:`DexFile` is created; everything else is decoded when it
is first asked for and cached.  It follows the public format description at
https://source.android.com/docs/core/runtime/dex-format and uses only the
standard library and numpy.

Robustness contract: for any input, every public function either returns a
result or raises :class:`DexError` (a :class:`ValueError`) whose message starts
with the file name; it never loops forever.  Indices passed by the caller that
are out of range also raise :class:`DexError`.

Limitations: little-endian files only (``REVERSE_ENDIAN_CONSTANT`` files are
rejected), compact dex (``cdex``) is not supported, and for a version-41 dex
container only the first dex in the container is read.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from apkaudit.dex.classdata import MethodTable
from apkaudit.dex.classdata import build as build_method_table
from apkaudit.dex.decoder import RawInsn, make_insn, sweep
from apkaudit.dex.encoding import (
    DexError,
    code_point_order_is_exact,
    decode_mutf8,
    sleb128,
    uleb128,
    uleb_encode,
    uleb_fast,
    utf16_key,
)
from apkaudit.dex.header import HEADER_MIN, Header, read_header
from apkaudit.dex.items import ClassDef, CodeItem, EncodedMethod, FieldRef, Insn, MethodRef
from apkaudit.dex.scan import scan_candidates
from apkaudit.dex.useindex import UseIndex
from apkaudit.dex.useindex import build as build_use_index

NO_INDEX = 0xFFFFFFFF
"""The DEX ``NO_INDEX`` marker (e.g. ``superclass_idx`` of ``java.lang.Object``)."""

# map_list item type codes used here.
_TYPE_CALL_SITE_ID_ITEM = 0x0007
_TYPE_METHOD_HANDLE_ITEM = 0x0008
_TYPE_CLASS_DATA_ITEM = 0x2000
_TYPE_CODE_ITEM = 0x2001
_MAX_MAP_ITEMS = 256  # each item type may appear at most once; ~20 types exist
# find_methods binary-searches this many times before building a dict of the whole table
# (~0.1 s on a 64k-method DEX, worth it only for a long backward walk).
_BISECT_LOOKUPS = 2000
# How many classes' code offsets must be found by the code-section walk for it to be trusted.
_WALK_CHECK_CLASSES = 16

# encoded_value type codes.
_VALUE_METHOD_HANDLE = 0x16
_VALUE_STRING = 0x17
_VALUE_ARRAY = 0x1C
_VALUE_ANNOTATION = 0x1D
_VALUE_NULL = 0x1E
_VALUE_BOOLEAN = 0x1F
_SIZED_VALUE_TYPES = frozenset({0x00, 0x02, 0x03, 0x04, 0x06, 0x10, 0x11, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B})
_MAX_VALUE_DEPTH = 32

# method_handle_item.method_handle_type values >= this refer to a method.
_METHOD_HANDLE_FIRST_INVOKE = 0x04

_LAMBDA_METAFACTORY = "Ljava/lang/invoke/LambdaMetafactory;"

_U16 = struct.Struct("<H")
_U32 = struct.Struct("<I")
_H_H_I = struct.Struct("<HHI")
_III = struct.Struct("<III")
_CODE_HEADER = struct.Struct("<HHHHII")


_Refs = tuple[list[RawInsn], dict[tuple[str | None, int | None], list[RawInsn]]]
"""A code item's reference-taking instructions, in order and grouped by (kind, index)."""


class _IndexView(Sequence[int]):
    """A read-only view of one little-endian unsigned column of a fixed-size table.

    Lets :mod:`bisect` binary-search a table without decoding it.
    """

    __slots__ = ("_data", "_off", "_stride", "_len", "_struct")

    def __init__(self, data: bytes, off: int, count: int, stride: int, fmt: struct.Struct) -> None:
        self._data = data
        self._off = off
        self._stride = stride
        self._len = count
        self._struct = fmt

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> int:  # type: ignore[override]
        if not 0 <= i < self._len:
            raise IndexError(i)
        value: int = self._struct.unpack_from(self._data, self._off + i * self._stride)[0]
        return value


# --------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------


class DexFile:
    """Lazy view of one DEX file held in memory.

    Creating it validates the header and that every id table lies inside the
    buffer; nothing else is decoded until asked for.
    """

    def __init__(self, data: bytes, name: str = "classes.dex") -> None:
        """Check the header of ``data`` and the bounds of its tables.

        Raises :class:`DexError` (``"<name>: <problem>"``) if anything is
        malformed or truncated.
        """
        self._name = name
        buf = bytes(data)
        self._data = buf
        self._size = len(buf)
        header = read_header(buf, name)
        self._version = header.version
        self._read_tables(header)
        self._call_site_ids_off = 0
        self._n_call_sites: int = 0
        self._method_handles_off = 0
        self._n_method_handles: int = 0
        self._code_section = (0, 0, 0)  # (offset, count, next section's offset) of the code_items
        self._class_data_region = (0, 0)  # [start, end) of the class_data_item section
        if header.map_off:
            self._read_map(header.map_off, header.header_size)
        self._start_caches()

    def _read_tables(self, h: Header) -> None:
        """Where each id table lies, checked to be inside the file."""
        self._string_ids_off = self._table("string_ids", h.string_ids_off, h.string_ids_size, 4)
        self._type_ids_off = self._table("type_ids", h.type_ids_off, h.type_ids_size, 4)
        self._proto_ids_off = self._table("proto_ids", h.proto_ids_off, h.proto_ids_size, 12)
        self._field_ids_off = self._table("field_ids", h.field_ids_off, h.field_ids_size, 8)
        self._method_ids_off = self._table("method_ids", h.method_ids_off, h.method_ids_size, 8)
        self._class_defs_off = self._table("class_defs", h.class_defs_off, h.class_defs_size, 32)
        if h.data_size and (h.data_off < h.header_size or h.data_off + h.data_size > self._size):
            raise self._error(f"data section [{h.data_off}, +{h.data_size}) outside the file")
        self._n_strings: int = h.string_ids_size
        self._n_types: int = h.type_ids_size
        self._n_protos: int = h.proto_ids_size
        self._n_fields: int = h.field_ids_size
        self._n_methods: int = h.method_ids_size
        self._n_classes: int = h.class_defs_size

    def _start_caches(self) -> None:
        """The caches every look-up fills on first use."""
        string_ids_size, type_ids_size, class_defs_size = self._n_strings, self._n_types, self._n_classes
        # Lazily filled caches.
        self._str_cache: list[str | None] = [None] * string_ids_size
        self._type_cache: list[str | None] = [None] * type_ids_size
        self._proto_cache: dict[int, str] = {}
        self._params_cache: dict[int, str] = {}  # type_list offset -> its types joined (protos share type lists)
        self._find_string_memo: dict[str, int | None] = {}
        self._method_runs_cache: dict[int, int] | None = None
        self._method_lookups = 0
        self._fields_in_order: bool | None = None  # _fields_sorted
        self._mref_cache: dict[int, MethodRef] = {}
        self._msig_cache: dict[int, str] = {}
        self._fref_cache: dict[int, FieldRef] = {}
        self._class_cache: list[ClassDef | None] = [None] * class_defs_size
        self._classes: tuple[ClassDef, ...] | None = None
        self._class_by_type: dict[int, int] | None = None
        # Code items, found by walking the code section (or from class data).
        self._code_starts: list[int] | None = None  # sorted code_item offsets
        self._code_region = (0, 0)
        # Full code_off -> method index, sorted by code_off (built only if needed).
        self._owner_offs: list[int] | None = None
        self._owner_info: list[tuple[int, int, int]] = []
        self._owner_cache: dict[int, list[tuple[int, int, int]]] = {}
        self._sorted_class_data: tuple[list[int], list[int]] | None = None
        self._index_error: DexError | None = None
        # Every class's methods decoded at once (None until asked for, or when only the Python decode is exact).
        self._method_table: MethodTable | None = None
        self._method_table_built = False
        # The reverse index of the code (built on the first code_users question), False when it cannot be exact.
        self._use_index: UseIndex | None = None
        self._use_index_built = False
        # Reference-taking instructions of recently decoded code items (the flow search asks about the same ones).
        self._refs_cache: dict[int, _Refs] = {}

    # ------------------------------------------------------------------ basics

    def _error(self, problem: str) -> DexError:
        return DexError(f"{self._name}: {problem}")

    def _malformed(self, what: str, exc: BaseException) -> DexError:
        return self._error(f"malformed {what} ({type(exc).__name__}: {exc})")

    def _table(self, label: str, off: int, count: int, item_size: int) -> int:
        if count == 0:
            return 0
        if off < HEADER_MIN or off + count * item_size > self._size:
            raise self._error(f"{label} table ({count} x {item_size} bytes at 0x{off:x}) lies outside the file")
        return off

    def _read_map(self, map_off: int, header_size: int) -> None:
        data = self._data
        if map_off < header_size or map_off + 4 > self._size:
            raise self._error(f"map_off 0x{map_off:x} outside the file")
        (count,) = _U32.unpack_from(data, map_off)
        if count > _MAX_MAP_ITEMS:
            raise self._error(f"map_list claims {count} items (the format defines about 20 item types)")
        if map_off + 4 + 12 * count > self._size:
            raise self._error(f"map_list ({count} items at 0x{map_off:x}) runs past the end")
        items = [struct.unpack_from("<HHII", data, map_off + 4 + 12 * i) for i in range(count)]
        section_offsets = sorted({item[3] for item in items} | {self._size})
        for item_type, _unused, item_size, item_off in items:
            if item_type == _TYPE_CALL_SITE_ID_ITEM:
                self._call_site_ids_off = self._table("call_site_ids", item_off, item_size, 4)
                self._n_call_sites = item_size
            elif item_type == _TYPE_METHOD_HANDLE_ITEM:
                self._method_handles_off = self._table("method_handles", item_off, item_size, 8)
                self._n_method_handles = item_size
            elif item_type == _TYPE_CODE_ITEM and item_size:
                if not header_size <= item_off < self._size:
                    raise self._error(f"code_item section offset 0x{item_off:x} outside the file")
                end = section_offsets[bisect.bisect_right(section_offsets, item_off)]
                self._code_section = (item_off, item_size, end)
            elif item_type == _TYPE_CLASS_DATA_ITEM and item_size:
                if not header_size <= item_off < self._size:
                    raise self._error(f"class_data section offset 0x{item_off:x} outside the file")
                end = section_offsets[bisect.bisect_right(section_offsets, item_off)]
                self._class_data_region = (item_off, end)

    def _check_index(self, label: str, idx: int, count: int) -> None:
        if not 0 <= idx < count:
            raise self._error(f"{label} index {idx} out of range (table has {count})")

    @property
    def name(self) -> str:
        """The name given at construction (used in error messages)."""
        return self._name

    @property
    def version(self) -> int:
        """DEX format version from the magic, e.g. 35, 38, 39."""
        return self._version

    @property
    def data(self) -> bytes:
        """The underlying buffer."""
        return self._data

    @property
    def string_count(self) -> int:
        """Number of ``string_ids``."""
        return self._n_strings

    @property
    def type_count(self) -> int:
        """Number of ``type_ids``."""
        return self._n_types

    @property
    def proto_count(self) -> int:
        """Number of ``proto_ids``."""
        return self._n_protos

    @property
    def field_count(self) -> int:
        """Number of ``field_ids``."""
        return self._n_fields

    @property
    def method_count(self) -> int:
        """Number of ``method_ids``."""
        return self._n_methods

    @property
    def class_count(self) -> int:
        """Number of ``class_defs``."""
        return self._n_classes

    @property
    def call_site_count(self) -> int:
        """Number of ``call_site_ids`` (0 before DEX 038)."""
        return self._n_call_sites

    @property
    def method_handle_count(self) -> int:
        """Number of ``method_handles`` (0 before DEX 038)."""
        return self._n_method_handles

    def __repr__(self) -> str:
        return (
            f"DexFile({self._name!r}, version={self._version:03d}, strings={self._n_strings}, "
            f"methods={self._n_methods}, classes={self._n_classes})"
        )

    # ---------------------------------------------------------------- strings

    def string(self, idx: int) -> str:
        """The string at ``string_ids[idx]`` (MUTF-8 decoded, cached)."""
        if 0 <= idx < self._n_strings:
            cached = self._str_cache[idx]
            if cached is not None:
                return cached
            text = self._load_string(idx)
            self._str_cache[idx] = text
            return text
        raise self._error(f"string index {idx} out of range (table has {self._n_strings})")

    def _load_string(self, idx: int) -> str:
        data = self._data
        (off,) = _U32.unpack_from(data, self._string_ids_off + 4 * idx)
        if not HEADER_MIN <= off < self._size:
            raise self._error(f"string {idx}: data offset 0x{off:x} outside the file")
        utf16_size = data[off]
        if utf16_size < 0x80:  # a length of one byte, as nearly every string has: no call to the decoder
            pos = off + 1
        else:
            try:
                utf16_size, pos = uleb128(data, off)
            except DexError as exc:
                raise self._error(f"string {idx}: {exc}") from None
        end = data.find(b"\x00", pos)
        if end < 0:
            raise self._error(f"string {idx}: data truncated (no terminating NUL)")
        raw = data[pos:end]
        if raw.isascii():
            text = raw.decode("ascii")
            units = len(text)
        else:
            try:
                text = raw.decode("utf-8")
                units = len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
            except UnicodeDecodeError:
                try:
                    text, units = decode_mutf8(raw)
                except DexError as exc:
                    raise self._error(f"string {idx}: {exc}") from None
        if units != utf16_size:
            raise self._error(f"string {idx}: decoded {units} UTF-16 units, header says {utf16_size}")
        return text

    def _string_key(self, idx: int) -> bytes:
        return utf16_key(self.string(idx))

    def find_string(self, value: str) -> int | None:
        """Index of ``value`` in ``string_ids`` by binary search, or ``None``. Memoised."""
        memo = self._find_string_memo
        if value in memo:
            return memo[value]
        n = self._n_strings
        if code_point_order_is_exact(value):
            i = bisect.bisect_left(range(n), value, key=self.string)
        else:
            i = bisect.bisect_left(range(n), utf16_key(value), key=self._string_key)
        found = i if i < n and self.string(i) == value else None
        memo[value] = found
        return found

    def string_data_span(self) -> tuple[int, int]:
        """(start, stop) of the bytes that hold every string's data item (its length, text and NUL), from the
        lowest and highest offsets in ``string_ids``; (0, 0) when there are none, or they point outside the file.
        A scan for strings in the raw bytes need not read the code and the other sections."""
        if not self._n_strings:
            return (0, 0)
        offsets = np.frombuffer(self._data, dtype="<u4", count=self._n_strings, offset=self._string_ids_off)
        low, high = int(offsets.min()), int(offsets.max())
        end = self._data.find(b"\x00", high) if low >= HEADER_MIN and high < self._size else -1
        return (low, end + 1) if end >= 0 else (0, 0)

    def strings_with_prefix(self, prefix: str) -> range:
        """Contiguous range of string indices whose value starts with ``prefix``."""
        n = self._n_strings
        if code_point_order_is_exact(prefix):
            lo = bisect.bisect_left(range(n), prefix, key=self.string)
            width = len(prefix)
            hi = bisect.bisect_right(range(n), prefix, lo, n, key=lambda i: self.string(i)[:width])
            return range(lo, hi)
        key = utf16_key(prefix)
        lo = bisect.bisect_left(range(n), key, key=self._string_key)
        width = len(key)
        hi = bisect.bisect_right(range(n), key, lo, n, key=lambda i: self._string_key(i)[:width])
        return range(lo, hi)

    # ------------------------------------------------------------------ types

    def type_name(self, idx: int) -> str:
        """Descriptor of ``type_ids[idx]``, e.g. ``Ljava/lang/String;``."""
        if 0 <= idx < self._n_types:
            cached = self._type_cache[idx]
            if cached is not None:
                return cached
            (sidx,) = _U32.unpack_from(self._data, self._type_ids_off + 4 * idx)
            text = self.string(sidx)
            self._type_cache[idx] = text
            return text
        raise self._error(f"type index {idx} out of range (table has {self._n_types})")

    def _type_string_view(self) -> _IndexView:
        return _IndexView(self._data, self._type_ids_off, self._n_types, 4, _U32)

    def find_type(self, descriptor: str) -> int | None:
        """Index of ``descriptor`` in ``type_ids`` (sorted by string index), or ``None``. Memoised."""
        memo = self.__dict__.setdefault("_find_type_memo", {})
        if descriptor in memo:
            return memo[descriptor]  # type: ignore[no-any-return]
        sidx = self.find_string(descriptor)
        found = None
        if sidx is not None:
            view = self._type_string_view()
            i = bisect.bisect_left(view, sidx)
            if i < len(view) and view[i] == sidx:
                found = i
        memo[descriptor] = found
        return found

    def _type_list(self, off: int) -> tuple[str, ...]:
        """A ``type_list`` at ``off`` (0 means empty)."""
        if off == 0:
            return ()
        if not HEADER_MIN <= off <= self._size - 4:
            raise self._error(f"type_list offset 0x{off:x} outside the file")
        (count,) = _U32.unpack_from(self._data, off)
        if off + 4 + 2 * count > self._size:
            raise self._error(f"type_list at 0x{off:x} runs past the end of the file")
        idxs = struct.unpack_from(f"<{count}H", self._data, off + 4)
        return tuple(self.type_name(t) for t in idxs)

    def proto(self, idx: int) -> str:
        """Method descriptor of ``proto_ids[idx]``, e.g. ``(Ljava/lang/String;I)V``."""
        cached = self._proto_cache.get(idx)
        if cached is not None:
            return cached
        self._check_index("proto", idx, self._n_protos)
        _shorty, ret, params_off = _III.unpack_from(self._data, self._proto_ids_off + 12 * idx)
        params = self._params_cache.get(params_off)
        if params is None:
            params = self._params_cache[params_off] = "".join(self._type_list(params_off))
        text = "(" + params + ")" + self.type_name(ret)
        self._proto_cache[idx] = text
        return text

    # ------------------------------------------------------- methods & fields

    def _method_id(self, idx: int) -> tuple[int, int, int]:
        """Raw ``(class_idx, proto_idx, name_idx)`` of ``method_ids[idx]``."""
        self._check_index("method", idx, self._n_methods)
        raw: tuple[int, int, int] = _H_H_I.unpack_from(self._data, self._method_ids_off + 8 * idx)
        return raw

    def _field_id(self, idx: int) -> tuple[int, int, int]:
        """Raw ``(class_idx, type_idx, name_idx)`` of ``field_ids[idx]``."""
        self._check_index("field", idx, self._n_fields)
        raw: tuple[int, int, int] = _H_H_I.unpack_from(self._data, self._field_ids_off + 8 * idx)
        return raw

    def method_ref(self, idx: int) -> MethodRef:
        """``method_ids[idx]`` resolved to strings (cached)."""
        ref = self._mref_cache.get(idx)
        if ref is None:
            class_idx, proto_idx, name_idx = self._method_id(idx)
            ref = MethodRef(self.type_name(class_idx), self.string(name_idx), self.proto(proto_idx))
            self._mref_cache[idx] = ref
        return ref

    def method_signature(self, idx: int) -> str:
        """``method_ref(idx).signature``, made once (cached): the walk names every caller it meets by it, and
        a MethodRef made only to be joined into one string costs as much again."""
        sig = self._msig_cache.get(idx)
        if sig is None:
            class_idx, proto_idx, name_idx = self._method_id(idx)
            sig = f"{self.type_name(class_idx)}->{self.string(name_idx)}{self.proto(proto_idx)}"
            self._msig_cache[idx] = sig
        return sig

    def field_ref(self, idx: int) -> FieldRef:
        """``field_ids[idx]`` resolved to strings (cached)."""
        ref = self._fref_cache.get(idx)
        if ref is None:
            class_idx, type_idx, name_idx = self._field_id(idx)
            ref = FieldRef(self.type_name(class_idx), self.string(name_idx), self.type_name(type_idx))
            self._fref_cache[idx] = ref
        return ref

    def _member_range(self, table_off: int, count: int, class_idx: int, name_idx: int) -> range:
        """Indices of a (class, name)-sorted member table with that class and name."""
        data = self._data

        def key(i: int) -> tuple[int, int]:
            c, _mid, n = _H_H_I.unpack_from(data, table_off + 8 * i)
            return (c, n)

        target = (class_idx, name_idx)
        lo = bisect.bisect_left(range(count), target, key=key)
        hi = bisect.bisect_right(range(count), target, lo, count, key=key)
        return range(lo, hi)

    def method_runs(self) -> dict[int, int]:
        """(class type idx << 32 | name string idx) -> its run of method_ids (start << 32 | stop), built once.

        Callers walking a large program look up tens of thousands of methods; a dict built once costs
        less than that many binary searches through a key function. Ints, not tuples and ranges: a third
        of the memory (~3 MB instead of ~8 MB for 37,000 runs). Valid only for a table sorted by (class, name,
        proto), as the format requires: a caller that reads it directly checks that first.
        """
        runs = self._method_runs_cache
        if runs is None:
            keys = self._member_keys(self._method_ids_off, self._n_methods)
            first = np.flatnonzero(np.diff(keys, prepend=-1))
            stop = np.append(first[1:], len(keys))
            runs = dict(zip(keys[first].tolist(), ((first << 32) | stop).tolist(), strict=True))
            self._method_runs_cache = runs
        return runs

    def forget_method_runs(self) -> None:
        """Drop the dict of method_id runs (a few MB on a large DEX) once its heavy user is done: later
        look-ups binary-search the table again, and many of them rebuild it."""
        self._method_runs_cache = None
        self._method_lookups = 0

    def find_methods_named(self, name: str) -> list[int]:
        """Indices of every ``method_ids`` entry with this name, on any class (one pass over the table)."""
        name_idx = self.find_string(name)
        if name_idx is None:
            return []
        # one numpy pass over the name column (a Python pass costs ~5 ms per 40,000 method_ids)
        names = np.frombuffer(self._data, dtype="<u4", count=2 * self._n_methods, offset=self._method_ids_off)[1::2]
        return [int(i) for i in np.flatnonzero(names == name_idx)]

    def find_methods(self, class_name: str, name: str, proto: str | None = None) -> list[int]:
        """Indices of ``method_ids`` for ``class_name->name`` (all overloads if ``proto`` is None).

        ``method_ids`` are sorted by (class, name, proto): the first look-ups
        binary-search the table; after many, one pass builds a dict of runs.
        """
        class_idx = self.find_type(class_name)
        if class_idx is None:  # before the name's search, as find_fields
            return []
        name_idx = self.find_string(name)
        if name_idx is None:
            return []
        self._method_lookups += 1
        if self._method_runs_cache is None and self._method_lookups <= _BISECT_LOOKUPS:
            found = self._member_range(self._method_ids_off, self._n_methods, class_idx, name_idx)
        else:
            run = self.method_runs().get(class_idx << 32 | name_idx, 0)
            found = range(run >> 32, run & 0xFFFFFFFF)
        if proto is None:
            return list(found)
        return [i for i in found if self.proto(self._method_id(i)[1]) == proto]

    def find_method(self, signature: str) -> int | None:
        """Index of the method ``Lpkg/Cls;->name(args)ret``, or ``None``."""
        class_name, sep, rest = signature.partition("->")
        paren = rest.find("(")
        if not sep or paren <= 0:
            raise DexError(f"not a method signature: {signature!r}")
        found = self.find_methods(class_name, rest[:paren], rest[paren:])
        return found[0] if found else None

    def find_fields(self, class_name: str, name: str) -> list[int]:
        """Indices of ``field_ids`` for ``class_name->name`` (any type)."""
        class_idx = self.find_type(class_name)
        if class_idx is None:  # before the name's search: most DEX files of an app never name a given class
            return []
        name_idx = self.find_string(name)
        if name_idx is None:
            return []
        return list(self._member_range(self._field_ids_off, self._n_fields, class_idx, name_idx))

    def field_names(self, class_name: str) -> dict[int, range] | None:
        """name string index -> the ``field_ids`` of this class with that name, from one read of the class's run
        of the table: what ``find_fields`` answers name by name. None when the table is not sorted by (class,
        name) as the format requires (``find_fields``'s binary search then answers as it can)."""
        if not self._fields_sorted():
            return None
        covered = self.field_range(class_name)
        rows = np.frombuffer(
            self._data, dtype="<u4", count=2 * len(covered), offset=self._field_ids_off + 8 * covered.start
        )
        names = rows[1::2].tolist()
        out: dict[int, range] = {}
        start = 0
        for i in range(1, len(names) + 1):
            if i == len(names) or names[i] != names[start]:
                out[names[start]] = range(covered.start + start, covered.start + i)
                start = i
        return out

    def _fields_sorted(self) -> bool:
        """Are the field_ids sorted by (class, name)? Checked once, with numpy."""
        if self._fields_in_order is None:
            keys = self._member_keys(self._field_ids_off, self._n_fields)
            self._fields_in_order = not bool(np.any(keys[1:] < keys[:-1]))
        return self._fields_in_order

    def method_id_keys(self) -> tuple[np.ndarray, np.ndarray]:
        """(class_idx << 32 | name_idx, proto_idx) of each method_id, read from the table at once (int64, uint16)."""
        keys = self._member_keys(self._method_ids_off, self._n_methods)
        words = np.frombuffer(self._data, dtype="<u2", count=4 * self._n_methods, offset=self._method_ids_off)
        return keys, words[1::4].copy()

    def _member_keys(self, table_off: int, count: int) -> np.ndarray:
        """class_idx << 32 | name_idx of each entry of method_ids or field_ids (8 bytes each: class_idx the low
        u16 of the first word, name_idx the second word), the key both tables are sorted by, as int64."""
        ids = np.frombuffer(self._data, dtype="<u4", count=2 * count, offset=table_off).reshape(-1, 2).astype(np.int64)
        return ((ids[:, 0] & 0xFFFF) << 32) | ids[:, 1]

    def field_range(self, class_name: str) -> range:
        """Indices of every ``field_ids`` entry of this class (the table is sorted by class, then name and type)."""
        class_idx = self.find_type(class_name)
        if class_idx is None:
            return range(0)
        data, off, n = self._data, self._field_ids_off, self._n_fields

        def key(i: int) -> int:
            return int(_U16.unpack_from(data, off + 8 * i)[0])

        lo = bisect.bisect_left(range(n), class_idx, key=key)
        return range(lo, bisect.bisect_right(range(n), class_idx, lo, n, key=key))

    def find_field(self, signature: str) -> int | None:
        """Index of the field ``Lpkg/Cls;->NAME:Ltype;``, or ``None``."""
        class_name, sep, rest = signature.partition("->")
        name, colon, ftype = rest.partition(":")
        if not sep or not colon:
            raise DexError(f"not a field signature: {signature!r}")
        for i in self.find_fields(class_name, name):
            if self.field_ref(i).type == ftype:
                return i
        return None

    # ---------------------------------------------------------------- classes

    def class_def(self, class_index: int) -> ClassDef:
        """``class_defs[class_index]`` with names resolved (cached)."""
        self._check_index("class_def", class_index, self._n_classes)
        cached = self._class_cache[class_index]
        if cached is not None:
            return cached
        (type_idx, flags, super_idx, interfaces_off, _src, _annotations, class_data_off, _sv) = struct.unpack_from(
            "<8I", self._data, self._class_defs_off + 32 * class_index
        )
        if class_data_off and not HEADER_MIN <= class_data_off < self._size:
            raise self._error(f"class_def {class_index}: class_data_off 0x{class_data_off:x} outside the file")
        cdef = ClassDef(
            index=class_index,
            type_idx=type_idx,
            name=self.type_name(type_idx),
            access_flags=flags,
            superclass=None if super_idx == NO_INDEX else self.type_name(super_idx),
            interfaces=self._type_list(interfaces_off),
            class_data_off=class_data_off,
        )
        self._class_cache[class_index] = cdef
        return cdef

    def classes(self) -> Sequence[ClassDef]:
        """All class definitions (built on first call, then cached)."""
        if self._classes is None:
            self._classes = tuple(self.class_def(i) for i in range(self._n_classes))
        return self._classes

    def class_by_name(self, descriptor: str) -> ClassDef | None:
        """The class defined here with that descriptor, or ``None``."""
        type_idx = self.find_type(descriptor)
        if type_idx is None:
            return None
        if self._class_by_type is None:
            view = _IndexView(self._data, self._class_defs_off, self._n_classes, 32, _U32)
            self._class_by_type = {t: i for i, t in enumerate(view)}
        ci = self._class_by_type.get(type_idx)
        return None if ci is None else self.class_def(ci)

    def _raw_methods(self, class_index: int, class_data_off: int) -> list[tuple[int, int, int]]:
        """``(method_idx, access_flags, code_off)`` of the direct then virtual methods."""
        if self._method_table is not None:
            return self._method_table.rows(class_index)
        data = self._data
        uleb = uleb_fast
        out: list[tuple[int, int, int]] = []
        append = out.append
        try:
            n_static, pos = uleb(data, class_data_off)
            n_instance, pos = uleb(data, pos)
            n_direct, pos = uleb(data, pos)
            n_virtual, pos = uleb(data, pos)
            # Each list holds distinct ids, each encoded_field takes >= 2 bytes and
            # each encoded_method >= 3: reject impossible counts before looping.
            if (
                max(n_static, n_instance) > self._n_fields
                or max(n_direct, n_virtual) > self._n_methods
                or 2 * (n_static + n_instance) + 3 * (n_direct + n_virtual) > self._size - pos
            ):
                raise DexError("member counts exceed the id tables or the file")
            for _ in range(2 * (n_static + n_instance)):  # skip the encoded_fields
                while data[pos] & 0x80:
                    pos += 1
                pos += 1
            for group in (n_direct, n_virtual):
                method_idx = 0
                for _ in range(group):
                    diff, pos = uleb(data, pos)
                    flags, pos = uleb(data, pos)
                    code_off, pos = uleb(data, pos)
                    method_idx += diff
                    append((method_idx, flags, code_off))
        except (DexError, IndexError) as exc:
            raise self._error(f"class_def {class_index}: truncated class_data ({exc})") from None
        if out and max(m[0] for m in out) >= self._n_methods:
            raise self._error(f"class_def {class_index}: method index out of range")
        return out

    def method_annotations(self, class_index: int) -> dict[int, list[tuple[str, dict[str, str]]]]:
        """``{method_idx: [(annotation type, {element: string value})]}`` of a class's annotated methods.

        From the class's ``annotations_directory_item``; only elements whose value is a string are kept (what
        Retrofit's ``@POST("v1/upload")`` carries). Runtime annotations survive R8, as libraries read them.
        """
        self._check_index("class_def", class_index, self._n_classes)
        (directory,) = _U32.unpack_from(self._data, self._class_defs_off + 32 * class_index + 20)
        if not directory:
            return {}
        data = self._data
        out: dict[int, list[tuple[str, dict[str, str]]]] = {}
        try:
            if not HEADER_MIN <= directory <= self._size - 16:
                raise DexError(f"annotations_off 0x{directory:x} outside the file")
            _class_off, n_fields, n_methods, _n_params = struct.unpack_from("<4I", data, directory)
            pos = directory + 16 + 8 * n_fields
            if n_methods > self._n_methods or pos + 8 * n_methods > self._size:
                raise DexError("method annotation count exceeds the file")
            # sets and items may be shared by many methods (a hostile file can point them all at one large
            # item): each is decoded once, so the work is bounded by the file's size
            sets: dict[int, list[tuple[str, dict[str, str]]]] = {}
            items: dict[int, tuple[str, dict[str, str]]] = {}
            for k in range(n_methods):
                method_idx, set_off = struct.unpack_from("<2I", data, pos + 8 * k)
                if method_idx >= self._n_methods or not HEADER_MIN <= set_off <= self._size - 4:
                    raise DexError(f"method annotation {k} out of range")
                if set_off not in sets:
                    (n_entries,) = _U32.unpack_from(data, set_off)
                    if set_off + 4 + 4 * n_entries > self._size:
                        raise DexError("annotation set runs past the end of the file")
                    found = []
                    for e in range(n_entries):
                        (item,) = _U32.unpack_from(data, set_off + 4 + 4 * e)
                        if not HEADER_MIN <= item < self._size:
                            raise DexError("annotation item outside the file")
                        if item not in items:
                            items[item] = self._annotation_item(item)
                        found.append(items[item])
                    sets[set_off] = found
                out[method_idx] = list(sets[set_off])
        except (DexError, IndexError, struct.error) as exc:
            if isinstance(exc, DexError) and str(exc).startswith(self._name + ":"):
                raise
            raise self._error(f"class_def {class_index}: malformed annotations ({exc})") from None
        return out

    def _annotation_item(self, item: int) -> tuple[str, dict[str, str]]:
        """(type, {element: string value}) of the annotation_item at `item`."""
        data = self._data
        type_idx, at = uleb128(data, item + 1)  # after the visibility byte
        count, at = uleb128(data, at)
        elements: dict[str, str] = {}
        for _ in range(min(count, 0xFFFF)):
            name_idx, at = uleb128(data, at)
            vtype, value, at = self._encoded_value(at, 0)
            if vtype == _VALUE_STRING and isinstance(value, int):
                elements[self.string(name_idx)] = self.string(value)
        return self.type_name(type_idx), elements

    def static_strings(self, class_index: int) -> dict[str, str]:
        """``{field signature: value}`` of the static fields a class initialises to a string constant.

        The values are the class_def's ``static_values`` array, in the order of the class's static fields: what
        javac leaves of ``static final String X = "..."`` (BuildConfig fields that other modules read with
        sget, for one). Only string values are kept.
        """
        self._check_index("class_def", class_index, self._n_classes)
        (values_off,) = _U32.unpack_from(self._data, self._class_defs_off + 32 * class_index + 28)
        class_data_off = self._class_data_off(class_index)
        if not values_off or not class_data_off:
            return {}
        if not HEADER_MIN <= values_off < self._size:
            raise self._error(f"class_def {class_index}: static_values_off 0x{values_off:x} outside the file")
        data = self._data
        try:
            n_static, pos = uleb_fast(data, class_data_off)
            if n_static > self._n_fields:
                raise DexError("static field count exceeds the field ids")
            _n_instance, pos = uleb_fast(data, pos)
            _n_direct, pos = uleb_fast(data, pos)
            _n_virtual, pos = uleb_fast(data, pos)
            fields = []
            field_idx = 0
            for _ in range(n_static):
                diff, pos = uleb_fast(data, pos)
                _flags, pos = uleb_fast(data, pos)
                field_idx += diff
                fields.append(field_idx)
            count, pos = uleb128(data, values_off)
            out = {}
            for field in fields[: min(count, len(fields))]:
                vtype, value, pos = self._encoded_value(pos, 0)
                if vtype == _VALUE_STRING and isinstance(value, int) and field < self._n_fields:
                    out[self.field_ref(field).signature] = self.string(value)
        except (DexError, IndexError) as exc:
            if isinstance(exc, DexError) and str(exc).startswith(self._name + ":"):
                raise
            raise self._error(f"class_def {class_index}: malformed static values ({exc})") from None
        return out

    def _class_data_off(self, class_index: int) -> int:
        self._check_index("class_def", class_index, self._n_classes)
        (off,) = _U32.unpack_from(self._data, self._class_defs_off + 32 * class_index + 24)
        if off and not HEADER_MIN <= off < self._size:
            raise self._error(f"class_def {class_index}: class_data_off 0x{off:x} outside the file")
        return int(off)

    def methods_of(self, class_index: int) -> list[EncodedMethod]:
        """Direct then virtual methods defined by ``class_defs[class_index]``."""
        return [
            EncodedMethod(midx, flags, code_off, class_index) for midx, flags, code_off in self.method_rows(class_index)
        ]

    def method_rows(self, class_index: int) -> list[tuple[int, int, int]]:
        """``methods_of`` as bare ``(method_idx, access_flags, code_off)`` tuples (no object per method)."""
        class_data_off = self._class_data_off(class_index)
        if class_data_off == 0:
            return []
        self._methods_table()
        return self._raw_methods(class_index, class_data_off)

    # ------------------------------------------------------------- code items

    def _walk_code_section(self) -> list[int] | None:
        """Offsets of all code items, by walking the map's code_item section.

        Much cheaper than decoding every class_data_item.  Returns ``None`` if
        there is no such section, the walk runs into the next map section, or
        the code offsets of a spread sample of classes are not among the items
        found (a gap or a malformed item would make the walk lose step).
        """
        section_off, count, section_end = self._code_section
        if not count:
            return None
        data = self._data
        size = self._size
        header = _CODE_HEADER.unpack_from
        uleb = uleb_fast
        starts: list[int] = []
        append = starts.append
        pos = end = section_off
        try:
            for _ in range(count):
                if pos + 16 > size:
                    return None
                append(pos)
                _r, _i, _o, tries_size, _d, insns_size = header(data, pos)
                pos += 16 + 2 * insns_size
                if tries_size:
                    pos = ((pos + 3) & ~3) + 8 * tries_size
                    n_handlers, pos = uleb(data, pos)
                    for _ in range(n_handlers):
                        handler_size, pos = sleb128(data, pos)
                        for _ in range(2 * abs(handler_size)):
                            _v, pos = uleb(data, pos)
                        if handler_size <= 0:
                            _v, pos = uleb(data, pos)
                end = pos
                pos = (pos + 3) & ~3
        except (DexError, IndexError):
            return None
        if end > section_end:
            return None
        step = max(1, self._n_classes // _WALK_CHECK_CLASSES)
        try:
            for ci in range(0, self._n_classes, step):
                class_data_off = self._class_data_off(ci)
                if class_data_off:
                    for _midx, _flags, code_off in self._raw_methods(ci, class_data_off):
                        j = bisect.bisect_left(starts, code_off)
                        if code_off and (j == len(starts) or starts[j] != code_off):
                            return None
        except DexError:
            return None
        return starts

    def _methods_table(self) -> MethodTable | None:
        """Every class's methods, decoded at once with numpy (built once); None when the file needs the Python
        decode to answer (and raise) exactly, as dex/classdata.py explains."""
        if not self._method_table_built:
            self._method_table_built = True
            view = np.frombuffer(self._data, dtype="<u4", count=8 * self._n_classes, offset=self._class_defs_off)
            offs = view.reshape(-1, 8)[:, 6]  # class_def_item.class_data_off
            buf = np.frombuffer(self._data, dtype=np.uint8)
            region = self._class_data_region
            self._method_table = build_method_table(buf, offs, region, self._n_fields, self._n_methods)
        return self._method_table

    def _build_owner_index(self) -> list[int]:
        """Decode every class_data_item into a code_off-sorted method index.

        A failure is remembered and raised again, so a malformed file costs
        one full decode, not one per look-up.
        """
        if self._owner_offs is not None:
            return self._owner_offs
        if self._index_error is not None:
            raise self._index_error
        table = self._methods_table()
        if table is not None:
            self._owner_offs, self._owner_info = table.owners()
            return self._owner_offs
        entries: list[tuple[int, int, int, int]] = []
        try:
            for ci in range(self._n_classes):
                class_data_off = self._class_data_off(ci)
                if class_data_off:
                    for midx, flags, code_off in self._raw_methods(ci, class_data_off):
                        if code_off:
                            entries.append((code_off, midx, flags, ci))
        except DexError as exc:
            self._index_error = exc
            raise
        entries.sort()
        self._owner_offs = [e[0] for e in entries]
        self._owner_info = [(e[1], e[2], e[3]) for e in entries]
        return self._owner_offs

    def _build_code_index(self) -> list[int]:
        """Sorted code_item offsets (walk of the code section, else from class data)."""
        if self._code_starts is not None:
            return self._code_starts
        starts = self._walk_code_section()
        if starts is None or any(b <= a for a, b in zip(starts, starts[1:], strict=False)):
            starts = sorted(set(self._build_owner_index()))
        if starts:
            first, last = starts[0], starts[-1]
            if first < HEADER_MIN or last + 16 > self._size:
                raise self._error("a code_item offset lies outside the file")
            (insns_size,) = _U32.unpack_from(self._data, last + 12)
            self._code_region = (first, min(self._size, last + 16 + 2 * insns_size))
        self._code_starts = starts
        return starts

    def code_offsets(self) -> list[int]:
        """Sorted offsets of all code items."""
        return list(self._build_code_index())

    @property
    def code_item_count(self) -> int:
        """How many code items the DEX holds (methods with code; methods may share one)."""
        return len(self._build_code_index())

    @property
    def code_region(self) -> tuple[int, int]:
        """Byte range [lo, hi) from the first code item to the end of the last one's insns."""
        self._build_code_index()
        return self._code_region

    def _owners_by_search(self, code_off: int) -> list[tuple[int, int, int]]:
        """Methods with this code_off, found by searching class data for its uleb128 bytes.

        Only the class_data_items that contain a byte match are decoded.  Falls
        back to the full index when nothing is found (e.g. a non-canonical
        encoding), so the answer is always exact.
        """
        if self._sorted_class_data is None:
            view = _IndexView(self._data, self._class_defs_off + 24, self._n_classes, 32, _U32)
            pairs = sorted((off, ci) for ci, off in enumerate(view) if off)
            self._sorted_class_data = ([p[0] for p in pairs], [p[1] for p in pairs])
        cd_offs, cd_classes = self._sorted_class_data
        lo, hi = self._class_data_region
        if not cd_offs or hi <= lo:
            return []
        needle = uleb_encode(code_off)
        data = self._data
        found: list[tuple[int, int, int]] = []
        searched: set[int] = set()
        pos = data.find(needle, lo, hi)
        while pos >= 0:
            j = bisect.bisect_right(cd_offs, pos) - 1
            if j >= 0 and cd_offs[j] not in searched:
                searched.add(cd_offs[j])
                ci = cd_classes[j]
                for midx, flags, off in self._raw_methods(ci, self._class_data_off(ci)):
                    if off == code_off:
                        found.append((midx, flags, ci))
            pos = data.find(needle, pos + 1, hi)
        return found

    def _owners(self, code_off: int) -> list[tuple[int, int, int]]:
        table = self._methods_table() if code_off else None
        if table is not None and table.searchable:  # exactly what the search or the full index below find
            return table.owners_at(code_off)
        cached = self._owner_cache.get(code_off)
        if cached is not None:
            return cached
        if self._owner_offs is None:
            owners = self._owners_by_search(code_off) if len(self._owner_cache) < 256 else []
            if owners:
                owners.sort()
                self._owner_cache[code_off] = owners
                return owners
        offs = self._build_owner_index()
        lo = bisect.bisect_left(offs, code_off)
        hi = bisect.bisect_right(offs, code_off, lo)
        owners = sorted(self._owner_info[lo:hi])
        self._owner_cache[code_off] = owners
        return owners

    def methods_at_code(self, code_off: int) -> list[EncodedMethod]:
        """All methods whose ``code_off`` is ``code_off`` (code items may be shared)."""
        return [EncodedMethod(m, f, code_off, c) for m, f, c in self._owners(code_off)]

    def signatures_at(self, code_off: int) -> list[str]:
        """The signatures of ``methods_at_code`` (code items may be shared), in method index order."""
        return [self.method_signature(m) for m, _f, _c in self._owners(code_off)]

    def method_at_code(self, code_off: int) -> EncodedMethod | None:
        """The method owning the ``code_item`` at ``code_off`` (lowest method index if shared).

        The first few hundred look-ups search the class data for the
        offset's uleb128 bytes and decode only the matching classes; after
        that (or if a search finds nothing) a full sorted index of all
        methods' code offsets is built once.
        """
        owners = self._owners(code_off)
        if not owners:
            return None
        m, f, c = min(owners)
        return EncodedMethod(m, f, code_off, c)

    def code_item(self, code_off: int) -> CodeItem:
        """Header of the ``code_item`` at ``code_off``; checks that its insns fit in the file."""
        if not HEADER_MIN <= code_off <= self._size - 16:
            raise self._error(f"code_item offset 0x{code_off:x} outside the file")
        regs, ins, outs, tries, debug, insns_size = _CODE_HEADER.unpack_from(self._data, code_off)
        if code_off + 16 + 2 * insns_size > self._size:
            raise self._error(f"code_item at 0x{code_off:x}: insns run past the end of the file")
        return CodeItem(code_off, regs, ins, outs, tries, debug, insns_size)

    def _insns_bounds(self, code_off: int) -> tuple[int, int]:
        if not HEADER_MIN <= code_off <= self._size - 16:
            raise self._error(f"code_item offset 0x{code_off:x} outside the file")
        (insns_size,) = _U32.unpack_from(self._data, code_off + 12)
        start = code_off + 16
        end = start + 2 * insns_size
        if end > self._size:
            raise self._error(f"code_item at 0x{code_off:x}: insns run past the end of the file")
        return start, end

    def references(self, code_off: int) -> list[tuple[int, str, int]]:
        """``(opcode, kind, index)`` of every instruction that names a table entry: the cheap decode."""
        return [
            (op, kind, index)
            for _off, op, kind, index, _pos, _units in self._reference_insns(code_off)[0]
            if kind is not None and index is not None
        ]

    def _raw_insns(self, code_off: int) -> Iterator[RawInsn]:
        """Linear sweep of a code item, yielding ``(offset, opcode, kind, index, file_pos, units)``."""
        start, end = self._insns_bounds(code_off)
        yield from sweep(self._data, start, end, code_off, self._name)

    def _make_insn(self, raw: RawInsn) -> Insn:
        return make_insn(self._data, raw)

    def instructions(self, code_off: int) -> Iterator[Insn]:
        """Decode every instruction of the ``code_item`` at ``code_off``, in order.

        Payload pseudo-instructions are reported (opcode 0x0100/0x0200/0x0300)
        and skipped by their size.  Raises :class:`DexError` (lazily, while
        iterating) if an instruction runs past the end of the code.
        """
        self._insns_bounds(code_off)  # fail early on a bad offset
        return (self._make_insn(raw) for raw in self._raw_insns(code_off))

    # --------------------------------------------------------- the fast path

    def code_users(
        self,
        *,
        methods: Iterable[int] = (),
        fields: Iterable[int] = (),
        strings: Iterable[int] = (),
        types: Iterable[int] = (),
        call_sites: Iterable[int] = (),
    ) -> dict[int, list[Insn]]:
        """Which code items use any of these table indices, and where.

        Returns ``{code_off: [matching Insn, ...]}`` (sorted by ``code_off``).
        The instructions come from the reverse index of :meth:`use_index`,
        built in one numpy pass on the first question, which knows where
        every code item's instructions start: nothing is decoded, except a
        code item the sweep would refuse or too long for that pass (its
        candidates, an opcode of the right family at an even position then the
        wanted index in little-endian, are confirmed by decoding it).  A
        malformed layout (odd or overlapping code items) is scanned with a
        ``bytes`` regex for the same candidates instead.  ``methods`` matches invoke-* and invoke-polymorphic*,
        ``fields`` iget/iput/sget/sput, ``strings`` const-string(/jumbo),
        ``types`` const-class, check-cast, instance-of, new-instance,
        new-array, filled-new-array(/range), and ``call_sites``
        invoke-custom(/range).  Name the owners with :meth:`methods_at_code`.
        Raises :class:`DexError` if a candidate code item does not decode.
        """
        wanted: dict[str | None, frozenset[int]] = {}
        for kind, values in (
            ("method", methods),
            ("field", fields),
            ("string", strings),
            ("type", types),
            ("call_site", call_sites),
        ):
            as_set = frozenset(values)
            if as_set:
                wanted[kind] = as_set
        if not wanted:
            return {}
        starts = self._build_code_index()
        if not starts:
            return {}
        index = self.use_index()
        if index is None:
            return self._decoded_users(wanted, scan_candidates(self._data, self._code_region, starts, wanted))
        found, undecided = index.instructions(wanted)
        result = {code_off: [self._make_insn(raw) for raw in raws] for code_off, raws in found.items()}
        if undecided:
            result.update(self._decoded_users(wanted, undecided))
            result = dict(sorted(result.items()))
        return result

    def _decoded_users(self, wanted: dict[str | None, frozenset[int]], candidates: list[int]) -> dict[int, list[Insn]]:
        """code_users for these candidate code items, each decoded (a DexError if it does not decode)."""
        n_wanted = sum(len(values) for values in wanted.values())
        result: dict[int, list[Insn]] = {}
        for code_off in candidates:
            refs, by_key = self._reference_insns(code_off)
            if n_wanted < len(refs) // 4:  # a big method (thousands of field accesses): look the wanted up
                found = [raw for kind, values in wanted.items() for v in values for raw in by_key.get((kind, v), ())]
                hits = [self._make_insn(raw) for raw in sorted(found)]
            else:
                hits = [self._make_insn(raw) for raw in refs if raw[2] in wanted and raw[3] in wanted[raw[2]]]
            if hits:
                result[code_off] = hits
        return result

    def use_index(self) -> UseIndex | None:
        """The reverse index of the code (who may use each field, string, type, method, call site), built once.

        ``None`` for a malformed layout (odd or overlapping code items), where :meth:`code_users` scans instead.
        """
        if not self._use_index_built:
            starts = self._build_code_index()
            self._use_index = build_use_index(self._data, starts, self._code_region)
            self._use_index_built = True
        return self._use_index

    _REFS_CACHE_ITEMS = 256  # least recently used out: per DEX, and a big method's references weigh ~1 MB

    def _reference_insns(
        self, code_off: int
    ) -> tuple[list[RawInsn], dict[tuple[str | None, int | None], list[RawInsn]]]:
        """The raw instructions of a code item that name a table entry, in order and by (kind, index).

        The whole item is decoded (a DexError if it does not); the most recently used items are cached.
        """
        cached = self._refs_cache.pop(code_off, None)
        if cached is not None:
            self._refs_cache[code_off] = cached  # most recently used last
        else:
            refs = [raw for raw in self._raw_insns(code_off) if raw[2] is not None]
            by_key: dict[tuple[str | None, int | None], list[RawInsn]] = {}
            for raw in refs:
                by_key.setdefault((raw[2], raw[3]), []).append(raw)
            if len(self._refs_cache) >= self._REFS_CACHE_ITEMS:
                del self._refs_cache[next(iter(self._refs_cache))]
            cached = self._refs_cache[code_off] = (refs, by_key)
        return cached

    # ------------------------------------------------ call sites & handles

    def method_handle(self, idx: int) -> tuple[int, int]:
        """``(method_handle_type, field_or_method_id)`` of ``method_handles[idx]``."""
        self._check_index("method_handle", idx, self._n_method_handles)
        kind, _unused, target, _unused2 = struct.unpack_from("<HHHH", self._data, self._method_handles_off + 8 * idx)
        return kind, target

    def call_site(self, idx: int) -> list[tuple[int, object]]:
        """The ``encoded_array`` of call site ``idx`` as ``(value_type, value)`` pairs.

        Index-typed values (string, type, field, method, method type, method
        handle, enum) are returned as their raw integer indices; nested arrays
        and annotations as ``None``.
        """
        self._check_index("call_site", idx, self._n_call_sites)
        (off,) = _U32.unpack_from(self._data, self._call_site_ids_off + 4 * idx)
        if not HEADER_MIN <= off < self._size:
            raise self._error(f"call_site {idx}: offset 0x{off:x} outside the file")
        try:
            count, pos = uleb128(self._data, off)
            values: list[tuple[int, object]] = []
            for _ in range(count):
                vtype, value, pos = self._encoded_value(pos, 0)
                values.append((vtype, value))
        except DexError as exc:
            if str(exc).startswith(self._name + ":"):
                raise
            raise self._error(f"call_site {idx}: {exc}") from None
        except IndexError as exc:
            raise self._malformed(f"call_site {idx}", exc) from None
        return values

    def _encoded_value(self, pos: int, depth: int) -> tuple[int, object, int]:
        if depth > _MAX_VALUE_DEPTH:
            raise self._error("encoded_value nested too deeply")
        data = self._data
        header = data[pos]
        pos += 1
        vtype = header & 0x1F
        arg = header >> 5
        if vtype in _SIZED_VALUE_TYPES:
            size = arg + 1
            if pos + size > self._size:
                raise self._error("encoded_value runs past the end of the file")
            return vtype, int.from_bytes(data[pos : pos + size], "little"), pos + size
        if vtype == _VALUE_NULL:
            return vtype, None, pos
        if vtype == _VALUE_BOOLEAN:
            return vtype, bool(arg), pos
        if vtype == _VALUE_ARRAY:
            count, pos = uleb128(data, pos)
            for _ in range(count):
                _t, _v, pos = self._encoded_value(pos, depth + 1)
            return vtype, None, pos
        if vtype == _VALUE_ANNOTATION:
            _type_idx, pos = uleb128(data, pos)
            count, pos = uleb128(data, pos)
            for _ in range(count):
                _name_idx, pos = uleb128(data, pos)
                _t, _v, pos = self._encoded_value(pos, depth + 1)
            return vtype, None, pos
        raise self._error(f"bad encoded_value type 0x{vtype:02x}")

    def call_site_method(self, call_site_idx: int) -> MethodRef | None:
        """Implementation method of a ``LambdaMetafactory`` call site (for invoke-custom).

        The call site array is (bootstrap handle, name, method type, extra
        args...); for ``LambdaMetafactory.metafactory``/``altMetafactory`` the
        second extra argument is the implementation method handle.  Returns
        ``None`` for other bootstraps or if that handle does not name a method.
        """
        idx = self.call_site_method_index(call_site_idx)
        return None if idx is None else self.method_ref(idx)

    def call_site_method_index(self, call_site_idx: int) -> int | None:
        """Like :meth:`call_site_method` but returns the ``method_ids`` index."""
        values = self.call_site(call_site_idx)
        if len(values) < 5 or values[0][0] != _VALUE_METHOD_HANDLE:
            return None
        boot_handle = values[0][1]
        impl = values[4]
        if not isinstance(boot_handle, int) or impl[0] != _VALUE_METHOD_HANDLE:
            return None
        if not isinstance(impl[1], int):
            return None
        boot_kind, boot_target = self.method_handle(boot_handle)
        if boot_kind < _METHOD_HANDLE_FIRST_INVOKE:
            return None
        if self.method_ref(boot_target).class_name != _LAMBDA_METAFACTORY:
            return None
        kind, target = self.method_handle(impl[1])
        if kind < _METHOD_HANDLE_FIRST_INVOKE:
            return None
        self._check_index("method", target, self._n_methods)
        return target

    def call_sites_for_methods(self, methods: Iterable[int]) -> list[int]:
        """Call sites whose lambda implementation method is one of ``methods``.

        Feed the result to ``code_users(call_sites=...)`` to find the
        invoke-custom instructions that create such lambdas.
        """
        wanted = set(methods)
        if not wanted:
            return []
        return [i for i in range(self._n_call_sites) if self.call_site_method_index(i) in wanted]
