"""Tests of apkaudit/analysis: program, sources, sites, owners, run-time code."""
