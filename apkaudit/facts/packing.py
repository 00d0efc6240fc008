"""How much of an app's code a static scan could see, and what hides the rest.

A packed app ships a stub DEX that decrypts the real code at run time; a loader app downloads code; some
apps do their work in native code. A scan that sees none of it must not read as "nothing found". This
module gathers the signs, names the products, estimates the visible share and decides the coverage:

- packers and protectors: APKiD's YARA rules (facts/apkid_rules.py) and apkaudit's own catalogue
  (catalogs/packers.yaml: stub classes, loader libraries, payload files);
- hidden payloads: DEX files or archives with DEX inside that the installer does not load, encrypted
  blobs (high entropy, no known file format), files a packer is known to hide its payload in;
- classes the manifest declares (and a stub names) that no DEX defines;
- run-time code found in the DEX (analysis/runtime_code.py): class loaders fed from outside the APK,
  native libraries, JNI methods on paths to personal-data reads.

Coverage is `opaque` when the visible code cannot be the app (the launcher activity or the application
class is missing, most declared classes are missing, or hidden payloads outweigh the visible DEX);
`partial` when something hides part of it; `complete` otherwise. Naming a packer is never enough for
`opaque` on its own (many "packer" rules fire on protection SDKs in apps whose code is all there), and
a payload that nothing loads only counts once something corroborates it.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fnmatch import translate

import numpy as np

from apkaudit import catalogs
from apkaudit.analysis import runtime_code
from apkaudit.analysis.code import CodeFacts
from apkaudit.analysis.program import Program
from apkaudit.analysis.runtime_code import RuntimeCode, jni_on_paths
from apkaudit.apk import MANIFEST, ApkArchive
from apkaudit.dex.file import DexFile
from apkaudit.facts import apkid_rules
from apkaudit.model import Analysis, Component, Coverage, Signal, Site

DEX_BUDGET = 2 << 20  # DEX bytes APKiD's rules read in an app that shows no sign of hiding code
OTHER_BUDGET = 32 << 20  # bytes of native libraries, nested archives and resources APKiD's rules read
MAX_APKID_ENTRIES = 20_000  # zip entries of an APK APKiD's rules are run on as a whole (about 25 s at this size)
HEAD_BYTES = 16 << 10  # what is inflated of an entry to tell its type and sample its entropy
MAX_SNIFFED = 4096  # entries sniffed per APK, in name order
BLOB_MIN_BYTES = 16 << 10  # smaller unknown files are not counted as payloads
BLOB_MIN_ENTROPY = 7.9  # bits per byte over the sampled head; encrypted data is ~7.99
NESTED_MAX_BYTES = 32 << 20  # larger nested archives are not opened
APK_LOCATION = "APK file"  # the location of a rule that matched the APK as a whole

_DEX_NAME = re.compile(r"(?:^|/)classes\d*\.dex$")
_CLASS_NAME = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){2,}$")
_FRAMEWORK = ("android.", "androidx.", "java.", "javax.", "dalvik.", "kotlin.", "com.android.", "com.google.android.")
# Magic numbers of formats whose high entropy is expected (media, fonts, compressed data, models).
_KNOWN_MAGIC: tuple[tuple[int, bytes], ...] = (
    (0, b"\x89PNG"),
    (0, b"\xff\xd8\xff"),
    (0, b"GIF8"),
    (0, b"RIFF"),
    (0, b"OggS"),
    (0, b"ID3"),
    (0, b"\xff\xfb"),
    (0, b"\xff\xf3"),
    (0, b"\xff\xf1"),
    (0, b"fLaC"),
    (4, b"ftyp"),
    (0, b"\x1f\x8b"),
    (0, b"BZh"),
    (0, b"7z\xbc\xaf\x27\x1c"),
    (0, b"\xfd7zXZ"),
    (0, b"\x28\xb5\x2f\xfd"),
    (0, b"%PDF"),
    (0, b"wOFF"),
    (0, b"wOF2"),
    (0, b"\x00\x01\x00\x00"),
    (0, b"OTTO"),
    (0, b"true"),
    (4, b"TFL3"),
    (0, b"UnityFS"),
    (0, b"UnityWeb"),
    (0, b"UnityRaw"),
    (0, b"\x1aE\xdf\xa3"),
    (0, b"\x00\x00\x00\x0cjP"),
    (0, b"II*\x00"),
    (0, b"MM\x00*"),
    (0, b"KTX"),
    (0, b"\xabKTX"),
    (0, b"PKM "),
    (0, b"DDS "),
    (0, b"\x04\x22\x4d\x18"),
)
_MEDIA_EXT = re.compile(
    r"\.(?:png|jpe?g|gif|webp|bmp|heic|avif|mp3|m4a|aac|ogg|opus|wav|flac|mp4|m4v|webm|3gp|mkv|ttf|otf|woff2?|"
    r"pdf|gz|bz2|xz|zst|br|7z|rar|lz4|tflite|pb|onnx|ktx|astc|pkm|etc1|unity3d|bundle|obb)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Packer:
    """One catalogue entry (catalogs/packers.yaml)."""

    id: str
    name: str
    name_zh: str | None
    vendor: str
    kind: str
    apkid: tuple[str, ...]
    stub_classes: tuple[str, ...]
    libs: tuple[str, ...]  # native library file-name patterns (fnmatch)
    files: tuple[str, ...]  # entry-name patterns (fnmatch)


@functools.cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """An entry's patterns as one regex: compiled only for a name the union of every entry's matches."""
    return re.compile(_source(patterns))


def _source(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{translate(p)})" for p in patterns)


@functools.lru_cache(maxsize=1)
def catalogue() -> tuple[Packer, ...]:
    return tuple(
        Packer(
            id=e["id"],
            name=e["name"],
            name_zh=e.get("name_zh"),
            vendor=e["vendor"],
            kind=e["kind"],
            apkid=tuple(e.get("apkid") or ()),
            stub_classes=tuple(e.get("stub_classes") or ()),
            libs=tuple(e.get("native_libs") or ()),
            files=tuple(e.get("files") or ()),
        )
        for e in catalogs.load("packers").data["entries"]
    )


@functools.lru_cache(maxsize=1)
def _any_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(native library, file) patterns of every catalogue entry in one regex each: a name none matches is
    skipped at once."""
    libs = [_source(p.libs) for p in catalogue() if p.libs]
    files = [_source(p.files) for p in catalogue() if p.files]
    return _union(libs), _union(files)


