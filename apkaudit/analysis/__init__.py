"""The analysis layer: the program and its call graph, sources, sites, owners, run-time code and data flows.

It reads code through apkaudit.dex and knows nothing of manifests, archives or reports.
"""
