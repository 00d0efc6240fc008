"""The command line: parse, call, write. Only this module touches stdout, files and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from apkaudit import __version__, files
from apkaudit.audit import audit
from apkaudit.errors import ApkAuditError
from apkaudit.facts.geoip import GeoIP
from apkaudit.model import Report, Severity
from apkaudit.policy import load as policy_load
from apkaudit.report import FORMATS, LANGS, renderer

EXIT_OK, EXIT_FAIL_ON, EXIT_ERROR = 0, 1, 2
T = TypeVar("T")


def _error(message: str) -> None:
    click.echo(f"apkaudit: error: {message}", err=True)


def _guarded(debug: bool, what: str, fn: Callable[[], T]) -> T | None:
    """Run fn; report our errors in one line, and anything else as an internal error, never a traceback."""
    try:
        return fn()
    except ApkAuditError as exc:
        if debug:
            raise
        _error(str(exc))
    except MemoryError:
        if debug:
            raise
        _error(f"{what}: out of memory")
    except Exception as exc:
        if debug:
            raise
        _error(f"{what}: internal error ({type(exc).__name__}: {exc}); rerun with --debug for the traceback")
    return None


def _load_policies(ctx: click.Context, debug: bool, names: Sequence[str]) -> list[policy_load.Policy]:
    """Load each rule book (id or file); the first that cannot be loaded ends the command with exit 2."""
    loaded = []
    for name in names:
        policy = _guarded(debug, name, lambda name=name: policy_load.load(name))  # type: ignore[misc]
        if policy is None:
            ctx.exit(EXIT_ERROR)
        loaded.append(policy)
    return loaded


def _checked_output(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An -o path apkaudit may write (its folder exists and is writable), checked before any work is done."""
    try:
        files.check_output(value)
    except ApkAuditError as exc:
        _error(str(exc))
        ctx.exit(EXIT_ERROR)
    return value


def _check_inputs(ctx: click.Context, output: str | None, inputs: Sequence[str]) -> None:
    """Exit 2 before any work when -o names one of the inputs (the APK, report or database it would destroy)."""
    try:
        files.check_output(output, inputs)
    except ApkAuditError as exc:
        _error(str(exc))
        ctx.exit(EXIT_ERROR)


