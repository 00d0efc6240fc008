"""The country of an IP literal, from an offline database file the user gives (`--geoip FILE`); never fetched.

Two formats: a MaxMind DB (.mmdb, e.g. GeoLite2-Country or DB-IP's free country file; read with the
optional `maxminddb` package) or a CSV of ranges, one a line: `start,end,country` (two addresses) or
`network,country` (CIDR), country an ISO 3166 alpha-2 code; lines starting with # are skipped.
"""

from __future__ import annotations

import bisect
import csv
import ipaddress
from pathlib import Path
from typing import Any

from apkaudit.errors import ApkAuditError

MAX_ROWS = 5_000_000


class GeoIP:
    """Look-ups of IP literals in an offline database."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._reader: Any = None
        self._starts: list[int] = []
        self._rows: list[tuple[int, int, str]] = []
        p = Path(path)
        if not p.is_file():
            raise ApkAuditError(f"--geoip {path}: no such file")
        if p.suffix.lower() == ".mmdb":
            try:
                import maxminddb
            except ImportError:
                raise ApkAuditError(f"--geoip {path}: reading a MaxMind DB needs `pip install maxminddb`") from None
            try:
                self._reader = maxminddb.open_database(str(p))
            except Exception as exc:  # noqa: BLE001 - the reader's own error kinds
                raise ApkAuditError(f"--geoip {path}: not a MaxMind DB ({exc})") from None
        else:
            self._load_csv(p)

    def _load_csv(self, p: Path) -> None:
        rows: list[tuple[int, int, str]] = []
        try:
            with p.open(newline="", encoding="utf-8") as fh:
                for n, row in enumerate(csv.reader(fh), 1):
                    if not row or row[0].lstrip().startswith("#"):
                        continue
                    if n > MAX_ROWS:
                        break
                    try:
                        if len(row) >= 3 and "/" not in row[0]:
                            lo, hi = (
                                int(ipaddress.ip_address(row[0].strip())),
                                int(ipaddress.ip_address(row[1].strip())),
                            )
                            cc = row[2]
                        else:
                            net = ipaddress.ip_network(row[0].strip(), strict=False)
                            lo, hi, cc = int(net.network_address), int(net.broadcast_address), row[1]
                    except (ValueError, IndexError):
                        if n == 1:
                            continue  # a header line
                        raise ApkAuditError(f"--geoip {p}:{n}: not 'start,end,country' or 'network,country'") from None
                    rows.append((lo, hi, cc.strip().upper()[:2]))
        except (OSError, UnicodeDecodeError) as exc:
            raise ApkAuditError(f"--geoip {p}: cannot read ({exc})") from None
        rows.sort()
        self._rows = rows
        self._starts = [r[0] for r in rows]

    def country(self, host: str) -> str | None:
        """ISO code of an IP literal's country, or None (not an IP, not in the database)."""
        try:
            addr = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            return None
        if self._reader is not None:
            try:
                rec = self._reader.get(str(addr))
            except Exception:  # noqa: BLE001 - a broken record: unknown
                return None
            if isinstance(rec, dict):
                c = rec.get("country") or rec.get("registered_country") or {}
                code = c.get("iso_code") if isinstance(c, dict) else None
                return str(code) if code else None
            return None
        value = int(addr)
        i = bisect.bisect_right(self._starts, value) - 1
        if i >= 0 and self._rows[i][0] <= value <= self._rows[i][1]:
            return self._rows[i][2] or None
        return None
