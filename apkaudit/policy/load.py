"""Loading rule books: find by id or path, parse with safe_load, validate with errors naming file, line and key."""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from apkaudit import catalogs
from apkaudit.catalogs import CATEGORIES
from apkaudit.errors import PolicyError
from apkaudit.files import read_regular
from apkaudit.model import Citation, Complaint, Evidence, InstrumentSource, PolicyRef, Seen, Severity
from apkaudit.policy import sources


@dataclass(frozen=True)
class Instrument:
    """A law, regulation, guideline or platform policy a rule book encodes."""

    id: str
    name: str
    name_en: str | None
    issued: str | None
    in_force: str | None
    status: str
    url: str | None
    note: str | None = None
    source: InstrumentSource | None = None  # issuer, number, kind, official URL and where it was read
    also_at: tuple[str, ...] = ()  # other official copies
    amendments: tuple[dict[str, Any], ...] = ()  # {date, what, number?, url?}


@dataclass(frozen=True)
class Rule:
    """One rule: what a rule book says about one data category."""

    id: str
    category: str
    verdict: str
    severity: dict[Evidence, Severity]  # severity at each evidence level the rule fires on
    weight: float
    min_evidence: Evidence
    picker_is_compliant: bool  # reads that only go through a system picker do not break this rule
    owner: str  # any | first-party | sdk
    message_en: str
    message_zh: str | None
    condition_en: str | None
    condition_zh: str | None
    citation: Citation
    see_also: tuple[Citation, ...]
    categories: tuple[str, ...] = ()  # every category the rule covers (`category` is their display form)
    permissions: tuple[str, ...] = ()  # if given, the rule is about requesting exactly these permissions
    entry_kinds: tuple[str, ...] = ()  # if given, only code reached from these kinds of entry point counts
    entry_methods: tuple[str, ...] = ()  # if given, only code reached from entry methods of these names counts
    max_evidence: Evidence | None = None  # if given, stronger evidence does not break this rule
    disclosure: str | None = None  # if given, the rule is about the bundled policy against the code (model.Consistency)
    destination: str | None = None  # if given, the rule is about where transmitted data goes (cleartext, bare_ip...)
    messages: dict[str, str] = field(default_factory=dict)  # language -> message
    conditions: dict[str, str] = field(default_factory=dict)  # language -> condition
    defined_in: str = ""  # the rule book file that defines the rule (a parent's, when inherited)

    @property
    def fires(self) -> bool:
        """Whether the rule can produce findings: `allowed` and `necessary` rules only document the category."""
        return self.verdict not in ("allowed", "necessary")


@dataclass(frozen=True)
class Scoring:
    description: str
    start: float
    evidence_factor: dict[Evidence, float]
    grades: tuple[tuple[str, float, str], ...]  # (grade, min_score, meaning), best first
    severity_caps: dict[Severity, str]


@dataclass(frozen=True)
class Policy:
    """A validated rule book."""

    ref: PolicyRef
    title_zh: str | None
    jurisdiction: str
    applies_to: str
    description: str
    instruments: dict[str, Instrument]
    scoring: Scoring
    rules: tuple[Rule, ...]
    path: str
    extends: str | None = None  # the rule book this one inherits from, as written in the file
    language: str | None = None  # the second language of its messages
    complaints: tuple[Complaint, ...] = ()
    dropped: tuple[str, ...] = ()  # inherited rules this rule book does not keep
    channels: tuple[dict[str, Any], ...] = ()  # the `complaints` entries as written (id, kind, pack: for packs)


ENTRY_KINDS = (
    "application start",
    "launcher activity",
    "exported activity",
    "activity",
    "background service",
    "content provider",
    "instrumentation",
    "boot receiver",
    "SMS receiver",
    "broadcast receiver",
    "web page",  # a JavaScript bridge or shell plugin (analysis/webshell.py, issue 15)
    "remote web page",
    "web page over plain HTTP",
)
NO_FINDING_VERDICTS = ("allowed", "necessary")


def _policy_dirs() -> list[Path]:
    """Installed wheels carry the rule books inside the package; a source checkout keeps them at the top."""
    dirs = []
    packaged = resources.files("apkaudit").joinpath("policies")
    if packaged.is_dir():
        dirs.append(Path(str(packaged)))
    source = Path(__file__).resolve().parents[2] / "policies"
    if source.is_dir():
        dirs.append(source)
    return dirs


