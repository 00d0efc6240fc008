"""App packages: an app as people get it, in several APKs, read as the one app Android installs.

Formats: XAPK (a zip of `manifest.json`, `base.apk`, `config.*.apk` and sometimes OBB data), APKMirror's APKM
(a zip of `info.json` and APKs; the old encrypted APKM is refused: only APKMirror's installer holds its key),
bundletool's APKS (a zip of `toc.pb` and `splits/*.apk`; `standalones/` are left out when splits are there),
and split APKs as `adb pull` gives them (`base.apk` and `split_config.*.apk`), as a folder or a list of files.

The base APK is the one whose manifest names no `split`; every other APK must be a split of the same package.
The audit reads the base as the APK (manifest, resources, signature) and adds every split's DEX (feature
splits carry code) and files (config splits carry native libraries and resources; the base's wins a name
both have); components declared by a split's manifest are added, as Android adds them.

Nested zips are read in memory only, within the same limits: every inflation, from the package and from
the APKs inside it, counts against one `max_total_bytes`; the inner APKs get the zip-bomb, traversal and
entry-count checks of any APK; an APK inside an APK is never opened as a package (nesting depth 1).

Identity: a package file is known by its own SHA-256. A folder or list of split APKs has no file of its own:
its SHA-256 is that of the APKs' SHA-256s (lowercase hex, sorted, one per line, each ending in a newline).
A folder or list holding one APK is that APK.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from apkaudit.apk import DEFAULT_LIMITS, MANIFEST, ApkArchive, Budget, Limits
from apkaudit.errors import BadApkError
from apkaudit.facts.manifest import ManifestFacts
from apkaudit.files import open_regular, read_regular
from apkaudit.model import Analysis, Bundle, BundleMember, Coverage, Facts

PACKAGE_SUFFIXES = {".xapk": "xapk", ".apkm": "apkm", ".apks": "apks"}
MAX_APKS = 100  # APKs in one package: Play splits an app in a few dozen at most
PREFIX = "app package: "  # notes about the package as a whole
T = TypeVar("T")


@dataclass
class AppPackage(ApkArchive):
    """The base APK of an app package, with its splits' DEX and files seen through the same interface.

    `path` names the package and `sha256` is its identity; `data` and the zip index are the base APK's
    (what androguard and the tampering checks read).
    """

    bundle: Bundle | None = None
    splits: list[tuple[str, ApkArchive]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # why some APKs of the package were not read
    _routes: dict[str, tuple[int, str]] = field(default_factory=dict)  # name seen -> (split, name in it)
    _dex: dict[str, tuple[int, str]] = field(default_factory=dict)  # "split.apk!classes.dex" -> (split, name)

    @classmethod
    def of(cls, base: ApkArchive, splits: list[tuple[str, ApkArchive]]) -> AppPackage:
        package = cls(**{f.name: getattr(base, f.name) for f in dataclasses.fields(ApkArchive)})
        package.splits = splits
        for index, (member, archive) in enumerate(splits):
            for name in archive.dex_names():
                package._dex[f"{member}!{name}"] = (index, name)
            for name in archive.names:
                if name == MANIFEST or name.startswith("META-INF/") or name in archive.dex_names():
                    continue
                if name not in base._zip.infolist():
                    package._routes.setdefault(name, (index, name))
        return package

    # -- entries of the splits: the same calls, routed -------------------------------------------------

    @property
    def names(self) -> list[str]:
        return sorted({*self._zip.infolist(), *self._routes})

    def dex_names(self) -> list[str]:
        """The base's DEX in load order, then each split's, named `split.apk!classes.dex`."""
        return super().dex_names() + list(self._dex)

    def _route(self, name: str) -> tuple[str, ApkArchive, str] | None:
        where = None if name in self._zip.infolist() else self._routes.get(name) or self._dex.get(name)
        if where is None:
            return None
        member, archive = self.splits[where[0]]
        return member, archive, where[1]

    def _relay(self, member: str, archive: ApkArchive, call: Callable[[], T]) -> T:
        """Run `call` on a split; what it notes is noted here, under the split's name."""
        before = len(archive.notes)
        try:
            return call()
        finally:
            self.notes.extend(f"{member}: {n}" for n in archive.notes[before:])
            del archive.notes[before:]

    def declared_size(self, name: str) -> int:
        where = self._route(name)
        return super().declared_size(name) if where is None else where[1].declared_size(where[2])

    def encrypted(self, name: str) -> bool:
        where = self._route(name)
        return super().encrypted(name) if where is None else where[1].encrypted(where[2])

    def read(self, name: str, *, required: bool = False) -> bytes | None:
        where = self._route(name)
        if where is None:
            return super().read(name, required=required)
        member, archive, inner = where
        return self._relay(member, archive, lambda: archive.read(inner, required=required))

    def read_head(self, name: str, size: int) -> bytes:
        where = self._route(name)
        if where is None:
            return super().read_head(name, size)
        member, archive, inner = where
        return self._relay(member, archive, lambda: archive.read_head(inner, size))


