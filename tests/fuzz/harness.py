"""Fuzz targets over the parsers that read untrusted bytes, driven by Hypothesis mutations of a seed corpus.

A target may end in our own error type (ApkAuditError; DexError for the DEX reader, which audit.py turns into
one) or return normally; anything else is a crash. The seed corpus is every sample APK, its manifest and
DEX files, and every shipped rule book. `run_for(target, seconds)` runs one target for a wall-clock budget
and returns the number of inputs tried; `python -m tests.fuzz.harness TARGET SECONDS` does the same from a
shell, for long runs.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apkaudit.apk import MANIFEST, ApkArchive, Limits
from apkaudit.dex.encoding import DexError
from apkaudit.dex.file import DexFile
from apkaudit.errors import ApkAuditError

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "apk"
POLICIES = ROOT / "policies"

# Small caps so that a mutated size field costs milliseconds, not a gigabyte.
FUZZ_LIMITS = Limits(max_entry_bytes=8 << 20, max_total_bytes=32 << 20, ratio_floor=1 << 16, max_analysis_seconds=20)

_INTERESTING = (0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF)


def fuzz_seconds(default: float = 3.0) -> float:
    """Seconds per target: APKAUDIT_FUZZ_SECONDS, or a few seconds so the normal test run stays fast."""
    try:
        return float(os.environ.get("APKAUDIT_FUZZ_SECONDS", default))
    except ValueError:
        return default


# -- seed corpus ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def seed_apks() -> tuple[bytes, ...]:
    return tuple(p.read_bytes() for p in sorted(SAMPLES.glob("*.apk")))


@functools.lru_cache(maxsize=1)
def seed_entries() -> tuple[dict[str, bytes], ...]:
    out = []
    for p in sorted(SAMPLES.glob("*.apk")):
        with zipfile.ZipFile(p) as z:
            out.append({n: z.read(n) for n in z.namelist()})
    return tuple(out)


@functools.lru_cache(maxsize=1)
def seed_tables() -> tuple[bytes, ...]:
    return tuple(sorted({e["resources.arsc"] for e in seed_entries() if "resources.arsc" in e}))


@functools.lru_cache(maxsize=1)
def seed_dexes() -> tuple[bytes, ...]:
    return tuple(data for e in seed_entries() for n, data in sorted(e.items()) if n.endswith(".dex"))


@functools.lru_cache(maxsize=1)
def seed_policies() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(POLICIES.glob("*.yaml")))


# -- mutations -----------------------------------------------------------------------------------------

# (kind, position, bytes): kinds are flip, overwrite, insert, delete, truncate, interesting 32-bit value.
MUTATIONS = st.lists(
    st.tuples(st.integers(0, 5), st.integers(0, 2**32 - 1), st.binary(min_size=1, max_size=8)),
    min_size=1,
    max_size=6,
)


def mutate(data: bytes, ops: list[tuple[int, int, bytes]], anchors: list[int] | None = None) -> bytes:
    """Apply `ops` to `data`; with `anchors` (offsets of headers), positions land near them."""
    buf = bytearray(data)
    for kind, where, value in ops:
        if not buf:
            break
        pos = (anchors[where % len(anchors)] + (where >> 16) % 48) % len(buf) if anchors else where % len(buf)
        if kind == 0:
            buf[pos] ^= value[0] or 0x01
        elif kind == 1:
            buf[pos : pos + len(value)] = value
        elif kind == 2:
            buf[pos:pos] = value
        elif kind == 3:
            del buf[pos : pos + value[0] % 64 + 1]
        elif kind == 4:
            del buf[pos:]
        else:
            buf[pos : pos + 4] = _INTERESTING[value[0] % len(_INTERESTING)].to_bytes(4, "little")
    return bytes(buf)


def zip_anchors(data: bytes) -> list[int]:
    """Offsets of every local header, central header and end record: where tampering happens."""
    found = []
    for sig in (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            found.append(i)
            start = i + 1
    return sorted(found)


def build_zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


# -- targets -------------------------------------------------------------------------------------------


def target_apk(data: bytes) -> None:
    """ApkArchive.from_bytes, every entry read, the head of each, and the tampering indicators."""
    from apkaudit.facts import tamper

    try:
        archive = ApkArchive.from_bytes(data, "<fuzz>", FUZZ_LIMITS)
    except ApkAuditError:
        return
    tamper.notes(archive)
    archive.dex_names()
    for name in archive.names[:64]:
        archive.read_head(name, 64)
        archive.read(name)


def target_manifest(entries: dict[str, bytes]) -> None:
    """The manifest reader (androguard through BoundedZip) on a manifest mutated inside a valid zip."""
    from apkaudit.facts import tamper
    from apkaudit.facts.manifest import open_androguard, read_manifest

    try:
        archive = ApkArchive.from_bytes(build_zip(entries), "<fuzz>", FUZZ_LIMITS)
        tamper.notes(archive)
        apk = open_androguard(archive)
        read_manifest(archive, apk)
    except ApkAuditError:
        return


def target_dex(data: bytes) -> None:
    """DexFile and the reads the code analysis makes: strings, lookups, classes, instructions, code users."""
    from apkaudit.analysis.code import analyse
    from apkaudit.dex.decoder import decode

    try:
        dex = DexFile(data, "classes.dex")
        for i in range(min(dex.string_count, 64)):
            dex.string(i)
        dex.find_string("content://com.android.contacts")
        dex.find_type("Landroid/content/ContentResolver;")
        dex.find_method(
            "Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;"
            "[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;"
        )
        for code_off in dex.code_offsets()[:64]:
            with contextlib.suppress(DexError):  # the flow analysis's full decode, on its own
                decode(dex, code_off)
        for cdef in list(dex.classes())[:32]:
            for m in dex.methods_of(cdef.index)[:16]:
                if m.code_off:
                    dex.code_item(m.code_off)
                    for _ in dex.instructions(m.code_off):
                        pass
        dex.code_users(
            methods=range(min(dex.method_count, 64)),
            strings=range(min(dex.string_count, 64)),
            fields=range(min(dex.field_count, 16)),
            types=range(min(dex.type_count, 16)),
        )
        analyse([dex], (), flows=True)
    except (DexError, ApkAuditError):
        return


def target_resources(data: bytes) -> None:
    """The resource table reader (facts/restable.py): androguard's answers, or the table left to androguard."""
    from tests.facts.arsc_parity import same_as_androguard

    same_as_androguard(data)  # AssertionError when it reads a table androguard rejects, or answers otherwise


