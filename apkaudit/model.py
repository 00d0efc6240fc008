"""The typed result model: facts about an app, findings under a rule book, and the report (imports nothing internal)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal, cast, get_args


class Evidence(str, enum.Enum):
    """How far the evidence for a data category goes, weakest first."""

    DECLARED = "declared"  # a permission that guards it is requested in the manifest
    REFERENCED = "referenced"  # code references the API, field or content URI
    REACHABLE = "reachable"  # a call path leads there from a manifest entry point
    TRANSMITTED = "transmitted"  # the data read reaches a network sink

    @property
    def rank(self) -> int:
        return _EVIDENCE_ORDER.index(self)

    @classmethod
    def strongest(cls, levels: list[Evidence] | tuple[Evidence, ...]) -> Evidence | None:
        return max(levels, key=lambda e: e.rank) if levels else None


_EVIDENCE_ORDER = list(Evidence)


class Severity(str, enum.Enum):
    """How grave a finding is, mildest first."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER = list(Severity)


class Coverage(str, enum.Enum):
    """How much of the app's code the analysis could see."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    OPAQUE = "opaque"


class AccessPattern(str, enum.Enum):
    """How a site reads a provider: the whole table, or only the row the user picked in a system picker."""

    BULK = "bulk"
    PICKER = "picker"


@dataclass(frozen=True)
class Signer:
    """The certificate that signed the APK (first signer of the newest scheme present)."""

    sha256: str  # hex SHA-256 of the DER certificate
    subject: str  # RFC 4514-style subject, e.g. "CN=..., O=..."


@dataclass(frozen=True)
class CategorySignal:
    """One piece of evidence for the kind of app this is (a loan keyword in the label, a credit-scoring SDK...)."""

    signal: str  # label | resource_string | dex_string | sdk | permissions
    value: str  # what was seen: the label, the string (shortened), the SDK id, the permissions
    keyword: str | None = None  # the catalogue keyword it matched
    language: str | None = None  # that keyword's language (ISO 639-1), e.g. zh, en, hi, id, sw, tl, es
    weight: float = 0.0  # what it adds to the category score (catalogs/app_categories.yaml)


@dataclass(frozen=True)
class AppCategory:
    """The kind of app this looks like, decided from its label, strings, SDKs and permissions."""

    id: str  # online_lending | unknown
    confidence: str  # high | medium | low
    score: float  # sum of the signal weights, capped at 1
    evidence: tuple[CategorySignal, ...] = ()


@dataclass(frozen=True)
class BundleMember:
    """One file of an app package (package.py): an APK audited as part of the app, or a file left out."""

    name: str  # its name inside the package, or its file name in a folder of splits
    size: int  # bytes (for a file inside a zip: as its central directory declares)
    role: str  # base | split | skipped (not an APK, or an APK the app does not install) | unreadable
    sha256: str | None = None  # of the APK's bytes; None when it was not read (skipped, unreadable)
    split: str | None = None  # the split's name from its manifest (config.arm64_v8a, a feature's name)
    note: str | None = None  # why it was skipped or could not be read


@dataclass(frozen=True)
class Bundle:
    """The files an app came in when it was not one APK; AppIdentity.sha256 is then the package's identity."""

    format: str  # xapk | apkm | apks | splits (a folder or a list of split APKs)
    members: tuple[BundleMember, ...]


@dataclass(frozen=True)
class AppIdentity:
    """Who the app is: file, package, version, signer."""

    path: str  # the path as the user gave it
    sha256: str  # hex SHA-256 of the APK file (of an app package: see Bundle and package.py)
    package: str
    label: str | None  # the launcher label, resolved from resources
    version_name: str | None
    version_code: int | None
    min_sdk: int | None
    target_sdk: int | None
    signer: Signer | None  # None for an unsigned APK
    icon: str | None = None  # launcher icon as a data: URI (PNG or WebP, checked by magic bytes), if any
    category: AppCategory | None = None  # what kind of app it looks like (facts/category.py); None when not judged
    bundle: Bundle | None = None  # the files of an app package (XAPK, APKM, APKS, split APKs); None for one APK