def available() -> dict[str, Path]:
    """Rule book id -> file, for every rule book shipped with apkaudit."""
    found: dict[str, Path] = {}
    for d in _policy_dirs():
        for f in sorted(d.glob("*.yaml")):
            found.setdefault(f.stem, f)
    return found


DEFAULT_POLICY = "cn-pipl-loan"


def resolve(id_or_path: str) -> Path:
    shipped = available()
    if id_or_path in shipped:
        return shipped[id_or_path]
    p = Path(id_or_path)
    if p.suffix in (".yaml", ".yml") or p.exists():
        if not p.is_file():
            raise PolicyError(f"{id_or_path}: rule book file not found")
        return p
    raise PolicyError(f"{id_or_path}: no such rule book (shipped: {', '.join(sorted(shipped)) or 'none'})")


def load(id_or_path: str) -> Policy:
    return _load_path(resolve(id_or_path))


@functools.lru_cache(maxsize=32)
def _load_path(path: Path) -> Policy:
    doc, sha = _document(path, ())
    return _build(doc, sha, path)


def _document(path: Path, chain: tuple[Path, ...]) -> tuple[dict[str, Any], str]:
    """The validated rule book at path with everything it inherits merged in, and its identity hash.

    A rule book without `extends` is identified by the SHA-256 of its bytes; one with `extends` by the
    SHA-256 of its bytes followed by a newline and its parent's identity, so a change to the parent
    changes the child's identity too.
    """
    doc, text, raw = _read(path)
    _validate_schema(doc, text, path)
    for rule in doc.get("rules", []):
        rule["_file"] = str(path)  # where a rule is defined, kept through inheritance (not a rule book key)
    if "extends" not in doc:
        _check(doc, text, path, None)
        return doc, hashlib.sha256(raw).hexdigest()
    parent_path = _parent(doc["extends"], path, text)
    seen = [p.resolve() for p in (*chain, path)]
    if parent_path.resolve() in seen:
        cycle = " -> ".join(str(p) for p in (*chain, path, parent_path))
        raise PolicyError(f"{path}{_line(text, ['extends'])}: extends: cycle of rule books: {cycle}")
    parent, parent_sha = _document(parent_path, (*chain, path))
    _check(doc, text, path, parent)
    merged = _merge(parent, doc, text, path)
    return merged, hashlib.sha256(raw + b"\n" + parent_sha.encode("ascii")).hexdigest()


def _parent(name: str, path: Path, text: str) -> Path:
    """`extends: X`: a file X (or X.yaml) next to the rule book, else the shipped rule book with id X."""
    here = path.parent
    for candidate in (here / name, here / f"{name}.yaml"):
        if candidate.is_file():
            return candidate
    shipped = available()
    if name in shipped:
        return shipped[name]
    raise PolicyError(
        f"{path}{_line(text, ['extends'])}: extends: no rule book {name!r} next to this file or shipped "
        f"(shipped: {', '.join(sorted(shipped)) or 'none'})"
    )


def _merge(parent: dict[str, Any], child: dict[str, Any], text: str, path: Path) -> dict[str, Any]:
    """The child's keys replace the parent's; instruments and rules are merged by id; `drop_rules` removes."""
    merged = {k: v for k, v in parent.items() if k not in ("drop_rules", "extends")}
    for k, v in child.items():
        if k not in ("instruments", "rules", "drop_rules"):
            merged[k] = v
    instruments = {i["id"]: i for i in parent["instruments"]}
    instruments.update({i["id"]: i for i in child.get("instruments", [])})
    merged["instruments"] = list(instruments.values())
    own = {r["id"]: r for r in child.get("rules", [])}
    inherited = [r["id"] for r in parent["rules"]]
    drops = child.get("drop_rules", [])
    for n, rule_id in enumerate(drops):
        keys: list[Any] = ["drop_rules", n]
        if rule_id not in inherited:
            raise PolicyError(
                f"{path}{_line(text, keys)}: {_keypath(keys)}: {rule_id!r} is not a rule of {child['extends']!r}"
            )
        if rule_id in own:
            raise PolicyError(f"{path}{_line(text, keys)}: {_keypath(keys)}: {rule_id!r} is both dropped and redefined")
    rules = [own.get(r["id"], r) for r in parent["rules"] if r["id"] not in drops]
    rules += [r for r in child.get("rules", []) if r["id"] not in inherited]
    if not rules:
        raise PolicyError(f"{path}: drop_rules: no rule is left")
    merged["rules"] = rules
    merged["drop_rules"] = list(drops)
    merged["extends"] = child["extends"]
    return merged


