"""Tests for the lazy DEX reader (apkaudit.dex.file), with androguard as the oracle.

The tests run on the real public APKs in ../shared/corpus; without that folder the
comparisons that need no particular app run on the committed samples/apk/harvest-loan.apk
and the others skip (APKAUDIT_TEST_CORPUS points elsewhere to try it). The reader's answers
are compared with what
androguard decodes from the same bytes, and the byte-pattern fast path of
``code_users`` with an exhaustive decode and with androguard's own
cross-references.  Malformed input is made by truncating and mutating real
``classes.dex`` files.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import struct
import subprocess
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from apkaudit.dex.encoding import DexError, decode_mutf8, uleb128
from apkaudit.dex.file import DexFile
from apkaudit.dex.header import read_header
from apkaudit.dex.opcodes import FILL_ARRAY_DATA_PAYLOAD, PACKED_SWITCH_PAYLOAD, SPARSE_SWITCH_PAYLOAD

CORPUS = Path(os.environ.get("APKAUDIT_TEST_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus"))
APIDEMOS = CORPUS / "ApiDemos-debug.apk"
# Without the corpus, the comparisons with androguard that need no particular app run on a committed sample
# (harvest-loan: real framework calls to contacts, call log, SMS, the device id, location, OkHttp stand-ins).
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "apk" / "harvest-loan.apk"
SETTINGS = CORPUS / "appium-settings-8.0.10.apk"
UIA2 = CORPUS / "appium-uiautomator2-server-v10.6.6.apk"

corpus = pytest.mark.corpus


# ---------------------------------------------------------------------------
# helpers and fixtures
# ---------------------------------------------------------------------------


def _need(apk: Path) -> Path:
    if apk.is_file():
        return apk
    if apk == APIDEMOS:
        return SAMPLE
    pytest.skip(f"public corpus APK {apk.name} not present ({CORPUS})")


def _apidemos_itself() -> None:
    """For tests that assert what ApiDemos holds (particular APIs, strings, instructions): skip without it."""
    if not APIDEMOS.is_file():
        pytest.skip(f"public corpus APK {APIDEMOS.name} not present ({CORPUS})")


def _dex_order(name: str) -> int:
    digits = name[len("classes") : -len(".dex")]
    return int(digits) if digits else 1


def dex_entries(apk: Path) -> list[tuple[str, bytes]]:
    """``(name, bytes)`` of classes.dex, classes2.dex, ... in multidex order."""
    with zipfile.ZipFile(_need(apk)) as z:
        names = [n for n in z.namelist() if re.fullmatch(r"classes\d*\.dex", n)]
        return [(n, z.read(n)) for n in sorted(names, key=_dex_order)]


@contextmanager
def _quiet_androguard() -> Iterator[None]:
    from loguru import logger

    logger.disable("androguard")
    try:
        yield
    finally:
        logger.enable("androguard")


@pytest.fixture(scope="module")
def apidemos_bytes() -> bytes:
    return dex_entries(APIDEMOS)[0][1]


@pytest.fixture(scope="module")
def uia_bytes() -> bytes:
    return dex_entries(UIA2)[0][1]


@pytest.fixture(scope="module")
def apidemos_analysis() -> tuple[Any, Any, Any]:
    """androguard's full analysis of ApiDemos: ``(apk, [DEX], Analysis)`` (~10 s)."""
    from androguard.misc import AnalyzeAPK

    with _quiet_androguard():
        return AnalyzeAPK(str(_need(APIDEMOS)))


@pytest.fixture(scope="module")
def uia_androguard(uia_bytes: bytes) -> Any:
    """androguard's DEX parse of uiautomator2-server's classes.dex (jumbo strings, invoke-polymorphic)."""
    from androguard.core.dex import DEX

    with _quiet_androguard():
        return DEX(uia_bytes)


def _ag_descriptor(desc: str) -> str:
    """androguard separates parameter types with spaces; the DEX descriptor has none."""
    return desc.replace(" ", "")


def _ag_method_sig(cm: Any, idx: int) -> str:
    m = cm.get_method_ref(idx)
    return f"{m.get_class_name()}->{m.get_name()}{_ag_descriptor(m.get_descriptor())}"


def _ag_field_sig(cm: Any, idx: int) -> str:
    f = cm.get_field_ref(idx)
    return f"{f.get_class_name()}->{f.get_name()}:{f.get_type()}"


_AG_PAYLOADS = {
    "PackedSwitch": PACKED_SWITCH_PAYLOAD,
    "SparseSwitch": SPARSE_SWITCH_PAYLOAD,
    "FillArrayData": FILL_ARRAY_DATA_PAYLOAD,
}


def _ag_insns(em: Any) -> list[tuple[int, int, str | None, int | None, tuple[int, ...] | None]]:
    """androguard's decode of a method as ``(offset, opcode, kind, index, args)``."""
    from androguard.core.dex.dex_types import Kind, Operand

    kinds = {
        Kind.METH: "method",
        Kind.METH_PROTO: "method",
        Kind.STRING: "string",
        Kind.FIELD: "field",
        Kind.TYPE: "type",
        Kind.CALL_SITE: "call_site",
        Kind.PROTO: "proto",
    }
    out = []
    offset = 0
    for ins in em.get_instructions():
        name = type(ins).__name__
        if name in _AG_PAYLOADS:
            out.append((offset, _AG_PAYLOADS[name], None, None, None))
        else:
            op = ins.get_op_value()
            try:
                kind = kinds.get(ins.get_kind())
            except IndexError:  # androguard's table has no kind for plain formats
                kind = None
            args: tuple[int, ...] | None = None
            if kind is None:
                index = None
            elif name in ("Instruction45cc", "Instruction4rcc"):
                index = ins.BBBB
            else:
                index = ins.get_ref_kind()
                if name in ("Instruction35c", "Instruction3rc"):
                    args = tuple(o[1] for o in ins.get_operands() if o[0] == Operand.REGISTER)
            out.append((offset, op, kind, index, args))
        offset += ins.get_length() // 2
    return out


