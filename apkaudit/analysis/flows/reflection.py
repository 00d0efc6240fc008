"""Reflection with constant names: Class.forName("a.B"), X.class or this.getClass(), then getMethod("m") and
Method.invoke(obj, args) run the app's method `a.B.m`; where the names are constants, the call is followed like
a direct one (its arguments reach the method's parameters, its return value comes back). Names built at run
time (from resources, concatenation, a list) are not resolved: the data passed to invoke() is reported as
reaching reflection, where the analysis stops.
"""

from __future__ import annotations

from apkaudit.analysis.flows.labels import ClassConst, Label, Labels, MethodConst
from apkaudit.analysis.program import Program

CLASS = "Ljava/lang/Class;"
_FOR_NAME = f"{CLASS}->forName"
_GET_CLASS = "getClass"
_MEMBER_LOOKUPS = ("getMethod", "getDeclaredMethod")


def class_of_name(program: Program, text: str) -> str | None:
    """The app class a dotted or binary name constant names."""
    descriptor = "L" + text.replace(".", "/") + ";"
    return descriptor if program.is_app_class(descriptor) else None


def reflective_facts(
    program: Program, sig: str, name: str, args: list[Labels], consts: list[str | None], own_class: str | None
) -> set[Label]:
    """Labels of the result of a Class or Object call: the app class or method it names by a constant.

    `consts`: the string constant in each argument register (None when not a constant); `own_class`: the
    method's class when the receiver is `this` (for this.getClass())."""
    if sig.startswith(_FOR_NAME) and consts and consts[0]:
        cls = class_of_name(program, consts[0])
        return {ClassConst(cls)} if cls else set()
    if name == _GET_CLASS and sig.endswith("()" + CLASS) and own_class is not None:
        return {ClassConst(own_class)}
    if sig.startswith(CLASS + "->") and name in _MEMBER_LOOKUPS and len(consts) > 1 and consts[1]:
        return {MethodConst(x.cls, consts[1]) for x in args[0] if isinstance(x, ClassConst)}
    return set()


def reflective_targets(program: Program, receiver: Labels) -> list[tuple[str, bool]]:
    """(signature, is static) of the app methods a Method.invoke on this receiver runs: every overload named by a
    MethodConst, on the class or the app classes it inherits from (the first that defines the name)."""
    found: list[tuple[str, bool]] = []
    for m in sorted((x for x in receiver if isinstance(x, MethodConst)), key=lambda x: (x.cls, x.name)):
        for k in [m.cls, *program.app_ancestors(m.cls)]:
            defs = [d for d in program.methods(k) if d.name == m.name and d.code_off]
            if defs:
                found += [(d.signature, d.is_static) for d in defs]
                break
    return found
