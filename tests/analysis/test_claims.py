"""Issue 14, every claim defensible: samples/src/claims-false (each false claim) and claims-true (its positive twin).

claims-false (Moon Loan) is written like an R8-built lending app: AppCompat renamed to a.a.k.* (the night-mode
helper a.a.k.y, the delegate a.a.k.k whose a(I) is setDefaultNightMode, called with MODE_NIGHT_NO), the share
menu's model a.a.q.c asked about one text Intent, its own process found with getRunningAppProcesses, its
image cache folders (getExternalCacheDir, Universal Image Loader's getOwnCacheDirectory), and Tencent MTA
with its obfuscated MID component com.tencent.a.a.a.a.h reading the device id. claims-true (Sun Loan) is the
same code, but it opts in to automatic night mode (a.a.k.k.a(0)), lists the launcher's apps and every
installed package, lists shared storage, and reads the device id in its own code too.
"""

from __future__ import annotations

import pytest

from apkaudit.audit import audit, gather_facts
from apkaudit.model import Evidence, Facts
from apkaudit.policy import load as policy_load
from apkaudit.report import html, json_report
from apkaudit.report.strings import wording
from apkaudit.report.summary import summary
from tests.conftest import sample_apk

POLICY = policy_load.load("cn-pipl-loan")


@pytest.fixture(scope="module")
def false_facts() -> Facts:
    return gather_facts(sample_apk("claims-false"))


@pytest.fixture(scope="module")
def true_facts() -> Facts:
    return gather_facts(sample_apk("claims-true"))


def _claimed(facts: Facts) -> dict[str, list[str]]:
    """Category -> methods of the sites that make a claim (not library-internal)."""
    return {
        a.category: [s.method for s in a.sites if s.library_internal is None]
        for a in facts.data_access
        if any(s.library_internal is None for s in a.sites)
    }


def test_night_mode_helper_is_library_internal_when_the_app_does_not_opt_in(false_facts: Facts) -> None:
    location = false_facts.access("location")
    assert location is not None and location.permissions == ()
    (site,) = location.sites
    assert site.method == "La/a/k/y;->a(Ljava/lang/String;)Landroid/location/Location;"  # R8-renamed TwilightManager
    assert site.evidence is Evidence.REACHABLE and site.flows == ()
    assert site.library_internal is not None
    assert site.library_internal.library == "androidx" and site.owner == "androidx"
    assert site.library_internal.helper == "AndroidX's night-mode helper"
    assert "setDefaultNightMode(MODE_NIGHT_AUTO_TIME)" in (site.library_internal.opt_in or "")
    assert "location" not in _claimed(false_facts)


def test_night_mode_helper_is_the_apps_read_when_it_opts_in(true_facts: Facts) -> None:
    location = true_facts.access("location")
    assert location is not None and location.evidence is Evidence.REACHABLE
    (site,) = location.sites
    assert site.method.startswith("La/a/k/y;->a(") and site.library_internal is None


def test_share_sheet_own_process_and_own_folders_are_no_inventory(false_facts: Facts) -> None:
    claimed = _claimed(false_facts)
    assert "installed_apps" not in claimed  # a.a.q.c's one-Intent query, getRunningAppProcesses
    assert "storage" not in claimed  # getExternalCacheDir, StorageUtils.getOwnCacheDirectory
    assert false_facts.access("installed_apps") is None and false_facts.access("storage") is None


def test_positive_twins_are_still_reported(true_facts: Facts) -> None:
    claimed = _claimed(true_facts)
    assert sorted(claimed["installed_apps"]) == [
        "Lorg/apkaudit/sample/claimstrue/AppScanner;->a(Landroid/content/Context;)I",
        "Lorg/apkaudit/sample/claimstrue/AppScanner;->a(Landroid/content/Context;)I",
    ]  # the bare launcher Intent and getInstalledPackages; not the share model, not the own-process look-up
    apis = {s.api.partition("(")[0] for s in true_facts.access("installed_apps").sites}  # type: ignore[union-attr]
    assert apis == {
        "Landroid/content/pm/PackageManager;->getInstalledPackages",
        "Landroid/content/pm/PackageManager;->queryIntentActivities",
    }
    assert claimed["storage"] == ["Lorg/apkaudit/sample/claimstrue/FileScanner;->a()I"]


def test_obfuscated_vendor_sub_package_belongs_to_the_vendor(false_facts: Facts, true_facts: Facts) -> None:
    for facts in (false_facts, true_facts):
        owners = {s.method.partition("->")[0]: s.owner for s in facts.access("phone_ids").sites}  # type: ignore[union-attr]
        assert owners["Lcom/tencent/a/a/a/a/h;"] == "tencent_mta"
        assert {u.id: u.categories for u in facts.sdks}["tencent_mta"] == ("phone_ids",)
    own = {s.owner for s in true_facts.access("phone_ids").sites if "claimstrue" in s.method}  # type: ignore[union-attr]
    assert own == {"first-party"}


def test_grade_and_summary_leave_library_internal_reads_out() -> None:
    report = audit(sample_apk("claims-false"), [POLICY])
    assert {f.category for f in report.verdicts[0].findings} == {"phone_ids"}
    sdk_rule = [f for f in report.verdicts[0].findings if f.rule == "CN-LOAN-SDK-COLLECTION"]
    assert sdk_rule and all(s.owner == "tencent_mta" for f in sdk_rule for s in f.sites)
    doc = json_report.report_dict(report)
    site = doc["data_access"][0]["sites"][0]
    assert doc["data_access"][0]["category"] == "location" and site["library_internal"]["library"] == "androidx"
    lines = summary(doc, wording("en"))
    assert "AndroidX's night-mode helper can read location; this app does not turn it on." in lines
    assert not [line for line in lines if "your location" in line]
    page = html.render_docs([doc])
    start = page.index('<section class="summary">')
    section = page[start : page.index("</section>", start)]
    assert "night-mode helper can read location; this app does not turn it on." in section
    assert "your location" not in section


def test_reports_of_other_sites_carry_no_library_internal_key() -> None:
    doc = json_report.report_dict(audit(sample_apk("claims-true"), [POLICY]))
    assert all("library_internal" not in s for a in doc["data_access"] for s in a["sites"])
