"""Framework models (analysis/flows/models.py, catalogs/dispatch.yaml and sinks.yaml): per model, one call it
applies to and one it does not."""

from __future__ import annotations

import pytest

from apkaudit.analysis.flows.labels import EXTERNAL, ActionTarget, ClassConst, Param, Target
from apkaudit.analysis.flows.messenger import messengers
from apkaudit.analysis.flows.models import (
    CHANGED_KEY,
    COMPONENT,
    INTENT,
    IntentCall,
    changed_keys,
    dispatch,
    first_callbacks,
    intent_receivers,
    intent_targets,
    is_serialiser,
    no_data,
    positional,
    positional_regs,
    reflective,
    request_objects,
    saved_state,
    selected,
    selectors,
    sink_of,
    store_of,
    store_readers,
    view_handlers,
)

EDITOR = "Landroid/content/SharedPreferences$Editor;"
PREFS = "Landroid/content/SharedPreferences;"


@pytest.mark.parametrize(
    "sig, store, role",
    [
        (f"{EDITOR}->putString(Ljava/lang/String;Ljava/lang/String;)L{EDITOR[1:]}", "prefs", "put"),
        (f"{PREFS}->getString(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", "prefs", "get"),
        ("Lapp/Main;->openFileOutput(Ljava/lang/String;I)Ljava/io/FileOutputStream;", "file", "writer"),
        ("Landroid/content/Context;->openFileInput(Ljava/lang/String;)Ljava/io/FileInputStream;", "file", "get"),
    ],
)
def test_store_models_apply(sig, store, role):
    model = store_of(sig)
    assert model is not None and (model.store, model.role, model.key) == (store, role, 1)


@pytest.mark.parametrize(
    "sig",
    [
        f"{EDITOR}->apply()V",
        f"{PREFS}->contains(Ljava/lang/String;)Z",
        f"{PREFS}->getAll()Ljava/util/Map;",
        "Lapp/Main;->openFileOutput(Ljava/lang/String;)Ljava/io/FileOutputStream;",  # another proto
        "Lapp/Prefs;->putString(Ljava/lang/String;Ljava/lang/String;)V",  # not the framework's editor
    ],
)
def test_store_models_do_not_apply(sig):
    assert store_of(sig) is None


def test_store_readers_name_where_a_pseudo_field_is_read():
    assert "getString" in store_readers("prefs") and store_readers("file") == ("openFileInput",)
    assert store_readers("unknown") == ()


def test_callback_dispatch_and_reflection_are_catalogued():
    assert dispatch()["Landroid/os/Handler;->sendMessage(Landroid/os/Message;)Z"] == ("handleMessage", 1)
    assert "Ljava/lang/Thread;->start()V" not in dispatch()
    invoke = "Ljava/lang/reflect/Method;->invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"
    assert (
        invoke in reflective() and "Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;" not in reflective()
    )
    assert ("onHandleIntent", "(Landroid/content/Intent;)V") in intent_receivers()
    assert ("onCreate", "(Landroid/os/Bundle;)V") not in intent_receivers()


def test_sinks_by_full_signature_or_class_and_name():
    log = sink_of("Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I")
    assert log is not None and log.kind == "log"
    assert sink_of("Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;") is None


def test_wide_arguments_take_two_registers():
    args = [frozenset({Param("m", i)}) for i in range(4)]
    assert positional(args, "(JI)V", static=True) == [args[0], args[2]]
    assert positional_regs((4, 5, 6, 7), "(JLjava/lang/String;)V", static=False) == [4, None, 7]


APP = {"Lapp/Upload;"}
CONSTS = {2: "app.UPLOAD", 3: "app.Upload", 4: "android.intent.action.VIEW"}
ACTIONS = {"app.UPLOAD": ("Lapp/Upload;",)}


def _targets(cls: str, name: str, proto: str, args: list, regs: tuple[int, ...] = (1, 2, 3)) -> set:
    call = IntentCall(cls, name, proto, regs, [frozenset(a) for a in args])
    return intent_targets(call, CONSTS, APP.__contains__, ACTIONS)


