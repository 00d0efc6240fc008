"""The constants each register holds at the start of each block, on every path there: a string (a store key,
a class or action name), an int (a resource id) or the value of a field (a class name kept in a field).

The interpreter reads them where a constant names something: the key of `prefs.getInt("k", 0)`, the class of
`Class.forName("a.B")`, the resource of `getString(R.string.url)`. It used to keep one table per method,
written as its worklist visited blocks, so the answer depended on the order of the visits: a block of another
path, visited in between, wrote the key register and dropped its constant, and a read under a named key became
a read of an unknown key (`*`). Keys are matched by name (engine._index), so such a read missed what the app
writes under the key and met what it writes under keys it computes: on a real web runtime (X5's
`com.tencent.smtt.sdk.l.d(Z)V`) that made 57 of an app's published flows. Here the constants are those of a
must-analysis over the method's control-flow graph, computed once before the interpretation: a register holds
a constant at a block's start only when every path that reaches the block left that constant in it. A constant
the analysis cannot prove becomes `*` as before: a read then misses its key's writes (and meets computed keys').

A constant is carried as the interpreter carries it: only from the instruction that makes it (const-string,
const, sget of a field), not through moves; a wide write clears only its first register, as in the interpreter
(the verifier rejects reading the second as a string or an int). An exception handler gets what holds all
through each block it covers (its entry's constants that the block does not write), since the throw may come from
any point in it.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection

from apkaudit.analysis.flows.ops import INT_CONSTS, REPLACES_A, STRING_CONSTS, WRITES_A
from apkaudit.dex.decoder import Method
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import CONST_HIGH16, FIELD_GETS

# a string constant, an int constant, or ("field", signature): the value read from that field
Constant = str | int | tuple[str, str]
Constants = dict[int, Constant]


def constant_of(opcode: int, index: int | None, literal: int | None, dex: DexFile) -> Constant | None:
    """The constant an instruction writes into its first register, if it makes one."""
    if opcode in STRING_CONSTS and index is not None:
        return dex.string(index)
    if opcode in INT_CONSTS and literal is not None:
        return int_constant(opcode, literal)
    if opcode in FIELD_GETS and index is not None:
        return ("field", dex.field_ref(index).signature)
    return None


def string_in_block(code: Method, at: int, reg: int, dex: DexFile) -> str | None:
    """The string constant `reg` holds at op `at` when its last write before it in the same basic block is a
    const-string: a cheap check, without the analysis of every path (KnownConstants), for code not interpreted."""
    start = max((s for s, e in code.blocks if s <= at < e), default=at)
    for i in range(at - 1, start - 1, -1):
        op = code.ops[i]
        if op.regs and op.opcode in WRITES_A and reg in (op.regs[0], op.regs[0] + 1):
            if op.opcode in STRING_CONSTS and op.regs[0] == reg and op.index is not None:
                return dex.string(op.index)
            return None
    return None


def int_constant(opcode: int, literal: int) -> int:
    """The 32-bit value of const/16, const or const/high16 (a resource id is one)."""
    return (literal << 16 if opcode == CONST_HIGH16 else literal) & 0xFFFFFFFF


class KnownConstants:
    """For each block of one method, the registers that hold the same constant on every path to its start."""

    def __init__(self, code: Method, dex: DexFile, dead: Collection[tuple[int, int]] = ()) -> None:
        """`dead`: (block, successor) edges that cannot be taken (branches.py), which the interpreter skips too."""
        n = len(code.blocks)
        self.entries: list[Constants | None] = [None] * n
        if not n:
            return
        effects = [_effect(code, start, end, dex) for start, end in code.blocks]
        handlers = [{h for h, _ in caught} for caught in code.catches] if code.catches else []
        entries = self.entries
        entries[0] = {}
        rank = code.order
        work = [(0, 0)]  # a heap of (rank in reverse postorder, block)
        queued = {0}
        while work:
            b = heapq.heappop(work)[1]
            queued.discard(b)
            start = entries[b]
            assert start is not None
            made, written = effects[b]
            kept = {r: v for r, v in start.items() if r not in written}
            out = {**kept, **made}
            catching = handlers[b] if b < len(handlers) else ()
            for s in code.successors[b]:
                if (b, s) in dead:
                    continue
                arriving = kept if s in catching else out
                old = entries[s]
                if old is None:
                    entries[s] = dict(arriving)
                else:
                    met = {r: v for r, v in old.items() if arriving.get(r) == v}
                    if len(met) == len(old):
                        continue
                    entries[s] = met
                if s not in queued:
                    queued.add(s)
                    heapq.heappush(work, (rank[s], s))

    def at_entry(self, b: int) -> Constants:
        """The constants that hold at the start of block `b` (not to be changed)."""
        return self.entries[b] or {} if b < len(self.entries) else {}


def _effect(code: Method, start: int, end: int, dex: DexFile) -> tuple[Constants, set[int]]:
    """(the constants block [start, end) leaves in registers, every register it writes)."""
    made: Constants = {}
    written: set[int] = set()
    for op in code.ops[start:end]:
        o = op.opcode
        if not op.regs or o not in REPLACES_A:
            continue
        r = op.regs[0]
        written.add(r)
        value = constant_of(o, op.index, op.literal, dex)
        if value is None:
            made.pop(r, None)
        else:
            made[r] = value
    return made, written
