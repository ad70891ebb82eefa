"""Geometry of the inline SVG charts (heatmap, bar charts) as plain data; templates draw it.

Sizes are in SVG user units; each chart has a viewBox and scales to the page width, so the
12-month heatmap (about 340 units wide) still fits a 390 px phone screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import HeatRow

CELL = 22
LABEL_WIDTH = 64
HEADER = 18
BAR_LABEL = 92
BAR_MAX = 200
BAR_HEIGHT = 18
BAR_GAP = 4
# Light to dark blue; a cell's shade is its count over the largest count.
EMPTY_FILL = "#f4f6f8"


@dataclass(frozen=True)
class HeatCell:
    """One month × kind cell."""

    x: int
    y: int
    month: int
    value: int
    fill: str
    ink: str  # text colour readable on `fill`


@dataclass(frozen=True)
class HeatLabel:
    """A row label of the heatmap."""

    y: int
    text: str


@dataclass(frozen=True)
class Heatmap:
    """The month × activity-kind heatmap."""

    width: int
    height: int
    cell: int
    label_x: int  # right edge of the row labels
    columns: list[tuple[int, str]]  # (x centre, month label)
    labels: list[HeatLabel]
    cells: list[HeatCell]


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart."""

    y: int
    width: int
    label: str
    value: int


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart of counts."""

    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]


def shade(value: int, top: int) -> tuple[str, str]:
    """Fill and text colour of a heatmap cell (blue ramp; white ink on dark cells)."""
    if value <= 0 or top <= 0:
        return EMPTY_FILL, "#999"
    t = value / top
    # Interpolate #cfe3f5 (light) → #08519c (dark).
    lo, hi = (0xCF, 0xE3, 0xF5), (0x08, 0x51, 0x9C)
    r, g, b = (round(a + (c - a) * t) for a, c in zip(lo, hi))
    return f"#{r:02x}{g:02x}{b:02x}", "#fff" if t > 0.5 else "#123"


def heatmap_geometry(rows: Sequence[HeatRow]) -> Heatmap:
    """Cells and labels of the heatmap; rows with no plan at all are left out."""
    rows = [r for r in rows if any(r.months)]
    top = max((v for r in rows for v in r.months), default=0)
    cells, labels = [], []
    for i, row in enumerate(rows):
        y = HEADER + i * CELL
        labels.append(HeatLabel(y + CELL // 2, row.label))
        for m, value in enumerate(row.months, start=1):
            fill, ink = shade(value, top)
            cells.append(HeatCell(LABEL_WIDTH + (m - 1) * CELL, y, m, value, fill, ink))
    columns = [(LABEL_WIDTH + (m - 1) * CELL + CELL // 2, str(m)) for m in range(1, 13)]
    return Heatmap(LABEL_WIDTH + 12 * CELL + 2, HEADER + len(rows) * CELL + 2, CELL, LABEL_WIDTH - 4,
                   columns, labels, cells)


def bar_geometry(counts: Mapping[str, int]) -> BarChart:
    """Bars for label → count, longest bar for the largest count, in the mapping's order."""
    top = max(counts.values(), default=0)
    bars = []
    for i, (label, value) in enumerate(counts.items()):
        width = round(BAR_MAX * value / top) if top else 0
        bars.append(Bar(i * (BAR_HEIGHT + BAR_GAP), max(width, 1 if value else 0), label, value))
    height = len(bars) * (BAR_HEIGHT + BAR_GAP)
    return BarChart(BAR_LABEL + BAR_MAX + 40, max(height, 1), BAR_LABEL, BAR_HEIGHT, bars)
