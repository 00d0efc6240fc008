"""The few labels of rare kinds in a label set, found without scanning the whole set again and again.

Sink objects, store writers, app instances and URL constants are asked of every library call's receiver and
arguments (calls.py, bodies.py). A value built call after call, a StringBuilder or a JSONObject that each call of
a method adds one more field's label to, is asked again with one more label each time: scanning it whole each
time made interpreting such a method quadratic in its length (synth-2's filler methods, which write a thousand
fields into one object: 0.17 s of a 0.77 s audit). The interpreter notes the sets each call makes from others
(the union of its arguments, its result, the receiver that keeps the arguments), so that a new set's rare labels
come from those of its parts; any other set is scanned once.
"""

from __future__ import annotations

from apkaudit.analysis.flows.labels import Instance, Label, Labels, SinkObject, StoreWriter, Url

RARE_KINDS = (SinkObject, StoreWriter, Instance, Url)
_REMEMBERED = 16  # sets remembered per method interpreted, the oldest forgotten first: the chain above needs
# only the last call's (a call notes three); each set kept is memory held (synth-2: 256 kept sets of up to 1,000
# labels raised the audit's peak by 2.5 MB)


class RareLabels:
    """Per interpreted method: set -> its labels of RARE_KINDS, for the sets asked or made last."""

    def __init__(self) -> None:
        # id -> (the set itself, kept so that its id is not reused while remembered; its rare labels)
        self._known: dict[int, tuple[Labels, tuple[Label, ...]]] = {}

    def of(self, labels: Labels) -> tuple[Label, ...]:
        """The labels of RARE_KINDS in `labels`."""
        if not labels:
            return ()
        known = self._known.get(id(labels))
        if known is not None and known[0] is labels:
            return known[1]
        found = tuple(x for x in labels if isinstance(x, RARE_KINDS))
        self._remember(labels, found)
        return found

    def union(self, made: Labels, *parts: Labels) -> None:
        """`made` is the union of `parts`: its rare labels are theirs."""
        if not made:
            return
        self._remember(made, tuple(dict.fromkeys(x for part in parts for x in self.of(part))))

    def derived(self, made: Labels, base: Labels) -> None:
        """`made` was built from `base` (most of it, and a few labels more): its rare labels are those of `base`
        it kept and those among the labels it added."""
        if not made:
            return
        kept = tuple(x for x in self.of(base) if x in made)
        self._remember(made, kept + tuple(x for x in made - base if isinstance(x, RARE_KINDS)))

    def _remember(self, labels: Labels, found: tuple[Label, ...]) -> None:
        known = self._known
        known.pop(id(labels), None)  # re-inserted last: the most recent
        if len(known) >= _REMEMBERED:
            del known[next(iter(known))]
        known[id(labels)] = (labels, found)
