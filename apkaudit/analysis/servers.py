"""Where the data goes: every server an app names, whose it is, and the destinations of its personal data.

The inventory reads, bounded and without decoding the program:

- DEX strings: URLs by prefix look-up in each sorted string table (``strings_with_prefix``), and bare host
  names and IP literals by one regex pass over the DEX bytes for whole ASCII string items; then one
  ``code_users`` scan per DEX names the methods that load each string (their owner: app, SDK, library).
- string resources (androguard's resolved table, default configuration), and
- text assets and bundled web code (assets/, res/raw/; read through ApkArchive, within its caps).

Namespace, schema and licence URLs are left out by catalogs/hosts.yaml (data), which also names the
collector hosts of SDKs. Registrable domains come from the public-suffix list (``publicsuffixlist``, its
bundled snapshot, never fetched). Each `transmitted` flow's endpoint becomes a destination: grouped by host,
with what is sent there, whether it goes in the clear, and any accept-all TrustManager on its way.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from apkaudit import catalogs
from apkaudit.analysis.owners import FIRST_PARTY, owner_of
from apkaudit.apk import ApkArchive
from apkaudit.dex.file import DexFile
from apkaudit.facts import resources
from apkaudit.facts.network_config import cleartext_permitted
from apkaudit.model import DataAccess, Destination, NetworkSecurity, Server, ServerFacts

MAX_SERVERS = 500  # servers listed in a report; the total found is stated
MAX_USERS = 5  # methods named per server
MAX_CANDIDATES = 20_000  # strings looked at per APK before the inventory stops (noted)
MAX_ASSET_FILES = 300
MAX_ASSET_BYTES = 2 << 20  # one text asset
MAX_ASSETS_TOTAL = 24 << 20
UNKNOWN_OWNER = "unknown"  # a string no code loads (resources, assets, or dead strings)

_SCHEMES = ("http://", "https://", "ws://", "wss://")
_URL_IN_TEXT = re.compile(r"""(?:https?|wss?)://[^\s"'<>\\`(){}\[\]]{1,2048}""", re.IGNORECASE)
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+$")
_IP = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?$")
# a whole short ASCII string item: NUL of the previous item, uleb128 length (one byte), the text, NUL; the closing
# NUL is a lookahead, as it is also the opening NUL of the next item (adjacent host names were found every other one)
_ITEM = re.compile(
    rb"\x00([\x07-\x7f])((?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?|[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6})(?=\x00)"
)
_TEXT_ASSET = re.compile(r"^(assets/|res/raw/).*\.(js|mjs|html?|json|xml|txt|properties|conf|cfg|ini|ya?ml)$", re.I)
# a dotted name whose first label is one of these is a Java package or class, not a host (com.foo.bar)
_PACKAGE_ROOTS = frozenset(
    [
        "com",
        "org",
        "net",
        "io",
        "cn",
        "de",
        "fr",
        "uk",
        "us",
        "in",
        "id",
        "ph",
        "ke",
        "ng",
        "android",
        "androidx",
        "java",
        "javax",
        "kotlin",
        "dalvik",
    ]
)
_FILE_EXTENSIONS = frozenset(
    [
        "js",
        "mjs",
        "json",
        "html",
        "htm",
        "xml",
        "txt",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "webp",
        "svg",
        "css",
        "so",
        "dex",
        "jar",
        "apk",
        "zip",
        "gz",
        "mov",
        "mp3",
        "mp4",
        "ttf",
        "otf",
        "db",
        "properties",
        "java",
        "kt",
        "class",
        "sh",
        "bin",
        "dat",
        "log",
        "tmp",
        "bak",
        "yml",
        "yaml",
        "ini",
        "cfg",
        "conf",
        "pdf",
    ]
)


@dataclass(frozen=True)
class HostCatalog:
    not_servers: frozenset[str]
    url_prefixes: tuple[str, ...]
    collectors: dict[str, str]  # host suffix -> SDK id
    bare_host_tlds: frozenset[str]  # a bare dotted name is a host only under these
    special_use_tlds: frozenset[str]  # names under no public suffix that may still be servers (example, test)


@functools.cache
def host_catalog() -> HostCatalog:
    data = catalogs.load("hosts").data
    hosts = frozenset(h.lower() for e in data.get("not_servers", ()) for h in e["hosts"])
    collectors = {h.lower(): e["sdk"] for e in data.get("collectors", ()) for h in e["hosts"]}
    return HostCatalog(
        hosts,
        tuple(data.get("url_prefixes", ())),
        collectors,
        frozenset(data.get("bare_host_tlds", ())),
        frozenset(data.get("special_use_tlds", ())),
    )


