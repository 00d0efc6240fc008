"""Activity results: which activity's result an Activity.setResult call sets, and who may receive it.

The result Intent goes to the activity that started this one with startActivityForResult. Any app may start an
activity the manifest exports (or gives an intent-filter), so what such an activity puts into its result may
go to another app; a result of an activity only the app can start stays in the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apkaudit.analysis.flows.engine import FlowAnalysis


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
