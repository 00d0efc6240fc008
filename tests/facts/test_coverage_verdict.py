"""The coverage verdict (facts/packing.verdict) on evidence built by hand: no APK is read."""

from __future__ import annotations

import dataclasses

from apkaudit.facts.packing import Evidence, counted_payload, verdict
from apkaudit.model import Component, Coverage, Signal

APP = Component("application", "com.x.App", False)
MAIN = Component("activity", "com.x.Main", True, launcher=True)
OTHER = Component("activity", "com.x.Other", False)
PLAIN = Evidence(
    signals=(),
    components=(APP, MAIN, OTHER),
    declared=("com.x.App", "com.x.Main", "com.x.Other"),
    missing=(),
    loader_locations=(),
    dex_names=frozenset({"classes.dex"}),
    dex_bytes=1000,
    payload_bytes=0,
)


def test_nothing_hidden_is_complete():
    v = verdict(PLAIN)
    assert v.coverage is Coverage.COMPLETE and v.reasons == () and v.visible_share == 1.0 and v.packers == ()


def test_a_missing_launcher_activity_is_opaque():
    v = verdict(dataclasses.replace(PLAIN, missing=("com.x.Main",)))
    assert v.coverage is Coverage.OPAQUE
    assert v.reasons == (
        "code opaque: the manifest's launcher activity com.x.Main is in no DEX file",
        "code opaque: 1 of 3 classes the app declares are in no DEX file",
    )
    assert v.visible_share == 0.67


def test_a_missing_ordinary_class_is_partial():
    v = verdict(dataclasses.replace(PLAIN, missing=("com.x.Other",)))
    assert v.coverage is Coverage.PARTIAL
    assert v.reasons == ("code partial: 1 of 3 classes the app declares are in no DEX file",)


def test_payload_that_outweighs_the_dex_is_opaque_and_a_smaller_one_partial():
    heavy = verdict(dataclasses.replace(PLAIN, payload_bytes=3000))
    assert heavy.coverage is Coverage.OPAQUE and heavy.visible_share == 0.25
    assert heavy.reasons == (
        "code opaque: 3000 bytes of hidden code outweigh the 1000 bytes of DEX the installer loads",
    )
    light = verdict(dataclasses.replace(PLAIN, payload_bytes=500))
    assert light.coverage is Coverage.PARTIAL and light.visible_share == 0.67


def test_packers_loaders_obfuscators_and_jni_make_it_partial():
    signals = (
        Signal("native_code", "com.x.Jni", "declares JNI methods", "Lcom/x/Jni;"),
        Signal("obfuscator", "DexGuard", "apkid", "classes.dex"),
        Signal("obfuscator", "Elsewhere", "apkid", "assets/a.bin"),  # not in a loaded DEX: no reason
        Signal("packer", "Jiagu", "apkid", "assets/libjiagu.so"),
    )
    v = verdict(dataclasses.replace(PLAIN, signals=signals, loader_locations=("La;->b()V", "Lc;->d()V")))
    assert v.coverage is Coverage.PARTIAL and v.packers == ("Jiagu",)
    assert v.reasons == (
        "code partial: packed or protected with Jiagu",
        "code partial: 2 method(s) load code from outside the APK, e.g. La;->b()V",
        "code partial: the DEX is obfuscated with DexGuard: strings the scan matches may be hidden",
        "code partial: 1 class(es) on paths to personal-data reads declare native (JNI) methods",
    )


def test_no_declared_classes_and_no_dex():
    v = verdict(dataclasses.replace(PLAIN, components=(), declared=(), dex_bytes=0))
    assert v.coverage is Coverage.COMPLETE and v.visible_share == 1.0


def test_counted_payload():
    assert counted_payload(100, 50, 1000, pointed=True) == 150  # something points to hidden code: all of it counts
    assert counted_payload(100, 50, 1000, pointed=False) == 0  # small DEX blobs, nothing points to them
    assert counted_payload(2000, 50, 1000, pointed=False) == 2000  # a bigger app in assets/
    assert counted_payload(5, 0, 0, pointed=False) == 5