# -- opening -------------------------------------------------------------------------------------------------


def open_app(source: str | os.PathLike[str] | Sequence[str], limits: Limits = DEFAULT_LIMITS) -> ApkArchive:
    """An APK, an app package file, a folder of split APKs or a list of them; raise BadApkError if unauditable."""
    if not isinstance(source, (str, os.PathLike)):
        paths = [str(p) for p in source]
        if len(paths) == 1:
            return open_app(paths[0], limits)
        return _open_files(" + ".join(paths), paths, limits)
    path = str(source)
    if os.path.isdir(path):
        return _open_folder(path, limits)
    data = read_regular(path, limits.max_file_bytes, BadApkError, "file")
    try:
        return ApkArchive.from_bytes(data, path, limits)
    except BadApkError as exc:
        if Path(path).suffix.lower() == ".apkm" and not data.startswith(b"PK"):
            raise BadApkError(
                f"{path}: encrypted APKM (only APKMirror's installer can decrypt it): cannot be audited; "
                "get the app as an unencrypted APKM, an XAPK or its APK files"
            ) from None
        if f"no {MANIFEST}" not in str(exc):
            raise
        return _open_container(data, path, limits, exc)


def identity(shas: Sequence[str]) -> str:
    """The SHA-256 of a folder or list of split APKs, from the SHA-256s of its APKs (see the module docs)."""
    return hashlib.sha256("".join(f"{s}\n" for s in sorted(shas)).encode()).hexdigest()


def split_files(folder: str) -> tuple[list[str], list[str]]:
    """(the *.apk regular files directly in `folder`, the other entries), sorted by name."""
    apks: list[str] = []
    others: list[str] = []
    for name in sorted(os.listdir(folder)):
        full = os.path.join(folder, name)
        try:
            regular = stat.S_ISREG(os.stat(full).st_mode)
        except OSError:
            regular = False
        (apks if regular and name.lower().endswith(".apk") else others).append(full)
    return apks, others


