"""Apps straight from a phone: list and copy them with `adb`, changing nothing on the phone.

apkaudit runs four adb commands and no other: `adb devices`, `adb -s SERIAL shell pm list packages -3 -f`
(the third-party apps), `adb -s SERIAL shell pm path PACKAGE` (the base and split APKs of one app) and
`adb -s SERIAL pull REMOTE LOCAL`. Nothing is installed, started, stopped or changed on the phone. adb is not
bundled: it is Debian's `adb` package (or Google's platform tools) found on PATH.

What the phone answers is not trusted: package names and APK file names are checked against what Android
allows before they are used in a command or as a file name, so a hostile app cannot name its way out of
the folder apkaudit copies it to, nor into the phone's shell.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from apkaudit.errors import ApkAuditError

PACKAGE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+$")  # what Android accepts, and no more
APK_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.apk$")
COMMAND_SECONDS = 60.0
PULL_SECONDS = 600.0  # a large app over USB 2


class DeviceError(ApkAuditError):
    """adb is missing, no phone answers, or the phone refuses: the command cannot go on."""


@dataclass(frozen=True)
class Phone:
    adb: str
    serial: str

    def run(self, *args: str, seconds: float = COMMAND_SECONDS) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(
                [self.adb, "-s", self.serial, *args],
                capture_output=True,
                text=True,
                errors="replace",
                timeout=seconds,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DeviceError(f"adb {args[0]} did not answer in {seconds:g} s; is the phone still connected?") from None
        except OSError as exc:
            raise DeviceError(f"adb cannot be run: {exc.strerror or exc}") from None


def connect(serial: str | None = None) -> Phone:
    """The phone to read: the only one connected, or the one named; DeviceError saying what is missing."""
    adb = shutil.which("adb")
    if adb is None:
        raise DeviceError("adb not found on PATH: install it (Debian: apt install adb) and connect the phone by USB")
    try:
        listing = subprocess.run(
            [adb, "devices"],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=COMMAND_SECONDS,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DeviceError(f"adb devices failed: {exc}") from None
    if listing.returncode != 0:
        raise DeviceError(f"adb devices failed: {_first_line(listing.stderr or listing.stdout)}")
    states = {}
    for line in listing.stdout.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 2:
            states[parts[0]] = parts[1]
    if serial is not None:
        if serial not in states:
            known = ", ".join(states) or "none"
            raise DeviceError(f"no phone {serial} connected (adb devices lists: {known})")
        chosen = serial
    elif not states:
        raise DeviceError("no phone connected: plug it in by USB with USB debugging on (Developer options)")
    elif len(states) > 1:
        raise DeviceError(f"{len(states)} phones connected ({', '.join(states)}): choose one with --serial")
    else:
        chosen = next(iter(states))
    state = states[chosen]
    if state == "unauthorized":
        raise DeviceError(f"phone {chosen} has not authorised this computer: accept the USB debugging prompt on it")
    if state != "device":
        raise DeviceError(f"phone {chosen} is {state}, not ready: reconnect it and unlock its screen")
    return Phone(adb, chosen)


def third_party_packages(phone: Phone) -> list[str]:
    """The packages of the apps the user installed (`pm list packages -3`), sorted."""
    done = phone.run("shell", "pm", "list", "packages", "-3", "-f")
    if done.returncode != 0:
        raise DeviceError(f"phone {phone.serial}: pm list packages failed: {_first_line(done.stderr or done.stdout)}")
    found = set()
    for line in done.stdout.splitlines():
        if line.startswith("package:") and "=" in line:
            name = line.rsplit("=", 1)[1].strip()
            if PACKAGE_NAME.match(name):
                found.add(name)
    return sorted(found)


def apk_paths(phone: Phone, package: str) -> list[str]:
    """Where the phone keeps the package's base and split APKs ([] when it is not installed)."""
    if not PACKAGE_NAME.match(package):
        raise DeviceError(f"{package!r} is not a package name")
    done = phone.run("shell", "pm", "path", package)
    if done.returncode != 0:
        return []
    paths = [line[len("package:") :].strip() for line in done.stdout.splitlines() if line.startswith("package:")]
    return [p for p in paths if p.startswith("/") and "/../" not in p and APK_FILE.match(p.rsplit("/", 1)[-1])]


def pull(phone: Phone, package: str, into: Path) -> str | None:
    """Copy the package's APKs into `into`/PACKAGE/; the reason it could not be copied, or None when it was."""
    remote = apk_paths(phone, package)
    if not remote:
        return "not installed (any more): pm path lists no APK"
    names = [p.rsplit("/", 1)[-1] for p in remote]
    if len(set(names)) != len(names):
        return "two of its APKs have one file name"
    folder = into / package
    folder.mkdir()
    for path, name in zip(remote, names, strict=True):
        done = phone.run("pull", path, str(folder / name), seconds=PULL_SECONDS)
        if done.returncode != 0 or not (folder / name).is_file():
            shutil.rmtree(folder, ignore_errors=True)
            return f"{name} cannot be copied: {_first_line(done.stderr or done.stdout) or 'adb pull failed'}"
    return None


def pull_all(phone: Phone, packages: Sequence[str], into: Path, say: Callable[[str], None]) -> list[str]:
    """Copy every package into its own folder of `into`; the packages copied, in order."""
    copied = []
    for n, package in enumerate(packages, 1):
        problem = pull(phone, package, into)
        if problem:
            say(f"[{n}/{len(packages)}] {package}: skipped, {problem}")
        else:
            say(f"[{n}/{len(packages)}] {package}: copied")
            copied.append(package)
    return copied


def looks_lending(path: str) -> bool:
    """Whether the lending detector (facts/category.py) calls the app a lending app, from its label, strings and
    permissions (its SDKs are not looked up: that needs the full audit). An app that cannot be read is kept:
    its audit records why."""
    from apkaudit.audit import load_dex
    from apkaudit.facts.category import classify
    from apkaudit.facts.manifest import open_androguard, read_manifest
    from apkaudit.package import open_app

    try:
        archive = open_app(path)
        apk = open_androguard(archive)
        manifest = read_manifest(archive, apk)
        kind = classify(apk, manifest.app.label, load_dex(archive), (), manifest.permissions, [])
    except ApkAuditError:
        return True
    return kind.id == "online_lending"


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")