def _union(sources: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{s})" for s in sources) or "(?!)")


@dataclass(frozen=True)
class PackingFacts:
    """What hides code, how much was visible, and the coverage that follows."""

    coverage: Coverage
    signals: tuple[Signal, ...]
    packers: tuple[str, ...]
    notes: tuple[str, ...]
    visible_share: float | None
    dex_bytes: int
    payload_bytes: int
    declared_classes: int
    missing_classes: tuple[str, ...]
    stamps: tuple[tuple[str, str], ...]  # (catalogue name, identity) of the knowledge used

    def to_analysis(self, notes: tuple[str, ...]) -> Analysis:
        """The report's `analysis`: these facts, after the notes other extractors made."""
        return Analysis(
            coverage=self.coverage,
            notes=self.notes + notes,
            signals=self.signals,
            packers=self.packers,
            visible_share=self.visible_share,
            dex_bytes=self.dex_bytes,
            payload_bytes=self.payload_bytes,
            declared_classes=self.declared_classes,
            missing_classes=self.missing_classes,
        )


@dataclass(frozen=True)
class _Payload:
    entry: str
    size: int
    certain: bool  # a packer's payload file or DEX bytes: code for sure; else an unexplained blob


def descriptor(class_name: str) -> str:
    return "L" + class_name.replace(".", "/") + ";"


