"""The typed result model: facts about an app, findings under a rule book, and the report (imports nothing internal)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


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
class AppIdentity:
    """Who the app is: file, package, version, signer."""

    path: str  # the path as the user gave it
    sha256: str  # hex SHA-256 of the APK file
    package: str
    label: str | None  # the launcher label, resolved from resources
    version_name: str | None
    version_code: int | None
    min_sdk: int | None
    target_sdk: int | None
    signer: Signer | None  # None for an unsigned APK


@dataclass(frozen=True)
class Permission:
    """A permission the manifest requests."""

    name: str
    protection_level: str | None  # from AOSP metadata (dangerous, normal, signature...) or the app's own declaration
    category: str | None  # the personal-data category it guards, from the permissions catalogue


@dataclass(frozen=True)
class Component:
    """A manifest component: an entry point the system can start."""

    kind: str  # application | activity | service | receiver | provider | instrumentation
    name: str  # fully qualified class name
    exported: bool
    launcher: bool = False  # the activity that the launcher starts
    actions: tuple[str, ...] = ()  # intent-filter actions, sorted


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
class Analysis:
    """What the analysis could see and what it had to note."""

    coverage: Coverage = Coverage.COMPLETE
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

    def access(self, category: str) -> DataAccess | None:
        return next((d for d in self.data_access if d.category == category), None)


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from, precisely enough for a lawyer to check."""

    instrument: str  # the law, regulation or policy
    article: str
    quote: str  # short quote in the original language
    gloss: str | None = None  # English gloss of the quote
    confidence: str = "verified"  # verified | secondary | unverified
    url: str | None = None


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


@dataclass(frozen=True)
class PolicyRef:
    """Which rule book judged the app."""

    id: str
    version: str
    sha256: str
    title: str


@dataclass(frozen=True)
class Verdict:
    """The judgement of one rule book."""

    policy: PolicyRef
    findings: tuple[Finding, ...]
    score: int  # 0 (worst) to 100
    grade: str  # A-F, or "incomplete" when the app is too opaque to grade
    caveat: str | None = None


@dataclass(frozen=True)
class Report:
    """The audit of one APK: facts plus one verdict per rule book."""

    facts: Facts
    verdicts: tuple[Verdict, ...]
    tool_version: str
