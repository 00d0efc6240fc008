"""What one method does with the labels it sees: its summary, and the leaks found in it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from apkaudit.analysis.flows.labels import KeyedRead, Label


@dataclass(frozen=True)
class Leak:
    """Data with `labels` reaches a sink in `method`."""

    method: str
    offset: int
    sink: str  # smali signature of the sink API
    kind: str  # network | file | log | sms | ipc | webview | native | reflection
    labels: frozenset[Label]
    endpoints: frozenset[str]
    targets: frozenset[str] = frozenset()  # app components an ipc sink delivers the Intent to


@dataclass
class Summary:
    """Where each label a method sees ends up."""

    ret: set[Label] = field(default_factory=set)
    thrown: set[Label] = field(default_factory=set)  # data in what a `throw` outside any try block throws
    outs: dict[int, set[Label]] = field(default_factory=lambda: defaultdict(set))
    fields: dict[str, set[Label]] = field(default_factory=lambda: defaultdict(set))
    calls: list[tuple[str, int, frozenset[Label]]] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)
    # data in an explicit Intent handed to app components: not a leak (it stays in the app), followed there
    handoffs: list[tuple[frozenset[Label], frozenset[str]]] = field(default_factory=list)
    # Returned labels of virtual calls on a parameter the method does not narrow: label -> that parameter
    dispatched: dict[Label, int] = field(default_factory=dict)
    typed: set[Label] = field(default_factory=set)  # the ReturnedTyped labels of the method's calls
    # calls that read through an address (ContentResolver.query): what they read -> the labels of the address
    reads: dict[Label, set[Label]] = field(default_factory=lambda: defaultdict(set))
    # what it writes into an app store under the key a parameter names, unchanged: (store, parameter) -> labels;
    # each caller writes it under the key it names there (calls._keyed_at_call)
    keyed: dict[tuple[str, int], set[Label]] = field(default_factory=lambda: defaultdict(set))
    # the KeyedRead labels of its own reads under a key a parameter names, its callers map at their calls
    keyed_made: set[KeyedRead] = field(default_factory=set)
    # a callee's KeyedRead at a call of this method -> what this method's key names there (FieldValue of the key,
    # or its own KeyedRead): the search enters the callee's uses of the value from the key's value (engine._index)
    keyed_reads: dict[Label, set[Label]] = field(default_factory=lambda: defaultdict(set))
    # a constructor whose `this` did not escape: what it stored in each field of `this` ("name:type"), heap.py
    this_fields: dict[str, frozenset[Label]] | None = None

    def indexed(self) -> None:
        """The engine has made edges of what the method does (engine._index): keep only what a caller applies at
        its call (ret, outs, dispatched, this_fields, reads, keyed, keyed_made). The rest is not read again; on the
        24.6 MB Yosemite.apk, whose flow search then kept 14,175 summaries, it was 57 MB of a 429 MB peak."""
        self.thrown = set()
        self.fields = {}
        self.calls = []
        self.leaks = []
        self.handoffs = []
        self.typed = set()
        self.keyed_reads = {}
