"""Coverage: packers, hidden payloads, missing classes and run-time code, on the samples and the corpus."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from apkaudit.audit import audit, gather_facts
from apkaudit.facts import apkid_rules, packing
from apkaudit.model import AccessPattern, Coverage, Evidence
from apkaudit.policy import load as policy_load
from apkaudit.report import json_report, markdown, table
from tests.conftest import SAMPLES, corpus_apk, sample_apk

SCHEMA = json.loads(resources.files("apkaudit").joinpath("schemas/report-v1.json").read_text("utf-8"))
PACKED = "org.apkaudit.sample.packed."


def _policies():
    return [policy_load.load(str(path)) for path in policy_load.available().values()]


def _signals(facts, kind):
    return [s for s in facts.analysis.signals if s.kind == kind]


@pytest.fixture(scope="module")
def packed():
    return gather_facts(sample_apk("packed-stub"))


# -- the packed stub ---------------------------------------------------------------------------------


def test_packed_stub_is_opaque_and_names_the_packer(packed):
    a = packed.analysis
    assert a.coverage is Coverage.OPAQUE
    assert a.packers == ("360 Jiagu",)
    where = {(s.location, s.detail.split(" ")[0]) for s in _signals(packed, "packer")}
    assert ("APK file", "APKiD") in where  # APKiD's own jiagu rule, on the APK as a whole
    assert ("lib/armeabi-v7a/libjiagu.so", "native") in where  # the catalogue's library name
    assert any(s.location == "classes.dex" and "com.stub.StubApp" in s.detail for s in _signals(packed, "packer"))


def test_packed_stub_coverage_estimate(packed):
    a = packed.analysis
    assert a.dex_bytes < 4096 and a.payload_bytes == 65536
    assert a.visible_share is not None and a.visible_share < 0.1
    assert f"{PACKED}MainActivity" in a.missing_classes
    assert f"{PACKED}LoanApplication" in a.missing_classes  # named only by the stub's loadClass string
    assert a.declared_classes == 5 and len(a.missing_classes) == 4
    (blob,) = _signals(packed, "payload")
    assert blob.location == "assets/app.dat" and "bits per byte" in blob.detail
    assert any(n.startswith("code opaque: the manifest's launcher activity") for n in a.notes)


def test_packed_stub_runtime_code(packed):
    (loader,) = _signals(packed, "dynamic_loading")
    assert loader.name == "DexClassLoader"
    assert loader.location == "Lcom/stub/StubApp;->attachBaseContext(Landroid/content/Context;)V"
    native = [s for s in _signals(packed, "native_code") if s.name == "System.loadLibrary"]
    assert native and '"jiagu"' in native[0].detail


def test_packed_stub_is_incomplete_under_every_rule_book(packed):
    policies = _policies()
    assert policies
    for policy in policies:
        report = audit(sample_apk("packed-stub"), [policy])
        (v,) = report.verdicts
        assert v.grade == "incomplete", policy.ref.id
        assert v.caveat and "360 Jiagu" in v.caveat
    # the manifest is never packed: declared permissions still give their findings
    v = audit(sample_apk("packed-stub"), [policy_load.load("cn-pipl-loan")]).verdicts[0]
    assert {"contacts", "call_log", "sms"} <= {f.category for f in v.findings}
    assert all(f.evidence is Evidence.DECLARED for f in v.findings)


def test_packed_stub_reports_show_coverage_packer_and_caveat(run):
    out = run("scan", str(sample_apk("packed-stub"))).stdout
    code_line = next(line for line in out.splitlines() if line.startswith("  code "))
    assert "OPAQUE" in code_line and "360 Jiagu" in code_line
    assert "Grade incomplete" in out and "caveat: The app's code could not be seen" in out
    md = run("scan", str(sample_apk("packed-stub")), "--format", "markdown").stdout
    assert "| Code coverage | OPAQUE" in md and "## Signs of hidden code" in md
    assert "## Grade incomplete" in md


# -- reflection and download-and-run -------------------------------------------------------------------


def test_reflective_contacts_read_is_a_contacts_site():
    facts = gather_facts(sample_apk("reflect-contacts"))
    contacts = facts.access("contacts")
    assert contacts is not None
    (site,) = contacts.sites
    assert site.method == "Lorg/apkaudit/sample/reflect/ReflectReader;->countContacts(Landroid/content/Context;)I"
    assert site.api == "Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;"
    assert site.evidence.rank >= Evidence.REACHABLE.rank and site.pattern is AccessPattern.BULK
    assert site.note and "reflection" in site.note and "ContactsContract$Contacts" in site.note
    ids = facts.access("phone_ids")
    assert ids is not None and [s.api for s in ids.sites] == ["Landroid/telephony/TelephonyManager;->getDeviceId"]
    names = {s.name for s in _signals(facts, "reflection")}
    assert names == {
        "android.provider.ContactsContract$Contacts.CONTENT_URI",
        "android.telephony.TelephonyManager.getDeviceId",
    }
    assert facts.analysis.coverage is Coverage.COMPLETE  # what reflection hid was recovered


def test_download_and_run_is_partial_with_a_caveat():
    report = audit(sample_apk("dex-loader"), [policy_load.load("cn-pipl-loan")])
    a = report.facts.analysis
    assert a.coverage is Coverage.PARTIAL and a.packers == ()
    (loader,) = _signals(report.facts, "dynamic_loading")
    assert loader.name == "DexClassLoader" and loader.location.endswith("PluginTask;->run()V")
    assert "https://cdn.plugin-loan.example/v2/risk-plugin.jar" in loader.detail
    (v,) = report.verdicts
    assert v.grade in "ABCDEF" and v.caveat and "could not be seen" in v.caveat


@pytest.mark.parametrize("name", ["harvest-loan", "compliant-loan", "unused-contacts", "code-patterns"])
def test_normal_samples_stay_complete(name):
    facts = gather_facts(sample_apk(name))
    a = facts.analysis
    assert a.coverage is Coverage.COMPLETE and a.packers == () and a.missing_classes == ()
    hiding = {"packer", "payload", "manifest_mismatch", "dynamic_loading"}
    assert not [s for s in a.signals if s.kind in hiding]
    assert a.visible_share == 1.0 and a.payload_bytes == 0


@pytest.mark.parametrize("name", ["packed-stub", "reflect-contacts", "dex-loader"])
def test_json_of_new_samples_validates(name):
    doc = json.loads(json_report.render([audit(sample_apk(name), [policy_load.load("cn-pipl-loan")])]))
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    assert re.fullmatch(r"\d+\.\d+\.\d+ rules sha256:[0-9a-f]{16}", doc["catalogs"]["apkid"])
    assert doc["catalogs"]["packers"].startswith(catalog_data()["version"] + " sha256:")
    kinds = [s["kind"] for s in doc["analysis"]["signals"]]
    keys = [(s["kind"], s["name"], s["location"]) for s in doc["analysis"]["signals"]]
    assert keys == sorted(keys) and len(set(keys)) == len(keys) and kinds


def test_markdown_escapes_signal_text(packed):
    import dataclasses

    from apkaudit.model import Signal

    hostile = Signal("packer", "<img src=x onerror=alert(1)>|", "[x](javascript:alert(2))", "assets/<b>.so")
    a = dataclasses.replace(packed.analysis, signals=(hostile,), packers=(hostile.name,))
    r = audit(sample_apk("packed-stub"), [policy_load.load("cn-pipl-loan")])
    r = dataclasses.replace(r, facts=dataclasses.replace(r.facts, analysis=a))
    md = markdown.render([r])
    assert "<img" not in md and "](javascript:" not in md and "<b>" not in md
    assert "\x1b" not in table.render([r])


def test_jni_methods_on_a_path_to_a_read_are_native_code():
    from apkaudit.analysis.program import Program
    from apkaudit.analysis.runtime_code import jni_on_paths
    from apkaudit.apk import ApkArchive
    from apkaudit.audit import load_dex
    from apkaudit.model import Site

    program = Program(load_dex(ApkArchive.open(sample_apk("packed-stub"))))
    entry = "Lcom/stub/StubApp;->attachBaseContext(Landroid/content/Context;)V"
    site = Site(
        "Lx/Reader;->read()V", "content://sms", "first-party", Evidence.REACHABLE, path=(entry, "Lx/Reader;->read()V")
    )
    (signal,) = jni_on_paths(program, {"sms": [site]})
    assert signal.kind == "native_code" and signal.name == "com.stub.StubApp"
    assert signal.location == "Lcom/stub/StubApp;->decrypt(Ljava/io/InputStream;Ljava/io/File;)V"
    assert "decrypt" in signal.detail and "sms" in signal.detail
    assert (
        jni_on_paths(
            program, {"sms": [Site("Lx/Reader;->read()V", "content://sms", "first-party", Evidence.REFERENCED)]}
        )
        == ()
    )


# -- APKiD ----------------------------------------------------------------------------------------------


def test_apkid_identity_is_the_hash_of_the_rules_it_loaded():
    from apkid.rules import RulesManager

    ruleset = apkid_rules.load()
    raw = Path(RulesManager().rules_path).read_bytes()
    assert ruleset.sha256 == hashlib.sha256(raw).hexdigest()
    assert ruleset.stamp.startswith(ruleset.version + " rules sha256:")


def test_apkid_rules_load_once_when_two_threads_ask_together(monkeypatch):
    """The APK file's scan and the DEX scan each load the rules in their thread: the second waits for the first's
    load instead of loading a copy of its own (held, with the first, through the DEX scan)."""
    import threading
    import time

    import yara

    loads: list[int] = []
    real = yara.load

    def slow(*args, **kwargs):
        loads.append(1)
        time.sleep(0.2)  # the first thread is still loading when the second asks
        return real(*args, **kwargs)

    apkid_rules._load.cache_clear()
    monkeypatch.setattr(yara, "load", slow)
    got: list[apkid_rules.RuleSet] = []
    threads = [threading.Thread(target=lambda: got.append(apkid_rules.load())) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and len(got) == 2 and got[0] is got[1]


def test_apkid_fast_mode_matches_the_same_rules():
    """apkid_rules.match runs YARA in fast mode: on every sample APK and each of its entries, the rules that
    match are those of a full match."""
    ruleset = apkid_rules.load()
    for apk in sorted(SAMPLES.glob("*.apk")):
        data = apk.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            targets = [data] + [z.read(i) for i in z.infolist()]
        for target in targets:
            full = sorted((m.namespace, m.rule) for m in ruleset.rules.match(data=target))
            fast = sorted((m.namespace, m.rule) for m in ruleset.rules.match(data=target, fast=True))
            assert fast == full, apk.name


@pytest.mark.parametrize("name", ["packed-stub", "compliant-loan"])
def test_apkid_scan_started_early_gives_the_same_facts(name, monkeypatch):
    """gather_facts starts APKiD's scans of the APK file and of the DEX files in threads (packing.start); the
    facts are those of the scans run inline (the thread turned off: use_background), and no piece is matched
    twice."""
    early = gather_facts(sample_apk(name))
    apkid_rules.use_background(False)
    monkeypatch.setattr(apkid_rules, "Background", None)  # no thread is started
    try:
        assert gather_facts(sample_apk(name)) == early
    finally:
        apkid_rules.use_background(True)
    monkeypatch.undo()
    seen: list[str] = []
    match = apkid_rules.match
    monkeypatch.setattr(apkid_rules, "match", lambda r, d, loc, t=60: seen.append(loc) or match(r, d, loc, t))
    gather_facts(sample_apk(name))
    assert packing.APK_LOCATION in seen and "classes.dex" in seen and len(seen) == len(set(seen))


def test_apkid_dex_scan_is_over_before_a_dex_it_leaves_out_is_read(monkeypatch):
    """The DEX scan is where the audit's memory peaks: a DEX it leaves out (over DEX_BUDGET) is read after it,
    not held under it. The facts are those of the scans run inline."""
    from apkaudit.apk import ApkArchive

    monkeypatch.setattr(packing, "DEX_BUDGET", 7000)  # code-patterns: classes.dex 6,388 bytes, classes2.dex 1,876
    events: list[tuple[str, str]] = []
    read, match = ApkArchive.read, apkid_rules.match

    def reading(self, name, **kwargs):
        events.append(("read", name))
        return read(self, name, **kwargs)

    def matching(ruleset, data, location, timeout=apkid_rules.TIMEOUT_SECONDS):
        events.append(("match", location))
        return match(ruleset, data, location, timeout)

    monkeypatch.setattr(ApkArchive, "read", reading)
    monkeypatch.setattr(apkid_rules, "match", matching)
    facts = gather_facts(sample_apk("code-patterns"))
    assert events.index(("read", "classes.dex")) < events.index(("match", "classes.dex"))
    assert events.index(("match", "classes.dex")) < events.index(("read", "classes2.dex"))
    monkeypatch.setattr(packing, "start", lambda archive, dexes=None, since=0: ())
    assert gather_facts(sample_apk("code-patterns")) == facts


def test_apkid_dex_scan_is_over_before_the_code_analysis_starts(monkeypatch):
    """YARA's dex module holds some 45 bytes per DEX byte while it scans: the audit waits for its DEX scan (still
    in a thread) before the code analysis, so that the two peaks of memory do not add up. The scan is slowed
    here, so that a scan left running would still be running when the analysis starts."""
    import time

    from apkaudit import audit as audit_module

    scans: list[tuple[list[str], apkid_rules.Background]] = []
    start, match = apkid_rules.Background.__init__, apkid_rules.match

    def started(self, targets, timeout=apkid_rules.TIMEOUT_SECONDS):
        start(self, targets, timeout)
        scans.append(([location for location, _ in targets], self))

    def slow(ruleset, data, location, timeout=apkid_rules.TIMEOUT_SECONDS):
        time.sleep(0.5 if location.endswith(".dex") else 0)
        return match(ruleset, data, location, timeout)

    running: list[bool] = []
    analyse = audit_module._analyse_code

    def analysed(*args, **kwargs):
        running.extend(scan._thread.is_alive() for locations, scan in scans if "classes.dex" in locations)
        return analyse(*args, **kwargs)

    monkeypatch.setattr(apkid_rules.Background, "__init__", started)
    monkeypatch.setattr(apkid_rules, "match", slow)
    monkeypatch.setattr(audit_module, "_analyse_code", analysed)
    facts = gather_facts(sample_apk("compliant-loan"))
    assert running == [False]
    monkeypatch.undo()
    assert facts == gather_facts(sample_apk("compliant-loan"))


def test_apkid_names_a_packer_library_in_an_otherwise_normal_app(tmp_path):
    """A packer's library name alone names the packer but is never enough for `opaque`."""
    apk = _with_entries(tmp_path, "compliant-loan", {"lib/arm64-v8a/libDexHelper.so": _elf()})
    facts = gather_facts(apk)
    assert facts.analysis.packers == ("Bangcle / SecNeo",)
    assert any(s.detail.startswith("APKiD rule secneo") for s in _signals(facts, "packer"))
    assert facts.analysis.coverage is Coverage.PARTIAL


