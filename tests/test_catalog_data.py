"""Lint the shipped data catalogues (sources, sinks, SDKs) as data: shape, syntax, uniqueness, provenance.

These tests read the YAML files directly, so they check the knowledge itself, independently of the
code that consumes it.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from apkaudit.catalogs import CATEGORIES as catalog_categories

CATALOG_DIR = Path(__file__).resolve().parents[1] / "apkaudit" / "catalogs"

CATEGORIES = frozenset(catalog_categories)
# body_sensors has no code-level source on purpose (see the description of sources.yaml).
CATEGORIES_WITHOUT_SOURCES = frozenset({"body_sensors"})

SOURCE_KINDS = frozenset({"field", "method", "uri", "string", "intent_action", "resolver", "picker", "callback"})
SINK_KINDS = frozenset({"network", "file", "log", "sms", "ipc", "webview"})
SINK_ROLES = frozenset({"carrier", "bridge", "store"})
SDK_KINDS = frozenset(
    {
        "tracker",
        "analytics",
        "ads",
        "push",
        "payment",
        "risk-control",
        "credit-scoring",
        "data-scraping",
        "maps-location",
        "identity-liveness",
        "crash-reporting",
        "social",
        "ocr",
        "app-runtime",
        "speech",
    }
)

# ---------------------------------------------------------------- smali syntax
_IDENT = r"[A-Za-z_$][\w$-]*"
CLASS = rf"L{_IDENT}(?:/{_IDENT})*;"
TYPE = rf"\[*(?:[ZBSCIJFD]|{CLASS})"
RET = rf"(?:V|{TYPE})"
MEMBER = r"(?:<init>|<clinit>|[A-Za-z_$][\w$]*)"

CLASS_RE = re.compile(rf"^{CLASS}$")
FIELD_RE = re.compile(rf"^{CLASS}->[A-Za-z_$][\w$]*:{TYPE}$")
METHOD_FULL_RE = re.compile(rf"^{CLASS}->{MEMBER}\((?:{TYPE})*\){RET}$")
METHOD_ANY_OVERLOAD_RE = re.compile(rf"^{CLASS}->{MEMBER}$")
ARG_RE = re.compile(TYPE)

ID_RE = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_]+)+$")
SDK_ID_RE = re.compile(r"^[a-z0-9_]+$")
PERMISSION_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\.permission\.[A-Z][A-Z0-9_]*$")
ACTION_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+$")
MIME_RE = re.compile(r"^[a-z][\w.+\-]*/[\w.+\-*]+$")
VERSION_RE = re.compile(r"^\d{4}\.\d{2}\.\d{2}$")
PLACEHOLDER_RE = re.compile(r"\b(?:TODO|TBD|FIXME|XXX)\b|^\W*$")

# fmt: off
JAVA_KEYWORDS = frozenset({
    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
    "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
    "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
    "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
    "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null",
})
# fmt: on
PACKAGE_SEGMENT_RE = re.compile(r"^[a-z_][a-z0-9_]*$")
CLASS_SEGMENT_RE = re.compile(r"^[A-Z][A-Za-z0-9_$]*$")

# App-neutral support libraries must never be attributed to an SDK.
APP_NEUTRAL_ROOTS = (
    "android",
    "androidx",
    "java",
    "javax",
    "kotlin",
    "kotlinx",
    "okhttp3",
    "retrofit2",
    "com.google.gson",
)
# Vendor roots far too broad to identify one SDK (they would swallow unrelated code).
TOO_BROAD = frozenset(
    {
        "com.google",
        "com.google.android",
        "com.google.android.gms",
        "com.google.firebase",
        "com.facebook",
        "com.tencent",
        "com.alibaba",
        "com.alipay",
        "com.baidu",
        "com.huawei",
        "com.huawei.hms",
        "com.xiaomi",
        "com.bytedance",
        "com.amazon",
        "com.amazonaws",
        "com.microsoft",
        "com.samsung",
    }
)

SOURCE_KEYS = frozenset(
    {
        "id",
        "category",
        "kind",
        "signature",
        "value",
        "table",
        "permission",
        "used_with",
        "uri_arg",
        "param",
        "returns",
        "inventory_when",
        "own_state_in",
        "handle",
        "note",
        "source",
    }
)
SINK_KEYS = frozenset({"id", "kind", "signature", "role", "note", "source", "delivers", "sends", "resolves", "to"})
SDK_KEYS = frozenset(
    {"id", "name", "vendor", "kind", "prefixes", "classes", "parent", "allow_short_prefix", "note", "source"}
)


def _load(name: str) -> dict[str, Any]:
    path = CATALOG_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"{path.name}: top level must be a mapping"
    return data


@pytest.fixture(scope="module")
def sources() -> dict[str, Any]:
    return _load("sources")


@pytest.fixture(scope="module")
def sinks() -> dict[str, Any]:
    return _load("sinks")


@pytest.fixture(scope="module")
def sdks() -> dict[str, Any]:
    return _load("sdks")


def _method_args(signature: str) -> list[str]:
    """Argument descriptors of a full smali method signature."""
    inside = signature[signature.index("(") + 1 : signature.index(")")]
    args = ARG_RE.findall(inside)
    assert "".join(args) == inside, f"cannot split arguments of {signature}"
    return args


def _is_method(signature: Any) -> bool:
    return isinstance(signature, str) and bool(
        METHOD_FULL_RE.match(signature) or METHOD_ANY_OVERLOAD_RE.match(signature)
    )


def _under(prefix: str, name: str) -> bool:
    """True when `name` is `prefix` or lies inside package `prefix` (package-boundary match)."""
    return name == prefix or name.startswith(prefix + ".")


# ---------------------------------------------------------------- the smali checker checks what it should
@pytest.mark.parametrize(
    "good",
    [
        "Landroid/content/ContentResolver;->query",
        "Landroid/media/AudioRecord;-><init>",
        "Landroid/os/Build;->getSerial()Ljava/lang/String;",
        "Landroid/accounts/AccountManager;->getAccounts()[Landroid/accounts/Account;",
        "Landroid/content/CursorLoader;-><init>(Landroid/content/Context;Landroid/net/Uri;[Ljava/lang/String;)V",
        "Landroid/app/usage/UsageStatsManager;->queryUsageStats(IJJ)Ljava/util/List;",
    ],
)
def test_method_regex_accepts(good: str) -> None:
    assert _is_method(good)


@pytest.mark.parametrize(
    "bad",
    [
        "android.content.ContentResolver.query",
        "Landroid/content/ContentResolver->query",
        "Landroid/content/ContentResolver;.query",
        "Landroid/os/Build;->getSerial()",
        "Landroid/os/Build;->getSerial(Ljava/lang/String)V",
        "Landroid/os/Build;->getSerial()Q",
        "Landroid/os/Build;->SERIAL:Ljava/lang/String;",
    ],
)
def test_method_regex_rejects(bad: str) -> None:
    assert not _is_method(bad)


def test_field_regex() -> None:
    assert FIELD_RE.match("Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;")
    assert not FIELD_RE.match("Landroid/provider/CallLog$Calls;->CONTENT_URI")
    assert not FIELD_RE.match("Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri")
    assert not FIELD_RE.match("Landroid/provider/CallLog$Calls;->getLastOutgoingCall()V")


def test_args_split() -> None:
    sig = "Landroid/content/AsyncQueryHandler;->startQuery(ILjava/lang/Object;Landroid/net/Uri;[Ljava/lang/String;)V"
    assert _method_args(sig) == ["I", "Ljava/lang/Object;", "Landroid/net/Uri;", "[Ljava/lang/String;"]


# ---------------------------------------------------------------- headers, common to the three files
@pytest.mark.parametrize("name", ["sources", "sinks", "sdks"])
def test_header(name: str) -> None:
    data = _load(name)
    assert data.get("catalog") == name
    assert isinstance(data.get("version"), str) and VERSION_RE.match(data["version"]), (
        "version must be a quoted YYYY.MM.DD string"
    )
    assert isinstance(data.get("description"), str) and len(data["description"].strip()) > 40
    assert isinstance(data.get("entries"), list) and data["entries"], "entries must be a non-empty list"
    for entry in data["entries"]:
        assert isinstance(entry, dict), f"{name}: every entry is a mapping, got {entry!r}"


@pytest.mark.parametrize("name", ["sources", "sinks", "sdks"])
def test_ids_unique_and_sources_given(name: str) -> None:
    entries = _load(name)["entries"]
    ids = [e.get("id") for e in entries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"{name}: duplicate ids {dupes}"
    for e in entries:
        src = e.get("source")
        assert isinstance(src, str) and src.strip(), f"{name}:{e.get('id')}: needs a non-empty source"
        assert not PLACEHOLDER_RE.search(src), f"{name}:{e.get('id')}: source looks like a placeholder: {src!r}"
        if "note" in e:
            assert isinstance(e["note"], str) and e["note"].strip(), f"{name}:{e['id']}: empty note"


# ---------------------------------------------------------------- sources.yaml
def test_sources_entries(sources: dict[str, Any]) -> None:
    problems: list[str] = []
    for e in sources["entries"]:
        eid = e.get("id")
        where = f"sources:{eid}"
        unknown = set(e) - SOURCE_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            problems.append(f"{where}: id must be dotted lower-case (a.b.c)")
        kind = e.get("kind")
        if kind not in SOURCE_KINDS:
            problems.append(f"{where}: kind {kind!r} not in {sorted(SOURCE_KINDS)}")
            continue
        for check in _SOURCE_CHECKS:
            problems += check(e, where, kind)
    assert not problems, "\n".join(problems)


def _source_category_problems(e: dict[str, Any], where: str, kind: Any) -> list[str]:
    """The category key: null only for resolvers and generic pickers."""
    out: list[str] = []
    if "category" not in e:
        out.append(f"{where}: category key missing (use null for resolvers/generic pickers)")
    cat = e.get("category")
    if cat is None:
        if kind not in ("resolver", "picker"):
            out.append(f"{where}: only resolver and picker entries may have a null category")
    elif cat not in CATEGORIES:
        out.append(f"{where}: category {cat!r} not in the allowed set")
    if kind == "resolver" and cat is not None:
        out.append(f"{where}: resolver entries take their category from the Uri; category must be null")
    return out


def _source_signature_problems(e: dict[str, Any], where: str, kind: Any) -> list[str]:
    """The `signature` a kind takes: a field, a method, or a picker's class or method."""
    out: list[str] = []
    sig, val = e.get("signature"), e.get("value")
    if kind == "field":
        if not (isinstance(sig, str) and FIELD_RE.match(sig)):
            out.append(f"{where}: field signature must be Lcls;->NAME:type, got {sig!r}")
    elif kind in ("method", "resolver", "callback"):
        if kind == "callback" and not (isinstance(e.get("param"), int) and e["param"] >= 1 and "(" in str(sig)):
            out.append(f"{where}: a callback needs a full signature and `param` >= 1")
        if not _is_method(sig):
            out.append(f"{where}: method signature must be Lcls;->name(args)ret or Lcls;->name, got {sig!r}")
    elif kind == "picker":
        if (sig is None) == (val is None):
            out.append(f"{where}: a picker has exactly one of signature / value")
        if sig is not None and not (isinstance(sig, str) and (CLASS_RE.match(sig) or _is_method(sig))):
            out.append(f"{where}: picker signature must be a class descriptor or a method, got {sig!r}")
        if val is not None and not (isinstance(val, str) and (ACTION_RE.match(val) or MIME_RE.match(val))):
            out.append(f"{where}: picker value must be an action or MIME-type string, got {val!r}")
    elif sig is not None:
        out.append(f"{where}: kind {kind} uses `value`, not `signature`")
    return out


