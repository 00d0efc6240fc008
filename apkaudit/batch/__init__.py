"""Batch audits: expand inputs, one isolated task per APK (local processes or a Dask cluster), results in SQLite."""
