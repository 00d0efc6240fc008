"""What counts as an endpoint URL: a constant an app may send data to, whether in code or in a string resource."""

from __future__ import annotations

import re

ENDPOINT_URL = re.compile(r"^(https?|wss?)://[^\s\"'<>]+$", re.IGNORECASE)
