"""Tables that reached us as text: give each row one line, the row's label first.

Two shapes are regrouped; every character kept is a character of the raw text (nothing is
invented, so offsets stay exact):
  markdown pipe tables (`| 三月 | 植树活动 | 工会 |`): the outer pipes and the separator row
  go; a row whose first cell is empty continues the cells of the row above (a wrapped cell);
  a table flattened one cell per line (`三月 |` / `植树活动 |` / `工会 |`), as web pages and
  converters leave it: the cells are joined into rows, each row opening at a month label.
Data tables of figures are left as they are: without labels there is no evidence of a row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import regex

# A markdown table separator row: "|---|:---:|", "| --- | --- |"; not "| 三月 | - |".
PIPE_SEPARATOR = regex.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# A month label cell that opens a schedule row: "三月 |", "3月份 |", "十一月上旬|", "九月份：|";
# not "三月份召开职代会 |" (an activity cell).
MONTH_CELL = regex.compile(
    r"^(?:[一二三四五六七八九十]{1,3}|1[0-2]|0?[1-9])\s*月份?(?:[上中下]旬|初|底|中)?[:：]?\s*\|$"
)
# Fewest cell lines in a row of lines for a flattened table (header + one row of 2 cells).
MIN_CELL_LINES = 4
MIN_MONTH_ROWS = 2


class Line(Protocol):
    chars: str
    offs: Sequence[int]
    newline_off: int
    mark: tuple[str, str] | None


MakeLine = Callable[[str, Sequence[int], int, "tuple[str, str] | None"], Line]


def regroup_tables(lines: list[Line], make: MakeLine) -> list[Line]:
    """Lines with markdown pipe tables and flattened one-cell-per-line tables made one row a line."""
    if not any("|" in line.chars for line in lines):
        return lines  # the common case: no table at all
    return _cell_runs(_pipe_tables(lines, make), make)


def _pipe_tables(lines: list[Line], make: MakeLine) -> list[Line]:
    out: list[Line] = []
    prev_row: list[list[int]] | None = None  # kept-character indices per cell of the row above
    for line in lines:
        chars = line.chars
        if not (chars.startswith("|") and chars.endswith("|") and len(chars) > 1):
            out.append(line)
            prev_row = None
            continue
        if PIPE_SEPARATOR.match(chars):
            continue  # the row of dashes: no text, no line
        cells = _cells(chars)
        if prev_row is not None and cells and not chars[cells[0][0]:cells[0][1]].strip() \
                and len(cells) == len(prev_row):
            # A wrapped row: its cells continue the cells above.
            last = out.pop()
            merged_chars, merged_offs = _merge(last, prev_row, line, cells)
            out.append(make(merged_chars, merged_offs, line.newline_off, last.mark))
            prev_row = _cells_of_rendered(merged_chars)
            continue
        # A row of its own: drop the outer pipes and the space next to them.
        i, j = 1, len(chars) - 1
        while i < j and chars[i].isspace():
            i += 1
        while j > i and chars[j - 1].isspace():
            j -= 1
        out.append(make(chars[i:j], list(line.offs)[i:j], line.newline_off, line.mark))
        prev_row = _cells_of_rendered(chars[i:j])
    return out


def _cells(chars: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's content between the pipes of `|a|b|`, spaces trimmed."""
    bars = [k for k, ch in enumerate(chars) if ch == "|"]
    spans = []
    for a, b in zip(bars, bars[1:]):
        s, e = a + 1, b
        while s < e and chars[s].isspace():
            s += 1
        while e > s and chars[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    return spans


def _cells_of_rendered(chars: str) -> list[list[int]]:
    return [list(range(s - 1, e - 1)) for s, e in _cells("|" + chars + "|")]  # -1: the added pipe


def _merge(last: Line, last_cells: list[list[int]], line: Line, cells: list[tuple[int, int]]):
    """The row above with each non-empty cell of `line` appended to its cell."""
    offs = list(last.offs)
    line_offs = list(line.offs)
    out_chars: list[str] = []
    out_offs: list[int] = []
    cursor = 0
    for k, cell in enumerate(last_cells):
        end = (cell[-1] + 1) if cell else _cell_end(last.chars, k)
        out_chars.append(last.chars[cursor:end])
        out_offs.extend(offs[cursor:end])
        s, e = cells[k]
        out_chars.append(line.chars[s:e])
        out_offs.extend(line_offs[s:e])
        cursor = end
    out_chars.append(last.chars[cursor:])
    out_offs.extend(offs[cursor:])
    return "".join(out_chars), out_offs


def _cell_end(chars: str, k: int) -> int:
    """End of the k-th (empty) cell of a rendered row "a | | c": just before its closing pipe."""
    bars = [i for i, ch in enumerate(chars) if ch == "|"]
    return bars[k] if k < len(bars) else len(chars)


def _cell_runs(lines: list[Line], make: MakeLine) -> list[Line]:
    """Join runs of one-cell-per-line ("三月 |") into rows that open at a month label."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if not _is_cell_line(lines[k]):
            out.append(lines[k])
            k += 1
            continue
        run_end, cells = k, []
        while run_end < len(lines) and (_is_cell_line(lines[run_end]) or _is_blank(lines[run_end])):
            if not _is_blank(lines[run_end]):
                cells.append(lines[run_end])
            run_end += 1
        month_at = [n for n, line in enumerate(cells) if MONTH_CELL.match(line.chars)]
        if len(cells) >= MIN_CELL_LINES and len(month_at) >= MIN_MONTH_ROWS:
            starts = sorted({0, *month_at})
            out.extend(_join_row(cells[a:b], make) for a, b in zip(starts, [*starts[1:], len(cells)]))
        else:
            out.extend(lines[k:run_end])
        k = run_end
    return out


def _is_blank(line: Line) -> bool:
    return not line.chars and line.mark is None


def _is_cell_line(line: Line) -> bool:
    return line.chars.endswith("|") and not line.chars.startswith("|") and line.mark is None


def _join_row(cells: list[Line], make: MakeLine) -> Line:
    chars: list[str] = []
    offs: list[int] = []
    for cell in cells:
        chars.append(cell.chars)
        offs.extend(cell.offs)
    row = "".join(chars).rstrip("| \t")  # the closing pipe of the last cell
    return make(row, offs[:len(row)], cells[-1].newline_off, None)