_ARGS_OPS = frozenset([0x24, 0x25, 0xFC, 0xFD, *range(0x6E, 0x73), *range(0x74, 0x79)])


def _ours(d: DexFile, code_off: int) -> list[tuple[int, int, str | None, int | None, tuple[int, ...] | None]]:
    return [
        (i.offset, i.opcode, i.kind, i.index, i.args if i.opcode in _ARGS_OPS else None)
        for i in d.instructions(code_off)
    ]


# ---------------------------------------------------------------------------
# tables against androguard
# ---------------------------------------------------------------------------


@corpus
def test_counts_and_strings_match_androguard(apidemos_analysis: Any, apidemos_bytes: bytes) -> None:
    ag = apidemos_analysis[1][0]
    d = DexFile(apidemos_bytes)
    h = ag.get_header_item()
    assert (d.string_count, d.type_count, d.proto_count, d.field_count, d.method_count, d.class_count) == (
        h.string_ids_size,
        h.type_ids_size,
        h.proto_ids_size,
        h.field_ids_size,
        h.method_ids_size,
        h.class_defs_size,
    )
    assert [d.string(i) for i in range(d.string_count)] == list(ag.get_strings())


@corpus
def test_strings_types_refs_match_androguard_on_dex038(uia_androguard: Any, uia_bytes: bytes) -> None:
    ag = uia_androguard
    cm = ag.CM
    d = DexFile(uia_bytes)
    assert d.version == 38
    assert [d.string(i) for i in range(d.string_count)] == list(ag.get_strings())
    assert [d.type_name(i) for i in range(d.type_count)] == [cm.get_type(i) for i in range(d.type_count)]
    for i in range(0, d.method_count, 7):
        assert d.method_ref(i).signature == _ag_method_sig(cm, i)
    for i in range(0, d.field_count, 5):
        assert d.field_ref(i).signature == _ag_field_sig(cm, i)


@corpus
def test_type_names_and_refs_match_androguard(apidemos_analysis: Any, apidemos_bytes: bytes) -> None:
    cm = apidemos_analysis[1][0].CM
    d = DexFile(apidemos_bytes)
    assert [d.type_name(i) for i in range(d.type_count)] == [cm.get_type(i) for i in range(d.type_count)]
    for i in range(0, d.method_count, 3):
        ref = d.method_ref(i)
        assert ref.signature == _ag_method_sig(cm, i)
        assert ref.signature == f"{ref.class_name}->{ref.name}{ref.proto}"
    fresh = DexFile(apidemos_bytes)  # method_signature made first, not from a MethodRef already made
    assert [fresh.method_signature(i) for i in range(d.method_count)] == [
        _ag_method_sig(cm, i) for i in range(d.method_count)
    ]
    for i in range(0, d.field_count, 3):
        ref = d.field_ref(i)
        assert ref.signature == _ag_field_sig(cm, i)
        assert ref.signature == f"{ref.class_name}->{ref.name}:{ref.type}"


@corpus
def test_string_table_is_in_utf16_order_and_find_string_finds_every_string(uia_bytes: bytes) -> None:
    d = DexFile(uia_bytes)
    strings = [d.string(i) for i in range(d.string_count)]
    keys = [s.encode("utf-16-be", "surrogatepass") for s in strings]
    assert keys == sorted(keys)
    assert len(set(strings)) == len(strings)
    for i, s in enumerate(strings):
        assert d.find_string(s) == i
    assert d.find_string("apkaudit: no such string \u2603") is None
    assert d.find_string("") == (0 if strings[0] == "" else None)


@corpus
@pytest.mark.parametrize("apk", [APIDEMOS, SETTINGS, UIA2], ids=lambda p: p.name)
def test_strings_with_prefix_matches_linear_filter(apk: Path) -> None:
    for name, data in dex_entries(apk):
        d = DexFile(data, name)
        strings = [d.string(i) for i in range(d.string_count)]
        non_ascii = sorted({s[:2] for s in strings if s and not s.isascii()})[:5]
        for prefix in ["content://", "content://sms", "Landroid/provider/", "Lio/appium/", "", "~", *non_ascii]:
            expected = [i for i, s in enumerate(strings) if s.startswith(prefix)]
            got = d.strings_with_prefix(prefix)
            assert list(got) == expected, (name, prefix)
            assert got.step == 1


@corpus
@pytest.mark.parametrize("apk", [APIDEMOS, SETTINGS, UIA2], ids=lambda p: p.name)
def test_string_data_span_holds_every_string_item(apk: Path) -> None:
    for name, data in dex_entries(apk):
        d = DexFile(data, name)
        start, stop = d.string_data_span()
        table = read_header(data, name).string_ids_off
        offsets = struct.unpack_from(f"<{d.string_count}I", data, table)
        assert start == min(offsets) and stop <= len(data)
        for off in offsets:
            assert start <= off and data.index(b"\x00", uleb128(data, off)[1]) < stop
        assert data[stop - 1] == 0 and data.index(b"\x00", max(offsets)) == stop - 1


def test_string_data_span_is_empty_without_strings_or_with_offsets_outside() -> None:
    data = bytearray(dex_entries(SAMPLE)[0][1])
    d = DexFile(bytes(data))
    assert d.string_data_span()[0] > 0
    table = read_header(bytes(data), "classes.dex").string_ids_off
    struct.pack_into("<I", data, table, len(data) + 10)  # the first string's item past the end of the file
    assert DexFile(bytes(data)).string_data_span() == (0, 0)


