"""What the reader tests share: one small plan, and a helper that writes bytes to a file."""

from __future__ import annotations

from pathlib import Path

# Written for these tests: a short plan in the style of the domain, long enough for the
# share-based checks (more than 20 hanzi).
PLAN = (
    "2024年区总工会工作要点\n"
    "一、夯实基层组织，年内新建工会组织15家。\n"
    "二、深化劳动和技能竞赛，组织职工培训3期以上。\n"
)


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