def test_intent_with_an_app_class_names_its_component():
    found = _targets(
        INTENT, "<init>", "(Landroid/content/Context;Ljava/lang/Class;)V", [[], [], [ClassConst("Lapp/Upload;")]]
    )
    assert found == {Target("Lapp/Upload;")}
    assert _targets(INTENT, "<init>", "(Landroid/content/Context;Ljava/lang/Class;)V", [[], [], []]) == set()


def test_class_name_string_names_an_app_component_only():
    proto = "(Ljava/lang/String;Ljava/lang/String;)V"
    assert _targets(COMPONENT, "<init>", proto, [[], [], []], regs=(1, 2, 3)) == {Target("Lapp/Upload;")}
    assert _targets(COMPONENT, "<init>", proto, [[], [], []], regs=(1, 3, 4)) == set()  # not an app class


def test_action_reaches_declaring_components_and_other_apps():
    assert _targets(INTENT, "setAction", "(Ljava/lang/String;)Landroid/content/Intent;", [[], []]) == {
        ActionTarget("Lapp/Upload;"),
        EXTERNAL,
    }
    # a component already named decides, not the action
    named = [[Target("Lapp/Upload;")], []]
    assert _targets(INTENT, "setAction", "(Ljava/lang/String;)Landroid/content/Intent;", named) == set()


def test_enqueue_sends_its_call_not_its_callback():
    enqueue = sink_of("Lokhttp3/Call;->enqueue(Lokhttp3/Callback;)V")
    new_call = sink_of("Lokhttp3/OkHttpClient;->newCall(Lokhttp3/Request;)Lokhttp3/Call;")
    assert enqueue is not None and enqueue.receiver_only
    assert new_call is not None and not new_call.receiver_only


def test_request_bodies_send_what_write_to_writes():
    models = request_objects()
    assert models["Lokhttp3/RequestBody;"].writes == {"writeTo"}
    assert models["Lokhttp3/RequestBody;"].methods == frozenset()
    assert models["Lcom/android/volley/Request;"].writes == frozenset()  # Volley returns what it sends


def test_an_action_in_the_apps_own_namespace_is_not_another_apps():
    call = IntentCall(INTENT, "setAction", "(Ljava/lang/String;)Landroid/content/Intent;", (1, 2), [frozenset()] * 2)
    own = intent_targets(call, CONSTS, APP.__contains__, ACTIONS, frozenset({"app.UPLOAD"}))
    assert own == {ActionTarget("Lapp/Upload;")}


def test_an_action_returned_by_an_app_method_names_its_components():
    args = [frozenset(), frozenset({ActionTarget("Lapp/Upload;")})]
    call = IntentCall(INTENT, "<init>", "(Ljava/lang/String;)V", (1, 9), args)  # v9: no constant here
    assert intent_targets(call, CONSTS, APP.__contains__, ACTIONS) == {ActionTarget("Lapp/Upload;")}


def test_messenger_send_is_modelled_from_the_catalogue():
    model = messengers()["Landroid/os/Messenger;->send(Landroid/os/Message;)V"]
    assert model.wraps == "Landroid/os/Messenger;-><init>(Landroid/os/Handler;)V"
    assert (model.callback, model.argument) == ("handleMessage", 1)


def test_saved_state_bundle_goes_to_the_restoring_callbacks():
    position, later = saved_state()[("onSaveInstanceState", "(Landroid/os/Bundle;)V")]
    assert position == 1
    assert ("onCreate", "(Landroid/os/Bundle;)V", 1) in later
    assert ("onRestoreInstanceState", "(Landroid/os/Bundle;)V", 1) in later
    assert ("onViewCreated", "(Landroid/view/View;Landroid/os/Bundle;)V", 2) in later
    assert ("onPause", "()V") not in saved_state()  # only the saving callback hands a Bundle on


