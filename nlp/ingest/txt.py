"""Plain-text reader (.txt/.md): encoding detection and a binary/mojibake check on the result.

Decoding order: a byte-order mark decides outright (UTF-8/16/32); otherwise NUL bytes mean
binary unless the bytes are BOM-less UTF-16 text, the NULs only pad the end of the file
(the padding is dropped), or they are a few stray NULs (at most one per 200 bytes) in bytes
that read as plausible text once the NULs are removed; otherwise strict UTF-8, strict GB18030
(a superset of GBK and GB2312), the same two tolerating a few bad bytes (truncated downloads),
then charset-normalizer's best guess. A candidate is accepted only if its text passes
`diagnose_text`; bytes that decode but never to plausible text raise the first candidate's
problem (the first decodable candidate is the most likely encoding, so its diagnosis is the
most useful one).
"""

from __future__ import annotations

import codecs
import functools
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import regex

from nlp.errors import UnreadableFile, UnreadableText

log = logging.getLogger(__name__)

# (byte-order mark, codec for the bytes after it); UTF-32-LE before UTF-16-LE, whose BOM it extends.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Thresholds of the plausibility check, as shares of the non-whitespace characters.
_MAX_REPLACEMENT_SHARE = 0.05  # U+FFFD: a real text has none or a handful
_MAX_CONTROL_SHARE = 0.01  # C0 controls: text files carry none besides tab/newline/form feed
_MAX_IMPROBABLE_SHARE = 0.20  # characters outside the scripts a Chinese/English plan uses
# Latin-1/cp1252 mojibake: share of the non-ASCII characters covered by UTF-8-shaped sequences.
_MIN_LATIN_MOJIBAKE_SEQUENCES = 2
_MAX_LATIN_MOJIBAKE_SHARE = 0.30
# Rare-hanzi check: measured on the seed corpus, 0.02-0.05 % of hanzi fall outside the common
# sets (about 1 % for the same text in traditional characters); UTF-8 read as GBK gives 65 %,
# Big5 read as GBK about 38 %. 15 % sits far from both sides.
_MIN_HANZI_FOR_RARITY = 20
_MAX_RARE_HANZI_SHARE = 0.15
# NUL bytes inside a text file are tolerated (dropped) up to one per 200 bytes; random binary
# data has one per 256, but is refused anyway by the plausibility check of what remains.
_MAX_STRAY_NUL_SHARE = 0.005
# Lenient decoding (errors replaced) is accepted with at most one bad byte per 1000.
_LENIENT_BAD_BYTES_PER_MILLE = 1


def _latin_images(low: int, high: int) -> str:
    """Characters the bytes low..high become when decoded as Latin-1 or as cp1252."""
    chars = {chr(b) for b in range(low, high + 1)}  # Latin-1: byte value == code point
    for b in range(low, high + 1):
        try:
            chars.add(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D are unassigned in cp1252
            pass
    return regex.escape("".join(sorted(chars)))


_CONT = f"[{_latin_images(0x80, 0xBF)}]"  # images of UTF-8 continuation bytes
# UTF-8 byte grammar seen through Latin-1/cp1252: lead byte C2-DF + 1, E0-EF + 2, F0-F4 + 3
# continuation bytes. Matches 'å·¥' (工 = E5 B7 A5) or 'Ã©' (é); must not match 'café' or 'Ångström'.
UTF8_AS_LATIN = regex.compile(
    f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}"
)

# C0 control characters other than tab, newline, vertical tab, form feed, carriage return; and DEL.
# Matches '\x00' or '\x1b'; must not match '\t' or '\n'.
CONTROL_CHAR = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# Any hanzi (CJK unified ideographs, extension A and the supplementary-plane extensions).
# Matches '工' or '㐀'; must not match '、' or '①'.
HANZI = regex.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
# A run of hanzi (HANZI repeated), for counting them by runs rather than one match per character.
# Matches '工会' or '㐀'; must not match '、' or '①'.
HANZI_RUN = regex.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]+")

