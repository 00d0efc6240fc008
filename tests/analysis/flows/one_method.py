"""Run the interpreter on one static method built in memory (tests/dex/factory.py), with a stand-in for the
flow analysis that knows no app class: what the method returns."""

from __future__ import annotations

from types import SimpleNamespace

from apkaudit.analysis.flows.interpreter import Interpreter
from apkaudit.analysis.flows.labels import Label
from apkaudit.dex.decoder import decode
from apkaudit.dex.file import DexFile
from tests.dex.factory import dex_file

METHOD = "LA;->m0()V"


def returned(code_units: list[int], sources: dict[str, dict[tuple[str, int], str]], registers: int = 2) -> set[Label]:
    dex = DexFile(dex_file([code_units], registers=registers))
    code = decode(dex, dex.methods_of(0)[0].code_off)
    flows = SimpleNamespace(
        callbacks={},
        sources=sources,
        program=SimpleNamespace(is_app_class=lambda c: False, method=lambda m: None),
        field_urls=lambda f: frozenset(),
        private_actions=frozenset(),
    )
    return set(Interpreter(flows, METHOD, dex, code, is_static=True).run().ret)  # type: ignore[arg-type]