@dataclass(frozen=True)
class Permission:
    """A permission the manifest requests."""

    name: str
    protection_level: str | None  # from AOSP metadata (dangerous, normal, signature...) or the app's own declaration
    category: str | None  # the personal-data category it guards, from the permissions catalogue


@dataclass(frozen=True)
class Component:
    """A manifest component: an entry point the system can start."""

    kind: ComponentKind
    name: str  # fully qualified class name
    exported: bool
    launcher: bool = False  # the activity that the launcher starts
    actions: tuple[str, ...] = ()  # intent-filter actions, sorted
    enabled: bool = True  # android:enabled="false": the system starts it only once the app enables it
    authorities: tuple[str, ...] = ()  # a provider's android:authorities, sorted


SinkKind = Literal["network", "webview", "sms", "file", "log", "ipc", "native", "reflection"]
ComponentKind = Literal["application", "activity", "service", "receiver", "provider", "instrumentation"]


def sink_kind(value: str) -> SinkKind:
    """A sink kind from catalogue data, checked: an unknown one is a catalogue error, not a new kind."""
    if value not in get_args(SinkKind):
        raise ValueError(f"unknown sink kind {value!r}")
    return cast(SinkKind, value)


def component_kind(value: str) -> ComponentKind:
    """A component kind from a manifest tag, checked."""
    if value not in get_args(ComponentKind):
        raise ValueError(f"unknown component kind {value!r}")
    return cast(ComponentKind, value)


@dataclass(frozen=True)
class Flow:
    """A path by which the data a site reads reaches a sink."""

    sink: str  # smali signature of the sink API (e.g. Lokhttp3/Call;->execute()Lokhttp3/Response;)
    kind: SinkKind  # where the data goes: catalogs/sinks.yaml kinds
    method: str  # smali signature of the method that calls the sink
    path: tuple[str, ...]  # source method ... sink method: methods (and fields) the data passes through
    endpoint: str | None = None  # URL constant the request is built from, when one is in the app
    at: int = 0  # code-unit offset of the sink call within `method`


@dataclass(frozen=True)
class LibraryInternal:
    """Why a read inside a bundled library is no claim about the app: its value never leaves the library."""

    library: str  # the library id (catalogs/libraries.yaml), e.g. androidx
    helper: str  # what reads, in plain words: "AndroidX's night-mode helper"
    why: str  # what the library does with the value, and why it stays there
    opt_in: str | None = None  # what the app would have to call for the read to run; the app does not call it


@dataclass(frozen=True)
class Site:
    """One place in the code that reads personal data."""

    method: str  # smali signature of the method that reads, e.g. Lpkg/Cls;->run()V
    api: str  # smali signature of the source API, field or the URI string it uses
    owner: str  # "first-party" or an SDK id from the SDK catalogue
    evidence: Evidence  # referenced, reachable or transmitted
    entry_point: str | None = None  # smali signature of the entry method the path starts at
    entry_kind: str | None = None  # launcher activity, boot receiver, background service...
    path: tuple[str, ...] = ()  # entry point ... method, smali signatures, shortest found
    path_owners: tuple[str, ...] = ()  # who owns each frame of path: "first-party" or an SDK id
    pattern: AccessPattern | None = None  # bulk read or picker, for provider reads
    note: str | None = None  # how the category was attributed when it was not certain
    flows: tuple[Flow, ...] = ()  # where the data read here goes (network, file, log, SMS, IPC...)
    flow_note: str | None = None  # where the flow search had to stop (native code, reflection), or why it did not
    # follow the value (a handle: sources.yaml `handle`)
    library_internal: LibraryInternal | None = None  # the value stays inside a bundled library: no claim (issue 14)


