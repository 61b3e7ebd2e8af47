"""Whose case it is to act on (manual: the town centre "统筹指导…监督管理" its
villages, it does not run their desks).

A village's case arrives at the town in the bundle so the town can supervise
it; the town acts on it (受理, 办结, the result, a notice) only once the case
has been handed over: a proxied case the agent has brought to the town
(proxy step "已送镇/县办理" or later), or a case the village sent up for
handling (status "办理中", which at a village means taken to the town or
county). Every other village case is read-only at the town.
"""

from __future__ import annotations

from .cases import PROXY_ORDER, Case, ProxyStep, Status

HANDED_OVER_STEPS = frozenset(PROXY_ORDER[PROXY_ORDER.index(ProxyStep.SUBMITTED):])


def handed_over(proxy: bool, proxy_step: ProxyStep | None, status: Status) -> bool:
    """A village case the town has been given to handle."""
    if proxy and proxy_step in HANDED_OVER_STEPS:
        return True
    return status == Status.IN_PROGRESS


def read_only_reason(case: Case, own_code: str) -> str | None:
    """Why this station may not act on the case (None: it may)."""
    if case.station_code == own_code:
        return None
    if handed_over(case.proxy, case.proxy_step, case.status):
        return None
    return (f"办件 {case.case_no} 是村（社区）站 {case.station_code} 的办件，尚未移交本中心办理"
            "（代办员送镇办理或村站上报后才可办理），本中心只能查看、督办。")
