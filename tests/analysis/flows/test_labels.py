"""Labels (analysis/flows/labels.py): per kind, whether it carries data, and how kinds compare."""

from __future__ import annotations

from dataclasses import fields

import pytest

from apkaudit.analysis.flows.labels import (
    EXTERNAL,
    ActionTarget,
    ClassConst,
    Delivered,
    FieldValue,
    OutParam,
    Param,
    Returned,
    SinkObject,
    SourceValue,
    StoreWriter,
    Target,
    Url,
    data_of,
    urls_of,
)

M = "Lapp/A;->m()V"
DATA = [
    SourceValue((M, "api")),
    Param(M, 1),
    Returned(M),
    OutParam(M, 1),
    FieldValue("Lapp/A;->f:I"),
    Delivered("Lapp/S;"),
]
NOT_DATA = [Url("https://x.example/"), SinkObject(M, "network"), StoreWriter("file:a"), ClassConst("Lapp/S;")]
NOT_DATA += [Target("Lapp/S;"), ActionTarget("Lapp/S;"), EXTERNAL]


@pytest.mark.parametrize("label", DATA, ids=lambda x: type(x).__name__)
def test_data_labels_are_followed(label):
    assert data_of([label]) == {label}
    assert hash(label) == hash(type(label)(*[getattr(label, f.name) for f in fields(label)]))


@pytest.mark.parametrize("label", NOT_DATA, ids=lambda x: type(x).__name__)
def test_descriptive_labels_are_not_data(label):
    assert data_of([label]) == frozenset()


def test_kinds_with_the_same_value_differ():
    assert Target("Lapp/S;") != ActionTarget("Lapp/S;") != Delivered("Lapp/S;")
    assert len({Returned(M), Delivered(M), FieldValue(M)}) == 3


def test_url_labels_are_picked_out():
    assert urls_of([Url("https://x.example/"), Param(M, 0)]) == {Url("https://x.example/")}
    assert urls_of([Param(M, 0)]) == frozenset()


def test_sink_objects_order_like_the_tuples_they_replace():
    objs = [SinkObject("Lb;->w()V", "network"), SinkObject("La;->w()V", "log"), SinkObject("La;->w()V", "file")]
    assert min(objs) == SinkObject("La;->w()V", "file")
    assert sorted(objs) == [SinkObject(s, k) for s, k in sorted((o.sink, o.kind) for o in objs)]


def test_labels_are_frozen():
    with pytest.raises(AttributeError):
        Param(M, 0).index = 1  # type: ignore[misc]
