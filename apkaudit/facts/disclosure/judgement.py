"""Judging policy sentences per data category, and crossing the verdicts with the code evidence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from apkaudit.facts.disclosure.documents import Text
from apkaudit.facts.disclosure.lexicon import STANCE_ORDER, Lexicon, SentenceCues, compiled, lowercase
from apkaudit.facts.disclosure.text import sentences
from apkaudit.model import (
    AccessPattern,
    CategoryDisclosure,
    Consistency,
    Coverage,
    DataAccess,
    Disclosure,
    DisclosureStatus,
    DisclosureVerdict,
    Evidence,
    PolicySentence,
    PolicyUrl,
    Stance,
)


def _quote(sentence: str, start: int, end: int, limit: int) -> str:
    """The sentence, or a window of it around [start, end) when it is longer than limit."""
    flat = sentence.strip()
    if len(sentence) <= limit:
        return " ".join(flat.split())
    half = max(0, (limit - (end - start)) // 2)
    lo = max(0, start - half)
    hi = min(len(sentence), lo + limit)
    lo = max(0, hi - limit)
    text = " ".join(sentence[lo:hi].split())
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(sentence) else "")


@dataclass(frozen=True)
class _Said:
    category: str
    sentence: PolicySentence
    order: int  # position of the sentence over all documents, for a stable order of evidence


def _read(texts: Sequence[Text], lex: Lexicon) -> list[_Said]:
    """Every (category, sentence) the documents say something in, with its stance."""
    out: list[_Said] = []
    order = 0
    limit = lex.limits["sentence_chars"]
    for t in texts:
        text = t.text
        lower = lowercase(text)
        hits = lex.term_pattern.spans(lower)
        if not hits:
            continue
        spans = sentences(text)
        starts = [s for s, _ in spans]
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for hs, he in hits:
            k = bisect.bisect_right(starts, hs) - 1
            if k >= 0 and he <= spans[k][1]:
                by_sentence.setdefault(k, []).append((hs, he))
        for k in sorted(by_sentence):
            s, e = spans[k]
            sentence = text[s:e]
            cues = SentenceCues(lex, lower[s:e])
            per_category: dict[str, tuple[Stance, int, int, str]] = {}
            for hs, he in by_sentence[k]:
                category, term = lex.terms[lower[hs:he]]
                a, b = hs - s, he - s
                if cues.excluded(category, a, b):
                    continue
                stance = cues.stance(a, b)
                held = per_category.get(category)
                if held is None or STANCE_ORDER.index(stance) < STANCE_ORDER.index(held[0]):
                    per_category[category] = (stance, a, b, term)
            for category, (stance, a, b, term) in sorted(per_category.items()):
                quoted = PolicySentence(t.document.path, _quote(sentence, a, b, limit), term, stance)
                out.append(_Said(category, quoted, order))
            order += 1
    return out


def _verdicts(said: Sequence[_Said], lex: Lexicon) -> dict[str, tuple[DisclosureVerdict, tuple[PolicySentence, ...]]]:
    """Per category the text names: its verdict and the sentences behind it, deduplicated across documents."""
    keep = lex.limits["sentences_per_category"]
    grouped: dict[str, list[_Said]] = {}
    for s in said:
        grouped.setdefault(s.category, []).append(s)
    out = {}
    for category, items in grouped.items():
        stances = {s.sentence.stance for s in items}
        if Stance.DISCLOSES in stances:
            verdict = DisclosureVerdict.DISCLOSED
        elif Stance.DENIES in stances:
            verdict = DisclosureVerdict.DENIED
        else:
            verdict = DisclosureVerdict.NOT_MENTIONED
        chosen: list[PolicySentence] = []
        for stance in STANCE_ORDER:
            seen: set[str] = set()
            for s in sorted((s for s in items if s.sentence.stance is stance), key=lambda s: s.order):
                if s.sentence.text not in seen and len(seen) < keep:
                    seen.add(s.sentence.text)
                    chosen.append(s.sentence)
        out[category] = (verdict, tuple(chosen))
    return out


# -- crossing with the code ------------------------------------------------------------------------------


def code_evidence(access: DataAccess | None) -> Evidence | None:
    """The strongest evidence of code reading a category (a read through a system picker does not count)."""
    if access is None:
        return None
    return Evidence.strongest(
        [s.evidence for s in access.sites if s.pattern is not AccessPattern.PICKER and s.library_internal is None]
    )  # nor does a read whose value stays inside a bundled library (issue 14)


def judge(
    texts: Sequence[Text],
    urls: tuple[PolicyUrl, ...],
    data_access: Sequence[DataAccess],
    coverage: Coverage,
    notes: Sequence[str] = (),
) -> Disclosure:
    """The disclosure facts from documents already read: verdicts per category, crossed with the code."""
    lex = compiled()
    documents = tuple(sorted((t.document for t in texts), key=lambda d: d.path))
    if not any(d.chars and d.kind != "other" for d in documents):
        return Disclosure(DisclosureStatus.NO_TEXT, documents, urls, (), tuple(notes))
    said = _verdicts(_read(sorted(texts, key=lambda t: t.document.path), lex), lex)
    accesses = {d.category: d for d in data_access}
    categories = []
    for category in lex.categories:
        verdict, quoted = said.get(category, (DisclosureVerdict.NOT_MENTIONED, ()))
        access = accesses.get(category)
        if access is None and category not in said:
            continue  # neither the text nor the app has anything to do with it
        evidence = code_evidence(access)
        cross = Consistency.judge(verdict, evidence, coverage is Coverage.COMPLETE)
        categories.append(CategoryDisclosure(category, verdict, cross, evidence, quoted))
    return Disclosure(DisclosureStatus.FOUND, documents, urls, tuple(categories), tuple(notes))
