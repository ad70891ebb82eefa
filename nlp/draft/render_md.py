"""Plain-text and Markdown renderings of a draft (the same outline the .docx shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model imports these renderers on use; they only name its types
    from .model import Draft, DraftSection, Sentence

REVIEW_MARK = "〔数据待核〕"


def _sentence(s: Sentence) -> str:
    return s.text + (REVIEW_MARK if s.review else "")


def _lines(sec: DraftSection) -> list[str]:
    # each heading on its own line, its body one paragraph, a blank line between blocks
    out = [f"{sec.marker}{sec.heading}", ""]
    if sec.sentences:
        out += ["".join(_sentence(s) for s in sec.sentences), ""]
    for child in sec.children:
        out += _lines(child)
    return out


def render_text(draft: Draft) -> str:
    """Title, then one line per heading and one paragraph per section body."""
    lines = [draft.title, ""]
    for sec in draft.sections:
        lines += _lines(sec)
    return "\n".join(lines).rstrip() + "\n"


def provenance_rows(draft: Draft) -> list[tuple[str, str, str]]:
    """(where in the draft, what kind, where it came from) for each heading and sentence."""
    rows = []
    for sec in draft.walk():
        place = f"{sec.marker}{sec.heading}"
        if sec.heading_from is not None:
            h = sec.heading_from
            rows.append((place, "标题·检索", f"{h.source} #{h.article} [{h.start}:{h.end}]"))
        for s in sec.sentences:
            origin = {"retrieved": "检索", "template": "模板", "generated": "生成"}[s.kind]
            where = f"{s.source} #{s.article} [{s.start}:{s.end}]" if s.kind == "retrieved" else (
                "模板" if s.kind == "template" else "本地模型生成，须人工核对")
            rows.append((f"{place}：{s.text if len(s.text) <= 24 else s.text[:24] + '…'}", origin, where))
    return rows


def render_markdown(draft: Draft, provenance: bool = True) -> str:
    """The draft as Markdown: `# title`, the outline as paragraphs, then a provenance table."""
    body = render_text(draft).split("\n", 1)[1]
    out = f"# {draft.title}\n{body}"
    if provenance:
        rows = provenance_rows(draft)
        table = ["| 位置 | 来源类型 | 出处（文件 #篇 [起:止]） |", "|---|---|---|"]
        table += [f"| {p.replace('|', '｜')} | {k} | {w.replace('|', '｜')} |" for p, k, w in rows]
        out += "\n---\n\n附：材料来源\n\n" + "\n".join(table) + "\n"
    return out