@corpus
def test_find_type_methods_fields_use_sorted_tables(apidemos_bytes: bytes) -> None:
    _apidemos_itself()
    d = DexFile(apidemos_bytes)
    for t in range(d.type_count):
        assert d.find_type(d.type_name(t)) == t
    assert d.find_type("Lapkaudit/NoSuchClass;") is None

    by_member: dict[tuple[str, str], list[int]] = {}
    for i in range(d.method_count):
        ref = d.method_ref(i)
        by_member.setdefault((ref.class_name, ref.name), []).append(i)
    for (cls, name), idxs in list(by_member.items())[::11]:
        assert d.find_methods(cls, name) == idxs
        for i in idxs:
            proto = d.method_ref(i).proto
            assert d.find_methods(cls, name, proto) == [i]
            assert d.find_method(d.method_ref(i).signature) == i
    assert d.find_methods("Landroid/content/ContentResolver;", "noSuchMethod") == []
    assert d.find_methods("Landroid/content/ContentResolver;", "query", "()V") == []

    fields: dict[tuple[str, str], list[int]] = {}
    for i in range(d.field_count):
        fref = d.field_ref(i)
        fields.setdefault((fref.class_name, fref.name), []).append(i)
    for (cls, name), idxs in list(fields.items())[::5]:
        assert d.find_fields(cls, name) == idxs
        for i in idxs:
            assert d.find_field(d.field_ref(i).signature) == i
    uri = d.find_fields("Landroid/provider/ContactsContract$Contacts;", "CONTENT_URI")
    assert [d.field_ref(i).type for i in uri] == ["Landroid/net/Uri;"]


def test_field_range_is_every_field_of_the_class(apidemos_bytes: bytes) -> None:
    _apidemos_itself()
    d = DexFile(apidemos_bytes)
    by_class: dict[str, list[int]] = {}
    for i in range(d.field_count):
        by_class.setdefault(d.field_ref(i).class_name, []).append(i)
    assert len(by_class) > 100
    for cls, idxs in by_class.items():
        assert list(d.field_range(cls)) == idxs
    assert not d.field_range("Lapkaudit/NoSuchClass;")
    assert not d.field_range("Ljava/lang/Runnable;")  # a type with no field


def test_field_names_answer_as_find_fields(apidemos_bytes: bytes) -> None:
    """A class's fields by name, read at once (what the flow search asks of a class whose fields it follows one
    after another), are find_fields's answers; a table out of order gives none, so find_fields answers."""
    _apidemos_itself()
    d = DexFile(apidemos_bytes)
    by_class: dict[str, set[str]] = {}
    for i in range(d.field_count):
        ref = d.field_ref(i)
        by_class.setdefault(ref.class_name, set()).add(ref.name)
    for cls, names in by_class.items():
        named = d.field_names(cls)
        assert named is not None
        assert {d.string(k) for k in named} == names
        for name in names:
            assert list(named[d.find_string(name)]) == d.find_fields(cls, name)
    assert d.field_names("Lapkaudit/NoSuchClass;") == {}
    assert d.field_names("Ljava/lang/Runnable;") == {}
    data = bytearray(apidemos_bytes)
    field_ids = int.from_bytes(data[0x54:0x58], "little")  # header field_ids_off
    data[field_ids : field_ids + 8], data[field_ids + 8 : field_ids + 16] = (
        data[field_ids + 8 : field_ids + 16],
        data[field_ids : field_ids + 8],
    )
    first, second = d.field_ref(0), d.field_ref(1)
    assert (first.class_name, first.name) < (second.class_name, second.name)  # now out of order
    assert DexFile(bytes(data)).field_names(first.class_name) is None


@corpus
def test_classes_and_methods_match_androguard(apidemos_analysis: Any, apidemos_bytes: bytes) -> None:
    ag = apidemos_analysis[1][0]
    d = DexFile(apidemos_bytes)
    ours = d.classes()
    theirs = ag.get_classes()
    assert len(ours) == len(theirs) == d.class_count
    for cdef, c in zip(ours, theirs, strict=True):
        assert cdef.name == c.get_name()
        assert cdef.superclass == (c.get_superclassname() if c.get_superclass_idx() != 0xFFFFFFFF else None)
        assert list(cdef.interfaces) == list(c.get_interfaces())
        assert cdef.access_flags == c.get_access_flags()
        assert cdef.class_data_off == c.get_class_data_off()
        assert d.class_by_name(cdef.name) == cdef
        got = [(m.method_idx, m.access_flags, m.code_off, m.class_index) for m in d.methods_of(cdef.index)]
        want = [(m.get_method_idx(), m.get_access_flags(), m.get_code_off(), cdef.index) for m in c.get_methods()]
        assert got == want
    assert d.class_by_name("Landroid/content/ContentResolver;") is None  # referenced, not defined
    assert d.class_by_name("Lapkaudit/NoSuchClass;") is None


@corpus
def test_static_string_values_match_androguard(apidemos_analysis: Any, apidemos_bytes: bytes) -> None:
    _apidemos_itself()
    ag = apidemos_analysis[1][0]
    d = DexFile(apidemos_bytes)
    ours = {k: v for c in d.classes() for k, v in d.static_strings(c.index).items()}
    theirs = {
        f"{c.get_name()}->{f.get_name()}:{f.get_descriptor()}": f.get_init_value().get_value()
        for c in ag.get_classes()
        for f in c.get_fields()
        if f.get_init_value() is not None and isinstance(f.get_init_value().get_value(), str)
    }
    assert ours == theirs and len(ours) > 100
    assert ours["Lio/appium/android/apis/BuildConfig;->APPLICATION_ID:Ljava/lang/String;"] == "io.appium.android.apis"


