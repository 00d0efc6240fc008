"""Facts to plain data and back: exact round trips on real APKs, defaults for missing fields, clear errors."""

from __future__ import annotations

import dataclasses
import enum
import json

import pytest

from apkaudit.audit import gather_facts
from apkaudit.facts.serialize import FactsFormatError, facts_from_dict, facts_to_dict, from_data, to_data
from apkaudit.model import Analysis, Coverage, Evidence, sink_kind
from tests.conftest import SAMPLES, corpus_apk


@pytest.mark.parametrize("apk", sorted(SAMPLES.glob("*.apk")), ids=lambda p: p.stem)
def test_round_trip_through_json_on_samples(apk):
    facts = gather_facts(apk)
    data = json.loads(json.dumps(facts_to_dict(facts)))
    assert facts_from_dict(data) == facts


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["ApiDemos-debug.apk", "droidbench/IMEI1.apk"])
def test_round_trip_through_json_on_corpus(name):
    facts = gather_facts(corpus_apk(name))
    assert facts.data_access, "a corpus APK with code evidence makes this test meaningful"
    assert facts_from_dict(json.loads(json.dumps(facts_to_dict(facts)))) == facts


def test_data_is_plain_json_types():
    facts = gather_facts(SAMPLES / "harvest-loan.apk")
    data = facts_to_dict(facts)
    assert json.loads(json.dumps(data)) == data  # nothing that JSON would turn into something else
    sites = [s for d in data["data_access"] for s in d["sites"]]
    assert sites and all(isinstance(s["path"], list) and s["evidence"] in [e.value for e in Evidence] for s in sites)


def test_a_field_missing_from_stored_facts_takes_its_default():
    facts = gather_facts(SAMPLES / "compliant-loan.apk")
    data = facts_to_dict(facts)
    del data["analysis"]
    assert facts_from_dict(data).analysis == Analysis()


def test_unknown_field_and_bad_values_are_refused():
    data = facts_to_dict(gather_facts(SAMPLES / "compliant-loan.apk"))
    with pytest.raises(FactsFormatError, match="unknown field 'colour'"):
        facts_from_dict({**data, "colour": "red"})
    bad = json.loads(json.dumps(data))
    bad["analysis"]["coverage"] = "most"
    with pytest.raises(FactsFormatError, match="facts.analysis.coverage"):
        facts_from_dict(bad)
    with pytest.raises(FactsFormatError, match="needs 'app'"):
        facts_from_dict({k: v for k, v in data.items() if k != "app"})


class Colour(enum.Enum):
    RED = "red"


@dataclasses.dataclass(frozen=True)
class _Future:
    """Shapes another developer may add to the model: the conversion follows the type hints."""

    weights: dict[Evidence, float]
    pair: tuple[int, str]
    colours: tuple[Colour, ...] = ()
    maybe: Coverage | None = None
    names: list[str] = dataclasses.field(default_factory=list)


def test_generic_shapes_round_trip():
    value = _Future({Evidence.REACHABLE: 0.5}, (3, "x"), (Colour.RED,), Coverage.PARTIAL, ["a"])
    data = json.loads(json.dumps(to_data(value)))
    assert data == {
        "weights": {"reachable": 0.5},
        "pair": [3, "x"],
        "colours": ["red"],
        "maybe": "partial",
        "names": ["a"],
    }
    assert from_data(_Future, data, "x") == value
    assert from_data(_Future, {"weights": {}, "pair": [1, "y"]}, "x") == _Future({}, (1, "y"))
    with pytest.raises(FactsFormatError, match=r"x.pair: expected 2 items"):
        from_data(_Future, {"weights": {}, "pair": [1]}, "x")


def test_a_closed_value_set_refuses_a_value_outside_it():
    data = facts_to_dict(gather_facts(SAMPLES / "harvest-loan.apk"))
    flow = next(f for d in data["data_access"] for s in d["sites"] for f in s["flows"])
    assert flow["kind"] == "network"
    flow["kind"] = "carrier-pigeon"
    with pytest.raises(FactsFormatError, match="'carrier-pigeon' is not one of network, webview"):
        facts_from_dict(data)
    flow["kind"] = "network"
    data["components"][0]["kind"] = "widget"
    with pytest.raises(FactsFormatError, match="'widget' is not one of application, activity"):
        facts_from_dict(data)


def test_a_sink_kind_outside_the_closed_set_is_a_catalogue_error():
    assert sink_kind("network") == "network"
    with pytest.raises(ValueError, match="unknown sink kind 'carrier-pigeon'"):
        sink_kind("carrier-pigeon")
