"""What kind of app an APK is (online lending, or unknown), from its label, strings, SDKs and permissions.

Rule books are written for one kind of app (`applies_to`); this decides which kind an APK looks like, so
that a report can warn when a lending rule book judges an app that does not look like a lending app, or
the reverse. The keywords, weights and bounds are data (catalogs/app_categories.yaml); every signal found
is kept as evidence, so a reader can see why an app was taken for a lending app.

Speed: a large app has a few hundred thousand DEX strings, and decoding each in Python costs about a
second. Keywords are instead searched in the raw string-data bytes of each DEX, and only the strings that
contain a candidate are decoded and checked. The search is one pass of YARA (the Aho-Corasick matcher that
APKiD's rules already bring) for all keywords at once: a `find` per keyword reads the bytes once per keyword,
about 0.07 s for 40 keywords over a 2.4 MB string table, the single pass about a sixth of that. Without YARA
(or when it gives up) each keyword falls back to `find`; both give the same occurrences.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
import struct
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from apkaudit import catalogs
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.facts.resources import string_entries
from apkaudit.model import AppCategory, CategorySignal, Permission, SdkUse

UNKNOWN = "unknown"
_VALUE_MAX = 80  # characters of a string kept as evidence
# Only the ASCII letters lowered, the rest kept: what a text is searched in when lowering it whole would change its
# length (a few non-ASCII letters do), so that offsets still match. One C pass (str.translate), not a Python
# expression per character: 9 ms on ApiDemos's 50,000 resource strings, in many languages
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@dataclass(frozen=True)
class _Keyword:
    text: str
    language: str

    @property
    def latin(self) -> bool:
        """Latin-script keywords (préstamo too) match whole words in any case; others match as substrings."""
        return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in self.text)


@dataclass(frozen=True)
class _Category:
    id: str
    threshold: float
    sdk_kinds: frozenset[str]
    permission_categories: frozenset[str]
    keywords: tuple[_Keyword, ...]  # sorted by text, so that results never depend on file order


@functools.lru_cache(maxsize=1)
def _catalog() -> tuple[dict[str, Any], tuple[_Category, ...]]:
    data = catalogs.load("app_categories").data
    cats = []
    for c in data["categories"]:
        kws = tuple(sorted({_Keyword(k["text"], k["language"]) for k in c["keywords"]}, key=lambda k: k.text))
        cats.append(
            _Category(
                c["id"],
                float(c["threshold"]),
                frozenset(c.get("sdk_kinds", ())),
                frozenset(c.get("permission_categories", ())),
                kws,
            )
        )
    return data, tuple(cats)


def category_ids() -> tuple[str, ...]:
    """The categories a rule book's `applies_to` may name (besides `any`)."""
    return tuple(c.id for c in _catalog()[1])


# -- matching ------------------------------------------------------------------------------------------


