"""Printing a pack to PDF with headless Chromium, driven by Playwright, when both are installed.

Never a hard dependency: without them `--format pdf` is a one-line error, and the HTML pack prints to PDF from any
browser. Playwright only drives the system Chromium (executable_path); it never downloads a browser. The page is
loaded with script off and every request refused, as the pack's own Content-Security-Policy already demands.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from apkaudit.errors import ApkAuditError

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class PdfUnavailable(ApkAuditError):
    """No Chromium or no playwright package: PDF output is not possible here."""


def chromium() -> str | None:
    for path in CANDIDATES:
        if Path(path).is_file():
            return path
    return shutil.which("chromium")


def print_pdf(html_text: str) -> bytes:
    exe = chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        exe = None
    if exe is None:
        raise PdfUnavailable(
            "--format pdf needs Chromium and the playwright package; write --format html and print it from a browser"
        )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=ARGS)
        try:
            context = browser.new_context(java_script_enabled=False, offline=True)
            page = context.new_page()
            page.route("**/*", lambda route: route.abort())
            page.set_content(html_text, wait_until="load")
            return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