MAX_RULE_BOOK_BYTES = 4 << 20  # a rule book file (the shipped ones are under 100 KiB)
MAX_YAML_NODES = 100_000  # YAML nodes of a rule book with every alias expanded (the shipped ones: under 10,000)
MAX_YAML_DEPTH = 64  # nesting of mappings and lists (the shipped ones: under 10)


class _Refused(yaml.constructor.ConstructorError):
    """What a rule book may not hold, though it is well-formed YAML."""


class _RuleBookLoader(yaml.SafeLoader):
    """safe_load that refuses what a rule book never needs and a hostile one would use.

    A duplicate key is an error (not "last one wins"); so is a non-finite number (.nan, .inf), and a
    document whose aliases expand past MAX_YAML_NODES nodes ("billion laughs") or nest past MAX_YAML_DEPTH.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) or key is None:
                if key in seen:
                    raise _Refused(None, None, f"duplicate key {key!r}", key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise _Refused(None, None, f"{node.value!r} is not a finite number", node.start_mark)
        return value


_RuleBookLoader.add_constructor("tag:yaml.org,2002:float", _RuleBookLoader.construct_yaml_float)


def _bounded(node: yaml.Node | None, path: Path) -> None:
    """Refuse a node graph whose aliases expand past MAX_YAML_NODES nodes or that nests past MAX_YAML_DEPTH."""
    if node is None:
        return
    size: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(node, 0, False)]
    while stack:
        current, depth, expanded = stack.pop()
        if id(current) in size:
            continue
        if depth > MAX_YAML_DEPTH:
            raise PolicyError(f"{path}:{current.start_mark.line + 1}: YAML nested deeper than {MAX_YAML_DEPTH} levels")
        children = _children(current)
        if expanded or not children:
            total = 1 + sum(size.get(id(c), 0) for c in children)
            if total > MAX_YAML_NODES:
                raise PolicyError(f"{path}: YAML aliases expand to over {MAX_YAML_NODES} nodes (refused)")
            size[id(current)] = total
            continue
        stack.append((current, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def safe_yaml(text: str, path: Path) -> Any:
    """A rule book (or cases file) parsed safely; PolicyError naming the file (and line) for anything wrong."""
    loader: _RuleBookLoader | None = None
    try:
        loader = _RuleBookLoader(text)  # the reader checks the characters here already
        node = loader.get_single_node()
        _bounded(node, path)
        return loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        kind = "" if isinstance(exc, _Refused) else "YAML syntax error: "
        raise PolicyError(f"{path}{where}: {kind}{problem}") from None
    except RecursionError:
        raise PolicyError(f"{path}: YAML nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def _read(path: Path) -> tuple[dict[str, Any], str, bytes]:
    """Parse a rule book file with safe_load: (document with dates as text, text, bytes)."""
    raw = read_regular(path, MAX_RULE_BOOK_BYTES, PolicyError, "rule book")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: not UTF-8 text") from None
    doc = safe_yaml(text, path)
    if not isinstance(doc, dict):
        raise PolicyError(f"{path}: a rule book is a YAML mapping, found {type(doc).__name__}")
    return _dates_as_text(doc), text, raw


def _dates_as_text(value: Any) -> Any:
    """YAML reads an unquoted 2021-11-01 as a date; rule books mean the text."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


@functools.lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        resources.files("apkaudit").joinpath("schemas/policy-v1.json").read_text("utf-8")
    )
    return schema


def _validate(doc: dict[str, Any], text: str, path: Path) -> None:
    """Schema and semantic checks of a rule book that extends nothing."""
    _validate_schema(doc, text, path)
    _check(doc, text, path, None)


def _validate_schema(doc: dict[str, Any], text: str, path: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: (len(e.absolute_path), list(map(str, e.path))))
    if errors:
        err = jsonschema.exceptions.best_match(errors) or errors[0]
        # a misspelt key also makes the real key "missing": name the typo, the cause
        err = next(
            (e for e in errors if e.validator == "additionalProperties" and e.absolute_path == err.absolute_path),
            err,
        )
        keys = list(err.absolute_path)
        if err.validator == "additionalProperties":
            patterns = [re.compile(p) for p in err.schema.get("patternProperties", {})]
            named = set(err.schema.get("properties", {}))
            extra = sorted(k for k in set(err.instance) - named if not any(p.search(str(k)) for p in patterns))
            keys = keys + [extra[0]] if extra else keys
            message = f"unknown key {extra[0]!r}" if extra else err.message
        elif err.validator == "required":
            message = err.message.replace("is a required property", "is missing")
        else:
            message = err.message if len(err.message) < 160 else err.message[:157] + "..."
        raise PolicyError(f"{path}{_line(text, keys)}: {_keypath(keys)}: {message}")


