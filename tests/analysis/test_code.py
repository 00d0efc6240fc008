"""Code evidence: sites, patterns, owners and call paths on the samples and the public corpus."""

from __future__ import annotations

import zipfile

import pytest

from apkaudit.audit import gather_facts
from apkaudit.dex.file import DexFile
from apkaudit.model import AccessPattern, Evidence
from apkaudit.policy import load as policy_load
from apkaudit.policy.evaluate import evaluate
from tests.conftest import corpus_apk, sample_apk

P = "Lorg/apkaudit/sample/patterns/"


@pytest.fixture(scope="module")
def patterns():
    return gather_facts(sample_apk("code-patterns"))


def _sites(facts, category):
    access = facts.access(category)
    return {s.method: s for s in access.sites} if access else {}


def test_dead_code_is_referenced_not_reachable(patterns):
    site = _sites(patterns, "contacts")[f"{P}DeadCode;->readAddressBook(Landroid/content/Context;)I"]
    assert site.evidence is Evidence.REFERENCED
    assert site.path == () and site.entry_point is None
    assert site.api == "Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;"
    assert site.pattern is AccessPattern.BULK


def test_sdk_read_from_application_oncreate(patterns):
    site = _sites(patterns, "contacts")["Lcn/tongdun/android/shell/FMAgent;->init(Landroid/content/Context;)V"]
    assert site.owner == "tongdun"
    assert site.evidence is Evidence.REACHABLE
    assert site.path == (
        f"{P}PatternsApp;->onCreate()V",
        "Lcn/tongdun/android/shell/FMAgent;->init(Landroid/content/Context;)V",
    )
    assert site.path_owners == ("first-party", "tongdun")
    assert site.entry_kind == "application start"
    (sdk,) = [s for s in patterns.sdks if s.id == "tongdun"]
    assert sdk.kind == "risk-control" and sdk.categories == ("contacts",)


def test_boot_receiver_and_the_service_it_starts(patterns):
    boot = _sites(patterns, "call_log")[
        f"{P}BootReceiver;->onReceive(Landroid/content/Context;Landroid/content/Intent;)V"
    ]
    assert boot.evidence is Evidence.REACHABLE and boot.entry_kind == "boot receiver"
    assert boot.api == "Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;"
    sync = _sites(patterns, "sms")[f"{P}SyncService;->onStartCommand(Landroid/content/Intent;II)I"]
    assert sync.evidence is Evidence.REACHABLE and sync.entry_kind == "background service"
    assert sync.api == "Landroid/provider/Telephony$Sms$Inbox;->CONTENT_URI:Landroid/net/Uri;"


def test_runnable_run_by_an_executor(patterns):
    site = _sites(patterns, "contacts")[f"{P}ContactsTask;->run()V"]
    assert site.evidence is Evidence.REACHABLE
    assert site.path == (f"{P}MainActivity;->onCreate(Landroid/os/Bundle;)V", f"{P}ContactsTask;->run()V")
    assert site.entry_kind == "launcher activity"
    assert site.owner == "first-party"


def test_read_in_classes2_called_from_classes(patterns):
    with zipfile.ZipFile(sample_apk("code-patterns")) as z:
        second = DexFile(z.read("classes2.dex"), "classes2.dex")
        first = DexFile(z.read("classes.dex"), "classes.dex")
    reader = "Lorg/apkaudit/sample/patterns/second/LocationReader;"
    assert second.class_by_name(reader) is not None and first.class_by_name(reader) is None
    sites = _sites(patterns, "location")
    site = sites[f"{reader}->read(Landroid/content/Context;)V"]
    assert site.evidence is Evidence.REACHABLE
    assert site.path == (
        f"{P}MainActivity;->onCreate(Landroid/os/Bundle;)V",
        f"{reader}->read(Landroid/content/Context;)V",
    )


def test_uri_given_as_a_string(patterns):
    method = f"{P}StringUriActivity;->onCreate(Landroid/os/Bundle;)V"
    contacts = [s for s in patterns.access("contacts").sites if s.method == method]
    assert [s.api for s in contacts] == ["content://com.android.contacts/data/phones"]
    assert contacts[0].pattern is AccessPattern.BULK and contacts[0].evidence is Evidence.REACHABLE
    calls = [s for s in patterns.access("call_log").sites if s.method == method]
    assert [s.api for s in calls] == ["content://call_log"]