def _suffix_match(host: str, table: Iterable[str]) -> str | None:
    parts = host.split(".")
    names = set(table)
    for n in range(len(parts)):
        candidate = ".".join(parts[n:])
        if candidate in names:
            return candidate
    return None


def collector_of(host: str | None) -> str | None:
    """The SDK id whose collector this host is (catalogs/hosts.yaml), or None."""
    if not host:
        return None
    cat = host_catalog()
    hit = _suffix_match(host, cat.collectors)
    return cat.collectors[hit] if hit else None


def ignored(value: str, host: str) -> bool:
    """A namespace, schema or licence URL (or a reserved name): never a server."""
    cat = host_catalog()
    return _suffix_match(host, cat.not_servers) is not None or value.startswith(cat.url_prefixes)


@functools.cache
def _psl() -> Any:
    from publicsuffixlist import PublicSuffixList  # its bundled snapshot: no network

    return PublicSuffixList(accept_unknown=False)


@functools.cache
def _psl_plain() -> Any:
    """The same bundled list without the punycode form of its non-ASCII rules, for names with no IDN label.

    Building the full list costs about 50 ms a process, more than half of it running Python's idna codec
    on every rule to add the xn-- forms of the ~460 non-ASCII ones. A name that is ASCII and has no xn--
    label can only ever meet ASCII rules without xn--, which both lists hold alike (the punycode forms all
    have an xn-- label: tests/analysis/test_servers.py), so it gets the same answer from this one.
    """
    from publicsuffixlist import PSLFILE, PublicSuffixList

    with open(PSLFILE, "rb") as source:
        # the file, not source.read(): a list of its 15,000 lines made and dropped would cost 1.3 MB at the
        # audit's peak (the list is built near the end); line by line the rules are the same
        return PublicSuffixList(source, accept_unknown=False, accept_encoded_idn=False)


def registrable_domain(host: str) -> str | None:
    """example.co.uk for api.example.co.uk; None for an IP literal or a name under no known public suffix."""
    if is_ip(host):
        return None
    host = host.lower()
    psl = _psl_plain() if host.isascii() and "xn--" not in host else _psl()
    try:
        found = psl.privatesuffix(host)
    except Exception:  # noqa: BLE001 - a malformed name (empty label, odd characters) has no registrable domain
        return None
    return str(found) if found else None


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _known_suffix(host: str) -> bool:
    return registrable_domain(host) is not None or host.rsplit(".", 1)[-1] in host_catalog().special_use_tlds


@dataclass(frozen=True)
class Parsed:
    kind: str  # url | host | ip
    host: str
    scheme: str | None
    port: int | None


def parse(value: str) -> Parsed | None:
    """A URL, a bare host name or an IP literal; None when it is neither (or names no host)."""
    value = value.strip()
    if value.lower().startswith(_SCHEMES):
        try:
            parts = urlsplit(value)
            host = (parts.hostname or "").lower()
            port = parts.port
        except ValueError:
            return None
        if not host or not (is_ip(host) or (_HOST.match(host) and _known_suffix(host))):
            return None  # http://javax.xml.transform/feature and the like: identifiers, not servers
        return Parsed("url", host, parts.scheme.lower(), port)
    if _IP.match(value):
        host, _, digits = value.partition(":")
        if not is_ip(host) or host.startswith("0.") or host in ("0.0.0.0", "255.255.255.255"):
            return None
        return Parsed("ip", host, None, int(digits) if digits and int(digits) < 65536 else None)
    if _HOST.match(value) and len(value) <= 253:
        labels = value.split(".")
        if labels[0] in _PACKAGE_ROOTS or labels[-1] in _FILE_EXTENSIONS or registrable_domain(value) is None:
            return None
        if labels[-1] not in host_catalog().bare_host_tlds:
            return None
        return Parsed("host", value, None, None)
    return None


@dataclass
class _Entry:
    value: str
    parsed: Parsed
    found_in: set[str] = field(default_factory=set)
    users: set[str] = field(default_factory=set)


