"""Manifest facts: identity, signer, requested permissions and components, read through androguard."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from androguard.core import api_specific_resources
from androguard.core.api_specific_resources import load_permissions
from androguard.core.apk import APK, get_certificate_name_string
from androguard.core.axml import ARSCParser
from androguard.core.resources import public
from loguru import logger

from apkaudit import catalogs, datacache
from apkaudit.apk import MANIFEST, ApkArchive, BoundedZip
from apkaudit.errors import ApkAuditError, BadApkError
from apkaudit.facts import resources, restable
from apkaudit.facts.icon import read_icon
from apkaudit.files import hash_file
from apkaudit.model import AppIdentity, Component, Permission, Signer, component_kind

# androguard logs every parse step through loguru; a user of apkaudit sees our messages only.
logger.disable("androguard")


class _Unheard:
    """Stands for loguru's logger in the androguard modules that parse an APK's manifest and resources (and
    read AOSP's permission tables).

    Disabled, loguru still looks up the caller's frame and module before dropping a message, and androguard's
    binary XML parsers log several per element: 26,000 calls and 25 ms of a 250 ms manifest-and-resources parse
    on ApiDemos. What they would log is dropped either way (logger.disable above).
    """

    def _drop(self, *args: object, **kwargs: object) -> None:
        return None

    trace = debug = info = success = warning = error = critical = exception = log = _drop


def _unheard_androguard() -> None:
    from androguard.core import apk, axml

    # androguard 4.1.4 (pinned): each binds loguru's logger as a module global
    for module in (api_specific_resources, apk, axml):
        if getattr(module, "logger", None) is logger:
            module.logger = _Unheard()


_unheard_androguard()


def _drop_public_dom() -> None:
    """Free the DOM androguard keeps of its public.xml (androguard 4.1.4, pinned).

    androguard.core.resources.public parses public.xml with minidom at import, builds its id tables from it
    (SYSTEM_RESOURCES, all androguard uses) and keeps the whole document as the module global `_xml`: some
    20,000 nodes, about 5 MB, for the life of the process. Unlinked (minidom nodes point at their parents),
    the memory is free for the audit: its peak on a small app drops by about that much.
    """
    dom = getattr(public, "_xml", None)
    if dom is not None:
        dom.unlink()
        del public._xml
    if hasattr(public, "element"):  # the loop variable of the same import-time loop: the DOM's last node
        del public.element


_drop_public_dom()

_NS = "{http://schemas.android.com/apk/res/android}"
MAX_LABEL = 1_000  # characters of the app label kept; an app may make it megabytes long
_COMPONENT_TAGS = ("activity", "activity-alias", "service", "receiver", "provider")
_AOSP_LEVELS = (36, 35, 34, 33, 30, 29, 28, 26, 23, 21, 19, 16)


@dataclass(frozen=True)
class ManifestFacts:
    """What the manifest says, plus the androguard handle other fact extractors may reuse."""

    app: AppIdentity
    permissions: tuple[Permission, ...]
    components: tuple[Component, ...]
    application_class: str | None


@functools.lru_cache(maxsize=1)
def _aosp_protection_levels() -> dict[str, str]:
    """Permission -> protection level, newest API level first so removed permissions still resolve. Kept as JSON
    between runs (apkaudit/datacache.py), named by the hash of androguard's table files it comes from."""
    tables = Path(api_specific_resources.__file__).parent / "aosp_permissions"
    digest = hashlib.sha256()
    for api in _AOSP_LEVELS:
        digest.update(b"%d:" % api)
        _hash_file(digest, tables / f"permissions_{api}.json")
    levels = datacache.load(digest.hexdigest(), _read_aosp_levels)
    return {str(k): str(v) for k, v in levels.items()} if isinstance(levels, dict) else _read_aosp_levels()


def _hash_file(digest: Any, path: Path) -> None:
    try:
        hash_file(digest, path)
    except OSError:  # load_permissions falls back to the nearest level it has
        digest.update(b"-")


def _read_aosp_levels() -> dict[str, str]:
    levels: dict[str, str] = {}
    for api in reversed(_AOSP_LEVELS):
        for name, info in load_permissions(api).items():
            if info.get("protectionLevel"):
                levels[name] = str(info["protectionLevel"])
    return levels


_EMPTY_ZIP = b"PK\x05\x06" + bytes(18)  # an end-of-central-directory record and nothing else
_ARSC = "resources.arsc"


class _AuditedApk(APK):  # type: ignore[misc]  # androguard ships no type information
    """androguard's APK, whose resource table is read by facts/restable.py where that gives androguard's answers."""

    def get_android_resources(self) -> Any:
        # APK.get_android_resources (androguard 4.1.4, pinned), with the same read, at the same moment and with
        # the same failures; androguard's ARSCParser reads what restable leaves to it
        try:
            return self.arsc[_ARSC]
        except KeyError:
            if _ARSC not in self.zip.namelist():
                return None
            raw = self.zip.read(_ARSC)
            self.arsc[_ARSC] = restable.parse(raw) or ARSCParser(raw)
            return self.arsc[_ARSC]


def open_androguard(archive: ApkArchive) -> APK:
    """Hand androguard an APK whose every entry read goes through our inflate caps."""
    # APK() parses the zip it is given with apkInspector and hashes it, both of which ApkArchive has done (about
    # 30 ms on a 6 MB APK, 1.5 s on a 300 MB one): it is given an empty zip, then the archive's bytes, digest
    # and parse, which is what it would hold (androguard 4.1.4, pinned; tests/facts/test_manifest.py)
    apk = _AuditedApk(_EMPTY_ZIP, raw=True, skip_analysis=True)
    apk._APK__raw = archive.data  # what get_raw() and the signing-block readers read
    apk._sha256 = archive.sha256
    apk.filename = f"raw_apk_sha256:{archive.sha256}"
    apk.zip = BoundedZip(archive)
    # _apk_analysis is the manifest pass APK() runs when skip_analysis is False (androguard 4.1.4, pinned);
    # we run it ourselves so that it reads through BoundedZip.
    archive.read(MANIFEST, required=True)
    try:
        apk._apk_analysis()
        xml = apk.get_android_manifest_xml()
    except ApkAuditError:
        raise
    except Exception as exc:  # androguard's AXML parser raises anything on a tampered manifest (found by fuzzing)
        problem = " ".join(str(exc).split())[:200]
        raise BadApkError(f"{archive.path}: {MANIFEST} cannot be decoded ({type(exc).__name__}: {problem})") from None
    if xml is None or xml.tag != "manifest" or not apk.get_package():
        raise BadApkError(f"{archive.path}: {MANIFEST} cannot be decoded (not valid binary XML with a package)")
    return apk


def read_manifest(archive: ApkArchive, apk: APK) -> ManifestFacts:
    app = AppIdentity(
        path=archive.path,
        sha256=archive.sha256,
        package=apk.get_package(),
        label=_label(apk, archive),
        version_name=apk.get_androidversion_name() or None,
        version_code=_int(apk.get_androidversion_code()),
        min_sdk=_int(apk.get_min_sdk_version()),
        target_sdk=_int(apk.get_target_sdk_version()),
        signer=_signer(apk, archive),
        icon=read_icon(apk, archive),
    )
    xml = apk.get_android_manifest_xml()
    application = xml.find("application")
    app_class = None
    if application is not None and application.get(_NS + "name"):
        app_class = apk._format_value(application.get(_NS + "name"))
    return ManifestFacts(app, _permissions(apk), _components(apk, xml, app_class, app.target_sdk), app_class)


def _int(value: Any) -> int | None:
    try:
        return int(str(value), 0)
    except (TypeError, ValueError):
        return None


def _label(apk: APK, archive: ApkArchive) -> str | None:
    """The app's label, at most MAX_LABEL characters: a longer one is cut, with a note saying so."""
    try:
        label = str(apk.get_app_name() or "")
        if not label:  # androguard gives "" for a pool string too long for its length field
            reference = apk.get_attribute_value("application", "label") or ""
            label = resources.raw_string_prefix(apk, reference, MAX_LABEL + 1) or ""
    except Exception as exc:  # androguard raises many kinds on odd resource tables
        archive.notes.append(f"app label could not be resolved from resources ({type(exc).__name__})")
        return None
    if len(label) > MAX_LABEL:
        archive.notes.append(f"app label is longer than {MAX_LABEL} characters: only its first {MAX_LABEL} are kept")
        return label[:MAX_LABEL]
    return label or None


def _signer(apk: APK, archive: ApkArchive) -> Signer | None:
    """The first certificate of the newest signature scheme present."""
    try:
        ders = apk.get_certificates_der_v3() or apk.get_certificates_der_v2()
        if ders:
            der = ders[0]
            from asn1crypto import x509

            cert = x509.Certificate.load(der)
        else:
            v1 = [c for c in apk.get_certificates_v1() if c is not None]
            if not v1:
                return None
            cert = v1[0]
            der = cert.dump()
    except Exception as exc:  # malformed signing blocks and PKCS#7 blobs are common in hostile APKs
        archive.notes.append(f"signer certificate could not be parsed ({type(exc).__name__})")
        return None
    return Signer(hashlib.sha256(der).hexdigest(), get_certificate_name_string(cert.subject, short=True))


def _permissions(apk: APK) -> tuple[Permission, ...]:
    categories = catalogs.permission_categories()
    aosp = _aosp_protection_levels()
    own = {name: info.get("protectionLevel") for name, info in apk.declared_permissions.items()}
    result = []
    for name in sorted(set(apk.get_permissions())):
        level = aosp.get(name) or own.get(name)
        # AOSP writes flags after the base level ("dangerous|instant"); the base level is what readers compare.
        base = str(level).split("|")[0] if level else None
        result.append(Permission(name, base, categories.get(name)))
    return tuple(result)


def _components(apk: APK, xml: Any, app_class: str | None, target_sdk: int | None) -> tuple[Component, ...]:
    launchers = {apk._format_value(a) for a in apk.get_main_activities()}
    found: list[Component] = []
    if app_class:
        found.append(Component("application", app_class, exported=False))
    for node in xml.findall("instrumentation"):  # test runners: started by `am instrument`
        if node.get(_NS + "name"):
            found.append(Component("instrumentation", apk._format_value(node.get(_NS + "name")), exported=True))
    application = xml.find("application")
    if application is None:
        return tuple(found)
    for tag in _COMPONENT_TAGS:
        for node in application.findall(tag):
            name = node.get(_NS + "name")
            if not name:
                continue
            name = apk._format_value(name)
            filters = node.findall("intent-filter")
            actions = sorted({a.get(_NS + "name", "") for f in filters for a in f.findall("action")} - {""})
            exported_attr = node.get(_NS + "exported")
            if exported_attr is not None:
                exported = exported_attr.lower() == "true"
            elif tag == "provider":
                exported = (target_sdk or 0) < 17
            else:
                exported = bool(filters)
            kind = "activity" if tag == "activity-alias" else tag
            launcher = kind == "activity" and name in launchers
            if tag == "activity-alias":
                target = node.get(_NS + "targetActivity")
                if not target:
                    continue
                name = apk._format_value(target)
            enabled = (node.get(_NS + "enabled") or "true").lower() != "false"
            authorities = tuple(sorted({a.strip() for a in (node.get(_NS + "authorities") or "").split(";")} - {""}))
            found.append(
                Component(component_kind(kind), name, exported, launcher, tuple(actions), enabled, authorities)
            )
    merged: dict[tuple[str, str], Component] = {}
    for c in found:
        key = (c.kind, c.name)
        if key in merged:  # an alias adds filters to its target activity
            old = merged[key]
            c = Component(
                c.kind,
                c.name,
                old.exported or c.exported,
                old.launcher or c.launcher,
                tuple(sorted(set(old.actions) | set(c.actions))),
                old.enabled or c.enabled,
                tuple(sorted(set(old.authorities) | set(c.authorities))),
            )
        merged[key] = c
    return tuple(sorted(merged.values(), key=lambda c: (c.kind, c.name)))
