"""Who reads a field, or a value an app store keeps under a key, over every DEX: the flow search (engine.py) asks
this of each field and store key a value was written into.

A field's readers are the code items with an iget/sget of it (DexFile.code_users). When the search has asked
about several fields of one class, the readers of all the class's fields are found in one question: a class
whose fields are written one by one (a bean, a cache of settings, synth-2's store of 1,000 fields) was asked
once per field, each a pass over the DEX's reverse index. A store key's readers are the calls of the store's
reader methods (SharedPreferences.getString...), found once per store, in the code items that hold the key as a
string constant: the interpreter names a read by the constant in its register (calls._store_key), so no other
reader can read that key. (On the 24.6 MB Yosemite.apk one preference key of the X5 web runtime had 5,425 methods
decoded for it, every caller of a getString or getInt in the app.) A key read under no constant ('*') is read
only where a read's key may not be one: not in a method whose every read has its const-string key set just
before it, in its basic block. An app provider's table keeps every reader of the store; a change listener's key
is read only in the store's change listeners (onSharedPreferenceChanged). A key a web page names (PAGE_KEY) is
not asked here: its readers are the page's bridge methods (engine._page_readers).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from apkaudit.analysis.flows.constants import string_in_block
from apkaudit.analysis.flows.models import (
    CHANGED_KEY,
    PROVIDER,
    changed_keys,
    keyed_by_helpers,
    store_methods,
    store_names,
    store_readers,
)
from apkaudit.analysis.flows.ops import CALLS
from apkaudit.analysis.flows.storehelpers import Calls, StoreHelpers, calls_from, key_registers, store_call
from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import FIELD_GETS

MANY = 3  # fields of one class asked before the readers of all its fields are found at once


class FieldReaders:
    """Field or store key -> signatures of the methods that read it, sorted; memoised."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self._known: dict[str, list[str]] = {}
        self._stores: dict[str, list[dict[int, Calls]]] = {}  # store -> the code items calling its readers, per DEX
        self._helpers: dict[str, StoreHelpers] = {}  # store -> its reading helpers (storehelpers.py)
        self._helper_sigs: frozenset[str] | None = None  # the reading and writing helpers of every store, once asked
        self._asked: Counter[str] = Counter()
        # (dex, class) -> (the field indices covered, field index -> code items reading it); None: ask per field
        self._classes: dict[tuple[int, str], tuple[range, dict[int, set[int]]] | None] = {}
        self._names: dict[tuple[int, str], dict[int, range] | None] = {}  # (dex, class) -> DexFile.field_names

    def of(self, field_sig: str) -> list[str]:
        known = self._known.get(field_sig)
        if known is None:
            store, _, key = field_sig.partition(":")
            pseudo = (store_readers(store) or None) if "->" not in field_sig else None
            if pseudo is None:
                known = self._field(field_sig)
            else:
                constant = store != PROVIDER and key not in ("*", CHANGED_KEY)
                known = self._store(store, key if constant else None, key == "*")
                if key == CHANGED_KEY:  # read under that key only in the store's change listeners (calls._store_key)
                    listeners = {callback for callback, m in changed_keys().items() if m.store == store}
                    known = [r for r in known if split_signature(r)[1:] in listeners]
            self._known[field_sig] = known
        return known

    def _store(self, store: str, key: str | None, computed: bool = False) -> list[str]:
        """Methods calling one of the store's reader methods, as the interpreter tells them (models.store_of: the
        class and name a reference names, SharedPreferences.getString and not Bundle.getString), or a helper that
        reads under a key its caller names (storehelpers.py); with `key`, only those whose code has that string
        constant; `computed`, only those where a read's key may not be one."""
        calling = self._calling_of(store)
        helpers = self._helpers_of(store) if keyed_by_helpers(store) else None
        readers: set[str] = set()
        for d, dex in enumerate(self.program.dexes):
            offs = set(calling[d]) | (helpers.callers[d] if helpers is not None else set())
            if key is not None and offs:
                string = dex.find_string(key)
                offs = offs.intersection(dex.code_users(strings=[string])) if string is not None else set()
            elif computed:
                offs = {off for off in offs if _computes_key(self.program, d, off, store, helpers)}
            readers.update(self._owners(d, offs))
        return sorted(readers)

    def _calling_of(self, store: str) -> list[dict[int, Calls]]:
        """Per DEX, the code items calling one of the store's reader methods, with those calls (memoised)."""
        calling = self._stores.get(store)
        if calling is None:
            names = store_readers(store)
            calling = self._stores[store] = [_calling(dex, names, store) for dex in self.program.dexes]
        return calling

    def _helpers_of(self, store: str) -> StoreHelpers:
        helpers = self._helpers.get(store)
        if helpers is None:
            helpers = self._helpers[store] = StoreHelpers(self.program, store, "get", self._calling_of(store))
        return helpers

    def read_helpers(self, store: str) -> dict[str, set[int]]:
        """The methods that read the store under a key their caller names, with the positions of those keys."""
        return self._helpers_of(store).helpers if keyed_by_helpers(store) else {}

    def is_helper(self, signature: str) -> bool:
        """Does the method read or write a store under a key its caller names (storehelpers.py)?"""
        if self._helper_sigs is None:
            found: set[str] = set()
            for store in sorted({s for s in store_names() if keyed_by_helpers(s)}):
                writes = [_calling(dex, store_methods(store, "put"), store, "put") for dex in self.program.dexes]
                found.update(self._helpers_of(store).helpers)
                found.update(StoreHelpers(self.program, store, "put", writes).helpers)
            self._helper_sigs = frozenset(found)
        return signature in self._helper_sigs

    def _field(self, field_sig: str) -> list[str]:
        cls, _, rest = field_sig.partition("->")
        name = rest.partition(":")[0]
        self._asked[cls] += 1
        readers: set[str] = set()
        many = self._asked[cls] >= MANY
        for d, dex in enumerate(self.program.dexes):
            idxs = self._find(d, cls, name) if many else dex.find_fields(cls, name)
            if not idxs:
                continue
            whole = self._class(d, cls) if many else None
            if whole is not None and all(i in whole[0] for i in idxs):
                code_offs: Iterable[int] = set().union(*(whole[1].get(i, ()) for i in idxs))
            else:
                users = dex.code_users(fields=idxs)
                code_offs = [off for off, insns in users.items() if any(i.opcode in FIELD_GETS for i in insns)]
            readers.update(self._owners(d, code_offs))
        return sorted(readers)

    def _find(self, d: int, cls: str, name: str) -> list[int]:
        """DexFile.find_fields(cls, name), from the class's fields by name (read once) when the DEX allows."""
        key = (d, cls)
        if key not in self._names:
            self._names[key] = self.program.dexes[d].field_names(cls)
        names = self._names[key]
        if names is None:
            return self.program.dexes[d].find_fields(cls, name)
        name_idx = self.program.dexes[d].find_string(name) if names else None
        return list(names.get(name_idx, ())) if name_idx is not None else []

    def _class(self, d: int, cls: str) -> tuple[range, dict[int, set[int]]] | None:
        """The code items reading each field of the class in DEX d, from one question."""
        key = (d, cls)
        if key not in self._classes:
            dex = self.program.dexes[d]
            covered = dex.field_range(cls)
            gets: dict[int, set[int]] = {}
            try:
                for off, insns in dex.code_users(fields=covered).items():
                    for insn in insns:
                        if insn.opcode in FIELD_GETS and insn.index is not None:
                            gets.setdefault(insn.index, set()).add(off)
            except DexError:  # a code item only some other field's question reaches does not decode: as before
                self._classes[key] = None
            else:
                self._classes[key] = (covered, gets)
        return self._classes[key]

    def _owners(self, d: int, code_offs: Iterable[int]) -> set[str]:
        """Signatures of the methods whose code is at these offsets of DEX d (Program memoises them)."""
        return {sig for off in code_offs for sig in self.program.signatures_at(d, off)}


