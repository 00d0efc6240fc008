"""Code the DEX files do not show: class loaders fed from outside the APK, native libraries, reflection.

One `code_users` scan per DEX finds the methods that call a class loader, load a native library or look
up a class or member by name; only those methods are decoded, to read the string constants they hold.
Holding a string is the evidence used (no data flow): a method that calls `Class.forName` and holds
"android.provider.ContactsContract$Contacts" reads contacts through reflection, and becomes a contacts
site with a note saying so. A class loader counts as loading code from outside the APK unless the method
also asks for the app's own APK path (ApplicationInfo.sourceDir, Context.getPackageCodePath).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from apkaudit.analysis.folded import FOLDING_CALLS, folded_strings
from apkaudit.analysis.owners import owner_of
from apkaudit.analysis.program import Program
from apkaudit.analysis.sources import entries
from apkaudit.dex.file import DexFile
from apkaudit.model import AccessPattern, Evidence, Signal, Site

ACC_NATIVE = 0x0100

_LOADERS = {
    ("Ldalvik/system/DexClassLoader;", "<init>"): "DexClassLoader",
    ("Ldalvik/system/PathClassLoader;", "<init>"): "PathClassLoader",
    ("Ldalvik/system/InMemoryDexClassLoader;", "<init>"): "InMemoryDexClassLoader",
    ("Ldalvik/system/DelegateLastClassLoader;", "<init>"): "DelegateLastClassLoader",
    ("Ldalvik/system/BaseDexClassLoader;", "<init>"): "BaseDexClassLoader",
    ("Ldalvik/system/DexFile;", "loadDex"): "DexFile.loadDex",
    ("Ldalvik/system/DexFile;", "<init>"): "DexFile",
}
_ALWAYS_OUTSIDE = {"InMemoryDexClassLoader"}  # its source is a byte buffer, never a file of the APK
_NATIVE_LOADS = {
    ("Ljava/lang/System;", "loadLibrary"): "System.loadLibrary",
    ("Ljava/lang/System;", "load"): "System.load",
    ("Ljava/lang/Runtime;", "loadLibrary"): "Runtime.loadLibrary",
    ("Ljava/lang/Runtime;", "load"): "Runtime.load",
}
_CLASS_LOOKUPS = {
    ("Ljava/lang/Class;", "forName"): "Class.forName",
    # the static type of the receiver is what a method reference names
    ("Ljava/lang/ClassLoader;", "loadClass"): "ClassLoader.loadClass",
    ("Ldalvik/system/BaseDexClassLoader;", "loadClass"): "ClassLoader.loadClass",
    ("Ldalvik/system/DexClassLoader;", "loadClass"): "ClassLoader.loadClass",
    ("Ldalvik/system/PathClassLoader;", "loadClass"): "ClassLoader.loadClass",
}
_MEMBER_LOOKUPS = {
    ("Ljava/lang/Class;", "getMethod"): "Class.getMethod",
    ("Ljava/lang/Class;", "getDeclaredMethod"): "Class.getDeclaredMethod",
    ("Ljava/lang/Class;", "getField"): "Class.getField",
    ("Ljava/lang/Class;", "getDeclaredField"): "Class.getDeclaredField",
}
_INVOKES = {("Ljava/lang/reflect/Method;", "invoke"): "Method.invoke"}
_APK_PATH_METHODS = {"getPackageCodePath", "getPackageResourcePath"}
_APK_PATH_FIELDS = {"sourceDir", "publicSourceDir", "splitSourceDirs", "splitPublicSourceDirs"}
_PATHLIKE = re.compile(r"^(?:https?://|/)|\.(?:jar|dex|apk|zip|so|dat|bin|odex|vdex)$", re.IGNORECASE)
_LIBNAME = re.compile(r"^[A-Za-z0-9_.+-]{1,64}$")
_MIN_MEMBER_ONLY = 10  # a member name alone (no class named) must be at least this long to count


@dataclass(frozen=True)
class RuntimeCode:
    """What the scan found: reflective reads of personal data, and the signals of code it cannot see."""

    sites: tuple[tuple[str, Site], ...]  # (category, site) found through reflection
    signals: tuple[Signal, ...]  # dynamic_loading, native_code, reflection; sorted
    calls: tuple[tuple[str, str], ...] = ()  # (caller, app method) run by Method.invoke with constant names


@dataclass(frozen=True)
class _Target:
    category: str
    signature: str  # the catalogue's smali signature of the field or method
    table: bool | None


@functools.lru_cache(maxsize=1)
def _reflection_targets() -> tuple[dict[str, dict[str, _Target]], dict[str, list[_Target]]]:
    """(dotted class name -> member -> target, member name -> targets) from the source catalogue."""
    by_class: dict[str, dict[str, _Target]] = defaultdict(dict)
    by_member: dict[str, list[_Target]] = defaultdict(list)
    for s in entries():
        if s.kind not in ("field", "method") or not s.signature or not s.category:
            continue
        cls, _, rest = s.signature.partition("->")
        member = re.split(r"[(:]", rest, maxsplit=1)[0]
        if member in ("<init>", "<clinit>"):
            continue
        target = _Target(s.category, s.signature, s.table)
        by_class[cls[1:-1].replace("/", ".")].setdefault(member, target)
        by_member[member].append(target)
    return dict(by_class), dict(by_member)


def _dotted(text: str) -> str:
    if text.startswith("L") and text.endswith(";"):
        text = text[1:-1]
    return text.replace("/", ".")


def _wanted(dex: DexFile) -> dict[int, tuple[str, str]]:
    """method index -> (group, label) for every API this module looks for that the DEX refers to."""
    found: dict[int, tuple[str, str]] = {}
    for group, table in (
        ("loader", _LOADERS),
        ("native", _NATIVE_LOADS),
        ("class", _CLASS_LOOKUPS),
        ("member", _MEMBER_LOOKUPS),
        ("invoke", _INVOKES),
    ):
        for (cls, name), label in table.items():
            for idx in dex.find_methods(cls, name):
                found[idx] = (group, label)
    return found


@dataclass
class _Method:
    """One method that calls a watched API: what it calls and the strings it holds."""

    signature: str
    calls: dict[str, set[str]]  # group -> labels
    strings: list[str]
    refs_apk_path: bool
    types: frozenset[str] = frozenset()  # the classes its code names (X.class, new X)


def _methods(program: Program) -> list[_Method]:
    out: dict[str, _Method] = {}
    for dex in program.dexes:
        wanted = _wanted(dex)
        if not wanted:
            continue
        for code_off, insns in dex.code_users(methods=wanted).items():
            strings: list[str] = []
            types: set[str] = set()
            apk_path = folds = False
            for _op, kind, index in dex.references(code_off):
                if kind == "string":
                    strings.append(dex.string(index))
                elif kind == "type":
                    types.add(dex.type_name(index))
                elif kind == "method":
                    name = dex.method_ref(index).name
                    apk_path = apk_path or name in _APK_PATH_METHODS
                    folds = folds or name in FOLDING_CALLS
                elif kind == "field":
                    apk_path = apk_path or dex.field_ref(index).name in _APK_PATH_FIELDS
            if folds:  # a name computed from the method's constants (reversed, cut: folded.py)
                strings += folded_strings(dex, code_off)
            for sig in dex.signatures_at(code_off):
                if sig in out:  # the same class in a later DEX: Android loads the first one
                    continue
                m = out[sig] = _Method(sig, defaultdict(set), sorted(set(strings)), apk_path, frozenset(types))
                for insn in insns:
                    assert insn.index is not None
                    group, label = wanted[insn.index]
                    m.calls[group].add(label)
    return [out[k] for k in sorted(out)]


def _quote(strings: Iterable[str], limit: int = 3) -> str:
    shown = [s if len(s) <= 80 else s[:77] + "..." for s in strings]
    text = ", ".join(f'"{s}"' for s in shown[:limit])
    return text + (f" and {len(shown) - limit} more" if len(shown) > limit else "")


def _reflective(m: _Method) -> tuple[list[tuple[str, Site]], list[Signal]]:
    """A read when the method names both the class and the member; a signal when it names only one."""
    by_class, by_member = _reflection_targets()
    apis = " and ".join(sorted(m.calls.get("class", set()) | m.calls.get("member", set())))
    held = set(m.strings)
    sites: dict[tuple[str, str], Site] = {}
    signals: list[Signal] = []
    named_classes = []
    for text in m.strings:
        cls = _dotted(text)
        members = by_class.get(cls)
        if not members:
            continue
        named_classes.append(cls)
        named = sorted(name for name in members if name in held)
        for name in named:
            t = members[name]
            strings = f'"{text}" and "{name}"'
            note = f"found through reflection: {apis} in a method that holds the strings {strings}"
            pattern = AccessPattern.BULK if t.table else None
            site = Site(
                m.signature, t.signature, owner_of(m.signature), Evidence.REFERENCED, pattern=pattern, note=note
            )
            if (t.category, t.signature) not in sites:
                sites[(t.category, t.signature)] = site
                signals.append(
                    Signal("reflection", f"{cls}.{name}", f"{apis} with {strings}: read as {t.category}", m.signature)
                )
        categories = sorted({t.category for t in members.values()})
        contract = any(t.table is not None for t in members.values())  # a content-provider contract class
        if not named and contract and len(categories) == 1:
            detail = f'{apis} with "{text}"; no member of it is named in the method (a {categories[0]} class)'
            signals.append(Signal("reflection", cls, detail, m.signature))
    if not named_classes and m.calls.get("member"):
        # A member looked up by name on a class obtained some other way (obj.getClass()): too weak for a read.
        for name in sorted(held):
            categories = sorted({t.category for t in by_member.get(name, [])})
            if len(name) >= _MIN_MEMBER_ONLY and len(categories) == 1:
                detail = f'{apis} with "{name}", a {categories[0]} API; no class is named in the method'
                signals.append(Signal("reflection", name, detail, m.signature))
    return [(c, sites[(c, a)]) for c, a in sorted(sites)], signals


def _invoked(program: Program, m: _Method) -> list[tuple[str, str]]:
    """(caller, app method) for a method that looks a member up and calls Method.invoke: the app methods named by
    its string constants on the classes it names (its own class for this.getClass(), an X.class, a class name
    string), or inherited by them. A method reached only this way is reachable from the caller."""
    if not (m.calls.get("member") and m.calls.get("invoke")):
        return []
    own = m.signature.partition("->")[0]
    named = {own} | set(m.types) | {"L" + s.replace(".", "/") + ";" for s in m.strings if "." in s}
    names = set(m.strings)
    edges = []
    for cls in sorted(c for c in named if program.is_app_class(c)):
        for name in sorted(names):
            for k in [cls, *program.app_ancestors(cls)]:
                defs = [d for d in program.methods(k) if d.name == name and d.code_off and not d.name.startswith("<")]
                if defs:
                    edges += [(m.signature, d.signature) for d in defs]
                    break
    return edges


def scan(program: Program) -> RuntimeCode:
    """Reflective reads, class loaders fed from outside the APK, and native library loads."""
    sites: list[tuple[str, Site]] = []
    signals: list[Signal] = []
    calls: list[tuple[str, str]] = []
    for m in _methods(program):
        calls += _invoked(program, m)
        owner = owner_of(m.signature)
        for label in sorted(m.calls.get("loader", ())):
            if m.refs_apk_path and label not in _ALWAYS_OUTSIDE:
                continue  # multidex-style loading of the app's own APK hides nothing
            paths = [s for s in m.strings if _PATHLIKE.search(s)]
            detail = f"{owner} code loads classes from outside the APK"
            if paths:
                detail += f"; the method holds {_quote(paths)}"
            signals.append(Signal("dynamic_loading", label, detail, m.signature))
        for label in sorted(m.calls.get("native", ())):
            libs = [s for s in m.strings if _LIBNAME.match(s) or s.endswith(".so")]
            detail = f"{owner} code loads a native library" + (f"; the method holds {_quote(libs)}" if libs else "")
            signals.append(Signal("native_code", label, detail, m.signature))
        if "class" in m.calls or "member" in m.calls:
            found, reflected = _reflective(m)
            sites += found
            signals += reflected
    return RuntimeCode(tuple(sites), tuple(sorted(set(signals), key=_signal_key)), tuple(sorted(set(calls))))


def jni_on_paths(program: Program, sites: Mapping[str, Sequence[Site]]) -> tuple[Signal, ...]:
    """Native (JNI) methods declared by classes that sit on a path to a personal-data read."""
    on_path: dict[str, set[str]] = defaultdict(set)
    for category, found in sites.items():
        for s in found:
            for frame in s.path or (s.method,):
                on_path[frame.partition("->")[0]].add(category)
    out = []
    for cls in sorted(on_path):
        natives = sorted(m.signature for m in program.methods(cls) if m.access_flags & ACC_NATIVE)
        if natives:
            names = ", ".join(sig.partition("->")[2].partition("(")[0] for sig in natives[:5])
            categories = ", ".join(sorted(on_path[cls]))
            detail = f"declares JNI methods ({names}) and sits on the path to {categories} reads"
            out.append(Signal("native_code", _dotted(cls), detail, natives[0]))
    return tuple(out)


def _signal_key(s: Signal) -> tuple[str, str, str, str]:
    return (s.kind, s.name, s.location, s.detail)
