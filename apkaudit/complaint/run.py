"""`apkaudit complaint`: one pack from an APK or a JSON report, or one pack per selected app of a results database.

`make` returns the files to write (path -> bytes) and does no writing; `write` writes them all or nothing each.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from apkaudit import files as apkfiles
from apkaudit.complaint import complainant as complainant_file
from apkaudit.complaint.markdown import render_markdown
from apkaudit.complaint.pack import (
    SEVERITIES,
    ComplaintError,
    build_view,
    find_channel,
    letter_language,
    render_html,
    render_index,
    render_pdf,
    verdict_for,
)
from apkaudit.policy import load as policy_load
from apkaudit.report import html
from apkaudit.report.text import bounded

EXTENSIONS = {"html": "html", "markdown": "md", "pdf": "pdf"}
GRADES = ("A", "B", "C", "D", "E", "F")


def render(view: Mapping[str, Any], fmt: str) -> bytes:
    if fmt == "markdown":
        return render_markdown(view).encode("utf-8")
    page = render_html(view)
    return render_pdf(page) if fmt == "pdf" else page.encode("utf-8")


def _policy(name: str, cache: dict[str, policy_load.Policy]) -> policy_load.Policy:
    if name not in cache:
        cache[name] = policy_load.load(name)
    return cache[name]


def one_pack(
    source: str,
    policy_name: str | None,
    channel: str | None,
    lang: str | None,
    who: Mapping[str, Any] | None,
    fmt: str,
) -> bytes:
    """The pack of one APK (audited under the rule book) or of one JSON report (its verdict under the rule book)."""
    from apkaudit.report.document import looks_like_report, read_report

    if looks_like_report(source):
        doc = read_report(source)
        first = (doc.get("verdicts") or [{}])[0].get("policy") or {}
        policy = policy_load.load(policy_name or str(first.get("id") or policy_load.DEFAULT_POLICY))
        policy_args = None  # the report's own rule books, by id
    else:
        from apkaudit.audit import audit
        from apkaudit.report import json_report

        name = policy_name or policy_load.DEFAULT_POLICY
        policy = policy_load.load(name)
        doc = json_report.report_dict(audit(source, [policy]))
        policy_args = [name]
    ch = find_channel(policy, channel)
    view = build_view(doc, policy, ch, letter_language(ch, lang), who, policy_args)
    return render(view, fmt)


def selected(verdict: Mapping[str, Any], grade: str | None, min_severity: str | None) -> bool:
    """A verdict at `grade` or worse (A best, F worst; `incomplete` only when asked for), with a finding at
    `min_severity` or graver."""
    if grade is not None:
        got = str(verdict.get("grade"))
        if grade == "incomplete" or got == "incomplete":
            if got != grade:
                return False
        elif got not in GRADES or GRADES.index(got) < GRADES.index(grade):
            return False
    if min_severity is not None:
        floor = SEVERITIES.index(min_severity)
        severities = [str(f.get("severity")) for f in verdict.get("findings") or [] if isinstance(f, Mapping)]
        if not any(s in SEVERITIES and SEVERITIES.index(s) >= floor for s in severities):
            return False
    return True


def batch_packs(
    db: str,
    policy_name: str | None,
    channel: str | None,
    lang: str | None,
    grade: str | None,
    min_severity: str | None,
    fmt: str,
) -> dict[str, bytes]:
    """One pack per app of the database whose verdict is selected, named by SHA-256, and an index.html."""
    from apkaudit.batch.store import Store

    if grade is None and min_severity is None:
        raise ComplaintError("give --grade and/or --min-severity to choose the apps to write packs for")
    policies: dict[str, policy_load.Policy] = {}
    files: dict[str, bytes] = {}
    rows = []
    with Store(db) as store:
        for doc in store.reports():
            verdicts = [v for v in doc.get("verdicts") or [] if isinstance(v, Mapping)]
            pid = policy_name or (str((verdicts[0].get("policy") or {}).get("id")) if verdicts else None)
            if pid is None:
                continue
            policy = _policy(pid, policies)
            try:
                verdict = verdict_for(doc, policy.ref.id)
            except ComplaintError:
                continue
            sha = str((doc.get("app") or {}).get("sha256"))
            if not selected(verdict, grade, min_severity) or not html.is_sha256(sha):
                continue
            ch = find_channel(policy, channel)
            letter_lang = letter_language(ch, lang)
            name = f"{sha}.{EXTENSIONS[fmt]}"
            files[name] = render(build_view(doc, policy, ch, letter_lang, None), fmt)
            rows.append(
                {
                    "name": bounded(html.app_name(doc)),
                    "package": bounded(str((doc.get("app") or {}).get("package") or "?")),
                    "grade": verdict.get("grade"),
                    "findings": len(verdict.get("findings") or []),
                    "file": name,
                    "lang": letter_lang,
                }
            )
    parts = ([f"grade {grade} or worse"] if grade else []) + ([f"severity {min_severity}+"] if min_severity else [])
    index_lang = lang or (str(rows[0]["lang"]) if rows else "en")
    files["index.html"] = render_index(rows, index_lang, ", ".join(parts), db).encode("utf-8")
    return files


def make(
    source: str | None,
    db: str | None,
    *,
    output: str,
    policy: str | None = None,
    channel: str | None = None,
    lang: str | None = None,
    complainant: str | None = None,
    fmt: str = "html",
    grade: str | None = None,
    min_severity: str | None = None,
) -> dict[Path, bytes]:
    """What `apkaudit complaint` writes: {file: bytes}. Checks the output before any work."""
    out = Path(output)
    if db is not None:
        if out.exists() and not out.is_dir():
            raise ComplaintError(f"{output}: not a folder (with --db, -o names the folder for the packs)")
        if complainant:
            raise ComplaintError("--complainant is for one pack; batch packs leave the complainant's fields blank")
        packs = batch_packs(db, policy, channel, lang, grade, min_severity, fmt)
        return {out / name: data for name, data in packs.items()}
    assert source is not None
    if out.is_dir():
        raise ComplaintError(f"{output}: is a folder; give a file name")
    if not out.parent.is_dir():
        raise ComplaintError(f"{output}: folder {str(out.parent)!r} does not exist")
    if out.exists() and out.resolve() == Path(source).resolve():
        raise ComplaintError(f"{output}: is the input; refusing to overwrite it")
    who = complainant_file.load(complainant) if complainant else None
    return {out: one_pack(source, policy, channel, lang, who, fmt)}


def write(files: Iterable[tuple[Path, bytes]], inputs: Sequence[str] = ()) -> int:
    """Each file all or nothing (a temporary file renamed into place, mode as the umask says); folders are created.

    A target that is one of the inputs (the APK, the report, the database) is refused before anything is written.
    Returns the count.
    """
    pending = list(files)
    for target, _ in pending:
        if target.exists():
            apkfiles.check_output(str(target), inputs)
    count = 0
    mode = apkfiles.new_file_mode()
    for target, data in pending:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        count += 1
    return count