def entropy(data: bytes) -> float:
    """Shannon entropy in bits per byte."""
    if not data:
        return 0.0
    counts = np.bincount(np.frombuffer(data, dtype=np.uint8), minlength=256)
    p = counts[counts > 0] / len(data)
    return float(-(p * np.log2(p)).sum())


def _known_format(name: str, head: bytes) -> bool:
    return bool(_MEDIA_EXT.search(name)) or any(head[o : o + len(m)] == m for o, m in _KNOWN_MAGIC)


def _sniffable(name: str) -> bool:
    """Entries that may hide code: not resources, signatures, the manifest or the DEX files Android loads."""
    if name.startswith(("res/", "META-INF/")) or name.endswith("/"):
        return False
    installed_dex = "/" not in name and _DEX_NAME.search(name) is not None
    return not installed_dex and name not in (MANIFEST, "resources.arsc")


class _Scan:
    """The state of one APK's packing analysis."""

    def __init__(self, archive: ApkArchive, program: Program) -> None:
        self.archive = archive
        self.program = program
        self.signals: list[Signal] = []
        self.notes: list[str] = []
        self.payloads: list[_Payload] = []
        self.apkid_targets: list[tuple[str, int]] = []  # (entry, size) of nested archives, ELF, embedded DEX

    def add(self, kind: str, name: str, detail: str, location: str) -> None:
        self.signals.append(Signal(kind, name, detail, location))

    # -- what the names say ----------------------------------------------------------------------------

    def by_name(self, app_class: str | None) -> None:
        libs_any, files_any = _any_names()
        for name in self.archive.names:
            if name.startswith(("res/", "META-INF/")):
                continue
            base = name.rsplit("/", 1)[-1]
            if not (libs_any.match(base) or files_any.match(name)):
                continue  # no entry's pattern matches: skips a regex per entry and name (thousands of names)
            for p in catalogue():
                if p.libs and _compiled(p.libs).match(base):
                    self.add("packer", p.name, f"native library {base} of {p.name} (catalogue entry {p.id})", name)
                elif p.files and _compiled(p.files).match(name):
                    self.add("packer", p.name, f"a file {p.name} hides its payload or stub in ({p.id})", name)
                    self.payloads.append(_Payload(name, self.archive.declared_size(name), True))
        for p in catalogue():
            for cls in p.stub_classes:
                entry = self.program.classes.get(descriptor(cls))
                role = "the manifest's application class" if cls == app_class else "class"
                if entry is not None:
                    where = self.program.dexes[entry[0]].name
                    self.add("packer", p.name, f"{role} {cls} is the stub of {p.name} ({p.id})", where)
                elif cls == app_class:
                    self.add("packer", p.name, f"the manifest names {p.name}'s stub {cls} ({p.id})", MANIFEST)

    # -- what the bytes say ----------------------------------------------------------------------------

    def by_content(self) -> None:
        candidates = [n for n in self.archive.names if _sniffable(n)]
        if len(candidates) > MAX_SNIFFED:
            self.notes.append(f"only the first {MAX_SNIFFED} of {len(candidates)} zip entries were checked for code")
            candidates = candidates[:MAX_SNIFFED]
        native_libs = 0
        for name in candidates:
            size = self.archive.declared_size(name)
            # the magic number first; a sample for the entropy only of files big enough to count
            head = self.archive.read_head(name, HEAD_BYTES if size >= BLOB_MIN_BYTES else 8)
            if head.startswith(b"dex\n"):
                self.add("payload", "embedded DEX", f"{size} bytes of DEX code the installer does not load", name)
                self.payloads.append(_Payload(name, size, True))
                self.apkid_targets.append((name, size))
            elif head.startswith(b"PK\x03\x04"):
                self._nested(name, size)
            elif head.startswith(b"\x7fELF"):
                self.apkid_targets.append((name, size))
                if name.startswith("lib/"):
                    native_libs += 1
                else:
                    detail = f"{size} bytes of native code the installer does not unpack; the app loads it itself"
                    self.add("native_code", "native library outside lib/", detail, name)
            elif size >= BLOB_MIN_BYTES and len(head) >= 4096 and not _known_format(name, head):
                bits = entropy(head)
                if bits >= BLOB_MIN_ENTROPY:
                    detail = f"{size} bytes, {bits:.2f} bits per byte and no known file format: encrypted data"
                    self.add("payload", "encrypted blob", detail, name)
                    self.payloads.append(_Payload(name, size, False))
        if native_libs:
            libs = "1 native library" if native_libs == 1 else f"{native_libs} native libraries"
            self.notes.append(f"{libs} under lib/: native code is not analysed")

    def _nested(self, name: str, size: int) -> None:
        if size > NESTED_MAX_BYTES:
            self.notes.append(f"nested archive {name!r} ({size} bytes) was not opened")
            return
        data = self.archive.read(name)
        if data is None:
            return
        self.apkid_targets.append((name, size))
        try:
            inner = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, ValueError, OSError):
            return
        dexes = [i for i in inner if _DEX_NAME.search(i.filename)]
        if dexes:
            code = sum(i.file_size for i in dexes)
            listed = ", ".join(sorted(i.filename for i in dexes)[:3])
            detail = f"an archive holding {listed} ({code} bytes of DEX) that the installer does not load"
            self.add("payload", "archive with DEX", detail, name)
            self.payloads.append(_Payload(name, code, True))

    # -- what the manifest says ------------------------------------------------------------------------

    def missing_classes(self, components: Sequence[Component], app_class: str | None) -> tuple[list[str], list[str]]:
        """(declared class names, the missing ones); each missing one is a signal."""
        declared: dict[str, Component] = {}
        for c in sorted(components, key=lambda c: (c.kind != "application", not c.launcher, c.kind, c.name)):
            declared.setdefault(c.name, c)
        missing = []
        for name, c in sorted(declared.items()):
            if descriptor(name) not in self.program.classes:
                missing.append(name)
                role = "launcher activity" if c.launcher else c.kind
                self.add("manifest_mismatch", name, f"the manifest declares this {role}; no DEX defines it", MANIFEST)
        for name, method in self._stub_named(app_class):
            if name not in declared:
                declared[name] = Component("application", name, False)
                missing.append(name)
                detail = f"named by the application class {app_class}; no DEX defines it"
                self.add("manifest_mismatch", name, detail, method)
        return sorted(declared), sorted(missing)

    def _stub_named(self, app_class: str | None) -> list[tuple[str, str]]:
        """Class names held as strings by a stub application class that no DEX defines."""
        if app_class is None:
            return []
        desc = descriptor(app_class)
        entry = self.program.classes.get(desc)
        stub = any(app_class in p.stub_classes for p in catalogue())
        loads = any(s.kind == "dynamic_loading" and s.location.startswith(desc + "->") for s in self.signals)
        if entry is None or not (stub or loads):
            return []
        dex = self.program.dexes[entry[0]]
        found: dict[str, str] = {}
        for em in dex.methods_of(entry[1].index):
            if not em.code_off:
                continue
            method = dex.method_signature(em.method_idx)
            for _op, kind, index in dex.references(em.code_off):
                if kind != "string":
                    continue
                text = dex.string(index)
                if (
                    _CLASS_NAME.match(text)
                    and not text.startswith(_FRAMEWORK)
                    and descriptor(text) not in self.program.classes
                ):
                    found.setdefault(text, method)
        return sorted(found.items())

    # -- APKiD ---------------------------------------------------------------------------------------

    def apkid_ruleset(self) -> apkid_rules.RuleSet | None:
        try:
            return apkid_rules.load()
        except apkid_rules.RulesUnavailable as exc:
            self.notes.append(f"{exc}: packers are named from apkaudit's catalogue only")
            return None

    def apkid_files(self, ruleset: apkid_rules.RuleSet, early: Sequence[apkid_rules.Background] = ()) -> None:
        """APKiD's rules on the APK itself, then nested archives, foreign DEX, native libraries, resources."""
        targets: list[tuple[str, bytes]] = [(APK_LOCATION, self.archive.data)]
        if len(self.archive.names) > MAX_APKID_ENTRIES:  # APKiD's rules on the APK cost about 1.2 ms per entry
            self.notes.append(f"APKiD's rules were not run on the APK itself: over {MAX_APKID_ENTRIES} zip entries")
            targets = []
        others = sorted(self.apkid_targets, key=lambda t: (t[1], t[0]))
        if "resources.arsc" in self.archive.names:
            others.append(("resources.arsc", self.archive.declared_size("resources.arsc")))
        spent = 0
        skipped: list[str] = []
        for name, size in others:
            if spent + size > OTHER_BUDGET:
                skipped.append(name)
                continue
            data = self.archive.read(name)
            if data is not None:
                spent += len(data)
                targets.append((name, data))
        if skipped:
            self.notes.append(
                f"APKiD's rules were not run on the {len(skipped)} largest native libraries or archives, over "
                f"their {OTHER_BUDGET >> 20} MiB budget: {', '.join(skipped[:3])}"
                + (f" and {len(skipped) - 3} more" if len(skipped) > 3 else "")
            )
        self._apkid_match(ruleset, targets, early)

    def apkid_dex(
        self, ruleset: apkid_rules.RuleSet, everything: bool, early: Sequence[apkid_rules.Background] = ()
    ) -> None:
        """APKiD's DEX rules: on every DEX when something hides code, else within DEX_BUDGET in load order.

        YARA's dex module parses the whole file (about 0.15 s per MB), more than the rest of the audit
        spends on a plain app; the rules that matter most here (packer stubs) fire on small stub DEX files.
        """
        targets, skipped = _dex_targets(self.program.dexes, everything)
        if skipped:
            self.notes.append(
                f"APKiD's DEX rules were not run on {', '.join(skipped[:5])}"
                + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
                + f": nothing in the app hides code, and its DEX is over the {DEX_BUDGET >> 20} MiB those"
                " rules get in that case (they cost about 0.15 s per MB)"
            )
        self._apkid_match(ruleset, targets, early)

    def _apkid_match(
        self,
        ruleset: apkid_rules.RuleSet,
        targets: list[tuple[str, bytes]],
        early: Sequence[apkid_rules.Background] = (),
    ) -> None:
        """APKiD's rules on each target; a match already run in the background (`start`) is taken from it."""
        by_apkid = {n: p.name for p in catalogue() for n in p.apkid}
        for location, data in targets:
            left = self.archive.seconds_left()  # the analysis budget holds for APKiD too
            if left is not None and left < 1:
                self.notes.append(f"APKiD's rules were not run on {location!r}: the analysis budget is spent")
                continue
            found = next((r for b in early if (r := b.result(location, data)) is not None), None)
            if found is None:
                found = apkid_rules.match(ruleset, data, location, int(left or apkid_rules.TIMEOUT_SECONDS))
            hits, note = found
            if note:
                self.notes.append(note)
            for h in hits:
                name = by_apkid.get(h.name, h.name) if h.kind == "packer" else h.name
                detail = f"APKiD rule {h.rule} ({', '.join(h.tags)})" + (f", {h.name}" if name != h.name else "")
                self.add(h.kind, name, detail, location)

    # -- run-time loaders ------------------------------------------------------------------------------

    def hiding_loaders(self) -> list[Signal]:
        """Dynamic-loading signals that count as hidden code. Calls from known library loaders (catalogs/
        packers.yaml `loaders`) are dropped from the signals and summed up in a note instead."""
        counted: list[Signal] = []
        known: dict[tuple[str, str], set[str]] = {}
        kept: list[Signal] = []
        for s in self.signals:
            loader = _known_loader(s.location) if s.kind == "dynamic_loading" else None
            if loader is not None:
                known.setdefault(loader, set()).add(s.location)
                continue
            kept.append(s)
            if s.kind == "dynamic_loading":
                counted.append(s)
        self.signals = kept
        for (name, why), methods in sorted(known.items()):
            self.notes.append(f"not counted as hidden code: {len(methods)} class-loader call(s) of {name} ({why})")
        return counted