def _is_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word: no letter joins it on either side, except at a camelCase seam."""
    if start > 0:
        before = text[start - 1]
        if before.isalpha() and not ((before.islower() or before.isdigit()) and text[start].isupper()):
            return False
    if end < len(text):
        after = text[end]
        if after.isalpha() and not (after.isupper() and text[end - 1].islower()):
            return False
    return True


def _find(kw: _Keyword, text: str, lower: str | None = None) -> int:
    """Offset of the first match of kw in text, or -1. `lower` is text.lower() when it has the same length."""
    if not kw.latin:
        return text.find(kw.text)
    needle = kw.text.lower()
    if lower is None:
        lower = text.lower()
        if len(lower) != len(text):  # a few non-ASCII letters change length when lowered
            lower = text.translate(_ASCII_LOWER)
    pos = lower.find(needle)
    while pos >= 0 and not _is_word(text, pos, pos + len(needle)):
        pos = lower.find(needle, pos + 1)
    return pos


def _text_hits(cat: _Category, texts: list[str]) -> list[tuple[_Keyword, str]]:
    """(keyword, the first text it occurs in) for each keyword found, in the order of those texts."""
    joined = "\n".join(t.replace("\n", " ") if "\n" in t else t for t in texts)
    lower = joined.lower()
    if len(lower) != len(joined):
        lower = joined.translate(_ASCII_LOWER)
    first = []
    for kw in cat.keywords:
        pos = _find(kw, joined, lower)
        if pos >= 0:
            first.append((pos, kw))
    if not first:
        return []
    starts = [0] + [m.end() for m in re.finditer("\n", joined)]
    first.sort(key=lambda x: (x[0], x[1].text))
    return [(kw, texts[bisect.bisect_right(starts, pos) - 1]) for pos, kw in first]


class _DexStrings:
    """The string-data bytes of one DEX, for finding keywords without decoding every string."""

    def __init__(self, dex: DexFile) -> None:
        self.dex = dex
        data = dex.data
        # header_item (DEX format spec): string_ids_size at 0x38, string_ids_off at 0x3C; DexFile checked both
        n, off = struct.unpack_from("<II", data, 0x38)
        # numpy arrays, not a tuple and lists of Python ints: for the 73,788 strings of a 10.8 MB DEX this took
        # 12.0 MB at its peak and kept 8.5 MB with ints, 6.7 and 3.8 MB so (2.9 MB of them the lowered bytes),
        # where the audit of that app peaks. The sort is stable, as sorted() is.
        offsets = np.frombuffer(data, dtype="<u4", count=n, offset=off) if n else np.zeros(0, dtype=np.uint32)
        order = np.argsort(offsets, kind="stable")
        self.starts = offsets[order]  # string_data_item offsets, ascending
        self.index = order  # string index of each of those
        lo = int(self.starts[0]) if n else 0
        hi = data.find(b"\x00", int(self.starts[-1])) + 1 if n else 0
        self.base = lo
        self.lower = bytes(data[lo : hi if hi > 0 else len(data)]).lower()  # ASCII-only, keeps offsets

    def first(self, kw: _Keyword, tries: int, max_len: int, at: Iterable[int] | None = None) -> str | None:
        """The first string of at most max_len characters containing kw (as a word, for Latin keywords).

        At most `tries` candidate strings are decoded: long strings (regexes, URL lists) are skipped. `at`
        is where kw's needle occurs in the string data, ascending (from `occurrences`); found here if None.
        """
        checked: set[int] = set()
        for pos in self._finds(_needle(kw)) if at is None else at:
            if len(checked) >= tries:
                break
            k = int(np.searchsorted(self.starts, self.base + pos, side="right")) - 1  # as bisect_right
            if k >= 0 and k not in checked:
                checked.add(k)
                try:
                    text = self.dex.string(int(self.index[k]))
                except DexError:
                    return None
                if len(text) <= max_len and _find(kw, text) >= 0:
                    return text
        return None

    def _finds(self, needle: bytes) -> Iterator[int]:
        pos = self.lower.find(needle)
        while pos >= 0:
            yield pos
            pos = self.lower.find(needle, pos + 1)

    def occurrences(self, needles: tuple[bytes, ...]) -> list[list[int]] | None:
        """Every offset of each needle in the string data, ascending (overlapping ones too), in one pass;
        None when YARA is not there or gives up (too many matches)."""
        rules = _needle_rules(needles)
        if rules is None:
            return None
        try:
            found = rules.match(data=self.lower)
        except Exception:  # noqa: BLE001 - yara.Error (too many matches...): the caller uses find instead
            return None
        at: list[list[int]] = [[] for _ in needles]
        for match in found:
            for offset, identifier, _data in match.strings:
                at[int(identifier[2:])].append(int(offset))
        for offsets in at:
            offsets.sort()
        return at


def _needle(kw: _Keyword) -> bytes:
    """What is searched for in the lowered string data."""
    return (kw.text.lower() if kw.latin else kw.text).encode("utf-8")


@functools.lru_cache(maxsize=4)
def _needle_rules(needles: tuple[bytes, ...]) -> Any:
    """One YARA rule whose strings are the needles ($n0, $n1...), as hex so that any byte is taken as is."""
    try:
        import yara

        strings = "\n".join(f"$n{i} = {{ {n.hex(' ')} }}" for i, n in enumerate(needles))
        return yara.compile(source=f"rule keywords {{ strings: {strings} condition: any of them }}")
    except Exception:  # noqa: BLE001 - no YARA, or one that cannot compile this: find is used instead
        return None


def _dex_hits(cat: _Category, dexes: Sequence[DexFile], tries: int, max_len: int) -> list[tuple[_Keyword, str]]:
    hits: list[tuple[_Keyword, str]] = []
    found: set[str] = set()
    for dex in dexes:
        try:
            strings = _DexStrings(dex)
        except (struct.error, IndexError, ValueError):
            continue  # DexFile validated the header; a table it could not have read is skipped, not fatal
        at = strings.occurrences(tuple(_needle(kw) for kw in cat.keywords))
        for i, kw in enumerate(cat.keywords):
            if kw.text in found:
                continue
            text = strings.first(kw, tries, max_len, None if at is None else at[i])
            if text is not None:
                found.add(kw.text)
                hits.append((kw, text))
    return hits


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _VALUE_MAX else flat[: _VALUE_MAX - 1] + "…"


# -- inputs --------------------------------------------------------------------------------------------


def resource_strings(apk: Any) -> list[str]:
    """The string resources of every package and locale, bounded (facts/resources.py), in file order."""
    limit = int(_catalog()[0]["limits"]["resource_strings"])
    return [e.value for e in string_entries(apk, limit)]


# -- deciding ------------------------------------------------------------------------------------------


def detect(
    label: str | None,
    resources: Iterable[str],
    dexes: Sequence[DexFile],
    sdks: Sequence[SdkUse],
    permissions: Sequence[Permission],
) -> AppCategory:
    """The category with the highest score, if at its threshold, else `unknown` with the evidence seen."""
    data, cats = _catalog()
    weights = data["signals"]
    limits = data["limits"]
    max_len = int(limits["string_length"])
    texts = [s for s in resources if len(s) <= max_len]
    best: tuple[float, _Category, list[CategorySignal]] | None = None
    for cat in cats:
        found = _score(cat, weights, (int(limits["dex_candidates"]), max_len), label, texts, dexes, sdks, permissions)
        if best is None or found[0] > best[0]:
            best = (found[0], cat, found[1])
    assert best is not None, "app_categories.yaml lists no category"
    score, cat, evidence = best
    shown = tuple(evidence[: int(limits["evidence"])])
    if score >= cat.threshold:
        return AppCategory(cat.id, "high" if score >= 0.8 else "medium", round(score, 2), shown)
    return AppCategory(UNKNOWN, "low" if score >= 0.25 else "medium", round(score, 2), shown)


def _score(
    cat: _Category,
    weights: dict[str, float],
    dex_limits: tuple[int, int],
    label: str | None,
    resources: list[str],
    dexes: Sequence[DexFile],
    sdks: Sequence[SdkUse],
    permissions: Sequence[Permission],
) -> tuple[float, list[CategorySignal]]:
    evidence: list[CategorySignal] = []
    score = 0.0
    if label:
        hits = _text_hits(cat, [label])
        if hits:
            w = float(weights["label"])
            score += w
            evidence.append(CategorySignal("label", _short(label), hits[0][0].text, hits[0][0].language, w))
    for kind, found in (
        ("resource_string", _text_hits(cat, resources)),
        ("dex_string", _dex_hits(cat, dexes, *dex_limits)),
    ):
        per, cap = float(weights[kind]), float(weights[f"{kind}_max"])
        room = int(cap / per + 1e-9) if per > 0 else 0
        for kw, text in found[:room]:
            score += per
            evidence.append(CategorySignal(kind, _short(text), kw.text, kw.language, per))
    lending_sdks = sorted(u.id for u in sdks if u.kind in cat.sdk_kinds)
    if lending_sdks:
        w = float(weights["sdk"])
        score += w
        evidence.append(CategorySignal("sdk", ", ".join(lending_sdks), None, None, w))
    requested = {p.category for p in permissions if p.category}
    if cat.permission_categories and cat.permission_categories <= requested and score > 0:
        w = float(weights["permissions"])  # supports other evidence, never decides alone
        score += w
        names = sorted(p.name.rsplit(".", 1)[-1] for p in permissions if p.category in cat.permission_categories)
        evidence.append(CategorySignal("permissions", ", ".join(names), None, None, w))
    return min(score, 1.0), evidence


def classify(
    apk: Any,
    label: str | None,
    dexes: Sequence[DexFile],
    sdks: Sequence[SdkUse],
    permissions: Sequence[Permission],
    notes: list[str],
) -> AppCategory:
    """The category of an APK opened with androguard; a resource table it cannot read is noted, not fatal."""
    strings: list[str] = []
    try:
        strings = resource_strings(apk)
    except Exception as exc:  # androguard raises many kinds on odd resource tables
        notes.append(f"string resources could not be read to judge the app category ({type(exc).__name__})")
    return detect(label, strings, dexes, sdks, permissions)
