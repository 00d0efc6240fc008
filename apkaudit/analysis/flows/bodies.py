"""Request bodies the HTTP library writes out itself (catalogs/sinks.yaml request_objects with `writes`).

OkHttp calls `writeTo(BufferedSink)` of the RequestBody a request was posted with when it sends the request: what
an app subclass writes into that BufferedSink (its own fields, captured values) is sent. The parameter is entered
as the object of the model's sink, so a write into it (or into a stream taken from it) leaks like a write into a
connection's output stream. The endpoint is the URL the body meets in the request builder's chain
(`new Request.Builder().url(URL).post(body)`: one library call holds both the body object and the URL).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from apkaudit.analysis.flows.labels import NO_LABELS, Instance, Label, Labels, SinkObject, Url
from apkaudit.analysis.flows.models import request_objects

if TYPE_CHECKING:
    from apkaudit.analysis.flows.engine import FlowAnalysis

WRITTEN = 1  # the stream is the first parameter of a `writes` method


@functools.lru_cache(maxsize=1)
def _writers() -> frozenset[str]:
    """Names of the `writes` methods of every request-object model."""
    return frozenset(m for model in request_objects().values() for m in model.writes)


def written_sink(flows: FlowAnalysis, method: str, position: int) -> Labels:
    """The labels of parameter `position` of `method` when it is the stream a request body writes what is sent
    into: the sink object of the model's sink, with the URLs the body was posted to."""
    if position != WRITTEN:
        return NO_LABELS
    cls, _, rest = method.partition("->")
    name = rest.partition("(")[0]
    if name not in _writers():
        return NO_LABELS
    model = flows.request_model(cls)
    if model is None or name not in model.writes:
        return NO_LABELS
    urls = flows.request_endpoints(cls)
    return frozenset({SinkObject(model.sink, "network"), *(Url(u) for u in urls)})


def note_body_urls(flows: FlowAnalysis, args: Sequence[Iterable[Label]]) -> None:
    """A request body object of the app and URL constants in one call (the request builder's chain): the body is
    sent to those URLs. `args`: the arguments' labels, or only those of rare kinds (rare.py)."""
    bodies = {x.cls for a in args for x in a if isinstance(x, Instance)}
    if not bodies:
        return
    urls = {x.url for a in args for x in a if isinstance(x, Url)}
    if not urls:
        return
    for cls in sorted(bodies):
        model = flows.request_model(cls)
        if model is not None and model.writes:
            flows.request_urls.setdefault(cls, set()).update(urls)
