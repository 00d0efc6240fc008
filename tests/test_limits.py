"""The ceilings of apk.Limits: hitting one gives a clear error or `partial` coverage with the reason."""

from __future__ import annotations

import json

import pytest

from apkaudit.apk import ApkArchive, Limits
from apkaudit.audit import gather_facts
from apkaudit.dex.encoding import DexError
from apkaudit.model import Coverage
from tests.conftest import sample_apk
from tests.hostile import entries_of, write_zip


@pytest.fixture
def entries():
    return entries_of(sample_apk("harvest-loan"))


def _partial_with(facts, fragment):
    assert facts.analysis.coverage is not Coverage.COMPLETE
    assert any(n.startswith("code partial: ") and fragment in n for n in facts.analysis.notes), facts.analysis.notes


def test_deep_and_long_entry_names_are_left_out_with_a_note(tmp_path, entries):
    entries["assets/" + "d/" * 100 + "x.txt"] = b"deep"
    entries["assets/" + "n" * 2000] = b"long"
    archive = ApkArchive.open(write_zip(tmp_path / "deep.apk", entries))
    assert not any(n.startswith("assets/") for n in archive.names)
    assert any("left out 2 zip entries" in n for n in archive.notes)


def test_too_many_dex_files_gives_partial(tmp_path, entries):
    entries["classes2.dex"] = entries["classes.dex"]
    facts = gather_facts(write_zip(tmp_path / "multi.apk", entries), Limits(max_dex_files=1))
    _partial_with(facts, "2 DEX files, over the 1-file limit")
    assert any(a.category == "contacts" for a in facts.data_access)  # the first DEX was still read


@pytest.mark.parametrize(
    ("limits", "fragment"),
    [
        (Limits(max_dex_bytes=1000), "over the 1000-byte DEX limit"),
        (Limits(max_dex_strings=10), "over the limits (10 strings"),
        (Limits(max_dex_methods=10), "10 methods per DEX"),
    ],
)
def test_dex_over_a_ceiling_is_left_out_and_coverage_is_partial(limits, fragment):
    facts = gather_facts(sample_apk("harvest-loan"), limits)
    _partial_with(facts, fragment)
    assert not any(site for a in facts.data_access for site in a.sites)


def test_analysis_time_budget_gives_partial_not_a_hang():
    facts = gather_facts(sample_apk("harvest-loan"), Limits(max_analysis_seconds=1e-4))
    _partial_with(facts, "code analysis passed its 0.0001-second budget")


def test_malformed_code_found_during_analysis_gives_partial(monkeypatch):
    import apkaudit.audit as audit

    def broken(*args, **kwargs):
        raise DexError("classes.dex: code_item at 0x70 runs past the end of the file")

    monkeypatch.setattr(audit, "analyse", broken)
    facts = gather_facts(sample_apk("harvest-loan"))
    _partial_with(facts, "code analysis stopped on a malformed DEX")


def test_limits_reach_the_json_report(run, tmp_path, entries):
    entries["classes2.dex"] = entries["classes.dex"]
    path = write_zip(tmp_path / "multi.apk", entries)
    report = json.loads(run("scan", str(path), "--format", "json").stdout)
    assert report["analysis"]["coverage"] == "complete"  # default ceilings are far above a real app
