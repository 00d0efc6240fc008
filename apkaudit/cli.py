"""The command line: parse, call, write. Only this module touches stdout, files and exit codes."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from apkaudit import __version__
from apkaudit.audit import audit
from apkaudit.errors import ApkAuditError
from apkaudit.model import Report, Severity
from apkaudit.policy import load as policy_load
from apkaudit.report import FORMATS, renderer

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


def _write(output: str | None, text: str) -> None:
    """Write all or nothing: a crash mid-write never leaves a half report in place of a good one."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="apkaudit")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Audit Android apps for the personal data they read, and judge them against lending-app rule books."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("apks", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--policy",
    "policies",
    multiple=True,
    default=(policy_load.DEFAULT_POLICY,),
    show_default=True,
    help="Rule book id (see `apkaudit policies list`) or path to a rule book YAML file. Repeatable.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit with 1 when any finding is at least this severe.",
)
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
) -> None:
    """Audit APK files and print (or write) one report each."""
    debug = debug or ctx.obj["debug"]
    loaded = []
    for p in policies:
        policy = _guarded(debug, p, lambda p=p: policy_load.load(p))  # type: ignore[misc]
        if policy is None:
            ctx.exit(EXIT_ERROR)
        loaded.append(policy)
    reports: list[Report] = []
    failed = 0
    for path in apks:
        report = _guarded(debug, path, lambda path=path: audit(path, loaded))  # type: ignore[misc]
        if report is None:
            failed += 1
        else:
            reports.append(report)
    if reports:
        _write(output, renderer(fmt)(reports))
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


def main(argv: Sequence[str] | None = None) -> Any:
    return cli.main(args=list(argv) if argv is not None else None, prog_name="apkaudit")


if __name__ == "__main__":
    sys.exit(main())
