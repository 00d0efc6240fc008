"""The per-method data flow: a forward worklist over one method's control-flow graph, register -> labels.

Each instruction moves, joins or replaces the labels of the registers it reads and writes (`_HANDLERS`); an
invoke is handled by the kind of method it calls: a Retrofit service method, a catalogue sink, the app's own
methods (their summaries applied at the call), a reflective call, or a library or framework method (its
models in models.py). Implicit flows (values computed under a branch on the data) are tracked by implicit.py.
"""

from __future__ import annotations

from collections.abc import Callable
from heapq import heappop, heappush
from typing import TYPE_CHECKING

from apkaudit.analysis.endpoint import ENDPOINT_URL
from apkaudit.analysis.flows.bodies import note_body_urls, written_sink
from apkaudit.analysis.flows.branches import DECISIONS, constant_return, infeasible
from apkaudit.analysis.flows.calls import Call, CallsMixin
from apkaudit.analysis.flows.constants import KnownConstants, int_constant
from apkaudit.analysis.flows.exceptions import CatchStates
from apkaudit.analysis.flows.heap import LocalHeap
from apkaudit.analysis.flows.implicit import ImplicitFlows, State
from apkaudit.analysis.flows.labels import (
    NO_LABELS,
    ActionTarget,
    ClassConst,
    Delivered,
    FieldValue,
    Instance,
    Label,
    Labels,
    Param,
    Returned,
    SourceValue,
    Thrown,
    Url,
    data_of,
    urls_of,
)
from apkaudit.analysis.flows.localmaps import LocalMaps
from apkaudit.analysis.flows.models import (
    COMPONENT,
    INTENT,
    NO_VALUE,
    IntentCall,
    base_setters,
    intent_targets,
    param_types,
    positional,
    reflective,
)
from apkaudit.analysis.flows.objects import ALIASING, ObjectsMixin, inherited_names
from apkaudit.analysis.flows.ops import (
    ARRAY_GETS,
    ARRAY_PUTS,
    BINARY,
    BINARY_2ADDR,
    BINARY_LITERAL,
    CALLS,
    COMPARES,
    COPIES,
    CUSTOM_CALLS,
    FILLED_ARRAYS,
    FRESH_VALUES,
    INT_CONSTS,
    MOVE_RESULTS,
    MOVES,
    REPLACES_A,
    RETURNS,
    STATIC_CALLS,
    STRING_CONSTS,
    UNARY,
)
from apkaudit.analysis.flows.rare import RareLabels
from apkaudit.analysis.flows.receivers import DISPATCHED, receiver_type, resolve
from apkaudit.analysis.flows.reflection import (
    ConstantFields,
    reflected_sources,
    reflective_facts,
    reflective_targets,
)
from apkaudit.analysis.flows.strong import BEFORE_FIRST, FieldSlots
from apkaudit.analysis.flows.summary import Summary
from apkaudit.analysis.owners import is_library
from apkaudit.analysis.program import split_signature
from apkaudit.dex.decoder import Method, Op
from apkaudit.dex.file import DexFile
from apkaudit.dex.items import MethodRef
from apkaudit.dex.opcodes import (
    CONST_CLASS,
    FIELD_GETS,
    FIELD_PUTS,
    MOVE_EXCEPTION,
    NEW_INSTANCE,
    THROW,
)

if TYPE_CHECKING:
    from apkaudit.analysis.flows.engine import FlowAnalysis

_URL = ENDPOINT_URL
_REFLECTIVE_NAMES = frozenset({"forName", "getClass", "getMethod", "getDeclaredMethod", "newInstance", "getName"})
_THROWN = -2  # pseudo-register: what the method threw, for move-exception in its handlers


