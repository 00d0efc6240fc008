"""The garbage collector's pause during an audit: set for the audit, restored after it, shared by concurrent ones."""

from __future__ import annotations

import gc

import pytest

from apkaudit.audit import gather_facts
from apkaudit.collector import YOUNG_THRESHOLD, fewer_collections
from tests.conftest import sample_apk


@pytest.fixture(autouse=True)
def default_collector():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    gc.unfreeze()
    yield
    gc.set_threshold(*saved)


def test_pause_sets_and_restores():
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
        assert gc.get_freeze_count() > 0  # what existed before is set aside
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_nested_pauses_restore_once_at_the_end():
    with fewer_collections():
        with fewer_collections():
            pass
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD  # the outer audit still runs
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_an_error():
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("bad apk")
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_collector_switched_off_stays_off():
    gc.set_threshold(0)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0


def test_an_audit_leaves_the_collector_as_it_found_it():
    facts = gather_facts(sample_apk("harvest-loan"))
    assert facts.data_access  # a whole audit ran, code analysis included
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0
