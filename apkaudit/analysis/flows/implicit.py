"""Implicit flows: values computed under a branch whose condition tests the data carry the data too.

Implicit flows taint only numbers and characters computed under a tainted condition (a counter, a
substituted character): enough to follow value-by-value re-encodings of an id, without making every
string, object or log line written under `if (cursor.moveToNext())` or in a catch block carry the data.
"""

from __future__ import annotations

from collections import defaultdict

from apkaudit.analysis.flows.labels import NO_LABELS, Labels, data_of
from apkaudit.analysis.flows.ops import ARITHMETIC, CONDITIONS, INVOKES, NUMBER_CONSTS, WRITES_A
from apkaudit.dex.decoder import Method, Op

IMPLICIT_WRITES = NUMBER_CONSTS | ARITHMETIC

State = dict[int, Labels]  # register -> labels (-1: the pending invoke result)


def written(op: Op) -> int | None:
    """The register an instruction writes (-1: the pending invoke result), or None."""
    if op.opcode in WRITES_A and op.regs:
        return int(op.regs[0])
    if op.opcode in INVOKES:
        return -1
    return None


def condition_regs(op: Op) -> tuple[int, ...]:
    """Registers a conditional branch tests for implicit flows (if-*, switch), else ().

    if-eqz/if-nez are left out: javac emits them for `x != null` and `if (flag)`, which reveal
    nothing of the value, and counting them would taint every constant set under a null check.
    """
    if op.opcode in CONDITIONS:
        return tuple(op.regs)
    return ()


def _post_dominators(code: Method) -> list[int]:
    """Post-dominator bit sets by the iterative algorithm (bit n: a virtual exit after every return and throw)."""
    n = len(code.blocks)
    exit_bit = 1 << n
    full = (1 << (n + 1)) - 1
    pdom = [full] * n
    changed = True
    while changed:
        changed = False
        for b in reversed(range(n)):
            succ = code.successors[b]
            meet = full
            if not succ:
                meet = exit_bit
            for s_ in succ:
                meet &= pdom[s_]
            new = meet | (1 << b)
            if new != pdom[b]:
                pdom[b] = new
                changed = True
    return pdom


def control_regions(code: Method) -> dict[int, set[int]]:
    """Block -> the blocks control-dependent on it, for blocks that end in a conditional branch.

    y depends on branch x when y post-dominates a successor of x but does not strictly post-dominate x.
    """
    n = len(code.blocks)
    branches = [b for b in range(n) if condition_regs(code.ops[code.blocks[b][1] - 1])]
    if not branches:
        return {}
    exit_bit = 1 << n
    pdom = _post_dominators(code)
    regions = {}
    for x in branches:
        strict = pdom[x] & ~(1 << x)
        reach = 0
        for s_ in code.successors[x]:
            reach |= pdom[s_]
        region = reach & ~strict & ~exit_bit
        regions[x] = {y for y in range(n) if region >> y & 1}
    return regions


class ImplicitFlows:
    """The data each branch of one method tests, and the blocks that data flows into implicitly."""

    def __init__(self, code: Method) -> None:
        self.code = code
        self.regions = control_regions(code)
        self.dependents: dict[int, list[int]] = defaultdict(list)  # block -> branch blocks it depends on
        for x, region in self.regions.items():
            for y in region:
                self.dependents[y].append(x)
        self.conditions: dict[int, Labels] = {}

    def under(self, block: int) -> Labels:
        """The data the branches `block` depends on test."""
        conditions = self.conditions
        return NO_LABELS.union(*(conditions.get(x, NO_LABELS) for x in self.dependents.get(block, ())))

    @staticmethod
    def taint(op: Op, state: State, implicit: Labels) -> None:
        """A number computed under the branches adds the data they test."""
        if op.opcode in IMPLICIT_WRITES:
            dst = written(op)
            if dst is not None and dst in state:
                state[dst] = state[dst] | implicit
            elif dst is not None:
                state[dst] = implicit

    def branch(self, block: int, state: State) -> set[int]:
        """Record what the branch ending `block` tests; the blocks under it when that grew (to visit again)."""
        if block not in self.regions:
            return set()
        last = self.code.ops[self.code.blocks[block][1] - 1]
        cond = data_of(NO_LABELS.union(*(state.get(r, NO_LABELS) for r in condition_regs(last))))
        if cond <= self.conditions.get(block, NO_LABELS):
            return set()
        self.conditions[block] = self.conditions.get(block, NO_LABELS) | cond
        return self.regions[block]
