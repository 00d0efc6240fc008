"""Tests of the flow engine, per label kind: one case that must fire, one that must not."""