@dataclass(frozen=True)
class DataAccess:
    """Everything known about one personal-data category in one app."""

    category: str
    evidence: Evidence  # the strongest evidence over the permissions and the sites
    permissions: tuple[str, ...] = ()  # requested permissions that guard this category
    sites: tuple[Site, ...] = ()


@dataclass(frozen=True)
class SdkUse:
    """A third-party SDK whose code is in the app."""

    id: str
    name: str
    vendor: str
    kind: str
    categories: tuple[str, ...] = ()  # categories its own code reads


@dataclass(frozen=True)
class Signal:
    """Something that hides code from a static scan: a packer, run-time code loading, native code, obfuscation.

    kind: packer, obfuscator, anti_analysis, compiler, dynamic_loading, native_code, reflection,
    manifest_mismatch (a class the manifest names is in no DEX) or payload (code shipped as an opaque blob).
    """

    kind: str
    name: str  # what it is: the packer's name ("Jiagu"), the loader API, the missing class...
    detail: str  # how it was found: the APKiD rule, the catalogue entry, the string held, the size
    location: str  # where: a zip entry name, or a smali method signature


@dataclass(frozen=True)
class Analysis:
    """What the analysis could see and what it had to note."""

    coverage: Coverage = Coverage.COMPLETE
    notes: tuple[str, ...] = ()
    signals: tuple[Signal, ...] = ()  # what hides code, sorted by kind, name, location
    packers: tuple[str, ...] = ()  # names of the packers and protectors found, sorted
    visible_share: float | None = None  # estimated share (0..1) of the app's code the scan could see
    dex_bytes: int = 0  # size of the DEX files the installer loads (what the scan read)
    payload_bytes: int = 0  # size of code shipped some other way: encrypted or embedded DEX/JAR blobs
    declared_classes: int = 0  # classes the manifest (and a packer stub) name as the app's own
    missing_classes: tuple[str, ...] = ()  # of those, the ones no DEX in the APK defines, sorted


class DisclosureStatus(str, enum.Enum):
    """Whether any privacy-policy or user-agreement text was found in the APK."""

    FOUND = "found"  # at least one document with text: its silence about a category means something
    NO_TEXT = "no_text"  # none: nothing can be said about what the app discloses (not "discloses nothing")


class Stance(str, enum.Enum):
    """What one sentence of a policy says about collecting a category."""

    DISCLOSES = "discloses"  # says the app collects or may collect it
    DENIES = "denies"  # says the app does not collect it ("we will not access your contacts")
    MENTIONS = "mentions"  # names it, but neither ("we never sell your contacts")


class DisclosureVerdict(str, enum.Enum):
    """What the policy text as a whole says about collecting a category."""

    DISCLOSED = "disclosed"
    DENIED = "denied"
    NOT_MENTIONED = "not_mentioned"


class Consistency(str, enum.Enum):
    """The policy text against the code evidence for one category."""

    CONSISTENT = "consistent"  # disclosed and read, or not claimed and not read
    UNDISCLOSED = "undisclosed"  # code reads it, the policy never says so (PIPL Art. 17)
    DISCLOSED_UNUSED = "disclosed_unused"  # the policy says it may collect it, no code reads it
    CONTRADICTED = "contradicted"  # the policy says it does not collect it, code reads it

    @classmethod
    def judge(cls, said: DisclosureVerdict, read: Evidence | None, code_complete: bool) -> Consistency | None:
        """The text's verdict against the code (`read`: the strongest evidence of code reading the category).

        A claim no code backs cannot be checked when part of the code was hidden: None.
        """
        if read is not None:
            if said is DisclosureVerdict.DISCLOSED:
                return cls.CONSISTENT
            return cls.CONTRADICTED if said is DisclosureVerdict.DENIED else cls.UNDISCLOSED
        if said is DisclosureVerdict.DISCLOSED:
            return cls.DISCLOSED_UNUSED if code_complete else None
        return cls.CONSISTENT


