"""When the analysis time budget is hit, the note says which part was cut and how far it had got."""

from __future__ import annotations

import re
import time

import apkaudit.analysis.code as code
from apkaudit.apk import Limits
from apkaudit.audit import gather_facts
from apkaudit.model import Coverage
from tests.conftest import sample_apk


def _notes(facts) -> list[str]:
    assert facts.analysis.coverage is not Coverage.COMPLETE
    return [n for n in facts.analysis.notes if n.startswith("code partial: ")]


def test_flows_cut_says_how_many_sites_were_followed(monkeypatch):
    followed = code._with_flows

    def slow(site, analysis):
        time.sleep(0.4)
        return followed(site, analysis)

    monkeypatch.setattr(code, "_with_flows", slow)
    facts = gather_facts(sample_apk("harvest-loan"), Limits(max_analysis_seconds=1.0))
    notes = _notes(facts)
    assert len(notes) == 1, notes
    found = re.search(r"data flows were not followed \(stopped following data flows after (\d+) of (\d+) ", notes[0])
    assert found, notes
    done, total = int(found[1]), int(found[2])
    assert 0 < done < total
    assert any(a.sites for a in facts.data_access)  # the code evidence without flows is still there


def test_whole_cut_says_where_each_attempt_stopped(monkeypatch):
    reach = code._reach

    def slow(*args, **kwargs):
        time.sleep(1.0)
        return reach(*args, **kwargs)

    monkeypatch.setattr(code, "_reach", slow)
    facts = gather_facts(sample_apk("harvest-loan"), Limits(max_analysis_seconds=0.5))
    notes = _notes(facts)
    assert any(
        "no code evidence (stopped while walking callers to entry points; then stopped while walking callers" in n
        for n in notes
    ), notes


def test_batch_summary_counts_apps_over_the_budget():
    from apkaudit.batch.summary import render, summarise

    def report(*notes: str) -> dict:
        return {"grade": "C", "data_access": [], "sdks": [], "analysis": {"notes": list(notes)}}

    class FakeStore:
        def reports(self):
            flows = "code partial: code analysis passed its 150-second budget: data flows were not followed (...)"
            whole = "code partial: code analysis passed its 150-second budget: no code evidence (...)"
            return [report(), report(flows), report(whole), report(flows)]

        def errors(self):
            return []

    summary = summarise(FakeStore())  # type: ignore[arg-type]
    assert summary.over_budget == (2, 1)
    assert "2 passed the analysis time budget without data flows, 1 without any code evidence" in render(summary)
