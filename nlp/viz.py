"""matplotlib charts that render Chinese: find a CJK font, and a few charts of an archive.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs: every label would be drawn as
empty boxes with a "Glyph … missing" warning. `use_cjk_font()` finds an installed font that
covers Chinese and makes it matplotlib's first sans-serif choice. matplotlib is an optional
extra (`pip install 'plan-nlp[notebook]'`).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .model import Article

log = logging.getLogger(__name__)

# Characters a font must have to be used: common ones of every plan (work, union, plan, month).
PROBE = "工会计划月份年度职工培训慰问"

# Preferred families, best first: simplified-Chinese sans fonts read best in small chart labels.
PREFERRED = (
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "Noto Sans SC", "Sarasa Gothic SC", "Microsoft YaHei", "PingFang SC", "Heiti SC", "SimHei",
    "Noto Sans CJK JP", "Noto Serif CJK SC", "AR PL UMing CN",
)

INSTALL_HINT = (
    "no installed font covers Chinese, so matplotlib would draw empty boxes. Install one, e.g. on "
    "Debian/Ubuntu `apt-get install fonts-noto-cjk` (or `fonts-wqy-microhei`), then run again "
    "(if it is still not found, delete matplotlib's font cache: ~/.cache/matplotlib)."
)


class MissingCJKFont(RuntimeError):
    """No installed font has Chinese glyphs."""


def _fc_list_files() -> list[str]:
    """Font files fontconfig says cover Chinese (`fc-list :lang=zh file`), or none without fc-list."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, ":lang=zh", "file"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(":")[0].strip() for line in out.stdout.splitlines() if line.strip()})


def _covers(path: str, text: str = PROBE) -> bool:
    """Whether the font file (its first face) has a glyph for every character of `text`."""
    from matplotlib.ft2font import FT2Font

    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(ch) in charmap for ch in text)


def find_cjk_fonts() -> list[tuple[str, str]]:
    """(family name, file) of installed fonts that cover Chinese, preferred ones first.

    Looks at fontconfig's list (else at every system font file) and at the fonts matplotlib
    already knows, so a font installed after matplotlib built its cache is found too."""
    from matplotlib import font_manager

    listed = _fc_list_files()
    if not listed:  # no fontconfig: every font file in the system's font folders is a candidate
        listed = font_manager.findSystemFonts()
    # Regular faces before bold, light …: a family's first file is the one used.
    files = dict.fromkeys(sorted(listed, key=lambda f: (_styled(f), f)))
    for entry in font_manager.fontManager.ttflist:
        if entry.name in PREFERRED or "CJK" in entry.name:
            files.setdefault(entry.fname)
    found: dict[str, str] = {}
    for path in files:
        if Path(path).suffix.lower() not in (".ttf", ".otf", ".ttc", ".otc") or not _covers(path):
            continue
        name = font_manager.FontProperties(fname=path).get_name()
        found.setdefault(name, path)
    rank = {name: i for i, name in enumerate(PREFERRED)}
    return sorted(found.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def _styled(path: str) -> bool:
    """Whether a font file name says it is a bold, light … face rather than the regular one."""
    stem = Path(path).stem.lower()
    return any(w in stem for w in ("bold", "black", "heavy", "light", "thin", "medium", "italic"))


def use_cjk_font() -> str:
    """Make an installed Chinese font matplotlib's first sans-serif font; return its family name.

    Raises MissingCJKFont, naming the Debian packages to install, when there is none."""
    import matplotlib as mpl
    from matplotlib import font_manager

    fonts = find_cjk_fonts()
    if not fonts:
        raise MissingCJKFont(INSTALL_HINT)
    name, path = fonts[0]
    if not any(e.fname == path for e in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)  # installed after matplotlib's font cache was built
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name, *(f for f in mpl.rcParams["font.sans-serif"] if f != name)]
    # The CJK font has no U+2212 MINUS SIGN glyph in some versions: draw axis minus as '-'.
    mpl.rcParams["axes.unicode_minus"] = False
    log.info("matplotlib font: %s (%s)", name, path)
    return name


# ---------------------------------------------------------------- charts

MONTHS = [f"{m}月" for m in range(1, 13)]