@functools.lru_cache(maxsize=1)
def _loaders() -> tuple[tuple[str, str, str], ...]:
    return tuple((e["prefix"], e["name"], e["why"]) for e in catalogs.load("packers").data.get("loaders", ()))


def _known_loader(method: str) -> tuple[str, str] | None:
    dotted = method.partition("->")[0][1:-1].replace("/", ".")
    for prefix, name, why in _loaders():
        if dotted.startswith(prefix + "."):
            return name, why
    return None


def _dedupe(signals: list[Signal]) -> tuple[Signal, ...]:
    """One signal per (kind, name, location), sorted; the first detail in sort order is kept."""
    out: dict[tuple[str, str, str], Signal] = {}
    for s in sorted(signals, key=lambda s: (s.kind, s.name, s.location, s.detail)):
        out.setdefault((s.kind, s.name, s.location), s)
    return tuple(out.values())


def start(
    archive: ApkArchive, dexes: Sequence[DexFile] | None = None, since: int = 0
) -> tuple[apkid_rules.Background, ...]:
    """APKiD's rules started in the background on the APK file itself (as soon as the archive is open) or, given
    `dexes`, on the DEX files they read in any case (within DEX_BUDGET), those from ``dexes[since]`` on: the
    matches `analyse` would run later, with the same arguments, for `analyse(early=...)` to take."""
    if not apkid_rules.background():
        return ()
    if dexes is not None:
        later = {id(dex.data) for dex in dexes[since:]}
        targets = [t for t in _dex_targets(dexes, everything=False)[0] if id(t[1]) in later]
    else:
        targets = [(APK_LOCATION, archive.data)] if len(archive.names) <= MAX_APKID_ENTRIES else []
    if not targets:
        return ()
    try:
        return (apkid_rules.Background(targets, int(archive.seconds_left() or apkid_rules.TIMEOUT_SECONDS)),)
    except RuntimeError:  # no thread to be had (a batch child's memory cap counts its stack): analyse matches
        return ()