def test_a_change_listener_reads_the_key_it_is_called_with():
    listener = changed_keys()[("onSharedPreferenceChanged", "(Landroid/content/SharedPreferences;Ljava/lang/String;)V")]
    assert (listener.store, listener.key) == ("prefs", 2)
    assert listener.registered_by.startswith(f"{PREFS}->registerOnSharedPreferenceChangeListener(")
    assert ("onClick", "(Landroid/view/View;)V") not in changed_keys()
    assert CHANGED_KEY not in ("*", "")  # never a constant key nor the unknown one


def test_first_lifecycle_methods_and_what_runs_before_them():
    before, entries = first_callbacks()
    assert {"<init>", "attachBaseContext"} <= before and "onResume" not in before
    assert entries[("onCreate", "(Landroid/os/Bundle;)V")] == "Landroid/app/Activity;"
    assert entries[("onCreate", "()V")] == "Landroid/app/Service;"
    assert ("onResume", "()V") not in entries


def test_click_callbacks_get_the_same_view_each_time():
    assert view_handlers()[("onClick", "(Landroid/view/View;)V")] == 1
    assert view_handlers()[("onLongClick", "(Landroid/view/View;)Z")] == 1
    assert ("onCreate", "(Landroid/os/Bundle;)V") not in view_handlers()


def test_parameter_types_of_a_malformed_descriptor_never_raise():
    from apkaudit.analysis.flows.models import param_types

    assert param_types("(I[Ljava/lang/String;J)V") == ["I", "[Ljava/lang/String;", "J"]
    # a mutated DEX (found by the fuzz harness's audit target) names types without ';' or ')'
    assert param_types("(Lfoo") == ["Lfoo"]
    assert param_types("([[") == ["[["]
    assert param_types("") == []


def test_set_result_hands_its_intent_to_the_caller_only():
    sink = sink_of("Landroid/app/Activity;->setResult(ILandroid/content/Intent;)V")
    assert sink is not None and sink.kind == "ipc" and sink.to_caller and not sink.delivers
    assert sink_of("Landroid/app/Activity;->setResult(I)V") is None  # a code alone carries no data


@pytest.mark.parametrize(
    "sig, role",
    [
        (
            "Landroid/content/ContentResolver;->insert(Landroid/net/Uri;Landroid/content/ContentValues;)Landroid/net/Uri;",
            "put",
        ),
        (
            "Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;",
            "get",
        ),
    ],
)
def test_content_resolver_calls_are_the_provider_store(sig, role):
    store = store_of(sig)
    assert store is not None and store.store == "provider" and store.role == role and store.key == 1
    assert (
        store_of("Landroid/content/ContentResolver;->delete(Landroid/net/Uri;Ljava/lang/String;[Ljava/lang/String;)I")
        is None
    )


def test_a_selector_returns_the_arguments_of_its_return_type_only():
    assert "Lcom/google/protobuf/GeneratedMessageLite$Visitor;" in selectors()
    visitor, has_mine, mine, has_other, other = (frozenset({Param("m", i)}) for i in range(5))
    args = [visitor, has_mine, mine, has_other, other]
    assert selected(args, "(ZIZI)I", False) == mine | other  # not the receiver, not the flags
    assert selected(args, "(ZLjava/lang/String;ZLjava/lang/String;)Ljava/lang/String;", False) == mine | other
    # a long takes two registers: positions are the parameters', not the registers'
    wide = [visitor, has_mine, mine, frozenset(), has_other, other, frozenset()]
    assert selected(wide, "(ZJZJ)J", False) == mine | other


def test_protobuf_serialisation_is_a_serialiser_and_a_message_accessor_is_not():
    assert is_serialiser("Lcom/google/protobuf/AbstractMessageLite;->toByteArray()[B")
    assert is_serialiser("Lcom/google/protobuf/MessageLite;->writeTo(Ljava/io/OutputStream;)V")
    assert not is_serialiser("Lcom/google/protobuf/AbstractMessageLite;->getSerializedSize()I")


def test_get_class_carries_no_data_and_get_message_is_not_listed():
    assert "getClass()Ljava/lang/Class;" in no_data()
    assert "getMessage()Ljava/lang/String;" not in no_data()
