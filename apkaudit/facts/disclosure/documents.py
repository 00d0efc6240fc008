"""The policy documents an APK ships (files in assets/ and res/, long string resources), and online policy URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from apkaudit.apk import ApkArchive
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.facts.disclosure.lexicon import Lexicon, lowercase
from apkaudit.facts.disclosure.text import decode, html_text, language, normalise
from apkaudit.facts.resources import StringResource
from apkaudit.model import PolicyDocument, PolicyUrl

KINDS = ("privacy_policy", "user_agreement", "other")
URL = re.compile(r"https?://[^\s\"'<>()\[\]{}，。、；：！？“”‘’（）《》]+", re.IGNORECASE)


@dataclass(frozen=True)
class Text:
    document: PolicyDocument
    text: str


def _kind(lex: Lexicon, name: str, title: str, text: str) -> str | None:
    """privacy_policy, user_agreement or other, from the title, then the name, then the text; None: no cue."""
    head = lowercase(title)
    for kind in KINDS:
        if lex.kind_cues[kind].found(head):
            return kind
    base = lowercase(name.rsplit("/", 1)[-1])
    for kind in KINDS:
        if any(n in base for n in lex.kind_names[kind]):
            return kind
    lower = lowercase(text)
    if any(lex.kind_cues[kind].found(lower) for kind in KINDS):
        return "other"
    return None


def _title(lex: Lexicon, found: str | None, text: str) -> str:
    """The HTML title or first heading, else the first line when it is short enough to be a title."""
    limit = lex.limits["title_chars"]
    if found:
        return found[:limit]
    first = text.split("\n", 1)[0] if text else ""
    return first if len(first) <= limit else ""


def file_texts(archive: ApkArchive, lex: Lexicon, notes: list[str]) -> Iterator[Text]:
    """Policy documents among the HTML and text files under assets/ and res/, policy-like names first."""
    names = [n for n in archive.names if n.startswith(lex.folders) and lowercase(n).endswith(lex.extensions)]
    cues = tuple(c for kind in KINDS for c in lex.kind_names[kind])
    ordered = sorted(names, key=lambda n: (not any(c in lowercase(n.rsplit("/", 1)[-1]) for c in cues), n))
    if len(ordered) > lex.limits["max_files"]:
        notes.append(
            f"policy text: {len(ordered)} HTML/text files under assets/ and res/, "
            f"only the first {lex.limits['max_files']} were read"
        )
        ordered = ordered[: lex.limits["max_files"]]
    budget, cap = lex.limits["max_read_bytes"], lex.limits["max_entry_bytes"]
    for name in ordered:
        size = archive.declared_size(name)
        if size > cap:
            notes.append(f"policy text: {name!r} skipped ({size} bytes, over {cap})")
            continue
        if size > budget:
            notes.append(f"policy text: {name!r} and later files not read ({lex.limits['max_read_bytes']}-byte limit)")
            return
        # never inflate more than the cap, whatever size the zip headers claim
        raw: bytes | None = archive.read_head(name, cap + 1)
        if len(raw or b"") > cap:
            notes.append(f"policy text: {name!r} skipped (inflates past {cap} bytes, more than its header says)")
            continue
        if not raw and size:
            raw = archive.read(name)  # cannot be inflated: read() says why in the analysis notes
        if raw is None:
            continue
        budget -= max(size, len(raw))
        markup = decode(raw)
        if lowercase(name).endswith((".html", ".htm", ".xhtml")) or "<html" in lowercase(markup[:2000]):
            found, text = html_text(markup)
        else:
            found, text = None, normalise(markup)
        title = _title(lex, found, text)
        kind = _kind(lex, name, title, text)
        if kind is not None:
            yield Text(PolicyDocument(name, kind, language(text), len(text), title or None), text)


def _resource_path(name: str, locale: str) -> str:
    return f"@string/{name} [{locale}]" if locale else f"@string/{name}"


def resource_texts(entries: Sequence[StringResource], lex: Lexicon) -> Iterator[Text]:
    """Long string resources whose text carries a document cue (a resource name alone proves nothing)."""
    for name, locale, value in entries:
        if len(value) < lex.limits["resource_min_chars"]:
            continue
        if "<" in value and ">" in value:
            found, text = html_text(value)
        else:
            found, text = None, normalise(value)
        lower = lowercase(text)
        if not any(lex.kind_cues[kind].found(lower) for kind in KINDS):
            continue
        title = _title(lex, found, text)
        kind = _kind(lex, name, title, text)
        if kind is not None and len(text) < lex.limits["resource_policy_chars"]:
            kind = "other"  # a consent dialog that names the policy is not the policy
        if kind is not None:
            path = _resource_path(name, locale)
            yield Text(PolicyDocument(path, kind, language(text), len(text), title or None), text)


# -- URLs ------------------------------------------------------------------------------------------------


def _clean_url(url: str) -> str:
    return url.rstrip(".,;:!?'\"")[:300]


def policy_urls(
    entries: Sequence[StringResource], dexes: Sequence[DexFile], lex: Lexicon, notes: list[str]
) -> tuple[PolicyUrl, ...]:
    """URLs of online policies in string resources (by URL or resource name) and in DEX strings (by URL)."""
    found: dict[str, str] = {}
    name_cues = lex.kind_names["privacy_policy"] + lex.kind_names["user_agreement"]

    def policy_like(url: str) -> bool:
        lower = lowercase(url)
        return any(c in lower for c in lex.url_cues)

    for name, _locale, value in entries:
        if "://" not in value:
            continue
        named = any(c in lowercase(name) for c in name_cues)
        for m in URL.finditer(value):
            url = _clean_url(m.group())
            if named or policy_like(url):
                found.setdefault(url, f"@string/{name}")
    for dex in dexes:
        try:
            for prefix in ("http://", "https://"):
                for idx in dex.strings_with_prefix(prefix):
                    value = dex.string(idx)
                    if len(value) <= 300 and " " not in value and policy_like(value):
                        found.setdefault(_clean_url(value), dex.name)
        except DexError as exc:
            notes.append(f"policy URLs: strings of {dex.name} could not be read ({exc})")
    urls = sorted(found.items())
    cap = lex.limits["urls"]
    if len(urls) > cap:
        notes.append(f"policy URLs: {len(urls)} found, the first {cap} are reported")
        urls = urls[:cap]
    return tuple(PolicyUrl(u, where) for u, where in urls)
