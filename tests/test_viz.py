"""nlp.viz: a chart drawn with the helper's font has every Chinese glyph; no font is a clear error."""

from __future__ import annotations

import logging
import warnings

import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from nlp import analyze_text, viz  # noqa: E402

# Written for these tests: a plan whose calendar names several kinds of activity by month.
PLAN = """某某学校工会工作计划
一、加强学习，提高教职工素质
1．三月份组织教职工参加业务培训讲座。
2．九月份开展师德师风学习活动。
二、丰富文化生活
1．五月份举办教职工趣味运动会。
2．元旦前后举办迎新年文艺联欢会。
三、做好帮扶慰问
1．春节前走访慰问困难职工。
2．十二月份召开年度工作总结会议。
"""


def _render_heatmap() -> tuple[list[str], list[str]]:
    """Draw the month × activity heatmap of PLAN; return glyph warnings and matplotlib log lines."""
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    handler = Keep(level=logging.DEBUG)
    logger = logging.getLogger("matplotlib")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ax = viz.month_activity_heatmap(analyze_text(PLAN))
            ax.figure.canvas.draw()  # glyphs are looked up when the text is drawn
            plt.close(ax.figure)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from font" in str(w.message)]
    return glyphs, [r for r in records if "Glyph" in r or "missing from font" in r]


@pytest.fixture
def restore_rc():
    with mpl.rc_context():
        yield


def test_heatmap_with_cjk_font_has_every_glyph(restore_rc):
    try:
        name = viz.use_cjk_font()
    except viz.MissingCJKFont as exc:
        pytest.fail(f"the test machine needs a CJK font (make test installs one): {exc}")
    assert mpl.rcParams["font.sans-serif"][0] == name
    glyph_warnings, glyph_logs = _render_heatmap()
    assert glyph_warnings == [] and glyph_logs == []


def test_without_the_helper_chinese_glyphs_are_reported_missing(restore_rc):
    """The check above can fail: matplotlib's default font lacks the glyphs and says so."""
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = ["DejaVu Sans"]
    glyph_warnings, glyph_logs = _render_heatmap()
    assert glyph_warnings or glyph_logs


def test_found_fonts_cover_chinese():
    fonts = viz.find_cjk_fonts()
    assert fonts, "no CJK font found"
    for _, path in fonts:
        assert viz._covers(path, "计划总结")


def test_no_cjk_font_names_the_debian_packages(monkeypatch, restore_rc):
    monkeypatch.setattr(viz, "find_cjk_fonts", lambda: [])
    with pytest.raises(viz.MissingCJKFont) as err:
        viz.use_cjk_font()
    assert "fonts-noto-cjk" in str(err.value) and "fonts-wqy-microhei" in str(err.value)


def test_latin_only_fonts_are_not_taken_for_cjk(monkeypatch):
    """A font without Chinese glyphs listed by fontconfig is rejected by its character map."""
    from matplotlib import font_manager

    dejavu = font_manager.findfont("DejaVu Sans")
    assert not viz._covers(dejavu)
    monkeypatch.setattr(viz, "_fc_list_files", lambda: [dejavu])
    monkeypatch.setattr(font_manager.fontManager, "ttflist",
                        [e for e in font_manager.fontManager.ttflist if e.fname == dejavu])
    assert viz.find_cjk_fonts() == []


def test_project_2d_is_deterministic_and_two_dimensional():
    import numpy as np
    from scipy.sparse import random as sparse_random

    m = sparse_random(30, 12, density=0.3, random_state=1, format="csr")
    a, b = viz.project_2d(m, random_state=0), viz.project_2d(m, random_state=0)
    assert a.shape == (30, 2) and np.allclose(a, b)
    already = np.arange(10.0).reshape(5, 2)
    assert np.array_equal(viz.project_2d(already), already)


def test_stacked_shares_rows_add_to_one(restore_rc):
    pd = pytest.importorskip("pandas")
    table = pd.DataFrame({"甲": [1, 0], "乙": [3, 0]}, index=["2023", "2024"])
    ax = viz.stacked_shares(table)
    widths = [p.get_width() for p in ax.patches]
    assert widths[:2] == [0.25, 0.0] and widths[2:] == [0.75, 0.0]  # an empty row stays empty
    plt.close(ax.figure)