# A character outside the scripts and symbol blocks a Chinese or English work plan uses: ASCII,
# Latin-1 and Latin Extended (pinyin tones), Greek, general punctuation, currency, letterlike
# (℃ №), number forms (Ⅰ), arrows, maths, technical, enclosed alphanumerics (① ⑴ ⒈), box
# drawing, shapes (■ ●), misc symbols (★), dingbats (❶), CJK radicals, CJK punctuation, kana
# (・ ー), bopomofo, enclosed CJK (㈠ ㊀), CJK compatibility (㎡), hanzi, compatibility
# ideographs, vertical/small/fullwidth forms, emoji. C1 controls, Hangul, Cyrillic, Arabic,
# private-use characters and the like count as improbable.
# Matches '\x85' or '묏'; must not match '工', '①' or 'é'.
IMPROBABLE_CHAR = regex.compile(
    r"[^\s\x20-\x7e\u00a0-\u024f\u0370-\u03ff\u2000-\u27bf\u2e80-\u2fdf\u3000-\u33ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uffef"
    r"\U0001f000-\U0001faff\U00020000-\U0003134f]"
)

# Whitespace, for counting the characters that carry text. Matches ' ' or '\u3000'; not 'a'.
WHITESPACE = regex.compile(r"\s")


class TextProblem(NamedTuple):
    """Why a decoded text is not usable: the error class to raise and the reason."""

    error: type[UnreadableFile]
    reason: str

    def exception(self, path: str | Path) -> UnreadableFile:
        """The exception for this problem, naming the file."""
        return self.error(path, self.reason)


@functools.lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """Hanzi of GB2312 level 1 (3755 common simplified) or Big5 level 1 (5401 common traditional)."""
    common = set()
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        try:
            gb = ch.encode("gb2312")
            if 0xB0 <= gb[0] <= 0xD7:  # level-1 rows of GB2312
                common.add(ch)
                continue
        except UnicodeEncodeError:
            pass
        try:
            big5 = ch.encode("big5")
            if 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E:  # Big5 frequently used characters
                common.add(ch)
        except UnicodeEncodeError:
            pass
    return frozenset(common)


@functools.lru_cache(maxsize=1)
def _drop_common_hanzi() -> dict[int, None]:
    """A str.translate table deleting the common hanzi, leaving the rare ones to be found."""
    return dict.fromkeys(map(ord, _common_hanzi()))


def _examples(chars: list[str], limit: int = 8) -> str:
    """The first few distinct characters, for an error message."""
    return _printable("".join(dict.fromkeys(chars))[:limit])


