"""A method's summary does not depend on the order in which the interpreter visits its blocks.

The interpreter joins states at block entries until nothing changes, so any order reaches the same fixpoint, as
long as nothing it remembers on the side depends on the order. Its table of register constants did (store keys
were lost when another path's block was visited in between: constants.py). This test runs the interpreter on
every method the flow search summarises in the flow samples and the sample apps in reverse postorder (the
order it uses), in code order and last block first, and compares what each run hands the engine. A leak or
hand-off seen at an intermediate state is a subset of the final one, so labels are compared per sink call and
per receiving component.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from apkaudit.analysis.flows.interpreter import Interpreter
from apkaudit.analysis.flows.summary import Summary
from apkaudit.audit import gather_facts
from tests.conftest import ROOT

pytestmark = pytest.mark.samples

APKS = sorted((ROOT / "samples" / "flows" / "apk").glob("*.apk")) + sorted((ROOT / "samples" / "apk").glob("*.apk"))


def _merged(pairs: Any) -> dict:
    out: dict = defaultdict(set)
    for key, labels in pairs:
        out[key] |= labels
    return dict(out)


def _edges(s: Summary) -> dict[str, Any]:
    """What the engine makes edges of (engine._index), labels merged per sink call and per receiving component."""
    delivered = [(t, x.labels) for x in s.leaks for t in x.targets] + [(t, c) for c, ts in s.handoffs for t in ts]
    return {
        "ret": set(s.ret),
        "thrown": set(s.thrown),
        "outs": {k: set(v) for k, v in s.outs.items() if v},
        "fields": {k: set(v) for k, v in s.fields.items() if v},
        "calls": _merged(((t, i), labels) for t, i, labels in s.calls),
        "leaks": _merged(((x.offset, x.sink, x.kind, x.endpoints), x.labels) for x in s.leaks),
        "delivered": _merged(delivered),
        "dispatched": dict(s.dispatched),
        "typed": set(s.typed),
        "this_fields": s.this_fields,
    }


ORDERS = {
    "code order": lambda n: list(range(n)),
    "last block first": lambda n: [n - b for b in range(n)],
}


def test_a_summary_is_the_same_in_any_visiting_order(monkeypatch: pytest.MonkeyPatch) -> None:
    run = Interpreter.run
    compared: list[str] = []
    differs: list[tuple[str, str, str]] = []

    def run_twice(self: Interpreter) -> Summary:
        summary = run(self)
        code = self.code
        usual = code.order
        mine = _edges(summary)
        for name, order in ORDERS.items():
            code.__dict__["order"] = order(len(code.blocks))  # (Method.order is a cached property)
            try:
                again = Interpreter(self.flows, self.method, self.dex, code, self.this_reg is None, self.depth)
                other = _edges(run(again))
            finally:
                code.__dict__["order"] = usual
            differs.extend((self.method, name, k) for k in mine if mine[k] != other[k])
        compared.append(self.method)
        return summary

    monkeypatch.setattr(Interpreter, "run", run_twice)
    for apk in APKS:
        gather_facts(apk)
    assert len(APKS) >= 80 and len(compared) >= 200, (len(APKS), len(compared))  # the apps were there and audited
    assert not differs, differs
