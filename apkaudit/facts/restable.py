"""The app's resource table (resources.arsc), read with numpy and queried through androguard's ARSCParser API.

Why not androguard's ARSCParser alone: it reads every entry offset of every configuration with its own
`read(4)`, builds an object per entry, then (in `_analyse`) a dict of values of every type. On ApiDemos
(975 strings in 90 locales: 87,750 offsets) that is 75-85 ms, 12% of an audit; on AOSP's framework-res.apk
(a 32 MB table) 2.8 s, 78% of one. Here the offsets and entry headers are read as arrays, the strings that
the audit reads are decoded once, and an entry becomes androguard's `ARSCResTableEntry` only when a resource
id is resolved (the label, the icon, the network security config).

Everything that gives a result is androguard's own (androguard 4.1.4, pinned): the string pools
(`StringBlock`), configurations (`ARSCResTableConfig`, so locales and densities compare as androguard's),
package and type headers, entries, reference resolution (`ARSCParser.ResourceResolver`) and the label and
icon choice (`APK.get_app_name`, `APK.get_app_icon`, which call the methods below). This module only walks
the chunks. It reads a table exactly where and as androguard does, and gives up (`parse` returns None, and
androguard parses the table itself) on anything where the two could differ or androguard would raise: a
chunk it would scan past or cut short, a header of an unusual size, a second string pool or package of the
same name, an entry outside the file, a complex entry where androguard's analysis expects a value, a string
it cannot decode. tests/facts/test_restable.py compares the two on every APK of the samples and corpus.
"""

from __future__ import annotations

import io
import struct
from typing import Any, NamedTuple

import numpy as np
from androguard.core.axml import (
    ARSCHeader,
    ARSCParser,
    ARSCResTableConfig,
    ARSCResTableEntry,
    ARSCResTablePackage,
    ARSCResType,
    PackageContext,
    StringBlock,
)

_STRING_POOL, _TABLE, _PACKAGE, _TYPE, _TYPE_SPEC = 0x0001, 0x0002, 0x0200, 0x0201, 0x0202
_SPARSE, _OFFSET16 = 0x01, 0x02
_COMPLEX, _COMPACT = 0x0001, 0x0008  # ResTable_entry flags
_VALUE_TYPES = ("string", "integer", "color", "dimen")  # whose complex entries androguard's _analyse cannot read
_ENTRY = np.arange(16)  # ResTable_entry (8 bytes) and the Res_value or map header after it (8 bytes)


class _Unsupported(Exception):
    """A table this reader leaves to androguard."""


class _Chunk(NamedTuple):
    """A type chunk: one type's entries in one configuration."""

    package: int  # index into Table.packages
    type_name: str
    config: Any  # androguard's ARSCResTableConfig
    locale: str  # as androguard's _analyse keys it ("\x00\x00" for the default)
    end: int  # where the chunk ends: androguard reads a complex entry's map no further
    context: Any  # androguard's PackageContext


def parse(raw: bytes) -> Table | None:
    """The table, or None when androguard must read it (see the module docs)."""
    try:
        return Table(raw)
    except Exception:  # noqa: BLE001 - _Unsupported, or whatever androguard's readers raise on an odd table
        return None


