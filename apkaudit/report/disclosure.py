"""Wording about the bundled privacy policy shared by the table and Markdown writers. Plain text: callers escape
(every document name, title, URL and sentence comes from the APK)."""

from __future__ import annotations

from apkaudit.model import (
    AccessPattern,
    CategoryDisclosure,
    Consistency,
    DataAccess,
    Disclosure,
    DisclosureStatus,
    DisclosureVerdict,
    PolicySentence,
    Stance,
)
from apkaudit.report.text import path_line

VERDICT_WORDS = {
    DisclosureVerdict.DISCLOSED: "says it collects it",
    DisclosureVerdict.DENIED: "says it does not collect it",
    DisclosureVerdict.NOT_MENTIONED: "never says it collects it",
}
CROSS_WORDS = {
    Consistency.CONSISTENT: "consistent",
    Consistency.UNDISCLOSED: "UNDISCLOSED: code reads it",
    Consistency.CONTRADICTED: "CONTRADICTED: code reads it",
    Consistency.DISCLOSED_UNUSED: "claimed, no code reads it",
}
KIND_WORDS = {"privacy_policy": "privacy policy", "user_agreement": "user agreement", "other": "notice"}
NO_TEXT = (
    "no privacy policy or user agreement text in the APK: nothing can be said about what the app discloses "
    "(its policy may be online)"
)
_QUOTE_CHARS = 160


def status_line(d: Disclosure) -> str:
    """What was found: the documents, or that there was no text."""
    docs = [
        f"{KIND_WORDS.get(x.kind, x.kind)} {x.path} ({x.language or 'language unknown'}, {x.chars} characters)"
        for x in d.documents
    ]
    if d.status is DisclosureStatus.NO_TEXT:
        return NO_TEXT + (f"; also read: {'; '.join(docs)}" if docs else "")
    return "; ".join(docs)


def quote_line(s: PolicySentence, limit: int = _QUOTE_CHARS) -> str:
    """“sentence” (document), the sentence shortened for a table cell."""
    text = s.text if len(s.text) <= limit else s.text[: limit - 1] + "…"
    return f"“{text}” ({s.document})"


def evidence_sentence(c: CategoryDisclosure) -> PolicySentence | None:
    """The sentence that best shows the verdict: a denial for a contradiction, else the first that decides."""
    wanted = Stance.DENIES if c.verdict is DisclosureVerdict.DENIED else Stance.DISCLOSES
    return next((s for s in c.sentences if s.stance is wanted), None)


def rows(d: Disclosure, accesses: tuple[DataAccess, ...]) -> list[tuple[str, str, str, str, str]]:
    """(data, what the policy says, against the code, the policy sentence, the code path) per judged category."""
    by_category = {a.category: a for a in accesses}
    out = []
    for c in d.categories:
        against = CROSS_WORDS[c.cross] if c.cross else "not judged (part of the code is hidden)"
        if c.evidence is not None:
            against += f" ({c.evidence.value})"
        sentence = evidence_sentence(c)
        access = by_category.get(c.category)
        sites = access.sites if access and c.evidence else ()
        strongest = [s for s in sites if s.evidence is c.evidence and s.pattern is not AccessPattern.PICKER]
        code = path_line(strongest[0]) if strongest else "-"
        out.append((c.category, VERDICT_WORDS[c.verdict], against, quote_line(sentence) if sentence else "-", code))
    return out