def _check(doc: dict[str, Any], text: str, path: Path, parent: dict[str, Any] | None) -> None:
    """What the schema cannot say: known categories and instruments, unique ids, coherent rule conditions."""
    check = _Checker(text, path)
    instruments = list((parent or {}).get("instruments", [])) + list(doc.get("instruments", []))
    instrument_ids = {i["id"] for i in instruments}
    language = doc.get("language", (parent or {}).get("language"))
    applies_to = doc.get("applies_to")
    if applies_to is not None:
        known = ("any", *(c["id"] for c in catalogs.load("app_categories").data["categories"]))
        if applies_to not in known:
            raise check.fail(["applies_to"], f"unknown app category {applies_to!r} (known: {', '.join(known)})")
    seen: set[str] = set()
    for n, rule in enumerate(doc.get("rules", [])):
        where: list[Any] = ["rules", n]
        if rule["id"] in seen:
            raise check.fail(where + ["id"], "duplicate rule id")
        seen.add(rule["id"])
        check.rule_categories(rule, where)
        check.rule_kind(rule, where)
        check.rule_texts(rule, where, language, instrument_ids)
    check.complaints(doc, language)
    for keys, message in sources.problems(doc, doc.get("jurisdiction", (parent or {}).get("jurisdiction"))):
        raise check.fail(keys, message)
    if "scoring" in doc:
        grades = [g["min_score"] for g in doc["scoring"]["grades"]]
        if grades != sorted(grades, reverse=True):
            raise check.fail(["scoring", "grades"], "list grades best first")


class _Checker:
    """The semantic checks of `_check`, section by section; each raises the first problem as a PolicyError."""

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path

    def fail(self, keys: list[Any], message: str) -> PolicyError:
        return PolicyError(f"{self.path}{_line(self.text, keys)}: {_keypath(keys)}: {message}")

    def rule_categories(self, rule: dict[str, Any], where: list[Any]) -> None:
        if ("category" in rule) == ("categories" in rule):
            both = ", not both" if "category" in rule else ""
            raise self.fail(where, "give either 'category' or 'categories'" + both)
        named: list[tuple[list[Any], str]] = [(["category"], rule["category"])] if "category" in rule else []
        named += [(["categories", i], c) for i, c in enumerate(rule.get("categories", []))]
        for sub, category in named:
            if category not in CATEGORIES:
                raise self.fail(where + sub, f"unknown category {category!r} (known: {', '.join(CATEGORIES)})")

    def rule_kind(self, rule: dict[str, Any], where: list[Any]) -> None:
        """Keys that do not fit the kind of rule (permissions, destinations, disclosure), evidence and verdict."""
        if "permissions" in rule:
            if "category" not in rule:
                raise self.fail(
                    where + ["permissions"], "a rule on permissions names one 'category', the data they guard"
                )
            for key in ("entry_kinds", "entry_methods", "max_evidence", "min_evidence", "owner"):
                if key in rule:
                    raise self.fail(where + [key], "a rule on permissions is judged on the manifest alone; remove it")
        if "destination" in rule and ("permissions" in rule or "disclosure" in rule):
            raise self.fail(where + ["destination"], "a rule on destinations is judged on transmitted data alone")
        if "disclosure" in rule and "permissions" in rule:
            raise self.fail(where + ["disclosure"], "a rule on disclosure is judged per category, not on permissions")
        low, high = Evidence(rule.get("min_evidence", "declared")), Evidence(rule.get("max_evidence", "transmitted"))
        if high.rank < low.rank:
            raise self.fail(where + ["max_evidence"], "weaker than min_evidence: the rule could never fire")
        if rule["verdict"] in NO_FINDING_VERDICTS and ("severity" in rule or "weight" in rule):
            key = "severity" if "severity" in rule else "weight"
            raise self.fail(where + [key], f"an {rule['verdict']!r} rule never gives a finding; remove {key!r}")

    def rule_texts(self, rule: dict[str, Any], where: list[Any], language: str | None, instruments: set[str]) -> None:
        """Texts in the rule book's language, citations of its instruments, a condition where one is needed."""
        if language and language != "en":
            texts = [(["message"], rule["message"])]
            texts += [(["condition"], rule["condition"])] if "condition" in rule else []
            for sub, value in texts:
                if language not in value:
                    raise self.fail(where + sub, f"no {language!r} text (the rule book's language)")
        cited: list[tuple[list[Any], dict[str, Any]]] = [(["citation"], rule["citation"])]
        cited += [(["see_also", i], c) for i, c in enumerate(rule.get("see_also", []))]
        for sub, citation in cited:
            if citation["instrument"] not in instruments:
                keys = where + sub + ["instrument"]
                raise self.fail(keys, f"{citation['instrument']!r} is not one of the rule book's instruments")
        if rule["verdict"] == "conditional" and "condition" not in rule:
            raise self.fail(where, "a conditional rule needs 'condition'")

    def complaints(self, doc: dict[str, Any], language: str | None) -> None:
        if language and language != "en":
            for n, complaint in enumerate(doc.get("complaints", [])):
                if language not in complaint["for"]:
                    raise self.fail(["complaints", n, "for"], f"no {language!r} text (the rule book's language)")
        ids = [c["id"] for c in doc.get("complaints", []) if "id" in c]
        for n, complaint in enumerate(doc.get("complaints", [])):
            if "id" in complaint and ids.count(complaint["id"]) > 1:
                raise self.fail(["complaints", n, "id"], f"{complaint['id']!r} names two channels")


