"""Data flows on the DroidBench-style micro apps in samples/flows/ (one case per APK, see its README.md).

The benchmark test requires 100% precision and recall of bench/bench_flows.py on those apps; the
per-case tests check where each expected leak is found: the source site, the sink kind, the method
that calls the sink and, for network sinks, the endpoint URL constant.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest
import yaml

from apkaudit.audit import gather_facts
from apkaudit.model import Flow, Site

pytestmark = pytest.mark.samples  # needs the built APKs in samples/flows/apk

ROOT = Path(__file__).resolve().parents[3]
FLOWS = ROOT / "samples" / "flows"
TRUTH = FLOWS / "truth.yaml"
URL = "https://api.flows.example/v1/"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_flows", ROOT / "bench" / "bench_flows.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _apk(name: str) -> Path:
    path = FLOWS / "apk" / f"{name}.apk"
    if not path.is_file():
        pytest.fail(f"flow sample {path} missing: run samples/build.sh --flows")
    return path


@cache
def _flows(name: str) -> tuple[tuple[str, Site, Flow], ...]:
    """(category, source site, flow) for every flow apkaudit reports in samples/flows/apk/<name>.apk."""
    facts = gather_facts(_apk(name))
    return tuple((a.category, s, f) for a in facts.data_access for s in a.sites for f in s.flows)


def _sample(name: str) -> Path:
    path = ROOT / "samples" / "apk" / f"{name}.apk"
    if not path.is_file():
        pytest.fail(f"sample {path} missing: run samples/build.sh")
    return path


def _m(case: str, member: str, cls: str = "MainActivity") -> str:
    return f"Lorg/apkaudit/flows/{case}/{cls};->{member}"


ON_CREATE = "onCreate(Landroid/os/Bundle;)V"
SOCKET = ""  # a socket has a host and port, no URL: its flows have no endpoint
LOG_D = "Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I"
LOG_I = "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I"
LOG_W = "Landroid/util/Log;->w(Ljava/lang/String;Ljava/lang/String;)I"
LOG_V = "Landroid/util/Log;->v(Ljava/lang/String;Ljava/lang/String;)I"
LOG_E = "Landroid/util/Log;->e(Ljava/lang/String;Ljava/lang/String;)I"

# case -> expected leaks: (category, source method, sink kind, method calling the sink, endpoint or sink API)
POSITIVES: dict[str, list[tuple[str, str, str, str, str]]] = {
    "direct": [
        ("phone_ids", _m("direct", ON_CREATE), "network", _m("direct", ON_CREATE), URL + "direct"),
    ],
    "field": [
        ("contacts", _m("field", ON_CREATE), "network", _m("field", "onResume()V"), URL + "field"),
    ],
    "callee": [
        (
            "phone_ids",
            _m("callee", ON_CREATE),
            "network",
            _m("callee", "upload(Ljava/lang/String;)V"),
            URL + "callee/argument",
        ),
        (
            "phone_ids",
            _m("callee", "readDeviceId()Ljava/lang/String;"),
            "network",
            _m("callee", ON_CREATE),
            URL + "callee/returned",
        ),
    ],
    "collection_json": [
        (
            "call_log",
            _m("collection_json", ON_CREATE),
            "network",
            _m("collection_json", ON_CREATE),
            URL + "collection_json",
        ),
    ],
    "intent_extra": [
        (
            "phone_ids",
            _m("intent_extra", ON_CREATE),
            "ipc",
            _m("intent_extra", ON_CREATE),
            _m("intent_extra", "sendBroadcast(Landroid/content/Intent;)V"),
        ),
        (
            "phone_ids",
            _m("intent_extra", ON_CREATE),
            "log",
            _m("intent_extra", ON_CREATE),
            "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I",
        ),
    ],
    "thread": [
        ("location", _m("thread", ON_CREATE), "network", _m("thread", "run()V", "LocationUploader"), URL + "thread"),
    ],
    "sms_inbox_okhttp": [
        (
            "sms",
            _m("sms_inbox_okhttp", ON_CREATE),
            "network",
            _m("sms_inbox_okhttp", ON_CREATE),
            URL + "sms_inbox_okhttp",
        ),
    ],
    "endpoint_constants": [
        (
            "phone_ids",
            _m("endpoint_constants", ON_CREATE),
            "network",
            _m("endpoint_constants", f"{sender}(Ljava/lang/String;)V"),
            URL + f"endpoint_constants/{where}",
        )
        for sender, where in (
            ("sendWithBuildConfig", "buildconfig"),
            ("sendWithResource", "resource"),
            ("sendWithStaticField", "static"),
        )
    ],
    "retrofit_service": [
        (
            "phone_ids",
            _m("retrofit_service", ON_CREATE),
            "network",
            _m("retrofit_service", ON_CREATE),
            URL + "retrofit_service",
        ),
        (
            "phone_ids",
            _m("retrofit_service", ON_CREATE),
            "network",
            _m(
                "retrofit_service", "reportWithCall(Lorg/apkaudit/flows/retrofit_service/UploadApi;Ljava/lang/String;)V"
            ),
            URL + "retrofit_service/call",
        ),
    ],
    "icc_service": [
        (
            "phone_ids",
            _m("icc_service", ON_CREATE),
            "network",
            _m("icc_service", "onStartCommand(Landroid/content/Intent;II)I", "UploadService"),
            URL + "icc_service",
        ),
        (
            "phone_ids",
            _m("icc_service", ON_CREATE),
            "log",
            _m("icc_service", ON_CREATE, "ShowActivity"),
            "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I",
        ),
    ],
    "icc_patterns": [
        (
            "phone_ids",
            _m("icc_patterns", ON_CREATE),
            "ipc",
            _m("icc_patterns", ON_CREATE),
            _m("icc_patterns", "startService(Landroid/content/Intent;)Landroid/content/ComponentName;"),
        ),
        (
            "phone_ids",
            _m("icc_patterns", ON_CREATE),
            "network",
            _m("icc_patterns", "onStartCommand(Landroid/content/Intent;II)I", "UploadService"),
            URL + "icc_patterns",
        ),
        (
            "phone_ids",
            _m("icc_patterns", ON_CREATE),
            "log",
            _m("icc_patterns", ON_CREATE, "BaseShow"),
            "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I",
        ),
    ],
    # hand-offs (issue 13 item 4) and the page of a WebView (item 6)
    "handler_message": [
        (
            "phone_ids",
            _m("handler_message", ON_CREATE),
            "network",
            _m("handler_message", "handleMessage(Landroid/os/Message;)V", "UploadHandler"),
            URL + "handler_message",
        ),
    ],
    "thread_subclass": [
        (
            "phone_ids",
            _m("thread_subclass", ON_CREATE),
            "network",
            _m("thread_subclass", "run()V", "UploadThread"),
            URL + "thread_subclass",
        ),
    ],
    "static_store": [
        (
            "phone_ids",
            _m("static_store", ON_CREATE),
            "network",
            _m("static_store", "onStartCommand(Landroid/content/Intent;II)I", "UploadService"),
            URL + "static_store",
        ),
    ],
    "js_contacts": [
        (
            "contacts",
            _m("js_contacts", "getContacts()Ljava/lang/String;", "ContactsBridge"),
            "webview",
            _m("js_contacts", "getContacts()Ljava/lang/String;", "ContactsBridge"),
            URL + "js_contacts/page.html",
        ),
    ],
    "volley_upload": [
        (
            "contacts",
            _m("volley_upload", ON_CREATE),
            "network",
            _m("volley_upload", "getParams()Ljava/util/Map;", "MainActivity$1"),
            URL + "volley_upload",
        ),
    ],
    "packages_field": [
        (
            "installed_apps",
            _m("packages_field", ON_CREATE),
            "network",
            _m("packages_field", "onResume()V"),
            URL + "packages_field",
        ),
    ],
    "layout_onclick": [
        (
            "contacts",
            _m("layout_onclick", "syncContacts(Landroid/view/View;)V"),
            "network",
            _m("layout_onclick", "syncContacts(Landroid/view/View;)V"),
            URL + "layout_onclick",
        ),
    ],
    "reflect_class_field": [
        (
            "phone_ids",
            _m("reflect_class_field", ON_CREATE),
            "network",
            _m("reflect_class_field", "send(Ljava/lang/String;)V", "Uploader"),
            URL + "reflect_class_field",
        ),
    ],
    "okhttp_form_thread": [
        (
            "contacts",
            _m("okhttp_form_thread", "readContacts()Lorg/json/JSONArray;"),
            "network",
            _m("okhttp_form_thread", "run()V", "Uploader"),
            URL + "okhttp_form_thread",
        ),
    ],
    "okhttp_body_writeto": [
        (
            "sms",
            _m("okhttp_body_writeto", "readSms()Ljava/lang/String;"),
            "network",
            _m("okhttp_body_writeto", "writeTo(Lokio/BufferedSink;)V", "SmsBody"),
            URL + "okhttp_body_writeto",
        ),
    ],
    "loopj_params": [
        (
            "call_log",
            _m("loopj_params", "readCalls()Lorg/json/JSONArray;"),
            "network",
            _m("loopj_params", "upload(Ljava/lang/String;)V"),
            URL + "loopj_params",
        ),
    ],
    "apache_entity": [
        (
            "sms",
            _m("apache_entity", "readSms()Ljava/lang/String;"),
            "network",
            _m("apache_entity", "run()V", "UploadThread"),
            endpoint,
        )
        for endpoint in (URL + "apache_entity/form", URL + "apache_entity/json")
    ],
    "socket_upload": [
        (
            "contacts",
            _m("socket_upload", "readContacts()Lorg/json/JSONArray;"),
            "network",
            _m("socket_upload", "send(Ljava/lang/String;)V"),
            SOCKET,
        ),
    ],
    "gson_bean_list": [
        (
            "contacts",
            _m("gson_bean_list", ON_CREATE),
            "network",
            _m("gson_bean_list", ON_CREATE),
            endpoint,
        )
        for endpoint in (URL + "gson_bean_list/gson", URL + "gson_bean_list/fastjson")
    ],
    "messenger_service": [
        (
            "phone_ids",
            _m(
                "messenger_service",
                "onServiceConnected(Landroid/content/ComponentName;Landroid/os/IBinder;)V",
                "Connection",
            ),
            "network",
            _m("messenger_service", "handleMessage(Landroid/os/Message;)V", "IncomingHandler"),
            URL + "messenger_service",
        ),
    ],
    "saved_state": [
        (
            "phone_ids",
            _m("saved_state", "onSaveInstanceState(Landroid/os/Bundle;)V"),
            "network",
            _m("saved_state", ON_CREATE),
            URL + "saved_state",
        ),
    ],
    "prefs_listener": [
        (
            "phone_ids",
            _m("prefs_listener", ON_CREATE),
            "network",
            _m("prefs_listener", "onSharedPreferenceChanged(Landroid/content/SharedPreferences;Ljava/lang/String;)V"),
            URL + "prefs_listener",
        ),
    ],
    "prefs_key_paths": [
        (
            "phone_ids",
            _m("prefs_key_paths", ON_CREATE),
            "network",
            _m("prefs_key_paths", "post(Ljava/lang/String;)V", "Config"),
            URL + "prefs_key_paths",
        ),
    ],
    "prefs_helper": [
        (
            "phone_ids",
            _m("prefs_helper", ON_CREATE),
            "network",
            _m("prefs_helper", "post(Ljava/lang/String;)V", "Uploader"),
            URL + "prefs_helper",
        ),
    ],
    "prefs_helper_shapes": [
        ("phone_ids", _m("prefs_helper_shapes", ON_CREATE), "log", _m("prefs_helper_shapes", ON_CREATE), LOG_I),
        ("phone_ids", _m("prefs_helper_shapes", ON_CREATE), "log", _m("prefs_helper_shapes", ON_CREATE), LOG_V),
        (
            "phone_ids",
            _m("prefs_helper_shapes", ON_CREATE),
            "log",
            _m("prefs_helper_shapes", "uploadBackup()V", "Uploader"),
            LOG_E,
        ),
        (
            "phone_ids",
            _m("prefs_helper_shapes", ON_CREATE),
            "log",
            _m("prefs_helper_shapes", "send(Landroid/content/Context;Ljava/lang/String;)V", "SpUtil"),
            LOG_D,
        ),
        (
            "phone_ids",
            _m("prefs_helper_shapes", ON_CREATE),
            "network",
            _m("prefs_helper_shapes", "post(Ljava/lang/String;)V", "Uploader"),
            URL + "prefs_helper_shapes",
        ),
        (
            "phone_ids",
            _m("prefs_helper_shapes", "saveSerial(Landroid/content/Context;Ljava/lang/String;)V", "SpUtil"),
            "log",
            _m("prefs_helper_shapes", "uploadSerial()V", "Uploader"),
            LOG_W,
        ),
    ],
    "js_prefs_item": [
        (
            "phone_ids",
            _m("js_prefs_item", ON_CREATE),
            "webview",
            _m("js_prefs_item", "getItem(Ljava/lang/String;)Ljava/lang/String;", "PrefsBridge"),
            URL + "js_prefs_item/page.html",
        ),
    ],
    "protobuf_upload": [
        (
            "phone_ids",
            _m("protobuf_upload", ON_CREATE),
            "network",
            _m("protobuf_upload", "postBytes([B)V"),
            URL + "protobuf_upload/bytes",
        ),
        (
            "phone_ids",
            _m("protobuf_upload", ON_CREATE),
            "network",
            _m("protobuf_upload", "stream(Lorg/apkaudit/flows/protobuf_upload/proto/Device;)V"),
            URL + "protobuf_upload/stream",
        ),
    ],
    "gson_stream": [
        ("contacts", _m("gson_stream", ON_CREATE), "network", _m("gson_stream", ON_CREATE), URL + "gson_stream"),
    ],
    "media_files_upload": [
        (
            "media",
            _m("media_files_upload", "listFiles()Lorg/json/JSONArray;"),
            "network",
            _m("media_files_upload", "run()V", "Uploader"),
            URL + "media_files_upload",
        ),
    ],
    # queueDeclare, queueBind and basicPublish in run(), to an amqp:// broker (no URL endpoint)
    "rabbitmq_publish": [
        (
            "phone_ids",
            _m("rabbitmq_publish", ON_CREATE),
            "network",
            _m("rabbitmq_publish", "run()V", "MqClient"),
            SOCKET,
        ),
        (
            "phone_ids",
            _m("rabbitmq_publish", ON_CREATE),
            "network",
            _m("rabbitmq_publish", "run()V", "MqClient"),
            SOCKET,
        ),
        (
            "phone_ids",
            _m("rabbitmq_publish", ON_CREATE),
            "network",
            _m("rabbitmq_publish", "run()V", "MqClient"),
            SOCKET,
        ),
    ],
    "contacts_uri_helper": [
        (
            "contacts",
            _m("contacts_uri_helper", ON_CREATE),
            "network",
            _m("contacts_uri_helper", "run()V", "Uploader"),
            URL + "contacts_uri_helper",
        ),
    ],
    "address_reads": [
        (
            "contacts",
            _m("address_reads", ON_CREATE),
            "network",
            _m("address_reads", "run()V", "Uploader"),
            URL + "address_reads",
        ),
        ("phone_ids", _m("address_reads", ON_CREATE), "log", _m("address_reads", ON_CREATE), LOG_D),
        ("call_log", _m("address_reads", ON_CREATE), "log", _m("address_reads", ON_CREATE), LOG_I),
    ],
    "listener_owner": [
        (
            "location",
            _m("listener_owner", "onLocationChanged(Landroid/location/Location;)V", "Watcher"),
            "network",
            _m("listener_owner", "onPosition(Ljava/lang/String;)V"),
            URL + "listener_owner",
        ),
    ],
    "location_field": [
        (
            "location",
            _m("location_field", "onLocationChanged(Landroid/location/Location;)V", "Tracker"),
            "network",
            _m("location_field", "onPause()V"),
            URL + "location_field",
        ),
    ],
    "click_listener": [
        (
            "phone_ids",
            _m("click_listener", "onClick(Landroid/view/View;)V", "SyncListener"),
            "network",
            _m("click_listener", "onClick(Landroid/view/View;)V", "SyncListener"),
            URL + "click_listener",
        ),
    ],
    "view_tag": [
        (
            "phone_ids",
            _m("view_tag", "onClick(Landroid/view/View;)V", "TagListener"),
            "network",
            _m("view_tag", "onClick(Landroid/view/View;)V", "TagListener"),
            URL + "view_tag",
        ),
    ],
    "element_positions": [
        (
            "phone_ids",
            _m("element_positions", ON_CREATE),
            "network",
            _m("element_positions", f"send{part.capitalize()}(Ljava/lang/String;)V"),
            URL + "element_positions/" + part,
        )
        for part in ("column", "profile", "row")
    ],
    "dispatch_by_caller": [
        (
            "phone_ids",
            _m("dispatch_by_caller", "value()Ljava/lang/String;", "DeviceSource"),
            "network",
            _m("dispatch_by_caller", "send(Ljava/lang/String;)V"),
            URL + "dispatch_by_caller",
        ),
    ],
    "exception_message": [
        (
            "phone_ids",
            _m("exception_message", ON_CREATE),
            "network",
            _m("exception_message", "send(Ljava/lang/String;)V"),
            URL + "exception_message",
        ),
    ],
    "provider_store": [
        (
            "phone_ids",
            _m("provider_store", ON_CREATE),
            "network",
            _m("provider_store", "upload()V"),
            URL + "provider_store",
        )
    ],
    "activity_result_returned": [
        (
            "phone_ids",
            _m("activity_result_returned", ON_CREATE, "IdActivity"),
            "network",
            _m("activity_result_returned", "onActivityResult(IILandroid/content/Intent;)V"),
            URL + "activity_result_returned",
        )
    ],
    "activity_result": [
        (
            "phone_ids",
            _m("activity_result", ON_CREATE, "IdActivity"),
            "ipc",
            _m("activity_result", ON_CREATE, "IdActivity"),
            _m("activity_result", "setResult(ILandroid/content/Intent;)V", "IdActivity"),
        )
    ],
}
NEGATIVES = [
    "overwritten",
    "read_not_sent",
    "unrelated_send",
    "dead_code",
    "handler_message_local",
    "thread_subclass_local",
    "static_store_local",
    "js_contacts_unregistered",
    "volley_local",
    "packages_other_field",
    "layout_onclick_local",
    "reflect_class_field_local",
    "okhttp_form_thread_local",
    "okhttp_body_writeto_local",
    "loopj_params_local",
    "apache_entity_local",
    "socket_upload_local",
    "gson_bean_list_clean",
    "messenger_service_local",
    "saved_state_local",
    "prefs_listener_unregistered",
    "prefs_key_paths_other",
    "prefs_helper_other",
    "prefs_helper_shapes_other",
    "js_prefs_item_unregistered",
    "protobuf_upload_other",
    "exception_class_name",
    "gson_stream_local",
    "storage_camera_handles",
    "rabbitmq_publish_local",
    "contacts_uri_only",
    "address_only",
    "listener_owner_other",
    "location_field_early",
    "click_listener_removed",
    "view_tag_local",
    "element_positions_plain",
    "exception_message_local",
    "dispatch_by_caller_local",
    "activity_result_private",
    "provider_store_other_table",
]


def test_truth_file_matches_the_cases():
    truth = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))
    assert truth["format"] == "apkaudit/flow-truth/v1"
    expected = {f"apk/{name}.apk": sorted(leak[2] for leak in leaks) for name, leaks in POSITIVES.items()}
    expected |= {f"apk/{name}.apk": [] for name in NEGATIVES}
    assert {name: sorted(entry["sinks"]) for name, entry in truth["apks"].items()} == expected
    for name, entry in truth["apks"].items():
        assert entry["leaks"] == len(entry["sinks"]) and entry["note"], name
        assert (FLOWS / name).is_file(), f"{name} missing: run samples/build.sh --flows"
    assert sorted(p.name for p in (FLOWS / "src").iterdir()) == sorted([*POSITIVES, *NEGATIVES])


def test_bench_precision_and_recall_are_perfect():
    rows, totals = _bench().evaluate(FLOWS, TRUTH)
    table = "\n".join(str(r) for r in rows)
    assert totals["fn"] == 0 and totals["recall"] == 1.0, table
    assert totals["fp"] == 0 and totals["precision"] == 1.0, table


@pytest.mark.parametrize("case", sorted(POSITIVES))
def test_positive_case_flows(case):
    found = _flows(case)
    for category, source, kind, sink_method, where in POSITIVES[case]:
        matches = [
            f
            for c, s, f in found
            if c == category and s.method == source and f.kind == kind and f.method == sink_method
        ]
        assert matches, f"{case}: no {kind} flow {source} -> {sink_method}; found {found}"
        if kind in ("network", "webview"):
            # one sink method may send to several endpoints (two requests in one run())
            wanted = {
                w or None
                for c, src, k, m, w in POSITIVES[case]
                if (c, src, k, m) == (category, source, kind, sink_method)
            }
            assert (where or None) in {f.endpoint for f in matches}, matches
            assert all(f.endpoint in wanted for f in matches), matches
        else:  # one method may log twice (Log.i, Log.v)
            sinks = {
                w for c, src, k, m, w in POSITIVES[case] if (c, src, k, m) == (category, source, kind, sink_method)
            }
            assert where in {f.sink for f in matches}, matches
            assert all(f.sink in sinks and f.endpoint is None for f in matches), matches
    # nothing else: every reported flow is one of the expected (site, kind, sink method) triples
    allowed = {(c, src, k, m) for c, src, k, m, _ in POSITIVES[case]}
    assert {(c, s.method, f.kind, f.method) for c, s, f in found} == allowed


@pytest.mark.parametrize("case", NEGATIVES)
def test_negative_case_has_no_flow(case):
    assert _flows(case) == ()


def test_a_broker_gets_queue_names_routing_keys_and_messages():
    """Each RabbitMQ call given the serial number is a leak to the broker; the no-argument queueDeclare() is not. The
    https URL the same method logs is not where the data goes (sinks.yaml `to: host`)."""
    found = _flows("rabbitmq_publish")
    assert sorted(f.sink.split("->")[1].split("(")[0] for _, _, f in found) == [
        "basicPublish",
        "queueBind",
        "queueDeclare",
    ]
    assert "(Ljava/lang/String;ZZZLjava/util/Map;)" in next(f.sink for _, _, f in found if "queueDeclare" in f.sink)
    assert {f.endpoint for _, _, f in found} == {None}


def test_a_table_is_read_through_its_address_at_the_call_that_gave_it():
    """A helper that queries the URI it is given reads, at each call, the table that call passed: in the sample
    policy-omits one helper counts the address book, then the call log, and each count is logged on its own; the
    address book's count does not reach the call log's line (nor the reverse)."""
    facts = gather_facts(_sample("policy-omits"))
    logged = {
        a.category: sorted(f.at for s in a.sites for f in s.flows) for a in facts.data_access if a.category != "storage"
    }
    assert logged == {"contacts": [19], "call_log": [32]}
    ((category, site, flow),) = _flows("contacts_uri_helper")  # the URI logged before the query is no leak
    assert category == "contacts" and site.api.endswith("CONTENT_URI:Landroid/net/Uri;") and flow.kind == "network"


def test_handles_are_sites_whose_values_are_not_followed():
    """A shared storage folder and a camera are reached (sites, reachable from the launcher activity), and the
    report says why their values are not followed: a folder's path and a camera's settings are not the user's
    data (at f341b26 the path and the focus modes were four 'leaks', to Log and to the server)."""
    facts = gather_facts(_apk("storage_camera_handles"))
    sites = {a.category: a.sites for a in facts.data_access}
    assert set(sites) >= {"storage", "camera"}
    for category in ("storage", "camera"):
        (site,) = sites[category]
        assert site.evidence.value == "reachable" and site.flows == ()
        assert site.flow_note is not None and site.flow_note.startswith("not followed: it ")


def test_flows_cross_into_the_component_an_explicit_intent_starts():
    """The path of an icc_service flow runs from the activity into the service the Intent starts."""
    found = {f.kind: f for _, _, f in _flows("icc_service")}
    assert found["network"].path == (
        _m("icc_service", ON_CREATE),
        _m("icc_service", "onStartCommand(Landroid/content/Intent;II)I", "UploadService"),
    )
    assert found["log"].path == (
        _m("icc_service", ON_CREATE),
        _m("icc_service", "show(Ljava/lang/String;)V"),
        _m("icc_service", ON_CREATE, "ShowActivity"),
    )
    assert "ipc" not in found  # explicit Intents to its own components keep the data in the app


def test_a_result_goes_out_only_from_an_activity_other_apps_can_start():
    """setResult in an exported activity hands the Intent to any app that starts it for a result; in one only the
    app starts, the result stays with the app's own onActivityResult."""
    assert [f.kind for _, _, f in _flows("activity_result")] == ["ipc"]
    assert _flows("activity_result_private") == ()
    [(_, _, back)] = _flows("activity_result_returned")  # the app's own caller gets it in onActivityResult
    assert back.path[:2] == (
        _m("activity_result_returned", ON_CREATE, "IdActivity"),
        _m("activity_result_returned", "onActivityResult(IILandroid/content/Intent;)V"),
    )


