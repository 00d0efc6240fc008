"""`apkaudit device` against a stub `adb` on PATH that serves a fixture phone (no phone is needed)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest

from tests.bundles import config_split, patterns_parts
from tests.conftest import sample_apk

STUB = r'''#!PYTHON
"""A fake adb: answers from the phone described in $FAKE_PHONE, logs every call to $FAKE_PHONE.log."""
import json, os, shutil, sys
phone = json.load(open(os.environ["FAKE_PHONE"]))
with open(os.environ["FAKE_PHONE"] + ".log", "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\n")
args = sys.argv[1:]
if args == ["devices"]:
    print("List of devices attached")
    for serial, state in phone["devices"]:
        print(f"{serial}\t{state}")
    sys.exit(0)
if args[:1] == ["-s"]:
    args = args[2:]
if args == ["shell", "pm", "list", "packages", "-3", "-f"]:
    for package, paths in phone["packages"].items():
        print(f"package:{paths[0]}={package}")
    sys.exit(0)
if args[:3] == ["shell", "pm", "path"]:
    paths = phone["packages"].get(args[3])
    if not paths or args[3] in phone.get("removed", []):
        sys.exit(1)
    for p in paths:
        print(f"package:{p}")
    sys.exit(0)
if args[:1] == ["pull"]:
    source = phone["files"].get(args[1])
    if source is None:
        print(f"adb: error: failed to stat remote object '{args[1]}': No such file or directory", file=sys.stderr)
        sys.exit(1)
    shutil.copyfile(source, args[2])
    print(f"{args[1]}: 1 file pulled")
    sys.exit(0)
print("stub adb: unexpected command " + " ".join(args), file=sys.stderr)
sys.exit(99)
'''


def _phone(tmp_path: Path, monkeypatch, devices=(("PHONE1", "device"),), **extra) -> Path:
    files = tmp_path / "phone-files"
    files.mkdir()
    base, feature = patterns_parts()
    (files / "base.apk").write_bytes(base)
    (files / "split_feature.apk").write_bytes(feature)
    (files / "split_config.apk").write_bytes(config_split())
    loan = "/data/app/~~a1/com.harvest.loan-1/base.apk"
    split_app = "/data/app/~~b2/org.apkaudit.sample.patterns-2/"
    fixture = {
        "devices": [list(d) for d in devices],
        "packages": {
            "com.harvest.loan": [loan],
            "org.apkaudit.sample.patterns": [
                split_app + "base.apk",
                split_app + "split_feature_second.apk",
                split_app + "split_config.arm64_v8a.apk",
            ],
            "org.apkaudit.sample.compliant": ["/data/app/c/base.apk"],
            "com.gone.app": ["/data/app/gone/base.apk"],
            "org.apkaudit.sample.unused": ["/data/app/u/base.apk"],
        },
        "files": {
            loan: str(sample_apk("harvest-loan")),
            split_app + "base.apk": str(files / "base.apk"),
            split_app + "split_feature_second.apk": str(files / "split_feature.apk"),
            split_app + "split_config.arm64_v8a.apk": str(files / "split_config.apk"),
            "/data/app/c/base.apk": str(sample_apk("compliant-loan")),
            "/data/app/u/base.apk": str(sample_apk("unused-contacts")),  # not a lending app
        },
        **extra,
    }
    path = tmp_path / "phone.json"
    path.write_text(json.dumps(fixture))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    adb = bin_dir / "adb"
    adb.write_text(STUB.replace("PYTHON", sys.executable))
    adb.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_PHONE", str(path))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    tempfile.tempdir = None  # TMPDIR is read again
    return path


def _calls(phone: Path) -> list[list[str]]:
    return [json.loads(line) for line in (phone.parent / (phone.name + ".log")).read_text().splitlines()]


def test_all_apps_of_the_phone_are_audited_and_nothing_is_left_behind(run, tmp_path, monkeypatch):
    phone = _phone(tmp_path, monkeypatch)
    db = tmp_path / "r.sqlite"
    result = run("device", "--all", "--db", str(db), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "com.gone.app: skipped" in result.stderr
    assert "4 APKs: 4 audited" in result.stdout
    with sqlite3.connect(db) as conn:
        paths = sorted(row[0] for row in conn.execute("SELECT path FROM results"))
        reports = [json.loads(r[0]) for r in conn.execute("SELECT report FROM results")]
    assert paths == [
        "com.harvest.loan/base.apk",
        "org.apkaudit.sample.compliant/base.apk",
        "org.apkaudit.sample.patterns",
        "org.apkaudit.sample.unused/base.apk",
    ]
    split = next(r for r in reports if r["app"]["package"] == "org.apkaudit.sample.patterns")
    assert [m["role"] for m in split["app"]["bundle"]["members"]] == ["base", "split", "split"]
    assert list((tmp_path / "tmp").iterdir()) == []  # the pulled copies are gone
    commands = {c[0] if c[0] != "-s" else "pull" if c[2] == "pull" else " ".join(c[2:5]) for c in _calls(phone)}
    assert commands <= {"devices", "shell pm list", "shell pm path", "pull"}  # nothing installed or started
    again = run("device", "--all", "--db", str(db), "--jobs", "1")
    assert "4 already done" in again.stdout


def test_lending_apps_only(run, tmp_path, monkeypatch):
    _phone(tmp_path, monkeypatch)
    db = tmp_path / "r.sqlite"
    result = run("device", "--lending", "--db", str(db), "--jobs", "1")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        paths = sorted(row[0] for row in conn.execute("SELECT path FROM results"))
    assert "com.harvest.loan/base.apk" in paths and "org.apkaudit.sample.patterns" in paths
    assert "org.apkaudit.sample.unused/base.apk" not in paths
    assert list((tmp_path / "tmp").iterdir()) == []


def test_named_packages(run, tmp_path, monkeypatch):
    _phone(tmp_path, monkeypatch)
    result = run("device", "org.apkaudit.sample.patterns", "--db", str(tmp_path / "r.sqlite"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "1 APKs: 1 audited" in result.stdout
    bad = run("device", "x; reboot", "--db", str(tmp_path / "r.sqlite"))
    assert bad.exit_code == 2 and "is not a package name" in bad.stderr


@pytest.mark.parametrize(
    ("devices", "message"),
    [
        ((), "no phone connected"),
        ((("PHONE1", "unauthorized"),), "has not authorised this computer"),
        ((("A", "device"), ("B", "device")), "2 phones connected (A, B): choose one with --serial"),
    ],
)
def test_phone_problems_are_one_line(run, tmp_path, monkeypatch, devices, message):
    _phone(tmp_path, monkeypatch, devices=devices)
    result = run("device", "--all", "--db", str(tmp_path / "r.sqlite"))
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "r.sqlite").exists()


def test_without_adb(run, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run("device", "--all", "--db", str(tmp_path / "r.sqlite"))
    assert result.exit_code == 2 and "adb not found on PATH" in result.stderr


def test_hostile_phone_answers_cannot_escape(tmp_path, monkeypatch):
    from apkaudit import device

    _phone(
        tmp_path,
        monkeypatch,
        packages={"com.evil.app": ["/data/app/evil/../../../../tmp/x.apk", "/data/app/evil/base.apk;reboot"]},
    )
    phone = device.connect()
    assert device.apk_paths(phone, "com.evil.app") == []  # neither name is an APK file name Android gives
    assert "not installed" in (device.pull(phone, "com.evil.app", tmp_path) or "")