def test_unexplained_blob_is_reported_but_not_counted(tmp_path):
    blob = hashlib.sha256(b"seed").digest() * 2048  # 64 KiB, but only 32 distinct bytes: not encrypted
    noise = b"".join(hashlib.sha256(i.to_bytes(4, "little")).digest() for i in range(2048))  # ~8 bits/byte
    apk = _with_entries(tmp_path, "harvest-loan", {"assets/a.bin": blob, "assets/b.bin": noise})
    facts = gather_facts(apk)
    (payload,) = _signals(facts, "payload")
    assert payload.location == "assets/b.bin"
    assert facts.analysis.coverage is Coverage.COMPLETE and facts.analysis.payload_bytes == 0
    assert any("left out of the coverage estimate" in n for n in facts.analysis.notes)


def test_embedded_dex_larger_than_the_app_is_counted(tmp_path):
    with zipfile.ZipFile(sample_apk("code-patterns")) as z:
        dex = z.read("classes.dex")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("classes.dex", dex * 4)
    apk = _with_entries(tmp_path, "unused-contacts", {"assets/plugin.jar": inner.getvalue()})
    facts = gather_facts(apk)
    (payload,) = _signals(facts, "payload")
    assert payload.name == "archive with DEX" and payload.location == "assets/plugin.jar"
    assert facts.analysis.payload_bytes == 4 * len(dex)
    assert facts.analysis.coverage is Coverage.OPAQUE