@dataclass(frozen=True)
class PolicySentence:
    """One sentence of a bundled policy that names a personal-data category."""

    document: str  # where it is: a zip entry name, or @string/NAME [locale] for a string resource
    text: str  # the sentence, whitespace collapsed, cut around the term when long
    term: str  # the lexicon term that matched (catalogs/disclosure.yaml)
    stance: Stance


@dataclass(frozen=True)
class PolicyDocument:
    """A privacy policy, user agreement or other data notice shipped inside the APK."""

    path: str  # a zip entry name, or @string/NAME [locale] for a string resource
    kind: str  # privacy_policy | user_agreement | other
    language: str | None  # zh | en, from its script; None when neither
    chars: int  # characters of text after HTML was stripped
    title: str | None = None  # the HTML title, first heading or first line


@dataclass(frozen=True)
class PolicyUrl:
    """The address of an online policy found in the app (never fetched)."""

    url: str
    found_in: str  # @string/NAME, or the DEX file whose strings hold it


@dataclass(frozen=True)
class CategoryDisclosure:
    """What the bundled policy says about one category, and how that compares with the code."""

    category: str
    verdict: DisclosureVerdict
    cross: Consistency | None  # None: cannot be judged (the code could not be seen well enough)
    evidence: Evidence | None = None  # the strongest code evidence (referenced and up); None: no code reads it
    sentences: tuple[PolicySentence, ...] = ()  # the sentences behind the verdict, disclosing and denying first


@dataclass(frozen=True)
class Disclosure:
    """What the app says it collects (its bundled policy text) against what its code does."""

    status: DisclosureStatus
    documents: tuple[PolicyDocument, ...] = ()
    urls: tuple[PolicyUrl, ...] = ()  # online policies, reported and not fetched
    categories: tuple[CategoryDisclosure, ...] = ()  # empty when status is no_text
    notes: tuple[str, ...] = ()  # skipped files, limits reached

    def category(self, name: str) -> CategoryDisclosure | None:
        return next((c for c in self.categories if c.category == name), None)


@dataclass(frozen=True)
class Server:
    """A URL, host name or IP literal found in the app: a server it may talk to (analysis/servers.py)."""

    value: str  # as found: a URL, a bare host name or an IP literal (with its port)
    kind: str  # url | host | ip
    host: str  # lower-case host name or IP literal, no port
    scheme: str | None = None  # http | https | ws | wss; None for a bare host or IP
    port: int | None = None
    domain: str | None = None  # registrable domain (public-suffix list); None for an IP literal or unknown suffix
    ip: bool = False  # the host is an IP literal
    country: str | None = None  # ISO 3166 code of an IP literal, from the --geoip file
    owner: str = "first-party"  # first-party, an SDK id or a library id: who owns the code that uses it
    collector: str | None = None  # SDK id whose collector host this is (catalogs/hosts.yaml)
    found_in: tuple[str, ...] = ()  # classes.dex, @string/NAME, assets/...: where the string is
    used_by: tuple[str, ...] = ()  # smali signatures of the methods that load the string (capped)
    cleartext: bool = False  # http:// or ws:// URL
    cleartext_permitted: bool | None = None  # the network security config lets this host go in the clear


@dataclass(frozen=True)
class Destination:
    """Where transmitted personal data goes: one server (or "built at run time"), what goes there and how."""

    host: str | None  # None: the URL is built at run time (no constant found)
    endpoints: tuple[str, ...] = ()  # the URL constants the flows name
    domain: str | None = None
    ip: bool = False
    country: str | None = None
    owner: str = "first-party"  # who owns the sending code: first-party or an SDK id
    collector: str | None = None  # SDK id whose collector this is
    cleartext: bool = False  # sent over http:// or ws://
    cleartext_permitted: bool | None = None  # the network security config allows cleartext to this host
    trust_all: tuple[str, ...] = ()  # accept-all TrustManager / HostnameVerifier methods on the upload path
    categories: tuple[str, ...] = ()  # what is sent there
    sites: tuple[tuple[str, str, str], ...] = ()  # (category, site method, site api) of the flows


