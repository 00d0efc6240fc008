"""Which exceptions an instruction may throw and which handlers get them (analysis/flows/exceptions.py); the
end-to-end cases are the micro-apps exception_message and exception_message_local."""

from __future__ import annotations

from apkaudit.analysis.flows.exceptions import ANY, ERROR, INDEX, NPE, catches, thrown
from apkaudit.dex.decoder import Op

RUNTIME = "Ljava/lang/RuntimeException;"


def _thrown(opcode: int, regs: tuple[int, ...] = (0, 1, 2), *, non_null: bool = False, safe: bool = False,
            literal: int | None = None) -> frozenset[str]:  # fmt: skip
    return thrown(Op(0, opcode, regs, None, (), literal), lambda r: non_null, lambda op: safe)


def test_calls_and_throws_may_throw_anything():
    assert _thrown(0x6E) == {ANY}  # invoke-virtual
    assert _thrown(0x27, (0,)) == {ANY}  # throw
    assert catches(RUNTIME, frozenset({ANY})) and catches("Lapp/MyError;", frozenset({ANY}))


def test_moves_constants_and_branches_throw_nothing():
    for opcode in (0x07, 0x0C, 0x12, 0x28, 0x38, 0x0E, 0xD8):  # move-object, move-result-object, const/4, goto...
        assert _thrown(opcode) == frozenset(), hex(opcode)


def test_an_array_read_throws_unless_it_is_known_in_bounds():
    assert _thrown(0x44) == {NPE, INDEX}  # aget
    assert _thrown(0x44, safe=True) == frozenset()
    assert _thrown(0x4D, safe=True) == {"Ljava/lang/ArrayStoreException;"}  # aput-object: a wrong element type


def test_a_field_of_an_object_known_not_null_throws_nothing():
    assert _thrown(0x54, (0, 1)) == {NPE}  # iget-object
    assert _thrown(0x54, (0, 1), non_null=True) == frozenset()


def test_a_division_by_a_literal_that_is_not_zero_throws_nothing():
    assert _thrown(0xDB, (0, 1), literal=2) == frozenset()  # div-int/lit8
    assert _thrown(0xDB, (0, 1), literal=0) == {"Ljava/lang/ArithmeticException;"}


def test_a_runtime_exception_handler_does_not_get_errors():
    new_array = _thrown(0x23, (0, 1), safe=True)  # a size known not to be negative: only allocation errors
    assert new_array == {ERROR}
    assert not catches(RUNTIME, new_array) and not catches("Ljava/lang/Exception;", new_array)
    assert catches("Ljava/lang/Throwable;", new_array) and catches(None, new_array)
    assert catches("Ljava/lang/OutOfMemoryError;", new_array)  # a class not in the table may be an Error


def test_a_handler_gets_the_exceptions_of_its_class_and_subclasses_only():
    assert catches("Ljava/lang/IndexOutOfBoundsException;", frozenset({INDEX}))
    assert not catches("Ljava/lang/ArrayIndexOutOfBoundsException;", frozenset({NPE}))
    assert not catches(RUNTIME, frozenset())
