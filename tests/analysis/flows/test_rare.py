"""RareLabels: the sink objects, stores, instances and URLs of a label set, kept for the sets a call makes."""

from __future__ import annotations

from apkaudit.analysis.flows.labels import FieldValue, Instance, SinkObject, StoreWriter, Url
from apkaudit.analysis.flows.rare import RareLabels


def fields(n: int) -> frozenset:
    return frozenset(FieldValue(f"LStore;->f{i}:Ljava/lang/String;") for i in range(n))


def test_of_finds_only_the_rare_kinds():
    rare = RareLabels()
    odd = {Url("https://a.example"), SinkObject("send", "network"), StoreWriter("file:x"), Instance("LB;")}
    assert set(rare.of(fields(5) | odd)) == odd
    assert rare.of(frozenset()) == ()


class Unscannable(frozenset):
    """A label set that fails if anyone iterates it."""

    def __iter__(self):
        raise AssertionError("scanned")


def test_a_union_is_known_from_its_parts_without_a_scan():
    rare = RareLabels()
    receiver = fields(50) | {SinkObject("send", "network")}
    rest = frozenset({Url("https://b.example"), FieldValue("LK;->x:I")})
    made = Unscannable(frozenset.union(receiver, rest))
    rare.union(made, receiver, rest)
    assert set(rare.of(made)) == {SinkObject("send", "network"), Url("https://b.example")}


def test_derived_keeps_only_what_the_new_set_kept():
    rare = RareLabels()
    base = fields(10) | {SinkObject("send", "network"), Url("https://c.example")}
    made = frozenset(x for x in base if not isinstance(x, SinkObject)) | {SinkObject("own", "network")}
    rare.derived(made, base)
    assert set(rare.of(made)) == {Url("https://c.example"), SinkObject("own", "network")}


def test_an_equal_set_that_is_another_object_is_scanned_not_mistaken():
    rare = RareLabels()
    a = fields(3) | {Url("https://d.example")}
    rare.of(a)
    b = frozenset(set(fields(3)))  # another object; a's id may be reused only once `a` is gone, and it is kept
    assert rare.of(b) == ()


def test_forgets_after_many_sets_and_answers_the_same():
    rare = RareLabels()
    sets = [frozenset({Url(f"https://{i}.example"), FieldValue(f"LC;->f{i}:I")}) for i in range(600)]
    for s in sets:
        rare.of(s)
    assert all(rare.of(s) == (Url(f"https://{i}.example"),) for i, s in enumerate(sets))
