"""App packages (XAPK, APKM, APKS, split APKs) audited as the one app Android installs, and hostile ones."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from apkaudit.apk import Limits
from apkaudit.audit import gather_facts
from apkaudit.batch.inputs import expand
from apkaudit.errors import BadApkError
from apkaudit.package import identity, open_app
from tests import bundles
from tests.bundles import PATTERNS, config_split, patterns_parts, split_apk, zip_bytes
from tests.conftest import sample_apk

SCHEMA = json.loads(resources.files("apkaudit").joinpath("schemas/report-v1.json").read_text("utf-8"))


def _summary(doc: dict) -> tuple:
    """What a report finds: data access (category, evidence, sites), findings, grade."""
    access = [(d["category"], d["evidence"], sorted(s["method"] for s in d["sites"])) for d in doc["data_access"]]
    findings = sorted((f["rule"], f["severity"]) for f in doc["findings"])
    return access, findings, doc["grade"], doc["app"]["package"], doc["app"]["category"]["id"]


def _scan(run, *args: str) -> dict:
    result = run("scan", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    return doc


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> dict:
    from click.testing import CliRunner

    from apkaudit.cli import cli

    result = CliRunner().invoke(cli, ["scan", "--format", "json", str(sample_apk("code-patterns"))])
    return json.loads(result.stdout)


def _split_folder(root: Path) -> Path:
    base, feature = patterns_parts()
    folder = root / PATTERNS
    folder.mkdir()
    (folder / "base.apk").write_bytes(base)
    (folder / "split_feature_second.apk").write_bytes(feature)
    (folder / "split_config.arm64_v8a.apk").write_bytes(config_split())
    return folder


def test_xapk_finds_the_code_of_its_feature_split(run, tmp_path, whole):
    base, feature = patterns_parts()
    path = bundles.xapk(
        tmp_path / "app.xapk", base, ("feature_second.apk", feature), ("config.arm64_v8a.apk", config_split())
    )
    doc = _scan(run, str(path))
    assert _summary(doc) == _summary(whole)
    location = next(d for d in doc["data_access"] if d["category"] == "location")
    assert location["evidence"] == "reachable" and location["sites"]  # read in the split's DEX only
    assert doc["app"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    members = {m["name"]: m for m in doc["app"]["bundle"]["members"]}
    assert doc["app"]["bundle"]["format"] == "xapk"
    assert members["base.apk"]["role"] == "base"
    assert members["base.apk"]["sha256"] == hashlib.sha256(base).hexdigest()
    assert members["feature_second.apk"]["split"] == "feature_second"
    assert members["config.arm64_v8a.apk"]["role"] == "split"
    assert members["icon.png"]["role"] == members["manifest.json"]["role"] == "skipped"
    assert doc["analysis"]["coverage"] == "complete"
    assert any("native librar" in n for n in doc["analysis"]["notes"])  # the ABI split's library is seen


def test_base_alone_misses_the_split(run, tmp_path):
    base, _ = patterns_parts()
    (tmp_path / "base.apk").write_bytes(base)
    doc = _scan(run, str(tmp_path / "base.apk"))
    assert next(d for d in doc["data_access"] if d["category"] == "location")["evidence"] == "declared"
    assert "bundle" not in doc["app"]


def test_apks_split_folder_and_split_list_agree(run, tmp_path, whole):
    base, feature = patterns_parts()
    apks = bundles.apks(tmp_path / "app.apks", base, ("feature_second.apk", feature))
    doc = _scan(run, str(apks))
    assert _summary(doc) == _summary(whole)
    roles = {m["name"]: m["role"] for m in doc["app"]["bundle"]["members"]}
    assert roles["splits/base-master.apk"] == "base"
    assert roles["standalones/standalone-arm64_v8a.apk"] == "skipped"

    folder = _split_folder(tmp_path)
    by_folder = _scan(run, str(folder))
    assert _summary(by_folder) == _summary(whole)
    shas = [hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())]
    assert by_folder["app"]["sha256"] == identity(shas)
    assert by_folder["app"]["bundle"]["format"] == "splits"

    listed = _scan(run, "--splits", *sorted(str(p) for p in folder.iterdir()))
    assert _summary(listed) == _summary(whole)
    assert listed["app"]["sha256"] == by_folder["app"]["sha256"]


def test_apkm_with_an_encrypted_split_is_partial(tmp_path):
    base, feature = patterns_parts()
    path = bundles.write(tmp_path / "app.apkm", {"info.json": b"{}", "base.apk": base, "split_x.apk": feature})
    facts = gather_facts(str(path))
    assert facts.analysis.coverage.value == "complete"
    data = bytearray(path.read_bytes())
    _flag_encrypted(data, "split_x.apk")
    path.write_bytes(bytes(data))
    facts = gather_facts(str(path))
    assert facts.analysis.coverage.value == "partial"
    assert any("split_x.apk (encrypted)" in n for n in facts.analysis.notes)
    assert facts.app.bundle is not None and facts.app.bundle.members[-1].role in ("unreadable", "skipped")


def _flag_encrypted(data: bytearray, name: str) -> None:
    """Set the encryption bit of `name` in its local and central headers."""
    raw = name.encode()
    for magic, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = 0
        while (pos := data.find(magic, pos)) != -1:
            name_at = pos + (30 if magic == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(raw)] == raw:
                data[pos + flag_at] |= 1
            pos += 4


def test_encrypted_apkm_is_refused_in_one_line(run, tmp_path):
    path = tmp_path / "app.apkm"
    path.write_bytes(b"\x01\x02" + bytes(range(256)) * 64)  # APKMirror's encrypted format: not a zip
    result = run("scan", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "encrypted APKM" in result.stderr

    base, feature = patterns_parts()
    zipped = bundles.write(tmp_path / "b.apkm", {"info.json": b"{}", "base.apk": base, "split_x.apk": feature})
    data = bytearray(zipped.read_bytes())
    _flag_encrypted(data, "base.apk")
    zipped.write_bytes(bytes(data))
    with pytest.raises(BadApkError, match=r"the base APK cannot be read \(base.apk: encrypted\)"):
        gather_facts(str(zipped))


def test_missing_base_and_foreign_splits_are_one_line_errors(run, tmp_path):
    _, feature = patterns_parts()
    only_splits = bundles.write(tmp_path / "s.xapk", {"a.apk": feature, "b.apk": config_split()})
    result = run("scan", str(only_splits))
    assert result.exit_code == 2 and "no base APK" in result.stderr and result.stderr.count("\n") == 1

    base, _ = patterns_parts()
    foreign = bundles.write(tmp_path / "f.xapk", {"base.apk": base, "config.x.apk": config_split("com.other.app")})
    result = run("scan", str(foreign))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "config.x.apk belongs to com.other.app, the base APK to org.apkaudit.sample.patterns" in result.stderr

    not_a_package = bundles.write(tmp_path / "n.xapk", {"readme.txt": b"hello"})
    assert "no AndroidManifest.xml" in run("scan", str(not_a_package)).stderr


def test_nested_bomb_and_traversal_inside_a_split(tmp_path):
    base, feature = patterns_parts()
    bomb = split_apk(PATTERNS, "config.xx", {"assets/bomb.bin": b"\0" * (8 << 20)})
    traversal = split_apk(PATTERNS, "config.yy", {"../../evil.so": b"x", "lib/x/libok.so": b"\x7fELF" + b"\0" * 60})
    path = bundles.xapk(tmp_path / "h.xapk", base, ("a.apk", feature), ("bomb.apk", bomb), ("t.apk", traversal))
    facts = gather_facts(str(path), Limits(max_ratio=10, ratio_floor=1 << 20))
    notes = "\n".join(facts.analysis.notes)
    assert "bomb.apk: zip entry 'assets/bomb.bin' declares" in notes
    assert "t.apk: tampering: 1 zip entries with a path-traversal or absolute name, left out: '../../evil.so'" in notes
    assert "location" in {d.category for d in facts.data_access}


def test_one_budget_for_the_package_and_the_apks_inside(tmp_path):
    base, feature = patterns_parts()
    big = split_apk(PATTERNS, "config.big", {"assets/a.bin": b"\0" * (3 << 20)})
    path = bundles.write(
        tmp_path / "b.xapk", {"base.apk": base, "f.apk": feature, "big.apk": big}, zipfile.ZIP_DEFLATED
    )
    archive = open_app(str(path), Limits(max_total_bytes=2 << 20))  # big.apk inflates past it inside the package
    names = {m.name: m.role for m in archive.bundle.members}  # type: ignore[attr-defined]
    assert names["big.apk"] == "split"  # its own entries are not read yet
    assert archive.read("assets/a.bin") is None  # the one budget is spent: a note, not a crash
    assert any("big.apk: skipped zip entry 'assets/a.bin'" in n for n in archive.notes)
    tight = Limits(max_total_bytes=len(base) + 100)
    packed = bundles.write(tmp_path / "c.xapk", {"base.apk": base, "f.apk": feature}, zipfile.ZIP_DEFLATED)
    with pytest.raises(BadApkError):
        open_app(str(packed), tight)  # the feature split cannot be inflated within what the base left


def test_batch_inputs_take_packages_and_split_folders(tmp_path):
    base, feature = patterns_parts()
    bundles.xapk(tmp_path / "a.xapk", base, ("f.apk", feature))
    (tmp_path / "sub").mkdir()
    folder = _split_folder(tmp_path / "sub")
    (tmp_path / "c.apkm").write_bytes(zip_bytes({"base.apk": base}))
    (tmp_path / "plain.apk").write_bytes(base)
    assert expand([str(tmp_path)]) == [
        str(tmp_path / "a.xapk"),
        str(tmp_path / "c.apkm"),
        str(tmp_path / "plain.apk"),
        str(folder),
    ]
    assert expand([str(folder)]) == [str(folder)]


def test_batch_keys_packages_by_their_identity(run, tmp_path):
    base, feature = patterns_parts()
    (tmp_path / "in").mkdir()
    bundles.xapk(tmp_path / "in" / "a.xapk", base, ("f.apk", feature))
    folder = _split_folder(tmp_path / "in")
    db = str(tmp_path / "r.sqlite")
    result = run("batch", str(tmp_path / "in"), "--db", db, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "2 APKs: 2 audited" in result.stdout
    again = run("batch", str(tmp_path / "in"), "--db", db, "--jobs", "1")
    assert "2 already done" in again.stdout
    with sqlite3.connect(db) as conn:
        shas = {row[0] for row in conn.execute("SELECT sha256 FROM results")}
    xapk_sha = hashlib.sha256((tmp_path / "in" / "a.xapk").read_bytes()).hexdigest()
    folder_sha = identity([hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()])
    assert shas == {xapk_sha, folder_sha}


def test_diff_and_complaint_take_a_package(run, tmp_path):
    base, feature = patterns_parts()
    path = bundles.xapk(tmp_path / "app.xapk", base, ("feature_second.apk", feature))
    result = run("diff", str(sample_apk("code-patterns")), str(path))
    assert result.exit_code == 0, result.output
    pack = tmp_path / "pack.html"
    assert run("complaint", str(path), "-o", str(pack)).exit_code == 0
    assert pack.stat().st_size > 0
