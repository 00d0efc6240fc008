"""Wording shared by the human-readable writers for `analysis`: the coverage line and what hides code."""

from __future__ import annotations

from collections import defaultdict

from apkaudit.model import Analysis, Coverage, Signal

# Kinds that say something about hidden code; compiler and anti-analysis hits stay in the JSON report.
HIDING_KINDS = ("packer", "payload", "manifest_mismatch", "dynamic_loading", "obfuscator", "reflection", "native_code")
KIND_WORDS = {
    "packer": "packer",
    "payload": "hidden payload",
    "manifest_mismatch": "declared but missing",
    "dynamic_loading": "run-time code loading",
    "obfuscator": "obfuscator",
    "reflection": "reflection",
    "native_code": "native code",
}


def coverage_line(a: Analysis) -> str:
    """'OPAQUE: about 3% of the code could be seen; packed with 360 Jiagu' (plain 'complete' when nothing hides)."""
    line: str = a.coverage.value
    if a.coverage is Coverage.COMPLETE and not a.packers:
        return line
    line = line.upper() if a.coverage is not Coverage.COMPLETE else line
    if a.visible_share is not None and a.visible_share < 1 and a.coverage is not Coverage.COMPLETE:
        line += f": about {round(a.visible_share * 100)}% of the code could be seen"
    if a.packers:
        line += ("; " if ":" in line else ": ") + f"packed or protected with {', '.join(a.packers)}"
    return line


def hiding(a: Analysis, per_kind: int = 3) -> list[tuple[str, str]]:
    """(kind in words, 'name (where, where), name (where) (+N more)') for each kind of signal that hides code.

    Empty for an app whose code was all seen: its signals (reflection resolved into sites, compilers...)
    are in the JSON report.
    """
    if a.coverage is Coverage.COMPLETE and not a.packers:
        return []
    grouped: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for s in a.signals:
        if s.kind in HIDING_KINDS:
            places = grouped[s.kind].setdefault(s.name, [])
            if where(s) not in places:
                places.append(where(s))
    out = []
    for kind in HIDING_KINDS:
        names = grouped.get(kind)
        if not names:
            continue
        shown = [f"{name} ({', '.join(places)})" for name, places in list(names.items())[:per_kind]]
        more = f" (+{len(names) - per_kind} more)" if len(names) > per_kind else ""
        out.append((KIND_WORDS[kind], "; ".join(shown) + more))
    return out


def hiding_signals(a: Analysis) -> list[Signal]:
    """The signals of kinds that hide code, packers first (in HIDING_KINDS order)."""
    order = {k: i for i, k in enumerate(HIDING_KINDS)}
    return sorted((s for s in a.signals if s.kind in order), key=lambda s: order[s.kind])


def where(s: Signal) -> str:
    """A location on one line: a zip entry as is, a smali method as Class.method."""
    if "->" not in s.location:
        return s.location
    cls, _, rest = s.location.partition("->")
    return f"{cls[1:-1].rsplit('/', 1)[-1]}.{rest.partition('(')[0]}"
