"""Evidence packs in headless Chromium: no request leaves the page, and it prints to A4 with no text clipped.

Skipped where Debian's chromium or the playwright package is missing. Playwright only drives the system Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apkaudit.audit import audit
from apkaudit.complaint import pack
from apkaudit.policy import load as policy_load
from apkaudit.report import json_report
from tests.conftest import sample_apk

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# A4 is 210 mm wide; the pack's @page margins are 16 mm each side: 178 mm of text at 96 px per inch
A4_TEXT_WIDTH = round(178 / 25.4 * 96)

# elements whose content is wider than their box (text that would be cut off or spill past the page)
OVERFLOWING = """() => {
  const page = document.documentElement;
  const out = [];
  if (page.scrollWidth > page.clientWidth + 1) out.push('page ' + page.scrollWidth + '>' + page.clientWidth);
  for (const el of document.querySelectorAll('body *')) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') {
      out.push(el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth);
    }
    const r = el.getBoundingClientRect();
    if (r.width && r.right > page.clientWidth + 1) out.push(el.tagName + ' right ' + r.right);
  }
  return out;
}"""

# backgrounds darker than a light grey (transparent ones do not count)
DARK_BACKGROUNDS = """() => [...document.querySelectorAll('*')]
  .map(e => getComputedStyle(e).backgroundColor)
  .filter(c => {
    const m = c.match(/\\d+(\\.\\d+)?/g);
    if (!m || (m.length > 3 && +m[3] === 0)) return false;
    return (+m[0] * 0.299 + +m[1] * 0.587 + +m[2] * 0.114) < 160;
  })"""


def _packs():
    cn = policy_load.load("cn-pipl-loan")
    gp = policy_load.load("google-play-personal-loan")
    out = {}
    for name, policy, channel, lang in (
        ("harvest-cn-12377", cn, "12377", None),
        ("harvest-gp", gp, None, None),
        ("hostile-cn-en", cn, "12377", "en"),
        ("long-url-cn", cn, "miit-12321", "en"),
    ):
        sample = name.split("-cn")[0].split("-gp")[0]
        sample = {"harvest": "harvest-loan", "hostile": "hostile-label", "long-url": "long-url"}[sample]
        doc = json_report.report_dict(audit(sample_apk(sample), [policy]))
        ch = pack.find_channel(policy, channel)
        out[name] = pack.render_html(pack.build_view(doc, policy, ch, pack.letter_language(ch, lang)))
    return out


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("packs")
    written = {}
    for name, text in _packs().items():
        path = root / f"{name}.html"
        path.write_text(text, "utf-8")
        written[name] = path
    return written


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("name", ["harvest-cn-12377", "harvest-gp", "hostile-cn-en", "long-url-cn"])
def test_pack_requests_nothing_runs_nothing_and_prints_to_a4(browser, pages, name):
    context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 1100})
    page = context.new_page()
    requests, dialogs, violations = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    url = pages[name].as_uri()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)
    assert [u for u in requests if u != url] == [], "the pack made a request"
    assert dialogs == [] and violations == []
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOWING) == []
    # no dark backgrounds in print: every background is light
    dark = page.evaluate(DARK_BACKGROUNDS)
    assert dark == []
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 5, "letter, channel, annex, reproduction and limits each start a page"
    context.close()
