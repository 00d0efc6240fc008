"""Build a ratings site from the sample APKs (and the shared corpus when present) and photograph it.

    python scripts/screenshots.py [OUT_DIR] [--lang en|zh]

Writes OUT_DIR/site/ (the site itself) and PNG screenshots of the index and of one app page (the harvesting
sample) on a phone-sized (390x844) and a desktop (1280x900) viewport, full page. Needs Debian's chromium
(`apt-get install -y chromium`; `fonts-noto-cjk` for Chinese glyphs) and the playwright package, which only
drives that browser (executable_path); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from apkaudit.audit import audit  # noqa: E402
from apkaudit.policy import load as policy_load  # noqa: E402
from apkaudit.report import json_report  # noqa: E402
from apkaudit.report.site import build_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
CORPUS = ROOT.parent / "shared" / "corpus"


def apks() -> list[Path]:
    found = sorted((ROOT / "samples" / "apk").glob("*.apk"))
    if CORPUS.is_dir():
        found += sorted(CORPUS.glob("*.apk")) + sorted((CORPUS / "droidbench").glob("*.apk"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    args = parser.parse_args()
    policy = policy_load.load(policy_load.DEFAULT_POLICY)
    docs = []
    for apk in apks():
        print(f"auditing {apk.name}", file=sys.stderr)
        docs.append(json_report.report_dict(audit(apk, [policy])))
    site = args.out / "site"
    for rel, text in build_site(docs, [policy], args.lang).items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    harvest = next(d for d in docs if d["app"]["package"] == "org.apkaudit.sample.harvestloan")
    pages = {"index": site / "index.html", "app": site / "apps" / f"{harvest['app']['sha256']}.html"}

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for vname, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            for pname, path in pages.items():
                page.goto(path.as_uri())
                out = args.out / f"{pname}-{vname}-{args.lang}.png"
                page.screenshot(path=str(out), full_page=True)
                print(out)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