def folder_identity(folder: str) -> str:
    """The identity `open_app(folder)` will give, hashed from the files (for a batch, before the audit)."""
    apks, _ = split_files(folder)
    shas = []
    for path in apks:
        h = hashlib.sha256()
        with os.fdopen(open_regular(path), "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        shas.append(h.hexdigest())
    return shas[0] if len(shas) == 1 else identity(shas)


def is_split_folder(folder: str) -> bool:
    """A folder `adb pull` (or `apkaudit device`) leaves: base.apk and at least one other APK."""
    try:
        apks, _ = split_files(folder)
    except OSError:
        return False
    return len(apks) > 1 and any(os.path.basename(p) == "base.apk" for p in apks)


def _open_folder(folder: str, limits: Limits) -> ApkArchive:
    try:
        apks, others = split_files(folder)
    except OSError as exc:
        raise BadApkError(f"{folder}: cannot list folder: {exc.strerror or exc}") from None
    if not apks:
        raise BadApkError(f"{folder}: no APK files in the folder")
    if len(apks) == 1:
        return ApkArchive.open(apks[0], limits)
    return _open_files(folder, apks, limits, others)


def _open_files(label: str, paths: list[str], limits: Limits, others: Sequence[str] = ()) -> ApkArchive:
    if len(paths) > MAX_APKS:
        raise BadApkError(f"{label}: {len(paths)} APK files, over the {MAX_APKS}-APK limit of one app")
    loaded: list[tuple[str, bytes]] = []
    total = 0
    for p in paths:
        data = read_regular(p, limits.max_file_bytes, BadApkError, "file")
        total += len(data)
        if total > limits.max_file_bytes:
            raise BadApkError(f"{label}: the APK files are together over the {limits.max_file_bytes}-byte limit")
        loaded.append((os.path.basename(p) if os.path.isdir(label) else p, data))
    skipped = [BundleMember(os.path.basename(o), _size(o), "skipped", note="not an APK") for o in others]
    members = [_Candidate(name, data, len(data)) for name, data in loaded]
    return _assemble(label, "splits", None, members, skipped, [], Budget(), limits)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


@dataclass
class _Candidate:
    name: str
    data: bytes | None
    size: int
    problem: str | None = None  # why it cannot be read


def _open_container(data: bytes, path: str, limits: Limits, not_apk: BadApkError) -> ApkArchive:
    container = ApkArchive.from_bytes(data, path, limits, apk=False)
    apks = [n for n in container.names if n.lower().endswith(".apk")]
    if not apks:
        raise not_apk
    names = set(container.names)
    fmt = PACKAGE_SUFFIXES.get(Path(path).suffix.lower()) or (
        "apks" if "toc.pb" in names else "apkm" if "info.json" in names else "xapk"
    )
    left_out: dict[str, str] = {}
    if any(n.startswith("splits/") for n in apks):  # bundletool: standalones are whole APKs for old Androids
        left_out = {n: "an APK for devices without split support; the splits are audited" for n in apks}
        for n in apks:
            if n.startswith("splits/"):
                del left_out[n]
    skipped = [
        BundleMember(n, container.declared_size(n), "skipped", note=left_out.get(n, "not an APK"))
        for n in container.names
        if n in left_out or not n.lower().endswith(".apk")
    ]
    wanted = [n for n in apks if n not in left_out]
    if len(wanted) > MAX_APKS:
        raise BadApkError(f"{path}: {len(wanted)} APKs, over the {MAX_APKS}-APK limit of one app")
    members = []
    for name in wanted:
        size = container.declared_size(name)
        if container.encrypted(name):
            members.append(_Candidate(name, None, size, "encrypted"))
            continue
        before = len(container.notes)
        inner = container.read(name)
        if inner is None:
            why = container.notes[before:] or ["cannot be read"]
            members.append(_Candidate(name, None, size, why[-1]))
        elif not inner.startswith(b"PK"):
            members.append(_Candidate(name, None, size, "not a zip: encrypted or damaged"))
        else:
            members.append(_Candidate(name, inner, len(inner)))
    sha = container.sha256
    return _assemble(path, fmt, sha, members, skipped, container.notes, container.budget, limits)


def _split_name(archive: ApkArchive) -> tuple[str | None, str | None]:
    """(package, split) as the APK's manifest names them; (None, None) when it cannot be decoded."""
    from androguard.core.axml import AXMLPrinter

    raw = archive.read(MANIFEST)
    if raw is None:
        return None, None
    try:
        xml = AXMLPrinter(raw).get_xml_obj()
    except Exception:  # androguard's AXML parser raises anything on a tampered manifest
        return None, None
    if xml is None or xml.tag != "manifest":
        return None, None
    return xml.get("package"), xml.get("split")


def _assemble(
    path: str,
    fmt: str,
    sha: str | None,
    candidates: list[_Candidate],
    skipped: list[BundleMember],
    container_notes: Sequence[str],
    budget: Budget,
    limits: Limits,
) -> AppPackage:
    """Open every APK, find the base, check that the splits are its own, and join them."""
    opened: list[tuple[str, ApkArchive, str | None, str | None]] = []
    unreadable: list[BundleMember] = []
    for c in candidates:
        if c.data is None:
            unreadable.append(BundleMember(c.name, c.size, "unreadable", note=c.problem))
            continue
        try:
            archive = ApkArchive.from_bytes(c.data, f"{path}!{c.name}", limits, budget=budget)
        except BadApkError as exc:
            unreadable.append(BundleMember(c.name, c.size, "unreadable", note=str(exc).split(": ", 1)[-1]))
            continue
        owner, split = _split_name(archive)
        if owner is None:
            unreadable.append(BundleMember(c.name, c.size, "unreadable", note=f"{MANIFEST} cannot be decoded"))
            continue
        opened.append((c.name, archive, owner, split))
    bases = [o for o in opened if not o[3]]
    if len(bases) > 1:
        preferred = [o for o in bases if o[0] in ("base.apk", "splits/base-master.apk", "universal.apk")]
        if len(preferred) != 1:
            raise BadApkError(f"{path}: several base APKs ({', '.join(o[0] for o in bases)}): not one app")
        bases = preferred
    if not bases:
        if unreadable:
            why = "; ".join(f"{m.name}: {m.note}" for m in unreadable[:3])
            raise BadApkError(f"{path}: the base APK cannot be read ({why})")
        raise BadApkError(f"{path}: no base APK (every APK in it is a split of another)")
    base_name, base, base_package, _ = bases[0]
    splits = []
    for name, archive, owner, split in opened:
        if archive is base:
            continue
        if owner != base_package:
            raise BadApkError(f"{path}: {name} belongs to {owner}, the base APK to {base_package}: not one app")
        if not split:
            skipped.append(BundleMember(name, len(archive.data), "skipped", archive.sha256, note="a second base APK"))
            continue
        splits.append((name, archive, split))
    members = [BundleMember(base_name, len(base.data), "base", base.sha256)]
    members += [BundleMember(n, len(a.data), "split", a.sha256, split=s) for n, a, s in splits]
    members += unreadable + skipped
    package = AppPackage.of(base, [(n, a) for n, a, _ in splits])
    package.path = path
    package.sha256 = sha or identity([m.sha256 for m in members if m.role in ("base", "split") and m.sha256])
    package.bundle = Bundle(fmt, tuple(sorted(members, key=_member_order)))
    package.unreadable = [f"{m.name} ({m.note})" for m in unreadable]
    package.notes.extend(PREFIX + n for n in container_notes)
    _note_splits(package, splits)
    return package


def _member_order(m: BundleMember) -> tuple[int, str]:
    return (("base", "split", "unreadable", "skipped").index(m.role), m.name)


def _note_splits(package: AppPackage, splits: list[tuple[str, ApkArchive, str]]) -> None:
    from apkaudit.facts import tamper

    for name, archive, _ in splits:
        package.notes.extend(f"{name}: {n}" for n in [*archive.notes, *tamper.notes(archive)])
        archive.notes.clear()
    assert package.bundle is not None
    n_split = len(splits)
    said = f"{package.bundle.format} package: base APK {package.bundle.members[0].name}"
    said += f" and {n_split} split{'s' if n_split != 1 else ''}" + (
        f" ({', '.join(s for _, _, s in splits[:5])}{', ...' if n_split > 5 else ''})" if splits else ""
    )
    skipped = [m.name for m in package.bundle.members if m.role == "skipped"]
    if skipped:
        said += f"; {len(skipped)} files left out (not APKs the app installs): {', '.join(skipped[:3])}"
        said += f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    package.notes.append(PREFIX + said)
    for why in package.unreadable:
        package.notes.append(f"{PREFIX}an APK of the app cannot be read, its code is not analysed: {why}")


# -- the audit's hooks ---------------------------------------------------------------------------------------


def merge_manifest(archive: ApkArchive, manifest: ManifestFacts) -> ManifestFacts:
    """The base manifest, plus the components each feature split's manifest declares (as Android adds them)."""
    if not isinstance(archive, AppPackage):
        return manifest
    from apkaudit.facts.manifest import _components, open_androguard

    seen = {(c.kind, c.name) for c in manifest.components}
    found = list(manifest.components)
    for name, split in archive.splits:
        if not split.dex_names():  # a config split has no code, hence no component
            continue
        try:
            apk = archive._relay(name, split, lambda split=split: open_androguard(split))  # type: ignore[misc]
            declared = _components(apk, apk.get_android_manifest_xml(), None, manifest.app.target_sdk)
        except BadApkError as exc:
            archive.notes.append(f"{name}: its manifest cannot be read ({exc}); its components are left out")
            continue
        for c in declared:
            if (c.kind, c.name) not in seen:
                seen.add((c.kind, c.name))
                found.append(c)
    return replace(manifest, components=tuple(found))


def finish(archive: ApkArchive, facts: Facts) -> Facts:
    """Facts of an app package: its files in the identity, coverage at most `partial` if an APK was unreadable."""
    if not isinstance(archive, AppPackage):
        return facts
    facts = replace(facts, app=replace(facts.app, bundle=archive.bundle))
    if not archive.unreadable:
        return facts
    a: Analysis = facts.analysis
    coverage = Coverage.PARTIAL if a.coverage is Coverage.COMPLETE else a.coverage
    reason = f"code {Coverage.PARTIAL.value}: {len(archive.unreadable)} APKs of the app package cannot be read"
    return replace(facts, analysis=replace(a, coverage=coverage, notes=(reason, *a.notes)))