def _source_value_problems(e: dict[str, Any], where: str, kind: Any) -> list[str]:
    """The `value` a kind takes: a content URI, a string, an action, or a picker's action or MIME type."""
    out: list[str] = []
    val = e.get("value")
    if kind in ("uri", "string", "intent_action"):
        if not (isinstance(val, str) and val.strip()):
            out.append(f"{where}: kind {kind} needs a non-empty string `value`")
    elif kind not in ("picker",) and val is not None:
        out.append(f"{where}: kind {kind} uses `signature`, not `value`")
    if kind == "uri" and isinstance(val, str):
        if not val.startswith("content://") or len(val) <= len("content://"):
            out.append(f"{where}: URI value must start with content:// and name an authority")
        if val.endswith("/") or any(c.isspace() for c in val):
            out.append(f"{where}: URI value must not end with '/' or contain blanks")
    if kind == "intent_action" and isinstance(val, str) and not ACTION_RE.match(val):
        out.append(f"{where}: intent action must be a dotted action string")
    return out


def _source_option_problems(e: dict[str, Any], where: str, kind: Any) -> list[str]:
    """`table` (field and uri entries) and `used_with` (string entries)."""
    out: list[str] = []
    if "table" in e:
        if kind not in ("field", "uri"):
            out.append(f"{where}: `table` only applies to field and uri entries")
        elif not isinstance(e["table"], bool):
            out.append(f"{where}: `table` must be true or false")
    used_with = e.get("used_with")
    if kind == "string":
        if not (isinstance(used_with, list) and used_with and all(_is_method(m) for m in used_with)):
            out.append(f"{where}: string entries need `used_with`: a list of method signatures")
    elif used_with is not None:
        out.append(f"{where}: `used_with` only applies to string entries")
    return out


