"""The wording of the HTML pages in each language, read from strings.yaml (data, not code)."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

LANGS = ("en", "zh")


class Wording:
    """The strings of one language: `w("key", name=...)` formats one, `w.get("a", "b")` looks up nested ones."""

    def __init__(self, lang: str, table: dict[str, Any]) -> None:
        self.lang = lang
        self.table = table

    def __call__(self, key: str, **fields: object) -> str:
        template = self.table[key]
        if not isinstance(template, str):
            raise KeyError(key)
        return template.format(**fields) if fields else template

    def get(self, *keys: str, default: str | None = None) -> Any:
        node: Any = self.table
        for k in keys:
            if not isinstance(node, dict) or k not in node:
                return default
            node = node[k]
        return node

    def category(self, category: str, form: str = "name") -> str:
        """A data category in words: its name, or the verb phrase `read`, `read_all` or `ask`."""
        phrase = self.get("categories", category, form)
        if isinstance(phrase, str):
            return phrase
        if form == "name":
            return category.replace("_", " ")
        return str(self.table["category_fallback"][form]).format(category=category.replace("_", " "))


@functools.cache
def wording_table(name: str = "report/strings.yaml") -> dict[str, Any]:
    """A wording file shipped in the package (per language, then key), read once."""
    text = resources.files("apkaudit").joinpath(name).read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def wording(lang: str) -> Wording:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (known: {', '.join(LANGS)})")
    return Wording(lang, wording_table()[lang])
