"""A component the manifest disables (android:enabled="false") is no entry point unless the code may enable it."""

from __future__ import annotations

from apkaudit.audit import _startable
from apkaudit.model import Component


class _Dex:
    def __init__(self, strings: set[str]) -> None:
        self.strings = strings

    def find_string(self, value: str) -> int | None:
        return 0 if value in self.strings else None


ON = Component("activity", "a.On", exported=True)
OFF = Component("activity", "a.Off", exported=False, enabled=False)


def test_a_disabled_component_is_no_entry_point():
    assert _startable([ON, OFF], [_Dex({"onCreate"})]) == (ON,)  # type: ignore[list-item]


def test_a_component_the_code_may_enable_stays():
    assert _startable([ON, OFF], [_Dex({"setComponentEnabledSetting"})]) == (ON, OFF)  # type: ignore[list-item]
