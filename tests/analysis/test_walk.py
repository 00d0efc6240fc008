"""The walk from sites back to entry points answers as a plain breadth-first search over Program.callers.

Program.callers answers many methods at once (one question per DEX and level), gathers the callers of each
wanted method_id before handing them to the methods that want it, and hands one sorted tuple to the methods
whose long caller sets are equal (every Kotlin lambda's invoke answers Function1.invoke's callers). The walk
(`code._reach`) goes through such a tuple once per site. These tests check, on ApiDemos (or the sample
apps when the corpus is absent), that callers asked together equal callers asked one method at a time, and
that the walk's paths equal those of a search of its own per site that looks at every caller of every method.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from apkaudit.analysis import code
from apkaudit.analysis.program import Program
from tests.analysis.test_program_lookups import _dexes

ROOT = Path(__file__).resolve().parents[2]
APIDEMOS = ROOT.parent / "shared" / "corpus" / "ApiDemos-debug.apk"
SAMPLES = sorted((ROOT / "samples" / "apk").glob("*.apk"))


def _program(path: Path) -> Program:
    return Program(_dexes(path))


def _apks() -> list[Path]:
    return [APIDEMOS] if APIDEMOS.is_file() else SAMPLES[:2]


def _methods(program: Program) -> list[str]:
    """Every method of every class, in a fixed order."""
    return [m.signature for cls in sorted(program.classes) for m in program.methods(cls)]


def _plain_path(target: str, program: Program, entries: dict[str, str]) -> tuple[str, ...] | None:
    """One site's shortest path, by a breadth-first search of its own that looks at every caller of every method it
    meets (code._reach walks all sites level by level together, going through a shared caller tuple once)."""
    if target in entries:
        return (target,)
    towards: dict[str, str | None] = {target: None}  # method -> the method it calls on the way to the target
    level = [target]
    for _ in range(code.MAX_DEPTH):
        found = []
        for method in level:
            for caller in program.callers([method])[method]:
                if caller not in towards:
                    towards[caller] = method
                    found.append(caller)
        entry = next((m for m in found if m in entries), None)  # the first entry point met at this depth
        if entry is not None:
            path = [entry]
            while (step := towards[path[-1]]) is not None:
                path.append(step)
            return tuple(path)
        if not found or len(towards) > code.MAX_FRONTIER:
            return None
        level = found
    return None


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
    plain = _program(path)
    expected = {s: found for s in sorted(sites) if (found := _plain_path(s, plain, entries)) is not None}
    assert code._reach(sites, program, entries) == expected
    assert expected
    if path == APIDEMOS:  # the walk goes deep, through Kotlin lambdas and AppCompat (TwilightManager)
        assert any(len(p) > 10 for p in expected.values())
