"""Fuzz targets run for APKAUDIT_FUZZ_SECONDS each (a few seconds by default; about a minute in all in CI).

A target may return or raise our own error type; anything else fails the test with Hypothesis's minimal
failing input. Crashes found by longer runs are kept as regression inputs in tests/fuzz/regressions/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from apkaudit.apk import MANIFEST, ApkArchive
from apkaudit.audit import gather_facts
from apkaudit.errors import BadApkError
from apkaudit.facts.manifest import open_androguard
from tests.fuzz import harness

REGRESSIONS = Path(__file__).parent / "fuzz" / "regressions"


@pytest.mark.parametrize("target", harness.TARGETS)
def test_fuzz_target(target):
    tried = harness.run_for(target, harness.fuzz_seconds())
    assert tried > 0


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("manifest-*.axml")), ids=lambda p: p.name)
def test_manifest_that_crashed_androguard_is_a_clean_error(path):
    # found by fuzzing: androguard's AXML parser raised ResParserError, IndexError, ValueError and
    # struct.error out of open_androguard on these manifests
    entries = dict(harness.seed_entries()[-1])
    entries[MANIFEST] = path.read_bytes()
    archive = ApkArchive.from_bytes(harness.build_zip(entries), "fuzzed.apk")
    try:
        open_androguard(archive)
    except BadApkError as exc:
        assert str(exc).startswith("fuzzed.apk: AndroidManifest.xml cannot be decoded")
    harness.target_manifest(entries)


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("dex-*.dex")), ids=lambda p: p.name)
def test_dex_that_crashed_the_decoder_is_a_clean_error(path):
    # found on the way (issue 22): a payload header at the very end of the file made the flow decoder
    # raise struct.error instead of DexError; by the dex target (issue 16 session): a switch whose payload offset
    # points before its code raised IndexError
    harness.target_dex(path.read_bytes())


def test_mutations_reach_every_header():
    seed = harness.seed_apks()[0]
    anchors = harness.zip_anchors(seed)
    assert seed.count(b"PK\x01\x02") + seed.count(b"PK\x03\x04") + 1 <= len(anchors)
    assert harness.mutate(seed, [(4, 0, b"\x00")], anchors) != seed


def test_dex_with_a_broken_class_table_is_a_clean_error(tmp_path):
    # found by fuzzing (target audit): zeroing string_ids_size left the header valid, and DexError escaped
    # from Program() during the analysis instead of a clean error
    entries = dict(harness.seed_entries()[0])
    entries["classes.dex"] = harness.mutate(entries["classes.dex"], [(5, 54, b"\x00")])
    path = tmp_path / "fuzzed.apk"
    path.write_bytes(harness.build_zip(entries))
    with pytest.raises(BadApkError, match="classes.dex: string index"):
        gather_facts(path)
    harness.target_audit(entries, tmp_path)
