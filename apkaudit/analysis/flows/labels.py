"""The symbolic values the flow engine tracks: one small frozen class per kind of label.

A register holds a set of labels; a method summary says where each label ends up. Labels that carry data
(`DATA`: what a source produced, a parameter, a callee's result or out-object, a field, an Intent delivered to
a component) are followed from method to method; the others describe the value (the URL constant it was built
from, the sink object it came from, the store it writes to, the app class or component it names) and travel
with the data to the sink. Every class is hashable, and equal only to a label of the same kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, TypeAlias


@dataclass(frozen=True, slots=True)
class SourceValue:
    """What a source site produced: `site` is (method, source api)."""

    site: tuple[str, str]
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Param:
    """What `method` received in parameter `index` (0 = this for instance methods)."""

    method: str
    index: int
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Returned:
    """What `method` returned, at every call site that did not apply its summary."""

    method: str
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class ReturnedTyped:
    """What `method` returned at a call whose argument `index` is an object of exactly the app class `cls`
    (made in the caller): what it returns from a virtual call on that parameter only if `cls` runs that
    override (engine.py)."""

    method: str
    index: int
    cls: str
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Thrown:
    """What `method` threw out of itself, at every call site inside a try block (exceptions.py)."""

    method: str
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class OutParam:
    """What `method` wrote into the object its caller passed as argument `index`."""

    method: str
    index: int
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class FieldValue:
    """What a field held: `field` is a field signature, `prefs:<key>` or `file:<name>` for the stores."""

    field: str
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class ReadThrough:
    """What the call at `offset` in `method` read through an address it was given (ContentResolver.query of a
    content URI, Settings.Secure.getString of a name): the rows or the value, where the address itself is not the
    user's data (engine.flows_from). `given`: read through an address in the method's own parameters, a read each
    caller makes again at its call (calls._apply); otherwise through any other."""

    method: str
    offset: int
    given: bool
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class KeyedRead:
    """What `method` read from an app store under the key its parameter `index` still names at the read (a
    helper's `SpUtil.getString(context, key)`): each caller reads there the key it names (calls._keyed_at_call),
    so the value returns to that caller as the value of that key. (An object the helper's value is stored into
    and that escapes is shared by its callers, as every field is.)"""

    method: str
    store: str
    index: int
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class KeyedWrite:
    """What `method` wrote of its own (not a parameter's value) into an app store under the key its parameter
    `index` names: each caller writes it under the key it names there (calls._keyed_at_call)."""

    method: str
    store: str
    index: int
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Delivered:
    """The Intent an app `component` was started with (or received)."""

    component: str
    data: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Url:
    """A URL constant the value was built from: the endpoint of a network sink it reaches."""

    url: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, order=True, slots=True)
class SinkObject:
    """An object a sink of `kind` returned (a connection's stream): what is written into it is sent by `sink`."""

    sink: str
    kind: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class StoreWriter:
    """A writer of an app store (a file opened by name): what it writes is kept under `store`."""

    store: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class ClassConst:
    """`X.class` of an app class: an Intent built with it names the component."""

    cls: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class MethodConst:
    """A reflective Method of an app class looked up with a constant name (getMethod("name")): invoke() runs it."""

    cls: str
    name: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Target:
    """An Intent (or ComponentName) that names the app component `component` explicitly."""

    component: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class ActionTarget:
    """An Intent whose action an intent-filter of the app component `component` declares."""

    component: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class External:
    """An Intent with an action: other apps may receive it too."""

    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Instance:
    """An object of the app class `cls` made here (new-instance): a serialiser given it writes its fields."""

    cls: str
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Alloc:
    """An object this method allocates at op `site` (-1: `this` in a constructor); heap.py, never leaves the
    method."""

    site: int
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Count:
    """The known number of elements of a list this method made (heap.py)."""

    n: int
    data: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """An object not made in this method, or not known to be one made here (heap.py)."""

    data: ClassVar[bool] = False


EXTERNAL = External()
ELSEWHERE = Elsewhere()

Label: TypeAlias = (
    SourceValue
    | Param
    | Returned
    | ReturnedTyped
    | Thrown
    | OutParam
    | FieldValue
    | ReadThrough
    | KeyedRead
    | KeyedWrite
    | Delivered
    | Url
    | SinkObject
    | StoreWriter
    | ClassConst
    | MethodConst
    | Target
    | ActionTarget
    | External
    | Instance
    | Alloc
    | Count
    | Elsewhere
)
Labels = frozenset[Label]
NO_LABELS: Labels = frozenset()


def data_of(labels: Iterable[Label]) -> Labels:
    """The labels that carry data (not endpoints, sink objects, stores or Intent targets)."""
    return frozenset(label for label in labels if label.data)


def urls_of(labels: Iterable[Label]) -> frozenset[Url]:
    return frozenset(x for x in labels if isinstance(x, Url))