class Interpreter(CallsMixin, ObjectsMixin):
    """Forward data-flow over one method's CFG: register -> labels, joined by union at block entries."""

    def __init__(
        self, flows: FlowAnalysis, method: str, dex: DexFile, code: Method, is_static: bool, depth: int = 0
    ) -> None:
        self.flows = flows
        self.depth = depth
        self.method = method
        self.dex = dex
        self.code = code
        self.summary = Summary()
        self.rare = RareLabels()  # sink objects, stores, instances and URLs in a label set (rare.py)
        self.params = self._param_registers(is_static)
        self.this_reg = None if is_static else code.registers - code.ins
        # register -> string constant (store keys, class names) and int constant (resource ids) where the
        # interpreter is: set at each block's start from every path's constants (constants.py), then op by op
        self.consts: dict[int, str] = {}
        self.ints: dict[int, int] = {}
        self.known: KnownConstants | None = None
        self.named = ConstantFields()  # class and method names kept in fields (reflection.py)
        # register -> where the object in it came from, for aliases (objects.py; flow-insensitive)
        self.origins: dict[int, tuple[str, str | int]] = {
            reg: ("param", pos) for reg, pos in self.params if reg != self.this_reg
        }
        first = not is_static and flows.first_callback(method)  # Activity.onCreate... (strong.py)
        self.slots = FieldSlots(code, dex, self.this_reg, first)  # fields overwritten in this method (strong.py)
        self.maps = LocalMaps(code, dex)  # maps kept to the method, read by constant keys (localmaps.py)
        program = flows.program
        self.heap = LocalHeap(code, dex, lambda c: program.is_app_class(c) and not is_library(c), self.slots)
        if self.this_reg is not None and method.partition("->")[2].startswith("<init>("):
            self.heap.constructor(self.this_reg)  # `this` is an object made for this call (heap.py)
        self.at = 0  # index of the op being interpreted
        self._narrowed: dict[int, list[str] | None] = {}  # call offset -> the overrides its receiver's class runs
        self.keyed_here: dict[Label, Label] = {}  # the last app call's store-helper reads, as this method made them
        self.unconditional: set[Label] = set()  # Returned labels of calls not dispatched on a parameter
        # what each exception handler gets (exceptions.py); no closure over the interpreter, which would make a
        # reference cycle and keep every interpreter, its states and the engine until a pass of the collector
        self.catch = CatchStates(code, dex, self.slots.owners, self.heap.safe)
        self.read: frozenset[Label] | None = None  # what a read of a heap site gives (heap.py)

    def _param_registers(self, is_static: bool) -> list[tuple[int, int]]:
        """[(register, parameter position)], position 0 = this for instance methods."""
        _, _, proto = split_signature(self.method)
        params = param_types(proto)
        reg = self.code.registers - self.code.ins
        out = []
        pos = 0
        if not is_static:
            out.append((reg, 0))
            reg += 1
            pos = 1
        for t in params:
            out.append((reg, pos))
            reg += 2 if t in ("J", "D") else 1
            pos += 1
        return out

    # -- the worklist ------------------------------------------------------------------------------------

    def run(self) -> Summary:
        code = self.code
        if not code.blocks:
            return self.summary
        implicit = ImplicitFlows(code)
        dead = self._dead_edges()
        self.known = KnownConstants(code, self.dex, dead)
        states: list[State | None] = [None] * len(code.blocks)
        states[0] = self._entry()
        # blocks taken in reverse postorder (a block after the blocks that lead to it, but for loops' back
        # edges): a loop's body is finished before its exit is visited, where first-in-first-out order
        # visited the exit's successors once per round of the loop (7x more visits on X5's loaders)
        rank = code.order
        work = [(0, 0)]  # a heap of (rank, block)
        queued = {0}
        rounds = 0
        while work and rounds < 30 * len(code.blocks) + 50:
            rounds += 1
            b = heappop(work)[1]
            queued.discard(b)
            state = self._block(b, dict(states[b] or {}), implicit)
            for y in implicit.branch(b, state):  # values assigned under this branch now carry its condition
                if y not in queued and states[y] is not None:
                    heappush(work, (rank[y], y))
                    queued.add(y)
            for succ, out in self.catch.edges(b, state):
                if (b, succ) in dead:  # a branch that cannot be taken (branches.py)
                    continue
                if _merge(states, succ, out) and succ not in queued:
                    heappush(work, (rank[succ], succ))
                    queued.add(succ)
        if self.heap.this_reg is not None:
            self.summary.this_fields = self.heap.this_fields()
        return self.summary

    def _dead_edges(self) -> set[tuple[int, int]]:
        if not any(self.code.ops[e - 1].opcode in DECISIONS for _, e in self.code.blocks):
            return set()
        mdef = self.flows.program.method(self.method)
        if mdef is None or not mdef.code_off:
            return set()
        program = self.flows.program

        def constant(sig: str) -> int | None:
            cls = sig.partition("->")[0]
            if not sig.endswith((")I", ")Z", ")B", ")S", ")C")) or not program.is_app_class(cls):
                return None
            return constant_return(program, self.flows.implementations(sig))

        return infeasible(self.code, self.dex, mdef.code_off, constant)

    def _entry(self) -> State:
        entry: State = {}
        callback = self.flows.callbacks.get(self.method)
        for reg, pos in self.params:
            labels: set[Label] = {Param(self.method, pos), *written_sink(self.flows, self.method, pos)}
            if callback and callback[0] == pos:
                labels.add(SourceValue((self.method, callback[1])))
            entry[reg] = frozenset(labels)
        self.slots.entry(entry)
        self.heap.start(entry, [reg for reg, _ in self.params])
        return entry

    def _block(self, b: int, state: State, implicit: ImplicitFlows) -> State:
        start, end = self.code.blocks[b]
        under = implicit.under(b)
        step = self._step
        ops = self.code.ops
        catch = self.catch
        catch.enter(b)
        self._constants_at(b)
        for at in range(start, end):
            op = ops[at]
            self.at = at
            catch.before(op, state, at)
            step(op, state)
            catch.after(state)
            if under:
                implicit.taint(op, state, under)
        return state

    def _constants_at(self, b: int) -> None:
        """The register constants that hold at the start of block `b` on every path there."""
        self.consts = {}
        self.ints = {}
        if self.known is None:
            return
        for r, value in self.known.at_entry(b).items():
            if isinstance(value, int):
                self.ints[r] = value
            elif isinstance(value, str):
                self.consts[r] = value
            else:  # the value of a field: a constant if the method wrote one into it (reflection.py)
                text = self.named.get(value[1])[0]
                if text is not None:
                    self.consts[r] = text

    # -- one instruction ---------------------------------------------------------------------------------

    def _step(self, op: Op, state: State) -> None:
        o = op.opcode
        if op.regs and o in REPLACES_A:  # a register written
            self.consts.pop(op.regs[0], None)  # its constants go
            self.ints.pop(op.regs[0], None)
            self.origins.pop(op.regs[0], None)
        self.read = self.heap.step(op, state, self.at, self._returns) if self.heap.kinds else None
        handler = _HANDLERS[o]
        if handler is not None:
            handler(self, op, state)
        if o in ALIASING:
            self._origin(op, None)

    def _move(self, op: Op, state: State) -> None:
        state[op.regs[0]] = state.get(op.regs[1], NO_LABELS)

    def _move_result(self, op: Op, state: State) -> None:
        state[op.regs[0]] = state.pop(-1, NO_LABELS)

    def _clear(self, op: Op, state: State) -> None:
        state[op.regs[0]] = NO_LABELS

    def _return(self, op: Op, state: State) -> None:
        self.summary.ret |= state.get(op.regs[0], NO_LABELS)
        self._request_return(op, state)

    def _throw(self, op: Op, state: State) -> None:  # the handler that catches it gets the exception
        state[_THROWN] = state.get(_THROWN, NO_LABELS) | state.get(op.regs[0], NO_LABELS)
        if not self.catch.caught:  # out of the method: to the handlers around its calls (Thrown)
            self.summary.thrown |= data_of(state.get(op.regs[0], NO_LABELS))

    def _move_exception(self, op: Op, state: State) -> None:
        state[op.regs[0]] = state.get(_THROWN, NO_LABELS)

    def _fresh(self, op: Op, state: State) -> None:
        """Constants, X.class, new-instance, new-array: no data; an int constant may be a resource id."""
        o, r = op.opcode, op.regs
        state[r[0]] = NO_LABELS
        self.consts.pop(r[0], None)
        if o == CONST_CLASS and op.index is not None and self.flows.program.is_app_class(self.dex.type_name(op.index)):
            state[r[0]] = frozenset({ClassConst(self.dex.type_name(op.index))})  # X.class of an app class
        elif o == NEW_INSTANCE and op.index is not None:
            made = self.dex.type_name(op.index)
            if self.flows.program.is_app_class(made):
                state[r[0]] = frozenset({Instance(made)})  # an app object made here
        if o in INT_CONSTS and op.literal is not None:  # const/16, const, const/high16: maybe R.string.x
            self.ints[r[0]] = int_constant(o, op.literal)
        else:
            self.ints.pop(r[0], None)

    def _const_string(self, op: Op, state: State) -> None:
        assert op.index is not None
        text = self.dex.string(op.index)
        labels: set[Label] = set()
        if _URL.match(text):
            labels.add(Url(text))
        if text in self.flows.private_actions:  # an action of the app's own (models.intent_targets)
            labels |= {ActionTarget(c) for c in self.flows.intent_actions[text]}
        api = self.flows.sources.get(self.method, {}).get(("string", op.index))
        if api is not None:
            labels.add(SourceValue((self.method, api)))
        state[op.regs[0]] = frozenset(labels)
        self.consts[op.regs[0]] = text

    def _unary(self, op: Op, state: State) -> None:  # also instance-of, array-length, aget, binop/lit
        state[op.regs[0]] = state.get(op.regs[1], NO_LABELS)

    def _aget(self, op: Op, state: State) -> None:  # an element of an array made here, by its index (heap.py)
        state[op.regs[0]] = self.read if self.read is not None else state.get(op.regs[1], NO_LABELS)

    def _binary(self, op: Op, state: State) -> None:
        state[op.regs[0]] = state.get(op.regs[1], NO_LABELS) | state.get(op.regs[2], NO_LABELS)

    def _binary_2addr(self, op: Op, state: State) -> None:
        state[op.regs[0]] = state.get(op.regs[0], NO_LABELS) | state.get(op.regs[1], NO_LABELS)

    def _gather(self, op: Op, state: State) -> None:  # filled-new-array, invoke-custom (a lambda's captures)
        state[-1] = NO_LABELS.union(*(state.get(x, NO_LABELS) for x in op.regs))

    def _aput(self, op: Op, state: State) -> None:  # the array (and the field or array it is in) absorbs the value
        r = op.regs
        value = state.get(r[0], NO_LABELS)
        state[r[1]] = state.get(r[1], NO_LABELS) | value
        self._absorb(r[1], data_of(value), state)

    def _field_get(self, op: Op, state: State) -> None:
        assert op.index is not None
        f = self.dex.field_ref(op.index).signature
        slot = self.read if self.read is not None else self.slots.get(op, self.dex, state)
        labels: set[Label] = set(slot) if slot is not None else {FieldValue(f)}
        if FieldValue(f) in labels or FieldValue(f + BEFORE_FIRST) in labels:
            labels |= self.flows.field_urls(f)
        api = self.flows.sources.get(self.method, {}).get(("field", op.index))
        if api is not None:
            labels.add(SourceValue((self.method, api)))
        if len(op.regs) > 1 and not self.flows.program.is_app_class(f.partition("->")[0]):
            labels |= data_of(state.get(op.regs[1], NO_LABELS))  # a framework object's field (PackageInfo.packageName)
        text, named = self.named.get(f)
        labels |= named
        state[op.regs[0]] = frozenset(labels)
        if text is not None:
            self.consts[op.regs[0]] = text
        self._origin(op, f)

    def _field_put(self, op: Op, state: State) -> None:
        assert op.index is not None
        f = self.dex.field_ref(op.index).signature
        value = state.get(op.regs[0], NO_LABELS)
        self.summary.fields[f] |= data_of(value) | urls_of(value)
        self.slots.put(op, self.dex, value, state)
        if data_of(value):
            for other in inherited_names(self.flows.program, f):
                self.summary.fields[other] |= data_of(value)
        self.named.put(f, self.consts.get(op.regs[0]), value)

    # -- invokes ----------------------------------------------------------------------------------------

    def _invoke(self, op: Op, state: State) -> None:
        assert op.index is not None
        ref = self.dex.method_ref(op.index)
        sig = ref.signature
        static = op.opcode in STATIC_CALLS
        result = self._call_facts(op, ref, static, state)
        args = [state.get(x, NO_LABELS) for x in op.regs]
        serialiser = self.flows.serialiser(sig)
        if serialiser:  # Gson.toJson(bean), message.toByteArray(): what the object's fields hold
            args = [self._object_fields(a) for a in args]
        self._request_url(ref, args)
        if self.flows.posts_bodies:  # a RequestBody subclass posted with a URL (bodies.py)
            note_body_urls(self.flows, [self.rare.of(a) for a in args])
        if sig in base_setters() and len(args) >= 2:
            self.flows.endpoints.base_args[self.method] |= {x.url for x in args[1] if isinstance(x, Url)}
        sink = self.flows.sink_for(ref.class_name, ref.name, ref.proto)
        incoming = NO_LABELS.union(*args) if args else NO_LABELS
        self.rare.union(incoming, *args)
        service = self.flows.endpoints.service_call(sig) if sink is None else None
        call = Call(op, ref, sig, args, static, incoming, serialiser)
        app = False
        if service is not None:
            self._service_call(call, service[1], state)
            self._heap_call(call, False, state)
            return
        if sink is not None and not sink.carrier:
            self._sink_call(call, sink, result, state)
        elif implementations := self._app_targets(op, ref, sink is None and not serialiser):
            self._dispatched(op, implementations)
            self._app_call(call, implementations, result, state)
            self.slots.forget(state)
            app = True
            if self.catch.caught:  # what the callee throws reaches this block's handlers
                state[_THROWN] = state.get(_THROWN, NO_LABELS) | {Thrown(t) for t in implementations}
        elif sig in reflective() and (
            targets := reflective_targets(self.flows.program, args[0] if args else NO_LABELS)
        ):
            self._reflected_call(call, targets, result)
            app = True
        elif sig in reflective():
            result |= reflected_sources(self.method, self.flows.sources.get(self.method, {}))
            if data_of(incoming):
                self._leak(op, sig, "reflection", incoming)
            result |= incoming
            if len(op.regs) > 2 and data_of(args[2]):  # the object the unknown method runs on may keep its arguments
                state[op.regs[1]] = args[1] | data_of(args[2])
        else:
            self._library_call(call, result, state)
            self._container_call(op, ref, static, state)
        state[-1] = made = frozenset(result)
        self.rare.derived(made, incoming)
        got = self.maps.call(op, state) if op.regs else None
        if got is not None:  # a local map's get by a constant key (localmaps.py)
            state[-1] = got
        self._heap_call(call, app, state)

    def _heap_call(self, call: Call, app: bool, state: State) -> None:
        """The objects made here that the call may change (heap.py), and what their constructors set."""
        if not self.heap.kinds:
            return

        def constructor() -> tuple[str, Summary | None, list[Labels], dict[Label, Label]]:
            args = positional(call.args, call.ref.proto, False)
            return call.sig, self.flows.callee_summary(call.sig, self.depth + 1), args, self.keyed_here

        self.heap.call(call.op, self.at, call.ref, state, app, constructor, self._returns)

    def _returns(self, sig: str) -> int | None:
        """The int constant an app method returns, when its body computes one (branches.py)."""
        if not self.flows.program.is_app_class(sig.partition("->")[0]):
            return None
        return constant_return(self.flows.program, self.flows.implementations(sig))

    def _dispatched(self, op: Op, implementations: list[str]) -> None:
        """Returned labels that come only from virtual calls on one parameter, whichever override runs
        (Summary.dispatched): a caller that made that argument knows which one does."""
        origin = self.origins.get(op.regs[0]) if op.regs else None
        virtual = op.opcode in DISPATCHED and len(implementations) > 1
        on = origin[1] if virtual and origin and origin[0] == "param" else -1
        seen = self.summary.dispatched
        for t in implementations:
            label = Returned(t)
            if label not in self.unconditional and seen.get(label, on) == on and isinstance(on, int) and on >= 0:
                seen[label] = on
            else:
                seen.pop(label, None)
                self.unconditional.add(label)

    def _exact_class(self, reg: int, state: State) -> str | None:
        return self.heap.exact_class(state, reg)

    def _reflective_invoke(self, call: Call, result: set[Label]) -> None:
        """Method.invoke: followed into the app methods named by constants, else the data reaches reflection."""
        targets = reflective_targets(self.flows.program, call.args[0]) if call.args else []
        if targets:
            self._reflected_call(call, targets, result)
            return
        if data_of(call.incoming):
            self._leak(call.op, call.sig, "reflection", call.incoming)
        result |= call.incoming

    def _call_facts(self, op: Op, ref: MethodRef, static: bool, state: State) -> set[Label]:
        """What the call's result is before following any data: a source's value, the component's Intent,
        a URL string resource; and the components an Intent (or ComponentName) it builds names."""
        assert op.index is not None
        result: set[Label] = set()
        api = self.flows.sources.get(self.method, {}).get(("method", op.index))
        if api is not None and not ref.proto.endswith(NO_VALUE):
            result.add(SourceValue((self.method, api)))  # (a registration or a Task hands the data to a callback)
        if ref.class_name in (INTENT, COMPONENT) and not static and op.regs:
            args = [state.get(x, NO_LABELS) for x in op.regs]
            call = IntentCall(ref.class_name, ref.name, ref.proto, op.regs, args)
            flows = self.flows
            found = intent_targets(
                call, self.consts, flows.program.is_app_class, flows.intent_actions, flows.private_actions
            )
            if found:
                state[op.regs[0]] = state.get(op.regs[0], NO_LABELS) | frozenset(found)
        elif ref.name == "getIntent" and ref.proto == "()" + INTENT and op.regs and op.regs[0] == self.this_reg:
            result.add(Delivered(self.method.partition("->")[0]))  # the Intent this component was started with
        if ref.name in _REFLECTIVE_NAMES:  # Class.forName("a.B"), getClass(), getMethod("m"): constant names
            own = self.method.partition("->")[0] if op.regs and op.regs[0] == self.this_reg else None
            args = [state.get(x, NO_LABELS) for x in op.regs]
            consts = [self.consts.get(x) for x in op.regs]
            result |= reflective_facts(self.flows.program, ref.signature, ref.name, args, consts, own)
        if ref.name in ("getString", "getText") and ref.proto.startswith("(I)") and len(op.regs) == 2:
            url = self.flows.resource_urls.get(self.ints.get(op.regs[1], -1))
            if url is not None:  # getString(R.string.api_url): the URL is the resource's value
                result.add(Url(url))
        return result

    def _app_targets(self, op: Op, ref: MethodRef, walk: bool) -> list[str]:
        """App methods the call may run. A catalogue sink is a sink even when the library that implements it is
        bundled in the APK, and bundled libraries (OkHttp, Gson, protobuf, androidx...) are modelled, not walked
        into; so is a serialiser an app class inherits (`walk` False for both)."""
        program = self.flows.program
        if not (walk and program.is_app_class(ref.class_name) and not is_library(ref.class_name)):
            return []
        if op.opcode in DISPATCHED and op.regs:  # the receiver's known class picks the override
            if op.offset in self._narrowed:  # (asked once per call site: the worklist visits loops again and again)
                narrowed = self._narrowed[op.offset]
            else:
                known = receiver_type(program, self.dex, self.code, op.regs[0], op.offset)
                narrowed = resolve(program, known, ref.signature) if known is not None else None
                self._narrowed[op.offset] = narrowed
            if narrowed is not None:
                return narrowed
        return self.flows.implementations(ref.signature)

    def _receiver_classes(self, reg: int) -> list[str]:
        """App classes an object in `reg` may be: those instantiated in this method (a cheap type guess)."""
        found = []
        for op in self.code.ops:
            if op.opcode == NEW_INSTANCE and op.regs and op.regs[0] == reg and op.index is not None:
                name = self.dex.type_name(op.index)
                if self.flows.program.is_app_class(name):
                    found.append(name)
        return found