def _printable(sample: str) -> str:
    """`sample` with unprintable characters (controls) escaped, for an error message."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in sample)


def diagnose_text(text: str) -> TextProblem | None:
    """Why `text` is binary garbage or mojibake, or None if it reads as plausible text."""
    visible = len(text) - len(WHITESPACE.findall(text))
    if visible == 0:
        return None  # emptiness is the caller's concern
    replacements = text.count("\ufffd")
    if replacements / visible > _MAX_REPLACEMENT_SHARE:
        return TextProblem(
            UnreadableText,
            f"mojibake: {replacements} of {visible} characters are U+FFFD replacement characters",
        )
    # Checked before control characters: Latin-1 mojibake of CJK carries C1 controls itself.
    latin = UTF8_AS_LATIN.findall(text)
    # non-ASCII characters: those the ASCII codec drops (no list of one string per character)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    covered = sum(len(m) for m in latin)
    if len(latin) >= _MIN_LATIN_MOJIBAKE_SEQUENCES and covered / non_ascii > _MAX_LATIN_MOJIBAKE_SHARE:
        sample = _printable("".join(latin[:3]))
        return TextProblem(
            UnreadableText,
            f"mojibake: UTF-8 bytes shown as Latin-1/cp1252 characters ({covered} of {non_ascii} "
            f"non-ASCII characters, e.g. '{sample}')",
        )
    controls = CONTROL_CHAR.findall(text)
    if len(controls) / visible > _MAX_CONTROL_SHARE:
        return TextProblem(
            UnreadableFile,
            f"binary content: {len(controls)} control characters in {visible} characters",
        )
    # Counted by runs and the rare ones found after deleting the common ones: a plan is mostly
    # hanzi, and one match per character made this check the slowest part of reading a file.
    n_hanzi = sum(map(len, HANZI_RUN.findall(text)))
    if n_hanzi >= _MIN_HANZI_FOR_RARITY:
        rare = HANZI.findall(text.translate(_drop_common_hanzi()))
        if len(rare) / n_hanzi > _MAX_RARE_HANZI_SHARE:
            return TextProblem(
                UnreadableText,
                f"mojibake: {len(rare)} of {n_hanzi} Chinese characters are rare ones "
                f"(e.g. '{_examples(rare)}'), as when UTF-8 or Big5 bytes are read as GBK",
            )
    improbable = IMPROBABLE_CHAR.findall(text)
    if len(improbable) / visible > _MAX_IMPROBABLE_SHARE:
        return TextProblem(
            UnreadableText,
            f"mojibake: {len(improbable)} of {visible} characters are from unexpected scripts "
            f"or control ranges (e.g. '{_examples(improbable)}')",
        )
    return None


def check_text(text: str, path: str | Path) -> None:
    """Raise UnreadableFile/UnreadableText when `text` is binary garbage or mojibake."""
    problem = diagnose_text(text)
    if problem is not None:
        raise problem.exception(path)


def _lenient(data: bytes, codec: str) -> str | None:
    """`data` decoded with bad bytes replaced, if there are few of them (a truncated download)."""
    text = data.decode(codec, errors="replace")
    allowed = max(1, len(data) * _LENIENT_BAD_BYTES_PER_MILLE // 1000)
    return text if text.count("\ufffd") <= allowed else None


def _candidates(data: bytes) -> Iterator[tuple[str, str, bool]]:
    """(codec, text, lenient) decodings of BOM-less, NUL-free bytes, most likely first; lazily."""
    strict_failed = []
    for codec in ("utf-8", "gb18030"):
        try:
            yield codec, data.decode(codec), False
        except UnicodeDecodeError:
            strict_failed.append(codec)
    for codec in strict_failed:
        text = _lenient(data, codec)
        if text is not None:
            yield codec, text, True
    from charset_normalizer import from_bytes  # slow to import; needed only for odd encodings

    best = from_bytes(data).best()
    if best is not None:
        yield best.encoding, str(best), False


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """(text, codec) if bytes containing NULs are plausible BOM-less UTF-16 text, else None."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if diagnose_text(text) is None and not CONTROL_CHAR.search(text):
            return text, codec
    return None


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode a text file's bytes to (text, codec); a leading BOM is removed, nothing else changes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                where = exc.start + len(bom)
                reason = f"invalid {codec} after its byte-order mark ({exc.reason} at byte {where})"
                raise UnreadableFile(path, reason) from exc
            check_text(text, path)
            return text, codec
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        nuls = data.count(b"\x00")
        reason = f"binary content: {nuls} NUL bytes in {len(data)} bytes, not a text file"
        data = data.rstrip(b"\x00")  # NUL padding after the text (preallocated or crashed writes)
        stray = data.count(b"\x00")
        if stray:
            if stray > len(data) * _MAX_STRAY_NUL_SHARE:
                raise UnreadableFile(path, reason)
            # A few NULs inside text (a bad copy, an editor crash) are dropped; no byte of UTF-8,
            # GB18030 or Big5 text is NUL, so no character is split. The rest must still read
            # as plausible text, else the file is binary after all.
            try:
                text, codec = _decode_nul_free(data.replace(b"\x00", b""), path)
            except UnreadableFile as exc:
                raise UnreadableFile(path, reason) from exc
            log.warning("%s: %d stray NUL bytes dropped", path, stray)
            return text, codec
    return _decode_nul_free(data, path)


def _decode_nul_free(data: bytes, path: str | Path) -> tuple[str, str]:
    """(text, codec) of BOM-less bytes without NULs: the first plausible candidate decoding."""
    first_problem: TextProblem | None = None
    for codec, text, lenient in _candidates(data):
        problem = diagnose_text(text)
        if problem is None:
            if lenient:
                log.warning("%s: undecodable bytes replaced by U+FFFD (read as %s)", path, codec)
            return text, codec
        first_problem = first_problem or problem
    if first_problem is not None:
        raise first_problem.exception(path)
    raise UnreadableFile(
        path, "undecodable bytes: not UTF-8, UTF-16, GB18030 or any encoding charset-normalizer knows"
    )


def read_txt(path: Path) -> tuple[str, str]:
    """Text and codec of a .txt/.md file."""
    return decode_bytes(path.read_bytes(), path)
