"""Who owns a class: the app itself, a third-party SDK (catalogs/sdks.yaml) or a bundled library (libraries.yaml)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from apkaudit import catalogs

FIRST_PARTY = "first-party"


@dataclass(frozen=True)
class SdkInfo:
    id: str
    name: str
    vendor: str
    kind: str
    prefixes: tuple[str, ...]


@functools.lru_cache(maxsize=2)
def _tables(catalog: str) -> tuple[dict[str, SdkInfo], dict[str, SdkInfo]]:
    """(package prefix -> entry, exact class name -> entry) of a catalogue."""
    prefixes: dict[str, SdkInfo] = {}
    classes: dict[str, SdkInfo] = {}
    for e in catalogs.load(catalog).data["entries"]:
        info = SdkInfo(e["id"], e["name"], e.get("vendor", ""), e.get("kind", "library"), tuple(e["prefixes"]))
        for p in info.prefixes:
            prefixes[p] = info
        for c in e.get("classes", ()):
            classes[c] = info
    return prefixes, classes


def _lookup(catalog: str, dotted: str) -> SdkInfo | None:
    found = _match(catalog, dotted)
    return found[1] if found else None


def _match(catalog: str, dotted: str) -> tuple[int, SdkInfo] | None:
    """(length of the matching prefix, entry); an exact class entry counts as the longest possible match."""
    classes = _tables(catalog)[1]
    outer = dotted.split("$", 1)[0]
    if outer in classes:
        return (len(outer) + 1, classes[outer])
    return _package_match(catalog, dotted.rpartition(".")[0])


@functools.lru_cache(maxsize=16384)
def _package_match(catalog: str, package: str) -> tuple[int, SdkInfo] | None:
    """The longest catalogued prefix of a package (memoised: every class of a package asks the same, three
    passes over all classes per app)."""
    prefixes = _tables(catalog)[0]
    parts = package.split(".") if package else []
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        hit = prefixes.get(key)
        if hit is not None:
            return (len(key), hit)
    return None


# -- vendor namespaces (issue 14) ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _namespaces() -> tuple[tuple[str, SdkInfo], ...]:
    """(namespace, the vendor's catch-all entry) from sdks.yaml `vendor_namespaces`, longest first."""
    out = []
    for e in catalogs.load("sdks").data.get("vendor_namespaces", []):
        info = SdkInfo(e["id"], e["name"], e["vendor"], e.get("kind", "unidentified"), (e["namespace"],))
        out.append((e["namespace"], info))
    return tuple(sorted(out, key=lambda x: -len(x[0])))


@dataclass(frozen=True)
class _Attribution:
    package: str | None  # the manifest package: its classes are the app's own, whoever's namespace they are in
    by_namespace: dict[str, SdkInfo]  # namespace -> the one catalogued SDK of it present in the app


_CONTEXT: ContextVar[_Attribution | None] = ContextVar("apkaudit_attribution", default=None)


def _under(prefix: str, dotted: str) -> bool:
    return dotted == prefix or dotted.startswith(prefix + ".")


@contextmanager
def attribution(classes: Iterable[str] | Any, package: str | None) -> Iterator[None]:
    """Within this block, code in an SDK vendor's namespace that no entry names is the vendor's (issue 14):
    the vendor's only catalogued SDK present in the app, else the vendor's catch-all entry; never the app's
    own package. `classes`: the program (its `classes`) or class descriptors."""
    names = getattr(classes, "classes", classes)
    present: dict[str, set[str]] = {}
    spaces = _namespaces()
    if spaces:
        seen: dict[str, SdkInfo] = {}
        for name in names:
            found = _lookup("sdks", _dotted(name))
            if found is not None:
                seen[found.id] = found
        for space, _ in spaces:
            present[space] = {i for i, s in seen.items() if any(_under(space, p) for p in s.prefixes)}
        by_namespace = {}
        for space, _ in spaces:
            if len(present[space]) == 1:
                by_namespace[space] = seen[next(iter(present[space]))]
    else:
        by_namespace = {}
    token = _CONTEXT.set(_Attribution(package, by_namespace))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def _vendor(dotted: str) -> SdkInfo | None:
    context = _CONTEXT.get()
    if context is None:
        return None
    if context.package and _under(context.package, dotted):
        return None
    for space, info in _namespaces():
        if _under(space, dotted):
            return context.by_namespace.get(space, info)
    return None


def _owner_entry(dotted: str) -> tuple[str, SdkInfo] | None:
    """('sdks' | 'libraries', entry): the longest prefix of either catalogue, then the vendor's namespace."""
    sdk = _match("sdks", dotted)
    lib = _match("libraries", dotted)
    if sdk and (not lib or sdk[0] >= lib[0]):
        return ("sdks", sdk[1])
    if lib:
        return ("libraries", lib[1])
    vendor = _vendor(dotted)
    return ("sdks", vendor) if vendor else None


def _dotted(descriptor: str) -> str:
    return descriptor[1:-1].replace("/", ".") if descriptor.startswith("L") else descriptor


def sdk_of_class(descriptor: str) -> SdkInfo | None:
    """The SDK that owns a class: an exact class entry, else the longest package prefix (a bundled library
    such as fastjson inside Alibaba's namespace wins when its prefix is longer), else its vendor's namespace."""
    found = _owner_entry(_dotted(descriptor))
    return found[1] if found and found[0] == "sdks" else None


def owner_of(signature: str) -> str:
    """'first-party', an SDK id, or a library id: who owns the method or class a smali signature names."""
    found = _owner_entry(_dotted(signature.partition("->")[0]))
    return found[1].id if found else FIRST_PARTY


@functools.lru_cache(maxsize=65536)
def is_library(descriptor: str) -> bool:
    """Is this class part of a bundled open-source library (libraries.yaml), such as OkHttp or Gson?"""
    return _lookup("libraries", _dotted(descriptor)) is not None