def _axes(ax: "Axes | None", size: tuple[float, float]) -> "Axes":
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def month_activity_heatmap(articles: Sequence["Article"], ax: "Axes | None" = None) -> "Axes":
    """Month × activity kind: how many plans schedule an activity of that kind in that month
    (the same counts as the digest's heatmap), each cell labelled with its count."""
    from .digest.build import heatmap

    rows = heatmap(articles)
    counts = [r.months for r in rows]
    ax = _axes(ax, (9, 0.45 * len(rows) + 1.2))
    top = max((max(r) for r in counts), default=0) or 1
    ax.imshow(counts, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(12), MONTHS)
    ax.set_yticks(range(len(rows)), [r.label for r in rows])
    for y, row in enumerate(counts):
        for x, n in enumerate(row):
            if n:
                ax.text(x, y, str(n), ha="center", va="center", fontsize=8,
                        color="white" if n > top / 2 else "black")
    ax.set_title("各月活动安排（计划数） · plans scheduling each kind of activity, by month")
    return ax


def bar_counts(counts: Mapping[Any, float], title: str = "", ax: "Axes | None" = None,
               xlabel: str = "") -> "Axes":
    """Horizontal bars, largest on top (e.g. articles per genre, units per theme)."""
    items = sorted(counts.items(), key=lambda kv: kv[1])
    ax = _axes(ax, (7, 0.35 * len(items) + 1.2))
    ax.barh([str(k) for k, _ in items], [v for _, v in items], color="#4c78a8")
    for y, (_, v) in enumerate(items):
        ax.text(v, y, f" {v:g}", va="center", fontsize=8)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return ax


def project_2d(matrix: Any, random_state: int = 0):
    """Rows of a (sparse or dense) matrix as 2-D points: TruncatedSVD with a fixed seed, or the
    matrix itself when it already has two columns."""
    import numpy as np
    from sklearn.decomposition import TruncatedSVD

    if matrix.shape[1] <= 2:
        points = np.asarray(matrix.todense() if hasattr(matrix, "todense") else matrix, dtype=float)
        return np.pad(points, ((0, 0), (0, 2 - points.shape[1])))
    return TruncatedSVD(n_components=2, random_state=random_state).fit_transform(matrix)


def scatter_by_label(points: Any, labels: Sequence[Any], names: Mapping[Any, str], title: str = "",
                     ax: "Axes | None" = None, colours: Mapping[str, Any] | None = None) -> "Axes":
    """2-D points coloured by label (e.g. sections by theme), with a legend of label names and
    counts; `colours` (name -> colour, see `palette`) keeps a theme's colour across charts."""
    import numpy as np

    ax = _axes(ax, (9, 6))
    points, labels = np.asarray(points), np.asarray(labels)
    colours = colours or palette(names.values())
    for label, name in names.items():
        mask = labels == label
        ax.scatter(points[mask, 0], points[mask, 1], s=18, alpha=0.75, color=colours[name],
                   label=f"{name} ({int(mask.sum())})")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title)
    return ax


def stacked_shares(table: Any, title: str = "", ax: "Axes | None" = None,
                   colours: Mapping[str, Any] | None = None) -> "Axes":
    """A pandas table of counts (rows: groups such as years; columns: parts such as themes) as
    stacked horizontal bars of each row's shares, adding to 1; row labels give the row total."""
    totals = table.sum(axis=1)
    shares = table.div(totals.where(totals > 0), axis=0).fillna(0)
    ax = _axes(ax, (9, 0.45 * len(shares) + 1.5))
    colours = colours or palette(str(c) for c in shares.columns)
    labels = [f"{i} (n={n:g})" for i, n in zip(shares.index, totals)]
    left = [0.0] * len(shares)
    for col in shares.columns:
        values = shares[col].tolist()
        ax.barh(labels, values, left=left, color=colours[str(col)], label=str(col))
        left = [a + b for a, b in zip(left, values)]
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title(title)
    return ax


def palette(names: Iterable[str]) -> dict[str, Any]:
    """A distinct colour per name, in the order given (pass the same names to every chart)."""
    names = list(dict.fromkeys(names))
    return dict(zip(names, _colours(len(names))))


def _colours(n: int) -> list[Any]:
    import matplotlib as mpl

    cmap = mpl.colormaps["tab20" if n > 10 else "tab10"]
    return [cmap(i % cmap.N) for i in range(n)]


def save(ax: "Axes", path: str | Path, dpi: int = 110) -> Path:
    """Write the chart holding `ax` to an image file (PNG, SVG … by suffix)."""
    path = Path(path)
    ax.figure.savefig(path, dpi=dpi)
    return path