@dataclass(frozen=True)
class NetworkSecurity:
    """What the manifest and network security config say about cleartext and trust (facts/network_config.py)."""

    target_sdk: int | None = None
    uses_cleartext_traffic: bool | None = None  # android:usesCleartextTraffic, when set
    config: str | None = None  # the res/xml file of android:networkSecurityConfig
    cleartext_default: bool = False  # cleartext permitted for a host no domain-config names
    cleartext_domains: tuple[str, ...] = ()  # domain-config entries that permit cleartext ("*." = subdomains)
    tls_domains: tuple[str, ...] = ()  # domain-config entries that forbid it
    user_certificates: bool = False  # some trust-anchors accept user-installed CAs
    trust_all: tuple[str, ...] = ()  # accept-all checkServerTrusted / verify methods in the code
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServerFacts:
    """The server inventory, where the personal data goes, and whether it goes in the clear."""

    servers: tuple[Server, ...] = ()
    total: int = 0  # servers found before the cap
    cap: int = 0  # the most listed
    destinations: tuple[Destination, ...] = ()
    network: NetworkSecurity = field(default_factory=NetworkSecurity)
    ignored: int = 0  # namespace, schema and licence URLs left out (catalogs/hosts.yaml)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class WebPage:
    """A page a web shell loads (analysis/webshell.py, issue 15)."""

    url: str  # as found (a URL, or a path inside the APK for a bundled page)
    found_in: str  # res/xml/config.xml <content src>, assets/apps/X/www/manifest.json launch_path, a method...
    remote: bool  # served from a server (http/https), not from the APK
    cleartext: bool = False  # http://: anyone on the network path can change the page and its script
    cleartext_permitted: bool | None = None  # the network security config lets it load in the clear


@dataclass(frozen=True)
class WebPower:
    """Something a shell lets its page do: a plugin, a manifest permission or a bridge method."""

    name: str  # DCloud permission or Cordova feature name (Contacts, Messaging...), or Class.method of a bridge
    via: str  # dcloud_permission | cordova_plugin | javascript_interface | dcloud_plugin
    says: str  # what it lets the page do, in plain words
    categories: tuple[str, ...] = ()  # the personal-data categories it opens
    declared_in: str = ""  # where the shell grants it (a zip entry, or the class that holds the bridge)
    entries: tuple[str, ...] = ()  # smali signatures of the methods the page calls (bridge / plugin entry points)
    sites: tuple[tuple[str, str, str], ...] = ()  # (category, site method, site api) the page can trigger


@dataclass(frozen=True)
class ScriptCall:
    """A call in bundled JavaScript that uses a power of the shell (plus.contacts, navigator.contacts.find...)."""

    file: str  # zip entry
    line: int
    call: str  # the catalogue's text that matched
    categories: tuple[str, ...] = ()
    excerpt: str = ""  # the line, shortened


