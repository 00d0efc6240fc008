"""Maps a method makes and keeps to itself, read by constant keys: `get("a")` sees what `put("a", v)` stored
(and what a put under a key not known stored), not every value of the map.

A map is local when its register is written once, by its `new-instance` of a java.util map class, and read
only as the receiver of that map's constructor, `put` and `get`: nothing else can see or change it. A key is
known when the last write of its register before the call, in the same basic block, is a `const-string`.
Each (map, key) has a pseudo-register in the flow state, so the joins of the interpreter merge them.
"""

from __future__ import annotations

from apkaudit.analysis.flows.constants import string_in_block
from apkaudit.analysis.flows.labels import NO_LABELS, Label
from apkaudit.analysis.flows.ops import CALLS
from apkaudit.analysis.flows.receivers import single_write
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import NEW_INSTANCE

State = dict[int, frozenset[Label]]
_MAPS = frozenset({"Ljava/util/HashMap;", "Ljava/util/LinkedHashMap;", "Ljava/util/TreeMap;", "Ljava/util/Hashtable;"})
_RECEIVER_CLASSES = _MAPS | {"Ljava/util/Map;", "Ljava/util/AbstractMap;"}
_INIT = "<init>()V"
_PUT = "put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"
_GET = "get(Ljava/lang/Object;)Ljava/lang/Object;"
_BASE = -5000  # pseudo-registers -5000, -5001, ... (strong.py's slots are from -1000 down)


class LocalMaps:
    """The local maps of one method and the pseudo-registers of their keys."""

    def __init__(self, code: Method, dex: DexFile) -> None:
        self.code = code
        self.dex = dex
        self.maps: set[int] = set()
        for at, op in enumerate(code.ops):
            made = dex.type_name(op.index) if op.opcode == NEW_INSTANCE and op.index is not None else None
            if made in _MAPS and single_write(code, op.regs[0]) == at:
                self.maps.add(op.regs[0])
        if self.maps:
            self.maps -= {r for op in code.ops for r in self._escaping(op)}
        self.at = {op.offset: i for i, op in enumerate(code.ops)} if self.maps else {}
        # every put's (map, key) has its slot before the walk, so a get met first still sees later puts' keys
        self.keys: dict[tuple[int, str | None], int] = {}
        for at, op in enumerate(code.ops):
            if self._is(op, _PUT):
                self._slot(op.regs[0], self._key(at, op.regs[1]))

    def _is(self, op: Op, member: str) -> bool:
        if not self.maps or op.opcode not in CALLS or op.index is None or len(op.regs) < 2:
            return False
        ref = self.dex.method_ref(op.index)
        return op.regs[0] in self.maps and ref.name + ref.proto == member

    def _escaping(self, op: Op) -> set[int]:
        """Map registers this op reads other than as the receiver of the map's own <init>, put or get."""
        used = self.maps.intersection(op.regs)
        if not used or op.opcode == NEW_INSTANCE:
            return set()
        if op.opcode in CALLS and op.index is not None:
            ref = self.dex.method_ref(op.index)
            own = ref.class_name in _RECEIVER_CLASSES and ref.name + ref.proto in (_INIT, _PUT, _GET)
            if own and op.regs[0] in self.maps and op.regs[0] not in op.regs[1:]:
                return set()
        return used

    def _slot(self, reg: int, key: str | None) -> int:
        slot = self.keys.get((reg, key))
        if slot is None:
            slot = self.keys[(reg, key)] = _BASE - len(self.keys)
        return slot

    def _key(self, at: int, reg: int) -> str | None:
        """The string constant `reg` holds at op `at`, when its last write in the block is a const-string."""
        return string_in_block(self.code, at, reg, self.dex)

    def call(self, op: Op, state: State) -> frozenset[Label] | None:
        """After a put, what the key holds; for a get by a known key, its result (else None)."""
        if not self.maps or op.regs[0] not in self.maps:  # (the caller checked op is an invoke with registers)
            return None
        at = self.at[op.offset]
        key = self._key(at, op.regs[1]) if len(op.regs) > 1 else None
        if self._is(op, _PUT) and len(op.regs) == 3:
            value = state.get(op.regs[2], NO_LABELS)
            slot = self._slot(op.regs[0], key)
            state[slot] = value if key is not None else state.get(slot, NO_LABELS) | value
        elif self._is(op, _GET) and key is not None:
            unknown = self.keys.get((op.regs[0], None))
            known = self.keys.get((op.regs[0], key))
            return NO_LABELS.union(*(state.get(s, NO_LABELS) for s in (unknown, known) if s is not None))
        return None
