"""The DEX header: magic, version, sizes, and where each id table and the map lie, checked before anything is read."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from apkaudit.dex.encoding import DexError

HEADER_MIN = 0x70  # the header's size in every version; offsets below it point into the header
_ENDIAN_CONSTANT = 0x12345678
_REVERSE_ENDIAN_CONSTANT = 0x78563412
_MAGIC_RE = re.compile(rb"dex\n[0-9]{3}\x00")
_FIELDS = struct.Struct("<20I")


@dataclass(frozen=True, slots=True)
class Header:
    """The fixed header of a DEX file (``header_item``), with its sizes and offsets as stored."""

    version: int
    """Format version from the magic, e.g. 35, 38, 39."""
    file_size: int
    header_size: int
    map_off: int
    string_ids_size: int
    string_ids_off: int
    type_ids_size: int
    type_ids_off: int
    proto_ids_size: int
    proto_ids_off: int
    field_ids_size: int
    field_ids_off: int
    method_ids_size: int
    method_ids_off: int
    class_defs_size: int
    class_defs_off: int
    data_size: int
    data_off: int


def read_header(buf: bytes, name: str) -> Header:
    """The header of ``buf``; raises DexError (``"<name>: <problem>"``) unless it describes a file ``buf`` holds."""
    size = len(buf)
    if size < HEADER_MIN:
        raise DexError(f"{name}: {size} bytes is too short for a DEX header (0x70 bytes)")
    if not _MAGIC_RE.fullmatch(buf[:8]):
        raise DexError(f"{name}: bad magic {buf[:8]!r}, expected b'dex\\n0xx\\x00'")
    file_size, header_size, endian_tag, _link_size, _link_off, *rest = _FIELDS.unpack_from(buf, 32)
    if endian_tag == _REVERSE_ENDIAN_CONSTANT:
        raise DexError(f"{name}: big-endian (reverse endian tag) DEX files are not supported")
    if endian_tag != _ENDIAN_CONSTANT:
        raise DexError(f"{name}: bad endian tag 0x{endian_tag:08x}")
    if header_size < HEADER_MIN or header_size > size:
        raise DexError(f"{name}: bad header_size 0x{header_size:x}")
    if file_size < header_size:
        raise DexError(f"{name}: file_size {file_size} is smaller than the header")
    if file_size > size:
        raise DexError(f"{name}: truncated: header says {file_size} bytes, only {size} present")
    return Header(int(buf[4:7]), file_size, header_size, *rest)
