"""The source catalogue (catalogs/sources.yaml) compiled against one DEX file's id tables.

Each catalogue entry becomes the method, field, string or type indices that stand for it in that DEX,
found by binary search in the sorted id tables, so finding every use is one `code_users` scan.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from apkaudit import catalogs
from apkaudit.analysis.flows.models import param_types
from apkaudit.analysis.program import split_signature
from apkaudit.dex.file import DexFile


@dataclass(frozen=True)
class Source:
    """One catalogue entry."""

    id: str
    kind: str  # field | method | uri | string | intent_action | resolver | picker
    category: str | None
    signature: str | None
    value: str | None
    table: bool | None
    used_with: tuple[str, ...]
    param: int | None = None  # callbacks: which parameter carries the data
    returns: str | None = None  # inventory | item | own_state (issue 14)
    uri_arg: int | None = None  # resolvers: the position of the content URI among the arguments
    inventory_when: Any = field(default=None, compare=False, hash=False)  # when an item read is an inventory
    own_state_in: Any = field(default=None, compare=False, hash=False)  # where the read is the app's own folder
    handle: str | None = None  # what it returns is a way to the data (a folder's path, a camera), not the data

    @property
    def conditional(self) -> bool:
        """Does whether this read is a claim depend on the calling method's code?"""
        return bool(self.inventory_when or self.own_state_in)


@functools.lru_cache(maxsize=1)
def entries() -> tuple[Source, ...]:
    out = []
    for e in catalogs.load("sources").data["entries"]:
        out.append(
            Source(
                id=e["id"],
                kind=e["kind"],
                category=e.get("category"),
                signature=e.get("signature"),
                value=e.get("value"),
                table=e.get("table"),
                used_with=tuple(e.get("used_with", ())),
                param=e.get("param"),
                returns=e.get("returns"),
                uri_arg=e.get("uri_arg"),
                inventory_when=e.get("inventory_when"),
                own_state_in=e.get("own_state_in"),
                handle=e.get("handle"),
            )
        )
    return tuple(out)


def handle_of(api: str) -> str | None:
    """What a method site's API returns when it is a handle to the data (sources.yaml `handle`), else None.
    `api` is the signature the report shows (a full smali signature); a short entry covers every overload."""
    handles = _handles()
    return handles.get(api) or handles.get(api.split("(", 1)[0])


@functools.lru_cache(maxsize=1)
def _handles() -> dict[str, str]:
    return {s.signature: s.handle for s in entries() if s.handle and s.signature}


@functools.lru_cache(maxsize=1)
def address_reads() -> dict[str, tuple[int, ...]]:
    """Calls that read the user's data through an address they are given -> the address's argument positions (0 =
    the first after `this`): a resolver's content URI (`uri_arg`), the String parameters of a method a `string`
    entry is `used_with` (Settings.Secure.getString(resolver, "android_id")), and `reads_through`."""
    found: dict[str, tuple[int, ...]] = {}
    for s in entries():
        if s.kind == "resolver" and s.signature:
            found[s.signature] = (int(s.uri_arg or 0),)
        for sig in s.used_with:
            params = param_types(split_signature(sig)[2])
            found[sig] = tuple(i for i, t in enumerate(params) if t == "Ljava/lang/String;")
    for e in catalogs.load("sources").data.get("reads_through", []):
        found[e["signature"]] = (int(e["address_arg"]),)
    return dict(sorted(found.items()))


@functools.lru_cache(maxsize=4096)
def is_address(api: str) -> bool:
    """Is what a site's API gives an address of the data rather than the data: a content URI (a Uri field, a method
    returning a Uri, a content:// literal of a `uri` entry) or a name looked up elsewhere (a `string` entry's value,
    such as "android_id")?"""
    if "->" in api:
        return api.endswith(":Landroid/net/Uri;") or api.endswith(")Landroid/net/Uri;")
    return any(
        s.value and (api == s.value or (s.kind == "uri" and _names_uri(api, s.value)))
        for s in entries()
        if s.kind in ("uri", "string")
    )


@dataclass
class DexSources:
    """Catalogue entries by the DEX index that refers to them."""

    methods: dict[int, Source] = field(default_factory=dict)
    fields: dict[int, Source] = field(default_factory=dict)
    strings: dict[int, Source] = field(default_factory=dict)
    types: dict[int, Source] = field(default_factory=dict)
    used_with: dict[int, set[str]] = field(default_factory=dict)  # method idx -> ids of string entries it enables

    def __bool__(self) -> bool:
        return bool(self.methods or self.fields or self.strings or self.types)


def _method_indices(dex: DexFile, signature: str) -> list[int]:
    if "(" in signature:
        cls, name, proto = split_signature(signature)
        return dex.find_methods(cls, name, proto)
    cls, _, name = signature.partition("->")
    return dex.find_methods(cls, name)


def compile_for(dex: DexFile) -> DexSources:
    found = DexSources()
    uris = sorted((s for s in entries() if s.kind == "uri"), key=lambda s: len(s.value or ""))
    for s in entries():
        if s.returns == "own_state":
            continue  # the app's own state: never a site, so never looked for
        _add_entry(found, dex, s)
    _add_content_uris(found, dex, uris)
    return found


def _add_entry(found: DexSources, dex: DexFile, s: Source) -> None:
    """Index one catalogue entry by the method, field, type or string indices of this DEX that name it."""
    if s.kind in ("method", "resolver") or (s.kind == "picker" and s.signature and "->" in s.signature):
        assert s.signature is not None
        for idx in _method_indices(dex, s.signature):
            found.methods[idx] = s
    elif s.kind == "field":
        assert s.signature is not None
        cls, _, rest = s.signature.partition("->")
        for idx in dex.find_fields(cls, rest.partition(":")[0]):
            found.fields[idx] = s
    elif s.kind == "picker" and s.signature:
        tidx = dex.find_type(s.signature)
        if tidx is not None:
            found.types[tidx] = s
    elif s.kind in ("string", "intent_action", "picker") and s.value:
        sidx = dex.find_string(s.value)
        if sidx is not None:
            found.strings[sidx] = s
        for sig in s.used_with:
            for midx in _method_indices(dex, sig):
                found.used_with.setdefault(midx, set()).add(s.id)


def _add_content_uris(found: DexSources, dex: DexFile, uris: list[Source]) -> None:
    """A content URI literal matches the longest catalogue value it starts with (then '/', '?' or '#')."""
    for idx in dex.strings_with_prefix("content://"):
        text = dex.string(idx)
        best = None
        for s in uris:
            if _names_uri(text, s.value or ""):
                best = s
        if best is not None:
            found.strings[idx] = best


def _names_uri(text: str, value: str) -> bool:
    """Does a content URI literal name a `uri` entry's value: the value itself, or it then '/', '?' or '#'?"""
    return text == value or (text.startswith(value) and text[len(value)] in "/?#")


def describe(s: Source, dex: DexFile, kind: str, index: int) -> str:
    """The API as the report shows it: a smali signature, or the URI or string literal itself."""
    if kind == "method":
        return dex.method_signature(index)
    if kind == "field":
        return dex.field_ref(index).signature
    if kind == "string":
        return dex.string(index)
    if kind == "type":
        return dex.type_name(index)
    return s.signature or s.value or s.id


def as_dict(s: Source) -> dict[str, Any]:
    return {"id": s.id, "kind": s.kind, "category": s.category}
