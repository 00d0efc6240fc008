"""Parsed data files kept between runs as JSON, named by the hash of the bytes they were parsed from.

Every audit process needs the catalogues (apkaudit/catalogs), 220 KB of YAML, and the protection levels of
androguard's AOSP permission tables, 1.5 MB of JSON over twelve API levels. PyYAML parses the catalogues in about
80 ms even with libyaml, as its constructor (implicit types, one Python call per node) is Python, and the
permission tables take 17-30 ms; what the audit keeps of them, as JSON, loads in about 8 ms. A single `apkaudit
audit` is a fresh process, so it paid all of it each time (a twelfth of auditing ApiDemos). The files stay the
source: the cache file is named by the SHA-256 of their bytes, so an edited catalogue is parsed again, and data
JSON cannot hold exactly (dates, keys that are not strings) is never cached.

The cache is `$APKAUDIT_CACHE`, else `$XDG_CACHE_HOME/apkaudit`, else `~/.cache/apkaudit`; `APKAUDIT_CACHE=off`
(or empty) turns it off. Nothing here may fail an audit: a cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_ENV = "APKAUDIT_CACHE"
_OFF = {"", "0", "off", "no", "false"}
_FORMAT = 1  # bumped when what is stored changes


def cache_dir() -> Path | None:
    """Where parsed data is kept, or None when the cache is off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "apkaudit"


def load(sha256: str, parse: Callable[[], Any]) -> Any:
    """`parse()`, or what it gave last time for sources with this SHA-256 (the caller hashes the bytes `parse`
    reads). Errors of `parse` propagate."""
    directory = cache_dir()
    path = directory / "parsed" / f"{sha256}.v{_FORMAT}.json" if directory is not None else None
    if path is not None:
        try:
            return json.loads(path.read_bytes())
        except (OSError, ValueError):  # absent, unreadable or damaged: parsed again, and written again
            pass
    data = parse()
    if path is not None:
        _store(path, data)
    return data


def _store(path: Path, data: Any) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        if json.loads(text) != data:  # e.g. an int key would come back a string: not cached
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)  # atomic: a concurrent reader sees the old file or the whole new one
    except (OSError, TypeError, ValueError):  # a date, a read-only home...: parsed each time instead
        return
