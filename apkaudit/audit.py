"""The audit of one APK: open it, gather facts, judge them under each rule book."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from androguard.core.apk import APK

from apkaudit import __version__, catalogs
from apkaudit.analysis.code import CodeFacts, analyse
from apkaudit.analysis.program import Program
from apkaudit.analysis.runtime_code import RuntimeCode
from apkaudit.apk import DEFAULT_LIMITS, ApkArchive, Limits
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.errors import BadApkError
from apkaudit.facts import disclosure, packing, resources, tamper
from apkaudit.facts.category import classify
from apkaudit.facts.manifest import ManifestFacts, open_androguard, read_manifest
from apkaudit.model import Analysis, Component, Coverage, DataAccess, Evidence, Facts, Permission, Report, Site
from apkaudit.policy.evaluate import evaluate
from apkaudit.policy.load import Policy


def gather_facts(path: str | Path, limits: Limits = DEFAULT_LIMITS, *, flows: bool = True) -> Facts:
    """Everything apkaudit knows about an APK, independent of any rule book. Raises ApkAuditError.

    `flows=False` skips the data-flow search (sites stay `reachable`): for benchmarking its cost.
    """
    archive = ApkArchive.open(path, limits)
    tampering = tamper.notes(archive)  # evidence of intent to evade, noted before anything may fail
    archive.notes.extend(tampering)
    try:
        apk = open_androguard(archive)
    except BadApkError as exc:
        raise BadApkError("; ".join([str(exc), *tampering])) from None
    manifest = read_manifest(archive, apk)
    try:
        return _gather(archive, apk, manifest, flows)
    except DexError as exc:  # malformed code found past the DEX's header and tables (found by fuzzing)
        raise BadApkError(f"{archive.path}: {exc}") from None


def _gather(archive: ApkArchive, apk: APK, manifest: ManifestFacts, flows: bool) -> Facts:
    limited: list[str] = []  # why the code evidence is incomplete: a ceiling of `limits` was hit
    dexes = load_dex(archive, limited)
    code = _analyse_code(dexes, manifest.components, archive.limits, flows, limited, resources.url_strings(apk))
    names = ("permissions", "sources", "sinks", "dispatch", "sdks", "libraries", "app_categories", "disclosure")
    used = [catalogs.load(name) for name in names]
    kind = classify(apk, manifest.app.label, dexes, code.sdks, manifest.permissions, archive.notes)
    packed = packing.analyse(archive, manifest.components, dexes, code)
    accesses = data_access(manifest.permissions, code.sites)
    told = disclosure.gather(archive, apk, dexes, accesses, packed.coverage)
    return Facts(
        app=replace(manifest.app, category=kind),
        permissions=manifest.permissions,
        components=manifest.components,
        data_access=accesses,
        sdks=code.sdks,
        analysis=_limited(packed.to_analysis(tuple(archive.notes) + code.notes), limited),
        catalogs=tuple((c.name, c.stamp) for c in used) + packed.stamps,
        disclosure=told,
    )


def load_dex(archive: ApkArchive, limited: list[str] | None = None) -> list[DexFile]:
    """Every classes*.dex, in load order; a DEX the audit cannot read refuses the scan.

    A DEX past a ceiling of `archive.limits` (count, size, strings, methods) is left out and the reason
    added to `limited` (coverage becomes `partial`).
    """
    limits = archive.limits
    limited = [] if limited is None else limited
    names = archive.dex_names()
    if len(names) > limits.max_dex_files:
        limited.append(f"{len(names)} DEX files, over the {limits.max_dex_files}-file limit: read the first ones only")
        names = names[: limits.max_dex_files]
    dexes = []
    for name in names:
        if archive.declared_size(name) > limits.max_dex_bytes:
            limited.append(
                f"{name} declares {archive.declared_size(name)} bytes, "
                f"over the {limits.max_dex_bytes}-byte DEX limit: not read"
            )
            continue
        data = archive.read(name, required=True)
        assert data is not None
        if len(data) > limits.max_dex_bytes:
            limited.append(f"{name} is {len(data)} bytes, over the {limits.max_dex_bytes}-byte DEX limit: not read")
            continue
        try:
            dex = DexFile(data, name)
            dex.classes()  # every analysis starts here: a DEX whose class table is broken is unreadable
        except DexError as exc:
            raise BadApkError(f"{archive.path}: {exc}") from None
        if dex.string_count > limits.max_dex_strings or dex.method_count > limits.max_dex_methods:
            limited.append(
                f"{name} has {dex.string_count} strings and {dex.method_count} methods, over the limits "
                f"({limits.max_dex_strings} strings, {limits.max_dex_methods} methods per DEX): not read"
            )
            continue
        dexes.append(dex)
    return dexes


class _OutOfTime(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _OutOfTime in this thread after `seconds` (SIGALRM; only on the main thread, when the alarm is free)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:  # the batch worker's own process timeout still holds
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _analyse_code(
    dexes: list[DexFile],
    components: Sequence[Component],
    limits: Limits,
    flows: bool,
    limited: list[str],
    resource_urls: Mapping[int, str] | None = None,
) -> CodeFacts:
    """analyse() within limits.max_analysis_seconds: past it, again without flows (half the time), then nothing.

    A DEX malformed where the analysis reads it (the header and tables were fine) leaves the code evidence out
    too. Either way the reason goes to `limited` and the coverage is `partial`, never a hang or a crash.
    """
    budget = limits.max_analysis_seconds
    attempts = [(flows, budget)] + ([(False, budget / 2)] if flows else [])
    cut: list[str] = []  # what each attempt had done when its time ran out
    for with_flows, seconds in attempts:
        progress: dict[str, int | str] = {}
        try:
            with _deadline(seconds):
                code = analyse(dexes, components, flows=with_flows, resource_urls=resource_urls, progress=progress)
        except _OutOfTime:
            cut.append(_covered(progress))
            continue
        except DexError as exc:
            limited.append(f"code analysis stopped on a malformed DEX ({exc}): no code evidence")
            break
        if with_flows != flows:
            limited.append(
                f"code analysis passed its {budget:g}-second budget: data flows were not followed ({cut[0]})"
            )
        return code
    else:
        limited.append(f"code analysis passed its {budget:g}-second budget: no code evidence ({'; then '.join(cut)})")
    return CodeFacts({}, (), (), Program(dexes), RuntimeCode((), ()))


def _covered(progress: Mapping[str, int | str]) -> str:
    """How far an analysis had got when its time ran out, e.g. 'stopped following data flows after 12 of 40 sites'."""
    stage = progress.get("stage", "reading the code")
    if stage == "following data flows":
        done, total = progress.get("followed", 0), progress.get("sources", 0)
        return f"stopped following data flows after {done} of {total} reachable sites"
    return f"stopped while {stage}"


def _limited(analysis: Analysis, limited: Sequence[str]) -> Analysis:
    """The analysis with coverage at most `partial` and the reasons first, when a ceiling was hit."""
    if not limited:
        return analysis
    coverage = Coverage.PARTIAL if analysis.coverage is Coverage.COMPLETE else analysis.coverage
    reasons = tuple(f"code {Coverage.PARTIAL.value}: {r}" for r in limited)
    return replace(analysis, coverage=coverage, notes=reasons + analysis.notes)


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