# -- the catalogue as data ---------------------------------------------------------------------------------


def catalog_data():
    return yaml.safe_load(Path(packing.__file__).parents[1].joinpath("catalogs", "packers.yaml").read_text("utf-8"))


def test_packer_catalogue_shape():
    data = catalog_data()
    assert data["catalog"] == "packers" and re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", data["version"])
    ids = [e["id"] for e in data["entries"]]
    assert len(ids) == len(set(ids))
    java = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$")
    for e in data["entries"]:
        assert re.fullmatch(r"[a-z0-9_]+", e["id"]) and e["kind"] in ("packer", "protector"), e["id"]
        assert e["name"] and e["vendor"] and len(e["source"].strip()) > 30, e["id"]
        assert e["stub_classes"] or e["native_libs"] or e["files"], e["id"]
        assert all(java.match(c) for c in e["stub_classes"]), e["id"]
        assert all("/" not in p and p.endswith(".so") for p in e["native_libs"]), e["id"]
    for loader in data["loaders"]:
        assert java.match(loader["prefix"]) and loader["why"] and loader["source"]


def test_packer_catalogue_apkid_names_are_real_rule_descriptions():
    ruleset = apkid_rules.load()
    descriptions = {str(r.meta.get("description")) for r in ruleset.rules}
    for e in catalog_data()["entries"]:
        unknown = set(e["apkid"]) - descriptions
        assert not unknown, f"{e['id']}: not an APKiD rule description: {sorted(unknown)}"


