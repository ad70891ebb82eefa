"""Punctuation and script classes of Chinese text, shared by the extractors."""

from __future__ import annotations

import regex

# Sentence and clause ends that close a heading text: "。" "；" "：" "！" "？" and ASCII ";:!?";
# not "，" or "、" (a heading may hold several phrases: "夯实基础，强化组织建设").
TERMINATOR = regex.compile(r"[。；;：:！!？?]")
# Sentence ends: "。" "！" "?"; not "；" or "：" (clause ends inside a sentence).
SENTENCE_END = regex.compile(r"[。！!？?]")
# Sentence or clause ends anywhere in a line: "。" "；" "！"; a one-phrase title has none ("，" ok).
SENTENCE_PUNCT = regex.compile(r"[。；;！!？?]")
COMMA = regex.compile(r"[，,]")  # one comma: "，" or ","; not "、"
NOT_HAN = regex.compile(r"[^\p{Han}]")  # any non-Chinese character: "1", "，"; not "工"
HAN = regex.compile(r"\p{Han}")  # one Chinese character: "工"; not "1" or "，"

CLOSERS = "”’」』)）】》 \t\u3000"  # closing quotes and brackets, and spaces, after a sentence end
LINE_SPACE = " \t\u3000\xa0\r"  # spaces that may pad a line
