"""The summary of a results store: apps per grade, who reads and sends each category, SDKs, errors by kind."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from tabulate import tabulate

from apkaudit.batch.store import Store

_READS = ("referenced", "reachable", "transmitted")


def printable(text: object) -> str:
    """Text safe for a terminal: control characters (an app's name may carry some) become '?'."""
    return "".join(ch if ch.isprintable() else "?" for ch in str(text))


@dataclass(frozen=True)
class SdkCount:
    id: str
    name: str
    kind: str
    owns_reads: int  # apps in which this SDK's own code reads personal data
    present: int  # apps that contain it at all


@dataclass(frozen=True)
class Summary:
    apps: int
    errors: int
    grades: tuple[tuple[str, int], ...]
    categories: tuple[tuple[str, int, int, int], ...]  # category, apps declaring, reading, transmitting
    sdks: tuple[SdkCount, ...]  # most reads owned first
    error_kinds: tuple[tuple[str, int], ...]
    over_budget: tuple[int, int] = (0, 0)  # apps whose code analysis passed its time budget: flows cut, all code cut


def summarise(store: Store, top_sdks: int = 15) -> Summary:
    grades: Counter[str] = Counter()
    declared: Counter[str] = Counter()
    reading: Counter[str] = Counter()
    sending: Counter[str] = Counter()
    owns: Counter[str] = Counter()
    present: Counter[str] = Counter()
    sdk_info: dict[str, tuple[str, str]] = {}
    apps = 0
    flows_cut = code_cut = 0
    for report in store.reports():
        apps += 1
        budget_notes = [n for n in report["analysis"]["notes"] if "code analysis passed its" in n]
        flows_cut += any("data flows were not followed" in n for n in budget_notes)
        code_cut += any("no code evidence" in n for n in budget_notes)
        grades[str(report.get("grade"))] += 1
        for access in report["data_access"]:
            category, evidence = access["category"], access["evidence"]
            declared[category] += 1 if access["permissions"] else 0
            reading[category] += 1 if evidence in _READS else 0
            sending[category] += 1 if evidence == "transmitted" else 0
        owners = {s["owner"] for a in report["data_access"] for s in a["sites"] if s["owner"] != "first-party"}
        for sdk in report["sdks"]:
            sdk_info.setdefault(sdk["id"], (sdk["name"], sdk["kind"]))
            present[sdk["id"]] += 1
            owns[sdk["id"]] += 1 if sdk["id"] in owners or sdk["categories"] else 0
    error_kinds: Counter[str] = Counter(e["error_kind"] or "unknown" for e in store.errors())
    categories = sorted(set(declared) | set(reading), key=lambda c: (-reading[c], -declared[c], c))
    ranked = sorted(present, key=lambda i: (-owns[i], -present[i], i))[:top_sdks]
    return Summary(
        apps=apps,
        errors=sum(error_kinds.values()),
        grades=tuple(sorted(grades.items())),
        categories=tuple((c, declared[c], reading[c], sending[c]) for c in categories),
        sdks=tuple(SdkCount(i, sdk_info[i][0], sdk_info[i][1], owns[i], present[i]) for i in ranked),
        error_kinds=tuple(sorted(error_kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        over_budget=(flows_cut, code_cut),
    )


def render(s: Summary) -> str:
    def share(n: int) -> str:
        return f"{n} ({100 * n / s.apps:.0f}%)" if s.apps else "0"

    parts = [f"{s.apps} apps audited, {s.errors} could not be audited"]
    if any(s.over_budget):
        parts[0] += (
            f"\n{s.over_budget[0]} passed the analysis time budget without data flows, "
            f"{s.over_budget[1]} without any code evidence (coverage partial; the report's note says how far it got)"
        )
    if s.grades:
        rows = [(printable(g), n, share(n)) for g, n in s.grades]
        parts.append(tabulate(rows, headers=["Grade", "Apps", "Share"], colalign=("left", "right", "right")))
    if s.categories:
        rows2 = [(c, share(d), share(r), share(t)) for c, d, r, t in s.categories]
        headers = ["Category", "Declaring", "Reading", "Transmitting"]
        parts.append(tabulate(rows2, headers=headers, colalign=("left", "right", "right", "right")))
    if s.sdks:
        rows3 = [(printable(k.name), printable(k.kind), share(k.owns_reads), share(k.present)) for k in s.sdks]
        headers = ["SDK", "Kind", "Owns reads in", "Present in"]
        parts.append(tabulate(rows3, headers=headers, colalign=("left", "left", "right", "right")))
    if s.error_kinds:
        rows4 = [(printable(k), n) for k, n in s.error_kinds]
        parts.append(tabulate(rows4, headers=["Error", "APKs"], colalign=("left", "right")))
    return "\n\n".join(parts) + "\n"