def _keypath(keys: list[Any]) -> str:
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "(top level)"


def _line(text: str, keys: list[Any]) -> str:
    """':LINE' of the deepest node on the key path, found in YAML's node tree."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return ""
    line = None
    for key in keys:
        if node is None:
            break
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == str(key):
                    line, nxt = k.start_mark.line, v
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line
        else:
            break
    return f":{line + 1}" if line is not None else ""


def _text(value: dict[str, str] | None, lang: str) -> str | None:
    return value.get(lang) if value else None


def _build(doc: dict[str, Any], sha256: str, path: Path) -> Policy:
    instruments = {i["id"]: _instrument(i) for i in doc["instruments"]}
    rules = tuple(_rule(r, instruments, path) for r in doc["rules"])
    cited = [c.confidence for r in rules for c in (r.citation, *r.see_also)]
    counts = tuple((k, cited.count(k)) for k in ("verified", "secondary", "unverified"))
    ref = PolicyRef(doc["id"], str(doc["version"]), sha256, doc["title"], doc["jurisdiction"], counts)
    return Policy(
        ref=ref,
        title_zh=doc.get("title_zh"),
        jurisdiction=doc["jurisdiction"],
        applies_to=doc["applies_to"],
        description=doc.get("description", "").strip(),
        instruments=instruments,
        scoring=_scoring(doc["scoring"]),
        rules=rules,
        path=str(path),
        extends=doc.get("extends"),
        language=doc.get("language"),
        complaints=tuple(_complaint(c, doc.get("language")) for c in doc.get("complaints", [])),
        dropped=tuple(doc.get("drop_rules", ())),
        channels=tuple(dict(c) for c in doc.get("complaints", [])),
    )


def _scoring(s: dict[str, Any]) -> Scoring:
    return Scoring(
        description=s["description"].strip(),
        start=float(s["start"]),
        evidence_factor={Evidence(k): float(v) for k, v in s["evidence_factor"].items()},
        grades=tuple((g["grade"], float(g["min_score"]), g.get("meaning", "")) for g in s["grades"]),
        severity_caps={Severity(k): v for k, v in s.get("severity_caps", {}).items()},
    )


def _instrument(i: dict[str, Any]) -> Instrument:
    return Instrument(
        i["id"],
        i["name"],
        i.get("name_en"),
        _str(i.get("issued")),
        _str(i.get("in_force")),
        i.get("status", "in_force"),
        i.get("url"),
        i.get("note"),
        _source(i),
        tuple(i.get("also_at", ())),
        tuple(_dates_as_text(a) for a in i.get("amendments", ())),
    )


def _evidence_range(r: dict[str, Any]) -> tuple[Evidence, Evidence | None, dict[Evidence, Severity]]:
    """(min evidence, max evidence, the severity at each level the rule fires at) of a rule."""
    min_evidence = Evidence(r.get("min_evidence", "declared"))
    max_evidence = Evidence(r["max_evidence"]) if "max_evidence" in r else None
    sev = r.get("severity", {})
    if r.get("entry_kinds") or r.get("entry_methods"):  # a path from an entry point is at least reachable
        min_evidence = max(min_evidence, Evidence.REACHABLE, key=lambda e: e.rank)
    if r.get("destination"):  # only data that is sent has a destination
        min_evidence = Evidence.TRANSMITTED
    if r.get("permissions"):  # judged on the manifest alone
        max_evidence = Evidence.DECLARED
    levels = [e for e in Evidence if e.rank >= min_evidence.rank]
    if max_evidence is not None:
        levels = [e for e in levels if e.rank <= max_evidence.rank]
    if isinstance(sev, str):
        return min_evidence, max_evidence, {e: Severity(sev) for e in levels}
    severity: dict[Evidence, Severity] = {}
    current = None
    for e in Evidence:  # a level without its own severity takes the one below it
        current = Severity(sev[e.value]) if e.value in sev else current
        if e in levels and current is not None:
            severity[e] = current
    return min_evidence, max_evidence, severity


def _rule(r: dict[str, Any], instruments: dict[str, Instrument], path: Path) -> Rule:
    min_evidence, max_evidence, severity = _evidence_range(r)
    categories = tuple(r["categories"]) if "categories" in r else (r["category"],)
    return Rule(
        id=r["id"],
        category=", ".join(categories),
        verdict=r["verdict"],
        severity=severity,
        weight=float(r.get("weight", 0)),
        min_evidence=min_evidence,
        picker_is_compliant=bool(r.get("picker_is_compliant", True)),
        owner=r.get("owner", "any"),
        message_en=r["message"]["en"].strip(),
        message_zh=_text(r["message"], "zh"),
        condition_en=_text(r.get("condition"), "en"),
        condition_zh=_text(r.get("condition"), "zh"),
        citation=_citation(r["citation"], instruments),
        see_also=tuple(_citation(c, instruments) for c in r.get("see_also", [])),
        categories=categories,
        permissions=tuple(r.get("permissions", ())),
        entry_kinds=tuple(r.get("entry_kinds", ())),
        entry_methods=tuple(r.get("entry_methods", ())),
        max_evidence=max_evidence,
        disclosure=r.get("disclosure"),
        destination=r.get("destination"),
        messages={lang: " ".join(t.split()) for lang, t in _languages(r["message"])},
        conditions={lang: " ".join(t.split()) for lang, t in _languages(r.get("condition"))},
        defined_in=r.get("_file", str(path)),
    )


def _complaint(c: dict[str, Any], language: str | None) -> Complaint:
    return Complaint(
        name=c["name"],
        name_local=c.get("name_local"),
        conduct=" ".join(c["for"]["en"].split()),
        conduct_local=" ".join(c["for"][language].split()) if language in c["for"] else None,
        phone=c.get("phone"),
        url=c.get("url"),
        email=c.get("email"),
        source=c["source"],
        source_url=c.get("source_url"),
        confidence=c["confidence"],
    )


def _languages(text: dict[str, str] | None) -> list[tuple[str, str]]:
    """(language, text) pairs, English first, then the others in alphabetical order."""
    if not text:
        return []
    return sorted(text.items(), key=lambda kv: (kv[0] != "en", kv[0]))


def _citation(c: dict[str, Any], instruments: dict[str, Instrument]) -> Citation:
    instrument = instruments[c["instrument"]]
    return Citation(
        instrument=instrument.name,
        article=str(c["article"]),
        quote=c["quote"].strip(),
        gloss=c.get("gloss", "").strip() or None,
        confidence=c["confidence"],
        url=c.get("url") or instrument.url,
        source=instrument.source,
        seen_at=_seen(c["seen_at"]) if "seen_at" in c else None,
    )


def _seen(s: dict[str, Any]) -> Seen:
    return Seen(s["name"], s["kind"], s.get("url"), _str(s.get("date")))


def _source(i: dict[str, Any]) -> InstrumentSource:
    return InstrumentSource(
        kind=i["kind"],
        binding=bool(i["binding"]),
        issuer=i["issuer"],
        number=i["number"],
        issued=_str(i.get("issued")),
        in_force=_str(i.get("in_force")),
        status=i["status"],
        url=i.get("url"),
        url_status=i["url_status"],
        seen_at=tuple(_seen(x) for x in i.get("seen_at", ())),
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
