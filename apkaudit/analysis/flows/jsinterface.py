"""The page of a WebView reads what the app's @JavascriptInterface methods return: a webview sink.

A method annotated @JavascriptInterface, on an object the app adds to a WebView with addJavascriptInterface,
is called by the page, which gets its return value: the data it returns leaves the app for that page (and
whatever server the page talks to). The object is recognised by its class: one the registering method
instantiates, or the registering method's own class (`this` added as the bridge). The endpoint is the URL
constant the registering method holds (the page it loads), when there is one.
"""

from __future__ import annotations

from apkaudit.analysis.program import Program
from apkaudit.dex.decoder import decode
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
        for method in dex.signatures_at(code_off):
            classes = {method.partition("->")[0]}
            try:
                code = decode(dex, code_off)
            except DexError:
                code = None
            for op in code.ops if code is not None else ():
                if op.opcode == NEW_INSTANCE and op.index is not None:
                    classes.add(dex.type_name(op.index))
            for k in classes:
                self._registered.setdefault(k, method)
