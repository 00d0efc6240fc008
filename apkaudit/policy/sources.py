"""Which web sites a rule book may link to: the sites of the issuing bodies and official law databases of its
jurisdiction for the authoritative texts and the complaint channels, and sources of record for where a quote's
wording was read.

The lists are data, in policies/sources/official-domains.yaml. policy.load runs `problems` on every rule book
it validates, so a link to a mirror, content farm, SEO page or blog is refused with the file, line and key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from apkaudit.errors import PolicyError

DOMAINS_FILE = "sources/official-domains.yaml"
URL = re.compile(r"https?://[^\s\"'<>()（）；;,，]+", re.IGNORECASE)
# keys whose URLs must be official sites of the rule book's own jurisdiction; a URL anywhere else in a rule book
# (`seen_at`, `note`, `source`, ...) may also be a source of record or another jurisdiction's official site
OFFICIAL_KEYS = ("url", "also_at", "source_url")
SEEN_KINDS = (
    "issuer",
    "regulator",
    "official_gazette",
    "court",
    "news_agency",
    "newspaper",
    "university",
    "law_firm",
    "legal_publisher",
)


@dataclass(frozen=True)
class Domains:
    official: dict[str, tuple[str, ...]]  # jurisdiction -> domains
    record: tuple[str, ...]

    def all_official(self) -> tuple[str, ...]:
        return tuple(d for ds in self.official.values() for d in ds)


def domains_path() -> Path:
    """The list shipped with the rule books: inside the package when installed, else next to them."""
    packaged = resources.files("apkaudit").joinpath("policies").joinpath(DOMAINS_FILE)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "policies" / DOMAINS_FILE


@functools.lru_cache(maxsize=1)
def domains() -> Domains:
    path = domains_path()
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
        official = {str(j): tuple(str(e["domain"]).lower() for e in entries) for j, entries in doc["official"].items()}
        record = tuple(str(e["domain"]).lower() for e in doc["record"])
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise PolicyError(f"{path}: cannot read the list of official domains: {exc}") from None
    return Domains(official, record)


def host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def on(url: str, listed: tuple[str, ...]) -> bool:
    """Whether the URL is http(s) on a listed domain or one of its subdomains."""
    h = host(url)
    return url.lower().startswith(("http://", "https://")) and any(h == d or h.endswith("." + d) for d in listed)


def is_official(url: str | None, jurisdiction: str | None = None) -> bool:
    """Whether a report may link the URL as an official text: on an official site (of the jurisdiction if given)."""
    if not url:
        return False
    d = domains()
    listed = d.official.get(jurisdiction or "", ()) if jurisdiction else d.all_official()
    return on(url, listed)


def is_listed(url: str | None) -> bool:
    """Whether the URL is on an official site of any jurisdiction or a source of record."""
    d = domains()
    return bool(url) and on(str(url), d.all_official() + d.record)


def problems(doc: dict[str, Any], jurisdiction: str | None) -> list[tuple[list[Any], str]]:
    """(key path, message) for each link the rule book may not carry, and each instrument source left unsaid."""
    d = domains()
    sites = _Sites(
        jurisdiction, d.official.get(jurisdiction or "", ()), d.all_official() + d.record, domains_path().name
    )
    found: list[tuple[list[Any], str]] = []

    def walk(value: Any, keys: list[Any]) -> None:
        for string_keys, text in _strings_in(value, keys):
            found.extend((string_keys, msg) for msg in _link_problems(text, string_keys, sites))

    walk({k: v for k, v in doc.items() if k not in ("rules", "instruments", "complaints")}, [])
    for n, instrument in enumerate(doc.get("instruments", [])):
        keys: list[Any] = ["instruments", n]
        if instrument.get("url_status") == "not_found" and "url" in instrument:
            found.append((keys + ["url"], "url_status is not_found: give no url (say where it was looked for in note)"))
        elif instrument.get("url_status") != "not_found" and "url" not in instrument:
            found.append((keys + ["url_status"], "give the official url, or url_status: not_found"))
        walk(instrument, keys)
    for n, complaint in enumerate(doc.get("complaints", [])):
        walk(complaint, ["complaints", n])
    for n, rule in enumerate(doc.get("rules", [])):
        walk(rule, ["rules", n])
    return found


def _strings_in(value: Any, keys: list[Any]) -> Iterator[tuple[list[Any], str]]:
    """Every string in nested dicts and lists, depth first, with its key path."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings_in(v, [*keys, k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings_in(v, [*keys, i])
    elif isinstance(value, str):
        yield keys, value


@dataclass(frozen=True)
class _Sites:
    """The sites a rule book of one jurisdiction may link to, and the file that lists them."""

    jurisdiction: str | None
    own: tuple[str, ...]  # official sites of the jurisdiction
    anywhere: tuple[str, ...]  # official sites of any jurisdiction, and sources of record
    rel: str


def _link_problems(value: str, keys: list[Any], sites: _Sites) -> list[str]:
    """What is wrong with the links in one string: an official-source key needs the jurisdiction's own sites."""
    jurisdiction, own, rel = sites.jurisdiction, sites.own, sites.rel
    named = [k for k in keys if isinstance(k, str)]
    official = bool(named) and named[-1] in OFFICIAL_KEYS and "seen_at" not in named
    if official and not value.lower().startswith(("http://", "https://")):
        return [f"{value!r} is not an http(s) URL"]
    out = []
    for url in URL.findall(value):
        if official and not own:
            out.append(f"no official domains are listed for jurisdiction {jurisdiction!r} in {rel}")
        elif official and not on(url, own):
            out.append(f"{host(url) or url} is not an official site for {jurisdiction} (listed in {rel})")
        elif not official and not on(url, sites.anywhere):
            out.append(f"{host(url) or url} is neither an official site nor a source of record ({rel})")
    return out


KIND_WORDS = {
    "law": "law",
    "regulation": "regulation",
    "departmental_rule": "departmental rule",
    "normative_document": "normative document of a ministry or regulator",
    "circular": "regulator's circular",
    "national_standard": "national standard",
    "guidance": "guidance (not binding)",
    "self_regulatory_convention": "self-regulatory convention",
    "platform_policy": "platform policy",
    "regulator_statement": "regulator's public statement",
}
URL_STATUS_WORDS = {
    "seen": "official text",
    "quoted": "official text (address as cited, page not read)",
    "issuer_site": "issuer's site (the document's own page was not found)",
    "not_found": "no official publication found",
}
SEEN_WORDS = {
    "issuer": "the issuer",
    "regulator": "a regulator",
    "official_gazette": "official gazette",
    "court": "court",
    "news_agency": "news agency",
    "newspaper": "newspaper",
    "university": "university",
    "law_firm": "law firm",
    "legal_publisher": "legal publisher",
}
