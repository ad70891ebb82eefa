"""Numbers as printed: Arabic in either width, or Chinese numerals.

The one numeral parser of the package, on top of cn2an. Outlines use its strict mode (which
refuses slogans such as "十二五" that merely look like numerals); dates read digit-wise years
("二00三") in its smart mode; amounts try normal then smart ("壹拾万零贰佰", "1.5万").
"""

from __future__ import annotations

from functools import lru_cache

import cn2an

CN_DIGITS = "一二三四五六七八九十"  # the characters of an outline numeral 1-99


def cn2an_value(s: str, modes: tuple[str, ...] = ("strict",)) -> float | None:
    """cn2an's value of a Chinese numeral in the first of `modes` that reads it; None when none does."""
    for mode in modes:
        try:
            return float(cn2an.cn2an(s, mode))
        except (ValueError, KeyError, IndexError, TypeError):
            continue
    return None


@lru_cache(maxsize=4096)
def parse_int(s: str, mode: str = "strict") -> int | None:
    """The value of a numeral ("12", "１２", "十二", "一十二" -> 12); None when not one ("十二五")."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():  # str.isdigit and int() both take full-width digits
        return int(s)
    value = cn2an_value(s, (mode,))
    if value is None:
        return None
    return int(value) if mode != "strict" or value == int(value) else None


@lru_cache(maxsize=1024)
def cn_number(s: str) -> int | None:
    """Value of a Chinese outline numeral from 1 to 99 ("十二" -> 12); None when not one."""
    if not s or len(s) > 3 or any(c not in CN_DIGITS for c in s):
        return None
    n = parse_int(s)
    return n if n is not None and 1 <= n <= 99 else None
