"""facts/restable.py: the resource table read with numpy gives androguard's answers, or is left to androguard."""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path

import pytest
from androguard.core.apk import APK

from apkaudit.apk import ApkArchive
from apkaudit.facts import restable
from apkaudit.facts.icon import ICON_MAX_DPI
from apkaudit.facts.manifest import open_androguard
from tests.conftest import CORPUS, SAMPLES, corpus_apk
from tests.facts.arsc_parity import same_as_androguard

ARSC = "resources.arsc"
CORPUS_APKS = ["ApiDemos-debug.apk", "appium-settings-8.0.10.apk", "appium-uiautomator2-server-v10.6.6.apk"]
FRAMEWORK_RES = Path("/usr/share/android-framework-res/framework-res.apk")  # Debian's android-framework-res


def _samples() -> list[Path]:
    return sorted(SAMPLES.parent.rglob("*.apk"))  # the samples, flow samples and tampered samples


def _table(path: Path) -> bytes | None:
    return ApkArchive.from_bytes(path.read_bytes(), str(path)).read(ARSC)  # read as Android does (tampered zips)


def _corpus_or_sample(name: str) -> Path:
    return corpus_apk(name) if name.endswith(".apk") else SAMPLES / f"{name}.apk"


@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_sample_tables_read_as_androguard_reads_them(path):
    raw = _table(path)
    if raw is None:
        pytest.skip("no resource table")
    assert same_as_androguard(raw)


@pytest.mark.parametrize("name", CORPUS_APKS)
def test_corpus_tables_read_as_androguard_reads_them(name):
    # ApiDemos: 90 locales, 6,904 entries, reference chains; uiautomator2: a table of four entries
    assert same_as_androguard(_table(corpus_apk(name)))


def test_droidbench_tables_read_as_androguard_reads_them():
    apks = sorted((CORPUS / "droidbench").rglob("*.apk"))
    if not apks:
        pytest.skip("DroidBench not present (../shared/corpus/droidbench)")
    read = [same_as_androguard(raw) for raw in map(_table, apks) if raw is not None]
    assert len(read) > 150 and all(read)


def test_framework_res_table_read_as_androguard_reads_it():
    # a 32 MB table (4,000 string names in 90 locales): androguard takes 2.8 s, restable about 0.5 s
    if not FRAMEWORK_RES.is_file():
        pytest.skip("android-framework-res not installed")
    assert same_as_androguard(_table(FRAMEWORK_RES))


@pytest.mark.parametrize("name", ["harvest-loan", "compliant-loan", "shell-cordova", *CORPUS_APKS])
def test_label_and_icon_are_androguards(name):
    path = _corpus_or_sample(name)
    data = path.read_bytes()
    ours = open_androguard(ApkArchive.from_bytes(data, str(path)))
    theirs = APK(data, raw=True)
    assert isinstance(ours.get_android_resources(), restable.Table)
    assert ours.get_app_name() == theirs.get_app_name()
    assert ours.get_app_icon(max_dpi=ICON_MAX_DPI) == theirs.get_app_icon(max_dpi=ICON_MAX_DPI)


def _with_chunk_after_pool(raw: bytes, chunk: bytes) -> bytes:
    """The table with `chunk` inserted after its global string pool, sizes fixed."""
    (pool_size,) = struct.unpack_from("<I", raw, 12 + 4)
    at = 12 + pool_size
    out = bytearray(raw[:at] + chunk + raw[at:])
    struct.pack_into("<I", out, 4, len(out))
    return bytes(out)


def test_odd_tables_are_left_to_androguard():
    raw = _table(SAMPLES / "harvest-loan.apk")
    assert restable.parse(raw) is not None
    unknown = struct.pack("<HHI", 0x0206, 8, 16) + bytes(8)  # a chunk type androguard skips with a warning
    assert restable.parse(_with_chunk_after_pool(raw, unknown)) is None
    second_pool = raw[12 : 12 + struct.unpack_from("<I", raw, 16)[0]]  # androguard ignores a second pool
    assert restable.parse(_with_chunk_after_pool(raw, second_pool)) is None
    assert restable.parse(raw[: len(raw) // 2]) is None  # androguard raises: the file is truncated
    assert restable.parse(b"") is None and restable.parse(b"\x02\x00\x0c\x00") is None


def test_a_table_androguard_rejects_fails_as_it_does(tmp_path):
    """What androguard raises on a broken table, the audited APK raises too (the label then gets its note)."""
    path = SAMPLES / "harvest-loan.apk"
    with zipfile.ZipFile(path) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    entries[ARSC] = entries[ARSC][: len(entries[ARSC]) // 2]
    broken = tmp_path / "broken.apk"
    with zipfile.ZipFile(broken, "w") as z:
        for n, d in entries.items():
            z.writestr(n, d)
    data = broken.read_bytes()
    ours = open_androguard(ApkArchive.from_bytes(data, str(broken)))
    theirs = APK(data, raw=True)
    with pytest.raises(Exception) as raised:  # noqa: PT011 - whatever androguard raises
        theirs.get_android_resources()
    with pytest.raises(type(raised.value)):
        ours.get_android_resources()


def test_mutated_tables_are_read_as_androguard_or_left_to_it():
    """Seeded byte mutations of the samples' tables: each is read with androguard's answers or left to it, and
    none androguard rejects is read."""
    tables = sorted({t for t in map(_table, sorted(SAMPLES.glob("*.apk"))) if t is not None})
    rng = random.Random(16)
    read = 0
    for _ in range(400):
        raw = bytearray(rng.choice(tables))
        for _ in range(rng.choice([1, 1, 2, 4])):
            at = rng.randrange(len(raw))
            raw[at] = rng.choice([0, 0xFF, rng.randrange(256), raw[at] ^ (1 << rng.randrange(8))])
        read += same_as_androguard(bytes(raw))
    assert 100 < read < 400  # most mutations hit strings or values, which restable reads as androguard does
