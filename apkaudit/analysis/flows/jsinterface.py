"""The page of a WebView reads what the app's @JavascriptInterface methods return: a webview sink.

A method annotated @JavascriptInterface, on an object the app adds to a WebView with addJavascriptInterface,
is called by the page, which gets its return value: the data it returns leaves the app for that page (and
whatever server the page talks to). The object is recognised by its class: the one whose new-instance the
argument's register holds at the call, or the registering method's own class (`this` added as the bridge); when
the argument is neither, every class the registering method instantiates and its own. The endpoint is the URL
constant the registering method holds (the page it loads), when there is one.
"""

from __future__ import annotations

from apkaudit.analysis.flows.ops import CALLS
from apkaudit.analysis.flows.receivers import param_at, reaching_write
from apkaudit.analysis.program import Program, split_signature
from apkaudit.dex.decoder import Method, decode
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.dex.opcodes import NEW_INSTANCE

WEBVIEW = "Landroid/webkit/WebView;"
ADD_BRIDGE = f"{WEBVIEW}->addJavascriptInterface(Ljava/lang/Object;Ljava/lang/String;)V"


class JsBridges:
    """Which app methods a page can call, and the method that registered their object."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self._registered: dict[str, str] | None = None  # bridge class -> registering method

    def registrar(self, method: str) -> str | None:
        """The method that added this @JavascriptInterface method's object to a WebView, or None."""
        cls = method.partition("->")[0]
        if method not in self.program.js_bridge_methods(cls):
            return None
        registered = self._registrations()
        for k in [cls, *sorted(self.program.subclasses(cls))]:
            if k in registered:
                return registered[k]
        return None

    def any(self) -> bool:
        """Does the app add any object to a WebView?"""
        return bool(self._registrations())

    def _registrations(self) -> dict[str, str]:
        if self._registered is None:
            self._registered = {}
            for d, dex in enumerate(self.program.dexes):
                idxs = [i for e, i in self.program.method_indices_by_name(WEBVIEW, "addJavascriptInterface") if e == d]
                for code_off in dex.code_users(methods=idxs) if idxs else {}:
                    self._scan(dex, code_off)
        return self._registered

    def _scan(self, dex: DexFile, code_off: int) -> None:
        assert self._registered is not None
        try:
            code = decode(dex, code_off)
        except DexError:
            code = None
        for method in dex.signatures_at(code_off):
            mdef = self.program.method(method)
            for k in _added(dex, code, method, mdef is None or mdef.is_static):
                self._registered.setdefault(k, method)


def _added(dex: DexFile, code: Method | None, method: str, static: bool) -> set[str]:
    """The classes of the objects `method` adds to a WebView: at each addJavascriptInterface call, the object made
    by the new-instance its argument's register holds, or `this`; when one call's object is neither (a field, a
    parameter, a call's result), every class the method instantiates and its own, as a guess."""
    own = method.partition("->")[0]
    if code is None:
        return {own}
    found: set[str] = set()
    guessed = False
    for at, op in enumerate(code.ops):
        if op.opcode not in CALLS or op.index is None or len(op.regs) < 2:
            continue
        if dex.method_signature(op.index) != ADD_BRIDGE:
            continue
        write = reaching_write(code, op.regs[1], op.offset)
        made = code.ops[write] if write is not None else None
        if made is not None and made.opcode == NEW_INSTANCE and made.index is not None:
            found.add(dex.type_name(made.index))
        elif param_at(code, op.regs[1], at, static, split_signature(method)[2]) == 0 and not static:
            found.add(own)  # `this`
        else:
            guessed = True
    if guessed or not found:
        found.add(own)
        found |= {dex.type_name(op.index) for op in code.ops if op.opcode == NEW_INSTANCE and op.index is not None}
    return found