def _source_uri_arg_problems(e: dict[str, Any], where: str, kind: Any) -> list[str]:
    """A resolver's `uri_arg`: the index of its android.net.Uri argument."""
    out: list[str] = []
    sig = e.get("signature")
    uri_arg = e.get("uri_arg")
    if kind == "resolver":
        if not (isinstance(uri_arg, int) and not isinstance(uri_arg, bool) and uri_arg >= 0):
            out.append(f"{where}: resolver needs a non-negative integer uri_arg")
        elif isinstance(sig, str) and METHOD_FULL_RE.match(sig):
            args = _method_args(sig)
            if uri_arg >= len(args) or args[uri_arg] != "Landroid/net/Uri;":
                out.append(f"{where}: argument {uri_arg} of {sig} is not an android.net.Uri")
    elif uri_arg is not None:
        out.append(f"{where}: `uri_arg` only applies to resolver entries")
    return out


def _source_permission_problems(e: dict[str, Any], where: str, kind: Any) -> list[str]:
    """`permission`: a permission name or a list of distinct ones."""
    out: list[str] = []
    perm = e.get("permission")
    if perm is not None:
        perms = perm if isinstance(perm, list) else [perm]
        if not perms or not all(isinstance(p, str) and PERMISSION_RE.match(p) for p in perms):
            out.append(f"{where}: permission must be a permission name or a list of them, got {perm!r}")
        if len(set(perms)) != len(perms):
            out.append(f"{where}: duplicate permissions")
    return out


