"""What the app says it collects: its bundled privacy policy and user agreement, read against the code evidence.

PIPL Art. 17 requires notice of the kinds of personal information an app processes before it processes them.
Research tools that compare policy text with behaviour (PolicyLint, PoliCheck) parse policies with NLP and
take behaviour from dynamic analysis; this module does the part that a static scan can do in one pass:

1. find the policy texts an APK ships: HTML and text files under assets/ and res/, and long string resources,
   that carry a document cue (隐私政策, privacy policy, 用户协议...); and the URLs of online policies in string
   resources and DEX strings (reported, never fetched);
2. split the text into sentences and judge, per personal-data category, whether a sentence discloses
   collecting it, denies it ("我们不会读取您的通讯录", "we will not access your contacts") or only mentions it,
   with a lexicon of terms, negation cues, collection verbs and cancellers (catalogs/disclosure.yaml, which
   documents the method);
3. cross that verdict with the code evidence (model.Consistency.judge): `undisclosed` (code reads it, the
   text never says so), `contradicted` (the text denies it, code reads it), `disclosed_unused` (the text
   claims it, no code reads it; not judged when part of the code is hidden), `consistent` otherwise.

The APK controls all of this text, so it is read through ApkArchive's inflate caps, files above a size
limit are skipped, scripts and styles are dropped, and the amount of text judged is bounded. An APK with no
policy text at all is `no_text`: that says nothing about what the app discloses, and no category is judged.
A read through a system picker (one contact the user chose) is not counted as the code reading the category.
Only the categories of the lexicon are judged; text hard-coded in DEX is not read.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from apkaudit import catalogs
from apkaudit.apk import ApkArchive
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
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
    PolicyDocument,
    PolicySentence,
    PolicyUrl,
    Stance,
)

KINDS = ("privacy_policy", "user_agreement", "other")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_URL = re.compile(r"https?://[^\s\"'<>()\[\]{}，。、；：！？“”‘’（）《》]+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？；!?;]+|\n+|(?<=[A-Za-z0-9)\"'])\.(?=\s|$)")
_HARD_WRAP = re.compile(r"(?<=[A-Za-z,])[ \t]*\n[ \t]*(?=[a-z])")
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u3000\u200b]+")
_STANCE_ORDER = (Stance.DISCLOSES, Stance.DENIES, Stance.MENTIONS)


def _lower(text: str) -> str:
    """ASCII-only lowering: offsets stay those of the original text."""
    return text.translate(_ASCII_LOWER)


def _is_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not joined to an ASCII letter or digit on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


@dataclass(frozen=True)
class _Phrases:
    """A list of terms or cues, matched as substrings (Chinese) or whole words (Latin script), any case."""

    items: tuple[str, ...]

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.items:
            return None
        ordered = sorted({_lower(i) for i in self.items}, key=lambda t: (-len(t), t))
        return re.compile("|".join(re.escape(t) for t in ordered))

    def spans(self, lower: str) -> list[tuple[int, int]]:
        """(start, end) of each match in already-lowered text."""
        if self._pattern is None:
            return []
        out = []
        for m in self._pattern.finditer(lower):
            if m.group().isascii() and not _is_word(lower, m.start(), m.end()):
                continue
            out.append(m.span())
        return out

    def found(self, lower: str) -> bool:
        if self._pattern is None:
            return False
        m = self._pattern.search(lower)
        while m is not None:
            if not m.group().isascii() or _is_word(lower, m.start(), m.end()):
                return True
            m = self._pattern.search(lower, m.start() + 1)
        return False


@dataclass(frozen=True)
class _Negation:
    cues: _Phrases
    verbs: _Phrases
    cancellers: _Phrases
    breakers: _Phrases
    verb_gap: int
    window: int


@dataclass(frozen=True)
class _Lexicon:
    limits: dict[str, int]
    extensions: tuple[str, ...]
    folders: tuple[str, ...]
    kind_names: dict[str, tuple[str, ...]]
    kind_cues: dict[str, _Phrases]
    url_cues: tuple[str, ...]
    processing: _Phrases
    negations: tuple[_Negation, ...]
    terms: dict[str, tuple[str, str]]  # lowered term -> (category, term as written)
    term_pattern: _Phrases
    excludes: dict[str, _Phrases]  # category -> look-alike phrases that are not the category
    categories: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = catalogs.load("disclosure").data
    docs = data["documents"]
    terms: dict[str, tuple[str, str]] = {}
    excludes = {}
    for category, entry in data["categories"].items():
        phrases: list[str] = []
        for lang, group in entry.items():
            if lang == "source":
                continue
            for t in group["terms"]:
                terms.setdefault(_lower(t), (category, t))
            phrases += group.get("exclude", [])
        excludes[category] = _Phrases(tuple(phrases))
    processing = tuple(p for lang, items in data["processing"].items() if lang != "source" for p in items)
    negations = tuple(
        _Negation(
            _Phrases(tuple(g["cues"])),
            _Phrases(tuple(g["verbs"])),
            _Phrases(tuple(g["cancellers"])),
            _Phrases(tuple(g["breakers"])),
            int(g["verb_gap"]),
            int(g["window"]),
        )
        for lang, g in data["negation"].items()
        if lang != "source"
    )
    return _Lexicon(
        limits={k: int(v) for k, v in data["limits"].items()},
        extensions=tuple(f".{e}" for e in docs["extensions"]),
        folders=tuple(docs["folders"]),
        kind_names={k: tuple(v["names"]) for k, v in docs["kinds"].items()},
        kind_cues={k: _Phrases(tuple(v["cues"])) for k, v in docs["kinds"].items()},
        url_cues=tuple(docs["url_cues"]),
        processing=_Phrases(processing),
        negations=negations,
        terms=terms,
        term_pattern=_Phrases(tuple(terms)),
        excludes=excludes,
        categories=tuple(data["categories"]),
    )


# -- text ------------------------------------------------------------------------------------------------


_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "object", "iframe"})


class _TextParser(HTMLParser):
    """HTML to plain text: block elements become line breaks; scripts, styles and the head are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.heading: list[str] = []
        self._skip: list[str] = []
        self._in_title = False
        self._in_heading = False
        self._heading_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip.append(tag)
        if tag == "title":
            self._in_title = True
        elif tag in ("h1", "h2", "h3") and not self._heading_done:
            self._in_heading = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip and tag == self._skip[-1]:
            self._skip.pop()
        if tag == "title":
            self._in_title = False
        elif tag in ("h1", "h2", "h3") and self._in_heading:
            self._in_heading = False
            self._heading_done = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if self._skip:
            return
        if self._in_heading:
            self.heading.append(data)
        self.parts.append(data)


