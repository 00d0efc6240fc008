"""The DEX layer: reads Dalvik Executable files (header, id tables, class data, instructions, cross-references).

It imports nothing else from apkaudit, so the analyses above it can change without touching how bytes are read.
"""
