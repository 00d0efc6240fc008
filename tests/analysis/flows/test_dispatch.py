"""The override an object of a known class runs (objects.runs), which decides what a call returns when its
argument was made by the caller (engine.py ReturnedTyped); end to end: micro-apps dispatch_by_caller and
dispatch_by_caller_local."""

from __future__ import annotations

from types import SimpleNamespace

from apkaudit.analysis.flows.objects import runs

CLASSES = {"LSource;": "Ljava/lang/Object;", "LDevice;": "LSource;", "LVersion;": "LSource;", "LLatest;": "LVersion;"}
DEFINED = {"LSource;->value()V", "LDevice;->value()V", "LVersion;->value()V"}
PROGRAM = SimpleNamespace(
    is_app_class=lambda c: c in CLASSES,
    method=lambda sig: sig if sig in DEFINED else None,
    classes={k: (0, SimpleNamespace(superclass=v)) for k, v in CLASSES.items()},
)


def test_an_object_runs_its_own_override():
    assert runs(PROGRAM, "LDevice;", "value()V") == "LDevice;->value()V"  # type: ignore[arg-type]


def test_an_object_without_one_runs_the_nearest_superclass_override():
    assert runs(PROGRAM, "LLatest;", "value()V") == "LVersion;->value()V"  # type: ignore[arg-type]


def test_a_method_no_app_class_defines_is_not_found():
    assert runs(PROGRAM, "LDevice;", "other()V") is None  # type: ignore[arg-type]
