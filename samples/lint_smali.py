#!/usr/bin/env python3
"""Register sanity checks for the hand-written smali in samples/src.

apktool's smali assembler does not check register numbers against
``.registers`` nor argument counts against method descriptors: it silently
emits bytecode that Android's verifier would reject. This lint catches those
mistakes before build.sh assembles anything:

* every ``vN`` is below ``.registers`` and every ``pN`` below the parameter count;
* every ``invoke-*`` passes exactly as many registers as the descriptor needs
  (plus ``this`` unless static), wide (J/D) arguments in consecutive pairs;
* non-range invokes use at most 5 registers; concrete methods have ``.registers``.

Usage: lint_smali.py PATH...   (files or directories; exit status 1 on errors)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

METHOD_RE = re.compile(r"\.method (?P<flags>.*?)(?P<name>\S+)\((?P<rest>.*)$")
INVOKE_RE = re.compile(r"(?P<kind>invoke-[\w-]+?)(?P<range>/range)? \{(?P<regs>.*?)\}, (?P<target>\S+?)(?P<desc>\(.*)$")
REG_RE = re.compile(r"\b([vp])(\d+)\b")
STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')


def param_slots(desc: str) -> list[int]:
    """Register width (1 or 2) of each parameter in a method descriptor."""
    params = desc[1 : desc.index(")")]
    out: list[int] = []
    i = 0
    while i < len(params):
        c = params[i]
        if c in "JD":
            out.append(2)
            i += 1
        elif c in "ZBSCIF":
            out.append(1)
            i += 1
        elif c == "L":
            i = params.index(";", i) + 1
            out.append(1)
        elif c == "[":
            while params[i] == "[":
                i += 1
            i = params.index(";", i) + 1 if params[i] == "L" else i + 1
            out.append(1)
        else:
            raise ValueError(f"bad descriptor {desc!r}")
    return out


class _Method:
    """Register counts of the method being read: ``n_regs`` is None until ``.registers`` or ``.locals``."""

    def __init__(self, header: re.Match[str]) -> None:
        flags = f" {header['flags']}"
        self.n_params = sum(param_slots("(" + header["rest"])) + (0 if " static " in flags else 1)
        self.n_regs: int | None = None
        self.abstract = " abstract " in flags or " native " in flags


def lint_file(path: Path) -> list[str]:
    errors: list[str] = []
    method: _Method | None = None
    in_annotation = False

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()

        def report(msg: str, lineno: int = lineno) -> None:
            errors.append(f"{path}:{lineno}: {msg}")

        m = METHOD_RE.match(line)
        if m:
            method = _Method(m)
            continue
        if line == ".end method":
            if method is not None and not method.abstract and method.n_regs is None:
                report("concrete method without .registers")
            method = None
            continue
        if method is None or not line or line.startswith("#"):
            continue
        if line.startswith(".annotation"):
            in_annotation = True
        if in_annotation:
            in_annotation = line != ".end annotation"
            continue
        if _read_directive(line, method, report):
            continue
        if method.n_regs is None:
            report("instruction before .registers")
            continue
        _check_instruction(STRING_RE.sub('""', line), method.n_regs, method.n_params, report)
    return errors


def _read_directive(line: str, method: _Method, report: Callable[[str], None]) -> bool:
    """Take ``.registers`` / ``.locals`` into the method; True for any directive but ``.catch``."""
    if line.startswith(".registers"):
        method.n_regs = int(line.split()[1])
        if method.n_regs < method.n_params:
            report(f".registers {method.n_regs} is less than the {method.n_params} parameter registers")
        return True
    if line.startswith(".locals"):
        method.n_regs = int(line.split()[1]) + method.n_params
        return True
    return line.startswith(".") and not line.startswith(".catch")


def _check_instruction(code: str, n_regs: int, n_params: int, report: Callable[[str], None]) -> None:
    """Register ranges of one instruction (string literals blanked out), then its invoke arguments if any."""
    n_locals = n_regs - n_params

    def index(kind: str, num: int) -> int:
        """Absolute register number of vN / pN, reporting out-of-range ones."""
        if kind == "v":
            if num >= n_regs:
                report(f"v{num} out of range (.registers {n_regs})")
            return num
        if num >= n_params:
            report(f"p{num} out of range ({n_params} parameter registers)")
        return n_locals + num

    for kind, num in REG_RE.findall(code):
        index(kind, int(num))
    inv = INVOKE_RE.match(code)
    if inv:
        names = [r.strip() for r in re.split(r"\.\.|,", inv["regs"]) if r.strip()]
        _check_invoke(inv, [index(r[0], int(r[1:])) for r in names], report)


def _check_invoke(inv: re.Match[str], regs: list[int], report: Callable[[str], None]) -> None:
    """Argument count and wide pairs of one invoke, given its registers as absolute numbers."""
    if inv["range"]:
        if len(regs) == 2:
            regs = list(range(regs[0], regs[1] + 1))
    elif len(regs) > 5:
        report("more than 5 registers need the /range form")
    want = ([] if inv["kind"] == "invoke-static" else [1]) + param_slots(inv["desc"])
    if len(regs) != sum(want):
        report(f"{inv['kind']} passes {len(regs)} registers, {inv['target']}{inv['desc']} needs {sum(want)}")
        return
    pos = 0
    for width in want:
        if width == 2 and regs[pos + 1] != regs[pos] + 1:
            report("wide (J/D) argument is not a consecutive register pair")
        pos += width


def main(argv: list[str]) -> int:
    files: list[Path] = []
    for arg in argv or ["."]:
        p = Path(arg)
        files.extend(sorted(p.rglob("*.smali")) if p.is_dir() else [p])
    errors = list(dict.fromkeys(e for f in files for e in lint_file(f)))
    for e in errors:
        print(e, file=sys.stderr)
    print(f"lint_smali: {len(files)} files, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
