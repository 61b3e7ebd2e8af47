"""The sync page's small conversations: trusting another station's identity
file only after the clerk has checked its fingerprint on the phone, and a new
identity for this station when its keys were lost."""

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


def make_new_identity(page: SyncPageBase) -> bool:
    """The head makes new keys after the old ones were lost (never over good ones:
    the service refuses); the town must then check and re-trust them."""
    if not prompts.confirm(page, page.tr("建立本站新身份"), page.tr(
            "本站原来的密钥找不到了。建立新身份后，镇中心要重新信任本站才能再同步。"
            "如果还有设置时打印的恢复单和U盘上的备份，请先用它们恢复（原来的身份会一并找回）。"
            "\n\n确实要建立新身份吗？")):
        return False
    keys = prompts.attempt(page, page.sync.new_identity, page.tr("没有建立新身份"))
    if keys is None:
        return False
    prompts.info(page, page.tr("已建立本站新身份"), page.tr(
        "新指纹：%1\n\n请点“导出本站身份文件…”把新身份文件存到U盘交给镇中心，"
        "并打电话把新指纹念给镇中心核对；镇中心核对一致后重新信任本站。")
        .replace("%1", keys.fingerprint))
    return True
