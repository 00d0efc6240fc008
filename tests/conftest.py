"""Shared fixtures: where the public corpus and the built samples are, and a CLI runner."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from apkaudit.cli import cli

# parsed catalogues are cached between runs (apkaudit/datacache.py): the suite, and the audits it starts in
# subprocesses, keep theirs in a directory of their own rather than the user's ~/.cache
if "APKAUDIT_CACHE" not in os.environ:
    os.environ["APKAUDIT_CACHE"] = _cache = tempfile.mkdtemp(prefix="apkaudit-test-cache-")
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)  # not left behind in /tmp by every run

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples" / "apk"


def corpus_apk(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"public corpus APK {name} not present (../shared/corpus)")
    return path


def sample_apk(name: str) -> Path:
    path = SAMPLES / f"{name}.apk"
    if not path.is_file():
        pytest.fail(f"sample {path} missing: run samples/build.sh")
    return path


@pytest.fixture
def run():
    """Invoke the CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke
