"""The data catalogues shipped with apkaudit (permissions, sources, sinks, SDKs): loading and identity."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from apkaudit import datacache
from apkaudit.errors import CatalogError

CATEGORIES = (
    "contacts",
    "call_log",
    "sms",
    "location",
    "phone_ids",
    "phone_number",
    "installed_apps",
    "accounts",
    "media",
    "camera",
    "microphone",
    "calendar",
    "clipboard",
    "body_sensors",
    "storage",
)


@dataclass(frozen=True)
class Catalog:
    """One catalogue file: its parsed content and the identity recorded in every report."""

    name: str
    version: str
    sha256: str
    data: dict[str, Any]

    @property
    def stamp(self) -> str:
        return f"{self.version} sha256:{self.sha256[:16]}"


@functools.cache
def load(name: str) -> Catalog:
    """Load `<name>.yaml` from this package; its bytes' hash identifies the knowledge that was used."""
    try:
        raw = resources.files(__package__).joinpath(f"{name}.yaml").read_bytes()
    except FileNotFoundError:
        raise CatalogError(f"catalogue {name}.yaml is missing from the installed package") from None
    sha256 = hashlib.sha256(raw).hexdigest()
    try:
        data = datacache.load(sha256, lambda: _parse(raw))  # parsed once, then read back as JSON (datacache.py)
    except yaml.YAMLError as exc:
        raise CatalogError(f"catalogue {name}.yaml: {exc}") from None
    if not isinstance(data, dict) or data.get("catalog") != name or "version" not in data:
        raise CatalogError(f"catalogue {name}.yaml: needs 'catalog: {name}' and 'version'")
    return Catalog(name, str(data["version"]), sha256, data)


def _parse(raw: bytes) -> Any:
    # libyaml's safe loader when PyYAML was built with it: the catalogues are read by every worker
    return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def permission_categories() -> dict[str, str]:
    """Permission name -> personal-data category."""
    entries = load("permissions").data["entries"]
    return {name: entry["category"] for name, entry in entries.items()}
