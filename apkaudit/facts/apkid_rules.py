"""APKiD's compiled YARA rules, run in this process on bytes the audit already holds.

APKiD (github.com/rednaga/APKiD) names packers, protectors, obfuscators, anti-analysis tricks and compilers
from YARA rules over the APK file, its DEX files, native libraries and resources. Its own scanner reads
files from disk and re-inflates every zip entry without limits, so apkaudit uses only its rules: the
compiled rule set that the `apkid` package ships, located through APKiD's RulesManager and matched with
`Rules.match(data=...)` on entries read through ApkArchive (inside the zip-bomb caps). The rules are used
unchanged; this module only maps each rule's tags to apkaudit's signal kinds.

APKiD prints a "rules_sha256" computed over its .yara sources, which the wheel does not ship (so it is the
hash of nothing). The identity recorded here is the SHA-256 of the compiled rules file actually loaded.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apkaudit.files import hash_file

# Tag -> signal kind, in priority order (a rule with several tags takes the first that applies). APKiD's
# `protector` rules name RASP and integrity SDKs (FreeRASP, Play Integrity API...) as often as code shields,
# so they are anti-analysis here; the code-encrypting protectors are named as packers by catalogs/packers.yaml.
_TAG_KINDS: tuple[tuple[str, str], ...] = (
    ("packer", "packer"),
    ("embedded", "packer"),
    ("dropper", "payload"),
    ("obfuscator", "obfuscator"),
    ("protector", "anti_analysis"),
    ("anti_vm", "anti_analysis"),
    ("anti_debug", "anti_analysis"),
    ("anti_root", "anti_analysis"),
    ("anti_disassembly", "anti_analysis"),
    ("anti_hook", "anti_analysis"),
    ("anti_av", "anti_analysis"),
    ("anticheat", "anti_analysis"),
    ("abnormal", "anti_analysis"),
    ("manipulator", "compiler"),
    ("compiler", "compiler"),
)
# file_type, internal, yara_issue and tracker rules are APKiD's own plumbing (or Exodus trackers): not signals.

TIMEOUT_SECONDS = 60  # per match; YARA gives up past it and the report says so


@dataclass(frozen=True)
class RuleHit:
    """One APKiD rule that matched one piece of the APK."""

    kind: str  # apkaudit signal kind (see _TAG_KINDS)
    name: str  # the rule's description, e.g. "Jiagu", "r8", "Build.MODEL check"
    rule: str  # the rule id, e.g. "jiagu"
    tags: tuple[str, ...]
    location: str  # the zip entry matched, or "APK file" for the APK as a whole


@dataclass(frozen=True)
class RuleSet:
    """The loaded rules and the identity a report records for them."""

    rules: Any  # yara.Rules
    version: str  # the apkid package version
    sha256: str  # of the compiled rules file

    @property
    def stamp(self) -> str:
        return f"{self.version} rules sha256:{self.sha256[:16]}"


class RulesUnavailable(Exception):
    """APKiD or its compiled rules cannot be loaded (not installed, or a broken install)."""


_LOADING = threading.Lock()


def load() -> RuleSet:
    """APKiD's compiled rules (without its tracker rules), loaded once per process.

    Under a lock: the audit's DEX scan (in a thread of its own) often asks while the APK file's scan, started
    first, is still loading them, and functools.cache would then load a second copy, both held through the DEX
    scan, where the audit's memory peaks (synth-2: 95 instead of 90 MB in the runs where they met).
    """
    with _LOADING:
        return _load()


@functools.cache
def _load() -> RuleSet:
    try:
        import yara
        from apkid import __version__
        from apkid.rules import RulesManager

        path = RulesManager().rules_path
        sha256 = _file_sha256(Path(path))
        # from the path, not io.BytesIO(raw): YARA then reads the file itself, in half the time and without
        # holding the GIL (load runs in Background's thread)
        rules = yara.load(filepath=str(path))
    except (ImportError, OSError) as exc:
        raise RulesUnavailable(f"APKiD rules cannot be loaded ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # yara.Error: a corrupt or incompatible compiled rules file
        raise RulesUnavailable(f"APKiD rules cannot be loaded ({type(exc).__name__}: {exc})") from None
    return RuleSet(rules, str(__version__), sha256)


def _file_sha256(path: Path) -> str:
    """The file's SHA-256, read in pieces (files.hash_file: the compiled rules are 4.7 MB)."""
    digest = hashlib.sha256()
    hash_file(digest, path)
    return digest.hexdigest()


