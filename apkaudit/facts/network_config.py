"""Cleartext and trust: android:usesCleartextTraffic, the network security config, the target SDK default.

Android's rules (developer.android.com "Network security configuration"): with a network security config
(API 24+) the manifest attribute is ignored; `base-config` sets the default and each `domain-config` its
domains (`includeSubdomains` for the names below); without a config, `usesCleartextTraffic` decides, and
when that is absent too, cleartext is permitted for an app that targets API 27 or lower and refused from
API 28 on. `trust-anchors` with `<certificates src="user"/>` trust CAs the user (or anyone with the phone)
installed. The file is read through androguard's binary-XML parser from the APK, within the archive's caps.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Any

from apkaudit.apk import ApkArchive
from apkaudit.model import NetworkSecurity

_NS = "{http://schemas.android.com/apk/res/android}"
CLEARTEXT_DEFAULT_UNTIL = 27  # targetSdkVersion up to which cleartext is permitted by default
MAX_DOMAINS = 500  # domain entries read from one config


@dataclass(frozen=True)
class _Rule:
    domain: str
    subdomains: bool
    cleartext: bool | None  # None: inherits the base


def _bool(value: object) -> bool | None:
    text = str(value).strip().lower() if value is not None else ""
    return {"true": True, "false": False}.get(text)


def read(archive: ApkArchive, apk: Any, target_sdk: int | None) -> NetworkSecurity:
    """The app's cleartext policy and trust anchors; a config that cannot be read is noted, never fatal."""
    notes: list[str] = []
    app = None
    try:
        xml = apk.get_android_manifest_xml()
        app = xml.find("application") if xml is not None else None
    except Exception:  # noqa: BLE001 - the manifest was read already; a second failure only loses this fact
        app = None
    attrs = dict(app.attrib) if app is not None else {}
    uses_cleartext = _bool(attrs.get(f"{_NS}usesCleartextTraffic"))
    default = uses_cleartext if uses_cleartext is not None else (target_sdk or 0) <= CLEARTEXT_DEFAULT_UNTIL
    ref = attrs.get(f"{_NS}networkSecurityConfig")
    config = _config_file(apk, str(ref)) if ref else None
    if ref and config is None:
        notes.append(f"android:networkSecurityConfig {str(ref)[:80]} names no readable res/xml file")
    rules: list[_Rule] = []
    user_cas = False
    if config is not None:
        root = _parse(archive, config, notes)
        if root is not None:
            # with a config, the manifest attribute is ignored; a config without base-config keeps the platform
            # default for the target SDK
            default = (target_sdk or 0) <= CLEARTEXT_DEFAULT_UNTIL
            for base in root.iter("base-config"):
                value = _bool(base.get("cleartextTrafficPermitted"))
                if value is not None:
                    default = value
                user_cas |= _user_anchors(base)
            for dc in root.iter("domain-config"):
                value = _bool(dc.get("cleartextTrafficPermitted"))
                user_cas |= _user_anchors(dc)
                for d in dc.iter("domain"):
                    name = (d.text or "").strip().lower()
                    if name and len(rules) < MAX_DOMAINS:
                        rules.append(_Rule(name[:253], _bool(d.get("includeSubdomains")) is True, value))
            if len(rules) >= MAX_DOMAINS:
                notes.append(f"network security config: only the first {MAX_DOMAINS} domains were read")
    return NetworkSecurity(
        target_sdk=target_sdk,
        uses_cleartext_traffic=uses_cleartext,
        config=config,
        cleartext_default=default,
        cleartext_domains=tuple(_label(r) for r in rules if r.cleartext is True),
        tls_domains=tuple(_label(r) for r in rules if r.cleartext is False),
        user_certificates=user_cas,
        notes=tuple(notes),
    )


def _label(rule: _Rule) -> str:
    return ("*." if rule.subdomains else "") + rule.domain


def cleartext_permitted(network: NetworkSecurity, host: str | None) -> bool:
    """Whether the app's configuration lets traffic to `host` go in the clear (the most specific rule wins)."""
    if host is None:
        return network.cleartext_default
    host = host.lower().strip("[]")
    best: tuple[int, bool] | None = None
    for labels, allowed in ((network.cleartext_domains, True), (network.tls_domains, False)):
        for entry in labels:
            subdomains = entry.startswith("*.")
            domain = entry[2:] if subdomains else entry
            exact = host == domain
            if exact or (subdomains and host.endswith("." + domain) and not _is_ip(host)):
                rank = len(domain) + (1 if exact else 0)
                if best is None or rank > best[0]:
                    best = (rank, allowed)
    return best[1] if best is not None else network.cleartext_default


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _user_anchors(element: Any) -> bool:
    return any(
        str(c.get("src", "")).strip().lower() == "user"
        for anchors in element.findall("trust-anchors")
        for c in anchors.findall("certificates")
    )


def _config_file(apk: Any, ref: str) -> str | None:
    """The res/xml path a manifest reference (@7F0F0001 or @xml/name) resolves to, default configuration first."""
    try:
        arsc = apk.get_android_resources()
        if arsc is None:
            return None
        if ref.startswith("@") and not ref.startswith("@xml/"):
            rid = int(ref[1:], 16)
            for _config, value in arsc.get_resolved_res_configs(rid):
                if isinstance(value, str) and value.startswith("res/"):
                    return value
            return None
        if ref.startswith("@xml/"):
            return f"res/xml/{ref[5:]}.xml"
    except Exception:  # noqa: BLE001 - androguard raises many kinds on a malformed table
        return None
    return None


def _parse(archive: ApkArchive, name: str, notes: list[str]) -> Any:
    from androguard.core.axml import AXMLPrinter

    try:
        data = archive.read(name)
    except Exception as exc:  # noqa: BLE001 - over a cap, or a broken entry: the config is unknown
        notes.append(f"{name}: not read ({exc})"[:200])
        return None
    if data is None:
        notes.append(f"{name}: not in the APK")
        return None
    try:
        root = AXMLPrinter(data).get_xml_obj()
    except Exception:  # noqa: BLE001 - androguard's binary-XML parser raises anything on a tampered file
        root = None
    if root is None or root.tag != "network-security-config":
        notes.append(f"{name}: not a network security config androguard can read")
        return None
    return root
