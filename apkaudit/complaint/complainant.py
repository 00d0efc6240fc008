"""The complainant's own details (`--complainant FILE.yaml`): a small YAML file, read with yaml.safe_load, checked.

Example:

    name: Li Ming
    contact: "+86 138 0000 0000, liming@example.org"
    relation: borrower
    date: 2026-03-01
    place: Shenzhen
    harm: >
      From 2026-02-10 my colleagues and relatives received calls ...
    evidence:
      - screenshots of 14 messages
      - recording of a call on 2026-02-12

Every key is optional: what is missing stays a marked blank in the letter. Unknown keys are refused (a typo would
otherwise silently leave a blank the complainant thinks is filled).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from apkaudit.errors import ApkAuditError

MAX_FILE_BYTES = 64 << 10
FIELDS = {"name": 200, "contact": 500, "relation": 200, "date": 40, "place": 200, "harm": 6000, "developer": 300}
FIELDS["store_url"] = 500
LIST_FIELDS = {"evidence": (50, 300)}  # key -> (items, characters per item)


class ComplainantError(ApkAuditError):
    """The --complainant file is not a valid complainant file."""


def load(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise ComplainantError(f"{path}: over {MAX_FILE_BYTES >> 10} KiB, not a complainant file")
        text = p.read_text("utf-8")
    except OSError as exc:
        raise ComplainantError(f"{path}: cannot read file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ComplainantError(f"{path}: not UTF-8 text") from None
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ComplainantError(f"{path}{line}: not valid YAML") from None
    return validate(doc, str(path))


def validate(doc: object, where: str = "complainant") -> dict[str, Any]:
    """The checked details: strings only (a date is written as YYYY-MM-DD), bounded, no unknown key."""
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ComplainantError(f"{where}: expected a mapping of fields ({', '.join(sorted(_known()))})")
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if key not in _known():
            raise ComplainantError(f"{where}: {key!r} is not a field (known: {', '.join(sorted(_known()))})")
        if key in LIST_FIELDS:
            items, chars = LIST_FIELDS[key]
            values = value if isinstance(value, list) else [value]
            if len(values) > items:
                raise ComplainantError(f"{where}: {key}: more than {items} items")
            out[key] = [_text(v, f"{where}: {key}", chars) for v in values if v is not None]
        elif value is not None:
            out[key] = _text(value, f"{where}: {key}", FIELDS[key])
    return out


def _known() -> set[str]:
    return set(FIELDS) | set(LIST_FIELDS)


def _text(value: object, where: str, limit: int) -> str:
    if isinstance(value, (datetime.date, datetime.datetime)):
        value = value.isoformat()
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ComplainantError(f"{where}: expected text")
    text = " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()
    if len(text) > limit:
        raise ComplainantError(f"{where}: longer than {limit} characters")
    return text
