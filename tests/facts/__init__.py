"""Tests of apkaudit/facts: app-level facts (manifest, packing, disclosure, category, tamper, serialize)."""
