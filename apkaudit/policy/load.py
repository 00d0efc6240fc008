"""Loading rule books: find by id or path, parse with safe_load, validate with errors naming file, line and key."""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from apkaudit.catalogs import CATEGORIES
from apkaudit.errors import PolicyError
from apkaudit.model import Citation, Evidence, PolicyRef, Severity


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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read rule book: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
        doc = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PolicyError(f"{path}{where}: YAML syntax error: {problem}") from None
    if not isinstance(doc, dict):
        raise PolicyError(f"{path}: a rule book is a YAML mapping, found {type(doc).__name__}")
    doc = _dates_as_text(doc)
    _validate(doc, text, path)
    return _build(doc, raw, path)


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
    return json.loads(resources.files("apkaudit").joinpath("schemas/policy-v1.json").read_text("utf-8"))


def _validate(doc: dict[str, Any], text: str, path: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: (len(e.absolute_path), list(map(str, e.path))))
    if errors:
        err = jsonschema.exceptions.best_match(errors) or errors[0]
        keys = list(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            keys = keys + [extra[0]] if extra else keys
            message = f"unknown key {extra[0]!r}" if extra else err.message
        elif err.validator == "required":
            message = err.message.replace("is a required property", "is missing")
        else:
            message = err.message if len(err.message) < 160 else err.message[:157] + "..."
        raise PolicyError(f"{path}{_line(text, keys)}: {_keypath(keys)}: {message}")
    instrument_ids = {i["id"] for i in doc["instruments"]}
    seen: set[str] = set()
    for n, rule in enumerate(doc["rules"]):
        where: list[Any] = ["rules", n]
        if rule["id"] in seen:
            raise PolicyError(f"{path}{_line(text, where + ['id'])}: {_keypath(where + ['id'])}: duplicate rule id")
        seen.add(rule["id"])
        if rule["category"] not in CATEGORIES:
            raise PolicyError(
                f"{path}{_line(text, where + ['category'])}: {_keypath(where + ['category'])}: "
                f"unknown category {rule['category']!r} (known: {', '.join(CATEGORIES)})"
            )
        cited: list[tuple[list[Any], dict[str, Any]]] = [(["citation"], rule["citation"])]
        cited += [(["see_also", i], c) for i, c in enumerate(rule.get("see_also", []))]
        for sub, citation in cited:
            if citation["instrument"] not in instrument_ids:
                keys = where + sub + ["instrument"]
                raise PolicyError(
                    f"{path}{_line(text, keys)}: {_keypath(keys)}: "
                    f"{citation['instrument']!r} is not one of the rule book's instruments"
                )
        if rule["verdict"] == "conditional" and "condition" not in rule:
            raise PolicyError(f"{path}{_line(text, where)}: {_keypath(where)}: a conditional rule needs 'condition'")
    grades = [g["min_score"] for g in doc["scoring"]["grades"]]
    if grades != sorted(grades, reverse=True):
        keys = ["scoring", "grades"]
        raise PolicyError(f"{path}{_line(text, keys)}: {_keypath(keys)}: list grades best first")


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


def _build(doc: dict[str, Any], raw: bytes, path: Path) -> Policy:
    s = doc["scoring"]
    scoring = Scoring(
        description=s["description"].strip(),
        start=float(s["start"]),
        evidence_factor={Evidence(k): float(v) for k, v in s["evidence_factor"].items()},
        grades=tuple((g["grade"], float(g["min_score"]), g.get("meaning", "")) for g in s["grades"]),
        severity_caps={Severity(k): v for k, v in s.get("severity_caps", {}).items()},
    )
    instruments = {
        i["id"]: Instrument(
            i["id"],
            i["name"],
            i.get("name_en"),
            _str(i.get("issued")),
            _str(i.get("in_force")),
            i.get("status", "in_force"),
            i.get("url"),
        )
        for i in doc["instruments"]
    }
    rules = []
    for r in doc["rules"]:
        min_evidence = Evidence(r.get("min_evidence", "declared"))
        sev = r["severity"]
        levels = [e for e in Evidence if e.rank >= min_evidence.rank]
        if isinstance(sev, str):
            severity = {e: Severity(sev) for e in levels}
        else:
            severity, current = {}, None
            for e in Evidence:  # a level without its own severity takes the one below it
                current = Severity(sev[e.value]) if e.value in sev else current
                if e in levels and current is not None:
                    severity[e] = current
        rules.append(
            Rule(
                id=r["id"],
                category=r["category"],
                verdict=r["verdict"],
                severity=severity,
                weight=float(r["weight"]),
                min_evidence=min_evidence,
                picker_is_compliant=bool(r.get("picker_is_compliant", True)),
                owner=r.get("owner", "any"),
                message_en=r["message"]["en"].strip(),
                message_zh=_text(r["message"], "zh"),
                condition_en=_text(r.get("condition"), "en"),
                condition_zh=_text(r.get("condition"), "zh"),
                citation=_citation(r["citation"], instruments),
                see_also=tuple(_citation(c, instruments) for c in r.get("see_also", [])),
            )
        )
    ref = PolicyRef(doc["id"], str(doc["version"]), hashlib.sha256(raw).hexdigest(), doc["title"])
    return Policy(
        ref=ref,
        title_zh=doc.get("title_zh"),
        jurisdiction=doc["jurisdiction"],
        applies_to=doc["applies_to"],
        description=doc.get("description", "").strip(),
        instruments=instruments,
        scoring=scoring,
        rules=tuple(rules),
        path=str(path),
    )


def _citation(c: dict[str, Any], instruments: dict[str, Instrument]) -> Citation:
    instrument = instruments[c["instrument"]]
    return Citation(
        instrument=instrument.name,
        article=str(c["article"]),
        quote=c["quote"].strip(),
        gloss=c.get("gloss", "").strip() or None,
        confidence=c["confidence"],
        url=c.get("url") or instrument.url,
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
