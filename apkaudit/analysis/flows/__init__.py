"""Data flows from sources to sinks: the engine, its labels and the framework models it applies."""