def kind_of(tags: tuple[str, ...]) -> str | None:
    for tag, kind in _TAG_KINDS:
        if tag in tags:
            return kind
    return None


def match(
    ruleset: RuleSet, data: bytes, location: str, timeout: int = TIMEOUT_SECONDS
) -> tuple[list[RuleHit], str | None]:
    """The signal-bearing rules that match `data`, and a note when YARA could not finish."""
    try:
        # fast mode: YARA skips further matches of a string when no condition needs them (counts, offsets),
        # so the same rules match (checked on every entry of the samples, corpus and DroidBench: 17,903
        # pieces, tests/facts/test_packing.py); about a quarter less time on a large APK
        found = ruleset.rules.match(data=data, timeout=max(1, min(timeout, TIMEOUT_SECONDS)), fast=True)
    except Exception as exc:  # yara.TimeoutError, yara.Error (e.g. too many matches)
        return [], f"APKiD rules could not finish on {location!r} ({type(exc).__name__}: {exc})"
    hits: dict[tuple[str, str], RuleHit] = {}
    for m in found:
        tags = tuple(sorted(str(t) for t in m.tags))
        kind = kind_of(tags)
        if kind is None:
            continue
        name = str(m.meta.get("description") or m.rule)
        hits.setdefault((kind, name), RuleHit(kind, name, str(m.rule), tags, location))
    return sorted(hits.values(), key=lambda h: (h.kind, h.name, h.rule)), None


_background = True


def use_background(on: bool) -> None:
    """Whether the matches `packing.start` begins run in a thread of their own (`Background`) beside the audit, to
    take a core the audit leaves idle. Off, they run on the audit's thread in `packing.analyse`, with the same
    results: one core per audit. A batch whose children fill the cores turns it off in each child (batch/local.py);
    bench/bench_batch.py turns it off to measure the batch's scaling per core."""
    global _background
    _background = on


def background() -> bool:
    return _background


class Background:
    """The rules loaded and `match` run on some targets, in a thread while the audit goes on.

    YARA releases the GIL while it loads and scans, so loading the rules and scanning the APK file itself
    (about 0.01 s per MB, the largest piece of data the rules read) take a second core instead of adding to
    the audit's wall time. The audit waits for its DEX scan before the code analysis (audit._gather: memory),
    but still runs it here, where the memory YARA takes goes back to the system when the thread ends.
    """

    def __init__(self, targets: Sequence[tuple[str, bytes]], timeout: int = TIMEOUT_SECONDS) -> None:
        self._targets = list(targets)
        self._results: dict[str, tuple[list[RuleHit], str | None]] = {}
        self._thread = threading.Thread(target=self._run, args=(timeout,), name="apkid", daemon=True)
        self._thread.start()

    def _run(self, timeout: int) -> None:
        try:
            ruleset = load()
        except RulesUnavailable:
            return  # the caller loads the rules itself, and notes why it cannot
        for location, data in self._targets:
            self._results[location] = match(ruleset, data, location, timeout)

    def wait(self) -> None:
        """Until every target is matched."""
        self._thread.join()

    def result(self, location: str, data: bytes) -> tuple[list[RuleHit], str | None] | None:
        """What `match` returned on these bytes at this location, once it has; None when they are not among
        the targets or the rules could not be loaded."""
        if not any(loc == location and d is data for loc, d in self._targets):
            return None
        self._thread.join()
        return self._results.get(location)