DROIDBENCH_GAP = CORPUS / "droidbench" / "ContentProvider1.apk"  # dx output: a gap after the code items


@corpus
@pytest.mark.parametrize("apk", [APIDEMOS, UIA2, DROIDBENCH_GAP], ids=lambda p: p.name)
def test_code_index_and_method_at_code(apk: Path) -> None:
    for name, data in dex_entries(apk)[:3]:
        d = DexFile(data, name)
        owners: dict[int, list[int]] = {}
        for cdef in d.classes():
            for m in d.methods_of(cdef.index):
                if m.code_off:
                    owners.setdefault(m.code_off, []).append(m.method_idx)
        # The code-section walk finds exactly the code items the class data names.
        assert d.code_offsets() == sorted(owners)
        for code_off, idxs in owners.items():
            m = d.method_at_code(code_off)
            assert m is not None and m.method_idx == min(idxs) and m.code_off == code_off
            assert sorted(x.method_idx for x in d.methods_at_code(code_off)) == sorted(idxs)
            assert d.signatures_at(code_off) == [d.method_ref(i).signature for i in sorted(set(idxs))]
        assert d.method_at_code(d.code_offsets()[0] + 2) is None


@corpus
def test_code_index_without_map_falls_back_to_class_data(apidemos_bytes: bytes) -> None:
    d = DexFile(apidemos_bytes)
    no_map = DexFile(_with_u32(apidemos_bytes, 52, 0))
    assert no_map.code_offsets() == d.code_offsets()
    assert no_map.code_region == d.code_region
    methods = d.find_methods("Landroid/content/ContentResolver;", "query")
    assert no_map.code_users(methods=methods) == d.code_users(methods=methods) != {}


# ---------------------------------------------------------------------------
# instructions against androguard
# ---------------------------------------------------------------------------


def _methods_by_code(ag: Any) -> dict[int, Any]:
    return {m.get_code_off(): m for c in ag.get_classes() for m in c.get_methods() if m.get_code_off()}


