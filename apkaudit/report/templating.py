"""The one jinja2 environment every HTML page is rendered with, and what makes APK strings safe to show.

Every string in an APK (label, package, class names, URIs) is written by the app's author. Pages are therefore
rendered with autoescape on for every template; on top of escaping, `finalize` turns characters that could
disguise text (bidi overrides, other control and format characters, long runs of combining marks) into visible
`⟨U+202E⟩` markers, and every page carries a Content-Security-Policy that allows no network access at all and
only the one inline script whose hash the page names. APK strings never become URLs, attributes other than
quoted text, or script.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import unicodedata
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from apkaudit.media import media_type

MAX_TEXT = 400  # characters of one APK string shown before it is clipped


def _visible(ch: str) -> str:
    return f"⟨U+{ord(ch):04X}⟩"


def clean(text: str) -> str:
    """Text with invisible or layout-changing characters made visible and combining-mark stacks cut short."""
    out: list[str] = []
    marks = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in "\n\t":
            out.append(" ")
            marks = 0
        elif cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(_visible(ch))
            marks = 0
        elif cat in ("Mn", "Me"):
            marks += 1
            if marks <= 2:
                out.append(ch)
        else:
            marks = 0
            out.append(ch)
    return "".join(out)


def _finalize(value: Any) -> Any:
    """Applied to every `{{ ... }}` before escaping: None shows as nothing, plain text is cleaned."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return clean(value)
    return value


def clip(value: object, limit: int = MAX_TEXT) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)


def http_url(value: object) -> str | None:
    """A URL fit for an href: http(s) only, never javascript:, data: or anything else; None otherwise."""
    if isinstance(value, str) and _SAFE_URL.match(value.strip()):
        return value.strip()
    return None


_DATA_URI = re.compile(r"^data:image/(png|webp);base64,[A-Za-z0-9+/]*={0,2}$")


def image_uri(value: object) -> str | None:
    """An icon data: URI whose payload really starts like a PNG or WebP; None for anything else (e.g. SVG)."""
    if not isinstance(value, str) or not _DATA_URI.match(value):
        return None
    head = value.split(",", 1)[1][:24]
    try:
        raw = base64.b64decode(head[: len(head) // 4 * 4])
    except ValueError:
        return None
    declared = value[len("data:") : value.index(";")]
    return value if media_type(raw + b"\0" * 12) == declared else None


def _read(name: str) -> str:
    return resources.files("apkaudit").joinpath(f"report/templates/{name}").read_text("utf-8")


@functools.cache
def css() -> Markup:
    return Markup(_read("style.css"))


@functools.cache
def script() -> Markup:
    return Markup(_read("table.js"))


def csp(with_script: bool) -> str:
    """No network at all: styles and images inline only, and script only when it is the page's own table script."""
    scripts = "'none'"
    if with_script:
        digest = base64.b64encode(hashlib.sha256(str(script()).encode("utf-8")).digest()).decode("ascii")
        scripts = f"'sha256-{digest}'"
    return (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {scripts}; base-uri 'none'; form-action 'none'"
    )


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("apkaudit", "report/templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["clip"] = clip
    env.filters["http_url"] = http_url
    env.filters["image_uri"] = image_uri
    env.globals["css"] = css
    env.globals["csp"] = csp
    env.globals["script"] = script
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
