"""What an invoke does with the labels of its arguments, by the kind of method it calls.

A Retrofit service method sends its arguments to its endpoint; a catalogue sink leaks them (or hands an
explicit Intent to the app's own component); an app method gets them as parameters and its summary is applied
at the call; a library or framework method mixes them into its receiver and result, with the models of
models.py (stores by key, callbacks it runs) on top.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from apkaudit.analysis.flows.labels import (
    EXTERNAL,
    NO_LABELS,
    ActionTarget,
    ClassConst,
    External,
    FieldValue,
    Instance,
    KeyedRead,
    KeyedWrite,
    Label,
    Labels,
    OutParam,
    Param,
    ReadThrough,
    Returned,
    ReturnedTyped,
    SinkObject,
    StoreWriter,
    Target,
    Url,
    data_of,
    urls_of,
)
from apkaudit.analysis.flows.messenger import messengers
from apkaudit.analysis.flows.models import (
    CHANGED_KEY,
    COMPONENT,
    INTENT,
    PROVIDER,
    Sink,
    changed_keys,
    dispatch,
    keyed_by_helpers,
    no_data,
    param_types,
    positional,
    positional_regs,
    selected,
    selectors,
    store_of,
)
from apkaudit.analysis.flows.ops import WRITES_A
from apkaudit.analysis.flows.rare import RareLabels
from apkaudit.analysis.flows.receivers import param_at
from apkaudit.analysis.flows.results import RESULT_INTENT, result_activity, startable_by_others
from apkaudit.analysis.flows.summary import Leak, Summary
from apkaudit.analysis.program import split_signature
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.file import DexFile
from apkaudit.dex.items import MethodRef

if TYPE_CHECKING:
    from apkaudit.analysis.flows.engine import FlowAnalysis
    from apkaudit.analysis.flows.implicit import State

ACC_NATIVE = 0x0100  # a native method: data passed to it is reported, not followed


class Call(NamedTuple):
    """One invoke: the instruction, the reference it calls, its argument labels and their union."""

    op: Op
    ref: MethodRef
    sig: str
    args: list[Labels]
    static: bool
    incoming: Labels
    serialiser: bool = False  # writes the fields of the objects it is given (FlowAnalysis.serialiser)


class CallsMixin:
    """The invoke handlers of the interpreter (interpreter.py), by kind of callee."""

    flows: FlowAnalysis
    summary: Summary
    method: str
    depth: int
    at: int
    keyed_here: dict[Label, Label]
    this_reg: int | None
    consts: dict[int, str]
    params: list[tuple[int, int]]
    code: Method
    dex: DexFile
    rare: RareLabels

    def _receiver_classes(self, reg: int) -> list[str]:
        raise NotImplementedError

    def _exact_class(self, reg: int, state: State) -> str | None:
        raise NotImplementedError

    def _returned(self, target: str, regs: list[int | None], static: bool, state: State) -> Label:
        """What a call of `target` returns here: ReturnedTyped when an argument is an object made here of an app
        class with app superclasses (the override a virtual call on that parameter runs is known), else
        Returned."""
        for i, reg in enumerate(regs):
            if reg is None or (i == 0 and not static):
                continue
            cls = self._exact_class(reg, state)
            if cls is not None and self.flows.program.is_app_class(cls) and self.flows.program.app_ancestors(cls):
                label = ReturnedTyped(target, i, cls)
                self.summary.typed.add(label)
                return label
        return Returned(target)

    def _service_call(self, call: Call, endpoint: str, state: State) -> None:
        """A Retrofit service method: the proxy sends its arguments; what it returns (a Call, an Observable, the
        response of a suspend function) continues this request (Call.execute is not a second one)."""
        incoming = call.incoming
        if data_of(incoming):
            # the service's own endpoint, not the base URL that travelled with the proxy object
            self._leak(call.op, call.sig, "network", data_of(incoming) | {Url(endpoint)})
        state[-1] = frozenset(
            {x for x in incoming if not isinstance(x, SinkObject)} | {SinkObject(call.sig, "network")}
        )

    def _sink_call(self, call: Call, sink: Sink, result: set[Label], state: State) -> None:
        op, args, incoming = call.op, call.args, call.incoming
        if sink.receiver_only and args and not call.static:
            incoming = args[0]  # Call.enqueue(callback): the callback gets the response, it is not sent
        # a sink called on what an earlier sink of the same kind returned (Call.execute on newCall's
        # Call, a stream's write) continues that transmission rather than starting another
        continues = (
            bool(args)
            and not call.static
            and any(isinstance(x, SinkObject) and x.kind == sink.kind for x in self.rare.of(args[0]))
            and data_of(incoming) <= data_of(args[0])
        )
        if data_of(incoming) and not continues:
            if sink.delivers:
                self._deliver(call, sink)
            elif sink.to_caller:
                self._result(call, sink)
            else:
                self._leak(op, call.sig, sink.kind, incoming)
        # the object a sink returns (a connection's stream) is that sink's alone: what it writes is sent by
        # this sink, not once more by every sink whose object it came from
        result |= {x for x in incoming if not isinstance(x, SinkObject)} | {SinkObject(call.sig, sink.kind)}
        if not call.static and args:
            self._store(args[0], data_of(incoming))
        self._models(call, state, result)

    def _deliver(self, call: Call, sink: Sink) -> None:
        """An Intent handed to the system: to the app's own components it names (followed there), or out of the
        app. A class the manifest does not declare is never started (the system throws), so an Intent naming
        only such classes goes nowhere. An action the app declares is the app's own when the sink starts one
        component (an activity); a broadcast reaches every receiver of the action, other apps' too."""
        incoming = call.incoming
        named = frozenset(x.component for x in incoming if isinstance(x, Target))
        explicit = self.flows.declared(named)
        by_action = frozenset(x.component for x in incoming if isinstance(x, ActionTarget))
        external = EXTERNAL in incoming or (bool(by_action) and not sink.resolves_one)
        if named and not (explicit or by_action or external):
            return  # only classes the manifest does not declare: nothing runs
        if (explicit or by_action) and not external:
            # an Intent naming the app's own components on every path: the data stays in the app
            self.summary.handoffs.append((data_of(incoming), explicit | by_action))
        else:
            self._leak(call.op, call.sig, sink.kind, incoming, explicit | by_action)

    def _result(self, call: Call, sink: Sink) -> None:
        """An activity's result Intent (setResult) goes to whoever started it for a result: another app only when
        the activity is one other apps can start (results.py)."""
        activity = result_activity(self.flows, self.method, call.ref.class_name, call.op.regs, self.this_reg)
        intent = call.args[-1]  # setResult(code, Intent): the receiver and the code carry nothing to the caller
        if activity is None or not data_of(intent):
            return
        if startable_by_others(self.flows, activity):
            self._leak(call.op, call.sig, sink.kind, intent)
        else:  # only the app starts it: the result comes back to its own onActivityResult
            for target in self.flows.result_receivers(activity):
                self.summary.calls.append((target, RESULT_INTENT, data_of(intent)))

    def _app_call(self, call: Call, implementations: list[str], result: set[Label], state: State) -> None:
        """The app methods the call may run get the arguments; what they return from them comes back here."""
        ref, incoming = call.ref, call.incoming
        self.keyed_here = {}
        params = positional(call.args, ref.proto, call.static)
        regs = positional_regs(call.op.regs, ref.proto, call.static)
        for target in implementations:
            tdef = self.flows.program.method(target)
            if tdef is not None and tdef.access_flags & ACC_NATIVE:
                if data_of(incoming):
                    self._leak(call.op, target, "native", incoming)
                continue
            result.add(self._returned(target, regs, call.static, state))
            for i, labels in enumerate(params):
                if labels:
                    self.summary.calls.append((target, i, data_of(labels) | urls_of(labels)))
            for i, reg in enumerate(regs):
                if reg is not None and reg != self.this_reg:
                    state[reg] = state.get(reg, NO_LABELS) | {OutParam(target, i)}
            # What the callee hands back from its own parameters is applied here, at this call, so the
            # data returns to this caller only (not to every caller of the callee).
            makes_intent = ref.proto.endswith(")" + INTENT) or ref.proto.endswith(")" + COMPONENT)
            # a store helper reads under the key this caller names, given data or not (storehelpers.py)
            wanted = data_of(incoming) or makes_intent or self.flows.readers.is_helper(target)
            callee = self.flows.callee_summary(target, self.depth + 1) if wanted else None
            if callee is None:
                if data_of(incoming):  # recursion or budget: assume the data comes back, and whatever the
                    result |= incoming | self._reads(call.op.offset, incoming)  # callee may read through it
                continue
            self._apply(callee, target, params, regs, result, state, call.op.offset)

    def _reflected_call(self, call: Call, targets: list[tuple[str, bool]], result: set[Label]) -> None:
        """Method.invoke(obj, args) of app methods named by constants (reflection.py): `obj` is `this`, every
        parameter may get any element of `args`; the return value comes back as from a direct call."""
        receiver = call.args[1] if len(call.args) > 1 else NO_LABELS
        elements = call.args[2] if len(call.args) > 2 else NO_LABELS
        for target, is_static in targets:
            n = len(param_types(target[target.index("(") :]))
            params = ([] if is_static else [receiver]) + [elements] * n
            result.add(Returned(target))
            for i, labels in enumerate(params):
                if data_of(labels) or urls_of(labels):
                    self.summary.calls.append((target, i, data_of(labels) | urls_of(labels)))
            callee = self.flows.callee_summary(target, self.depth + 1) if data_of(call.incoming) else None
            if callee is None:
                result |= data_of(call.incoming)
                continue
            self._apply(callee, target, params, [None] * len(params), result, {}, call.op.offset)

    def _apply(
        self,
        callee: Summary,
        target: str,
        params: list[Labels],
        regs: list[int | None],
        result: set[Label],
        state: State,
        offset: int,
    ) -> None:
        """A callee's summary at this call: its parameters returned or written into the caller's objects, and what
        it read through an address this caller gave it (a helper that queries the URI it is passed)."""
        # an Intent made by an app factory method (MyService.intent(ctx)) names what it named there
        result |= {label for label in callee.ret if isinstance(label, (Target, ActionTarget, External))}
        for label in callee.ret:
            if isinstance(label, Param) and label.method == target and label.index < len(params):
                result |= params[label.index]
        result |= self._read_at_call(callee, target, callee.ret, params, offset)
        keyed = self._keyed_at_call(callee, target, params, regs, offset) if callee.keyed or callee.keyed_made else {}
        self.keyed_here = keyed  # (a constructor's: what it stored in `this` from its reads, heap.py)
        result |= {keyed[x] for x in callee.ret if x in keyed}
        for j, outs in callee.outs.items():
            out_reg = regs[j] if j < len(regs) else None
            if out_reg is not None and out_reg != self.this_reg:
                for label in outs:
                    if isinstance(label, Param) and label.method == target and label.index < len(params):
                        state[out_reg] = state.get(out_reg, NO_LABELS) | params[label.index]
                    elif label in keyed:
                        state[out_reg] = state.get(out_reg, NO_LABELS) | {keyed[label]}
                read = self._read_at_call(callee, target, outs, params, offset)
                if read:
                    state[out_reg] = state.get(out_reg, NO_LABELS) | read

    def _read_at_call(
        self, callee: Summary, target: str, labels: Iterable[Label], params: list[Labels], offset: int
    ) -> frozenset[ReadThrough]:
        """The callee's reads among `labels` made through addresses in its parameters, made again at this call: so
        what a helper queries returns to the caller that gave it the URI, not to every caller of the helper."""
        address: set[Label] = set()
        for label in labels:
            if isinstance(label, ReadThrough) and label.method == target and label.given:
                for p in callee.reads.get(label, ()):
                    if isinstance(p, Param) and p.method == target and p.index < len(params):
                        address |= params[p.index]
        return self._reads(offset, frozenset(address))

    def _reads(self, offset: int, address: Labels) -> frozenset[ReadThrough]:
        """What a read at `offset` through `address` gives: one label for the part of the address that came in this
        method's parameters (each caller makes that read again), one for the rest; none without data."""
        data = data_of(address)
        own = frozenset(x for x in data if isinstance(x, Param) and x.method == self.method)
        out = []
        for given, part in ((True, own), (False, data - own)):
            if part:
                label = ReadThrough(self.method, offset, given)
                self.summary.reads[label] |= part
                out.append(label)
        return frozenset(out)

    def _library_call(self, call: Call, result: set[Label], state: State) -> None:
        """A library or framework method: its result and receiver get the arguments' labels; a stream a sink
        returned sends what is written into it."""
        op, args, ref = call.op, call.args, call.ref
        if ref.class_name in selectors():  # returns one of the values it is given, keeps nothing (protobuf's Visitor)
            result |= selected(args, ref.proto, call.static)
            return
        if ref.name + ref.proto in no_data():  # getClass(): the value's type, none of its data
            result |= {x for x in call.incoming if isinstance(x, (ClassConst, Instance))}
            return
        read = self._read_through(call)
        into_receiver = not call.static and (ref.name == "<init>" or ref.proto.endswith(")V"))
        if not into_receiver:
            result |= read
        result |= call.incoming
        if not call.static and op.regs and op.regs[0] != self.this_reg:
            receiver = args[0]
            rest = NO_LABELS.union(*args[1:]) if len(args) > 1 else NO_LABELS
            sink_objects = self._sink_objects(receiver)
            if sink_objects and data_of(rest):
                k = min(sink_objects)  # one leak per instruction
                self._leak(op, k.sink, k.kind, rest | receiver)
            elif call.serialiser:  # message.writeTo(stream): the object's fields go into the stream
                self._serialised_into(call)
                rest = frozenset(x for x in rest if not isinstance(x, SinkObject))  # (the message is no stream)
            self._store(receiver, data_of(rest))
            if rest:
                state[op.regs[0]] = made = receiver | rest
                self.rare.union(made, receiver, rest)
            if ref.name.startswith("read") and receiver:
                # InputStream.read(byte[]), Reader.read(char[]): the stream fills the array it is given
                for reg, t in zip(op.regs[1:], param_types(ref.proto), strict=False):
                    if t.startswith("["):
                        state[reg] = state.get(reg, NO_LABELS) | receiver
        if read and into_receiver and op.regs:  # new CursorLoader(context, uri, ...), loader.setUri(uri)
            state[op.regs[0]] = state.get(op.regs[0], NO_LABELS) | read
        self._models(call, state, result)

    def _read_through(self, call: Call) -> frozenset[ReadThrough]:
        """A call that reads through an address it is given (a resolver's content URI, a settings name: the
        engine's `reads_through`): what it reads, when the address carries data labels."""
        positions = self.flows.reads_through(call.sig)
        if positions is None:
            return frozenset()
        params = positional(call.args, call.ref.proto, call.static)
        first = 0 if call.static else 1
        address = NO_LABELS.union(*(params[p + first] for p in positions if p + first < len(params)))
        return self._reads(call.op.offset, address)

    def _serialised_into(self, call: Call) -> None:
        """A serialiser writes the object into a stream it is given (protobuf's writeTo(OutputStream), Gson's
        toJson(Object, Appendable)): a leak when the stream is a sink's and the other arguments hold data."""
        for i, arg in enumerate(call.args[1:], start=1):
            sink_objects = self._sink_objects(arg)
            written = data_of(NO_LABELS.union(*(a for j, a in enumerate(call.args) if j != i)))
            if sink_objects and written:
                k = min(sink_objects)
                self._leak(call.op, k.sink, k.kind, written | arg)
                return

    def _sink_objects(self, labels: Labels) -> list[SinkObject]:
        """The streams and connections of sinks among these labels (a write into one is sent)."""
        return [x for x in self.rare.of(labels) if isinstance(x, SinkObject)]

    def _models(self, call: Call, state: State, result: set[Label]) -> None:
        """App stores by key (catalogs/dispatch.yaml stores), and framework calls that run app callbacks with
        the arguments (catalogs/dispatch.yaml entries)."""
        regs = call.op.regs
        store = store_of(call.sig)
        key = None
        given = None
        if store is not None and len(regs) >= store.registers():
            name = self._store_key(regs[store.key], store.store, call.op.offset)
            key = f"{store.store}:{name}" if name is not None else None
            if name == "*" and keyed_by_helpers(store.store):
                given = self._given_key(regs[store.key])
        if store is not None and key is not None:
            if store.role == "writer":
                result.add(StoreWriter(key))
            elif given is not None:  # a helper's key: each caller reads or writes the key it names (_apply)
                if store.role == "get":
                    read = KeyedRead(self.method, store.store, given)
                    self.summary.keyed_made.add(read)
                    result.add(read)
                elif store.value is not None:
                    self.summary.keyed[(store.store, given)] |= data_of(call.args[store.value])
            elif store.role == "get":
                result.add(FieldValue(key))
            elif store.value is not None:
                self.summary.fields[key] |= data_of(call.args[store.value])
        self._messenger(call)
        hooks = dispatch()
        hook = next((hooks[f] for f in self.flows.framework_refs(call.sig) if f in hooks), None)
        if hook is not None and regs:
            name, arg = hook
            if arg < len(call.args) and data_of(call.args[arg]):
                for cls in self._receiver_classes(regs[0]):
                    for m in self.flows.program.methods(cls):
                        if m.name == name and not m.is_static:
                            self.summary.calls.append((m.signature, 1, data_of(call.args[arg])))

    def _messenger(self, call: Call) -> None:
        """Messenger.send(msg): the message reaches handleMessage of the app's Handlers wrapped in a Messenger."""
        model = messengers().get(call.sig)
        if model is None or model.argument >= len(call.args) or not data_of(call.args[model.argument]):
            return
        for target in self.flows.messenger_handlers(model.wraps, model.callback):
            self.summary.calls.append((target, 1, data_of(call.args[model.argument])))

    def _store_key(self, reg: int, store: str, offset: int = 0) -> str | None:
        """The key a store call names: a string constant, the changed key a registered change listener was
        called with (CHANGED_KEY: whatever the app wrote under any key), else '*'. An app provider's table for a
        content URI of the app's own (providers.py); None (no store) for any other URI."""
        if store == PROVIDER:
            return self.flows.providers.table(self.dex, self.code, reg, offset)
        if reg in self.consts:
            return self.consts[reg]
        _, name, proto = split_signature(self.method)
        listener = changed_keys().get((name, proto))
        if (
            listener is not None
            and listener.store == store
            and (reg, listener.key) in self.params
            and not any(op.regs and op.opcode in WRITES_A and op.regs[0] == reg for op in self.code.ops)
            and self.flows.registered(listener.registered_by)
        ):
            return CHANGED_KEY
        return "*"

    def _given_key(self, reg: int) -> int | None:
        """The parameter a store key in `reg` still is at the op interpreted (receivers.param_at): a helper such
        as SpUtil.getString(context, key) reads or writes the key each of its callers names."""
        return param_at(self.code, reg, self.at, self.this_reg is None, split_signature(self.method)[2])

    def _keyed_at_call(
        self, callee: Summary, target: str, params: list[Labels], regs: list[int | None], offset: int
    ) -> dict[Label, Label]:
        """A helper's reads and writes under a key its caller names, at this call: under the key this method names
        there (a constant, or '*'), or under its own parameter when it hands on one it was given. Returns what
        each of the helper's reads is here, for its return value, out-parameters and constructed object."""
        reads: dict[Label, Label] = {}
        for label in callee.keyed_made:
            where = self._key_at_call(label.store, regs, label.index, offset)
            here: Label
            if isinstance(where, int):
                own = KeyedRead(self.method, label.store, where)
                self.summary.keyed_made.add(own)
                here = own
            else:
                here = FieldValue(where)
            reads[label] = here
            self.summary.keyed_reads[label].add(here)  # the search goes on into the helper's own uses of it
        for (store, index), written in callee.keyed.items():
            value: set[Label] = set()
            for x in written:
                if isinstance(x, Param) and x.method == target:
                    value |= data_of(params[x.index]) if x.index < len(params) else NO_LABELS
                elif x in reads:  # what it read under a key and writes back: the read this call made
                    value.add(reads[x])
                else:  # what it wrote of its own: found from its labels (engine._index_calls)
                    value.add(KeyedWrite(target, store, index))
            if value:
                where = self._key_at_call(store, regs, index, offset)
                if isinstance(where, int):
                    self.summary.keyed[(store, where)] |= value
                else:
                    self.summary.fields[where] |= value
        return reads

    def _key_at_call(self, store: str, regs: list[int | None], index: int, offset: int) -> str | int:
        """The pseudo-field `<store>:<key>` of the key argument `index` of a call, or the position of this method's
        parameter it hands on unchanged."""
        reg = regs[index] if index < len(regs) else None
        if reg is None:
            return f"{store}:*"
        name = self._store_key(reg, store, offset)
        if name == "*":
            given = self._given_key(reg)
            if given is not None:
                return given
        return f"{store}:{name}"

    def _store(self, receiver: Labels, data: Labels) -> None:
        """Data written into a store writer (a file opened by name) is kept under the store's name."""
        if data:
            for w in self.rare.of(receiver):
                if isinstance(w, StoreWriter):
                    self.summary.fields[w.store] |= data

    def _leak(self, op: Op, sink: str, kind: str, labels: Labels, targets: frozenset[str] = frozenset()) -> None:
        endpoints = frozenset(x.url for x in labels if isinstance(x, Url))
        self.summary.leaks.append(Leak(self.method, op.offset, sink, kind, data_of(labels), endpoints, targets))