class Inventory:
    """Servers by value, as found; `ignored` counts the namespace/schema/licence URLs left out."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        self.ignored = 0
        self.seen = 0
        self.notes: list[str] = []

    def add(self, value: str, where: str, users: Iterable[str] = ()) -> bool:
        """Add a candidate string; False once the candidate budget is spent."""
        if self.seen >= MAX_CANDIDATES:
            return False
        self.seen += 1
        value = value.strip()  # kept whole: the JSON report stores a long string once
        parsed = parse(value)
        if parsed is None:
            return True
        if ignored(value, parsed.host):
            self.ignored += 1
            return True
        entry = self.entries.setdefault(value, _Entry(value, parsed))
        entry.found_in.add(where)
        entry.users.update(users)
        return True


def scan_dex(dexes: Sequence[DexFile], inventory: Inventory) -> None:
    """URLs, host names and IP literals in the DEX string tables, with the methods that load them."""
    for dex in dexes:
        indices: set[int] = set()
        for scheme in _SCHEMES:
            indices.update(dex.strings_with_prefix(scheme))
            indices.update(dex.strings_with_prefix(scheme.upper()))
        start, stop = dex.string_data_span()
        # a string item's bytes: the NUL that ends the item before it, its length, its text and its own NUL
        for m in _ITEM.finditer(dex.data, max(start - 1, 0), stop):
            text = m.group(2).decode("ascii")
            if ord(m.group(1)) == len(text):
                idx = dex.find_string(text)
                if idx is not None:
                    indices.add(idx)
        if len(indices) > MAX_CANDIDATES:
            inventory.notes.append(f"{dex.name}: {len(indices)} candidate strings, only {MAX_CANDIDATES} read")
            indices = set(sorted(indices)[:MAX_CANDIDATES])
        if not indices:
            continue
        wanted = {i for i in indices if parse(dex.string(i)) is not None}
        users: dict[int, set[str]] = defaultdict(set)
        for code_off, insns in dex.code_users(strings=wanted).items() if wanted else ():
            names = dex.signatures_at(code_off)
            for insn in insns:
                if insn.index is not None:
                    users[insn.index].update(names)
        for i in sorted(indices):
            if not inventory.add(dex.string(i), dex.name, users.get(i, ())):
                inventory.notes.append("server inventory stopped at its candidate budget")
                return


def scan_resources(apk: Any, inventory: Inventory) -> None:
    """String resources (default configuration) that are a URL, a host name or an IP literal."""
    try:
        found = [(rid, value) for rid, value in resources.default_strings(apk) if parse(value) is not None]
    except Exception:  # noqa: BLE001 - androguard raises many kinds on a malformed table
        return
    for rid, value in found:
        inventory.add(value, resources.resource_name(apk, rid))


def scan_assets(archive: ApkArchive, inventory: Inventory) -> None:
    """URLs in text assets and bundled web code (assets/, res/raw/), within the archive's caps."""
    names = [n for n in archive.names if _TEXT_ASSET.match(n)]
    if len(names) > MAX_ASSET_FILES:
        inventory.notes.append(f"{len(names)} text assets: only the first {MAX_ASSET_FILES} read for servers")
        names = names[:MAX_ASSET_FILES]

    def skipped(name: str, size: int) -> str:
        return f"{name}: {size} bytes, past the asset budget: not read for servers"[:200]

    for name, text in archive.read_texts(names, MAX_ASSET_BYTES, MAX_ASSETS_TOTAL, skipped, inventory.notes):
        for m in _URL_IN_TEXT.finditer(text):
            if not inventory.add(m.group(0).rstrip(".,;:"), name):
                return


def _owner(users: Iterable[str]) -> str:
    owners = Counter(owner_of(u) for u in users)
    if not owners:
        return UNKNOWN_OWNER
    return sorted(owners.items(), key=lambda kv: (-kv[1], kv[0] != FIRST_PARTY, kv[0]))[0][0]


def _server(entry: _Entry, network: NetworkSecurity, country: Callable[[str], str | None] | None) -> Server:
    p = entry.parsed
    ip = is_ip(p.host)
    clear = p.scheme in ("http", "ws")
    return Server(
        value=entry.value,
        kind=p.kind,
        host=p.host,
        scheme=p.scheme,
        port=p.port,
        domain=registrable_domain(p.host),
        ip=ip,
        country=country(p.host) if (ip and country) else None,
        owner=_owner(entry.users),
        collector=collector_of(p.host),
        found_in=tuple(sorted(entry.found_in)),
        used_by=tuple(sorted(entry.users)[:MAX_USERS]),
        cleartext=clear,
        cleartext_permitted=cleartext_permitted(network, p.host) if p.scheme in ("http", "ws", None) else None,
    )


# ------------------------------------------------------------------------------- accept-all TLS checks

_CHECK_SERVER = "([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V"
_VERIFY = "(Ljava/lang/String;Ljavax/net/ssl/SSLSession;)Z"


def trust_all(dexes: Sequence[DexFile]) -> dict[str, set[str]]:
    """{accept-all method: methods that instantiate its class}: checkServerTrusted that returns at once,
    HostnameVerifier.verify that returns true."""
    found: dict[str, set[str]] = {}
    for dex in dexes:
        for name, proto in (("checkServerTrusted", _CHECK_SERVER), ("verify", _VERIFY)):
            for m in dex.find_methods_named(name):
                ref = dex.method_ref(m)
                if ref.proto != proto:
                    continue
                code_off = _code_off(dex, ref.class_name, m)
                if code_off and _accepts_all(dex, code_off, name == "verify"):
                    found[ref.signature] = set()
    for dex in dexes:
        types = {}
        for sig in found:
            t = dex.find_type(sig.partition("->")[0])
            if t is not None:
                types[t] = sig
        if not types:
            continue
        for code_off, insns in dex.code_users(types=types).items():
            names = dex.signatures_at(code_off)
            for insn in insns:
                if insn.index in types:
                    found[types[insn.index]].update(names)
    return found


