"""Manifest facts on the bundled samples and the public corpus."""

from __future__ import annotations

import pytest

from apkaudit.audit import gather_facts
from apkaudit.facts.manifest import MAX_LABEL
from tests.conftest import corpus_apk, sample_apk


def _perms(facts):
    return {p.name.rsplit(".", 1)[-1]: p for p in facts.permissions}


def test_harvest_sample_identity_and_permissions():
    facts = gather_facts(sample_apk("harvest-loan"))
    app = facts.app
    assert app.package == "org.apkaudit.sample.harvestloan"
    assert app.label == "Quick Cash 快速借款"  # resolved from resources.arsc, not the manifest
    assert (app.min_sdk, app.target_sdk) == (21, 33)
    assert app.signer is not None and "apkaudit samples" in app.signer.subject
    assert len(app.sha256) == 64
    perms = _perms(facts)
    assert {n: p.category for n, p in perms.items() if p.category} == {
        "READ_CONTACTS": "contacts",
        "READ_CALL_LOG": "call_log",
        "READ_SMS": "sms",
        "READ_PHONE_STATE": "phone_ids",
        "ACCESS_FINE_LOCATION": "location",
    }
    assert perms["READ_CONTACTS"].protection_level == "dangerous"
    assert perms["INTERNET"].protection_level == "normal" and perms["INTERNET"].category is None
    launcher = [c for c in facts.components if c.launcher]
    assert [c.name for c in launcher] == ["org.apkaudit.sample.harvestloan.MainActivity"]


def test_compliant_sample_declares_only_camera():
    facts = gather_facts(sample_apk("compliant-loan"))
    assert {p.name for p in facts.permissions} == {"android.permission.INTERNET", "android.permission.CAMERA"}
    declared = [d.category for d in facts.data_access if d.permissions]
    assert declared == ["camera"]


def test_code_patterns_components():
    facts = gather_facts(sample_apk("code-patterns"))
    kinds = {(c.kind, c.name.rsplit(".", 1)[-1]) for c in facts.components}
    assert ("application", "PatternsApp") in kinds
    assert ("receiver", "BootReceiver") in kinds
    assert ("service", "SyncService") in kinds
    boot = next(c for c in facts.components if c.name.endswith("BootReceiver"))
    assert boot.actions == ("android.intent.action.BOOT_COMPLETED",) and boot.exported


@pytest.mark.corpus
def test_apidemos_permissions():
    facts = gather_facts(corpus_apk("ApiDemos-debug.apk"))
    assert facts.app.package == "io.appium.android.apis"
    assert facts.app.label == "API Demos"
    cats = {p.name.rsplit(".", 1)[-1]: p.category for p in facts.permissions}
    for perm, cat in {
        "READ_CONTACTS": "contacts",
        "RECEIVE_SMS": "sms",
        "SEND_SMS": "sms",
        "RECORD_AUDIO": "microphone",
        "CAMERA": "camera",
        "ACCESS_COARSE_LOCATION": "location",
    }.items():
        assert cats[perm] == cat
    assert any(c.launcher and c.name == "io.appium.android.apis.ApiDemos" for c in facts.components)


@pytest.mark.corpus
def test_appium_settings_permissions():
    facts = gather_facts(corpus_apk("appium-settings-8.0.10.apk"))
    cats = {p.name.rsplit(".", 1)[-1]: p.category for p in facts.permissions}
    assert cats["READ_SMS"] == "sms"
    assert cats["READ_PHONE_STATE"] == "phone_ids"
    assert cats["ACCESS_FINE_LOCATION"] == cats["ACCESS_BACKGROUND_LOCATION"] == "location"
    assert cats["RECORD_AUDIO"] == "microphone"
    assert cats["READ_MEDIA_IMAGES"] == "media"
    assert facts.app.signer and facts.app.signer.subject == "CN=Android Debug, O=Android, C=US"


@pytest.mark.corpus
def test_uiautomator_multidex_manifest():
    facts = gather_facts(corpus_apk("appium-uiautomator2-server-v10.6.6.apk"))
    assert facts.app.package == "io.appium.uiautomator2.server"
    assert {p.category for p in facts.permissions if p.category} == {"installed_apps"}


