"""The one base class for every error apkaudit reports to a user."""

from __future__ import annotations


class ApkAuditError(Exception):
    """An expected failure with a one-line message that names the file and the problem."""


class BadApkError(ApkAuditError):
    """The APK cannot be audited: not a zip, no manifest, an undecodable or oversized entry it needs."""


class PolicyError(ApkAuditError):
    """A rule book is missing, unreadable or fails validation."""


class CatalogError(ApkAuditError):
    """A shipped data catalogue is malformed (a packaging bug, never user input)."""


class StoreError(ApkAuditError):
    """A batch results database cannot be created, opened, written or read."""


class BatchError(ApkAuditError):
    """A batch cannot start or go on: bad input paths, an unreachable cluster, an unusable limit."""
