"""Which exceptions an instruction may throw, and which `catch` handlers they reach (Dalvik semantics).

A handler gets the registers as they were where something it catches may be thrown: before an instruction
that throws instead of writing its result, after a call or a `throw` (which hand the handler the exception
they throw). The virtual machine throws only a few exception classes itself (a null receiver, an index out
of bounds, a bad cast, a division by zero, an error while loading or allocating); a call or a `throw` may
throw anything. So a `catch (RuntimeException e)` around `new int[42]` and an in-bounds read of it is not
reached from them, and the values written after the try block's last call do not reach any handler.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Container

from apkaudit.analysis.flows.labels import Label
from apkaudit.analysis.flows.ops import ARITHMETIC, ARRAY_GETS, ARRAY_PUTS, COMPARES, MOVE_RESULTS, MOVES
from apkaudit.analysis.flows.ops import NUMBER_CONSTS as _NUMBERS
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import (
    ARRAY_LENGTH,
    CHECK_CAST,
    FIELD_GETS,
    FIELD_PUTS,
    FILL_ARRAY_DATA,
    GOTOS,
    INSTANCE_OF,
    MONITOR_ENTER,
    MONITOR_EXIT,
    MOVE_EXCEPTION,
    NEW_ARRAY,
    NOP,
    PACKED_SWITCH,
    RETURN_VOID,
    RETURNS,
    SPARSE_SWITCH,
    THROW,
    span,
)

ANY = "*"  # a call or a throw: any Throwable
_THROWABLE, _EXCEPTION, _RUNTIME = "Ljava/lang/Throwable;", "Ljava/lang/Exception;", "Ljava/lang/RuntimeException;"
ERROR = "Ljava/lang/Error;"  # (the VM throws subclasses of it: OutOfMemoryError, NoClassDefFoundError...)
NPE = "Ljava/lang/NullPointerException;"
INDEX = "Ljava/lang/ArrayIndexOutOfBoundsException;"
STORE = "Ljava/lang/ArrayStoreException;"
CAST = "Ljava/lang/ClassCastException;"
ARITH = "Ljava/lang/ArithmeticException;"
NEGATIVE = "Ljava/lang/NegativeArraySizeException;"
MONITOR = "Ljava/lang/IllegalMonitorStateException;"
# what a handler of each class catches among the exceptions the VM throws (java.lang's hierarchy)
_RUNTIMES = frozenset({NPE, INDEX, STORE, CAST, ARITH, NEGATIVE, MONITOR})
_CATCHES: dict[str, frozenset[str]] = {
    _THROWABLE: _RUNTIMES | {ERROR},
    _EXCEPTION: _RUNTIMES,
    _RUNTIME: _RUNTIMES,
    "Ljava/lang/IndexOutOfBoundsException;": frozenset({INDEX}),
    **{k: frozenset({k}) for k in _RUNTIMES},
}
_SILENT = (
    MOVES | MOVE_RESULTS | _NUMBERS | COMPARES | GOTOS | RETURNS
    | {NOP, MOVE_EXCEPTION, RETURN_VOID, INSTANCE_OF, PACKED_SWITCH, SPARSE_SWITCH}
    | span(0x32, 0x3D)  # if-*
)  # fmt: skip
APUT_OBJECT = 0x4D
_ENDS = GOTOS | RETURNS | {RETURN_VOID, THROW}  # a block ending in one does not fall through
_DIVISIONS = frozenset({0x93, 0x94, 0x9E, 0x9F, 0xB3, 0xB4, 0xBE, 0xBF, 0xD3, 0xD4, 0xDB, 0xDC})


def thrown(op: Op, non_null: Callable[[int], bool], safe: Callable[[Op], bool]) -> frozenset[str]:
    """The exception classes `op` may throw (ANY: any). `non_null(reg)`: the register holds no null there;
    `safe(op)`: an array access is to an array made here, at a constant index within its length, or a
    new-array's size is a constant that is not negative."""
    o = op.opcode
    if o in _SILENT or (o in ARITHMETIC and o not in _DIVISIONS):
        return frozenset()
    if o in _DIVISIONS:
        return frozenset() if op.literal else frozenset({ARITH})  # (a literal divisor that is not zero)
    if o in ARRAY_GETS or o in ARRAY_PUTS:
        if safe(op):
            return frozenset({STORE}) if o == APUT_OBJECT else frozenset()
        return frozenset({NPE, INDEX, STORE} if o in ARRAY_PUTS else {NPE, INDEX})
    if o in FIELD_GETS or o in FIELD_PUTS:
        static = 0x60 <= o <= 0x6D
        return frozenset({ERROR}) if static else frozenset() if non_null(op.regs[-1]) else frozenset({NPE})
    if o == CHECK_CAST:
        return frozenset({CAST, ERROR})
    if o in (ARRAY_LENGTH, FILL_ARRAY_DATA):
        return frozenset({NPE})
    if o in (MONITOR_ENTER, MONITOR_EXIT):
        return frozenset({NPE, MONITOR})
    if o == NEW_ARRAY:
        return frozenset({ERROR}) if safe(op) else frozenset({NEGATIVE, ERROR})
    if 0x1A <= o <= 0x1C or o == 0x22:  # const-string(/jumbo), const-class, new-instance
        return frozenset({ERROR})
    return frozenset({ANY})