def target_audit(entries: dict[str, bytes], folder: Path) -> None:
    """The whole fact gathering (code analysis, packing, category, disclosure) on an APK with a mutated DEX."""
    from apkaudit.audit import gather_facts

    path = folder / "fuzzed.apk"
    path.write_bytes(build_zip(entries))
    try:
        gather_facts(path, FUZZ_LIMITS)
    except ApkAuditError:
        return


def target_policy(text: bytes, folder: Path) -> None:
    """The rule-book loader on mutated YAML, read from a file in `folder` (extends resolves beside it)."""
    from apkaudit.policy.load import load

    path = folder / "fuzzed.yaml"
    path.write_bytes(text)
    try:
        load(str(path))
    except ApkAuditError:
        return


def alias_bomb(levels: int, width: int, anchored_scalar: str = "lol") -> str:
    """A rule book prefix whose anchors nest `levels` deep, each level aliasing the one below `width` times."""
    lines = [f"l0: &l0 [{', '.join([repr(anchored_scalar)] * width)}]"]
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def target_policy_aliases(levels: int, width: int, seed: int, folder: Path) -> None:
    """The rule-book loader on a shipped rule book with an alias bomb in front: refused or loaded, quickly."""
    from apkaudit.policy.load import load

    text = alias_bomb(levels, width) + seed_policies()[seed % len(seed_policies())]
    path = folder / f"aliases-{levels}-{width}.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    with contextlib.suppress(ApkAuditError):
        load(str(path))
    assert time.monotonic() - start < 10, f"{levels} levels of {width} aliases took over 10 s"


PATH_KINDS = ("new", "file", "symlink-file", "symlink-null", "null", "folder", "missing-folder", "input", "stdout")


def target_output(kind: str, text: str, folder: Path) -> None:
    """files.write_output on each kind of path: written, or refused with our error; never a device replaced,
    an input destroyed, or a temporary file left behind."""
    import shutil
    import stat

    from apkaudit.files import write_output

    work = folder / "out"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    source = work / "input.apk"
    source.write_bytes(b"PK input")
    target = {
        "new": work / "new.txt",
        "file": work / "file.txt",
        "symlink-file": work / "link.txt",
        "symlink-null": work / "null-link",
        "null": Path(os.devnull),
        "folder": work,
        "missing-folder": work / "missing" / "x.txt",
        "input": source,
        "stdout": Path("-"),
    }[kind]
    (work / "file.txt").write_text("old")
    (work / "link.txt").symlink_to(work / "file.txt")
    (work / "null-link").symlink_to(os.devnull)
    try:
        written = write_output(str(target), [text], [str(source)])
    except ApkAuditError:
        written = False
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert (work / "null-link").is_symlink() and (work / "link.txt").is_symlink()
    assert source.read_bytes() == b"PK input"
    assert not [p for p in work.iterdir() if p.name.endswith(".tmp")]
    if written and kind in ("new", "file", "symlink-file"):
        assert target.read_text(encoding="utf-8") == text
    assert kind != "stdout" or not written


