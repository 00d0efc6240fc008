"""Opening hostile input: each bad APK gets one line naming the file and the problem, and exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from apkaudit.apk import ApkArchive, Limits
from apkaudit.errors import BadApkError
from tests.conftest import sample_apk
from tests.hostile import entries_of, write_zip


@pytest.fixture
def good_entries():
    return entries_of(sample_apk("unused-contacts"))


def _expect_error(run, path, fragment):
    result = run("scan", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and fragment in lines[0]
    assert "Traceback" not in result.output + result.stderr


def test_not_a_zip(run, tmp_path):
    bad = tmp_path / "notzip.apk"
    bad.write_bytes(b"this is plain text, not an archive")
    _expect_error(run, bad, "not a zip archive")


def test_truncated_zip(run, tmp_path):
    data = sample_apk("harvest-loan").read_bytes()
    bad = tmp_path / "truncated.apk"
    bad.write_bytes(data[: len(data) - 200])
    _expect_error(run, bad, "broken zip structure")


def test_zip_without_manifest(run, tmp_path, good_entries):
    good_entries.pop("AndroidManifest.xml")
    _expect_error(run, write_zip(tmp_path / "nomanifest.apk", good_entries), "no AndroidManifest.xml")


def test_undecodable_manifest(run, tmp_path, good_entries):
    good_entries["AndroidManifest.xml"] = b"\x03\x00\x08\x00" + b"\xff" * 64
    _expect_error(run, write_zip(tmp_path / "badmanifest.apk", good_entries), "AndroidManifest.xml cannot be decoded")


@pytest.mark.parametrize("name", ["../../escaped.txt", "assets/../../evil.txt", "/abs.txt", "\\back.txt", "C:evil"])
def test_path_traversal_name_is_noted_left_out_and_the_rest_audited(run, tmp_path, good_entries, name):
    # issue 18 item 12: apkaudit never extracts, so such a name is tampering to note, not a reason to refuse
    good_entries[name] = b"owned"
    path = write_zip(tmp_path / "traversal.apk", good_entries)
    result = run("scan", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["verdicts"][0]["grade"] not in (None, "incomplete")
    notes = [n for n in doc["analysis"]["notes"] if "path-traversal" in n]
    assert notes and notes[0].startswith("tampering: ") and repr(name) in notes[0]
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_zip_bomb_in_manifest_refuses(run, tmp_path):
    bomb = write_zip(tmp_path / "bomb.apk", {"AndroidManifest.xml": b"\0" * (64 << 20)})
    _expect_error(run, bomb, "possible zip bomb")


def test_zip_bomb_in_assets_is_skipped_and_noted(run, tmp_path, good_entries):
    good_entries["assets/payload.bin"] = b"\0" * (16 << 20)
    path = write_zip(tmp_path / "bombasset.apk", good_entries)
    result = run("scan", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "assets/payload.bin" in result.stdout and "compression ratio" in result.stdout
    assert "org.apkaudit.sample.unusedperm" in result.stdout


def test_inflate_caps_hold_against_lying_headers(tmp_path, good_entries):
    """A bomb whose headers claim a small size is still stopped while inflating."""
    good_entries["assets/lies.bin"] = b"\0" * (8 << 20)
    path = write_zip(tmp_path / "liar.apk", good_entries)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        local = z.getinfo("assets/lies.bin").header_offset
    data[local + 22 : local + 26] = (1000).to_bytes(4, "little")  # local header: uncompressed size
    central = data.find(b"PK\x01\x02")
    while central != -1 and bytes(data[central + 46 : central + 46 + 15]) != b"assets/lies.bin":
        central = data.find(b"PK\x01\x02", central + 4)
    assert central != -1
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # central directory: uncompressed size
    archive = ApkArchive.from_bytes(bytes(data), "liar.apk", Limits(max_entry_bytes=1 << 20))
    assert not archive.notes  # the headers look innocent
    assert archive.read("assets/lies.bin") is None
    assert any("assets/lies.bin" in n for n in archive.notes)
    with pytest.raises(BadApkError, match="possible zip bomb"):
        archive.read("assets/lies.bin", required=True)


def test_missing_file(run, tmp_path):
    _expect_error(run, tmp_path / "absent.apk", "cannot read file")


def test_no_traceback_reaches_the_user_process(tmp_path):
    bad = tmp_path / "x.apk"
    bad.write_bytes(b"PK\x03\x04 broken")
    proc = subprocess.run(
        [sys.executable, "-m", "apkaudit.cli", "scan", str(bad)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and str(bad) in proc.stderr


def test_one_bad_apk_does_not_stop_the_others(run, tmp_path):
    bad = tmp_path / "bad.apk"
    bad.write_bytes(b"nope")
    out = tmp_path / "out.json"
    result = run("scan", str(bad), str(sample_apk("compliant-loan")), "--format", "json", "-o", str(out))
    assert result.exit_code == 2
    assert "bad.apk" in result.stderr
    assert "org.apkaudit.sample.compliantloan" in out.read_text(encoding="utf-8")
