"""Plain-text reader: encodings, stray NUL bytes, binary and mojibake refused, bad inputs."""

from __future__ import annotations

import codecs
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.errors import PlanNLPError, UnreadableFile, UnreadableText, UnsupportedFormat
from nlp.ingest.read import RawText, read_document
from nlp.ingest.txt import diagnose_text
from reader_samples import PLAN, write_bytes

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


# --- plain text: encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("plan_utf8.txt", PLAN.encode("utf-8"), "utf-8"),
        ("plan_gbk.txt", PLAN.encode("gbk"), "gb18030"),
        ("plan_bom.txt", codecs.BOM_UTF8 + PLAN.encode("utf-8"), "utf-8-sig"),
        ("plan_utf16.txt", PLAN.encode("utf-16"), "utf-16-le"),  # Python writes LE with a BOM
        ("plan_utf16be.txt", codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"), "utf-16-be"),
        ("plan.md", ("# 标题\n\n" + PLAN).encode("gbk"), "gb18030"),
    ],
)
def test_text_encodings_decode_to_the_same_text(tmp_path: Path, name: str, data: bytes, encoding: str) -> None:
    raw = read_document(write_bytes(tmp_path / name, data))
    assert isinstance(raw, RawText)
    assert raw.text.endswith(PLAN) and "\ufeff" not in raw.text
    assert raw.encoding == encoding
    assert raw.format == ("md" if name.endswith(".md") else "txt")
    assert raw.path == str(tmp_path / name)


def test_gbk_text_written_with_python_codec(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_text(PLAN, encoding="gbk")
    assert read_document(path).text == PLAN


def test_gb18030_only_characters_survive(tmp_path: Path) -> None:
    # '㐀' (extension A) and '𠀀' (extension B) have 4-byte GB18030 codes and no GBK code.
    text = PLAN + "生僻字：㐀𠀀。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    path = tmp_path / "gb18030.txt"
    path.write_text(text, encoding="gb18030")
    raw = read_document(path)
    assert raw.text == text and raw.encoding == "gb18030"


def test_line_breaks_are_kept_as_they_are(tmp_path: Path) -> None:
    text = PLAN.replace("\n", "\r\n") + "末行\r"
    raw = read_document(write_bytes(tmp_path / "crlf.txt", text.encode("utf-8")))
    assert raw.text == text


def test_bomless_utf16_is_read_not_called_binary(tmp_path: Path) -> None:
    raw = read_document(write_bytes(tmp_path / "u16.txt", PLAN.encode("utf-16-le")))
    assert raw.text == PLAN and raw.encoding == "utf-16-le"


def test_big5_text_falls_through_gb18030_to_the_detector(tmp_path: Path) -> None:
    # Big5 bytes also decode as GB18030, into rare hanzi; the rarity check rejects that reading.
    text = "工會工作計劃：加強職工之家建設，全年發展會員二百名，開展勞動競賽和技能比武活動。"
    raw = read_document(write_bytes(tmp_path / "big5.txt", text.encode("big5")))
    assert raw.text == text
    assert raw.encoding.replace("_", "").startswith("big5") or raw.encoding == "cp950"


def test_traditional_characters_are_not_mistaken_for_mojibake(tmp_path: Path) -> None:
    text = "工會工作計劃：加強職工之家建設，全年發展會員二百名，開展勞動競賽和技能比武活動。\n"
    assert read_document(write_bytes(tmp_path / "trad.txt", text.encode("utf-8"))).text == text


def test_truncated_last_character_is_tolerated(tmp_path: Path) -> None:
    data = PLAN.encode("utf-8") + "计划".encode("utf-8")[:-1]  # download cut inside a character
    raw = read_document(write_bytes(tmp_path / "cut.txt", data))
    assert raw.encoding == "utf-8"
    assert raw.text.startswith(PLAN) and raw.text.endswith("计\ufffd")


def test_truncated_gbk_file_is_tolerated(tmp_path: Path) -> None:
    data = (PLAN + "计划").encode("gbk")[:-1]
    raw = read_document(write_bytes(tmp_path / "cut_gbk.txt", data))
    assert raw.encoding == "gb18030"
    assert raw.text.startswith(PLAN) and raw.text.endswith("计\ufffd")


def test_seed_corpus_files_read_as_their_utf8_bytes() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 5
    for path in files:
        raw = read_document(path)
        assert raw.text == path.read_bytes().decode("utf-8")
        assert (raw.format, raw.encoding) == ("txt", "utf-8")


# --- plain text: bad inputs ------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no such file") as info:
        read_document(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n", "\u3000\n".encode("utf-8"), codecs.BOM_UTF8])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(UnreadableFile, match="empty file") as info:
        read_document(write_bytes(tmp_path / "empty.txt", data))
    assert "empty.txt" in str(info.value)
    assert type(info.value) is UnreadableFile


def test_wrong_extension(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormat, match=r"\.xyz") as info:
        read_document(write_bytes(tmp_path / "plan.xyz", PLAN.encode("utf-8")))
    assert "plan.xyz" in str(info.value)


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    assert read_document(write_bytes(tmp_path / "PLAN.TXT", PLAN.encode("utf-8"))).format == "txt"


def test_binary_garbage_with_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(20240501)
    data = bytes(rng.randrange(256) for _ in range(4096))
    assert b"\x00" in data
    with pytest.raises(UnreadableFile, match="binary content: .*NUL bytes") as info:
        read_document(write_bytes(tmp_path / "garbage.txt", data))
    assert "garbage.txt" in str(info.value)


def test_binary_garbage_without_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4096))
    with pytest.raises(UnreadableFile) as info:
        read_document(write_bytes(tmp_path / "noise.txt", data))
    assert "noise.txt" in str(info.value)