def _policy_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--policy ID_OR_FILE`, repeatable, defaulting to the Chinese lending rule book."""
    return click.option(
        "--policy",
        "policies",
        multiple=True,
        default=(policy_load.DEFAULT_POLICY,),
        show_default=True,
        help=help_text,
    )


def _output_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`-o/--output FILE`, checked before any work starts (a missing folder is an error, not a traceback)."""
    return click.option(
        "-o",
        "--output",
        callback=_checked_output,
        help=help_text,
    )


def _write(output: str | None, text: str, inputs: Sequence[str] = ()) -> bool:
    """Write all or nothing (files.write_output): a crash mid-write never leaves half a report in place."""
    if not files.write_output(output, [text], inputs):
        click.echo(text, nl=False)
    return True


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="apkaudit")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Audit Android apps for the personal data they read, and judge them against lending-app rule books."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("apks", nargs=-1, required=True)
@_policy_option("Rule book id (see `apkaudit policies list`) or path to a rule book YAML file. Repeatable.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@_output_option("Write the report here.")
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True, help="Language of the html format.")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit with 1 when any finding is at least this severe.",
)
@click.option(
    "--geoip",
    type=click.Path(exists=True, dir_okay=False),
    help="Offline IP-to-country database (MaxMind .mmdb, or CSV start,end,country) for IP literals' countries.",
)
@click.option("--splits", is_flag=True, help="APKS are the base and split APKs of one app: one report for them.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def scan(
    ctx: click.Context,
    apks: Sequence[str],
    policies: Sequence[str],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    debug: bool,
    lang: str = "en",
    geoip: str | None = None,
    splits: bool = False,
) -> None:
    """Audit apps and print (or write) one report each. An app is an APK, an app package (.xapk, .apkm, .apks)
    or a folder of split APKs (base.apk and split_*.apk, as `adb pull` gives them)."""
    debug = debug or ctx.obj["debug"]
    _check_inputs(ctx, output, apks)
    loaded = _load_policies(ctx, debug, policies)
    geo = _guarded(debug, geoip, lambda: GeoIP(geoip)) if geoip else None
    if geoip and geo is None:
        ctx.exit(EXIT_ERROR)
    reports: list[Report] = []
    failed = 0
    for path in [list(apks)] if splits else apks:
        name = " + ".join(path) if isinstance(path, list) else path
        report = _guarded(debug, name, lambda path=path: audit(path, loaded, geoip=geo))  # type: ignore[misc]
        if report is None:
            failed += 1
        else:
            reports.append(report)
    if reports and _guarded(debug, output or "-", lambda: _write(output, renderer(fmt, lang)(reports), apks)) is None:
        ctx.exit(EXIT_ERROR)
    if failed:
        ctx.exit(EXIT_ERROR)
    if fail_on and _fails(reports, Severity(fail_on)):
        ctx.exit(EXIT_FAIL_ON)


def _fails(reports: Sequence[Report], threshold: Severity) -> bool:
    return any(f.severity.rank >= threshold.rank for r in reports for v in r.verdicts for f in v.findings)


@cli.group()
def policies() -> None:
    """List, show and validate rule books."""


@policies.command("list")
def policies_list() -> None:
    """The rule books shipped with apkaudit."""
    from tabulate import tabulate

    rows = []
    for pid, path in policy_load.available().items():
        p = policy_load.load(str(path))
        rows.append((pid, p.ref.version, p.jurisdiction, p.applies_to, len(p.rules), p.ref.title))
    click.echo(tabulate(rows, headers=["Id", "Version", "Jurisdiction", "Applies to", "Rules", "Title"]))


@policies.command("show")
@click.argument("policy")
@click.pass_context
def policies_show(ctx: click.Context, policy: str) -> None:
    """Every rule of a rule book, its weight, and how the grade is computed."""
    p = _guarded(ctx.obj["debug"], policy, lambda: policy_load.load(policy))
    if p is None:
        ctx.exit(EXIT_ERROR)
    from apkaudit.report.policy_text import render_policy

    click.echo(render_policy(p), nl=False)


@policies.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.pass_context
def policies_validate(ctx: click.Context, files: Sequence[str]) -> None:
    """Check rule book files against the schema; one line per problem."""
    bad = 0
    for f in files:
        p = _guarded(ctx.obj["debug"], f, lambda f=f: policy_load.load(f))  # type: ignore[misc]
        if p is None:
            bad += 1
        else:
            click.echo(f"{f}: ok ({p.ref.id} {p.ref.version}, {len(p.rules)} rules)")
    if bad:
        ctx.exit(EXIT_ERROR)


@policies.command("test")
@click.argument("policy")
@click.option(
    "--cases", "cases_file", type=click.Path(dir_okay=False), help="Cases file (default: cases/ID.yaml beside it)."
)
@click.pass_context
def policies_test(ctx: click.Context, policy: str, cases_file: str | None) -> None:
    """Run a rule book's cases: exit 1 when a case fails, 2 on an error."""
    from apkaudit.policy import cases as policy_cases

    debug = ctx.obj["debug"]
    p = _guarded(debug, policy, lambda: policy_load.load(policy))
    if p is None:
        ctx.exit(EXIT_ERROR)
    path = cases_file or str(policy_cases.cases_path(p))
    loaded = _guarded(debug, path, lambda: policy_cases.load_cases(path, p))
    if loaded is None:
        ctx.exit(EXIT_ERROR)
    outcomes = policy_cases.run(p, loaded)
    for o in outcomes:
        click.echo(f"{'ok  ' if o.passed else 'FAIL'} {o.case.where}: {o.case.description}")
        for problem in o.problems:
            click.echo(f"       {problem}")
    missing = policy_cases.uncovered(p, loaded)
    failed = sum(not o.passed for o in outcomes)
    click.echo(f"{len(outcomes) - failed} of {len(outcomes)} cases pass" + (f"; {failed} fail" if failed else ""))
    if missing:
        click.echo(f"rules without a case: {', '.join(missing)}")
    if failed or missing:
        ctx.exit(EXIT_FAIL_ON)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="Results database written by `apkaudit batch`.")
@click.option(
    "--report",
    "report_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A JSON report file from `apkaudit scan --format json` (one report or an array). Repeatable.",
)
@click.option(
    "--policy",
    "policies",
    multiple=True,
    help="Rule book for the methodology page (default: the ones the reports were judged under). Repeatable.",
)
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True)
@click.option(
    "-o",
    "--output",
    required=True,
    help="Folder to write the site to: a new or empty folder, or an earlier site (replaced as a whole).",
)
@click.pass_context
def site(
    ctx: click.Context,
    db: str | None,
    report_files: Sequence[str],
    policies: Sequence[str],
    lang: str,
    output: str,
) -> None:
    """Build a static ratings site (index, a page per app and per SDK, methodology) from a batch of results."""
    from apkaudit.report import site as site_pages

    debug = ctx.obj["debug"]
    if not db and not report_files:
        raise click.UsageError("give --db RESULTS.sqlite or --report REPORT.json")
    if _guarded(debug, output, lambda: files.check_site_folder(output)) is None:
        ctx.exit(EXIT_ERROR)
    inputs = _guarded(debug, db or report_files[0], lambda: site_pages.load_inputs(db, report_files))
    if inputs is None:
        ctx.exit(EXIT_ERROR)
    docs, errors = inputs
    ids = policies or sorted({str(d["policy"]["id"]) for d in docs if isinstance(d.get("policy"), dict)})
    loaded = _load_policies(ctx, debug, ids)
    pages = _guarded(debug, output, lambda: site_pages.build_site(docs, loaded, lang, errors))
    if pages is None or _guarded(debug, output, lambda: files.write_site(output, pages)) is None:
        ctx.exit(EXIT_ERROR)
    click.echo(f"{output}: {len(pages)} pages, {len(docs)} reports, {len(errors)} errors", err=True)


@cli.command("diff")
@click.argument("old")
@click.argument("new")
@_policy_option("Rule book to judge APKs under (JSON reports keep the verdict they hold). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(("text", "html")), default="text", show_default=True)
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True)
@_output_option("Write the diff here.")
@click.pass_context
def diff_command(
    ctx: click.Context, old: str, new: str, policies: Sequence[str], fmt: str, lang: str, output: str | None
) -> None:
    """What changed between two versions of an app; OLD and NEW are APKs or JSON reports."""
    from apkaudit.report import diff as report_diff
    from apkaudit.report import html, json_report
    from apkaudit.report.document import looks_like_report, read_report

    debug = ctx.obj["debug"]
    _check_inputs(ctx, output, (old, new))
    loaded = _load_policies(ctx, debug, policies)
    docs = []
    for path in (old, new):
        doc = _guarded(
            debug,
            path,
            lambda path=path: (  # type: ignore[misc]
                read_report(path) if looks_like_report(path) else json_report.report_dict(audit(path, loaded))
            ),
        )
        if doc is None:
            ctx.exit(EXIT_ERROR)
        docs.append(doc)
    d = report_diff.diff_reports(docs[0], docs[1])
    text = html.render_diff(d, lang) if fmt == "html" else report_diff.render_text(d, lang)
    if _guarded(debug, output or "-", lambda: _write(output, text, (old, new))) is None:
        ctx.exit(EXIT_ERROR)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="SQLite results database (created).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="APKs audited at once.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=300.0,
    show_default=True,
    help="Seconds of wall-clock time one APK may take.",
)
@click.option("--max-memory", default="4G", show_default=True, help="Memory one APK's audit may take (e.g. 512M, 4G).")
@_policy_option("Rule book id or YAML file. Repeatable.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Run the tasks on this Dask scheduler's workers.")
@click.option("--retry-errors", is_flag=True, help="Audit again the APKs whose earlier audit failed.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def batch(
    ctx: click.Context,
    paths: Sequence[str],
    db: str,
    jobs: int,
    timeout: float,
    max_memory: str,
    policies: Sequence[str],
    scheduler: str | None,
    retry_errors: bool,
    debug: bool,
) -> None:
    """Audit many APKs into a results database: PATHS are APKs, folders (searched for *.apk) or text files listing
    paths. Resumable: run the same command again and only what is not done yet is done."""
    import threading

    from apkaudit.batch import inputs
    from apkaudit.batch.control import make_executor, stop_on_signals
    from apkaudit.batch.isolate import WorkerLimits, parse_size
    from apkaudit.batch.run import Batch
    from apkaudit.batch.store import Store

    debug = debug or ctx.obj["debug"]
    loaded = _load_policies(ctx, debug, policies)
    stopping = threading.Event()

    def prepare() -> tuple[list[str], Batch]:
        limits = WorkerLimits(timeout=timeout, max_memory=parse_size(max_memory, "--max-memory"))
        found = inputs.expand(paths)
        store = Store.create(db)
        executor = make_executor(jobs, scheduler, limits)
        return found, Batch(store, loaded, executor, retry_errors=retry_errors, stop=stopping.is_set)

    prepared = _guarded(debug, db, prepare)
    if prepared is None:
        ctx.exit(EXIT_ERROR)
    found, runner = prepared
    events = runner.run(found)
    counts = None
    try:
        with stop_on_signals(stopping):
            try:
                counts = _guarded(debug, db, lambda: _show_progress(events, len(found)))
            finally:
                events.close()  # kills the children still running; their APKs are simply not done
    except KeyboardInterrupt:
        stopping.set()
    finally:
        runner.store.close()
    if stopping.is_set():
        click.echo(f"apkaudit: interrupted; finished results are in {db}; run the same command to resume", err=True)
        ctx.exit(130)
    if counts is None:
        ctx.exit(EXIT_ERROR)
    line = (
        f"{counts.total} APKs: {counts.scanned} audited, {counts.rejudged} judged again from stored facts, "
        f"{counts.skipped} already done, {counts.duplicates} duplicates, {counts.failed} failed; results in {db}"
    )
    click.echo(line)
    if counts.failed:
        click.echo(f"see the errors with: apkaudit summary --db {db}", err=True)


@cli.command("device")
@click.argument("packages", nargs=-1)
@click.option("--serial", help="The phone to read, as `adb devices` names it (needed when several are connected).")
@click.option("--all", "all_apps", is_flag=True, help="Every app the user installed (the default without PACKAGE).")
@click.option("--lending", is_flag=True, help="Only the apps the lending detector recognises.")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="SQLite results database (created).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores")
@_policy_option("Rule book id or YAML file. Repeatable.")
@click.pass_context
def device_command(
    ctx: click.Context,
    packages: Sequence[str],
    serial: str | None,
    all_apps: bool,
    lending: bool,
    db: str,
    jobs: int,
    policies: Sequence[str],
) -> None:
    """Audit the apps installed on a phone connected by USB, into a results database (as `batch`, resumable).

    Uses adb (Debian: apt install adb; USB debugging on): lists the apps the user installed, or the PACKAGEs
    named, copies each one's base and split APKs to a temporary folder, audits them and deletes the copies.
    It never installs, starts, stops or changes anything on the phone: it runs `adb devices`, `pm list
    packages`, `pm path` and `adb pull`, nothing else.
    """
    import shutil
    import tempfile
    from pathlib import Path

    from apkaudit import device

    if all_apps and packages:
        raise click.UsageError("give --all or PACKAGE names, not both")
    debug = ctx.obj["debug"]
    phone = _guarded(debug, "device", lambda: device.connect(serial))
    if phone is None:
        ctx.exit(EXIT_ERROR)
    assert phone is not None
    wanted = list(packages) or _guarded(debug, phone.serial, lambda: device.third_party_packages(phone))
    if wanted is None:
        ctx.exit(EXIT_ERROR)
    assert wanted is not None
    db, home = os.path.abspath(db), os.getcwd()
    folder = Path(tempfile.mkdtemp(prefix="apkaudit-device-"))
    try:

        def say(line: str) -> None:
            click.echo(line, err=True)

        copied = _guarded(debug, phone.serial, lambda: device.pull_all(phone, wanted, folder, say))
        if copied is None:
            ctx.exit(EXIT_ERROR)
        if lending:
            copied = [p for p in copied if device.looks_lending(str(folder / p))]
            say(f"{len(copied)} lending apps: {', '.join(copied) or 'none'}")
        if not copied:
            click.echo(f"no apps to audit on phone {phone.serial}")
            return
        os.chdir(folder)  # reports name each app by its package folder, not by the temporary folder
        ctx.invoke(batch, paths=tuple(copied), db=db, jobs=jobs, policies=policies)
    finally:
        os.chdir(home)
        shutil.rmtree(folder, ignore_errors=True)


def _show_progress(events: Any, total: int) -> Any:
    """A progress bar on a terminal, one plain line per APK otherwise; returns the final counts."""
    import time

    from apkaudit.batch.run import Counts
    from apkaudit.batch.summary import printable

    start = time.monotonic()
    counts = Counts(total)

    def rate_and_eta(c: Counts) -> str:
        elapsed = time.monotonic() - start
        if not c.worked or elapsed <= 0:
            return f"{c.failed} failed"
        per_min = c.worked / elapsed * 60
        left = (c.total - c.done) / (c.worked / elapsed)
        return f"{per_min:.1f} APK/min, ETA {_duration(left)}, {c.failed} failed"

    if sys.stderr.isatty():
        bar: Any
        with click.progressbar(
            length=total,
            label="Auditing",
            file=sys.stderr,
            show_pos=True,
            show_eta=False,
            item_show_func=lambda e: rate_and_eta(e.counts) if e is not None else None,
        ) as bar:
            for event in events:
                counts = event.counts
                bar.update(event.count, event)
        return counts
    width = len(str(total))
    for event in events:
        counts = event.counts
        head = f"[{counts.done:>{width}}/{total}] {event.status:<9}"
        if event.status == "skipped":
            line = f"{head} {event.count} already in the store"
        elif event.status == "duplicate":
            line = f"{head} {printable(event.path)} ({printable(event.message)})"
        elif event.status == "failed":
            line = f"{head} {event.error_kind}: {printable(event.message)}"
        else:
            took = f" in {event.seconds:.1f} s" if event.seconds is not None else ""
            line = f"{head} grade {event.grade} ({event.score}) {printable(event.path)}{took}"
        click.echo(f"{line}  [{rate_and_eta(counts)}]", err=True)
    return counts


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


@cli.command("export")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Results database of `apkaudit batch`.")
@click.option("--format", "fmt", type=click.Choice(("csv", "jsonl")), default="csv", show_default=True)
@_output_option("Write here (default stdout).")
@click.pass_context
def export_command(ctx: click.Context, db: str, fmt: str, output: str | None) -> None:
    """Export a results database: CSV (one row per app) or JSON Lines (one report per line)."""
    from apkaudit.batch import export
    from apkaudit.batch.store import Store

    _check_inputs(ctx, output, (db,))

    def run() -> bool:
        with Store(db) as store:
            _write_lines(output, export.lines(store, fmt), db)
        return True

    if _guarded(ctx.obj["debug"], db, run) is None:
        ctx.exit(EXIT_ERROR)


def _write_lines(output: str | None, lines: Any, db: str) -> None:
    """Stream lines out; to a file, all or nothing (as _write)."""
    if files.is_stdout(output):
        try:
            for line in lines:
                click.echo(line, nl=False)
            sys.stdout.flush()
        except BrokenPipeError:  # `apkaudit export ... | head`: the reader has all it wants
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    # a file name that is not UTF-8 (kept by Python as a lone surrogate) is written as its \udcXX escape
    files.write_output(output, lines, (db,), errors="backslashreplace", newline="")


@cli.command("summary")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Results database of `apkaudit batch`.")
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True, help="SDKs to list.")
@click.pass_context
def summary_command(ctx: click.Context, db: str, top: int) -> None:
    """Counts over a results database: grades, categories read and sent, top SDKs, errors by kind."""
    from apkaudit.batch import summary
    from apkaudit.batch.store import Store

    def run() -> str:
        with Store(db) as store:
            return summary.render(summary.summarise(store, top))

    text = _guarded(ctx.obj["debug"], db, run)
    if text is None:
        ctx.exit(EXIT_ERROR)
    click.echo(text, nl=False)


@cli.command("complaint")
@click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=str))
@click.option("--db", type=click.Path(dir_okay=False), help="Results database: one pack per selected app.")
@click.option("--policy", help="Rule book id or file (default: the report's first, or cn-pipl-loan for an APK).")
@click.option("--channel", help="Complaint channel of the rule book: its id, phone number or name.")
@click.option("--lang", type=click.Choice(("en", "zh")), help="Letter language (default: the channel's).")
@click.option("--complainant", type=click.Path(dir_okay=False), help="YAML file with the complainant's details.")
@click.option("--format", "fmt", type=click.Choice(("html", "markdown", "pdf")), default="html", show_default=True)
@click.option("--grade", type=click.Choice(("A", "B", "C", "D", "E", "F", "incomplete")), help="With --db: or worse.")
@click.option("--min-severity", type=click.Choice([s.value for s in Severity]), help="With --db: a finding this grave.")
@click.option("-o", "--output", required=True, help="The pack file; with --db, the folder for the packs.")
@click.pass_context
def complaint_command(ctx: click.Context, /, source: str | None, db: str | None, output: str, **options: Any) -> None:
    """Write an evidence pack (cover letter, evidence annex, reproduction note) for APP.apk or REPORT.json."""
    from apkaudit.complaint import run as complaint

    if (source is None) == (db is None):
        raise click.UsageError("give APP.apk or REPORT.json, or --db RESULTS.sqlite")
    files = _guarded(ctx.obj["debug"], source or str(db), lambda: complaint.make(source, db, output=output, **options))
    inputs = [p for p in (source, db) if p]
    if files is None or _guarded(ctx.obj["debug"], output, lambda: complaint.write(files.items(), inputs)) is None:
        ctx.exit(EXIT_ERROR)
    if db is not None:
        click.echo(f"{output}: {len(files) - 1} packs and index.html", err=True)


def main(argv: Sequence[str] | None = None) -> Any:
    return cli.main(args=list(argv) if argv is not None else None, prog_name="apkaudit")


if __name__ == "__main__":
    sys.exit(main())
