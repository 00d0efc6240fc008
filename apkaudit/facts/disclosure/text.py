"""Plain text out of what an APK ships: HTML to text, encodings, normalised spaces, language and sentences."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_SENTENCE_END = re.compile(r"[。！？；!?;]+|\n+|(?<=[A-Za-z0-9)\"'])\.(?=\s|$)")
_HARD_WRAP = re.compile(r"(?<=[A-Za-z,])[ \t]*\n[ \t]*(?=[a-z])")
_SPACE_LIKE = "\t\r\f\v\xa0\u3000\u200b"  # each a space; then runs of spaces collapse into one
_SPACES = re.compile(" {2,}")

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
    for char in _SPACE_LIKE:  # (str.replace, then a pattern that matches only runs: a word list's tab per line
        text = text.replace(char, " ")  # made a substitution per line, 0.11 s for a 2.5-million-character one)
    text = _SPACES.sub(" ", text)
    text = _HARD_WRAP.sub(" ", text)
    return "\n".join(filter(None, map(str.strip, text.split("\n"))))


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