# -- runners -------------------------------------------------------------------------------------------

_FUZZ_SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=list(HealthCheck),
)


def _examples(name: str, counter: list[int], folder: Path) -> Callable[[], None]:
    """One Hypothesis test for the target `name`: up to 50 fresh mutated inputs per call."""
    build = _BUILDERS.get(name)
    if build is None:
        raise ValueError(f"unknown fuzz target {name!r} ({', '.join(TARGETS)})")
    return build(counter, folder)


def _apk_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.integers(0, 10**6), MUTATIONS, st.booleans())
    def apk(pick: int, ops: list[tuple[int, int, bytes]], anchored: bool) -> None:
        seed = seed_apks()[pick % len(seed_apks())]
        counter[0] += 1
        target_apk(mutate(seed, ops, zip_anchors(seed) if anchored else None))

    return apk


def _manifest_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.integers(0, 10**6), MUTATIONS)
    def manifest(pick: int, ops: list[tuple[int, int, bytes]]) -> None:
        entries = dict(seed_entries()[pick % len(seed_entries())])
        entries[MANIFEST] = mutate(entries[MANIFEST], ops)
        counter[0] += 1
        target_manifest(entries)

    return manifest


def _dex_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.integers(0, 10**6), MUTATIONS)
    def dex(pick: int, ops: list[tuple[int, int, bytes]]) -> None:
        seed = seed_dexes()[pick % len(seed_dexes())]
        counter[0] += 1
        target_dex(mutate(seed, ops))

    return dex


def _resources_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.integers(0, 10**6), MUTATIONS)
    def resources(pick: int, ops: list[tuple[int, int, bytes]]) -> None:
        seed = seed_tables()[pick % len(seed_tables())]
        counter[0] += 1
        target_resources(mutate(seed, ops))

    return resources


def _policy_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.integers(0, 10**6), MUTATIONS)
    def policy(pick: int, ops: list[tuple[int, int, bytes]]) -> None:
        seed = seed_policies()[pick % len(seed_policies())].encode("utf-8")
        counter[0] += 1
        target_policy(mutate(seed, ops), folder)

    return policy


def _audit_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.integers(0, 10**6), MUTATIONS)
    def audit(pick: int, ops: list[tuple[int, int, bytes]]) -> None:
        entries = dict(seed_entries()[pick % len(seed_entries())])
        dex = sorted(n for n in entries if n.endswith(".dex"))
        if dex:
            entries[dex[pick % len(dex)]] = mutate(entries[dex[pick % len(dex)]], ops)
        counter[0] += 1
        target_audit(entries, folder)

    return audit


def _aliases_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.integers(0, 12), st.integers(1, 12), st.integers(0, 10**6))
    def aliases(levels: int, width: int, pick: int) -> None:
        counter[0] += 1
        target_policy_aliases(levels, width, pick, folder)

    return aliases


def _output_examples(counter: list[int], folder: Path) -> Callable[[], None]:
    @_FUZZ_SETTINGS
    @given(st.sampled_from(PATH_KINDS), st.text(max_size=64).filter(lambda t: "\r" not in t))
    def output(kind: str, text: str) -> None:
        counter[0] += 1
        target_output(kind, text, folder)

    return output


_BUILDERS: dict[str, Callable[[list[int], Path], Callable[[], None]]] = {
    "apk": _apk_examples,
    "manifest": _manifest_examples,
    "dex": _dex_examples,
    "resources": _resources_examples,
    "policy": _policy_examples,
    "audit": _audit_examples,
    "aliases": _aliases_examples,
    "output": _output_examples,
}


TARGETS = ("apk", "manifest", "dex", "resources", "policy", "audit", "aliases", "output")


def run_for(name: str, seconds: float) -> int:
    """Run target `name` for about `seconds` (at least one batch); the number of inputs tried. A crash raises."""
    counter = [0]
    with tempfile.TemporaryDirectory(prefix="apkaudit-fuzz-") as folder:
        test = _examples(name, counter, Path(folder))
        stop = time.monotonic() + seconds
        while True:
            test()
            if time.monotonic() >= stop:
                break
    return counter[0]


def main(argv: list[str]) -> int:
    name, seconds = argv[0], float(argv[1])
    start = time.monotonic()
    try:
        count = run_for(name, seconds)
    except Exception as exc:  # a crash: report it and fail
        import traceback

        traceback.print_exc()
        print(f"{name}: CRASH after {time.monotonic() - start:.0f} s: {type(exc).__name__}: {exc}", flush=True)
        return 1
    print(f"{name}: {count} inputs in {time.monotonic() - start:.0f} s, no crash", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
