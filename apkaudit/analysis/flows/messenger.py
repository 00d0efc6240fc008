"""Messenger hand-offs: the app Handlers that app code wraps in a Messenger, which Messenger.send reaches.

A bound service answers onBind with `new Messenger(new IncomingHandler()).getBinder()`; a client in the same
app rebuilds the Messenger from the IBinder and calls send(msg), and the system runs the Handler's
handleMessage(msg). The client's Messenger does not name its Handler, so the receivers are found where Messengers
are built: the app class of the Handler given to the constructor (catalogs/dispatch.yaml messengers).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from apkaudit import catalogs
from apkaudit.analysis.flows.ops import CALLS, WRITES_A
from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.decoder import decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.opcodes import NEW_INSTANCE


@dataclass(frozen=True)
class MessengerModel:
    """A send method, the constructor that wraps a Handler, and the callback that receives the argument."""

    wraps: str
    callback: str
    argument: int  # position of the message among the send's registers


@functools.lru_cache(maxsize=1)
def messengers() -> dict[str, MessengerModel]:
    """send signature -> its model (catalogs/dispatch.yaml messengers)."""
    return {
        e["send"]: MessengerModel(e["wraps"], e["callback"], e["argument"])
        for e in catalogs.load("dispatch").data.get("messengers", [])
    }


def wrapped_handlers(program: Program, wraps: str, callback: str) -> list[str]:
    """Signatures of `callback` in the app classes whose objects app code passes to the `wraps` constructor
    (the object made by new-instance into the argument register, straight-line, in the same method)."""
    cls, name, proto = split_signature(wraps)
    found: set[str] = set()
    for d, idx in program.method_indices(cls, name, proto):
        dex = program.dexes[d]
        for code_off in dex.code_users(methods=[idx]):
            try:
                ops = decode(dex, code_off).ops
            except DexError:
                continue
            made: dict[int, str] = {}
            for op in ops:
                if op.opcode == NEW_INSTANCE and op.index is not None and op.regs:
                    made[op.regs[0]] = dex.type_name(op.index)
                elif op.opcode in CALLS and op.index == idx and len(op.regs) > 1 and op.regs[1] in made:
                    found.add(made[op.regs[1]])
                elif op.opcode in WRITES_A and op.regs:
                    made.pop(op.regs[0], None)
    out = []
    for k in sorted(found):
        if not program.is_app_class(k):
            continue
        for owner in [k, *program.app_ancestors(k)]:
            hits = [m.signature for m in program.methods(owner) if m.name == callback and not m.is_static]
            if hits:
                out += hits
                break
    return out
