"""Nothing from an APK runs, nothing escapes: no code loading, no files written, safe YAML, parameterised SQL,
checked output paths."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from apkaudit.errors import PolicyError
from apkaudit.policy.load import load
from tests.conftest import ROOT, sample_apk

PACKAGE = ROOT / "apkaudit"
SOURCES = sorted(PACKAGE.rglob("*.py"))

_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
_FORBIDDEN_ATTRS = {
    ("importlib", "import_module"),
    ("os", "system"),
    ("os", "popen"),
    ("zipfile", "extractall"),
    ("pickle", "loads"),
    ("pickle", "load"),
    ("marshal", "loads"),
}
_FORBIDDEN_MODULES = {"pickle", "marshal", "ctypes", "subprocess", "apkInspector.extract", "runpy", "code"}
# the batch worker calls libc's prctl through ctypes to die with its parent: the C library, never APK code
# `apkaudit device` runs the user's own `adb` with fixed argument lists (no shell), never anything from an APK
_ALLOWED = {("batch/isolate.py", "ctypes"), ("device.py", "subprocess")}


def _tree(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_can_run_or_load_code(path):
    for node in ast.walk(_tree(path)):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call):
            func = node.func
            assert not (isinstance(func, ast.Name) and func.id in _FORBIDDEN_CALLS), where
            if isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else None
                assert (owner, func.attr) not in _FORBIDDEN_ATTRS, where
                assert func.attr not in {"extractall", "extract"} or owner == "self", where  # no zip extraction
                assert not func.attr.startswith(("execv", "spawn")), where
        elif isinstance(node, ast.Import):
            allowed = {m for f, m in _ALLOWED if path.relative_to(PACKAGE).as_posix() == f}
            assert not {a.name for a in node.names} & (_FORBIDDEN_MODULES - allowed), where
        elif isinstance(node, ast.ImportFrom):
            assert node.module not in _FORBIDDEN_MODULES, where
        if isinstance(node, ast.keyword) and node.arg == "Loader":  # YAML is read with a safe loader only
            assert "SafeLoader" in ast.unparse(node.value), where
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\byaml\.(unsafe_load|full_load)\(|\bLoader=yaml\.(Full|Unsafe)?Loader\b", text), path
    for call in re.finditer(r"\byaml\.load\(([^)]*)\)", text):
        assert "SafeLoader" in call.group(1), path


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_a_scan_writes_nothing_outside_its_output(tmp_path):
    work, home, tmp = tmp_path / "work", tmp_path / "home", tmp_path / "tmp"
    for d in (work, home, tmp):
        d.mkdir()
    env = dict(
        os.environ, HOME=str(home), TMPDIR=str(tmp), XDG_CACHE_HOME=str(home / ".cache"), PYTHONDONTWRITEBYTECODE="1"
    )
    for name in ("harvest-loan", "packed-stub", "dex-loader"):
        result = subprocess.run(
            [sys.executable, "-m", "apkaudit.cli", "scan", str(sample_apk(name)), "--format", "json"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    tampered = sorted((ROOT / "samples" / "tampered").glob("*.apk"))
    subprocess.run(
        [sys.executable, "-m", "apkaudit.cli", "scan", *map(str, tampered), "--format", "json"],
        cwd=work,
        env=env,
        capture_output=True,
    )
    assert _listing(work) == set() and _listing(home) == set() and _listing(tmp) == set()


def test_rule_books_refuse_python_tags(tmp_path):
    marker = tmp_path / "owned"
    book = tmp_path / "evil.yaml"
    book.write_text(f"id: evil\nrules: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(PolicyError):
        load(str(book))
    assert not marker.exists()


def _sql_like(text: str) -> bool:
    return bool(re.search(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|WHERE|VALUES|PRAGMA|DROP)\b", text, re.I))


@pytest.mark.parametrize("path", sorted((PACKAGE / "batch").glob("*.py")), ids=lambda p: p.name)
def test_every_sql_statement_is_parameterised(path):
    """No SQL is built from strings: no f-string, %, + or .format holds SQL, nor is passed to execute()."""
    for node in ast.walk(_tree(path)):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            assert not _sql_like(text), f"{where}: SQL in an f-string"
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
            for side in (node.left, node.right):
                if isinstance(side, ast.Constant) and isinstance(side.value, str):
                    assert not _sql_like(side.value), f"{where}: SQL built with % or +"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "format" and isinstance(node.func.value, ast.Constant):
                assert not _sql_like(str(node.func.value.value)), f"{where}: SQL built with .format"
            if node.func.attr in {"execute", "executemany", "executescript"} and node.args:
                first = node.args[0]
                assert not isinstance(first, (ast.JoinedStr, ast.BinOp, ast.Call)), f"{where}: SQL built in place"


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "SAMPLE", "-o", "MISSING/out.json"],
        ["scan", "SAMPLE", "-o", "FOLDER"],
        ["diff", "SAMPLE", "SAMPLE", "-o", "MISSING/diff.txt"],
        ["export", "--db", "DB", "-o", "MISSING/apps.csv"],
    ],
)
def test_output_paths_are_checked_before_any_work(run, tmp_path, args):
    subs = {
        "SAMPLE": str(sample_apk("harvest-loan")),
        "MISSING": str(tmp_path / "missing"),
        "FOLDER": str(tmp_path),
        "DB": str(tmp_path / "r.sqlite"),
    }
    argv = [subs.get(a, a.replace("MISSING", subs["MISSING"])) for a in args]
    result = run(*argv)
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    assert "does not exist" in result.stderr or "is a folder" in result.stderr or "is a directory" in result.stderr
    assert _listing(tmp_path) == set()
