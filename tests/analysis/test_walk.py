"""The walk from sites back to entry points answers as a plain breadth-first search over Program.callers.

Program.callers answers many methods at once (one question per DEX and level), gathers the callers of each
wanted method_id before handing them to the methods that want it, and hands one sorted tuple to the methods
whose long caller sets are equal (every Kotlin lambda's invoke answers Function1.invoke's callers). The walk
(`code._reach`) goes through such a tuple once per site. These tests check, on ApiDemos (or the sample
apps when the corpus is absent), that callers asked together equal callers asked one method at a time, and
that the walk's paths equal those of a search that goes through every caller of every method it meets.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from apkaudit.analysis import code
from apkaudit.analysis.program import Program
from apkaudit.dex.file import DexFile

ROOT = Path(__file__).resolve().parents[2]
APIDEMOS = ROOT.parent / "shared" / "corpus" / "ApiDemos-debug.apk"
SAMPLES = sorted((ROOT / "samples" / "apk").glob("*.apk"))


def _program(path: Path) -> Program:
    with zipfile.ZipFile(path) as z:
        names = sorted(
            (n for n in z.namelist() if n.startswith("classes") and n.endswith(".dex")),
            key=lambda n: int(n[len("classes") : -len(".dex")] or 1),
        )
        return Program([DexFile(z.read(n), n) for n in names])


def _apks() -> list[Path]:
    return [APIDEMOS] if APIDEMOS.is_file() else SAMPLES[:2]


def _methods(program: Program) -> list[str]:
    """Every method of every class, in a fixed order."""
    return [m.signature for cls in sorted(program.classes) for m in program.methods(cls)]


def _plain_reach(targets: set[str], program: Program, entries: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """code._reach without its shortcut: every caller of every method in the frontier is looked at."""
    paths: dict[str, tuple[str, ...]] = {}
    state: dict[str, tuple[dict[str, str | None], list[str]]] = {}
    for t in sorted(targets):
        if t in entries:
            paths[t] = (t,)
        else:
            state[t] = ({t: None}, [t])
    depth = 0
    while state and depth < code.MAX_DEPTH:
        depth += 1
        callers = program.callers(sorted({m for _, f in state.values() for m in f}))
        for t in list(state):
            succ, current = state[t]
            nxt: list[str] = []
            reached = None
            for m in current:
                for caller in callers[m]:
                    if caller not in succ:
                        succ[caller] = m
                        reached = reached or (caller if caller in entries else None)
                        nxt.append(caller)
            if reached is not None:
                path = [reached]
                while (step := succ[path[-1]]) is not None:
                    path.append(step)
                paths[t] = tuple(path)
                del state[t]
            elif not nxt or len(succ) > code.MAX_FRONTIER:
                del state[t]
            else:
                state[t] = (succ, nxt)
    return paths


@pytest.mark.parametrize("path", _apks(), ids=lambda p: p.name)
def test_callers_asked_together_equal_callers_asked_one_by_one(path: Path) -> None:
    methods = _methods(_program(path))
    asked = methods[:: max(1, len(methods) // 1500)]
    lambdas = [m for m in methods if m.endswith("->invoke(Ljava/lang/Object;)Ljava/lang/Object;")][:40]
    asked = sorted(set(asked) | set(lambdas))
    together = _program(path).callers(asked)
    alone = _program(path)
    for method in asked:
        assert alone.callers([method])[method] == together[method], method
    if path == APIDEMOS:  # Kotlin's lambdas share Function1.invoke's callers: one tuple, not one per lambda
        long = [together[m] for m in lambdas if len(together[m]) >= 1000]
        assert len(long) >= 10
        assert len({id(t) for t in long}) < len(long)


@pytest.mark.parametrize("path", _apks(), ids=lambda p: p.name)
def test_the_walk_finds_the_paths_of_a_plain_search(path: Path) -> None:
    program = _program(path)
    methods = _methods(program)
    # entry points: the lifecycle and click callbacks of every class; sites: a spread of every other method
    entries = {m: "test" for m in methods if m.split("->")[1].startswith(("onCreate(", "onClick(", "run()V"))}
    sites = {m for m in methods[:: max(1, len(methods) // 300)] if m not in entries}
    sites |= {m for m in methods if "TwilightManager;->" in m or m.endswith("->invoke(Ljava/lang/Object;)V")}
    expected = _plain_reach(sites, _program(path), entries)
    assert code._reach(sites, program, entries) == expected
    assert expected
    if path == APIDEMOS:  # the walk goes deep, through Kotlin lambdas and AppCompat (TwilightManager)
        assert any(len(p) > 10 for p in expected.values())
