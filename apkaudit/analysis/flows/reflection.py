"""Reflection with constant names: Class.forName("a.B"), X.class or this.getClass(), then getMethod("m") and
Method.invoke(obj, args) run the app's method `a.B.m`; where the names are constants, the call is followed like
a direct one (its arguments reach the method's parameters, its return value comes back). Names built at run
time (from resources, concatenation, a list) are not resolved: the data passed to invoke() is reported as
reaching reflection, where the analysis stops, and the object it runs on may keep it (a reflective
Intent.putExtra). The name Method.getName() returns names the same method on another class
(c.getMethod(m.getName())). Names a method keeps in its own fields are read back (ConstantFields); Class.newInstance()
and getClass() on that object name the class again. A framework read found through reflection
(runtime_code.py: the method holds the class and member names) is the value Method.invoke returns there.
"""

from __future__ import annotations

from apkaudit.analysis.flows.labels import ClassConst, Instance, Label, Labels, MethodConst, SourceValue
from apkaudit.analysis.program import Program

CLASS = "Ljava/lang/Class;"
_FOR_NAME = f"{CLASS}->forName"
_GET_CLASS = "getClass"
_NEW_INSTANCE = f"{CLASS}->newInstance()Ljava/lang/Object;"
_MEMBER_LOOKUPS = ("getMethod", "getDeclaredMethod")
_METHOD_NAME = "Ljava/lang/reflect/Method;->getName()Ljava/lang/String;"
REFLECTED_SOURCE = "reflect"  # key kind in a method's source uses: a read found through reflection (runtime_code.py)


def reflected_sources(method: str, uses: dict[tuple[str, int], str]) -> set[Label]:
    """The reads a method makes through reflection (a framework source named by constant class and member
    strings, found by runtime_code.py): what Method.invoke returns there is their value."""
    return {SourceValue((method, api)) for (kind, _), api in uses.items() if kind == REFLECTED_SOURCE}


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
    if name == _GET_CLASS and sig.endswith("()" + CLASS):
        # this.getClass(), or getClass() on an app object made here or by Class.newInstance()
        mine: set[Label] = {ClassConst(own_class)} if own_class is not None else set()
        return mine | {ClassConst(x.cls) for x in (args[0] if args else ()) if isinstance(x, Instance)}
    if sig == _NEW_INSTANCE and args:  # Class.newInstance(): an object of the class named by a constant
        return {Instance(x.cls) for x in args[0] if isinstance(x, ClassConst)}
    if sig.startswith(CLASS + "->") and name in _MEMBER_LOOKUPS and len(args) > 1:
        # the name is a constant, or what getName() returned on a Method named by one (carried as that label)
        names = (
            {consts[1]} if len(consts) > 1 and consts[1] else {x.name for x in args[1] if isinstance(x, MethodConst)}
        )
        return {MethodConst(x.cls, n) for x in args[0] if isinstance(x, ClassConst) for n in names}
    if sig == _METHOD_NAME and args:  # Method.getName(): the name, carried as the Method's own label
        return {x for x in args[0] if isinstance(x, MethodConst)}
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


class ConstantFields:
    """The class and method names a method keeps in fields of its own and reads back (`c = Class.forName(name)`
    with `name` a field set to a constant, `method = c.getMethod("m")` kept in a field): flow-insensitive, within
    the one method (the last constant written wins), unlike the register constants (constants.py), which read a
    field's constant from here at each block's start."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}  # field -> the string constant written into it
        self.facts: dict[str, set[Label]] = {}  # field -> the classes, objects and methods named by constants

    def put(self, field: str, text: str | None, value: Labels) -> None:
        if text is not None:
            self.strings[field] = text
        named = {x for x in value if isinstance(x, (ClassConst, MethodConst, Instance))}
        if named:
            self.facts.setdefault(field, set()).update(named)

    def get(self, field: str) -> tuple[str | None, set[Label]]:
        return self.strings.get(field), self.facts.get(field, set())