class Table:
    """androguard's ARSCParser API, as much of it as androguard's APK and apkaudit ask, over a numpy read."""

    analyzed = True
    parse_id = staticmethod(ARSCParser.parse_id)

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._buff = io.BufferedReader(io.BytesIO(raw))
        self.stringpool_main: Any = None
        self.packages: list[str] = []
        self._chunks: list[_Chunk] = []
        self._entries: list[tuple[np.ndarray, ...]] = []  # per type chunk: positions, resource ids
        self._walk()
        self._index()
        self._ates: dict[int, Any] = {}
        self._resolved: dict[str, dict[str, dict[int, str | None]]] | None = None

    # --- reading -------------------------------------------------------------------------------------------

    def _header(self, pos: int) -> Any:
        """androguard's chunk header at `pos`, refused where androguard would scan past it or raise."""
        if pos + 8 > len(self._raw):
            raise _Unsupported
        kind, header_size, size = struct.unpack_from("<HHI", self._raw, pos)
        if header_size < 8 or size < header_size:
            raise _Unsupported  # androguard raises, or (in its XML range) scans byte by byte for another
        self._buff.seek(pos)
        header = ARSCHeader(self._buff)
        if header.type != kind or header.size != size:
            raise _Unsupported
        return header

    def _walk(self) -> None:
        raw = self._raw
        if len(raw) < 12:
            raise _Unsupported
        table = self._header(0)
        if table.type != _TABLE or table.header_size != 12 or table.size != len(raw):
            raise _Unsupported
        (package_count,) = struct.unpack_from("<I", raw, 8)
        pos = 12
        while pos <= table.end - 8:
            chunk = self._header(pos)
            if chunk.end > table.end:
                raise _Unsupported
            if chunk.type == _STRING_POOL and self.stringpool_main is None:
                self.stringpool_main = StringBlock(self._buff, chunk)
            elif chunk.type == _PACKAGE and self.stringpool_main is not None and len(self.packages) <= package_count:
                self._package(chunk)
            else:
                raise _Unsupported
            pos = chunk.end
        if self.stringpool_main is None:
            raise _Unsupported

    def _package(self, header: Any) -> None:
        package = ARSCResTablePackage(self._buff, header)
        name = package.get_name()
        if name in self.packages:
            raise _Unsupported  # androguard files both under one name; its analysis then skips some
        pools = []
        for offset in (package.typeStrings, package.keyStrings):
            self._buff.seek(header.start + offset)
            pool_header = ARSCHeader(self._buff, expected_type=_STRING_POOL)
            pools.append((pool_header, StringBlock(self._buff, pool_header)))
        (type_header, type_strings), (key_header, key_strings) = pools
        if package.typeStrings != header.header_size or package.keyStrings != package.typeStrings + type_header.size:
            raise _Unsupported  # androguard would log "odd resources.arsc" and read on from a computed place
        context = PackageContext(package, self.stringpool_main, type_strings, key_strings)
        self.packages.append(name)
        pos = header.start + header.header_size + type_header.size + key_header.size
        while pos <= header.end - 8:
            chunk = self._header(pos)
            if chunk.end > header.end:
                break  # as androguard: the rest of the package is not read
            if chunk.type == _TYPE_SPEC and pos + 16 > len(self._raw):
                raise _Unsupported
            if chunk.type == _TYPE:
                self._type_chunk(chunk, len(self.packages) - 1, context)
            pos = chunk.end

    def _type_chunk(self, header: Any, package: int, context: Any) -> None:
        self._buff.seek(header.start + 8)
        kind = ARSCResType(self._buff, context)
        first = self._buff.tell()  # androguard reads the offsets from the end of the configuration
        if first != header.start + header.header_size or first > header.end:
            raise _Unsupported
        count = kind.entryCount
        if kind.flags & _SPARSE:
            pairs = self._array("<u2", first, 2 * count).reshape(-1, 2)
            index, offsets = pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64) * 4
        else:
            if count > 0x10000:
                raise _Unsupported  # androguard ORs an index over 16 bits into the type id
            wide = not kind.flags & _OFFSET16
            raw = self._array("<u4" if wide else "<u2", first, count).astype(np.int64)
            index = np.flatnonzero(raw != (0xFFFFFFFF if wide else 0xFFFF))
            offsets = raw[index] * (1 if wide else 4)
        positions = header.start + kind.entriesStart + offsets
        rids = (kind.mResId & 0xFFFF0000) | index
        config = kind.config
        self._chunks.append(
            _Chunk(package, kind.get_type(), config, config.get_language_and_region(), header.end, context)
        )
        self._entries.append((positions, rids))

    def _array(self, dtype: str, offset: int, count: int) -> np.ndarray:
        size = np.dtype(dtype).itemsize * count
        if offset + size > len(self._raw):
            raise _Unsupported
        return np.frombuffer(self._raw, dtype, count, offset)

    def _index(self) -> None:
        """One row per entry, in androguard's order, and the strings its analysis decodes."""
        counts = [len(p) for p, _ in self._entries]
        self._chunk_of = np.repeat(np.arange(len(counts)), counts)
        self._positions = np.concatenate([p for p, _ in self._entries]) if counts else np.zeros(0, np.int64)
        self._rids = np.concatenate([r for _, r in self._entries]) if counts else np.zeros(0, np.int64)
        del self._entries
        if len(self._positions) and int(self._positions.max()) + 16 > len(self._raw):
            raise _Unsupported  # androguard would raise reading the entry, or its value later
        fields = np.frombuffer(self._raw, np.uint8)[self._positions[:, None] + _ENTRY]
        halves, words = fields.view("<u2"), fields.view("<u4")
        flags = halves[:, 1]
        compact = (flags & _COMPACT) != 0
        complex_ = (flags & _COMPLEX) != 0
        if np.any(compact & complex_):
            raise _Unsupported
        self._check_maps(complex_, words[:, 3].astype(np.int64))
        value_types = {i for i, c in enumerate(self._chunks) if c.type_name in _VALUE_TYPES}
        if value_types and np.any(complex_ & np.isin(self._chunk_of, list(value_types))):
            raise _Unsupported
        # a compact entry keeps its key in `size` and its value in `index` (ARSCResTableEntry.get_value)
        self._keys = np.where(compact, halves[:, 0], words[:, 1]).astype(np.int64)
        self._data = np.where(compact, words[:, 1], words[:, 3]).astype(np.int64)
        self._names = self._key_names()
        self.values, self._strings = self._string_values()

    def _check_maps(self, complex_: np.ndarray, counts: np.ndarray) -> None:
        """A complex entry's map is read while an item starts 4 bytes before its chunk's end: in the file."""
        if not np.any(complex_):
            return
        ends = np.array([c.end for c in self._chunks], np.int64)[self._chunk_of[complex_]]
        starts = self._positions[complex_] + 16
        room = np.where(ends - starts >= 4, (ends - starts - 4) // 12 + 1, 0)
        if np.any(starts + 12 * np.minimum(counts[complex_], room) > len(self._raw)):
            raise _Unsupported

    def _rows(self, chunk_index: int) -> range:
        """The rows of one type chunk's entries."""
        lo, hi = np.searchsorted(self._chunk_of, [chunk_index, chunk_index + 1])
        return range(int(lo), int(hi))

    def _key_names(self) -> list[str]:
        """Every entry's key name (androguard's _analyse decodes them all, so a bad one is androguard's)."""
        names: list[str] = []
        for chunk_index, chunk in enumerate(self._chunks):
            rows = self._rows(chunk_index)
            names.extend(map(chunk.context.mKeyStrings.getString, self._keys[rows.start : rows.stop].tolist()))
        return names

    def _string_values(
        self,
    ) -> tuple[dict[str, dict[str, dict[str, list[list[str]]]]], list[tuple[int, str, list[int], list[list[str]]]]]:
        """androguard's `values`, its "string" lists only: {package: {locale: {"string": [[name, value]]}}}; and
        the same entries per type chunk, with their ids: (package, locale, ids, [[name, value]])."""
        values: dict[str, dict[str, dict[str, list[list[str]]]]] = {name: {} for name in self.packages}
        strings: list[tuple[int, str, list[int], list[list[str]]]] = []
        pool = self.stringpool_main
        for chunk_index, chunk in enumerate(self._chunks):
            kinds = values[self.packages[chunk.package]].setdefault(chunk.locale, {})
            if chunk.type_name != "string":
                continue
            rows = self._rows(chunk_index)
            if rows:
                entries = [
                    [self._names[row], pool.getString(d)]
                    for row, d in zip(rows, self._data[rows.start : rows.stop].tolist(), strict=True)
                ]
                kinds.setdefault("string", []).extend(entries)
                strings.append((chunk.package, chunk.locale, self._rids[rows.start : rows.stop].tolist(), entries))
        return values, strings

    # --- androguard's ARSCParser API -----------------------------------------------------------------------

    def _analyse(self) -> None:
        return None

    def get_packages_names(self) -> list[str]:
        return list(self.packages)

    def get_string(self, package_name: str, name: str, locale: str = "\x00\x00") -> list[str] | None:
        for entry in self.values.get(package_name, {}).get(locale, {}).get("string", ()):
            if entry[0] == name:
                return entry
        return None

    def get_resolved_strings(self) -> dict[str, dict[str, dict[int, str | None]]]:
        """As ARSCParser.get_resolved_strings: per package and locale ("DEFAULT" for the default), every string
        resource id with its value, the value found by key name among the ids seen so far."""
        if self._resolved:
            return self._resolved
        out: dict[str, dict[str, dict[int, str | None]]] = {}
        for p, package in enumerate(self.packages):
            by_locale: dict[str, list[tuple[list[int], list[list[str]]]]] = {loc: [] for loc in self.values[package]}
            for in_package, locale, rids, entries in self._strings:
                if in_package == p:
                    by_locale[locale].append((rids, entries))
            out[package] = {}
            keys: dict[str, int] = {}
            for locale, chunks in by_locale.items():
                resolved: dict[int, str | None] = {}
                out[package]["DEFAULT" if locale == "\x00\x00" else locale] = resolved
                for rids, entries in chunks:
                    resolved.update(dict.fromkeys(rids))
                    keys.update((name, rid) for (name, _), rid in zip(entries, rids, strict=True))
                for _, entries in chunks:
                    for name, value in entries:
                        if name in keys:
                            resolved[keys[name]] = value
        self._resolved = out
        return out

    def get_id(self, package_name: str, rid: int, locale: str = "\x00\x00") -> tuple[Any, Any, Any]:
        """As ARSCParser.get_id: (type, key name, id) of the package's first entry with this id in the locale."""
        for row in np.flatnonzero(self._rids == rid).tolist():
            chunk = self._chunks[int(self._chunk_of[row])]
            if self.packages[chunk.package] == package_name and chunk.locale == locale:
                return chunk.type_name, self._names[row], int(self._rids[row])
        return None, None, None

    def get_resource_xml_name(self, r_id: int, package: str | None = None) -> str | None:
        """As ARSCParser.get_resource_xml_name: "@package:type/name" (or "@type/name" within `package`)."""
        if package:
            kind, name, found = self.get_id(package, r_id)
            return f"@{kind}/{name}" if found else None
        for p in self.packages:
            kind, name, found = self.get_id(p, r_id)
            if found:
                return f"@{p}:{kind}/{name}" if p else None  # androguard: an empty package name is no package
        return None

    def get_res_id_by_key(self, package_name: str, resource_type: str, key: str) -> int | None:
        """As ARSCParser.get_res_id_by_key: the id of the last entry of this package, type and key name."""
        found = None
        for chunk_index, chunk in enumerate(self._chunks):
            if chunk.type_name == resource_type and self.packages[chunk.package] == package_name:
                for row in self._rows(chunk_index):
                    if self._names[row] == key:
                        found = int(self._rids[row])
        return found

    def _entry(self, row: int) -> Any:
        if row not in self._ates:
            chunk = self._chunks[int(self._chunk_of[row])]
            position, rid = int(self._positions[row]), int(self._rids[row])
            self._ates[row] = ARSCResTableEntry(self._buff, position, chunk.end, rid, chunk.context)
        return self._ates[row]

    def get_res_configs(self, rid: int, config: Any = None, fallback: bool = True) -> list[tuple[Any, Any]]:
        """As ARSCParser.get_res_configs: (configuration, entry) of the resource id, the one of `config` when
        the id has several (the first when that is the default configuration and the id has none)."""
        if not rid:
            raise ValueError("'rid' should be set")
        if not isinstance(rid, int):
            raise ValueError("'rid' must be an int")
        options: dict[Any, Any] = {}
        for row in np.flatnonzero(self._rids == rid).tolist():
            options[self._chunks[int(self._chunk_of[row])].config] = self._entry(row)
        if len(options) > 1 and config:
            if config in options:
                return [(config, options[config])]
            if fallback and config == ARSCResTableConfig.default_config():
                return [next(iter(options.items()))]
            return []
        return list(options.items())

    def get_resolved_res_configs(self, rid: int, config: Any = None) -> list[tuple[Any, Any]]:
        resolved: list[tuple[Any, Any]] = ARSCParser.ResourceResolver(self, config).resolve(rid)
        return resolved