# -- the public corpus -------------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name", ["ApiDemos-debug.apk", "appium-settings-8.0.10.apk", "appium-uiautomator2-server-v10.6.6.apk"]
)
def test_corpus_apps_are_not_called_packed(name):
    facts = gather_facts(corpus_apk(name))
    assert facts.analysis.coverage is Coverage.COMPLETE
    assert facts.analysis.packers == () and facts.analysis.missing_classes == ()


@pytest.mark.corpus
def test_play_services_loader_is_noted_but_not_counted():
    facts = gather_facts(corpus_apk("appium-settings-8.0.10.apk"))
    assert not _signals(facts, "dynamic_loading")
    (note,) = [n for n in facts.analysis.notes if "Google Play services dynamite modules" in n]
    assert note.startswith("not counted as hidden code: 2 class-loader call(s)")


def _corpus_apks() -> list[str]:
    from tests.conftest import CORPUS

    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.apk")) if CORPUS.is_dir() else []


@pytest.mark.corpus
@pytest.mark.parametrize("name", _corpus_apks())
def test_corpus_invariants_of_coverage(name):
    """For any APK in the corpus, packed ones included: a named packer is never `complete`, and an app whose
    launcher activity is in no DEX is never given a letter grade."""
    report = audit(corpus_apk(name), [policy_load.load("cn-pipl-loan")])
    a = report.facts.analysis
    if a.packers:
        assert a.coverage is not Coverage.COMPLETE
    launchers = {c.name for c in report.facts.components if c.launcher}
    if launchers and launchers <= set(a.missing_classes):
        assert a.coverage is Coverage.OPAQUE and report.verdicts[0].grade == "incomplete"
    if a.coverage is Coverage.OPAQUE:
        assert report.verdicts[0].grade == "incomplete"
        assert a.packers or a.missing_classes or a.payload_bytes  # opaque only on evidence of hidden code


# -- helpers -----------------------------------------------------------------------------------------------


def _elf() -> bytes:
    return b"\x7fELF\x01\x01\x01" + bytes(505)


def _with_entries(tmp_path: Path, sample: str, extra: dict[str, bytes]) -> Path:
    """A copy of a sample APK with more zip entries (the signature no longer covers them; nothing checks it)."""
    out = tmp_path / f"{sample}-extra.apk"
    with zipfile.ZipFile(sample_apk(sample)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for name, data in extra.items():
            dst.writestr(name, data)
    return out
