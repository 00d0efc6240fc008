"""The launcher icon: found through androguard's resource table, read through ApkArchive's caps, kept as a data: URI.

An icon is a file the app's author wrote. It is embedded in published HTML only when its first bytes say it is
a PNG or a WebP image: never an SVG (which can carry script) nor anything the extension merely claims.
"""

from __future__ import annotations

import base64
from typing import Any

from apkaudit.apk import ApkArchive
from apkaudit.media import media_type

MAX_ICON_BYTES = 256 << 10  # a launcher icon is a few KiB; anything larger is not worth embedding
# xxhdpi (144 px) is sharp at the 72 CSS px the report shows it on a 2x screen; anydpi (adaptive XML) is skipped
ICON_MAX_DPI = 480


def data_uri(data: bytes) -> str | None:
    kind = media_type(data)
    if kind is None or len(data) > MAX_ICON_BYTES:
        return None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def read_icon(apk: Any, archive: ApkArchive) -> str | None:
    """The launcher icon as a data: URI, or None when there is none or it is not a PNG/WebP within the cap."""
    try:
        name = apk.get_app_icon(max_dpi=ICON_MAX_DPI)
    except Exception:  # androguard raises many kinds on odd resource tables; an icon is not worth a note
        return None
    if not isinstance(name, str) or not name:
        return None
    try:
        if archive.declared_size(name) > MAX_ICON_BYTES:
            return None
    except KeyError:
        return None
    data = archive.read(name)
    return data_uri(data) if data else None