def dex_budget_left(dexes: Sequence[DexFile]) -> int:
    """DEX bytes APKiD's rules may still read after these DEX files (a larger DEX is left out)."""
    return DEX_BUDGET - sum(len(data) for _name, data in _dex_targets(dexes, everything=False)[0])


def _dex_targets(dexes: Sequence[DexFile], everything: bool) -> tuple[list[tuple[str, bytes]], list[str]]:
    """(name, bytes) of the DEX files APKiD's rules read, in load order, and those left out (DEX_BUDGET)."""
    targets: list[tuple[str, bytes]] = []
    skipped: list[str] = []
    spent = 0
    for dex in dexes:
        size = len(dex.data)
        if not everything and spent + size > DEX_BUDGET:
            skipped.append(f"{dex.name} ({size} bytes)")
            continue
        spent += size
        targets.append((dex.name, dex.data))
    return targets, skipped


def analyse(
    archive: ApkArchive,
    components: Sequence[Component],
    dexes: list[DexFile],
    code: CodeFacts,
    early: Sequence[apkid_rules.Background] = (),
) -> PackingFacts:
    """Everything that hides code in this APK, and the coverage verdict it leads to. `early` holds matches of
    APKiD's rules that `start` began; the others run here."""
    program = code.program or Program(dexes)
    runtime = code.runtime or runtime_code.scan(program)
    return _analyse(archive, components, program, runtime, code.sites, early)