def _code_off(dex: DexFile, class_name: str, method_idx: int) -> int:
    cdef = dex.class_by_name(class_name)
    if cdef is None:
        return 0
    return next((m.code_off for m in dex.methods_of(cdef.index) if m.method_idx == method_idx), 0)


def _accepts_all(dex: DexFile, code_off: int, returns_true: bool) -> bool:
    data = dex.data
    if code_off + 16 > len(data):
        return False
    size = int.from_bytes(data[code_off + 12 : code_off + 16], "little")
    insns = data[code_off + 16 : code_off + 16 + 2 * size]
    if not returns_true:
        return size == 1 and insns[0] == 0x0E  # return-void
    # const/4 vA, #1 ; return vA
    return size == 2 and insns[0] == 0x12 and insns[1] >> 4 == 1 and insns[2] == 0x0F and insns[3] == insns[1] & 0xF


# ------------------------------------------------------------------------------- destinations

_TRANSMITTING = ("network", "webview")


def destinations(
    accesses: Sequence[DataAccess],
    network: NetworkSecurity,
    trusting: dict[str, set[str]],
    country: Callable[[str], str | None] | None = None,
) -> tuple[Destination, ...]:
    """Transmitted flows grouped by where they go: the endpoint's host (or "built at run time") and scheme."""
    groups: dict[tuple[str | None, bool, str], dict[str, Any]] = {}
    for access in accesses:
        for site in access.sites:
            for flow in site.flows:
                if flow.kind not in _TRANSMITTING:
                    continue
                parsed = parse(flow.endpoint) if flow.endpoint else None
                host = parsed.host if parsed else None
                clear = bool(parsed and parsed.scheme in ("http", "ws"))
                key = (host, clear, site.owner)
                g = groups.setdefault(key, {"endpoints": set(), "categories": set(), "sites": set(), "trust": set()})
                if flow.endpoint:
                    g["endpoints"].add(flow.endpoint)
                g["categories"].add(access.category)
                g["sites"].add((access.category, site.method, site.api))
                on_path = {site.method, flow.method, *flow.path, *site.path}
                g["trust"].update(m for m, users in trusting.items() if users & on_path)
    out = []
    for (host, clear, owner), g in groups.items():
        ip = bool(host and is_ip(host))
        out.append(
            Destination(
                host=host,
                endpoints=tuple(sorted(g["endpoints"])),
                domain=registrable_domain(host) if host else None,
                ip=ip,
                country=country(host) if (host and ip and country) else None,
                owner=owner,
                collector=collector_of(host),
                cleartext=clear,
                cleartext_permitted=cleartext_permitted(network, host),
                trust_all=tuple(sorted(g["trust"])),
                categories=tuple(sorted(g["categories"])),
                sites=tuple(sorted(g["sites"])),
            )
        )
    out.sort(key=lambda d: (d.host is None, d.host or "", not d.cleartext, d.owner))
    return tuple(out)


def gather(
    archive: ApkArchive,
    apk: Any,
    dexes: Sequence[DexFile],
    accesses: Sequence[DataAccess],
    network: NetworkSecurity,
    country: Callable[[str], str | None] | None = None,
) -> ServerFacts:
    """The server inventory and the destinations of the personal data the code sends."""
    inventory = Inventory()
    scan_dex(dexes, inventory)
    scan_resources(apk, inventory)
    scan_assets(archive, inventory)
    trusting = trust_all(dexes)
    network = NetworkSecurity(**{**network.__dict__, "trust_all": tuple(sorted(trusting))})
    servers = [_server(e, network, country) for e in inventory.entries.values()]
    # what a reader needs first: collectors and bare IPs, cleartext, then by host
    servers.sort(
        key=lambda s: (s.collector is None and not s.ip, not s.cleartext, s.owner == UNKNOWN_OWNER, s.host, s.value)
    )
    notes = list(dict.fromkeys(inventory.notes))
    if len(servers) > MAX_SERVERS:
        notes.append(f"{len(servers)} servers found: the first {MAX_SERVERS} are listed")
    return ServerFacts(
        servers=tuple(servers[:MAX_SERVERS]),
        total=len(servers),
        cap=MAX_SERVERS,
        destinations=destinations(accesses, network, trusting, country),
        network=network,
        ignored=inventory.ignored,
        notes=tuple(notes),
    )