def test_compliant_picker_is_told_from_bulk_reads():
    facts = gather_facts(sample_apk("compliant-loan"))
    contacts = facts.access("contacts")
    assert contacts.permissions == ()
    assert contacts.sites and all(s.pattern is AccessPattern.PICKER for s in contacts.sites)
    by_method = {s.method.split(";->")[1]: s for s in contacts.sites}
    assert by_method["pickEmergencyContact()V"].api == "vnd.android.cursor.dir/phone_v2"
    result = by_method["onActivityResult(IILandroid/content/Intent;)V"]
    assert result.api.startswith("Landroid/content/ContentResolver;->query(") and "picker" in (result.note or "")
    verdict = evaluate(facts, policy_load.load("cn-pipl-loan"))
    assert "contacts" not in {f.category for f in verdict.findings}


def test_harvester_reads_are_reachable_from_the_launcher():
    facts = gather_facts(sample_apk("harvest-loan"))
    upload = "Lorg/apkaudit/sample/harvestloan/UploadTask;->run()V"
    for category in ("contacts", "call_log", "sms", "phone_ids"):
        site = _sites(facts, category)[upload]
        assert site.evidence in (Evidence.REACHABLE, Evidence.TRANSMITTED)  # transmitted: the upload is followed
        assert site.path[0] == "Lorg/apkaudit/sample/harvestloan/MainActivity;->onCreate(Landroid/os/Bundle;)V"
    assert _sites(facts, "sms")[upload].api == "content://sms/inbox"


def test_unused_permission_has_no_code_sites():
    facts = gather_facts(sample_apk("unused-contacts"))
    (contacts,) = facts.data_access
    assert contacts.category == "contacts" and contacts.evidence is Evidence.DECLARED and contacts.sites == ()


APIDEMOS = "Lio/appium/android/apis/"


@pytest.mark.corpus
def test_apidemos_contact_reads_with_paths():
    facts = gather_facts(corpus_apk("ApiDemos-debug.apk"))
    sites = facts.access("contacts").sites
    reachable = {s.method.split(";->")[0][len(APIDEMOS) :]: s for s in sites if s.evidence is Evidence.REACHABLE}
    expected = {
        "app/QuickContactsDemo": "app/QuickContactsDemo",
        "view/List2": "view/List2",
        "view/List3": "view/List3",
        "view/List7": "view/List7",
        "view/AutoComplete4": "view/AutoComplete4",
        "view/AutoComplete5": "view/AutoComplete5",
        "view/ExpandableList2": "view/ExpandableList2",
        "view/Gallery2": "view/Gallery2",
        "app/LoaderCursor$CursorLoaderListFragment": "app/LoaderCursor",
        "app/LoaderRetained$CursorLoaderListFragment": "app/LoaderRetained",
        "os/SmsMessageReceiver": "os/SmsMessageReceiver",
    }
    for cls, entry_cls in expected.items():
        assert cls in reachable, cls
        site = reachable[cls]
        assert site.path[0].startswith(f"{APIDEMOS}{entry_cls};->"), site.path
        assert site.path[-1] == site.method
    quick = reachable["app/QuickContactsDemo"]
    assert quick.method == f"{APIDEMOS}app/QuickContactsDemo;->onCreate(Landroid/os/Bundle;)V"
    assert quick.api == "Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;"
    sms = reachable["os/SmsMessageReceiver"]
    assert sms.api == "Landroid/provider/ContactsContract$PhoneLookup;->CONTENT_FILTER_URI:Landroid/net/Uri;"
    assert sms.entry_kind == "SMS receiver"
    apps = {s.method for s in facts.access("installed_apps").sites if s.evidence is Evidence.REACHABLE}
    assert f"{APIDEMOS}app/LoaderCustom$AppListLoader;->loadInBackground()Ljava/util/List;" in apps


@pytest.mark.corpus
def test_appium_settings_sms_and_location():
    facts = gather_facts(corpus_apk("appium-settings-8.0.10.apk"))
    sms = [s for s in facts.access("sms").sites if "receivers/SmsReader" in s.method]
    assert any(s.api == "content://sms/inbox" for s in sms)
    assert all(s.evidence is Evidence.REACHABLE and s.entry_kind == "broadcast receiver" for s in sms)
    location = [s for s in facts.access("location").sites if "io/appium/settings/LocationTracker" in s.method]
    apis = {s.api.split(";->")[1].split("(")[0] for s in location}
    assert {"requestLocationUpdates"} <= apis
    assert all(s.evidence is Evidence.REACHABLE for s in location)
