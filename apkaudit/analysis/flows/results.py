"""Activity results: which activity's result an Activity.setResult call sets, and who may receive it.

The result Intent goes to the activity that started this one with startActivityForResult. Any app may start an
activity the manifest exports (or gives an intent-filter), so what such an activity puts into its result may
go to another app; a result of an activity only the app can start stays in the app: it reaches the Intent
parameter of onActivityResult in the app's activities that start that activity for a result.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from apkaudit.dex.opcodes import CONST_CLASS

if TYPE_CHECKING:
    from apkaudit.analysis.flows.engine import FlowAnalysis

START_FOR_RESULT = "startActivityForResult"
ON_RESULT = "onActivityResult(IILandroid/content/Intent;)V"
RESULT_INTENT = 3  # onActivityResult(requestCode, resultCode, data): `this` is 0


def result_activity(
    flows: FlowAnalysis, method: str, ref_class: str, regs: Sequence[int], this_reg: int | None
) -> str | None:
    """The app activity class whose result the call sets: the class the reference names (javac records the
    receiver's static type), or the calling method's own class when it calls it on `this`; None when unknown."""
    program = flows.program
    if program.is_app_class(ref_class):
        return ref_class
    own = method.partition("->")[0]
    if regs and this_reg is not None and regs[0] == this_reg and program.is_app_class(own):
        return own
    return None


def startable_by_others(flows: FlowAnalysis, activity: str) -> bool:
    """May another app start this activity class for a result: it, or an app subclass of it (the instance may
    be one), is a component the manifest exports? Unknown components: no."""
    candidates = [activity, *sorted(flows.program.subclasses(activity))]
    return any(flows.exported(c) for c in candidates)


def result_receivers(flows: FlowAnalysis, activity: str) -> list[str]:
    """onActivityResult of the app activities that start `activity` for a result: a method that names the class
    (`X.class`) and calls startActivityForResult on an app activity (javac records the receiver's static type:
    the activity, from a listener too) or on itself."""
    program = flows.program
    starters: set[str] = set()
    for dex in program.dexes:
        type_idx = dex.find_type(activity)
        calls = dex.find_methods_named(START_FOR_RESULT)
        if type_idx is None or not calls:
            continue
        wanted = set(calls)
        for code_off in dex.code_users(methods=calls):
            refs = dex.references(code_off)
            if not any(op == CONST_CLASS and kind == "type" and index == type_idx for op, kind, index in refs):
                continue
            for _, kind, index in refs:
                if kind == "method" and index in wanted:
                    cls = dex.method_ref(index).class_name
                    own = [dex.method_ref(em.method_idx).class_name for em in dex.methods_at_code(code_off)]
                    starters.update([cls] if program.is_app_class(cls) else own)
    found: set[str] = set()
    for cls in sorted(starters):
        found.update(flows.implementations(f"{cls}->{ON_RESULT}"))
    return sorted(found)