def _calling(dex: DexFile, names: tuple[str, ...], store: str, role: str = "get") -> dict[int, Calls]:
    """The code items of the DEX that call one of the store's reader (writer) methods (by these names), with those
    calls."""
    idxs = [i for name in names for i in dex.find_methods_named(name) if store_call(dex, i, store, role)]
    found = dex.code_users(methods=idxs) if idxs else {}
    return {off: calls_from(insns) for off, insns in found.items()}


def _computes_key(program: Program, d: int, code_off: int, store: str, helpers: StoreHelpers | None) -> bool:
    """May a read of the store in this code item, or a call of one of its helpers, name its key other than by a
    string constant set just before it (in its basic block)? Only such a read is one of `<store>:*`
    (calls._store_key); the rest name their keys, so the value an app writes under a computed key does not need
    them summarised (on Yosemite.apk, X5's settings cache copied into its preferences had 301 methods summarised,
    every preference read of the app)."""
    dex = program.dexes[d]
    try:
        code = program.decoded(d, code_off)
    except DexError:
        return True
    for at, op in enumerate(code.ops):
        if op.opcode not in CALLS or op.index is None:
            continue
        keys = (
            helpers.key_registers(d, op.index, op.opcode, op.regs)
            if helpers is not None
            else key_registers(dex, op.index, op.regs, store)
        )
        for reg in keys:
            if string_in_block(code, at, reg, dex) is None:
                return True
    return False