def test_a_label_too_long_for_androguard_keeps_a_bounded_prefix_with_a_note():
    """long-label.apk's label is 40,017 characters: past the UTF-8 pool's 15-bit length field, which androguard
    reads as an empty string (the label used to come out as null, silently)."""
    facts = gather_facts(sample_apk("long-label"))
    assert facts.app.label == ("Long Label Notes " + "L" * 40_000)[:MAX_LABEL]
    assert f"app label is longer than {MAX_LABEL} characters: only its first {MAX_LABEL} are kept" in (
        facts.analysis.notes
    )


def test_an_ordinary_label_is_whole_and_unnoted():
    facts = gather_facts(sample_apk("harvest-loan"))
    assert facts.app.label == "Quick Cash 快速借款"
    assert not [n for n in facts.analysis.notes if "label" in n]


def test_androguard_public_xml_document_is_freed_and_its_tables_kept():
    """androguard keeps the minidom document of its public.xml (about 5 MB) after building its id tables from
    it; the manifest reader frees it. The tables androguard reads attribute names from stay whole."""
    import gc
    import xml.dom.minidom

    from androguard.core.resources import public

    import apkaudit.facts.manifest  # noqa: F401 - the import frees the document

    assert not hasattr(public, "_xml")
    documents = [o for o in gc.get_objects() if isinstance(o, xml.dom.minidom.Document)]
    assert not [d for d in documents if d.getElementsByTagName("public")]
    attributes = public.SYSTEM_RESOURCES["attributes"]
    assert attributes["forward"]["label"] == 0x01010001 and attributes["inverse"][0x01010003] == "name"
    assert len(attributes["inverse"]) > 1000 and len(public.SYSTEM_RESOURCES["styles"]["forward"]) > 500


def test_androguard_parses_without_calling_loguru():
    """androguard's manifest and resource parsers log several messages per element through loguru, which looks
    up the caller's frame even for a disabled module: their logger is replaced by one that drops the call
    (facts/manifest.py), and nothing they would have logged reaches loguru, even when androguard is enabled."""
    from loguru import logger

    heard: list[str] = []
    sink = logger.add(lambda message: heard.append(str(message)), level="TRACE")
    logger.enable("androguard")
    try:
        facts = gather_facts(sample_apk("harvest-loan"))
    finally:
        logger.disable("androguard")
        logger.remove(sink)
    assert facts.app.label == "Quick Cash 快速借款"  # the label still comes from the resource table
    assert not [m for m in heard if "androguard" in m]


@pytest.mark.parametrize("name", ["harvest-loan", "compliant-loan", "appium-settings-8.0.10.apk"])
def test_androguard_apk_holds_what_it_would_from_its_own_parse(name):
    """open_androguard gives APK() an empty zip, then the archive's bytes, digest and parsed zip: the object holds
    what APK(bytes, raw=True) would, and reads the same manifest, certificates and raw bytes."""
    from androguard.core.apk import APK

    from apkaudit.apk import ApkArchive
    from apkaudit.facts.manifest import open_androguard

    path = corpus_apk(name) if name.endswith(".apk") else sample_apk(name)
    data = path.read_bytes()
    ours = open_androguard(ApkArchive.from_bytes(data, str(path)))
    theirs = APK(data, raw=True)
    skip = {"zip", "xml", "axml", "arsc", "permission_module", "permission_module_min_sdk"}
    assert {k for k in vars(ours) if k not in skip} == {k for k in vars(theirs) if k not in skip}
    for name, value in vars(theirs).items():
        if name in ("permissions", "uses_permissions"):  # androguard lists them in set order, which varies
            assert sorted(getattr(ours, name)) == sorted(value), name
        elif name not in skip:
            assert getattr(ours, name) == value, name
    assert ours.get_raw() == data and ours.get_package() == theirs.get_package()
    assert ours.get_certificates_der_v2() == theirs.get_certificates_der_v2()
    assert ours.get_certificates_der_v3() == theirs.get_certificates_der_v3()
    assert [c.dump() for c in ours.get_certificates_v1()] == [c.dump() for c in theirs.get_certificates_v1()]
    assert ours.zip.namelist() == theirs.zip.namelist()  # BoundedZip lists them itself, in the same order