_SOURCE_CHECKS = (
    _source_category_problems,
    _source_signature_problems,
    _source_value_problems,
    _source_option_problems,
    _source_uri_arg_problems,
    _source_permission_problems,
)


RETURNS = frozenset({"inventory", "item", "own_state"})


def test_sources_say_what_they_return(sources: dict[str, Any]) -> None:
    """Every entry with a category says whether it yields an inventory, one item or the app's own state (issue 14)."""
    problems = []
    by_id = {e["id"]: e for e in sources["entries"]}
    for e in sources["entries"]:
        where = f"sources:{e['id']}"
        if e.get("category") is not None and e.get("returns") not in RETURNS:
            problems.append(f"{where}: needs `returns`: one of {sorted(RETURNS)}")
        if e.get("category") is None and "returns" in e:
            problems.append(f"{where}: `returns` only applies to entries with a category")
        when = e.get("inventory_when")
        if when is not None:
            if e.get("returns") != "item" or set(when) - {"strings", "literals", "unless_calls"}:
                problems.append(f"{where}: inventory_when needs returns: item and keys strings/literals/unless_calls")
            if not all(_is_method(m) for m in when.get("unless_calls", [])):
                problems.append(f"{where}: unless_calls are method signatures")
        own = e.get("own_state_in")
        groups = own.get("strings", []) if isinstance(own, dict) else ()
        if own is not None and (
            set(own) - {"methods", "strings"} or not all(isinstance(s, list) for s in groups or [])
        ):
            problems.append(f"{where}: own_state_in has methods (prefixes) and strings (lists of strings)")
    assert not problems, "\n".join(problems)
    # what issue 14 settles: app state and one-Intent look-ups are not inventories
    assert by_id["installed_apps.activity_manager.get_running_app_processes"]["returns"] == "own_state"
    assert by_id["installed_apps.package_manager.query_intent_activities"]["returns"] == "item"
    assert by_id["installed_apps.package_manager.get_installed_packages"]["returns"] == "inventory"
    assert by_id["storage.context.get_external_cache_dir"]["returns"] == "own_state"


def test_sources_handles(sources: dict[str, Any]) -> None:
    """A handle (a folder's path, a camera) is a method entry that says in words what it gives: the site's flow_note
    reads "not followed: it returns the path of a shared storage folder, not the files in it"."""
    problems = [
        f"sources:{e['id']}: a handle is a sentence starting 'it ' on a method entry"
        for e in sources["entries"]
        if "handle" in e
        and (e["kind"] != "method" or not isinstance(e["handle"], str) or not e["handle"].startswith("it "))
    ]
    assert not problems, "\n".join(problems)
    handles = {e["id"] for e in sources["entries"] if e.get("handle")}
    assert "storage.environment.get_external_storage_directory" in handles
    assert "camera.camera.open" in handles
    assert "contacts.contacts.content_uri" not in handles