def html_text(markup: str) -> tuple[str | None, str]:
    """(title, text) of an HTML document: the <title> or first heading, and the visible text."""
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some malformed declarations
        pass
    title = " ".join("".join(parser.title).split()) or " ".join("".join(parser.heading).split()) or None
    return title, normalise("".join(parser.parts))


def normalise(text: str) -> str:
    """Whitespace collapsed within lines, hard-wrapped English lines joined, blank lines dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2019", "'").replace("\u2018", "'")
    text = _SPACES.sub(" ", text)
    text = _HARD_WRAP.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def decode(raw: bytes) -> str:
    """Text of a file of unknown encoding: UTF-8 or UTF-16 by BOM, else UTF-8, else GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", "replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def language(text: str) -> str | None:
    """zh or en from the script of the text (a Chinese character counts as about four Latin letters)."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk >= 10 and cjk * 4 >= latin:
        return "zh"
    if latin >= 20:
        return "en"
    return None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at 。！？；!?; line breaks and English full stops."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# -- documents -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    document: PolicyDocument
    text: str


def _kind(lex: _Lexicon, name: str, title: str, text: str) -> str | None:
    """privacy_policy, user_agreement or other, from the title, then the name, then the text; None: no cue."""
    head = _lower(title)
    for kind in KINDS:
        if lex.kind_cues[kind].found(head):
            return kind
    base = _lower(name.rsplit("/", 1)[-1])
    for kind in KINDS:
        if any(n in base for n in lex.kind_names[kind]):
            return kind
    lower = _lower(text)
    if any(lex.kind_cues[kind].found(lower) for kind in KINDS):
        return "other"
    return None


def _title(lex: _Lexicon, found: str | None, text: str) -> str:
    """The HTML title or first heading, else the first line when it is short enough to be a title."""
    limit = lex.limits["title_chars"]
    if found:
        return found[:limit]
    first = text.split("\n", 1)[0] if text else ""
    return first if len(first) <= limit else ""


def _file_texts(archive: ApkArchive, lex: _Lexicon, notes: list[str]) -> Iterator[_Text]:
    """Policy documents among the HTML and text files under assets/ and res/, policy-like names first."""
    names = [n for n in archive.names if n.startswith(lex.folders) and _lower(n).endswith(lex.extensions)]
    cues = tuple(c for kind in KINDS for c in lex.kind_names[kind])
    ordered = sorted(names, key=lambda n: (not any(c in _lower(n.rsplit("/", 1)[-1]) for c in cues), n))
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
        if _lower(name).endswith((".html", ".htm", ".xhtml")) or "<html" in _lower(markup[:2000]):
            found, text = html_text(markup)
        else:
            found, text = None, normalise(markup)
        title = _title(lex, found, text)
        kind = _kind(lex, name, title, text)
        if kind is not None:
            yield _Text(PolicyDocument(name, kind, language(text), len(text), title or None), text)


def _resource_entries(apk: Any, limit: int) -> list[tuple[str, str, str]]:
    """(name, locale, value) of the string resources of every package and locale, bounded, in file order."""
    out: list[tuple[str, str, str]] = []
    arsc = apk.get_android_resources()
    if arsc is None:
        return out
    arsc._analyse()  # androguard 4.1.4 (pinned): fills arsc.values
    for package in arsc.get_packages_names():
        for locale, kinds in arsc.values.get(package, {}).items():
            for entry in kinds.get("string", ()):
                if len(out) >= limit:
                    return out
                if len(entry) > 1 and isinstance(entry[0], str) and isinstance(entry[1], str):
                    out.append((entry[0], locale.strip("\x00"), entry[1]))
    return out


def _resource_path(name: str, locale: str) -> str:
    return f"@string/{name} [{locale}]" if locale else f"@string/{name}"


def _resource_texts(entries: Sequence[tuple[str, str, str]], lex: _Lexicon) -> Iterator[_Text]:
    """Long string resources whose text carries a document cue (a resource name alone proves nothing)."""
    for name, locale, value in entries:
        if len(value) < lex.limits["resource_min_chars"]:
            continue
        if "<" in value and ">" in value:
            found, text = html_text(value)
        else:
            found, text = None, normalise(value)
        lower = _lower(text)
        if not any(lex.kind_cues[kind].found(lower) for kind in KINDS):
            continue
        title = _title(lex, found, text)
        kind = _kind(lex, name, title, text)
        if kind is not None and len(text) < lex.limits["resource_policy_chars"]:
            kind = "other"  # a consent dialog that names the policy is not the policy
        if kind is not None:
            path = _resource_path(name, locale)
            yield _Text(PolicyDocument(path, kind, language(text), len(text), title or None), text)


# -- URLs ------------------------------------------------------------------------------------------------


def _clean_url(url: str) -> str:
    return url.rstrip(".,;:!?'\"")[:300]


def _policy_urls(
    entries: Sequence[tuple[str, str, str]], dexes: Sequence[DexFile], lex: _Lexicon, notes: list[str]
) -> tuple[PolicyUrl, ...]:
    """URLs of online policies in string resources (by URL or resource name) and in DEX strings (by URL)."""
    found: dict[str, str] = {}
    name_cues = lex.kind_names["privacy_policy"] + lex.kind_names["user_agreement"]

    def policy_like(url: str) -> bool:
        lower = _lower(url)
        return any(c in lower for c in lex.url_cues)

    for name, _locale, value in entries:
        if "://" not in value:
            continue
        named = any(c in _lower(name) for c in name_cues)
        for m in _URL.finditer(value):
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


# -- judging the text ------------------------------------------------------------------------------------


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


def _between(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    return any(lo <= s and e <= hi for s, e in spans)


class _SentenceCues:
    """The cues of one sentence, found once for all the terms in it."""

    def __init__(self, lex: _Lexicon, lower: str) -> None:
        self.lex = lex
        self.lower = lower
        self.cancelled = any(neg.cancellers.found(lower) for neg in lex.negations)
        self.processing = lex.processing.found(lower)
        self.negations = [
            (neg, cues, neg.verbs.spans(lower), neg.breakers.spans(lower))
            for neg in lex.negations
            if (cues := neg.cues.spans(lower))
        ]
        self._excludes: dict[str, list[tuple[int, int]]] = {}

    def excluded(self, category: str, start: int, end: int) -> bool:
        """Whether [start, end) is part of a look-alike phrase (紧急联系人 is not the address book)."""
        if category not in self._excludes:
            self._excludes[category] = self.lex.excludes[category].spans(self.lower)
        return any(xs < end and start < xe for xs, xe in self._excludes[category])

    def stance(self, start: int, end: int) -> Stance:
        """What the sentence says about the term at [start, end): see catalogs/disclosure.yaml for the method."""
        if self.cancelled:
            # "未经您同意，我们不会读取通讯录": collection on a condition is collection
            return Stance.DISCLOSES if self.processing else Stance.MENTIONS
        negated = False
        for neg, cues, verbs, breakers in self.negations:
            for cs, ce in cues:
                if ce <= start and start - ce <= neg.window and not _between(breakers, ce, start):
                    # the negation comes first: "我们不会读取您的通讯录", "we will not access your contacts"
                    if any(ce <= vs <= ce + neg.verb_gap and ve <= start for vs, ve in verbs):
                        return Stance.DENIES
                    negated = True
                elif cs >= end and cs - end <= neg.verb_gap and not _between(breakers, end, cs):
                    # the term comes first: "您的通讯录不会被读取", "your contacts will not be accessed"
                    if any(ce <= vs <= ce + neg.verb_gap for vs, _ in verbs):
                        return Stance.DENIES
                    negated = True
        if negated or not self.processing:
            return Stance.MENTIONS
        return Stance.DISCLOSES


def occurrence_stance(lex: _Lexicon, lower: str, start: int, end: int) -> Stance:
    """What a (lowered) sentence says about the term at [start, end)."""
    return _SentenceCues(lex, lower).stance(start, end)


@dataclass(frozen=True)
class _Said:
    category: str
    sentence: PolicySentence
    order: int  # position of the sentence over all documents, for a stable order of evidence


def _read(texts: Sequence[_Text], lex: _Lexicon) -> list[_Said]:
    """Every (category, sentence) the documents say something in, with its stance."""
    out: list[_Said] = []
    order = 0
    limit = lex.limits["sentence_chars"]
    for t in texts:
        text = t.text
        lower = _lower(text)
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
            cues = _SentenceCues(lex, lower[s:e])
            per_category: dict[str, tuple[Stance, int, int, str]] = {}
            for hs, he in by_sentence[k]:
                category, term = lex.terms[lower[hs:he]]
                a, b = hs - s, he - s
                if cues.excluded(category, a, b):
                    continue
                stance = cues.stance(a, b)
                held = per_category.get(category)
                if held is None or _STANCE_ORDER.index(stance) < _STANCE_ORDER.index(held[0]):
                    per_category[category] = (stance, a, b, term)
            for category, (stance, a, b, term) in sorted(per_category.items()):
                quoted = PolicySentence(t.document.path, _quote(sentence, a, b, limit), term, stance)
                out.append(_Said(category, quoted, order))
            order += 1
    return out


def _verdicts(said: Sequence[_Said], lex: _Lexicon) -> dict[str, tuple[DisclosureVerdict, tuple[PolicySentence, ...]]]:
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
        for stance in _STANCE_ORDER:
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
    texts: Sequence[_Text],
    urls: tuple[PolicyUrl, ...],
    data_access: Sequence[DataAccess],
    coverage: Coverage,
    notes: Sequence[str] = (),
) -> Disclosure:
    """The disclosure facts from documents already read: verdicts per category, crossed with the code."""
    lex = _lexicon()
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


def gather(
    archive: ApkArchive,
    apk: Any,
    dexes: Sequence[DexFile],
    data_access: Sequence[DataAccess],
    coverage: Coverage,
) -> Disclosure:
    """Find the policy texts and URLs in an APK and judge them against the code evidence."""
    lex = _lexicon()
    notes: list[str] = []
    texts = list(_file_texts(archive, lex, notes))
    entries: list[tuple[str, str, str]] = []
    try:
        entries = _resource_entries(apk, lex.limits["resource_strings"])
    except Exception as exc:  # androguard raises many kinds on odd resource tables
        notes.append(f"policy text: string resources could not be read ({type(exc).__name__})")
    texts += list(_resource_texts(entries, lex))
    budget = lex.limits["max_chars"]
    kept = []
    for t in texts:  # in the order found: files with policy-like names first
        if budget <= 0:
            limit = lex.limits["max_chars"]
            notes.append(f"policy text: {t.document.path!r} not judged (the {limit}-character limit was reached)")
            continue
        kept.append(t if len(t.text) <= budget else _Text(t.document, t.text[:budget]))
        budget -= len(t.text)
    urls = _policy_urls(entries, dexes, lex, notes)
    return judge(kept, urls, data_access, coverage, notes)
