"""A person's name or address with a character the embedded font lacks (a rare
surname): the notice still prints, with a clear blank box where the clerk writes the
character by hand — never a tofu box, never a refusal that leaves the applicant
without paper. Only the people's own details are blanked; the station's and the
catalogue's texts are ours to correct and are still refused."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..fonts import missing_glyphs
from .context import NoticeContext

# a bracketed ideographic space: plainly a place to write in, never mistaken for a glyph
HANDWRITE_BLANK = "［　］"


@dataclass(frozen=True)
class Blanked:
    """Which field had which characters left for the pen."""
    field: str
    characters: tuple[str, ...]

    def text(self) -> str:
        chars = "、".join(f"“{ch}”" for ch in self.characters)
        return f"{self.field}中的{chars}字库中没有，告知书上留了空框“{HANDWRITE_BLANK}”，请手写补上"


def blank_out(text: str) -> tuple[str, tuple[str, ...]]:
    missing = missing_glyphs(text)
    for ch in missing:
        text = text.replace(ch, HANDWRITE_BLANK)
    return text, tuple(missing)


def with_handwriting_blanks(ctx: NoticeContext) -> tuple[NoticeContext, list[Blanked]]:
    """`ctx` with the people's unprintable characters replaced by blank boxes."""
    blanked: list[Blanked] = []

    def clean(field: str, text: str) -> str:
        cleaned, chars = blank_out(text)
        if chars:
            blanked.append(Blanked(field, chars))
        return cleaned

    if ctx.case is not None:
        case = ctx.case
        applicant = replace(case.applicant, name=clean("申请人姓名", case.applicant.name),
                            address=clean("申请人住址", case.applicant.address))
        case = replace(case, applicant=applicant,
                       proxy_agent_name=clean("帮办代办员姓名", case.proxy_agent_name))
        ctx = replace(ctx, case=case)
    elif ctx.applicant_name:
        ctx = replace(ctx, applicant_name=clean("申请人姓名", ctx.applicant_name))
    return ctx, blanked