def _analyse(
    archive: ApkArchive,
    components: Sequence[Component],
    program: Program,
    runtime: RuntimeCode,
    sites: Mapping[str, Sequence[Site]],
    early: Sequence[apkid_rules.Background] = (),
) -> PackingFacts:
    evidence, scan, ruleset = _gather(archive, components, program, runtime, sites, early)
    left_out = evidence.hidden_bytes - evidence.payload_bytes
    if left_out:
        scan.notes.append(
            f"{left_out} bytes of blobs that may be code are left out of the coverage estimate: no class loader, "
            "packer or missing class points to them"
        )
    found = verdict(evidence)
    packers_catalog = catalogs.load("packers")
    return PackingFacts(
        coverage=found.coverage,
        signals=evidence.signals,
        packers=found.packers,
        notes=found.reasons + tuple(scan.notes),
        visible_share=found.visible_share,
        dex_bytes=evidence.dex_bytes,
        payload_bytes=evidence.payload_bytes,
        declared_classes=len(evidence.declared),
        missing_classes=evidence.missing,
        stamps=(("apkid", ruleset.stamp if ruleset else "unavailable"), (packers_catalog.name, packers_catalog.stamp)),
    )


def _gather(
    archive: ApkArchive,
    components: Sequence[Component],
    program: Program,
    runtime: RuntimeCode,
    sites: Mapping[str, Sequence[Site]],
    early: Sequence[apkid_rules.Background] = (),
) -> tuple[Evidence, _Scan, apkid_rules.RuleSet | None]:
    """Every signal of hidden code in this APK (the part of the work that reads it)."""
    app_class = next((c.name for c in components if c.kind == "application"), None)
    scan = _Scan(archive, program)
    scan.signals += runtime.signals
    scan.signals += jni_on_paths(program, sites)
    loaders = scan.hiding_loaders()
    scan.by_name(app_class)
    scan.by_content()
    declared, missing = scan.missing_classes(components, app_class)
    ruleset = scan.apkid_ruleset()
    if ruleset is not None:
        scan.apkid_files(ruleset, early)
    dex_bytes = sum(len(d.data) for d in program.dexes)
    unexplained = sum(p.size for p in scan.payloads if not p.certain)
    certain = sum(p.size for p in scan.payloads if p.certain)
    if ruleset is not None:
        payload = counted_payload(certain, unexplained, dex_bytes, _points_to_hidden(scan.signals, loaders, missing))
        hiding = bool(payload or any(s.kind == "packer" for s in scan.signals))
        scan.apkid_dex(ruleset, everything=hiding, early=early)
    pointed = _points_to_hidden(scan.signals, loaders, missing)
    evidence = Evidence(
        signals=_dedupe(scan.signals),
        components=tuple(components),
        declared=tuple(declared),
        missing=tuple(missing),
        loader_locations=tuple(sorted({s.location for s in loaders})),
        dex_names=frozenset(d.name for d in program.dexes),
        dex_bytes=dex_bytes,
        payload_bytes=counted_payload(certain, unexplained, dex_bytes, pointed),
        hidden_bytes=certain + unexplained,
    )
    return evidence, scan, ruleset


