"""A map a method keeps to itself, read by a constant key, gives what was put under that key (localmaps.py)."""

from __future__ import annotations

from apkaudit.analysis.flows.labels import FieldValue, Label
from apkaudit.analysis.flows.localmaps import LocalMaps
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.items import MethodRef
from apkaudit.dex.opcodes import CONST_STRING, INVOKE_INTERFACE, NEW_INSTANCE

MAP = "Ljava/util/Map;"
_REFS = [
    MethodRef("Ljava/util/HashMap;", "<init>", "()V"),
    MethodRef(MAP, "put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"),
    MethodRef(MAP, "get", "(Ljava/lang/Object;)Ljava/lang/Object;"),
    MethodRef("Lapp/Sink;", "keep", "(Ljava/util/Map;)V"),
]
INVOKE_DIRECT = 0x70


class _Dex:
    def type_name(self, index: int) -> str:
        return "Ljava/util/HashMap;"

    def method_ref(self, index: int) -> MethodRef:
        return _REFS[index]

    def string(self, index: int) -> str:
        return ["secret", "plain"][index]


def _code(escape: bool) -> Method:
    ops = [
        Op(0, NEW_INSTANCE, (0,), 0),
        Op(2, INVOKE_DIRECT, (0,), 0),
        Op(5, CONST_STRING, (1,), 0),
        Op(7, INVOKE_INTERFACE, (0, 1, 2), 1),  # put("secret", v2)
        Op(10, CONST_STRING, (1,), 1),
        Op(12, INVOKE_INTERFACE, (0, 1, 3), 1),  # put("plain", v3)
        Op(15, INVOKE_INTERFACE, (0, 1), 2),  # get("plain")
    ]
    if escape:
        ops.append(Op(18, INVOKE_DIRECT, (0,), 3))
    return Method(ops, 5, 1, [(0, len(ops))], [[]])


def _walk(code: Method) -> list[frozenset[Label] | None]:
    maps = LocalMaps(code, _Dex())  # type: ignore[arg-type]
    state: dict[int, frozenset[Label]] = {2: frozenset({FieldValue("secret")}), 3: frozenset()}
    return [maps.call(op, state) for op in code.ops if op.opcode == INVOKE_INTERFACE]


def test_a_get_by_a_constant_key_sees_that_key_only():
    assert _walk(_code(escape=False))[-1] == frozenset()


def test_a_map_that_escapes_is_not_keyed():
    assert _walk(_code(escape=True))[-1] is None
