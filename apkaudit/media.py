"""What an embedded image's first bytes say it is: shared by the icon reader and the HTML report's check of it."""

from __future__ import annotations

_PNG = b"\x89PNG\r\n\x1a\n"


def media_type(data: bytes) -> str | None:
    """'image/png' or 'image/webp' when the bytes start like one, else None."""
    if data.startswith(_PNG):
        return "image/png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
