"""Tampered APKs (samples/tampered/, built by samples/tamper.py): a report with the tampering noted, or one
clean line naming the file, the problem and the tampering. Never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from apkaudit.apk import ApkArchive
from apkaudit.facts import tamper
from tests.conftest import ROOT, SAMPLES

TAMPERED = ROOT / "samples" / "tampered"

# trick -> words of the note it must produce
EXPECTED = {
    "spoofed-compression": "unknown compression method",
    "encryption-flag": "flagged as encrypted",
    "header-mismatch": "local and central zip headers disagree",
    "duplicate-entry": "duplicate zip entries 'classes.dex'",
    "two-end-records": "more than one zip end-of-central-directory record",
    "bogus-string-pool": "bogus string pool",
    "unknown-chunk": "chunks of an unknown type",
    "junk-between-elements": "junk bytes between its elements",
}


def test_every_trick_has_a_committed_sample():
    assert sorted(p.stem for p in TAMPERED.glob("*.apk")) == sorted(EXPECTED)


@pytest.mark.parametrize("trick", sorted(EXPECTED))
def test_tampered_sample_gives_a_report_with_the_tampering_noted_or_a_clean_error(run, trick):
    path = TAMPERED / f"{trick}.apk"
    result = run("scan", str(path), "--format", "json")
    assert "Traceback" not in result.output + result.stderr
    if result.exit_code == 0:
        notes = json.loads(result.stdout)["analysis"]["notes"]
        assert any(n.startswith("tampering: ") and EXPECTED[trick] in n for n in notes), notes
    else:
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0] and EXPECTED[trick] in lines[0], result.stderr


@pytest.mark.parametrize("trick", ["spoofed-compression", "encryption-flag", "header-mismatch", "two-end-records"])
def test_zip_tricks_do_not_hide_the_code(run, trick):
    # Android reads these entries anyway: so must we (the clean app transmits contacts)
    report = json.loads(run("scan", str(TAMPERED / f"{trick}.apk"), "--format", "json").stdout)
    contacts = [a for a in report["data_access"] if a["category"] == "contacts"]
    assert contacts and contacts[0]["evidence"] == "transmitted"


def test_clean_samples_have_no_tampering_noted():
    for path in sorted(SAMPLES.glob("*.apk")):
        assert tamper.notes(ApkArchive.open(path)) == [], path


def test_samples_are_rebuilt_byte_for_byte(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "samples" / "tamper.py"), str(SAMPLES / "harvest-loan.apk"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for built in sorted(tmp_path.glob("*.apk")):
        assert built.read_bytes() == (TAMPERED / built.name).read_bytes(), built.name


def test_apkinspector_logging_is_silenced(tmp_path):
    # apkInspector logs each oddity through the root logger; the user sees one line or a report, nothing else
    result = subprocess.run(
        [sys.executable, "-m", "apkaudit.cli", "scan", str(TAMPERED / "header-mismatch.apk"), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0 and result.stderr == ""