def test_a_provider_store_is_keyed_by_the_apps_own_authority_and_table():
    """What the app inserts into its own provider comes back from a query of the same table only; the manifest
    gives the provider's authority."""
    facts = gather_facts(_apk("provider_store"))
    providers = [c for c in facts.components if c.kind == "provider"]
    assert [c.authorities for c in providers] == [("org.apkaudit.flows.provider_store.ids",)]
    [(_, _, flow)] = _flows("provider_store")
    assert flow.path[0] == _m("provider_store", ON_CREATE) and flow.method == _m("provider_store", "upload()V")
    assert _flows("provider_store_other_table") == ()


def test_intent_targets_survive_branches_factories_component_names_and_base_classes():
    found = {f.kind: f for _, _, f in _flows("icc_patterns")}
    assert found["log"].path == (
        _m("icc_patterns", ON_CREATE),
        _m("icc_patterns", "show(Ljava/lang/String;)V"),
        _m("icc_patterns", ON_CREATE, "BaseShow"),
    )
    assert found["network"].path[-1] == _m(
        "icc_patterns", "onStartCommand(Landroid/content/Intent;II)I", "UploadService"
    )


def test_a_settings_helper_is_summarised_past_the_depth_other_callees_are_cut_at(monkeypatch):
    """A helper writes under the key its caller names only where its summary is applied: one cut by the call depth
    would lose the write (a caller six calls above the helper did, before). Store helpers are summarised at any
    depth; with every other callee cut (depth 0), prefs_helper's id still reaches the upload through
    SpUtil.put -> putString, and its twin still has nothing."""
    from apkaudit.analysis.flows import engine

    monkeypatch.setattr(engine, "MAX_CALL_DEPTH", 0)
    assert [(f.kind, f.method) for _, _, f in _flows("prefs_helper")] == [
        ("network", _m("prefs_helper", "post(Ljava/lang/String;)V", "Uploader"))
    ]
    assert _flows("prefs_helper_other") == ()
