"""App methods that read or write an app store under a key their caller names: `SpUtil.getString(context, key)`,
`SpUtil.put(context, key, value)`, the settings helper of most lending apps. The interpreter reads and writes
there, at each call, the key the caller names (calls._keyed_at_call), so the callers that name a key are among
its readers (readers.py); the search also summarises a helper past the depth it summarises other callees to,
and wherever data or not is passed to it (engine.callee_summary, calls._app_call).

A helper reads (or writes) the store, a `get` (`put`) of dispatch.yaml stores, or calls another helper with, as
the key, one of its parameters that no write reaches the call through (receivers.param_at), as the interpreter
sees it (calls._given_key). They are found from the calls of the store's reader (writer) methods, then from the
calls of each helper found, until no new one is: a call whose key register is no parameter register is left
without decoding its method. A call of a helper is any that names it as callers() finds one: on its class, an app
supertype it is dispatched through, or a subclass that inherits it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from apkaudit.analysis.flows.models import Store, positional_regs, store_of
from apkaudit.analysis.flows.ops import STATIC_CALLS
from apkaudit.analysis.flows.receivers import param_at
from apkaudit.analysis.program import ACC_STATIC, Program, split_signature
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.items import Insn

MAX_LEVELS = 64  # a bound for a malformed call graph; helpers hand their keys on two or three levels deep
Calls = Sequence[tuple[int, int, tuple[int, ...], int]]  # (method index, opcode, argument registers, offset)


class StoreHelpers:
    """The helpers of one store and role (get or put), and per DEX the code items that call one."""

    def __init__(self, program: Program, store: str, role: str, direct: list[dict[int, Calls]]) -> None:
        """`direct`: per DEX, the code items calling the store's methods of that role, with those calls."""
        self.program = program
        self.store = store
        self.role = role
        self.helpers: dict[str, set[int]] = {}  # signature -> the positions of the key parameters it is given
        self.callers: list[set[int]] = [set() for _ in program.dexes]  # per DEX: code items calling a helper
        self._ids: list[dict[int, set[int]]] = [{} for _ in program.dexes]  # per DEX: method id -> key positions
        frontier = [(d, off, calls) for d, items in enumerate(direct) for off, calls in items.items()]
        for _ in range(MAX_LEVELS):
            fresh: dict[str, set[int]] = {}
            for sig, keys in self._helpers_among(frontier).items():
                new = keys - self.helpers.get(sig, set())
                if new:
                    fresh[sig] = new
                    self.helpers.setdefault(sig, set()).update(new)
            if not fresh:
                break
            frontier = self._calls_of(fresh)

    def key_registers(self, d: int, method_idx: int, opcode: int, args: tuple[int, ...]) -> list[int]:
        """The registers holding a key in a call of the store's methods of this role or of a helper."""
        dex = self.program.dexes[d]
        direct = key_registers(dex, method_idx, args, self.store, self.role)
        if direct:
            return direct
        keys = self._ids[d].get(method_idx)
        if not keys:
            return []
        regs = positional_regs(args, dex.method_ref(method_idx).proto, opcode in STATIC_CALLS)
        return [r for k in sorted(keys) if k < len(regs) and (r := regs[k]) is not None]

    def _helpers_among(self, items: Iterable[tuple[int, int, Calls]]) -> dict[str, set[int]]:
        """The methods of these code items whose key, in one of the calls given, is a parameter unchanged."""
        found: dict[str, set[int]] = {}
        for d, off, calls in items:
            try:
                item = self.program.dexes[d].code_item(off)
            except DexError:
                continue
            first = item.registers_size - item.ins_size
            keys = {
                (r, where) for idx, op, args, where in calls for r in self.key_registers(d, idx, op, args) if r >= first
            }
            if not keys:
                continue
            try:
                code = self.program.decoded(d, off)
            except DexError:
                continue
            for sig in self.program.signatures_at(d, off):
                mdef = self.program.method(sig)
                static = mdef is not None and bool(mdef.access_flags & ACC_STATIC)
                proto = split_signature(sig)[2]
                for reg, where in keys:
                    position = param_at(code, reg, bisect.bisect_left(code.offsets, where), static, proto)
                    if position is not None:
                        found.setdefault(sig, set()).add(position)
        return found

    def _calls_of(self, helpers: dict[str, set[int]]) -> list[tuple[int, int, Calls]]:
        """The code items calling these helpers, with those calls; noted as callers."""
        by_dex: dict[int, list[int]] = {}
        for sig, keys in helpers.items():
            for d, idx in self.program.method_ids_running(sig):
                self._ids[d].setdefault(idx, set()).update(keys)
                by_dex.setdefault(d, []).append(idx)
        out: list[tuple[int, int, Calls]] = []
        for d, idxs in sorted(by_dex.items()):
            for off, insns in self.program.dexes[d].code_users(methods=idxs).items():
                self.callers[d].add(off)
                out.append((d, off, calls_from(insns)))
        return out


def calls_from(insns: Iterable[Insn]) -> Calls:
    """The calls among instructions DexFile.code_users found, as StoreHelpers takes them."""
    return [(i.index, i.opcode, i.args, i.offset) for i in insns if i.index is not None]


def store_call(dex: DexFile, method_idx: int, store: str, role: str) -> Store | None:
    """The store model of a method reference, when it is one of the store's methods of that role."""
    model = store_of(dex.method_signature(method_idx))
    return model if model is not None and model.store == store and model.role == role else None


def key_registers(dex: DexFile, method_idx: int, args: tuple[int, ...], store: str, role: str = "get") -> list[int]:
    """The register holding the key of a call of one of the store's methods of that role (none for another call)."""
    model = store_call(dex, method_idx, store, role)
    return [args[model.key]] if model is not None and model.key < len(args) else []