def _points_to_hidden(signals: Sequence[Signal], loaders: Sequence[Signal], missing: Sequence[str]) -> bool:
    return any(s.kind == "packer" for s in signals) or bool(loaders) or bool(missing)


def counted_payload(certain: int, unexplained: int, dex_bytes: int, pointed: bool) -> int:
    """Payload bytes that count: all of them once a packer, loader or missing class points to hidden code
    (`pointed`); else only DEX bytes, and only when they outweigh the visible DEX (a bigger app in assets/)."""
    if pointed:
        return certain + unexplained
    return certain if certain >= max(dex_bytes, 1) else 0


@dataclass(frozen=True)
class Evidence:
    """What the coverage verdict is made of: gathered from an APK by `_gather`, or built by hand in a test."""

    signals: tuple[Signal, ...]  # deduplicated and sorted (_dedupe)
    components: tuple[Component, ...]
    declared: tuple[str, ...]  # classes the app declares
    missing: tuple[str, ...]  # the declared classes no DEX defines
    loader_locations: tuple[str, ...]  # methods that load code from outside the APK, sorted
    dex_names: frozenset[str]
    dex_bytes: int  # bytes of the DEX files the installer loads
    payload_bytes: int  # bytes of hidden code that count (counted_payload)
    hidden_bytes: int = 0  # bytes of every blob that may be code, counted or not


