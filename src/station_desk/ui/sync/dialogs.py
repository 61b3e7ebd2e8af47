"""The sync page's small conversations: trusting another station's identity
file only after the clerk has checked its fingerprint on the phone."""

from __future__ import annotations

from pathlib import Path

from ..widgets import prompts, status
from .base import SyncPageBase


def trust_identity_file(page: SyncPageBase, path: Path) -> None:
    """Read one identity file, show its fingerprint to be checked and, if the
    clerk confirms, trust it (replacing a changed key only knowingly)."""
    identity = prompts.attempt(page, lambda: page.sync.read_identity(path),
                               page.tr("身份文件不能使用"))
    if identity is None:
        return
    if not prompts.succeeded(page, lambda: page.sync.check_identity(identity),
                             page.tr("不能信任这个身份文件")):
        return
    known = next((p for p in page.sync.peers() if p.code == identity.code), None)
    replace = known is not None and known.fingerprint != identity.fingerprint
    text = (page.tr("对方：") + f"{identity.name}（{identity.code}，{identity.kind.label}）\n"
            + page.tr("指纹：") + f"{identity.fingerprint}\n\n"
            + page.tr("请打电话给对方，请对方念出其程序“同步”页上显示的指纹，"
                      "逐组核对完全一致后再点“是”。"))
    if replace:
        assert known is not None
        text = (page.tr("注意：本站原先信任的 %1 指纹是 %2，现在的文件指纹不同（密钥已变化）。"
                        "只有确认对方更换了电脑或重新生成了密钥时才可替换。\n\n")
                .replace("%1", known.name).replace("%2", known.fingerprint) + text)
    if not prompts.confirm(page, page.tr("核对指纹"), text):
        return
    result = prompts.attempt(
        page, lambda: page.sync.trust_identity(identity, replace=replace),
        page.tr("信任失败"))
    if result is not None:
        status.say(page, page.tr("已信任：") + result.peer.name)