@corpus
def test_instructions_match_androguard(apidemos_analysis: Any, apidemos_bytes: bytes) -> None:
    _apidemos_itself()
    d = DexFile(apidemos_bytes)
    by_code = _methods_by_code(apidemos_analysis[1][0])
    offs = d.code_offsets()
    chosen = set(offs[:: max(1, len(offs) // 300)])
    # ... plus methods with switch / array payloads and the biggest methods.
    with_payload = [off for off in offs[::7] if any(i.opcode > 0xFF for i in d.instructions(off))]
    assert with_payload
    chosen.update(with_payload[:150])
    chosen.update(sorted(offs, key=lambda o: -d.code_item(o).insns_size)[:20])
    seen_ops: set[int] = set()
    for off in sorted(chosen):
        ours = _ours(d, off)
        assert ours == _ag_insns(by_code[off]), hex(off)
        assert d.references(off) == [(op, kind, index) for _, op, kind, index, _ in ours if kind is not None]
        seen_ops.update(op for _, op, *_ in ours)
        end = ours[-1][0] if ours else 0
        assert end < d.code_item(off).insns_size
    assert {PACKED_SWITCH_PAYLOAD, SPARSE_SWITCH_PAYLOAD, FILL_ARRAY_DATA_PAYLOAD} <= seen_ops
    assert len(seen_ops) > 120


@corpus
def test_jumbo_strings_and_invoke_polymorphic_match_androguard(uia_androguard: Any, uia_bytes: bytes) -> None:
    d = DexFile(uia_bytes)
    by_code = _methods_by_code(uia_androguard)
    jumbo: list[int] = []
    poly: list[int] = []
    for off in d.code_offsets():
        ops = {i.opcode for i in d.instructions(off)}
        if 0x1B in ops:
            jumbo.append(off)
        if ops & {0xFA, 0xFB}:
            poly.append(off)
    assert jumbo and poly
    for off in jumbo[::10] + poly:
        assert _ours(d, off) == _ag_insns(by_code[off]), hex(off)
    insn = next(i for off in poly for i in d.instructions(off) if i.opcode in (0xFA, 0xFB))
    assert insn.kind == "method" and insn.proto is not None
    # Only signature-polymorphic methods can be the target of invoke-polymorphic.
    assert d.method_ref(insn.index or 0).class_name in {
        "Ljava/lang/invoke/MethodHandle;",
        "Ljava/lang/invoke/VarHandle;",
    }
    assert d.proto(insn.proto).startswith("(")


@corpus
@pytest.mark.parametrize("apk", [APIDEMOS, SETTINGS, UIA2], ids=lambda p: p.name)
def test_every_method_decodes_to_the_end_of_its_code(apk: Path) -> None:
    for name, data in dex_entries(apk):
        d = DexFile(data, name)
        for off in d.code_offsets():
            pos = 0
            for insn in d.instructions(off):
                assert insn.offset == pos and insn.size > 0
                pos += insn.size
            assert pos == d.code_item(off).insns_size


# ---------------------------------------------------------------------------
# code_users: the fast path
# ---------------------------------------------------------------------------


def _users_as_sigs(d: DexFile, users: dict[int, Any]) -> set[str]:
    return {d.method_ref(m.method_idx).signature for off in users for m in d.methods_at_code(off)}


def _ma_sig(ma: Any) -> str:
    return f"{ma.class_name}->{ma.name}{_ag_descriptor(ma.descriptor)}"


@corpus
@pytest.mark.parametrize(
    ("cls", "name"),
    [
        ("Landroid/content/ContentResolver;", "query"),
        ("Landroid/content/pm/PackageManager;", "getInstalledApplications"),
        ("Landroid/location/LocationManager;", "requestLocationUpdates"),
        ("Landroid/telephony/SmsManager;", "sendTextMessage"),
        ("Landroid/hardware/Camera;", "open"),
        ("Landroid/telephony/TelephonyManager;", "getDeviceId"),
        ("Landroid/database/Cursor;", "getString"),  # invoke-interface
        ("Landroid/app/Activity;", "onCreate"),  # invoke-super, hundreds of callers
        ("Ljava/lang/Object;", "<init>"),  # invoke-direct, thousands of callers
    ],
)
def test_code_users_of_methods_equal_androguard_callers(
    apidemos_analysis: Any, apidemos_bytes: bytes, cls: str, name: str
) -> None:
    _apidemos_itself()
    dx = apidemos_analysis[2]
    expected = {
        _ma_sig(caller)
        for ma in dx.find_methods(classname=f"^{re.escape(cls)}$", methodname=f"^{re.escape(name)}$")
        for _, caller, _ in ma.get_xref_from()
    }
    assert expected
    d = DexFile(apidemos_bytes)
    idxs = d.find_methods(cls, name)
    users = d.code_users(methods=idxs)
    assert _users_as_sigs(d, users) == expected
    for hits in users.values():
        assert hits and all(i.kind == "method" and i.index in idxs for i in hits)
    if cls == "Landroid/content/ContentResolver;":
        assert len(expected) >= 10
    if name == "getInstalledApplications":
        assert any("LoaderCustom$AppListLoader;->loadInBackground" in s for s in expected)


@pytest.fixture(scope="module")
def apidemos_ag_refs(apidemos_analysis: Any) -> dict[tuple[str, str], set[str]]:
    """androguard's DEX-level references: ``(kind, field signature or string) -> caller signatures``."""
    ag = apidemos_analysis[1][0]
    cm = ag.CM
    strings = ag.get_strings()
    refs: dict[tuple[str, str], set[str]] = {}
    for c in ag.get_classes():
        for m in c.get_methods():
            if not m.get_code_off():
                continue
            sig = f"{m.get_class_name()}->{m.get_name()}{_ag_descriptor(m.get_descriptor())}"
            for _off, op, kind, index, _args in _ag_insns(m):
                if kind == "field" and index is not None:
                    refs.setdefault(("field", _ag_field_sig(cm, index)), set()).add(sig)
                elif kind == "string" and index is not None:
                    refs.setdefault(("string", strings[index]), set()).add(sig)
                elif kind == "type" and index is not None:
                    refs.setdefault((f"type{op:02x}", cm.get_type(index)), set()).add(sig)
    return refs


@corpus
@pytest.mark.parametrize(
    "field",
    [
        "Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;",
        "Landroid/provider/ContactsContract$PhoneLookup;->CONTENT_FILTER_URI:Landroid/net/Uri;",
        "Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;",
    ],
)
def test_code_users_of_fields_equal_androguard(
    apidemos_ag_refs: dict[tuple[str, str], set[str]], apidemos_bytes: bytes, field: str
) -> None:
    _apidemos_itself()
    d = DexFile(apidemos_bytes)
    idx = d.find_field(field)
    assert idx is not None
    expected = apidemos_ag_refs.get(("field", field), set())
    assert expected
    assert _users_as_sigs(d, d.code_users(fields=[idx])) == expected
    if "Contacts;->CONTENT_URI" in field:
        assert "Lio/appium/android/apis/app/QuickContactsDemo;->onCreate(Landroid/os/Bundle;)V" in expected


@corpus
def test_code_users_of_strings_and_types_equal_androguard(
    apidemos_ag_refs: dict[tuple[str, str], set[str]], apidemos_bytes: bytes
) -> None:
    d = DexFile(apidemos_bytes)
    content = d.strings_with_prefix("content://")
    assert len(content) >= 1
    expected = set().union(*(apidemos_ag_refs.get(("string", d.string(i)), set()) for i in content))
    assert expected
    assert _users_as_sigs(d, d.code_users(strings=content)) == expected

    cursor = d.find_type("Landroid/database/Cursor;")
    assert cursor is not None
    expected = set().union(
        *(
            v
            for (k, name), v in apidemos_ag_refs.items()
            if k.startswith("type") and name == "Landroid/database/Cursor;"
        )
    )
    assert _users_as_sigs(d, d.code_users(types=[cursor])) == expected


Decoded = list[tuple[int, list[tuple[int, int, str | None, int | None]]]]


def _decode_all(d: DexFile) -> Decoded:
    return [(off, [(i.offset, i.opcode, i.kind, i.index) for i in d.instructions(off)]) for off in d.code_offsets()]


def _brute_force(decoded: Decoded, wanted: dict[str, set[int]]) -> dict[int, list[tuple[int, int, int | None]]]:
    out: dict[int, list[tuple[int, int, int | None]]] = {}
    for off, insns in decoded:
        hits = [(o, op, index) for o, op, kind, index in insns if kind in wanted and index in wanted[kind]]
        if hits:
            out[off] = hits
    return out


@corpus
@pytest.mark.parametrize("apk", [APIDEMOS, UIA2], ids=lambda p: p.name)
def test_code_users_equals_exhaustive_decode(apk: Path) -> None:
    """The regex pre-filter + bisect never misses a use nor reports a misaligned one."""
    rng = random.Random(20240611)
    for name, data in dex_entries(apk)[:2]:
        d = DexFile(data, name)
        decoded = _decode_all(d)
        queries: list[dict[str, set[int]]] = [
            {"method": set(rng.sample(range(d.method_count), min(40, d.method_count)))},
            {"field": set(rng.sample(range(d.field_count), min(30, d.field_count)))},
            {"string": set(rng.sample(range(d.string_count), min(60, d.string_count)))},
            {"type": set(rng.sample(range(d.type_count), min(25, d.type_count)))},
            # Large sets take the opcode-scan + set-membership path.
            {"method": set(rng.sample(range(d.method_count), min(6000, d.method_count)))},
            {
                "method": set(rng.sample(range(d.method_count), min(300, d.method_count))),
                "field": set(rng.sample(range(d.field_count), min(300, d.field_count))),
                "string": set(range(max(0, d.string_count - 400), d.string_count)),  # jumbo indices
                "type": set(rng.sample(range(d.type_count), min(100, d.type_count))),
            },
        ]
        for wanted in queries:
            expected = _brute_force(decoded, wanted)
            got = d.code_users(
                methods=wanted.get("method", ()),
                fields=wanted.get("field", ()),
                strings=wanted.get("string", ()),
                types=wanted.get("type", ()),
            )
            assert {k: [(i.offset, i.opcode, i.index) for i in v] for k, v in got.items()} == expected
            assert list(got) == sorted(got)
        assert d.code_users() == {}


@corpus
def test_reader_is_lazy(uia_bytes: bytes) -> None:
    d = DexFile(uia_bytes)
    assert all(s is None for s in d._str_cache)
    ms = d.find_methods("Landroid/content/ContentResolver;", "query")
    users = d.code_users(methods=ms)
    for off in users:
        d.method_at_code(off)
    decoded = sum(s is not None for s in d._str_cache)
    assert decoded < 200, decoded
    assert d._classes is None and d._owner_offs is None


# ---------------------------------------------------------------------------
# invoke-custom (no corpus APK has call sites: assemble one with smali)
# ---------------------------------------------------------------------------

_LAMBDA_BOOTSTRAP = (
    "Ljava/lang/invoke/LambdaMetafactory;->metafactory(Ljava/lang/invoke/MethodHandles$Lookup;"
    "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;"
    "Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;"
)
_CONCAT_BOOTSTRAP = (
    "Ljava/lang/invoke/StringConcatFactory;->makeConcatWithConstants(Ljava/lang/invoke/MethodHandles$Lookup;"
    "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)"
    "Ljava/lang/invoke/CallSite;"
)
_LAMBDA_SMALI = f"""\
.class public LLam;
.super Ljava/lang/Object;

.method public static make()Ljava/lang/Runnable;
    .registers 1
    invoke-custom {{}}, call_site_0("run", ()Ljava/lang/Runnable;, ()V, \
invoke-static@LLam;->lambda$make$0()V, ()V)@{_LAMBDA_BOOTSTRAP}
    move-result-object v0
    return-object v0
.end method

.method public static concat(Ljava/lang/String;)Ljava/lang/String;
    .registers 2
    invoke-custom {{p0}}, call_site_1("makeConcatWithConstants", \
(Ljava/lang/String;)Ljava/lang/String;, "id=\\u0001")@{_CONCAT_BOOTSTRAP}
    move-result-object v0
    return-object v0
.end method

.method private static synthetic lambda$make$0()V
    .registers 0
    return-void
.end method
"""


@pytest.mark.skipif(shutil.which("smali") is None, reason="smali assembler not installed")
def test_call_site_method_resolves_lambda_implementation(tmp_path: Path) -> None:
    src = tmp_path / "Lam.smali"
    src.write_text(_LAMBDA_SMALI)
    out = tmp_path / "classes.dex"
    subprocess.run(["smali", "assemble", "-a", "26", str(src), "-o", str(out)], check=True, timeout=120)
    d = DexFile(out.read_bytes())
    assert d.version >= 38 and d.call_site_count == 2

    def call_site_in(method: str) -> int:
        (midx,) = d.find_methods("LLam;", method)
        owner = next(m for c in d.classes() for m in d.methods_of(c.index) if m.method_idx == midx)
        (insn,) = [i for i in d.instructions(owner.code_off) if i.kind == "call_site"]
        assert insn.opcode == 0xFC and insn.index is not None
        return insn.index

    lam = call_site_in("make")
    ref = d.call_site_method(lam)
    assert ref is not None and ref.signature == "LLam;->lambda$make$0()V"
    assert d.call_site_method(call_site_in("concat")) is None  # StringConcatFactory, not a lambda
    impl = d.find_method("LLam;->lambda$make$0()V")
    assert impl is not None
    assert d.call_sites_for_methods([impl]) == [lam]
    users = d.code_users(call_sites=d.call_sites_for_methods([impl]))
    assert {d.method_ref(m.method_idx).name for off in users for m in d.methods_at_code(off)} == {"make"}
    with pytest.raises(DexError):
        d.call_site_method(99)


# ---------------------------------------------------------------------------
# malformed input: only DexError, never another exception, never a hang
# ---------------------------------------------------------------------------


def test_uleb128() -> None:
    assert uleb128(b"\x00", 0) == (0, 1)
    assert uleb128(b"\x7f", 0) == (127, 1)
    assert uleb128(b"\x80\x7f", 0) == (16256, 2)
    assert uleb128(b"\xe5\x8e\x26", 0) == (624485, 3)
    assert uleb128(b"\xff\xff\xff\xff\x0f", 0) == (0xFFFFFFFF, 5)
    for bad in (b"", b"\x80", b"\xff\xff\xff\xff", b"\xff\xff\xff\xff\xff\x01"):
        with pytest.raises(DexError):
            uleb128(bad, 0)
    with pytest.raises(DexError):
        uleb128(b"\x00", -1)


def test_decode_mutf8() -> None:
    # NUL as C0 80 and a supplementary character as a surrogate pair of 3-byte sequences.
    assert decode_mutf8(b"a\xc0\x80b") == ("a\x00b", 3)
    assert decode_mutf8(b"\xed\xa0\xbd\xed\xb8\x80") == ("\U0001f600", 2)
    for bad in (b"\xc0", b"\xe0\x80", b"\xff", b"\x80"):
        with pytest.raises(DexError):
            decode_mutf8(bad)


@corpus
def test_mutf8_fallback_agrees_with_mutf8_package(apidemos_bytes: bytes) -> None:
    _apidemos_itself()
    mutf8 = pytest.importorskip("mutf8")
    d = DexFile(apidemos_bytes)
    non_ascii = [i for i in range(d.string_count) if not d.string(i).isascii()]
    assert non_ascii
    for i in non_ascii:
        (off,) = struct.unpack_from("<I", apidemos_bytes, d._string_ids_off + 4 * i)
        _, pos = uleb128(apidemos_bytes, off)
        raw = apidemos_bytes[pos : apidemos_bytes.index(b"\x00", pos)]
        assert decode_mutf8(raw)[0] == mutf8.decode_modified_utf8(raw) == d.string(i)


def _with_u32(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + struct.pack("<I", value) + data[offset + 4 :]


@corpus
def test_header_problems_raise_dex_error(apidemos_bytes: bytes) -> None:
    data = apidemos_bytes
    for n in (0, 1, 8, 0x40, 0x6F):
        with pytest.raises(DexError, match=r"^classes\.dex: .*too short"):
            DexFile(data[:n])
    with pytest.raises(DexError, match="bad magic"):
        DexFile(b"dey\n035\x00" + data[8:])
    with pytest.raises(DexError, match="endian"):
        DexFile(_with_u32(data, 40, 0x78563412))
    with pytest.raises(DexError, match="header_size"):
        DexFile(_with_u32(data, 36, 0x10))
    # Truncated file: header says more bytes than there are.
    for cut in (0x70, 0x1000, len(data) // 2, len(data) - 1):
        with pytest.raises(DexError, match=r"^app\.dex: truncated"):
            DexFile(data[:cut], "app.dex")
    # Tables pointing outside the file (string_ids, type_ids, ..., class_defs).
    for field_off in range(56, 104, 8):
        with pytest.raises(DexError, match="outside the file"):
            DexFile(_with_u32(data, field_off + 4, len(data) - 8))
        with pytest.raises(DexError, match="outside the file"):
            DexFile(_with_u32(data, field_off, 0x7FFFFFF))
    with pytest.raises(DexError, match="map"):
        DexFile(_with_u32(data, 52, len(data) + 100))


@corpus
def test_truncated_string_data_raises_dex_error(apidemos_bytes: bytes) -> None:
    d = DexFile(apidemos_bytes)
    offsets = struct.unpack_from(f"<{d.string_count}I", apidemos_bytes, d._string_ids_off)
    # The string whose data lies last in the file, cut in its middle.
    last = max(range(d.string_count), key=lambda i: offsets[i] if len(d.string(i)) > 4 else -1)
    cut = offsets[last] + 3
    # Keep the header consistent with the shorter file: file_size, no map, data_size.
    (data_off,) = struct.unpack_from("<I", apidemos_bytes, 108)
    data = _with_u32(_with_u32(_with_u32(apidemos_bytes[:cut], 32, cut), 52, 0), 104, cut - data_off)
    t = DexFile(data, "cut.dex")
    with pytest.raises(DexError, match=r"^cut\.dex: string \d+: data truncated"):
        t.string(last)
    # A string before the cut still decodes; a string id pointing past the end is an error.
    first = min(range(d.string_count), key=lambda i: offsets[i])
    assert t.string(first) == d.string(first)
    with pytest.raises(DexError):
        DexFile(_with_u32(apidemos_bytes, d._string_ids_off + 4 * first, len(apidemos_bytes) + 5)).string(first)
    # A string whose declared UTF-16 length disagrees with its bytes.
    pos = offsets[first]
    bad = apidemos_bytes[:pos] + bytes([apidemos_bytes[pos] ^ 1]) + apidemos_bytes[pos + 1 :]
    with pytest.raises(DexError, match="UTF-16"):
        DexFile(bad).string(first)
    with pytest.raises(DexError, match="out of range"):
        d.string(d.string_count)
    with pytest.raises(DexError, match="out of range"):
        d.method_ref(-1)


@corpus
def test_code_offsets_outside_the_file_raise_dex_error(apidemos_bytes: bytes) -> None:
    d = DexFile(apidemos_bytes)
    for bad in (0, 5, len(apidemos_bytes) - 4, len(apidemos_bytes) + 10):
        with pytest.raises(DexError):
            list(d.instructions(bad))
        with pytest.raises(DexError):
            d.code_item(bad)
    # A code item whose insns_size runs past the end of the file.
    off = d.code_offsets()[-1]
    with pytest.raises(DexError, match="past the end"):
        list(DexFile(_with_u32(apidemos_bytes, off + 12, 0x7FFFFFFF)).instructions(off))


def _exercise(d: DexFile) -> None:
    """Call every public entry point; anything but DexError propagates."""

    def attempt(fn: Callable[[], object]) -> None:
        with suppress(DexError):
            fn()

    for i in range(min(d.string_count, 400)):
        attempt(lambda i=i: d.string(i))
    for i in range(min(d.type_count, 200)):
        attempt(lambda i=i: d.type_name(i))
    for i in range(min(d.method_count, 200)):
        attempt(lambda i=i: d.method_ref(i).signature)
    for i in range(min(d.field_count, 200)):
        attempt(lambda i=i: d.field_ref(i).signature)
    attempt(lambda: d.find_string("Ljava/lang/Object;"))
    attempt(lambda: d.strings_with_prefix("L"))
    attempt(lambda: d.find_methods("Ljava/lang/Object;", "<init>"))
    attempt(lambda: d.find_methods("Ljava/lang/Object;", "<init>", "()V"))
    attempt(lambda: d.find_fields("Landroid/os/Build;", "MODEL"))
    attempt(lambda: d.class_by_name("Ljava/lang/Object;"))
    attempt(d.classes)
    for ci in range(min(d.class_count, 100)):
        attempt(lambda ci=ci: d.methods_of(ci))
        attempt(lambda ci=ci: d.static_strings(ci))
        attempt(lambda ci=ci: d.method_annotations(ci))

    def code() -> None:
        for off in d.code_offsets()[:200]:
            attempt(lambda off=off: list(d.instructions(off)))
            attempt(lambda off=off: d.method_at_code(off))

    attempt(code)

    def users() -> None:
        found = d.code_users(
            methods=range(min(d.method_count, 50)),
            fields=range(min(d.field_count, 50)),
            strings=range(min(d.string_count, 50)),
            types=range(min(d.type_count, 50)),
            call_sites=range(d.call_site_count),
        )
        for off in found:
            attempt(lambda off=off: d.methods_at_code(off))

    attempt(users)
    for i in range(d.call_site_count):
        attempt(lambda i=i: d.call_site_method(i))


class _Hang(Exception):
    pass


@contextmanager
def _watchdog(seconds: int) -> Iterator[None]:
    """Fail instead of hanging if a single case takes too long (POSIX only)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    choice = rng.randrange(4)
    if choice == 0:  # a few random bytes anywhere
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif choice == 1:  # a header or table word set to something odd
        field = rng.randrange(8, 0x70, 4)
        struct.pack_into("<I", buf, field, rng.choice([0, 1, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, len(buf) - 2]))
    elif choice == 2:  # truncate, keeping the header consistent
        cut = rng.randrange(0x70, len(buf))
        del buf[cut:]
        struct.pack_into("<I", buf, 32, cut)
    else:  # scramble a run of bytes in the data section
        start = rng.randrange(0x70, len(buf) - 1)
        for k in range(start, min(len(buf), start + rng.randint(2, 64))):
            buf[k] = rng.randrange(256)
    return bytes(buf)


@corpus
@pytest.mark.parametrize("source", [(SETTINGS, 6), (UIA2, 14), (UIA2, 11)], ids=lambda s: f"{s[0].name}#{s[1]}")
def test_random_mutations_only_raise_dex_error(source: tuple[Path, int]) -> None:
    apk, position = source
    name, data = dex_entries(apk)[position]
    _exercise(DexFile(data, name))  # the pristine file works
    rng = random.Random(f"{name}-{len(data)}")
    deadline = time.monotonic() + 4.0
    cases = 0
    while cases < 400 and time.monotonic() < deadline:
        mutated = _mutate(rng, data)
        cases += 1
        with _watchdog(10):
            try:
                d = DexFile(mutated, name)
            except DexError:
                continue
            _exercise(d)
    assert cases >= 20


@corpus
def test_hypothesis_mutations_only_raise_dex_error() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = pytest.importorskip("hypothesis.strategies")
    name, data = dex_entries(SETTINGS)[6]

    @hypothesis.settings(max_examples=150, deadline=None, derandomize=True)
    @hypothesis.given(
        edits=st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), min_size=1, max_size=6),
        cut=st.one_of(st.none(), st.integers(0x70, len(data))),
    )
    def check(edits: list[tuple[int, int]], cut: int | None) -> None:
        buf = bytearray(data)
        for pos, value in edits:
            buf[pos] = value
        if cut is not None:
            del buf[cut:]
            struct.pack_into("<I", buf, 32, cut)
        with _watchdog(10):
            try:
                d = DexFile(bytes(buf), name)
            except DexError:
                return
            _exercise(d)

    check()


def test_method_annotations_and_static_strings_of_a_sample() -> None:
    """Retrofit's @POST paths and a BuildConfig-style static final String, as smali declared them."""
    root = Path(__file__).resolve().parents[2] / "samples" / "flows" / "apk"
    with zipfile.ZipFile(root / "retrofit_service.apk") as z:
        d = DexFile(z.read("classes.dex"))
    api = d.class_by_name("Lorg/apkaudit/flows/retrofit_service/UploadApi;")
    assert api is not None
    found = {d.method_ref(m).name: anns for m, anns in d.method_annotations(api.index).items()}
    assert found == {
        "report": [("Lretrofit2/http/POST;", {"value": "v1/retrofit_service/call"})],
        "upload": [("Lretrofit2/http/POST;", {"value": "v1/retrofit_service"})],
    }
    assert d.static_strings(api.index) == {}
    with zipfile.ZipFile(root / "endpoint_constants.apk") as z:
        d = DexFile(z.read("classes.dex"))
    config = d.class_by_name("Lorg/apkaudit/flows/endpoint_constants/BuildConfig;")
    assert config is not None and d.method_annotations(config.index) == {}
    assert d.static_strings(config.index) == {
        "Lorg/apkaudit/flows/endpoint_constants/BuildConfig;->API_URL:Ljava/lang/String;": (
            "https://api.flows.example/v1/endpoint_constants/buildconfig"
        )
    }
