"""Parsed data is kept between runs as JSON named by the bytes' hash (apkaudit/datacache.py), and read back
exactly: every catalogue, and the AOSP protection levels, load the same through the cache as parsed, a damaged
or stale file is parsed again, data JSON cannot hold is never cached, and a cache that cannot be written costs
nothing but the parse."""

from __future__ import annotations

import datetime
import hashlib
from importlib import resources
from pathlib import Path

import pytest
import yaml

from apkaudit import catalogs, datacache


def _parse(raw: bytes) -> object:
    return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _refuse(raw: bytes) -> object:
    raise AssertionError("parsed, not read from the cache")


def _load(raw: bytes, parse=_parse) -> object:  # noqa: ANN001 - a parse function
    return datacache.load(hashlib.sha256(raw).hexdigest(), lambda: parse(raw))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path))
    return tmp_path


CATALOGUES = sorted(f.name for f in resources.files(catalogs).iterdir() if f.name.endswith(".yaml"))


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_catalogue_reads_back_as_parsed(cache: Path, name: str) -> None:
    raw = resources.files(catalogs).joinpath(name).read_bytes()
    parsed = _parse(raw)
    assert _load(raw) == parsed
    assert _load(raw, _refuse) == parsed  # the second time, from the JSON file alone
    assert len(list((cache / "parsed").iterdir())) == 1


def test_an_edited_file_is_parsed_again(cache: Path) -> None:
    assert _load(b"a: 1\n") == {"a": 1}
    assert _load(b"a: 2\n") == {"a": 2}
    assert len(list((cache / "parsed").iterdir())) == 2


def test_a_damaged_cache_file_is_parsed_again_and_rewritten(cache: Path) -> None:
    raw = b"entries: [1, 2, 3]\n"
    _load(raw)
    (stored,) = (cache / "parsed").iterdir()
    stored.write_bytes(b'{"entries": [1, 2')  # cut short
    assert _load(raw) == {"entries": [1, 2, 3]}
    assert _load(raw, _refuse) == {"entries": [1, 2, 3]}


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"when: 2021-11-01\n", {"when": datetime.date(2021, 11, 1)}),  # JSON has no dates
        (b"1: one\n", {1: "one"}),  # JSON keys are strings
        (b"x: .nan\n", None),  # nor NaN
    ],
)
def test_data_json_cannot_hold_is_not_cached(cache: Path, raw: bytes, expected: object) -> None:
    got = _load(raw)
    if expected is not None:
        assert got == expected
    assert not (cache / "parsed").exists() or not list((cache / "parsed").iterdir())


@pytest.mark.parametrize("value", ["off", "", "0"])
def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, value)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert datacache.cache_dir() is None
    assert _load(b"a: 1\n") == {"a": 1}
    assert list(tmp_path.iterdir()) == []


def test_the_default_place_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(datacache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert datacache.cache_dir() == tmp_path / "apkaudit"


def test_a_cache_that_cannot_be_written_costs_only_the_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(datacache.CACHE_ENV, str(blocker))  # mkdir under a file fails
    assert _load(b"a: [1]\n") == {"a": [1]}


def test_a_yaml_error_still_reaches_the_caller(cache: Path) -> None:
    with pytest.raises(yaml.YAMLError):
        _load(b"a: [1\n")
    assert not (cache / "parsed").exists()


def test_aosp_protection_levels_read_back_as_read(cache: Path) -> None:
    from apkaudit.facts import manifest

    direct = manifest._read_aosp_levels()
    assert len(direct) > 300 and direct["android.permission.READ_CONTACTS"] == "dangerous"
    assert manifest._aosp_protection_levels.__wrapped__() == direct  # parsed, then stored
    assert len(list((cache / "parsed").iterdir())) == 1
    assert manifest._aosp_protection_levels.__wrapped__() == direct  # read back
