"""Listeners registered and taken back at once (analysis/registrations.py): no implicit call edge from the method
that makes them to their callbacks, on the click_listener micro apps."""

from __future__ import annotations

from pathlib import Path

import pytest

from apkaudit.analysis.program import Program
from apkaudit.analysis.registrations import Silencer, registrations
from apkaudit.apk import ApkArchive
from apkaudit.audit import load_dex
from apkaudit.model import Evidence

FLOWS = Path(__file__).resolve().parents[2] / "samples" / "flows" / "apk"


def _program(case: str) -> tuple[Program, str, str]:
    program = Program(load_dex(ApkArchive.open(FLOWS / f"{case}.apk")))
    program.quiet_instances = Silencer(program)
    pkg = f"Lorg/apkaudit/flows/{case}"
    on_click = f"{pkg}/SyncListener;->onClick(Landroid/view/View;)V"
    return program, on_click, f"{pkg}/MainActivity;->onCreate(Landroid/os/Bundle;)V"


def test_the_catalogue_models_setters_that_replace_and_calls_that_remove():
    click = registrations()["setOnClickListener(Landroid/view/View$OnClickListener;)V"]
    assert (click.listener, click.cancel) == (1, "replace")
    location = registrations()["requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V"]
    assert (location.listener, location.cancel) == (4, "removeUpdates(Landroid/location/LocationListener;)V")


@pytest.mark.samples
def test_a_listener_kept_registered_is_called_from_where_it_is_made():
    program, on_click, on_create = _program("click_listener")
    assert on_create in program.callers([on_click])[on_click]


@pytest.mark.samples
def test_a_listener_replaced_at_once_is_not():
    program, on_click, on_create = _program("click_listener_removed")
    assert on_create not in program.callers([on_click])[on_click]


@pytest.mark.samples
def test_its_read_stays_referenced():
    from apkaudit.audit import gather_facts

    facts = gather_facts(FLOWS / "click_listener_removed.apk")
    (site,) = [s for a in facts.data_access for s in a.sites]
    assert site.evidence is Evidence.REFERENCED and not site.flows