@dataclass(frozen=True)
class WebShell:
    """A native shell around a web page or script bundle, and what it lets the page take (issue 15)."""

    runtimes: tuple[str, ...] = ()  # catalogue ids (dcloud, cordova, plain_webview...), most specific first
    names: tuple[str, ...] = ()  # their names
    pages: tuple[WebPage, ...] = ()  # the start page(s)
    trusted: tuple[str, ...] = ()  # origins the shell lets the page navigate to or call the bridge from ("*" = any)
    powers: tuple[WebPower, ...] = ()
    script_calls: tuple[ScriptCall, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facts:
    """What the app is and does. No judgement here: a rule book turns facts into findings."""

    app: AppIdentity
    permissions: tuple[Permission, ...]
    components: tuple[Component, ...]
    data_access: tuple[DataAccess, ...]
    sdks: tuple[SdkUse, ...] = ()
    analysis: Analysis = field(default_factory=Analysis)
    catalogs: tuple[tuple[str, str], ...] = ()  # (catalogue name, "version sha256-prefix") used to produce these facts
    disclosure: Disclosure | None = None  # the bundled privacy policy against the code; None when not gathered
    servers: ServerFacts | None = None  # server inventory and destinations (issue 19); None when not gathered
    webshell: WebShell | None = None  # the web shell and what its page may take (issue 15); None when not a shell

    def access(self, category: str) -> DataAccess | None:
        return next((d for d in self.data_access if d.category == category), None)


@dataclass(frozen=True)
class Seen:
    """A source of record in which a quote's wording was read, when it was not the official page."""

    name: str
    kind: str  # issuer | official_gazette | court | news_agency | newspaper | university | law_firm | legal_publisher
    url: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class InstrumentSource:
    """Where a cited instrument is published by its issuer, and what kind of text it is."""

    kind: str  # law | regulation | departmental_rule | ... (policy-v1.json)
    binding: bool
    issuer: str
    number: str  # the document's own number, or a statement that it has none
    issued: str | None
    in_force: str | None
    status: str
    url: str | None  # the official text, on an issuer's or official law database's site
    url_status: str  # seen | quoted | issuer_site | not_found
    seen_at: tuple[Seen, ...] = ()


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from, precisely enough for a lawyer to check."""

    instrument: str  # the law, regulation or policy
    article: str
    quote: str  # short quote in the original language
    gloss: str | None = None  # English gloss of the quote
    confidence: str = "verified"  # verified | secondary | unverified
    url: str | None = None  # the official text (a deep link if the rule book gives one)
    source: InstrumentSource | None = None
    seen_at: Seen | None = None  # where this quote's wording was read, when not on the official page


@dataclass(frozen=True)
class Finding:
    """One rule that an app breaks, with the evidence behind it."""

    rule: str
    severity: Severity
    category: str
    evidence: Evidence
    message: str
    message_zh: str | None
    citation: Citation
    weight: float
    see_also: tuple[Citation, ...] = ()  # further provisions the same conduct breaks
    sites: tuple[Site, ...] = ()  # the code evidence the finding rests on (empty: manifest only)
    permissions: tuple[str, ...] = ()  # the requested permissions it rests on
    messages: tuple[tuple[str, str], ...] = ()  # (language, message) in every language the rule book gives, en first
    quotes: tuple[PolicySentence, ...] = ()  # for a rule on disclosure: the policy sentences it rests on


@dataclass(frozen=True)
class Complaint:
    """A channel where a person can complain, in the rule book's jurisdiction, about what its findings describe."""

    name: str  # the body or service, in English
    name_local: str | None  # its name in the local language
    conduct: str  # what it takes complaints about, in English
    conduct_local: str | None = None  # the same in the local language
    phone: str | None = None
    url: str | None = None
    email: str | None = None
    source: str = ""  # where the channel was found
    source_url: str | None = None  # the operator's own page that lists the channel
    confidence: str = "unverified"  # verified | secondary | unverified, as for citations


@dataclass(frozen=True)
class PolicyRef:
    """Which rule book judged the app."""

    id: str
    version: str
    sha256: str
    title: str
    jurisdiction: str | None = None  # ISO country code or GLOBAL
    citations: tuple[tuple[str, int], ...] = ()  # (confidence, how many citations of the rule book), best first


@dataclass(frozen=True)
class Verdict:
    """The judgement of one rule book."""

    policy: PolicyRef
    findings: tuple[Finding, ...]
    score: int  # 0 (worst) to 100
    grade: str  # A-F, or "incomplete" when the app is too opaque to grade
    caveat: str | None = None
    warnings: tuple[str, ...] = ()  # e.g. a lending rule book applied to an app that does not look like a lending app
    complaints: tuple[Complaint, ...] = ()  # where to complain in the rule book's jurisdiction


@dataclass(frozen=True)
class Report:
    """The audit of one APK: facts plus one verdict per rule book."""

    facts: Facts
    verdicts: tuple[Verdict, ...]
    tool_version: str
