"""The DEX format's primitive encodings: LEB128 integers and Modified UTF-8 strings, and the one error type.

Every reader in apkaudit/dex raises DexError (a ValueError) for malformed input, with the file name first.
"""

from __future__ import annotations

import sys
from array import array


class DexError(ValueError):
    """A DEX file (or a look-up into it) is malformed, truncated or out of range."""


def uleb_fast(data: bytes | bytearray | memoryview, pos: int) -> tuple[int, int]:
    """Unchecked fast path of :func:`uleb128`; may raise :class:`IndexError`."""
    value = data[pos]
    if value < 0x80:
        return value, pos + 1
    byte = data[pos + 1]
    value = (value & 0x7F) | ((byte & 0x7F) << 7)
    if byte < 0x80:
        return value, pos + 2
    byte = data[pos + 2]
    value |= (byte & 0x7F) << 14
    if byte < 0x80:
        return value, pos + 3
    byte = data[pos + 3]
    value |= (byte & 0x7F) << 21
    if byte < 0x80:
        return value, pos + 4
    byte = data[pos + 4]
    if byte >= 0x80:
        raise DexError(f"uleb128 at offset {pos} is longer than 5 bytes")
    return (value | (byte << 28)) & 0xFFFFFFFF, pos + 5


def sleb128(data: bytes | bytearray | memoryview, pos: int) -> tuple[int, int]:
    """Decode a signed LEB128 value (at most 5 bytes); may raise :class:`IndexError`."""
    value = 0
    shift = 0
    for _ in range(5):
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if byte & 0x40:
                value -= 1 << shift
            return value, pos
    raise DexError(f"sleb128 ending at offset {pos} is longer than 5 bytes")


def uleb_encode(value: int) -> bytes:
    """Canonical (shortest) unsigned LEB128 encoding of ``value``."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def uleb128(buf: bytes | bytearray | memoryview, pos: int) -> tuple[int, int]:
    """Decode an unsigned LEB128 value (at most 5 bytes, 32 bits) at ``pos``.

    Returns ``(value, position after the value)``.  Raises :class:`DexError`
    if ``pos`` is negative, the encoding runs past the end of ``buf`` or is
    longer than 5 bytes.
    """
    if pos < 0:
        raise DexError(f"uleb128 at negative offset {pos}")
    try:
        return uleb_fast(buf, pos)
    except IndexError:
        raise DexError(f"uleb128 at offset {pos} runs past the end of the buffer") from None


_UTF16_NATIVE = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"


def decode_mutf8(raw: bytes) -> tuple[str, int]:
    """Decode Modified UTF-8 (as stored in ``string_data_item``).

    Returns ``(text, number of UTF-16 code units)``.  Surrogate pairs encoded
    as two 3-byte sequences are joined into one code point; lone surrogates are
    kept as-is.  A standard 4-byte UTF-8 sequence is tolerated.  Raises
    :class:`DexError` on an invalid byte sequence.
    """
    units = array("H")
    append = units.append
    i = 0
    n = len(raw)
    try:
        while i < n:
            b = raw[i]
            if b < 0x80:
                if b == 0:
                    raise DexError("NUL byte inside MUTF-8 string data")
                append(b)
                i += 1
            elif b & 0xE0 == 0xC0:
                b2 = raw[i + 1]
                if b2 & 0xC0 != 0x80:
                    raise DexError("bad MUTF-8 continuation byte")
                append(((b & 0x1F) << 6) | (b2 & 0x3F))
                i += 2
            elif b & 0xF0 == 0xE0:
                b2 = raw[i + 1]
                b3 = raw[i + 2]
                if b2 & 0xC0 != 0x80 or b3 & 0xC0 != 0x80:
                    raise DexError("bad MUTF-8 continuation byte")
                append(((b & 0x0F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F))
                i += 3
            elif b & 0xF8 == 0xF0:
                b2, b3, b4 = raw[i + 1], raw[i + 2], raw[i + 3]
                if b2 & 0xC0 != 0x80 or b3 & 0xC0 != 0x80 or b4 & 0xC0 != 0x80:
                    raise DexError("bad MUTF-8 continuation byte")
                cp = ((b & 0x07) << 18) | ((b2 & 0x3F) << 12) | ((b3 & 0x3F) << 6) | (b4 & 0x3F)
                if not 0x10000 <= cp <= 0x10FFFF:
                    raise DexError("bad 4-byte sequence in MUTF-8 string data")
                cp -= 0x10000
                append(0xD800 | (cp >> 10))
                append(0xDC00 | (cp & 0x3FF))
                i += 4
            else:
                raise DexError(f"bad MUTF-8 lead byte 0x{b:02x}")
    except IndexError:
        raise DexError("MUTF-8 sequence cut short") from None
    return units.tobytes().decode(_UTF16_NATIVE, "surrogatepass"), len(units)


def utf16_key(text: str) -> bytes:
    """Sort key that orders strings by UTF-16 code units, as the DEX spec does."""
    return text.encode("utf-16-be", "surrogatepass")


def code_point_order_is_exact(probe: str) -> bool:
    """Whether plain ``str`` comparison against ``probe`` agrees with UTF-16 order.

    Code-point and UTF-16 order differ only between a supplementary character
    (a surrogate pair, D800-DBFF first) and a BMP character in E000-FFFF.  If
    every character of ``probe`` is below U+D800, whichever string has the
    larger character at the first difference is larger in both orders, so the
    binary search can compare ``str`` directly and skip re-encoding.
    """
    return not probe or max(probe) < "\ud800"
