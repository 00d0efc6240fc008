"""What a read really claims (issue 14): an inventory or one item, the app's or a bundled library's.

- `MethodCode`: the const-strings, literals and calls of one method, for the catalogue's `inventory_when`
  and `own_state_in` tests (queryIntentActivities for the bare launcher Intent is an app list; for one
  share Intent it is not).
- `Libraries`: the library-internal reads of catalogs/libraries.yaml (`internal_reads`): a read inside a
  bundled library whose value stays there (AppCompat's night-mode helper reads the last known location to
  decide day or night). Classes are matched by name and, for R8-renamed copies (`a.a.k.y`), by their shape:
  the strings and field types the library's class always has. An opt-in the app must make for the read to
  run at all (AppCompatDelegate.setDefaultNightMode(MODE_NIGHT_AUTO_TIME)) is looked for in app code: when
  the app opts in, the read is the app's and stays a claim.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from apkaudit import catalogs
from apkaudit.analysis.owners import is_library
from apkaudit.analysis.program import ACC_STATIC, MethodDef, Program
from apkaudit.dex.decoder import decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import (
    CONST,
    CONST_4,
    CONST_16,
    CONST_HIGH16,
    CONST_STRING,
    CONST_STRING_JUMBO,
    FIELD_GETS,
    FIELD_PUTS,
    OPCODE_KINDS,
)
from apkaudit.model import LibraryInternal

_CONSTS = {CONST_4, CONST_16, CONST, CONST_HIGH16}


@dataclass(frozen=True)
class MethodCode:
    """What one method's code holds: const-strings, integer constants, the methods it calls, and for each call
    the constant in its first argument register (None: not a constant set in this method)."""

    strings: frozenset[str]
    literals: frozenset[int]
    calls: tuple[tuple[str, int | None], ...]
    field_types: frozenset[str]  # types of the fields of its own class it reads or writes


def method_code(dex: DexFile, code_off: int, own_class: str | None = None) -> MethodCode:
    try:
        ops = decode(dex, code_off).ops
    except DexError:
        return MethodCode(frozenset(), frozenset(), (), frozenset())
    strings, literals, field_types = set(), set(), set()
    calls: list[tuple[str, int | None]] = []
    consts: dict[int, int] = {}  # register -> the integer constant last written to it, in code order
    for op in ops:
        if op.opcode in (CONST_STRING, CONST_STRING_JUMBO) and op.index is not None:
            strings.add(dex.string(op.index))
        elif op.opcode in _CONSTS and op.literal is not None:
            value = op.literal << 16 if op.opcode == CONST_HIGH16 else op.literal
            literals.add(value)
            consts[op.regs[0]] = value
            continue
        elif OPCODE_KINDS[op.opcode] == "method" and op.index is not None:
            ref = dex.method_ref(op.index)
            first = op.regs[0] if op.regs else None
            if first is not None and not ref.proto.startswith("()") and op.opcode not in _STATIC_INVOKES:
                first = op.regs[1] if len(op.regs) > 1 else None  # skip `this`
            calls.append((ref.signature, consts.get(first) if first is not None else None))
            continue
        elif (op.opcode in FIELD_GETS or op.opcode in FIELD_PUTS) and op.index is not None:
            fref = dex.field_ref(op.index)
            if own_class is None or fref.class_name == own_class:
                field_types.add(fref.type)
        if op.regs:
            consts.pop(op.regs[0], None)  # anything else written there is no longer the constant
    return MethodCode(frozenset(strings), frozenset(literals), tuple(calls), frozenset(field_types))


_STATIC_INVOKES = {0x71, 0x77}  # invoke-static, invoke-static/range


def _prefixed(signature: str, prefixes: list[str]) -> bool:
    return any(signature.startswith(p) for p in prefixes)


def keeps_site(rules: Any, returns: str | None, code: MethodCode | None, method: str) -> bool:
    """Does a read of a catalogue entry make a claim in this method? (`rules`: inventory_when / own_state_in)"""
    if returns == "own_state":
        return False
    when, own = rules
    if own:
        if _prefixed(method, own.get("methods", [])):
            return False
        if code is not None and any(set(group) <= code.strings for group in own.get("strings", [])):
            return False
    if when:
        if code is None:
            return False
        called = {sig.partition("(")[0] for sig, _ in code.calls}
        if any(c in called for c in when.get("unless_calls", [])):
            return False
        return bool(set(when.get("strings", [])) & code.strings or set(when.get("literals", [])) & code.literals)
    return True


# -- library-internal reads ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _InternalRead:
    id: str
    library: str
    helper: str
    helper_support: str
    category: str
    classes: frozenset[str]
    strings: frozenset[str]
    field_types: frozenset[str]
    why: str
    opt_in: dict[str, Any]


@functools.lru_cache(maxsize=1)
def internal_reads() -> tuple[_InternalRead, ...]:
    out = []
    for e in catalogs.load("libraries").data.get("internal_reads", []):
        shape = e.get("shape", {})
        out.append(
            _InternalRead(
                e["id"],
                e["library"],
                e["helper"],
                e.get("helper_support", e["helper"]),
                e["category"],
                frozenset(e.get("classes", [])),
                frozenset(shape.get("strings", [])),
                frozenset(shape.get("field_types", [])),
                " ".join(e["why"].split()),
                e.get("opt_in") or {},
            )
        )
    return tuple(out)


class Libraries:
    """Which classes of one program are copies of a library class with a catalogued internal read."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self._class_code: dict[str, MethodCode] = {}
        self._opted: dict[str, str | None] = {}

    def class_code(self, cls: str) -> MethodCode:
        """The strings, literals, calls and own-field types of every method of a class, together."""
        if cls not in self._class_code:
            strings: set[str] = set()
            literals: set[int] = set()
            fields: set[str] = set()
            calls: list[tuple[str, int | None]] = []
            for m in self.program.methods(cls):
                if m.code_off:
                    c = method_code(self.program.dexes[m.dex], m.code_off, cls)
                    strings |= c.strings
                    literals |= c.literals
                    fields |= c.field_types
                    calls += c.calls
            self._class_code[cls] = MethodCode(frozenset(strings), frozenset(literals), tuple(calls), frozenset(fields))
        return self._class_code[cls]

    def _matches(self, entry: _InternalRead, cls: str) -> bool:
        outer = cls.split("$", 1)[0] + (";" if "$" in cls else "")
        if cls in entry.classes or outer in entry.classes:
            return True
        if not entry.strings:
            return False
        code = self.class_code(cls)
        return entry.strings <= code.strings and entry.field_types <= code.field_types

    def internal(self, category: str, method: str, flows: bool) -> LibraryInternal | None:
        """The library-internal reason for a read at `method`, or None when the read is a claim.

        `flows`: does the value reach any sink (then it leaves the library and is not internal)."""
        if flows:
            return None
        cls = method.partition("->")[0]
        for entry in internal_reads():
            if entry.category != category or not self._matches(entry, cls):
                continue
            opt_in = entry.opt_in.get("describe")
            if entry.opt_in and self.opted_in(entry) is not None:
                return None  # the app turns it on: the read is the app's
            support = cls.startswith("Landroid/support/")
            library, helper = ("android_support", entry.helper_support) if support else (entry.library, entry.helper)
            return LibraryInternal(library, helper, entry.why, " ".join(opt_in.split()) if opt_in else None)
        return None

    def opted_in(self, entry: _InternalRead) -> str | None:
        """The app method that turns the library's read on, if any (None: the app never does)."""
        if entry.id not in self._opted:
            self._opted[entry.id] = self._find_opt_in(entry.opt_in)
        return self._opted[entry.id]

    def _find_opt_in(self, opt_in: dict[str, Any]) -> str | None:
        targets = set(opt_in.get("methods", []))
        shape = set(opt_in.get("shape_strings", []))
        if shape:  # an R8-renamed setDefaultNightMode: a static (I)V method holding the library's log message
            targets |= self._shaped(shape)
        if not targets:
            return None
        values = set(opt_in.get("values", []))
        callers: dict[str, list[int | None]] = defaultdict(list)
        found = self.program.callers(sorted(targets))
        for caller in sorted({c for cs in found.values() for c in cs}):
            cls = caller.partition("->")[0]
            if is_library(cls) or any(self._matches(e, cls) for e in internal_reads()):
                continue
            mdef = self.program.method(caller)
            if mdef is None or not mdef.code_off:
                continue
            code = method_code(self.program.dexes[mdef.dex], mdef.code_off)
            for sig, arg in code.calls:
                if sig in targets:
                    callers[caller].append(arg)
        for caller, args in sorted(callers.items()):
            # a constant mode the app sets: opt-in only for the auto modes; a mode read at run time may be one
            if any(a is None or a in values for a in args):
                return caller
        return None

    def _shaped(self, shape: set[str]) -> set[str]:
        """The app's static (I)V methods whose code loads every `shape` string. Only the code items the DEX's
        reverse index names as loading one of them are decoded (decoding every static (I)V method of the app
        cost 0.2 s on ApiDemos); a DEX without all the strings in its pool has no such method."""
        found: set[str] = set()
        loaded = sorted(shape)[0]
        for d, dex in enumerate(self.program.dexes):
            if any(dex.find_string(s) is None for s in shape):
                continue
            index = dex.find_string(loaded)
            assert index is not None
            try:
                users = dex.code_users(strings=[index])
            except DexError:  # a candidate does not decode: look at every method, as method_code does
                users = {m.code_off: [] for m in self._defined_in(d) if m.code_off}
            for code_off in users:
                for em in dex.methods_at_code(code_off):
                    ref = dex.method_ref(em.method_idx)
                    entry = self.program.classes.get(dex.class_def(em.class_index).name)
                    first = entry is not None and entry[0] == d and entry[1].index == em.class_index
                    shaped = first and em.access_flags & ACC_STATIC and ref.proto == "(I)V"
                    if shaped and shape <= method_code(dex, code_off).strings:
                        found.add(ref.signature)
        return found

    def _defined_in(self, d: int) -> list[MethodDef]:
        """The methods of the classes DEX d defines first."""
        return [m for cls, (i, _) in self.program.classes.items() if i == d for m in self.program.methods(cls)]
