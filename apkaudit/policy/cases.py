"""Rule cases: an app described in a few lines, the findings a rule book must give on it, and those it must not.

In the manner of semgrep's `ruleid:` / `ok:` fixtures, every rule of a rule book has cases that make it fire
and cases that must leave it silent, in `cases/<rule book id>.yaml` next to the rule book. They are checked
by the test suite and by `apkaudit policies test`, so that whoever edits a rule book sees at once what a
change does. The schema of a cases file is schemas/policy-cases-v1.json.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from apkaudit import catalogs
from apkaudit.errors import PolicyError
from apkaudit.files import read_regular
from apkaudit.model import (
    AccessPattern,
    Analysis,
    AppCategory,
    AppIdentity,
    CategoryDisclosure,
    Consistency,
    Coverage,
    DataAccess,
    Disclosure,
    DisclosureStatus,
    DisclosureVerdict,
    Evidence,
    Facts,
    Finding,
    Flow,
    NetworkSecurity,
    Permission,
    PolicySentence,
    ServerFacts,
    Severity,
    Site,
    Stance,
)
from apkaudit.policy.evaluate import evaluate
from apkaudit.policy.load import MAX_RULE_BOOK_BYTES, Policy, _keypath, _line, safe_yaml

SCHEMA_ID = "apkaudit/policy-cases/v1"


@dataclass(frozen=True)
class Expectation:
    """A finding a case expects (or expects absent): a rule, and optionally its category, evidence, severity."""

    rule: str
    category: str | None = None
    evidence: Evidence | None = None
    severity: Severity | None = None

    def matches(self, f: Finding) -> bool:
        return (
            f.rule == self.rule
            and (self.category is None or f.category == self.category)
            and (self.evidence is None or f.evidence is self.evidence)
            and (self.severity is None or f.severity is self.severity)
        )

    def __str__(self) -> str:
        levels = (self.evidence.value if self.evidence else None, self.severity.value if self.severity else None)
        details = [x for x in (self.category, *levels) if x]
        return self.rule + (f" ({', '.join(details)})" if details else "")


@dataclass(frozen=True)
class Case:
    description: str
    facts: Facts
    expect: tuple[Expectation, ...]
    expect_absent: tuple[Expectation, ...]
    where: str  # file:line of the case


@dataclass(frozen=True)
class CaseFile:
    path: str
    policy: str  # the rule book id the file says it tests
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class Outcome:
    case: Case
    problems: tuple[str, ...]  # empty when the case passes

    @property
    def passed(self) -> bool:
        return not self.problems


def cases_path(policy: Policy) -> Path:
    """Where a rule book's cases live: cases/<rule book id>.yaml in the rule book's folder."""
    return Path(policy.path).parent / "cases" / f"{policy.ref.id}.yaml"


@functools.lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        resources.files("apkaudit").joinpath("schemas/policy-cases-v1.json").read_text("utf-8")
    )
    return schema


def load_cases(path: str | Path, policy: Policy) -> CaseFile:
    """Read and check a cases file against the rule book it tests; PolicyError names file, line and key."""
    path = Path(path)
    try:
        text = read_regular(path, MAX_RULE_BOOK_BYTES, PolicyError, "cases file").decode("utf-8")
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: not UTF-8 text") from None
    doc = safe_yaml(text, path)  # the rule-book loader's bounds: no alias bombs, duplicate keys or .nan

    def fail(keys: list[Any], message: str) -> PolicyError:
        return PolicyError(f"{path}{_line(text, keys)}: {_keypath(keys)}: {message}")

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(doc), key=lambda e: list(map(str, e.path)))
    if errors:
        err = jsonschema.exceptions.best_match(errors) or errors[0]
        message = err.message if len(err.message) < 160 else err.message[:157] + "..."
        raise fail(list(err.absolute_path), message)
    if doc["policy"] != policy.ref.id:
        raise fail(["policy"], f"these cases are for {doc['policy']!r}, not {policy.ref.id!r}")
    rules = {r.id for r in policy.rules}
    cases = []
    for n, raw in enumerate(doc["cases"]):
        for key in ("expect", "expect_absent"):
            for i, item in enumerate(raw.get(key, [])):
                rule = item if isinstance(item, str) else item["rule"]
                if rule not in rules:
                    raise fail(["cases", n, key, i], f"{rule!r} is not a rule of {policy.ref.id}")
        for category in raw["facts"].get("data", {}):
            if category not in catalogs.CATEGORIES:
                raise fail(["cases", n, "facts", "data", category], f"unknown category {category!r}")
        cases.append(
            Case(
                description=" ".join(raw["description"].split()),
                facts=facts_from(raw["facts"]),
                expect=tuple(_expectation(x) for x in raw.get("expect", [])),
                expect_absent=tuple(_expectation(x) for x in raw.get("expect_absent", [])),
                where=f"{path}{_line(text, ['cases', n])}",
            )
        )
    return CaseFile(str(path), doc["policy"], tuple(cases))


def _expectation(item: str | dict[str, Any]) -> Expectation:
    if isinstance(item, str):
        return Expectation(item)
    return Expectation(
        item["rule"],
        item.get("category"),
        Evidence(item["evidence"]) if "evidence" in item else None,
        Severity(item["severity"]) if "severity" in item else None,
    )


def facts_from(spec: dict[str, Any]) -> Facts:
    """Facts for a case: permissions get their categories from the permissions catalogue, sites are made up."""
    guarded = catalogs.permission_categories()
    names = sorted({p if "." in p else f"android.permission.{p}" for p in spec.get("permissions", [])})
    permissions = tuple(Permission(n, "dangerous", guarded.get(n)) for n in names)
    by_category: dict[str, list[str]] = defaultdict(list)
    for p in permissions:
        if p.category:
            by_category[p.category].append(p.name)
    sites: dict[str, list[Site]] = {}
    sent = 0  # numbers the uploads in the order _servers() reads them
    for category, listed in spec.get("data", {}).items():
        sites[category] = []
        for n, s in enumerate(listed):
            sites[category].append(_site(category, n, s, sent))
            sent += "sent_to" in s
    access = []
    for category in sorted(set(by_category) | set(sites)):
        found = tuple(sites.get(category, ()))
        levels = [s.evidence for s in found] + ([Evidence.DECLARED] if by_category.get(category) else [])
        strongest = Evidence.strongest(levels)
        if strongest is not None:
            access.append(DataAccess(category, strongest, tuple(by_category.get(category, ())), found))
    kind = spec.get("app_category")
    app = AppIdentity(
        path="case.apk",
        sha256="0" * 64,
        package="org.apkaudit.case",
        label="Case",
        version_name=None,
        version_code=None,
        min_sdk=None,
        target_sdk=None,
        signer=None,
        category=AppCategory(kind, "high", 1.0 if kind != "unknown" else 0.0) if kind else None,
    )
    coverage = Coverage(spec.get("coverage", "complete"))
    told = _disclosure(spec["policy_text"], access, coverage) if "policy_text" in spec else None
    where = _servers(spec, tuple(access))
    return Facts(app, permissions, (), tuple(access), analysis=Analysis(coverage), disclosure=told, servers=where)


_CASE_TRUST_ALL = (
    "Lorg/apkaudit/case/TrustAll;->checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V"
)


def _servers(spec: dict[str, Any], access: tuple[DataAccess, ...]) -> ServerFacts | None:
    """Destinations of the transmitted sites, through the same grouping as a real audit (analysis/servers.py)."""
    from apkaudit.analysis import servers

    sent = [(c, s) for c, listed in spec.get("data", {}).items() for s in listed if "sent_to" in s]
    if not sent:
        return None
    countries: dict[str, str] = {}
    trusting: dict[str, set[str]] = {_CASE_TRUST_ALL: set()}
    for n, (_category, s) in enumerate(sent):
        parsed = servers.parse(s["sent_to"].get("endpoint", "")) if s["sent_to"].get("endpoint") else None
        if parsed and "country" in s["sent_to"]:
            countries[parsed.host] = s["sent_to"]["country"]
        if s["sent_to"].get("trust_all"):
            trusting[_CASE_TRUST_ALL].add(f"Lorg/apkaudit/case/Upload;->send{n}()V")
    destinations = servers.destinations(access, NetworkSecurity(), trusting, countries.get)
    return ServerFacts(destinations=destinations)


def _disclosure(spec: str | dict[str, str], access: list[DataAccess], coverage: Coverage) -> Disclosure:
    """The bundled policy of a case: `no_text`, or category -> disclosed | denied | not_mentioned."""
    if isinstance(spec, str):
        return Disclosure(DisclosureStatus.NO_TEXT)
    read = {
        a.category: Evidence.strongest([s.evidence for s in a.sites if s.pattern is not AccessPattern.PICKER])
        for a in access
    }
    stances = {DisclosureVerdict.DISCLOSED: Stance.DISCLOSES, DisclosureVerdict.DENIED: Stance.DENIES}
    categories = []
    for category in sorted(set(spec) | set(read)):
        said = DisclosureVerdict(spec.get(category, "not_mentioned"))
        quoted: tuple[PolicySentence, ...] = ()
        if said in stances:
            quoted = (PolicySentence("case", f"(the policy says: {said.value} {category})", category, stances[said]),)
        cross = Consistency.judge(said, read.get(category), coverage is Coverage.COMPLETE)
        categories.append(CategoryDisclosure(category, said, cross, read.get(category), quoted))
    return Disclosure(DisclosureStatus.FOUND, categories=tuple(categories))


def _site(category: str, n: int, spec: dict[str, Any], sent: int = 0) -> Site:
    method = f"Lorg/apkaudit/case/Reader;->read{category.title().replace('_', '')}{n}()V"
    flows: tuple[Flow, ...] = ()
    if "sent_to" in spec:
        upload = f"Lorg/apkaudit/case/Upload;->send{sent}()V"
        flows = (Flow("case:network", "network", upload, (method, upload), spec["sent_to"].get("endpoint")),)
    entry = None
    if "entry_kind" in spec or "entry_method" in spec:
        entry = f"Lorg/apkaudit/case/Entry;->{spec.get('entry_method', 'onCreate')}()V"
    evidence = Evidence(spec["evidence"])
    return Site(
        method=method,
        api=f"case:{category}",
        owner=spec.get("owner", "first-party"),
        evidence=evidence,
        entry_point=entry,
        entry_kind=spec.get("entry_kind"),
        path=(entry, method) if entry else (),
        pattern=AccessPattern(spec["pattern"]) if "pattern" in spec else None,
        flows=flows,
    )


def run(policy: Policy, cases: CaseFile) -> list[Outcome]:
    """Judge every case's facts under the rule book and compare the findings with the expectations."""
    outcomes = []
    for case in cases.cases:
        findings = evaluate(case.facts, policy).findings
        problems = [f"expected {e}, not found" for e in case.expect if not any(e.matches(f) for f in findings)]
        problems += [
            f"expected no {e}, found {f.rule} ({f.category}, {f.evidence.value}, {f.severity.value})"
            for e in case.expect_absent
            for f in findings
            if e.matches(f)
        ]
        outcomes.append(Outcome(case, tuple(problems)))
    return outcomes


def uncovered(policy: Policy, cases: CaseFile) -> list[str]:
    """Rules no case exercises: a rule that can fire needs a case that expects it; an `allowed` or `necessary`
    rule needs a case that expects it absent."""
    expected = {e.rule for c in cases.cases for e in c.expect}
    absent = {e.rule for c in cases.cases for e in c.expect_absent}
    return [r.id for r in policy.rules if r.id not in (expected if r.fires else absent)]