def test_sources_no_duplicate_targets(sources: dict[str, Any]) -> None:
    seen: dict[tuple[str, str], str] = {}
    dupes = []
    for e in sources["entries"]:
        for key in ("signature", "value"):
            target = e.get(key)
            if isinstance(target, str):
                previous = seen.setdefault((key, target), e["id"])
                if previous != e["id"]:
                    dupes.append(f"{e['id']} and {previous} both match {target}")
    assert not dupes, "\n".join(dupes)


def test_sources_overloads_not_listed_twice(sources: dict[str, Any]) -> None:
    """An all-overloads entry `Lcls;->name` makes any full `Lcls;->name(...)` entry redundant."""
    sigs = [(e["id"], e["signature"]) for e in sources["entries"] if isinstance(e.get("signature"), str)]
    short = {s: i for i, s in sigs if METHOD_ANY_OVERLOAD_RE.match(s)}
    clashes = [
        f"{i}: {s} is covered by {short[s.split('(')[0]]}" for i, s in sigs if "(" in s and s.split("(")[0] in short
    ]
    assert not clashes, "\n".join(clashes)


def test_sources_cover_every_category(sources: dict[str, Any]) -> None:
    covered = {e["category"] for e in sources["entries"] if e.get("category")}
    missing = CATEGORIES - CATEGORIES_WITHOUT_SOURCES - covered
    assert not missing, f"categories with no source entry: {sorted(missing)}"
    assert not covered & CATEGORIES_WITHOUT_SOURCES, "body_sensors now has entries: update CATEGORIES_WITHOUT_SOURCES"


def test_sources_bulk_and_narrow_uris(sources: dict[str, Any]) -> None:
    """The bulk/picker distinction rests on these flags; pin the ones the rule books depend on."""
    table = {
        e.get("value") or e.get("signature"): e.get("table")
        for e in sources["entries"]
        if e["kind"] in ("field", "uri")
    }
    assert table["Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;"] is True
    assert table["Landroid/provider/ContactsContract$PhoneLookup;->CONTENT_FILTER_URI:Landroid/net/Uri;"] is False
    assert table["content://com.android.contacts/data/phones"] is True
    assert table["content://com.android.contacts/data/phones/filter"] is False
    assert table["content://sms/inbox"] is True
    assert table["content://call_log/calls"] is True
    values = {e.get("value") for e in sources["entries"] if e["kind"] == "picker"}
    assert {"android.intent.action.PICK", "vnd.android.cursor.dir/phone_v2"} <= values


def test_sources_required_by_brief(sources: dict[str, Any]) -> None:
    """Spot-check entries the detectors are specified against, so they cannot silently disappear."""
    sigs = {e.get("signature") for e in sources["entries"]} | {e.get("value") for e in sources["entries"]}
    required = {
        "Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;",
        "Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;",
        "Landroid/provider/Telephony$Sms$Inbox;->CONTENT_URI:Landroid/net/Uri;",
        "content://com.android.contacts",
        "content://call_log",
        "content://sms",
        "content://mms-sms",
        "android.provider.Telephony.SMS_RECEIVED",
        "Landroid/telephony/TelephonyManager;->getDeviceId",
        "Landroid/telephony/TelephonyManager;->getLine1Number",
        "Landroid/content/ContentResolver;->query",
        "Landroid/content/pm/PackageManager;->getInstalledPackages",
        "Landroid/accounts/AccountManager;->getAccounts()[Landroid/accounts/Account;",
        "android_id",
        "Landroidx/activity/result/contract/ActivityResultContracts$PickContact;",
    }
    assert not required - sigs, f"missing: {sorted(required - sigs)}"


