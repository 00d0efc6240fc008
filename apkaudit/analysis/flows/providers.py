"""The app's own ContentProviders as a store: what the app inserts into one through ContentResolver it reads back
with a query of the same table.

A `content://authority/table...` URI names the provider by its authority. When the authority is one the app's
manifest declares (android:authorities of its own <provider>), `ContentResolver.insert/update(uri, values)` keeps
the values under `authority/table`, and `ContentResolver.query(uri, ...)` of the same table returns them
(catalogs/dispatch.yaml stores, store `provider`). A URI the analysis cannot read as a constant, or another app's
provider (the system's contacts, a partner's), is no such store.
"""

from __future__ import annotations

from collections.abc import Mapping

from apkaudit.analysis.flows.receivers import reaching_write
from apkaudit.analysis.program import Program
from apkaudit.dex.decoder import Method
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import CONST_STRING, CONST_STRING_JUMBO, MOVE_RESULT_OBJECT, SGET, SPUT_OBJECT

CONTENT = "content://"
URI_PARSE = "Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;"
_SGET_OBJECT = SGET + 2


class Providers:
    """The authorities of the app's providers, and the content URIs its static fields hold (each read once)."""

    def __init__(self, program: Program, authorities: Mapping[str, str] | None) -> None:
        self.program = program
        self.authorities = dict(authorities or {})  # authority -> provider class descriptor
        self._fields: dict[str, str | None] = {}

    def table(self, dex: DexFile, code: Method, reg: int, offset: int) -> str | None:
        """`authority/table` of the content URI in `reg` at `offset` when the authority is the app's own."""
        if not self.authorities:
            return None
        uri = self._uri(dex, code, reg, offset)
        if uri is None or not uri.startswith(CONTENT):
            return None
        authority, _, path = uri[len(CONTENT) :].partition("/")
        if authority not in self.authorities:
            return None
        return f"{authority}/{path.split('/')[0]}"

    def _uri(self, dex: DexFile, code: Method, reg: int, offset: int) -> str | None:
        """The constant a URI register holds: Uri.parse("content://...") in the method, or a static field its
        class's static initialiser sets that way (`CONTENT_URI`)."""
        at = reaching_write(code, reg, offset)
        if at is None:
            return None
        op = code.ops[at]
        if op.opcode == _SGET_OBJECT and op.index is not None:
            return self._field(dex.field_ref(op.index).signature)
        return _parsed(dex, code, at)

    def _field(self, field_sig: str) -> str | None:
        if field_sig not in self._fields:
            self._fields[field_sig] = None  # recursion guard
            self._fields[field_sig] = self._field_value(field_sig)
        return self._fields[field_sig]

    def _field_value(self, field_sig: str) -> str | None:
        cls = field_sig.partition("->")[0]
        found: set[str | None] = set()
        for m in self.program.methods(cls):
            if m.name != "<clinit>" or not m.code_off:
                continue
            dex = self.program.dexes[m.dex]
            code = self.program.code(m)
            if code is None:  # refused by the decoder
                return None
            for i, op in enumerate(code.ops):
                if op.opcode == SPUT_OBJECT and op.index is not None and dex.field_ref(op.index).signature == field_sig:
                    write = reaching_write(code, op.regs[0], op.offset)
                    found.add(_parsed(dex, code, write) if write is not None and write < i else None)
        return found.pop() if len(found) == 1 else None  # one constant, set once


def _parsed(dex: DexFile, code: Method, at: int) -> str | None:
    """The string constant given to Uri.parse when op `at` is the move-result of that call."""
    op = code.ops[at]
    if op.opcode != MOVE_RESULT_OBJECT or at == 0:
        return None
    call = code.ops[at - 1]
    if call.index is None or not call.regs or dex.method_signature(call.index) != URI_PARSE:
        return None
    write = reaching_write(code, call.regs[0], call.offset)
    if write is None:
        return None
    const = code.ops[write]
    if const.opcode in (CONST_STRING, CONST_STRING_JUMBO) and const.index is not None:
        return dex.string(const.index)
    return None
