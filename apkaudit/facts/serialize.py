"""Facts to and from plain JSON data, so a results store can keep them and judge them again later.

The conversion is driven by the dataclass fields and their type hints, not by a hand-written list: a field
added to the model (with a default) is stored and read back without touching this module, and facts stored
before the field existed read back with its default.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from typing import Any

from apkaudit.errors import ApkAuditError
from apkaudit.model import Facts


class FactsFormatError(ApkAuditError):
    """Stored facts do not match the model of this apkaudit version."""


def facts_to_dict(facts: Facts) -> dict[str, Any]:
    """Facts as JSON-ready data: dataclasses become objects, tuples lists, enums their values."""
    data = to_data(facts)
    assert isinstance(data, dict)
    return data


def facts_from_dict(data: dict[str, Any]) -> Facts:
    """The inverse of facts_to_dict; raises FactsFormatError when the data does not fit the model."""
    value = from_data(Facts, data, "facts")
    assert isinstance(value, Facts)
    return value


def to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(to_data(k)): to_data(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in facts")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(tp: Any, data: Any, where: str) -> Any:
    """Build a value of type `tp` from data, checking it on the way; `where` names the spot in errors."""
    if tp is Any:
        return data
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _union_from(tp, data, where)
    if origin is tuple:
        return _tuple_from(tp, data, where)
    if origin is list:
        if not isinstance(data, list):
            raise FactsFormatError(f"{where}: expected a list, found {type(data).__name__}")
        (arg,) = typing.get_args(tp)
        return [from_data(arg, v, f"{where}[{i}]") for i, v in enumerate(data)]
    if origin is dict:
        return _dict_from(tp, data, where)
    if origin is typing.Literal:
        if data not in typing.get_args(tp):
            raise FactsFormatError(f"{where}: {data!r} is not one of {', '.join(map(str, typing.get_args(tp)))}")
        return data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_from(tp, data, where)
    return _scalar_from(tp, data, where)


def _union_from(tp: Any, data: Any, where: str) -> Any:
    """The first option of a union (an Optional included) that the data fits."""
    options = typing.get_args(tp)
    if data is None:
        if type(None) in options:
            return None
        raise FactsFormatError(f"{where}: null where a value is needed")
    errors = []
    for option in options:
        if option is type(None):
            continue
        try:
            return from_data(option, data, where)
        except FactsFormatError as exc:
            errors.append(str(exc))
    raise FactsFormatError(errors[0] if len(errors) == 1 else f"{where}: fits none of {tp}")


def _tuple_from(tp: Any, data: Any, where: str) -> tuple[Any, ...]:
    """A fixed-length tuple or a tuple[X, ...] from a list."""
    args = typing.get_args(tp)
    if not isinstance(data, list):
        raise FactsFormatError(f"{where}: expected a list, found {type(data).__name__}")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(from_data(args[0], v, f"{where}[{i}]") for i, v in enumerate(data))
    if len(args) != len(data):
        raise FactsFormatError(f"{where}: expected {len(args)} items, found {len(data)}")
    return tuple(from_data(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, data, strict=True)))


def _dict_from(tp: Any, data: Any, where: str) -> dict[Any, Any]:
    if not isinstance(data, dict):
        raise FactsFormatError(f"{where}: expected an object, found {type(data).__name__}")
    key_type, value_type = typing.get_args(tp)
    return {from_data(key_type, k, f"{where} key"): from_data(value_type, v, f"{where}.{k}") for k, v in data.items()}


def _scalar_from(tp: Any, data: Any, where: str) -> Any:
    """An enum member, a float (ints allowed), or a str, int or bool of exactly that type."""
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(data)
        except ValueError:
            raise FactsFormatError(f"{where}: {data!r} is not a {tp.__name__}") from None
    if tp is float and isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if tp in (str, int, bool) and type(data) is tp:
        return data
    raise FactsFormatError(f"{where}: expected {getattr(tp, '__name__', tp)}, found {type(data).__name__}")


def _dataclass_from(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise FactsFormatError(f"{where}: expected an object, found {type(data).__name__}")
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise FactsFormatError(f"{where}: unknown field {unknown[0]!r} for {cls.__name__}")
    values = {}
    for name, f in fields.items():
        if name in data:
            values[name] = from_data(hints[name], data[name], f"{where}.{name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise FactsFormatError(f"{where}: {cls.__name__} needs {name!r}")
    return cls(**values)