@dataclass(frozen=True)
class Verdict:
    coverage: Coverage
    reasons: tuple[str, ...]  # "code partial: ..." lines; none when coverage is complete
    visible_share: float
    packers: tuple[str, ...]


def verdict(e: Evidence) -> Verdict:
    """The coverage verdict: opaque when hidden code outweighs what is seen or the entry points are missing,
    partial when some code is hidden, complete otherwise. Pure: no APK is read."""
    packers = tuple(sorted({s.name for s in e.signals if s.kind == "packer"}))
    class_share = 1 - len(e.missing) / len(e.declared) if e.declared else 1.0
    visible = e.dex_bytes + e.payload_bytes
    byte_share = e.dex_bytes / visible if visible else 1.0
    opaque, partial = _class_reasons(e, class_share)
    if e.payload_bytes and byte_share < 0.5:
        opaque.append(
            f"{e.payload_bytes} bytes of hidden code outweigh the {e.dex_bytes} bytes of DEX the installer loads"
        )
    elif e.payload_bytes:
        partial.append(f"{e.payload_bytes} bytes of code are shipped outside the DEX files the installer loads")
    partial += _hiding_reasons(e, packers)
    coverage = Coverage.OPAQUE if opaque else Coverage.PARTIAL if partial else Coverage.COMPLETE
    reasons = [f"code {coverage.value}: {r}" for r in opaque + partial] if coverage is not Coverage.COMPLETE else []
    return Verdict(coverage, tuple(reasons), round(min(class_share, byte_share), 2), packers)


def _class_reasons(e: Evidence, class_share: float) -> tuple[list[str], list[str]]:
    """(opaque, partial) reasons from the declared classes no DEX defines."""
    opaque: list[str] = []
    partial: list[str] = []
    kinds = {c.name: c for c in e.components}
    for name in e.missing:
        c = kinds.get(name)
        if c is not None and (c.launcher or c.kind == "application"):
            role = "launcher activity" if c.launcher else "application class"
            opaque.append(f"the manifest's {role} {name} is in no DEX file")
    if e.missing and class_share < 0.5:
        opaque.append(f"{len(e.missing)} of {len(e.declared)} classes the app declares are in no DEX file")
    elif e.missing:
        partial.append(f"{len(e.missing)} of {len(e.declared)} classes the app declares are in no DEX file")
    return opaque, partial


def _hiding_reasons(e: Evidence, packers: Sequence[str]) -> list[str]:
    """Partial reasons from packers, loaders, obfuscators and native code."""
    partial: list[str] = []
    if packers:
        partial.append(f"packed or protected with {', '.join(packers)}")
    if e.loader_locations:
        where = e.loader_locations
        partial.append(f"{len(where)} method(s) load code from outside the APK, e.g. {where[0]}")
    obfuscators = sorted({s.name for s in e.signals if s.kind == "obfuscator" and s.location in e.dex_names})
    if obfuscators:
        partial.append(f"the DEX is obfuscated with {', '.join(obfuscators)}: strings the scan matches may be hidden")
    jni = sorted({s.name for s in e.signals if s.kind == "native_code" and "JNI" in s.detail})
    if jni:
        partial.append(f"{len(jni)} class(es) on paths to personal-data reads declare native (JNI) methods")
    return partial