def test_trailing_nul_padding_is_dropped(tmp_path: Path) -> None:
    raw = read_document(write_bytes(tmp_path / "padded.txt", PLAN.encode("utf-8") + b"\x00" * 64))
    assert raw.text == PLAN


# Written for these tests: a longer plan, so that a handful of NULs is a small share of its bytes.
LONG_PLAN = PLAN + "".join(
    f"{n}、组织第{n}期职工技能培训，参训人数不少于{n * 20}人，培训后考核合格率达到九成以上。\n" for n in range(3, 12)
)


@pytest.mark.parametrize("codec", ["utf-8", "gbk"])
@pytest.mark.parametrize("where", [(5,), (40, 41), (10, 200, 390)])
def test_a_few_stray_nul_bytes_are_dropped_and_the_text_kept(tmp_path: Path, codec: str, where: tuple) -> None:
    pieces = [LONG_PLAN[a:b] for a, b in zip((0, *where), (*where, len(LONG_PLAN)))]
    data = b"\x00".join(piece.encode(codec) for piece in pieces)  # NULs between characters
    raw = read_document(write_bytes(tmp_path / "stray.txt", data))
    assert raw.text == LONG_PLAN
    assert raw.encoding == ("utf-8" if codec == "utf-8" else "gb18030")


def test_nul_between_the_bytes_of_one_character_still_leaves_its_bytes(tmp_path: Path) -> None:
    encoded = LONG_PLAN.encode("utf-8")
    data = encoded[:8] + b"\x00" + encoded[8:]  # inside the three bytes of a hanzi
    assert read_document(write_bytes(tmp_path / "split.txt", data)).text == LONG_PLAN


def test_many_nul_bytes_are_binary_even_around_text(tmp_path: Path) -> None:
    data = LONG_PLAN.encode("utf-8").replace("。".encode("utf-8"), b"\x00\x00\x00\x00\x00\x00")
    with pytest.raises(UnreadableFile, match="binary content: .*NUL bytes"):
        read_document(write_bytes(tmp_path / "nuls.txt", data))


def test_a_few_nul_bytes_in_binary_data_are_still_binary(tmp_path: Path) -> None:
    rng = random.Random(11)
    data = bytes(rng.randrange(1, 256) for _ in range(8000)) + b"\x00" * 3 + bytes(range(1, 200))
    with pytest.raises(UnreadableFile) as info:
        read_document(write_bytes(tmp_path / "blob.txt", data))
    assert "blob.txt" in str(info.value)


def test_control_characters_are_binary(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = PLAN.encode("utf-8") + bytes(rng.choice([1, 2, 3, 5, 7, 8, 0x1B, 0x1F]) for _ in range(200))
    with pytest.raises(UnreadableFile, match="binary content: 200 control characters"):
        read_document(write_bytes(tmp_path / "ctrl.txt", data))


def test_latin1_mojibake_is_unreadable_text(tmp_path: Path) -> None:
    mojibake = PLAN.encode("utf-8").decode("latin-1")  # 'å·¥ä¼\x9a' for 工会
    assert "å·¥ä¼" in mojibake
    with pytest.raises(UnreadableText, match="Latin-1/cp1252") as info:
        read_document(write_bytes(tmp_path / "latin.txt", mojibake.encode("utf-8")))
    assert "latin.txt" in str(info.value)


def test_cp1252_mojibake_is_unreadable_text(tmp_path: Path) -> None:
    mojibake = PLAN.encode("utf-8").decode("cp1252", errors="ignore")  # 'å·¥ä¼š'
    assert "ä¼š" in mojibake
    with pytest.raises(UnreadableText, match="Latin-1/cp1252"):
        read_document(write_bytes(tmp_path / "cp1252.txt", mojibake.encode("utf-8")))


def test_utf8_read_as_gbk_mojibake_is_unreadable_text(tmp_path: Path) -> None:
    mojibake = (PLAN * 2).encode("utf-8").decode("gb18030", errors="ignore")  # '宸ヤ細' for 工会
    with pytest.raises(UnreadableText, match="rare") as info:
        read_document(write_bytes(tmp_path / "gbkmoji.txt", mojibake.encode("utf-8")))
    assert "gbkmoji.txt" in str(info.value)


def test_replacement_characters_are_unreadable_text(tmp_path: Path) -> None:
    text = "工会\ufffd\ufffd计划\ufffd\ufffd\ufffd" * 10
    with pytest.raises(UnreadableText, match="U\\+FFFD"):
        read_document(write_bytes(tmp_path / "fffd.txt", text.encode("utf-8")))


def test_english_and_european_text_is_plausible() -> None:
    assert diagnose_text("Café au lait, naïve Ångström résumé — “quoted” ①②.") is None
    assert diagnose_text("工作计划 Work plan ℃ ㎡ № Ⅲ ★ ● ·") is None


def test_hangul_page_is_improbable() -> None:
    # What a GBK file becomes when a detector guesses cp949 (EUC-KR).
    hangul = PLAN.encode("gbk").decode("cp949", errors="ignore")
    problem = diagnose_text(hangul)
    assert problem is not None and problem.error is UnreadableText


@settings(max_examples=80, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=120).map(lambda t: t.encode("utf-8"))))
def test_arbitrary_bytes_give_text_or_a_plan_nlp_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("any.txt", "any.html"):
            path = write_bytes(Path(folder) / name, data)
            try:
                raw = read_document(path)
            except PlanNLPError as exc:
                assert exc.path == str(path)
            else:
                assert raw.text.strip()
