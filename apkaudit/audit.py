"""The audit of one APK: open it, gather facts, judge them under each rule book."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from androguard.core.apk import APK

from apkaudit import __version__, catalogs, package
from apkaudit.analysis import servers, webshell
from apkaudit.analysis.code import CodeFacts, analyse
from apkaudit.analysis.program import Program
from apkaudit.analysis.runtime_code import RuntimeCode
from apkaudit.apk import DEFAULT_LIMITS, ApkArchive, Limits
from apkaudit.collector import fewer_collections
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.errors import BadApkError
from apkaudit.facts import apkid_rules, disclosure, network_config, packing, resources, tamper
from apkaudit.facts.category import classify
from apkaudit.facts.geoip import GeoIP
from apkaudit.facts.manifest import ManifestFacts, open_androguard, read_manifest
from apkaudit.model import Analysis, Component, Coverage, DataAccess, Evidence, Facts, Permission, Report, Site

if TYPE_CHECKING:  # rule books are loaded (and jsonschema imported, ~6 MB) only by those who judge
    from apkaudit.policy.load import Policy


def gather_facts(
    path: str | Path | Sequence[str], limits: Limits = DEFAULT_LIMITS, *, flows: bool = True, geoip: GeoIP | None = None
) -> Facts:
    """Everything apkaudit knows about an APK, independent of any rule book. Raises ApkAuditError.

    `path` may also be an app package (XAPK, APKM, APKS), a folder of split APKs or a list of them (package.py).

    `flows=False` skips the data-flow search (sites stay `reachable`): for benchmarking its cost.
    `geoip` gives the country of IP literals in the server inventory (facts/geoip.py).
    """
    with fewer_collections():
        return _gather_facts(path, limits, flows, geoip)


def _gather_facts(path: str | Path | Sequence[str], limits: Limits, flows: bool, geoip: GeoIP | None) -> Facts:
    archive = package.open_app(path, limits)
    archive.deadline = time.monotonic() + limits.max_analysis_seconds  # every stage after the opening
    early = packing.start(archive)  # APKiD's scan of the APK file, on another core while the code is read
    tampering = tamper.notes(archive)  # evidence of intent to evade, noted before anything may fail
    archive.notes.extend(tampering)
    try:
        apk = open_androguard(archive)
    except BadApkError as exc:
        raise BadApkError("; ".join([str(exc), *tampering])) from None
    manifest = package.merge_manifest(archive, read_manifest(archive, apk))
    try:
        return package.finish(archive, _gather(archive, apk, manifest, flows, geoip, early))
    except DexError as exc:  # malformed code found past the DEX's header and tables (found by fuzzing)
        raise BadApkError(f"{archive.path}: {exc}") from None


_ENABLE = "setComponentEnabledSetting"


def _startable(components: Sequence[Component], dexes: Sequence[DexFile]) -> tuple[Component, ...]:
    """The components the system may start: a disabled one (android:enabled="false") is no entry point, unless
    the code may enable it (PackageManager.setComponentEnabledSetting is named anywhere)."""
    if all(c.enabled for c in components) or any(d.find_string(_ENABLE) is not None for d in dexes):
        return tuple(components)
    return tuple(c for c in components if c.enabled)


class _DexScan:
    """APKiD's DEX rules, in a thread too, but awaited.

    YARA's dex module holds some 45 bytes per DEX byte while it scans (15 MB for synth-2's 355 KB app DEX, 55 MB
    for 1.9 MB of DEX), which on top of the code analysis's own peak made the audit's peak their sum; awaited, it
    is the larger of the two (synth-2: 96 MB, 102-113 MB in runs where they met; 1.9 MB of DEX: 145 -> 131 MB),
    and no slower on 2 cores. The thread stays: its allocator arena is given back when the scan ends, where the
    main thread's heap would keep the pages (96 vs 101 MB).
    """

    def __init__(self, archive: ApkArchive) -> None:
        self.archive = archive
        self.done: list[apkid_rules.Background] = []
        self.scanned = 0  # the DEX files (a prefix of those loaded) whose scan is over

    def scan(self, dexes: Sequence[DexFile]) -> None:
        for started in packing.start(self.archive, dexes, since=self.scanned):
            started.wait()
            self.done.append(started)
        self.scanned = len(dexes)

    def reading(self, dexes: Sequence[DexFile], size: int) -> None:
        """Before a DEX is read: the DEX files loaded so far are scanned first when the scan will leave this one
        out (by its declared size: this only decides when), so that it is not held under the scan, which is then
        the audit's peak (synth-2: its 2.5 MB classes2.dex and what inflating it leaves in the heap, 90.0 -> 86
        MB). Not after each DEX: a thread per DEX left the peaks of multi-DEX apps up to 2 MB higher in some runs."""
        if size > packing.dex_budget_left(dexes):
            self.scan(dexes)


def _gather(
    archive: ApkArchive,
    apk: APK,
    manifest: ManifestFacts,
    flows: bool,
    geoip: GeoIP | None,
    early: tuple[apkid_rules.Background, ...] = (),
) -> Facts:
    limited: list[str] = []  # why the code evidence is incomplete: a ceiling of `limits` was hit
    scan = _DexScan(archive)
    dexes = load_dex(archive, limited, scan.reading)
    scan.scan(dexes)
    early += tuple(scan.done)
    code = _analyse_code(
        dexes,
        _startable(manifest.components, dexes),
        archive.limits,
        flows,
        limited,
        resources.url_strings(apk),
        manifest.app.package,
        resources.layouts(archive),
    )
    names = (
        "permissions",
        "sources",
        "sinks",
        "dispatch",
        "sdks",
        "libraries",
        "app_categories",
        "disclosure",
        "webshells",
    )
    used = [catalogs.load(name) for name in names]
    kind = classify(apk, manifest.app.label, dexes, code.sdks, manifest.permissions, archive.notes)
    packed = packing.analyse(archive, manifest.components, dexes, code, early)
    network = network_config.read(archive, apk, manifest.app.target_sdk)
    accesses = data_access(manifest.permissions, code.sites)
    shell = webshell.gather(archive, code.program, accesses, manifest.permissions, network)
    if shell is not None:  # reads a web page can trigger: named after the page, sent to it (issue 15)
        assert code.program is not None
        accesses = data_access(
            manifest.permissions, webshell.refine(shell, code.sites, webshell.bridge_ids(code.program))
        )
        limited.extend(webshell.coverage_notes(shell))
    told = disclosure.gather(archive, apk, dexes, accesses, packed.coverage)
    where = servers.gather(archive, apk, dexes, accesses, network, geoip.country if geoip else None)
    return Facts(
        app=replace(manifest.app, category=kind),
        permissions=manifest.permissions,
        components=manifest.components,
        data_access=accesses,
        sdks=code.sdks,
        analysis=_limited(packed.to_analysis(tuple(archive.notes) + code.notes), limited),
        catalogs=tuple((c.name, c.stamp) for c in used) + packed.stamps,
        disclosure=told,
        servers=where,
        webshell=shell,
    )


def load_dex(
    archive: ApkArchive,
    limited: list[str] | None = None,
    reading: Callable[[Sequence[DexFile], int], None] | None = None,
) -> list[DexFile]:
    """Every classes*.dex, in load order; a DEX the audit cannot read refuses the scan.

    A DEX past a ceiling of `archive.limits` (count, size, strings, methods) is left out and the reason
    added to `limited` (coverage becomes `partial`). `reading` is called with the DEX files so far and the
    declared size of the next before it is read.
    """
    limits = archive.limits
    limited = [] if limited is None else limited
    names = archive.dex_names()
    if len(names) > limits.max_dex_files:
        limited.append(f"{len(names)} DEX files, over the {limits.max_dex_files}-file limit: read the first ones only")
        names = names[: limits.max_dex_files]
    dexes: list[DexFile] = []
    for name in names:
        if archive.declared_size(name) > limits.max_dex_bytes:
            limited.append(
                f"{name} declares {archive.declared_size(name)} bytes, "
                f"over the {limits.max_dex_bytes}-byte DEX limit: not read"
            )
            continue
        if reading is not None:
            reading(dexes, archive.declared_size(name))
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
    package: str | None = None,
    layouts: Sequence[bytes] = (),
) -> CodeFacts:
    """analyse() within limits.max_analysis_seconds: past it, again without flows (half the time), then nothing.

    A DEX malformed where the analysis reads it (the header and tables were fine) leaves the code evidence out
    too. Either way the reason goes to `limited` and the coverage is `partial`, never a hang or a crash.
    """
    budget = limits.max_analysis_seconds
    attempts = [(flows, budget)] + ([(False, budget / 2)] if flows else [])
    program: Program | None = None  # built once, under the budget, and passed to everything that reads the code
    cut: list[str] = []  # what each attempt had done when its time ran out
    for with_flows, seconds in attempts:
        progress: dict[str, int | str] = {}
        try:
            with _deadline(seconds):
                program = program if program is not None else Program(dexes)
                code = analyse(
                    dexes,
                    components,
                    flows=with_flows,
                    resource_urls=resource_urls,
                    package=package,
                    program=program,
                    progress=progress,
                    layouts=layouts,
                )
        except _OutOfTime:
            cut.append(_covered(progress))
            program = None  # stopped anywhere: its lazy indexes may be half built, so the next attempt builds afresh
            continue
        except DexError as exc:
            limited.append(f"code analysis stopped on a malformed DEX ({exc}): no code evidence")
            program = None  # as above: stopped half way
            break
        program.drop_walk_caches()
        if with_flows != flows:
            limited.append(
                f"code analysis passed its {budget:g}-second budget: data flows were not followed ({cut[0]})"
            )
        return code
    else:
        limited.append(f"code analysis passed its {budget:g}-second budget: no code evidence ({'; then '.join(cut)})")
    return CodeFacts({}, (), (), program if program is not None else Program(dexes), RuntimeCode((), ()))


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
        claims = [s.evidence for s in found if s.library_internal is None]  # library-internal reads claim nothing
        levels = claims + ([Evidence.DECLARED] if perms.get(category) else [])
        strongest = Evidence.strongest(levels) or Evidence.strongest([s.evidence for s in found])
        assert strongest is not None
        result.append(DataAccess(category, strongest, tuple(sorted(perms.get(category, []))), tuple(found)))
    return tuple(result)


def judge(facts: Facts, policies: Sequence[Policy]) -> Report:
    from apkaudit.policy.evaluate import evaluate

    return Report(facts, tuple(evaluate(facts, p) for p in policies), __version__)


def audit(
    path: str | Path | Sequence[str],
    policies: Sequence[Policy],
    limits: Limits = DEFAULT_LIMITS,
    geoip: GeoIP | None = None,
) -> Report:
    return judge(gather_facts(path, limits, geoip=geoip), policies)
