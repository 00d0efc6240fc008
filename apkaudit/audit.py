"""The audit of one APK: open it, gather facts, judge them under each rule book."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from apkaudit import __version__, catalogs
from apkaudit.apk import DEFAULT_LIMITS, ApkArchive, Limits
from apkaudit.errors import BadApkError
from apkaudit.facts.code import analyse
from apkaudit.facts.dex import DexError, DexFile
from apkaudit.facts.manifest import open_androguard, read_manifest
from apkaudit.model import Analysis, DataAccess, Evidence, Facts, Permission, Report, Site
from apkaudit.policy.evaluate import evaluate
from apkaudit.policy.load import Policy


def gather_facts(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Facts:
    """Everything apkaudit knows about an APK, independent of any rule book. Raises ApkAuditError."""
    archive = ApkArchive.open(path, limits)
    apk = open_androguard(archive)
    manifest = read_manifest(archive, apk)
    code = analyse(load_dex(archive), manifest.components)
    used = [catalogs.load(name) for name in ("permissions", "sources", "sdks", "libraries")]
    return Facts(
        app=manifest.app,
        permissions=manifest.permissions,
        components=manifest.components,
        data_access=data_access(manifest.permissions, code.sites),
        sdks=code.sdks,
        analysis=Analysis(notes=tuple(archive.notes) + code.notes),
        catalogs=tuple((c.name, c.stamp) for c in used),
    )


def load_dex(archive: ApkArchive) -> list[DexFile]:
    """Every classes*.dex, in load order; a DEX the audit cannot read refuses the scan."""
    dexes = []
    for name in archive.dex_names():
        data = archive.read(name, required=True)
        assert data is not None
        try:
            dexes.append(DexFile(data, name))
        except DexError as exc:
            raise BadApkError(f"{archive.path}: {exc}") from None
    return dexes


def data_access(permissions: Sequence[Permission], sites: Mapping[str, Sequence[Site]]) -> tuple[DataAccess, ...]:
    """One entry per category with any evidence: the permissions that guard it and the code that reads it."""
    perms: dict[str, list[str]] = defaultdict(list)
    for p in permissions:
        if p.category:
            perms[p.category].append(p.name)
    result = []
    for category in sorted(set(perms) | {c for c, found in sites.items() if found}):
        found = sorted(sites.get(category, ()), key=lambda s: (-s.evidence.rank, s.method, s.api))
        levels = [s.evidence for s in found] + ([Evidence.DECLARED] if perms.get(category) else [])
        strongest = Evidence.strongest(levels)
        assert strongest is not None
        result.append(DataAccess(category, strongest, tuple(sorted(perms.get(category, []))), tuple(found)))
    return tuple(result)


def judge(facts: Facts, policies: Sequence[Policy]) -> Report:
    return Report(facts, tuple(evaluate(facts, p) for p in policies), __version__)


def audit(path: str | Path, policies: Sequence[Policy], limits: Limits = DEFAULT_LIMITS) -> Report:
    return judge(gather_facts(path, limits), policies)