# ---------------------------------------------------------------- sinks.yaml
def test_sinks_entries(sinks: dict[str, Any]) -> None:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for e in sinks["entries"]:
        eid = e.get("id")
        where = f"sinks:{eid}"
        unknown = set(e) - SINK_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            problems.append(f"{where}: id must be dotted lower-case (a.b.c)")
        if e.get("kind") not in SINK_KINDS:
            problems.append(f"{where}: kind {e.get('kind')!r} not in {sorted(SINK_KINDS)}")
        sig = e.get("signature")
        if not _is_method(sig):
            problems.append(f"{where}: signature must be Lcls;->name(args)ret or Lcls;->name, got {sig!r}")
        elif sig in seen:
            problems.append(f"{where}: signature also listed by {seen[sig]}")
        else:
            seen[sig] = eid
        if "role" in e and e["role"] not in SINK_ROLES:
            problems.append(f"{where}: role {e['role']!r} not in {sorted(SINK_ROLES)}")
        if e.get("sends", "receiver") != "receiver":
            problems.append(f"{where}: sends must be 'receiver', got {e['sends']!r}")
        if e.get("to", "host") not in ("caller", "host") or (e.get("to") == "host" and e.get("kind") != "network"):
            problems.append(f"{where}: to is 'caller' (an ipc sink) or 'host' (a network sink)")
    assert not problems, "\n".join(problems)


def test_sinks_cover_every_kind(sinks: dict[str, Any]) -> None:
    assert {e["kind"] for e in sinks["entries"]} == SINK_KINDS