def catches(caught: str | None, kinds: frozenset[str]) -> bool:
    """Whether a handler of class `caught` (None: catch-all) may get one of the exceptions `kinds`."""
    if not kinds:
        return False
    if caught is None or ANY in kinds:
        return True
    known = _CATCHES.get(caught)
    if known is not None:
        return bool(known & kinds)
    return ERROR in kinds  # an app or other class might be an Error


State = dict[int, frozenset[Label]]


class CatchStates:
    """The state each exception handler of a block gets: the join of the states where something it catches
    may be thrown in the block (for the interpreter's worklist, interpreter.py)."""

    def __init__(self, code: Method, dex: DexFile, non_null: Container[int], safe: Callable[[int, Op], bool]):
        """`non_null`: the registers that hold no null; `safe(at, op)`: the op at index `at` throws nothing the
        program catches (heap.LocalHeap.safe)."""
        self.code = code
        self.non_null = non_null
        self.safe = safe
        self.caught: list[tuple[int, str | None]] = []
        self.states: dict[int, State] = {}
        self.kinds: frozenset[str] = frozenset()
        self.types = {t: dex.type_name(t) for handlers in code.catches for _, t in handlers if t is not None}
        self.block_of = {s: n for n, (s, _) in enumerate(code.blocks)} if code.catches else {}
        self.index_of = {op.offset: i for i, op in enumerate(code.ops)} if self.types or any(code.catches) else {}

    def enter(self, b: int) -> None:
        caught = self.code.catches[b] if b < len(self.code.catches) else []
        self.caught = [(h, self.types.get(t) if t is not None else None) for h, t in caught]
        self.states = {}

    def before(self, op: Op, state: State, at: int) -> None:
        if not self.caught:
            return
        self.kinds = thrown(op, self.non_null.__contains__, functools.partial(self.safe, at))
        if self.kinds and ANY not in self.kinds:
            self._join(state)  # the instruction throws instead of writing its result

    def after(self, state: State) -> None:
        if self.caught and ANY in self.kinds:
            self._join(state)  # a call or a throw: what it did and threw reaches the handler

    def _join(self, state: State) -> None:
        for handler, caught in self.caught:
            if not catches(caught, self.kinds):
                continue
            into = self.states.setdefault(handler, {})
            for r, here in state.items():
                cur = into.get(r)
                if cur is None:
                    into[r] = here
                elif here is not cur and not here <= cur:
                    into[r] = cur | here

    def edges(self, b: int, state: State) -> list[tuple[int, State]]:
        """(successor, the state it gets) of block `b`, whose end state is `state`."""
        if not self.caught:
            return [(s, state) for s in self.code.successors[b]]
        handlers = {h for h, _ in self.caught}
        normal = self._normal(b)
        out = []
        for s in self.code.successors[b]:
            if s in normal or s not in handlers:
                out.append((s, state))
            elif s in self.states:
                out.append((s, self.states[s]))
        return out

    def _normal(self, b: int) -> set[int]:
        """Successors of `b` by its last instruction's branch targets and fall-through."""
        start, end = self.code.blocks[b]
        last = self.code.ops[end - 1]
        found = {self.block_of.get(self.index_of.get(t, -1), -1) for t in last.targets}
        if last.opcode not in _ENDS and end < len(self.code.ops):
            found.add(self.block_of.get(end, -1))
        return found
