"""Tests of apkaudit/dex: the DEX reader, the instruction decoder and the reference index."""