def test_service_annotations(sinks: dict[str, Any]) -> None:
    """Retrofit service interfaces: each HTTP annotation type with its verb and a source; base-URL setters."""
    entries = sinks["service_annotations"]
    types = [e["type"] for e in entries]
    assert len(types) == len(set(types))
    for e in entries:
        assert CLASS_RE.match(e["type"]) and e["source"].strip()
        assert e["verb"] is None or e["verb"] in {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
    assert {"Lretrofit2/http/POST;", "Lretrofit2/http/GET;", "Lretrofit2/http/HTTP;"} <= set(types)
    for ref in sinks["service_base_url"]:
        assert METHOD_FULL_RE.match(ref), ref


def test_sinks_required_by_brief(sinks: dict[str, Any]) -> None:
    sigs = {e["signature"] for e in sinks["entries"]}
    required = {
        "Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;",
        "Lokhttp3/OkHttpClient;->newCall(Lokhttp3/Request;)Lokhttp3/Call;",
        "Lokhttp3/RequestBody;->create",
        "Lokhttp3/RequestBody$Companion;->create",
        "Lretrofit2/Retrofit;->create(Ljava/lang/Class;)Ljava/lang/Object;",
        "Lcom/android/volley/RequestQueue;->add(Lcom/android/volley/Request;)Lcom/android/volley/Request;",
        "Landroid/webkit/WebView;->postUrl(Ljava/lang/String;[B)V",
        "Lcom/alibaba/sdk/android/oss/OSSClient;->putObject",
        "Lcom/google/firebase/storage/StorageReference;->putBytes",
        "Landroid/util/Log;->d",
        "Ljava/io/PrintStream;->println",
        "Landroid/telephony/SmsManager;->sendTextMessage",
        "Landroid/content/Intent;->putExtra",
    }
    assert not required - sigs, f"missing: {sorted(required - sigs)}"


# ---------------------------------------------------------------- sdks.yaml
def _valid_package(name: Any) -> bool:
    if not isinstance(name, str) or not name:
        return False
    parts = name.split(".")
    return all(PACKAGE_SEGMENT_RE.match(p) and p not in JAVA_KEYWORDS for p in parts)


def _valid_class(name: Any) -> bool:
    if not isinstance(name, str) or "." not in name:
        return False
    *pkg, cls = name.split(".")
    return _valid_package(".".join(pkg)) and bool(CLASS_SEGMENT_RE.match(cls))


def test_sdk_entries(sdks: dict[str, Any]) -> None:
    problems: list[str] = []
    ids = {e.get("id") for e in sdks["entries"]}
    for e in sdks["entries"]:
        where = f"sdks:{e.get('id')}"
        problems += _sdk_header_problems(e, where, ids)
        prefixes = e.get("prefixes")
        if not (isinstance(prefixes, list) and prefixes):
            problems.append(f"{where}: needs a non-empty list of prefixes")
            continue
        problems += _sdk_prefix_problems(e, where, prefixes)
        problems += _sdk_class_problems(e, where, prefixes)
    assert not problems, "\n".join(problems)


def _sdk_header_problems(e: dict[str, Any], where: str, ids: set[Any]) -> list[str]:
    """Keys, id, name, vendor, kind, parent and allow_short_prefix of one SDK entry."""
    out: list[str] = []
    eid = e.get("id")
    unknown = set(e) - SDK_KEYS
    if unknown:
        out.append(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(eid, str) or not SDK_ID_RE.match(eid):
        out.append(f"{where}: id must be lower_snake_case")
    for key in ("name", "vendor"):
        if not (isinstance(e.get(key), str) and e[key].strip()):
            out.append(f"{where}: needs a non-empty {key}")
    if e.get("kind") not in SDK_KINDS:
        out.append(f"{where}: kind {e.get('kind')!r} not in {sorted(SDK_KINDS)}")
    if "parent" in e and (e["parent"] not in ids or e["parent"] == eid):
        out.append(f"{where}: parent {e['parent']!r} is not another SDK id")
    if "allow_short_prefix" in e and not isinstance(e["allow_short_prefix"], bool):
        out.append(f"{where}: allow_short_prefix must be a boolean")
    return out


def _sdk_prefix_problems(e: dict[str, Any], where: str, prefixes: list[Any]) -> list[str]:
    """Each prefix a package name, neither too short, too broad nor app-neutral, and none inside another."""
    out: list[str] = []
    if len(set(prefixes)) != len(prefixes):
        out.append(f"{where}: duplicate prefixes")
    for p in prefixes:
        if not _valid_package(p):
            out.append(f"{where}: {p!r} is not a dotted Java package name")
            continue
        if p.count(".") < 1 and not e.get("allow_short_prefix"):
            out.append(f"{where}: one-segment prefix {p!r} needs allow_short_prefix: true")
        if p in TOO_BROAD:
            out.append(f"{where}: {p!r} is a vendor root, too broad to identify one SDK")
        for root in APP_NEUTRAL_ROOTS:
            if _under(root, p):
                out.append(f"{where}: {p!r} is an app-neutral library namespace ({root}), not an SDK")
    for a, b in itertools.permutations(prefixes, 2):
        if _under(a, b):
            out.append(f"{where}: prefix {b!r} is redundant, already covered by {a!r}")
    return out


def _sdk_class_problems(e: dict[str, Any], where: str, prefixes: list[Any]) -> list[str]:
    """`classes`: fully qualified names the entry's prefixes do not already cover."""
    classes = e.get("classes", [])
    if not isinstance(classes, list):
        return [f"{where}: classes must be a list"]
    out: list[str] = []
    for c in classes:
        if not _valid_class(c):
            out.append(f"{where}: {c!r} is not a fully qualified class name")
        elif any(_under(p, c) for p in prefixes):
            out.append(f"{where}: class {c!r} is already covered by the entry's prefixes")
    return out


def _ancestors(entry_id: str, by_id: dict[str, dict[str, Any]]) -> set[str]:
    found: set[str] = set()
    current = by_id[entry_id].get("parent")
    while current and current not in found:
        found.add(current)
        current = by_id.get(current, {}).get("parent")
    return found


def test_sdk_prefixes_do_not_overlap(sdks: dict[str, Any]) -> None:
    """No SDK may own a prefix nested in (or equal to) another SDK's, unless it declares that SDK as parent."""
    by_id = {e["id"]: e for e in sdks["entries"]}
    problems = []
    for a, b in itertools.permutations(sdks["entries"], 2):
        for pa in a["prefixes"]:
            for pb in b["prefixes"]:
                if pa == pb:
                    problems.append(f"{a['id']} and {b['id']} both claim {pa!r}")
                elif _under(pa, pb) and a["id"] not in _ancestors(b["id"], by_id):
                    problems.append(
                        f"{b['id']} prefix {pb!r} is inside {a['id']} prefix {pa!r}; declare parent: {a['id']}"
                    )
            for cb in b.get("classes", []):
                if _under(pa, cb) and a["id"] not in _ancestors(b["id"], by_id):
                    problems.append(
                        f"{b['id']} class {cb!r} is inside {a['id']} prefix {pa!r}; declare parent: {a['id']}"
                    )
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_sdk_parent_has_no_cycle(sdks: dict[str, Any]) -> None:
    by_id = {e["id"]: e for e in sdks["entries"]}
    for eid in by_id:
        assert eid not in _ancestors(eid, by_id), f"parent cycle through {eid}"


def test_sdks_required_by_brief(sdks: dict[str, Any]) -> None:
    ids = {e["id"] for e in sdks["entries"]}
    required = {
        "firebase_analytics", "firebase_crashlytics", "google_admob", "facebook_analytics", "appsflyer", "adjust",
        "branch", "mixpanel", "amplitude", "segment", "sentry", "bugly", "onesignal", "huawei_hms_push",
        "xiaomi_push", "tongdun", "bairong", "shumei", "moxie", "geetest", "getui", "jpush", "umeng_analytics",
        "baidu_location", "amap", "tencent_mta", "tencent_location", "alibaba_security_guard", "alibaba_mpaas",
        "megvii", "sensetime", "advance_ai", "alipay", "wechat_opensdk", "xendit", "midtrans", "razorpay", "paytm",
        "izooto", "kochava", "clevertap", "moengage", "webengage", "appier_aiqua", "google_play_location",
        "google_maps",
    }  # fmt: skip
    assert not required - ids, f"missing SDKs: {sorted(required - ids)}"


def test_sdk_attribution_examples(sdks: dict[str, Any]) -> None:
    """Longest-prefix attribution on a few real class names gives the expected owner."""

    def owner(cls: str) -> str | None:
        best: tuple[int, str] | None = None
        for e in sdks["entries"]:
            if cls in e.get("classes", []):
                return e["id"]
            for p in e["prefixes"]:
                if _under(p, cls) and (best is None or len(p) > best[0]):
                    best = (len(p), e["id"])
        return best[1] if best else None

    assert owner("cn.tongdun.android.shell.FMAgent") == "tongdun"
    assert owner("com.google.firebase.crashlytics.FirebaseCrashlytics") == "firebase_crashlytics"
    assert owner("com.google.android.gms.ads.AdView") == "google_admob"
    assert owner("com.google.android.gms.ads.identifier.AdvertisingIdClient") is None
    assert owner("com.facebook.appevents.AppEventsLogger") == "facebook_analytics"
    assert owner("com.tencent.map.geolocation.TencentLocationManager") == "tencent_location"
    assert owner("okhttp3.OkHttpClient") is None
    assert owner("androidx.appcompat.app.AppCompatActivity") is None


def test_modelled_libraries_own_their_code() -> None:
    """The flow search models these libraries instead of walking them (a barcode encoder, a message-queue client,
    UI widgets), and code inside them is theirs, not the app's; an app package with a similar name is not."""
    from apkaudit.analysis.owners import is_library, owner_of

    assert owner_of("Lcom/google/zxing/qrcode/QRCodeWriter;->encode") == "zxing"
    assert owner_of("Lcom/journeyapps/barcodescanner/camera/CameraManager;->open()V") == "zxing"
    assert owner_of("Lcom/rabbitmq/client/impl/AMQChannel;->transmit") == "rabbitmq_java_client"
    assert owner_of("Lcom/google/android/material/button/MaterialButton;-><init>") == "material_components"
    assert is_library("Lcom/rabbitmq/client/Channel;")
    assert not is_library("Lcom/rabbitmqx/Client;") and owner_of("Lcom/example/zxing/Scan;->a") == "first-party"


def test_sources_reads_through(sources: dict[str, Any]) -> None:
    """Calls that read through a content URI without being sites: a method reference and the URI's position."""
    problems = []
    for e in sources.get("reads_through", []):
        if set(e) != {"signature", "address_arg", "source"} or not _is_method(e.get("signature")):
            problems.append(f"reads_through {e.get('signature')!r}: needs signature, address_arg, source")
        elif not isinstance(e["address_arg"], int) or e["address_arg"] < 0:
            problems.append(f"reads_through {e['signature']}: address_arg is a position (0 = after `this`)")
    assert not problems, "\n".join(problems)


def test_addresses_and_the_calls_that_read_through_them() -> None:
    """A content URI or a settings name is an address; what the resolvers, the used_with methods and reads_through
    read through it is data (the flow search's address mode: engine.flows_from)."""
    from apkaudit.analysis.sources import address_reads, is_address

    assert is_address("Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;")
    assert is_address("Landroid/provider/MediaStore$Files;->getContentUri(Ljava/lang/String;)Landroid/net/Uri;")
    assert is_address("content://sms/inbox") and is_address("content://sms/inbox/12") and is_address("android_id")
    assert not is_address("Landroid/os/Build;->SERIAL:Ljava/lang/String;")  # a value, not an address
    assert not is_address("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;")
    assert not is_address("hello")  # a literal no entry names
    reads = address_reads()
    assert reads["Landroid/content/ContentResolver;->query"] == (0,)
    assert reads[
        "Landroid/content/AsyncQueryHandler;->startQuery(ILjava/lang/Object;Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)V"
    ] == (2,)  # noqa: E501
    secure = "Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;"  # noqa: E501
    assert reads[secure] == (1,)
    assert reads["Landroidx/core/content/ContentResolverCompat;->query"] == (1,)
