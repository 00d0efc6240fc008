"""Builds DEX files and code items in memory, so the DEX and decoder tests need no corpus and no toolchain.

`dex_file` writes a valid DEX 035 with one class `LA;` whose methods are named m0, m1, ... (static, `()V`),
each with the given instructions; its map lists the code items so DexFile finds them as it does in real files.
The code items come last, so the last method's last code unit is the file's last byte.
"""

from __future__ import annotations

import struct

HEADER_SIZE = 0x70


def code_item(insns: list[int], registers: int = 2, ins: int = 0, outs: int = 0) -> bytes:
    """A code_item with these 16-bit instruction units and no try blocks."""
    return struct.pack("<HHHHII", registers, ins, outs, 0, 0, len(insns)) + struct.pack(f"<{len(insns)}H", *insns)


def _uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _string_data(text: str) -> bytes:
    return _uleb(len(text)) + text.encode() + b"\0"


def dex_file(methods: list[list[int]], registers: int = 2) -> bytes:
    """A DEX with class LA; defining static methods m0.. whose code is ``methods[i]`` (lists of code units)."""
    names = sorted(["LA;", "Ljava/lang/Object;", "V"] + [f"m{i}" for i in range(len(methods))])
    s = {t: i for i, t in enumerate(names)}
    types = ["LA;", "Ljava/lang/Object;", "V"]  # sorted by string index, as the format requires
    t = {n: i for i, n in enumerate(types)}
    n_str, n_types, n_meth = len(names), len(types), len(methods)
    off = HEADER_SIZE
    string_ids_off = off
    off += 4 * n_str
    type_ids_off = off
    off += 4 * n_types
    proto_ids_off = off
    off += 12
    method_ids_off = off
    off += 8 * n_meth
    class_defs_off = off
    off += 32
    class_data_off = off
    code_sizes = [len(code_item(m, registers)) for m in methods]
    off += 16 * n_meth  # room for the class data: 4 + 3 ulebs per method, each at most 5 bytes
    string_data_off = off
    strings = [_string_data(n) for n in names]
    off += sum(len(x) for x in strings)
    map_off = (off + 3) & ~3
    n_items = 9 + bool(methods)
    off = map_off + 4 + 12 * n_items
    codes = [code_item(m, registers) for m in methods]
    code_offs = []
    for c in codes:
        off = (off + 3) & ~3
        code_offs.append(off)
        off += len(c)
    items = [(0x0000, 1, 0), (0x0001, n_str, string_ids_off), (0x0002, n_types, type_ids_off)]
    items += [(0x0003, 1, proto_ids_off), (0x0005, n_meth, method_ids_off), (0x0006, 1, class_defs_off)]
    items += [(0x2001, len(codes), code_offs[0])] if codes else []
    items += [(0x2000, 1, class_data_off), (0x2002, n_str, string_data_off), (0x1000, 1, map_off)]
    assert len(items) == n_items and [len(c) for c in codes] == code_sizes
    class_data = _uleb(0) + _uleb(0) + _uleb(n_meth) + _uleb(0)
    for i, code_off in enumerate(code_offs):
        class_data += _uleb(1 if i else 0) + _uleb(0x0009) + _uleb(code_off)  # public static
    assert len(class_data) <= string_data_off - class_data_off
    map_list = struct.pack("<I", len(items)) + b"".join(struct.pack("<HHII", k, 0, n, o) for k, n, o in items)
    size = off

    buf = bytearray(size)
    header = struct.pack(
        "<20I", size, HEADER_SIZE, 0x12345678, 0, 0, map_off, n_str, string_ids_off, n_types, type_ids_off,
        1, proto_ids_off, 0, 0, n_meth, method_ids_off, 1, class_defs_off, size - class_data_off, class_data_off,
    )  # fmt: skip
    buf[0:8] = b"dex\n035\0"
    buf[32 : 32 + len(header)] = header
    pos = string_data_off
    for i, data in enumerate(strings):
        struct.pack_into("<I", buf, string_ids_off + 4 * i, pos)
        buf[pos : pos + len(data)] = data
        pos += len(data)
    for i, name in enumerate(types):
        struct.pack_into("<I", buf, type_ids_off + 4 * i, s[name])
    struct.pack_into("<III", buf, proto_ids_off, s["V"], t["V"], 0)
    for i in range(n_meth):
        struct.pack_into("<HHI", buf, method_ids_off + 8 * i, t["LA;"], 0, s[f"m{i}"])
    struct.pack_into(
        "<8I", buf, class_defs_off, t["LA;"], 1, t["Ljava/lang/Object;"], 0, 0xFFFFFFFF, 0, class_data_off, 0
    )
    for code_off, c in zip(code_offs, codes, strict=True):
        buf[code_off : code_off + len(c)] = c
    buf[class_data_off : class_data_off + len(class_data)] = class_data
    buf[map_off : map_off + len(map_list)] = map_list
    return bytes(buf)
