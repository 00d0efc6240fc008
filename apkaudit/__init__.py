"""apkaudit: a static privacy auditor for Android apps."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("apkaudit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.2.0"