def _merge(states: list[State | None], succ: int, state: State) -> bool:
    """Join `state` into a successor's entry state; whether it grew."""
    old = states[succ]
    if old is None:
        states[succ] = dict(state)
        return True
    merged: State | None = None  # a copy made at the first change only: most joins at a fixpoint add nothing
    for r, here in state.items():
        cur = old.get(r, NO_LABELS)
        if not here <= cur:
            if merged is None:
                merged = dict(old)
            merged[r] = cur | here
    if merged is None:
        return False
    states[succ] = merged
    return True


Handler = Callable[[Interpreter, Op, State], None]


def _handlers() -> tuple[Handler | None, ...]:
    table: list[Handler | None] = [None] * 256
    groups: list[tuple[frozenset[int] | set[int], Handler]] = [
        (MOVES, Interpreter._move),
        (MOVE_RESULTS, Interpreter._move_result),
        ({MOVE_EXCEPTION}, Interpreter._move_exception),
        ({THROW}, Interpreter._throw),
        (RETURNS, Interpreter._return),
        (FRESH_VALUES, Interpreter._fresh),
        (STRING_CONSTS, Interpreter._const_string),
        (COPIES | UNARY | BINARY_LITERAL, Interpreter._unary),
        (ARRAY_GETS, Interpreter._aget),
        (FILLED_ARRAYS | CUSTOM_CALLS, Interpreter._gather),
        (COMPARES | BINARY, Interpreter._binary),
        (BINARY_2ADDR, Interpreter._binary_2addr),
        (ARRAY_PUTS, Interpreter._aput),
        (FIELD_GETS, Interpreter._field_get),
        (FIELD_PUTS, Interpreter._field_put),
        (CALLS, Interpreter._invoke),
    ]
    for opcodes, handler in groups:
        for o in opcodes:
            assert table[o] is None, hex(o)
            table[o] = handler
    return tuple(table)


_HANDLERS = _handlers()
