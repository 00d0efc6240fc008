"""Who owns a class: the app itself, a third-party SDK (catalogs/sdks.yaml) or a bundled library (libraries.yaml)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

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
    prefixes, classes = _tables(catalog)
    outer = dotted.split("$", 1)[0]
    if outer in classes:
        return classes[outer]
    parts = dotted.split(".")[:-1]
    for n in range(len(parts), 0, -1):
        hit = prefixes.get(".".join(parts[:n]))
        if hit is not None:
            return hit
    return None


def _dotted(descriptor: str) -> str:
    return descriptor[1:-1].replace("/", ".") if descriptor.startswith("L") else descriptor


def sdk_of_class(descriptor: str) -> SdkInfo | None:
    """The SDK that owns a class: an exact class entry, else the longest package prefix."""
    return _lookup("sdks", _dotted(descriptor))


def owner_of(signature: str) -> str:
    """'first-party', an SDK id, or a library id: who owns the method or class a smali signature names."""
    dotted = _dotted(signature.partition("->")[0])
    found = _lookup("sdks", dotted) or _lookup("libraries", dotted)
    return found.id if found else FIRST_PARTY


@functools.lru_cache(maxsize=65536)
def is_library(descriptor: str) -> bool:
    """Is this class part of a bundled open-source library (libraries.yaml), such as OkHttp or Gson?"""
    return _lookup("libraries", _dotted(descriptor)) is not None
