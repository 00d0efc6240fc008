"""Compare facts/restable.py's resource table with androguard's ARSCParser on the same bytes (tests and fuzzing)."""

from __future__ import annotations

import contextlib
import io
from typing import Any

from androguard.core.axml import ARSCParser, ARSCResTableConfig

from apkaudit.facts import restable

MAX_IDS = 3_000  # resource ids resolved both ways per table


def _plain(value: Any) -> Any:
    if isinstance(value, ARSCResTableConfig):
        return ("config", *value._get_tuple())
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    return value


def _configs(pairs: list[tuple[Any, Any]]) -> list[tuple[Any, ...]]:
    return [(_plain(config), entry.mResId, entry.start, entry.flags, entry.index) for config, entry in pairs]


def _outcome(call: Any) -> Any:
    try:
        return _plain(call())
    except Exception as exc:  # noqa: BLE001 - both must fail alike
        return type(exc)


def _androguard(raw: bytes) -> ARSCParser | None:
    """androguard's parser with its analysis done, or None when it raises on these bytes."""
    with contextlib.redirect_stdout(io.StringIO()):  # its complex-entry reader prints when a map is cut short
        try:
            theirs = ARSCParser(raw)
            theirs._analyse()
            theirs.get_resolved_strings()
        except Exception:  # noqa: BLE001 - androguard raises many kinds on a malformed table
            return None
    return theirs


def same_as_androguard(raw: bytes) -> bool:
    """True when restable reads `raw` and answers every question apkaudit and androguard's APK ask as androguard
    does; False when it leaves the table to androguard. AssertionError when it reads a table androguard cannot,
    or answers differently."""
    ours = restable.parse(raw)
    if ours is None:
        return False
    theirs = _androguard(raw)
    assert theirs is not None, "restable read a table androguard cannot"
    assert ours.get_packages_names() == theirs.get_packages_names()
    for package in theirs.get_packages_names():
        assert list(ours.values[package]) == list(theirs.values[package]), "locales"
        for locale, kinds in theirs.values[package].items():
            assert ours.values[package][locale].get("string") == kinds.get("string"), locale
        for kind, key in (("mipmap", "ic_launcher"), ("drawable", "ic_launcher"), ("string", "app_name")):
            assert ours.get_res_id_by_key(package, kind, key) == theirs.get_res_id_by_key(package, kind, key)
    assert ours.get_resolved_strings() == theirs.get_resolved_strings()
    default = ARSCResTableConfig.default_config()
    with contextlib.redirect_stdout(io.StringIO()):
        for rid in sorted(theirs.resource_values)[:MAX_IDS]:
            assert _configs(ours.get_res_configs(rid)) == _configs(theirs.get_res_configs(rid)), hex(rid)
            assert _configs(ours.get_res_configs(rid, default)) == _configs(theirs.get_res_configs(rid, default))
            for config in (None, default):
                mine = _outcome(lambda r=rid, c=config: ours.get_resolved_res_configs(r, c))
                assert mine == _outcome(lambda r=rid, c=config: theirs.get_resolved_res_configs(r, c)), hex(rid)
            assert ours.get_resource_xml_name(rid) == theirs.get_resource_xml_name(rid), hex(rid)
    return True
